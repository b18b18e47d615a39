/**
 * Turns input rows — CSV records, JSON objects or in-memory columns — into a {@link FeedbackTable},
 * accounting for every row in the {@link QualityReport}: accepted, duplicate, or rejected with a reason.
 */
import { dayFromDate, parseDateToDay, type DateParseResult } from './dates.ts';
import { CxDataError } from './errors.ts';
import { createQualityReport, finishQualityReport, recordDuplicate, recordRejection, type QualityReport } from './quality.ts';
import { MISSING_SCORE, SCORE_FIELDS, resolveColumns, type ColumnLayout, type FieldMapping, type ScoreField } from './schema.ts';
import { checkScore, parseScore, type ScoreParseResult } from './scores.ts';
import { TableBuilder, type FeedbackTable } from './table.ts';

export interface IngestResult {
  readonly table: FeedbackTable;
  readonly quality: QualityReport;
}

/** Reads one field of the current row: raw text for CSV, any value for JSON and in-memory data. */
type FieldReader = (index: number) => unknown;

/**
 * The layout, when it has what every feedback row needs: a date column and at least one score column.
 * @throws CxDataError `missing-column` naming the one that is missing.
 */
export function requireDateAndScore(layout: ColumnLayout): ColumnLayout {
  if (layout.canonical.date === undefined) {
    throw new CxDataError('missing-column', 'The data has no date column; map one with fields="date:<column>".', { field: 'date' });
  }
  if (!SCORE_FIELDS.some((field) => layout.canonical[field] !== undefined)) {
    throw new CxDataError('missing-column', 'The data has no score column (nps, csat or ces); map one with fields="nps:<column>".', { field: 'nps' });
  }
  return layout;
}

/**
 * The row-level rules shared by every input format (CSV files have a byte-level twin of them in
 * `csv-ingest.ts`, which the tests hold to this one). Dedup rule (DOMAIN.md): the same respondent —
 * compared trimmed and case-folded, since e-mails arrive as `Anna@x.org` and ` anna@x.org` — on the
 * same calendar day is one answer submitted twice; the first one counts.
 */
export class RowIngest {
  readonly #layout: ColumnLayout;
  readonly #builder: TableBuilder;
  readonly #quality = createQualityReport();
  /** Respondent keys already accepted, per day. */
  readonly #seen = new Map<number, Set<string>>();
  /** Reused for every row: the ingest loop allocates nothing per accepted row but the table itself. */
  readonly #scores: Record<ScoreField, number> = { nps: MISSING_SCORE, csat: MISSING_SCORE, ces: MISSING_SCORE };
  readonly #parseDate: (value: unknown) => DateParseResult;
  readonly #parseScore: (value: unknown, field: ScoreField) => ScoreParseResult;
  readonly #scoreColumns: ReadonlyArray<[ScoreField, number]>;
  readonly #dimensions: string[];

