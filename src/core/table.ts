/**
 * The columnar feedback table: one typed array per field, categories dictionary-encoded, comments
 * kept apart. Compact enough to hold millions of answers in a worker (about 13 bytes per row with
 * three dimensions) and scanned by tight loops instead of row objects.
 */
import type { ScoreField } from './schema.ts';

/** A dictionary-encoded categorical column. Code 0 always means "no value". */
export interface CategoryColumn {
  readonly name: string;
  readonly codes: Uint16Array | Uint32Array;
  /** `dictionary[code]`; `dictionary[0] === ''`. */
  readonly dictionary: readonly string[];
}

export interface FeedbackTable {
  readonly rowCount: number;
  /** Whole UTC day numbers (days since 1970-01-01). */
  readonly day: Int32Array;
  /** Scores; MISSING_SCORE (-1) where the respondent gave none. */
  readonly scores: Readonly<Record<ScoreField, Int8Array>>;
  readonly stage: CategoryColumn | null;
  /** Every other column of the input, in input order. */
  readonly dimensions: readonly CategoryColumn[];
  /** Comments, sparse, as UTF-8: read one with {@link commentText}. */
  readonly comments: CommentColumn;
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * Comments kept as the UTF-8 bytes they arrived in, decoded only when read: a million-row file's
 * comments are needed only for the few thousand verbatims of the stage someone opens, so decoding
 * them all at load would cost more than everything else it does with them. Bytes are also smaller
 * than JavaScript strings for any text that is not Latin-1.
 */
export interface CommentColumn {
  /** Rows that have a comment, ascending. */
  readonly row: Uint32Array;
  /** The comment of `row[i]` is `bytes[offsets[i], offsets[i + 1])`, trimmed. */
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
}

const commentDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const commentEncoder = new TextEncoder();

/** The `index`-th comment (of row `comments.row[index]`) as text; malformed UTF-8 reads as U+FFFD, as everywhere. */
export function commentText(comments: CommentColumn, index: number): string {
  return commentDecoder.decode(comments.bytes.subarray(comments.offsets[index]!, comments.offsets[index + 1]!));
}

const INITIAL_CAPACITY = 1024;

function grow<T extends Int8Array | Int32Array | Uint16Array | Uint32Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Builds one {@link CategoryColumn}, widening its codes to 32 bits past 65,535 distinct values. */
export class CategoryBuilder {
  readonly name: string;
  #codes: Uint16Array | Uint32Array = new Uint16Array(INITIAL_CAPACITY);
  readonly #dictionary: string[] = [''];
  readonly #lookup = new Map<string, number>([['', 0]]);

  constructor(name: string) {
    this.name = name;
  }

  set(row: number, value: string): void {
    this.setCode(row, this.intern(value));
  }

