/**
 * CSV bytes → {@link FeedbackTable}, without decoding the file to text. The scanner hands over each
 * record as byte offsets; dates and scores are read from the bytes, respondents are compared as bytes
 * per day, category cells are looked up by their raw bytes, and only what must become a string is
 * decoded: a category value the first time its bytes are seen. Comments stay bytes until they are read.
 *
 * The rules are those of the record ingest in `ingest.ts` (which JSON and in-memory rows use), applied
 * in the same order, so a row gets the same verdict from either; the tests compare the two. Anything
 * unusual in a cell — whitespace around a date, a decimal score, a non-ASCII respondent id, a quoted
 * cell with `""` in it — goes through the same text functions the record ingest uses.
 */
import { ByteKeySet, KeysPerDay, isAsciiSpace } from './byte-keys.ts';
import { createByteCsvScanner } from './csv-bytes.ts';
import { fieldText, MIXED_FIELD, QUOTED_FIELD, type ByteRecord } from './csv-record.ts';
import { parseDateToDay } from './dates.ts';
import { CxDataError } from './errors.ts';
import { requireDateAndScore, type CsvIngest, type IngestResult } from './ingest.ts';
import { createQualityReport, finishQualityReport, recordDuplicate, recordRejection, type QualityReport } from './quality.ts';
import { MISSING_SCORE, SCORE_FIELDS, SCORE_SCALES, resolveColumns, type FieldMapping, type ScoreField } from './schema.ts';
import { parseScore } from './scores.ts';
import { TableBuilder, type CategoryBuilder } from './table.ts';

const DIGIT_0 = 0x30;
const DASH = 0x2d;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days since 1970-01-01 of a valid proleptic Gregorian date (Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const COLON = 0x3a;

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - DIGIT_0;
  const ones = bytes[at + 1]! - DIGIT_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * The common ISO forms — `YYYY-MM-DD`, optionally with `T`/space `HH:mm`, `:ss` and `Z` — on the accepted
 * calendar, as a day number; NaN for anything else, which the caller then reads as text (other forms,
 * fractions, offsets, whitespace, or an invalid date and its reason). Must agree with `parseDateToDay`.
 */
function isoDay(bytes: Uint8Array, start: number, end: number): number {
  let length = end - start;
  if (length < 10 || bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return Number.NaN;
  if (length > 10) {
    const last = bytes[end - 1];
    if (last === 0x5a || last === 0x7a) length--; // Z or z
    const separator = bytes[start + 10];
    if ((length !== 16 && length !== 19) || (separator !== 0x54 && separator !== 0x74 && separator !== 0x20)) return Number.NaN;
    if (bytes[start + 13] !== COLON || twoDigits(bytes, start + 11) > 23 || twoDigits(bytes, start + 11) < 0) return Number.NaN;
    const minute = twoDigits(bytes, start + 14);
    if (minute < 0 || minute > 59) return Number.NaN;
    if (length === 19) {
      const second = twoDigits(bytes, start + 17);
      if (bytes[start + 16] !== COLON || second < 0 || second > 59) return Number.NaN;
    }
  }
  const century = twoDigits(bytes, start);
  const yy = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = century * 100 + yy;
  if (year < MIN_YEAR || year > MAX_YEAR) return Number.NaN;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month]! + (leap ? 1 : 0)) return Number.NaN;
  return dayNumber(year, month, day);
}

const NOT_FAST = -2;

/** A bare one- or two-digit integer ("7", "10") on the scale; {@link NOT_FAST} when the text rules must decide. */
function quickScore(bytes: Uint8Array, start: number, end: number, min: number, max: number): number {
  const length = end - start;
  if (length === 0) return MISSING_SCORE;
  const first = bytes[start]! - DIGIT_0;
  if (first < 0 || first > 9) return NOT_FAST;
  let value = first;
  if (length === 2) {
    const second = bytes[start + 1]! - DIGIT_0;
    if (first === 0 || second < 0 || second > 9) return NOT_FAST;
    value = first * 10 + second;
  } else if (length !== 1) return NOT_FAST;
  // Out of range goes the slow way too, which names the reason.
  return value >= min && value <= max ? value : NOT_FAST;
}