  constructor(layout: ColumnLayout, textual: { decimalComma: boolean } | null) {
    this.#layout = requireDateAndScore(layout);
    this.#scoreColumns = SCORE_FIELDS.flatMap((field) => {
      const index = layout.canonical[field];
      return index === undefined ? [] : [[field, index] as [ScoreField, number]];
    });
    this.#builder = new TableBuilder(layout.canonical.stage !== undefined, layout.dimensions.map((d) => d.name));
    this.#dimensions = layout.dimensions.map(() => '');
    if (textual) {
      const { decimalComma } = textual;
      this.#parseDate = (value) => parseDateToDay(value as string);
      this.#parseScore = (value, field) => parseScore(value as string, field, decimalComma);
    } else {
      this.#parseDate = (value) =>
        value instanceof Date || typeof value === 'number' ? dayFromDate(value) : parseDateToDay(value == null ? '' : String(value));
      this.#parseScore = checkScore;
    }
  }

  reject(line: number, reason: 'column-count' | 'unclosed-quote' | 'not-an-object'): void {
    this.#quality.totalRows++;
    recordRejection(this.#quality, line, reason);
  }

  add(read: FieldReader, line: number): void {
    const quality = this.#quality;
    quality.totalRows++;
    const { canonical, dimensions } = this.#layout;
    const date = this.#parseDate(read(canonical.date!));
    if ('error' in date) return recordRejection(quality, line, date.error);

    const scores = this.#scores;
    scores.nps = scores.csat = scores.ces = MISSING_SCORE;
    let answered = false;
    for (let i = 0; i < this.#scoreColumns.length; i++) {
      const [field, index] = this.#scoreColumns[i]!;
      const score = this.#parseScore(read(index), field);
      if ('error' in score) return recordRejection(quality, line, score.error, field);
      if ('value' in score) {
        scores[field] = score.value;
        answered = true;
      }
    }
    if (!answered) return recordRejection(quality, line, 'no-score');

    const respondent = canonical.respondent === undefined ? '' : textOf(read(canonical.respondent)).trim().toLowerCase();
    if (respondent === '') {
      quality.withoutRespondent++;
    } else {
      // One small set per day rather than one set of "day|respondent" strings: no key is built for a lookup.
      let seenToday = this.#seen.get(date.day);
      if (!seenToday) this.#seen.set(date.day, (seenToday = new Set()));
      if (seenToday.has(respondent)) return recordDuplicate(quality, line);
      seenToday.add(detached(respondent));
    }

    for (let i = 0; i < dimensions.length; i++) this.#dimensions[i] = textOf(read(dimensions[i]!.index)).trim();
    quality.accepted++;
    const stage = canonical.stage === undefined ? '' : textOf(read(canonical.stage)).trim();
    if (stage === '' && canonical.stage !== undefined) quality.withoutStage++;
    this.#builder.append(
      date.day,
      scores,
      stage,
      this.#dimensions,
      canonical.comment === undefined ? '' : detached(textOf(read(canonical.comment)).trim()),
    );
  }

  finish(): IngestResult {
    return { table: this.#builder.finish(), quality: finishQualityReport(this.#quality) };
  }
}

/**
 * A copy of `text` that does not point into the chunk it was sliced from. V8 keeps longer substrings
 * as views of their parent string, so a kept comment or dedup key would otherwise pin a whole 64 KiB
 * chunk of the file in memory.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

function textOf(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

export interface CsvIngest {
  /**
   * Feeds the next chunk of the file. Text is read as its UTF-8 bytes, as a file holds it: an unpaired
   * surrogate (which no file can contain) becomes U+FFFD.
   */
  push(chunk: Uint8Array | string): void;
  /** Ends the input and returns the table. */
  finish(): IngestResult;
  /** Bytes consumed so far (text counts as its UTF-8 bytes). */
  readonly consumed: number;
  /** Data rows read so far (the header is not one): what a `max-rows` limit is checked against while loading. */
  readonly rowsRead: number;
}

/** An array of objects (parsed JSON or in-memory records); the keys of all records are the columns. */
export function ingestRecords(records: readonly unknown[], mapping: FieldMapping): IngestResult {
  const columns: string[] = [];
  const known = new Set<string>();
  for (const record of records) {
    if (!isPlainRecord(record)) continue;
    for (const key of Object.keys(record)) if (!known.has(key)) known.add(key), columns.push(key);
  }
  if (records.length === 0) throw new CxDataError('empty-file', 'The data has no records.');
  const rows = new RowIngest(resolveColumns(columns, mapping), null);
  records.forEach((record, index) => {
    if (!isPlainRecord(record)) return rows.reject(index + 1, 'not-an-object');
    rows.add((column) => record[columns[column]!], index + 1);
  });
  return rows.finish();
}

/** Column arrays of equal length, e.g. `{ date: [...], nps: Int8Array }`. */
export function ingestColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>, mapping: FieldMapping): IngestResult {
  const names = Object.keys(columns);
  const lengths = new Set(names.map((name) => columns[name]!.length));
  if (lengths.size > 1) {
    throw new CxDataError('bad-data', `Columns differ in length (${[...lengths].join(', ')}); every column needs one value per row.`, {
      detail: [...lengths].join(', '),
    });
  }
  const rowCount = lengths.values().next().value ?? 0;
  if (rowCount === 0) throw new CxDataError('empty-file', 'The data has no rows.');
  const rows = new RowIngest(resolveColumns(names, mapping), null);
  const arrays = names.map((name) => columns[name]!);
  for (let row = 0; row < rowCount; row++) rows.add((column) => arrays[column]![row], row + 1);
  return rows.finish();
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
