/**
 * Operational data — wait and processing times, applications submitted and accepted, outage minutes —
 * as a columnar table: one day column and one Float64Array per numeric column. Rows are accounted for
 * like feedback rows: a row without a usable date is rejected with a reason for the whole file; a cell
 * that is empty or not a number is rejected only for the measures that read that column, so a blank
 * processing time never removes the row from the acceptance rate.
 */
import { createCsvReader, type CsvReader } from './csv.ts';
import { dayFromDate, parseDateToDay, type DateParseResult } from './dates.ts';
import { CxDataError } from './errors.ts';
import { createQualityReport, recordRejection, type QualityReport } from './quality.ts';

/** Why a cell of a numeric column cannot be used. */
export const CELL_OK = 0;
export const CELL_EMPTY = 1;
export const CELL_NOT_NUMBER = 2;

export interface NumericColumn {
  readonly name: string;
  /** NaN where the cell is empty or not a number; `state` says which. */
  readonly values: Float64Array;
  /** {@link CELL_OK}, {@link CELL_EMPTY} or {@link CELL_NOT_NUMBER} per row. */
  readonly state: Uint8Array;
}

export interface OperationalTable {
  /** Rows with a usable date. */
  readonly rowCount: number;
  /** Whole UTC day numbers. */
  readonly day: Int32Array;
  /** 1-based line (CSV) or record number (JSON) of each row, so a per-measure report can point at it. */
  readonly line: Uint32Array;
  /** Every column but the date column, in input order. */
  readonly columns: readonly NumericColumn[];
  readonly firstDay: number;
  readonly lastDay: number;
}

export interface OperationalIngestResult {
  readonly table: OperationalTable;
  /** File-level accounting: rows read, rows rejected for their date or shape. Cells are judged per measure. */
  readonly quality: QualityReport;
}

/** Plain decimal notation; exponents, hex and digit grouping are refused (see scores.ts for why). */
const DECIMAL_POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const NOT_GIVEN = /^(?:n\/?a|-|null)$/i;

/**
 * "1.234" or "1,234" in a decimal-comma file: a thousand written with a grouping separator, or one and
 * a bit? Either reading is common in European exports, so neither is guessed: the cell is refused and
 * reported. A leading 0 ("0.125") or any other number of decimals cannot be a grouping and is read.
 */
const GROUPING_LOOKALIKE = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/** A numeric cell as written, or NaN when it is empty or not a number ({@link measureCellProblem} says which). */
export function parseMeasureCell(text: string, decimalComma: boolean): number {
  const trimmed = text.trim();
  if (!(decimalComma ? DECIMAL_COMMA : DECIMAL_POINT).test(trimmed)) return NaN;
  if (decimalComma && GROUPING_LOOKALIKE.test(trimmed)) return NaN;
  const value = Number(decimalComma ? trimmed.replace(',', '.') : trimmed);
  return value === 0 ? 0 : value;
}