/**
 * The length of the Unicode space (other than ASCII) that `String.prototype.trim` removes starting at
 * `at`, or 0: U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF in UTF-8.
 */
function unicodeSpaceAt(bytes: Uint8Array, at: number, end: number): number {
  const b0 = bytes[at]!;
  const b1 = at + 1 < end ? bytes[at + 1]! : -1;
  const b2 = at + 2 < end ? bytes[at + 2]! : -1;
  if (b0 === 0xc2) return b1 === 0xa0 ? 2 : 0;
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80 ? 3 : 0;
  if (b0 === 0xe2) {
    if (b1 === 0x80) return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0;
    return b1 === 0x81 && b2 === 0x9f ? 3 : 0;
  }
  if (b0 === 0xe3) return b1 === 0x80 && b2 === 0x80 ? 3 : 0;
  if (b0 === 0xef) return b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  return 0;
}

/** Whether `bytes[start, end)` ends with such a space (a lead byte is never a continuation byte, so matching the tail is exact). */
function unicodeSpaceBefore(bytes: Uint8Array, start: number, end: number): number {
  if (end - 2 >= start && unicodeSpaceAt(bytes, end - 2, end) === 2) return 2;
  return end - 3 >= start && unicodeSpaceAt(bytes, end - 3, end) === 3 ? 3 : 0;
}

const RECENT_SLOTS = 1024;

/** A category column: raw cell bytes → code, decoding a cell only the first time its bytes appear. */
class CategoryCells {
  readonly #builder: CategoryBuilder;
  readonly #keys = new ByteKeySet();
  #codes = new Int32Array(64);
  /**
   * Entry last seen per (length, first byte, last byte) slot, or -1: most columns hold a handful of
   * values, and one comparison with that entry spares hashing the cell.
   */
  readonly #recent = new Int32Array(RECENT_SLOTS).fill(-1);

  constructor(builder: CategoryBuilder) {
    this.#builder = builder;
  }

