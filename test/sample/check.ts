/**
 * Independent checks for the sample generator's tests: a strict RFC 4180 reader and a row validator
 * written from DOMAIN.md, sharing no code with src/sample, so the tests compare the generator's own
 * truth against a second opinion rather than against itself.
 */

/** Strict RFC 4180 reader: throws on a stray quote or a bare CR instead of guessing. */
export function readCsv(text: string, lineEnding: '\n' | '\r\n'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // Quoted field: runs to the next lone quote; "" is a literal quote.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && !text.startsWith(lineEnding, i)) throw new Error(`text after closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (text.startsWith(lineEnding, i)) {
      endField();
      records.push(record);
      record = [];
      i += lineEnding.length;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

const STAGES = ['Discover', 'Apply', 'Wait', 'Decision', 'Support'];
const CHANNELS = ['Web portal', 'Phone', 'Branch', 'Mobile app', 'Email'];
const DEPARTMENTS = ['Licensing', 'Benefits', 'Tax', 'Permits', 'Ombudsman'];

/** 'YYYY-MM-DD' of a date or a UTC timestamp that names a real calendar day, else null. */
export function calendarDay(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ)?$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? text.slice(0, 10) : null;
}

function integerIn(text: string, min: number, max: number): boolean {
  return /^-?\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
}

/** Every problem with one data row, named like the generator's invalid kinds where they overlap. */
export function problemsOf(row: readonly string[], firstDay: string, lastDay: string): string[] {
  if (row.length !== 9) return ['column-count'];
  const [, date, nps, csat, ces, stage, channel, department] = row as [string, string, string, string, string, string, string, string];
  const problems: string[] = [];
  if (date === '') problems.push('missing-date');
  else {
    const day = calendarDay(date);
    if (day === null) problems.push('invalid-date');
    else if (day < firstDay || day > lastDay) problems.push('outside-span');
  }
  if ([nps, csat, ces].every((s) => s === 'N/A' || s === '')) problems.push('no-score');
  else {
    if (/^-?\d+\.\d+$/.test(nps)) problems.push('nps-not-integer');
    else if (!integerIn(nps, 0, 10)) problems.push('nps-out-of-range');
    if (csat !== '' && !integerIn(csat, 1, 5)) problems.push('csat-out-of-range');
    if (ces !== '' && !integerIn(ces, 1, 7)) problems.push('ces-out-of-range');
  }
  if (!STAGES.includes(stage) || !CHANNELS.includes(channel) || !DEPARTMENTS.includes(department)) problems.push('unknown-category');
  return problems;
}

export interface Classified {
  /** First well-formed answer of a person on a day. */
  readonly valid: string[][];
  /** Well-formed rows whose respondent (trimmed, case-folded) and calendar day were already seen. */
  readonly duplicates: string[][];
  readonly invalid: Record<string, number>;
  /** Rows with more than one problem: the generator promises exactly one. */
  readonly multiplyBroken: number;
}

/** Applies DOMAIN.md's rules: reject with a reason, then drop duplicates (respondent trimmed + case-folded, same day). */
export function classify(rows: readonly string[][], firstDay: string, lastDay: string): Classified {
  const valid: string[][] = [];
  const duplicates: string[][] = [];
  const invalid: Record<string, number> = {};
  const seen = new Map<string, string[]>();
  let multiplyBroken = 0;
  for (const row of rows) {
    const problems = problemsOf(row, firstDay, lastDay);
    if (problems.length > 0) {
      if (problems.length > 1) multiplyBroken++;
      for (const p of problems) invalid[p] = (invalid[p] ?? 0) + 1;
      continue;
    }
    const key = `${row[0]!.trim().toLowerCase()}|${calendarDay(row[1]!)}`;
    if (seen.has(key)) duplicates.push(row);
    else {
      seen.set(key, row);
      valid.push(row);
    }
  }
  return { valid, duplicates, invalid, multiplyBroken };
}

/** NPS by DOMAIN.md: 100 · (promoters − detractors) / n. */
export function npsOf(rows: readonly string[][]): number {
  let promoters = 0;
  let detractors = 0;
  for (const row of rows) {
    const score = Number(row[2]);
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return (100 * (promoters - detractors)) / rows.length;
}