function checkMeasureValue(value: unknown): number {
  if (typeof value === 'string') return parseMeasureCell(value, false);
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/** Why a cell gave no number: empty ("", "n/a", "-", null) is not given, anything else is wrong. */
export function measureCellProblem(value: unknown): typeof CELL_EMPTY | typeof CELL_NOT_NUMBER {
  if (value === null || value === undefined) return CELL_EMPTY;
  if (typeof value !== 'string') return CELL_NOT_NUMBER;
  const trimmed = value.trim();
  return trimmed === '' || NOT_GIVEN.test(trimmed) ? CELL_EMPTY : CELL_NOT_NUMBER;
}

const INITIAL_CAPACITY = 1024;

function grown<T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

type FieldReader = (index: number) => unknown;

class OperationalBuilder {
  readonly #dateIndex: number;
  readonly #names: readonly string[];
  readonly #indexes: readonly number[];
  readonly #parseDate: (value: unknown) => DateParseResult;
  readonly #parseValue: (value: unknown) => number;
  readonly quality = createQualityReport();
  #rowCount = 0;
  #day = new Int32Array(INITIAL_CAPACITY);
  #line = new Uint32Array(INITIAL_CAPACITY);
  #values: Float64Array[];
  #state: Uint8Array[];
  #firstDay = Infinity;
  #lastDay = -Infinity;

  constructor(header: readonly string[], dateColumn: string, textual: { decimalComma: boolean } | null) {
    const trimmed = header.map((name) => name.trim());
    this.#dateIndex = trimmed.indexOf(dateColumn.trim());
    if (this.#dateIndex < 0) {
      throw new CxDataError('missing-source-column', `The file has no “${dateColumn}” column for dates (source.date).`, { field: dateColumn, role: 'date' });
    }
    this.#indexes = trimmed.flatMap((_, index) => (index === this.#dateIndex ? [] : [index]));
    this.#names = this.#indexes.map((index) => trimmed[index]!);
    this.#values = this.#names.map(() => new Float64Array(INITIAL_CAPACITY));
    this.#state = this.#names.map(() => new Uint8Array(INITIAL_CAPACITY));
    if (textual) {
      this.#parseDate = (value) => parseDateToDay(value as string);
      this.#parseValue = (value) => parseMeasureCell(value as string, textual.decimalComma);
    } else {
      this.#parseDate = (value) =>
        value instanceof Date || typeof value === 'number' ? dayFromDate(value) : parseDateToDay(value == null ? '' : String(value));
      this.#parseValue = checkMeasureValue;
    }
  }

  reject(line: number, reason: 'column-count' | 'unclosed-quote' | 'not-an-object'): void {
    this.quality.totalRows++;
    recordRejection(this.quality, line, reason);
  }

  add(read: FieldReader, line: number): void {
    this.quality.totalRows++;
    const date = this.#parseDate(read(this.#dateIndex));
    if ('error' in date) return recordRejection(this.quality, line, date.error);
    const row = this.#rowCount++;
    if (row >= this.#day.length) {
      const capacity = this.#day.length * 2;
      this.#day = grown(this.#day, capacity);
      this.#line = grown(this.#line, capacity);
      this.#values = this.#values.map((values) => grown(values, capacity));
      this.#state = this.#state.map((state) => grown(state, capacity));
    }
    this.#day[row] = date.day;
    this.#line[row] = line;
    if (date.day < this.#firstDay) this.#firstDay = date.day;
    if (date.day > this.#lastDay) this.#lastDay = date.day;
    for (let column = 0; column < this.#indexes.length; column++) {
      const cell = read(this.#indexes[column]!);
      const value = this.#parseValue(cell);
      this.#values[column]![row] = value;
      this.#state[column]![row] = Number.isNaN(value) ? measureCellProblem(cell) : CELL_OK;
    }
    this.quality.accepted++;
  }

  finish(): OperationalIngestResult {
    const rowCount = this.#rowCount;
    return {
      table: {
        rowCount,
        day: this.#day.slice(0, rowCount),
        line: this.#line.slice(0, rowCount),
        columns: this.#names.map((name, column) => ({
          name,
          values: this.#values[column]!.slice(0, rowCount),
          state: this.#state[column]!.slice(0, rowCount),
        })),
        firstDay: rowCount ? this.#firstDay : 0,
        lastDay: rowCount ? this.#lastDay : -1,
      },
      quality: this.quality,
    };
  }
}

/** Streams an operational CSV into a table; the first record is the header. */
export function createOperationalCsvIngest(dateColumn: string): {
  push(chunk: Uint8Array | string): void;
  finish(): OperationalIngestResult;
  /** Data rows read so far. */
  readonly rowsRead: number;
} {
  let width = 0;
  let rowsRead = 0;
  let builder: OperationalBuilder | null = null;
  let reader: CsvReader;
  reader = createCsvReader({
    record(fields, line) {
      if (!builder) {
        width = fields.length;
        builder = new OperationalBuilder(fields, dateColumn, { decimalComma: reader.delimiter !== ',' });
        return;
      }
      rowsRead++;
      if (fields.length !== width) return builder.reject(line, 'column-count');
      builder.add((index) => fields[index], line);
    },
    unclosedQuote(line) {
      if (!builder) throw new CxDataError('not-csv', 'The file is not CSV: its header never ends (an unclosed quote).', { line });
      rowsRead++;
      builder.reject(line, 'unclosed-quote');
    },
  });
  return {
    get rowsRead() {
      return rowsRead;
    },
    push: (chunk) => reader.push(chunk),
    finish() {
      reader.end();
      if (!builder) throw new CxDataError('empty-file', 'The file is empty: it has no header row.');
      return (builder as OperationalBuilder).finish();
    },
  };
}

/** An array of records (a JSON file); the keys of all records are the columns. */
export function ingestOperationalRecords(records: unknown, dateColumn: string): OperationalIngestResult {
  if (!Array.isArray(records)) throw new CxDataError('bad-json', 'Operational data must be a JSON array of records.', {});
  if (records.length === 0) throw new CxDataError('empty-file', 'The data has no records.');
  const columns: string[] = [];
  const known = new Set<string>();
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  for (const record of records) {
    if (!isRecord(record)) continue;
    for (const key of Object.keys(record)) if (!known.has(key)) known.add(key), columns.push(key);
  }
  const builder = new OperationalBuilder(columns, dateColumn, null);
  records.forEach((record: unknown, index) => {
    if (!isRecord(record)) return builder.reject(index + 1, 'not-an-object');
    builder.add((column) => record[columns[column]!], index + 1);
  });
  return builder.finish();
}

/** The column called `name`, or a `missing-source-column` error naming it and the definition field that asked for it. */
export function numericColumn(table: OperationalTable, name: string, role: 'value' | 'numerator' | 'denominator'): NumericColumn {
  const column = table.columns.find((c) => c.name === name.trim());
  if (!column) throw new CxDataError('missing-source-column', `The file has no “${name}” column (source.${role}).`, { field: name, role });
  return column;
}