  /** The code of `value`, added to the dictionary when new. */
  intern(value: string): number {
    let code = this.#lookup.get(value);
    if (code === undefined) {
      code = this.#dictionary.length;
      this.#dictionary.push(value);
      this.#lookup.set(value, code);
      if (code === 0x10000 && this.#codes instanceof Uint16Array) this.#codes = Uint32Array.from(this.#codes);
    }
    return code;
  }

  /** Stores a code from {@link intern} for `row`. */
  setCode(row: number, code: number): void {
    if (row >= this.#codes.length) this.#codes = grow(this.#codes, Math.max(row + 1, this.#codes.length * 2));
    this.#codes[row] = code;
  }

  finish(rowCount: number): CategoryColumn {
    if (rowCount > this.#codes.length) this.#codes = grow(this.#codes, rowCount);
    return { name: this.name, codes: this.#codes.slice(0, rowCount), dictionary: this.#dictionary };
  }
}

export class TableBuilder {
  #rowCount = 0;
  #day = new Int32Array(INITIAL_CAPACITY);
  #nps = new Int8Array(INITIAL_CAPACITY);
  #csat = new Int8Array(INITIAL_CAPACITY);
  #ces = new Int8Array(INITIAL_CAPACITY);
  readonly #stage: CategoryBuilder | null;
  readonly #dimensions: CategoryBuilder[];
  #commentRows = new Uint32Array(INITIAL_CAPACITY);
  #commentOffsets = new Uint32Array(INITIAL_CAPACITY + 1);
  #commentBytes = new Uint8Array(64 * INITIAL_CAPACITY);
  #commentCount = 0;
  #firstDay = Infinity;
  #lastDay = -Infinity;

  constructor(hasStage: boolean, dimensionNames: readonly string[]) {
    this.#stage = hasStage ? new CategoryBuilder('stage') : null;
    this.#dimensions = dimensionNames.map((name) => new CategoryBuilder(name));
  }

  get rowCount(): number {
    return this.#rowCount;
  }

  /** The stage column's builder (null without a stage column), for callers that store codes directly. */
  get stage(): CategoryBuilder | null {
    return this.#stage;
  }

  /** The dimension columns' builders, in the order of the names given to the constructor. */
  get dimensions(): readonly CategoryBuilder[] {
    return this.#dimensions;
  }

  /** One accepted row; `dimensions` is parallel to the names given to the constructor, '' for no value. */
  append(day: number, scores: Readonly<Record<ScoreField, number>>, stage: string, dimensions: readonly string[], comment: string): void {
    const row = this.appendRow(day, scores.nps, scores.csat, scores.ces);
    this.#stage?.set(row, stage);
    for (let i = 0; i < this.#dimensions.length; i++) this.#dimensions[i]!.set(row, dimensions[i] ?? '');
    if (comment !== '') this.addComment(row, comment);
  }

  /**
   * Adds a row's day and scores and returns its index. Its categories (code 0 unless set) and comment
   * are stored through {@link stage}, {@link dimensions} and {@link addComment}.
   */
  appendRow(day: number, nps: number, csat: number, ces: number): number {
    const row = this.#rowCount++;
    if (row >= this.#day.length) {
      const capacity = this.#day.length * 2;
      this.#day = grow(this.#day, capacity);
      this.#nps = grow(this.#nps, capacity);
      this.#csat = grow(this.#csat, capacity);
      this.#ces = grow(this.#ces, capacity);
    }
    this.#day[row] = day;
    this.#nps[row] = nps;
    this.#csat[row] = csat;
    this.#ces[row] = ces;
    if (day < this.#firstDay) this.#firstDay = day;
    if (day > this.#lastDay) this.#lastDay = day;
    return row;
  }

  /** A non-empty, trimmed comment for `row`; rows must arrive in ascending order. */
  addComment(row: number, comment: string): void {
    const bytes = commentEncoder.encode(comment);
    this.addCommentBytes(row, bytes, 0, bytes.length);
  }

  /** The same from UTF-8 bytes, `bytes[start, end)`, copied. */
  addCommentBytes(row: number, bytes: Uint8Array, start: number, end: number): void {
    const index = this.#commentCount++;
    if (index >= this.#commentRows.length) {
      this.#commentRows = grow(this.#commentRows, index * 2);
      this.#commentOffsets = grow(this.#commentOffsets, index * 2 + 1);
    }
    const from = this.#commentOffsets[index]!;
    const to = from + end - start;
    if (to > this.#commentBytes.length) {
      const grown = new Uint8Array(Math.max(to, this.#commentBytes.length * 2));
      grown.set(this.#commentBytes.subarray(0, from));
      this.#commentBytes = grown;
    }
    // Comments are short: a loop beats creating a subarray view for set().
    const target = this.#commentBytes;
    for (let i = start, at = from; i < end; i++, at++) target[at] = bytes[i]!;
    this.#commentOffsets[index + 1] = to;
    this.#commentRows[index] = row;
  }

  finish(): FeedbackTable {
    const rowCount = this.#rowCount;
    return {
      rowCount,
      day: this.#day.slice(0, rowCount),
      scores: { nps: this.#nps.slice(0, rowCount), csat: this.#csat.slice(0, rowCount), ces: this.#ces.slice(0, rowCount) },
      stage: this.#stage?.finish(rowCount) ?? null,
      dimensions: this.#dimensions.map((builder) => builder.finish(rowCount)),
      comments: {
        row: this.#commentRows.slice(0, this.#commentCount),
        offsets: this.#commentOffsets.slice(0, this.#commentCount + 1),
        bytes: this.#commentBytes.slice(0, this.#commentOffsets[this.#commentCount]!),
      },
      firstDay: rowCount ? this.#firstDay : 0,
      lastDay: rowCount ? this.#lastDay : -1,
    };
  }
}