  /** The code of the trimmed text of `record`'s field, as the record ingest would store it. */
  code(record: ByteRecord, field: number): number {
    const shape = record.shapes[field]!;
    if (shape === MIXED_FIELD) return this.#builder.intern(fieldText(record, field).trim());
    const quoted = shape === QUOTED_FIELD ? 1 : 0;
    const start = record.starts[field]! + quoted;
    const end = record.ends[field]! - quoted;
    if (start === end) return 0;
    const { bytes } = record;
    const slot = ((end - start) * 0x9e5 + bytes[start]! * 0x3b + bytes[end - 1]!) & (RECENT_SLOTS - 1);
    const recent = this.#recent[slot]!;
    if (recent >= 0 && this.#keys.equals(recent, bytes, start, end)) return this.#codes[recent]!;
    const entry = this.#keys.intern(bytes, start, end, false);
    this.#recent[slot] = entry;
    if (this.#keys.added) {
      if (entry >= this.#codes.length) {
        const codes = new Int32Array(this.#codes.length * 2);
        codes.set(this.#codes);
        this.#codes = codes;
      }
      this.#codes[entry] = this.#builder.intern(fieldText(record, field).trim());
    }
    return this.#codes[entry]!;
  }
}

const encoder = new TextEncoder();

/** The columns a feedback CSV's rows are read from, resolved once from its header. */
class FeedbackRows {
  readonly #columnCount: number;
  readonly #builder: TableBuilder;
  readonly #quality: QualityReport = createQualityReport();
  readonly #decimalComma: boolean;
  readonly #date: number;
  readonly #scoreFields: ScoreField[];
  readonly #scoreColumns: Int32Array;
  /** Per score column: the lowest and highest score on its scale, and its slot in {@link #scores}. */
  readonly #scoreMins: Int32Array;
  readonly #scoreMaxes: Int32Array;
  readonly #scoreSlots: Int32Array;
  readonly #respondent: number;
  readonly #seen = new KeysPerDay();
  readonly #stage: number;
  readonly #stageCells: CategoryCells | null;
  readonly #dimensionColumns: Int32Array;
  readonly #dimensionCells: CategoryCells[];
  readonly #comment: number;
  readonly #scores = new Int32Array(3);

  constructor(header: readonly string[], mapping: FieldMapping, decimalComma: boolean) {
    const layout = resolveColumns(header, mapping);
    const { canonical } = requireDateAndScore(layout);
    this.#columnCount = header.length;
    this.#decimalComma = decimalComma;
    this.#date = canonical.date!;
    this.#scoreFields = SCORE_FIELDS.filter((field) => canonical[field] !== undefined);
    this.#scoreColumns = Int32Array.from(this.#scoreFields, (field) => canonical[field]!);
    this.#scoreMins = Int32Array.from(this.#scoreFields, (field) => SCORE_SCALES[field].min);
    this.#scoreMaxes = Int32Array.from(this.#scoreFields, (field) => SCORE_SCALES[field].max);
    this.#scoreSlots = Int32Array.from(this.#scoreFields, (field) => SCORE_FIELDS.indexOf(field));
    this.#respondent = canonical.respondent ?? -1;
    this.#stage = canonical.stage ?? -1;
    this.#comment = canonical.comment ?? -1;
    this.#builder = new TableBuilder(this.#stage >= 0, layout.dimensions.map((d) => d.name));
    this.#stageCells = this.#builder.stage && new CategoryCells(this.#builder.stage);
    this.#dimensionColumns = Int32Array.from(layout.dimensions, (d) => d.index);
    this.#dimensionCells = this.#builder.dimensions.map((builder) => new CategoryCells(builder));
  }

  get rowsRead(): number {
    return this.#quality.totalRows;
  }

  reject(line: number, reason: 'unclosed-quote'): void {
    this.#quality.totalRows++;
    recordRejection(this.#quality, line, reason);
  }

  add(record: ByteRecord, line: number): void {
    const quality = this.#quality;
    quality.totalRows++;
    if (record.fieldCount !== this.#columnCount) return recordRejection(quality, line, 'column-count');
    const { bytes, starts, ends, shapes } = record;

    // A shape of 1 (QUOTED_FIELD) is one quote at each end of the cell: the value lies inside them.
    const dateField = this.#date;
    let day = shapes[dateField] === MIXED_FIELD ? Number.NaN : isoDay(bytes, starts[dateField]! + shapes[dateField]!, ends[dateField]! - shapes[dateField]!);
    if (day !== day) {
      const parsed = parseDateToDay(fieldText(record, dateField));
      if ('error' in parsed) return recordRejection(quality, line, parsed.error);
      day = parsed.day;
    }

    const scores = this.#scores;
    scores[0] = scores[1] = scores[2] = MISSING_SCORE;
    let answered = false;
    for (let i = 0; i < this.#scoreColumns.length; i++) {
      const field = this.#scoreColumns[i]!;
      const shape = shapes[field]!;
      let score = shape === MIXED_FIELD ? NOT_FAST : quickScore(bytes, starts[field]! + shape, ends[field]! - shape, this.#scoreMins[i]!, this.#scoreMaxes[i]!);
      if (score === NOT_FAST) {
        const name = this.#scoreFields[i]!;
        const parsed = parseScore(fieldText(record, field), name, this.#decimalComma);
        if ('error' in parsed) return recordRejection(quality, line, parsed.error, name);
        score = 'value' in parsed ? parsed.value : MISSING_SCORE;
      }
      if (score !== MISSING_SCORE) {
        scores[this.#scoreSlots[i]!] = score;
        answered = true;
      }
    }
    if (!answered) return recordRejection(quality, line, 'no-score');

    if (this.#respondent < 0) quality.withoutRespondent++;
    else if (!this.#firstAnswerOfDay(record, day)) return recordDuplicate(quality, line);

    quality.accepted++;
    const row = this.#builder.appendRow(day, scores[0]!, scores[1]!, scores[2]!);
    if (this.#stageCells) {
      const code = this.#stageCells.code(record, this.#stage);
      if (code === 0) quality.withoutStage++;
      else this.#builder.stage!.setCode(row, code);
    }
    for (let i = 0; i < this.#dimensionCells.length; i++) {
      const code = this.#dimensionCells[i]!.code(record, this.#dimensionColumns[i]!);
      if (code !== 0) this.#builder.dimensions[i]!.setCode(row, code);
    }
    if (this.#comment >= 0) this.#addComment(record, row);
  }

  /**
   * Whether this row's respondent has no earlier accepted answer on `day` (and records it). A blank
   * respondent cannot be checked and counts as a first answer.
   */
  #firstAnswerOfDay(record: ByteRecord, day: number): boolean {
    const field = this.#respondent;
    const shape = record.shapes[field]!;
    if (shape !== MIXED_FIELD) {
      const { bytes } = record;
      let start = record.starts[field]! + shape;
      let end = record.ends[field]! - shape;
      while (start < end && isAsciiSpace(bytes[start]!)) start++;
      while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
      if (start === end) {
        this.#quality.withoutRespondent++;
        return true;
      }
      // Case-folded as bytes when ASCII; otherwise through toLowerCase, below, like the record ingest.
      const added = this.#seen.add(day, bytes, start, end, true);
      if (added !== null) return added;
    }
    const key = fieldText(record, field).trim().toLowerCase();
    if (key === '') {
      this.#quality.withoutRespondent++;
      return true;
    }
    const keyBytes = encoder.encode(key);
    return this.#seen.add(day, keyBytes, 0, keyBytes.length, false)!;
  }

  /**
   * Stores the comment's bytes as they are, trimmed of ASCII spaces; decoding waits until someone reads
   * it (see CommentColumn). A comment that begins or ends with a Unicode space, which String.prototype.trim
   * would also remove, or that needs unquoting, is trimmed as text instead.
   */
  #addComment(record: ByteRecord, row: number): void {
    const field = this.#comment;
    const shape = record.shapes[field]!;
    if (shape === MIXED_FIELD) return this.#addCommentText(row, fieldText(record, field));
    const { bytes } = record;
    let start = record.starts[field]! + shape;
    let end = record.ends[field]! - shape;
    while (start < end && isAsciiSpace(bytes[start]!)) start++;
    while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
    if (start === end) return;
    if ((bytes[start]! >= 0x80 && unicodeSpaceAt(bytes, start, end) > 0) || (bytes[end - 1]! >= 0x80 && unicodeSpaceBefore(bytes, start, end) > 0)) {
      return this.#addCommentText(row, fieldText(record, field));
    }
    this.#builder.addCommentBytes(row, bytes, start, end);
  }

  #addCommentText(row: number, text: string): void {
    const trimmed = text.trim();
    if (trimmed !== '') this.#builder.addComment(row, trimmed);
  }

  finish(): IngestResult {
    return { table: this.#builder.finish(), quality: finishQualityReport(this.#quality) };
  }
}

/**
 * Streams a CSV file into a table chunk by chunk: the first record is the header, every later record
 * one row. Throws {@link CxDataError} `empty-file` when there is no header, `missing-column` when the
 * header lacks a date or score column, `not-csv` when the header never ends.
 */
export function createCsvIngest(mapping: FieldMapping): CsvIngest {
  let rows: FeedbackRows | null = null;
  const scanner = createByteCsvScanner({
    record(record, line) {
      if (rows) return rows.add(record, line);
      const header: string[] = [];
      for (let i = 0; i < record.fieldCount; i++) header.push(fieldText(record, i));
      rows = new FeedbackRows(header, mapping, scanner.delimiter !== ',');
    },
    unclosedQuote(line) {
      if (!rows) throw new CxDataError('not-csv', 'The file is not CSV: its header never ends (an unclosed quote).', { line });
      rows.reject(line, 'unclosed-quote');
    },
  });
  /** A high surrogate that ended the last string chunk: its low half may start the next one. */
  let heldSurrogate = '';
  const releaseSurrogate = () => {
    if (heldSurrogate) scanner.push(encoder.encode(heldSurrogate));
    heldSurrogate = '';
  };
  return {
    push(chunk) {
      if (typeof chunk === 'string') {
        let text = heldSurrogate + chunk;
        heldSurrogate = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          heldSurrogate = text.slice(-1);
          text = text.slice(0, -1);
        }
        scanner.push(encoder.encode(text));
      } else {
        releaseSurrogate();
        scanner.push(chunk);
      }
    },
    finish() {
      releaseSurrogate();
      scanner.end();
      if (!rows) throw new CxDataError('empty-file', 'The file is empty: it has no header row.');
      return (rows as FeedbackRows).finish();
    },
    get consumed() {
      return scanner.consumed;
    },
    get rowsRead() {
      return rows?.rowsRead ?? 0;
    },
  };
}
