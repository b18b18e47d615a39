/**
 * What a developer would write without cx-elements, measured in the same run as the engine: a CSV
 * parser (d3-dsv or PapaParse) plus the conversion to the same columnar table with the same rules —
 * dates checked, scores whole numbers on their scale, one answer per respondent and day, categories
 * dictionary-encoded, comments kept. Then NPS by month with d3.rollup over row objects.
 *
 * The conversion is written to be fast (a regex for dates, Maps, typed arrays), so that the ratios
 * measure the approach — decode the file, make a string per cell, an array per row — not a straw man.
 */
import { csvParseRows } from 'd3-dsv';
import { rollup } from 'd3-array';
import { utcMonth } from 'd3-time';
import Papa from 'papaparse';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?$/;
const MS_PER_DAY = 86_400_000;

function dayOf(text) {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || year < 1900 || year > 2199) return null;
  return ms / MS_PER_DAY;
}

function score(text, min, max) {
  const trimmed = text.trim();
  if (trimmed === '') return -1;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Parsed rows (header first) → the same columns and counts the engine produces. */
export function rowsToTable(rows) {
  const header = rows[0].map((name) => name.trim().toLowerCase());
  const at = (name) => header.indexOf(name);
  const [iResp, iDate, iNps, iCsat, iCes, iStage, iComment] = ['respondent', 'date', 'nps', 'csat', 'ces', 'stage', 'comment'].map(at);
  const dimensionIndexes = header.map((_, i) => i).filter((i) => ![iResp, iDate, iNps, iCsat, iCes, iStage, iComment].includes(i));
  const n = rows.length - 1;
  const day = new Int32Array(n);
  const nps = new Int8Array(n);
  const csat = new Int8Array(n);
  const ces = new Int8Array(n);
  const categories = [iStage, ...dimensionIndexes].map(() => ({ codes: new Uint16Array(n), lookup: new Map([['', 0]]) }));
  const commentRows = [];
  const commentTexts = [];
  const seen = new Set();
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== header.length) {
      rejected++;
      continue;
    }
    const d = dayOf(row[iDate]);
    const p = score(row[iNps], 0, 10);
    const s = score(row[iCsat], 1, 5);
    const e = score(row[iCes], 1, 7);
    if (d === null || p === null || s === null || e === null || (p < 0 && s < 0 && e < 0)) {
      rejected++;
      continue;
    }
    const respondent = row[iResp].trim().toLowerCase();
    if (respondent !== '') {
      const key = `${d}|${respondent}`;
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
    }
    const i = accepted++;
    day[i] = d;
    nps[i] = p;
    csat[i] = s;
    ces[i] = e;
    [iStage, ...dimensionIndexes].forEach((column, c) => {
      const value = row[column].trim();
      const { lookup, codes } = categories[c];
      let code = lookup.get(value);
      if (code === undefined) lookup.set(value, (code = lookup.size));
      codes[i] = code;
    });
    const comment = row[iComment].trim();
    if (comment !== '') {
      commentRows.push(i);
      commentTexts.push(comment);
    }
  }
  return { rowCount: accepted, day, nps, csat, ces, categories, commentRows, commentTexts, accepted, duplicates, rejected };
}

/** Blank lines are not rows; both parsers return them as a row with one empty cell. */
const withoutBlankLines = (rows) => rows.filter((row) => row.length > 1 || row[0] !== '');

export function d3DsvToTable(bytes) {
  const text = new TextDecoder().decode(bytes);
  return rowsToTable(withoutBlankLines(csvParseRows(text)));
}

export function papaparseToTable(bytes) {
  const text = new TextDecoder().decode(bytes);
  return rowsToTable(withoutBlankLines(Papa.parse(text, { skipEmptyLines: false }).data));
}

/** Row objects from a table, as a page that kept d3-dsv's output in objects would hold them. */
export function rowObjects(table) {
  const rows = new Array(table.rowCount);
  const department = table.dimensions.find((d) => d.name === 'department');
  for (let i = 0; i < table.rowCount; i++) {
    const day = table.day[i];
    rows[i] = { day, date: new Date(day * 86_400_000), nps: table.scores.nps[i], department: department ? department.dictionary[department.codes[i]] : '' };
  }
  return rows;
}

const npsHistogram = (answers) => {
  const histogram = new Float64Array(11);
  for (const answer of answers) if (answer.nps >= 0) histogram[answer.nps]++;
  return histogram;
};

/**
 * NPS histogram per month with d3.rollup as d3's documentation writes it: rows with a Date (as d3-dsv's
 * autoType gives them), grouped by `d3.utcMonth`.
 */
export function rollupNpsByUtcMonth(rows) {
  return rollup(rows, npsHistogram, (row) => utcMonth(row.date));
}

/**
 * The same with the month of each day taken from a precomputed table, the shortcut the engine itself
 * uses: this isolates row objects against typed columns, nothing else.
 */
export function rollupNpsByMonth(rows, monthOfDay, firstDay) {
  return rollup(
    rows,
    (answers) => {
      const histogram = new Float64Array(11);
      for (const answer of answers) if (answer.nps >= 0) histogram[answer.nps]++;
      return histogram;
    },
    (row) => monthOfDay[row.day - firstDay],
  );
}
