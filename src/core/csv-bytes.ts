/**
 * The byte-level CSV scanner behind the feedback ingest: it finds records and field offsets in
 * `Uint8Array` chunks without decoding them, so the consumer decodes only the cells that need text and
 * reads dates and scores from the bytes. It reads exactly what {@link createCsvReader} reads (sniffed
 * delimiter, BOM, CR/LF/CRLF, stray quotes kept, `"a"b` as `ab`, unclosed quotes rejected one record at a
 * time, the same line numbers), as the tests check on inputs cut at every byte offset: every byte that
 * matters is ASCII, and UTF-8 never uses ASCII values inside a multi-byte character. Records are read
 * in place; only one cut by a chunk boundary is copied, with the rest of its line, into a carry buffer,
 * and scanning resumes where it stopped, so each byte is scanned once however the input is cut.
 */
import { CR, LF, QUOTE, createDelimiterSniffer } from './csv-sniff.ts';
import { MAX_QUOTED_FIELD_LINES, type CsvDelimiter } from './csv.ts';
import { MIXED_FIELD, PLAIN_FIELD, QUOTED_FIELD, type ByteRecord } from './csv-record.ts';

export interface ByteRecordSink {
  /** A complete record starting on physical line `line` (1-based). */
  record(record: ByteRecord, line: number): void;
  /** As {@link CsvSink.unclosedQuote}: the record on `line` is dropped and its later lines are read again. */
  unclosedQuote(line: number): void;
}

export interface ByteCsvScanner {
  push(chunk: Uint8Array): void;
  end(): void;
  /** ',' until the header is complete, then the sniffed delimiter. */
  readonly delimiter: CsvDelimiter;
  /** Bytes pushed so far. */
  readonly consumed: number;
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

const BOM = [0xef, 0xbb, 0xbf] as const;

function doubled<T extends Int32Array | Uint8Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

export function createByteCsvScanner(sink: ByteRecordSink, options: { maxQuotedFieldLines?: number } = {}): ByteCsvScanner {
  const lineLimit = options.maxQuotedFieldLines ?? MAX_QUOTED_FIELD_LINES;
  if (!Number.isInteger(lineLimit) || lineLimit < 1) throw new RangeError(`maxQuotedFieldLines must be a positive integer, not ${lineLimit}.`);
  let delimiter: CsvDelimiter = ',';
  let delimiterCode = -1;
  /** 1 for the bytes that end an unquoted field: the delimiter, CR and LF. */
  const fieldEnders = new Uint8Array(256);
  fieldEnders[CR] = fieldEnders[LF] = 1;
  /** 1 for the bytes a quoted field stops at: the quote, CR and LF. */
  const quotedEnders = new Uint8Array(256);
  quotedEnders[QUOTE] = quotedEnders[CR] = quotedEnders[LF] = 1;
  let sniffer: ReturnType<typeof createDelimiterSniffer> | undefined = createDelimiterSniffer(lineLimit);
  let bomChecked = false;
  let consumed = 0;
  let ended = false;

  /** Bytes of the record cut by the last chunk boundary (or, while sniffing, everything so far). */
  let carry = new Uint8Array(4096);
  let carryLength = 0;

  // The record being read. Offsets are into the buffer being scanned; rebased when it moves to the carry.
  let state = FIELD_START;
  let fieldCount = 0;
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let shapes = new Uint8Array(64);
  let fieldStart = 0;
  let fieldShape = PLAIN_FIELD;
  let recordStart = 0;
  /** Offset of the record's first line break (inside quotes), or -1 while it is on its first line. */
  let spanStart = -1;
  let line = 1;
  let recordLine = 1;
  let afterCR = false;
  const record: { -readonly [K in keyof ByteRecord]: ByteRecord[K] } = { bytes: carry, fieldCount: 0, starts, ends, shapes };

  function endField(end: number): void {
    if (fieldCount === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
      shapes = doubled(shapes);
    }
    starts[fieldCount] = fieldStart;
    ends[fieldCount] = end;
    shapes[fieldCount] = fieldShape;
    fieldCount++;
  }

  function emit(bytes: Uint8Array): void {
    record.bytes = bytes;
    record.fieldCount = fieldCount;
    record.starts = starts;
    record.ends = ends;
    record.shapes = shapes;
    fieldCount = 0;
    sink.record(record, recordLine);
  }

  function breakLine(c: number): void {
    if (c === CR) {
      line++;
      afterCR = true;
    } else {
      if (!afterCR) line++;
      afterCR = false;
    }
  }

  /**
   * Scans `bytes[from, to)` from the saved state and returns where it stopped (`to`). Records that
   * complete go to the sink; the one still open keeps its offsets, relative to `bytes`.
   */
  function scan(bytes: Uint8Array, from: number, to: number): void {
    const d = delimiterCode;
    const enders = fieldEnders;
    const inQuotes = quotedEnders;
    let i = from;
    while (i < to) {
      const quickEnd = state === FIELD_START && fieldCount === 0 ? quickRecord(bytes, i, to) : -1;
      if (quickEnd > 0) {
        i = quickEnd;
        continue;
      }
      if (state === QUOTED) {
        let j = i;
        let overLimit = false;
        // Quoted line breaks are kept verbatim but still advance the physical line count.
        for (;;) {
          const runStart = j;
          while (j < to && inQuotes[bytes[j]!] === 0) j++;
          if (j > runStart) afterCR = false;
          if (j === to) break;
          const c = bytes[j]!;
          if (c === QUOTE) break;
          if (line === recordLine) spanStart = j;
          breakLine(c);
          if (line - recordLine >= lineLimit) {
            overLimit = true;
            break;
          }
          j++;
        }
        if (overLimit) {
          // Read again from the record's first line break, on the record's own line: that break then
          // counts as an empty line and the next record starts on the line after.
          const brokenLine = recordLine;
          i = spanStart;
          abandon();
          sink.unclosedQuote(brokenLine);
          continue;
        }
        if (j === to) return;
        state = QUOTE_IN_QUOTED;
        afterCR = false;
        i = j + 1;
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (bytes[i] === QUOTE) {
          fieldShape = MIXED_FIELD;
          state = QUOTED;
          i++;
          continue;
        }
        state = UNQUOTED;
      } else if (state === FIELD_START) {
        const c = bytes[i]!;
        if (fieldCount === 0) recordStart = i;
        if (c === QUOTE) {
          fieldStart = i;
          fieldShape = QUOTED_FIELD;
          state = QUOTED;
          afterCR = false;
          i++;
          continue;
        }
        if ((c === CR || c === LF) && fieldCount === 0) {
          breakLine(c);
          recordLine = line;
          i++;
          continue;
        }
        fieldStart = i;
        fieldShape = PLAIN_FIELD;
        state = UNQUOTED;
      }

      let j = i;
      while (j < to && enders[bytes[j]!] === 0) j++;
      const c = j < to ? bytes[j]! : 0;
      if (j > i) {
        afterCR = false;
        if (fieldShape === QUOTED_FIELD) fieldShape = MIXED_FIELD; // text after the closing quote
      }
      if (j === to) return;
      endField(j);
      state = FIELD_START;
      i = j + 1;
      if (c === d) {
        afterCR = false;
        continue;
      }
      spanStart = -1;
      emit(bytes);
      breakLine(c);
      recordLine = line;
    }
  }

  /**
   * The common case, read with everything in local variables: a whole record on one line, starting at
   * `i` and ending in this buffer, whose quoted fields (if any) close right before a delimiter or the
   * line break. Returns the index after its line break, having emitted it, or -1 to leave the record
   * to the general state machine (which then reads it from the same start).
   */
  function quickRecord(bytes: Uint8Array, i: number, to: number): number {
    const first = bytes[i]!;
    if (first === CR || first === LF) return -1;
    const d = delimiterCode;
    const enders = fieldEnders;
    const inQuotes = quotedEnders;
    const fieldStarts = starts;
    const fieldEnds = ends;
    const fieldShapes = shapes;
    let count = 0;
    let p = i;
    for (;;) {
      if (count === fieldStarts.length) return -1; // a very wide record: the general path grows the arrays
      const start = p;
      let shape = PLAIN_FIELD;
      if (bytes[p] === QUOTE) {
        p++;
        while (p < to && inQuotes[bytes[p]!] === 0) p++;
        // A line break inside the quotes, an escaped quote or the buffer's end: not the common case.
        if (p + 1 >= to || bytes[p] !== QUOTE || enders[bytes[p + 1]!] === 0) return -1;
        p++;
        shape = QUOTED_FIELD;
      } else {
        while (p < to && enders[bytes[p]!] === 0) p++;
        if (p === to) return -1;
      }
      fieldStarts[count] = start;
      fieldEnds[count] = p;
      fieldShapes[count] = shape;
      count++;
      const c = bytes[p]!;
      p++;
      if (c === d) continue;
      recordStart = i;
      fieldCount = count;
      afterCR = false;
      emit(bytes);
      breakLine(c);
      recordLine = line;
      return p;
    }
  }

  function abandon(): void {
    fieldCount = 0;
    state = FIELD_START;
    line = recordLine;
    afterCR = false;
    spanStart = -1;
  }

  /** Keeps `bytes[keepFrom, to)` — the open record — as the carry, rebasing its offsets. */
  function keepOpenRecord(bytes: Uint8Array, to: number): void {
    const keepFrom = state === FIELD_START && fieldCount === 0 ? to : recordStart;
    const length = to - keepFrom;
    if (bytes === carry) {
      if (keepFrom > 0) carry.copyWithin(0, keepFrom, to);
    } else {
      ensureCarry(length);
      carry.set(bytes.subarray(keepFrom, to), 0);
    }
    carryLength = length;
    for (let f = 0; f < fieldCount; f++) {
      starts[f]! -= keepFrom;
      ends[f]! -= keepFrom;
    }
    fieldStart -= keepFrom;
    if (spanStart >= 0) spanStart -= keepFrom;
    recordStart = 0;
  }

  function ensureCarry(length: number): void {
    if (length <= carry.length) return;
    const grown = new Uint8Array(Math.max(length, carry.length * 2));
    grown.set(carry.subarray(0, carryLength));
    carry = grown;
  }

  function appendToCarry(bytes: Uint8Array, from: number, to: number): void {
    ensureCarry(carryLength + to - from);
    carry.set(bytes.subarray(from, to), carryLength);
    carryLength += to - from;
  }

  /** Index just past the next CR or LF at or after `from`, or `to` when there is none. */
  function nextLineEnd(bytes: Uint8Array, from: number, to: number): number {
    const lf = bytes.indexOf(LF, from);
    const crSearchEnd = lf < 0 || lf >= to ? to : lf;
    const cr = bytes.subarray(from, crSearchEnd).indexOf(CR);
    if (cr >= 0) return from + cr + 1;
    return lf < 0 || lf >= to ? to : lf + 1;
  }

  function feed(bytes: Uint8Array): void {
    let from = 0;
    const to = bytes.length;
    // Finish the record cut by the previous chunk a line at a time, so that only its own bytes are copied.
    while (carryLength > 0 && from < to) {
      const lineEnd = nextLineEnd(bytes, from, to);
      const resumeAt = carryLength;
      appendToCarry(bytes, from, lineEnd);
      from = lineEnd;
      scan(carry, resumeAt, carryLength);
      keepOpenRecord(carry, carryLength);
    }
    if (from === to) return;
    scan(bytes, from, to);
    keepOpenRecord(bytes, to);
  }

  function settleDelimiter(): void {
    if (!sniffer) return;
    delimiter = sniffer.decide();
    delimiterCode = delimiter.charCodeAt(0);
    fieldEnders[delimiterCode] = 1;
    sniffer = undefined;
    const held = carryLength;
    carryLength = 0;
    scan(carry, 0, held);
    keepOpenRecord(carry, held);
  }

  return {
    push(chunk: Uint8Array): void {
      if (ended) throw new Error('ByteCsvScanner.push() called after end().');
      consumed += chunk.byteLength;
      if (chunk.byteLength === 0) return;
      if (!sniffer) return feed(chunk);
      // Until the header is complete the delimiter is unknown: hold everything, then scan it once.
      let unsniffed = carryLength;
      appendToCarry(chunk, 0, chunk.length);
      if (!bomChecked) {
        if (carryLength < 3 && BOM.slice(0, carryLength).every((b, i) => carry[i] === b)) return;
        bomChecked = true;
        unsniffed = 0;
        if (carry[0] === BOM[0] && carry[1] === BOM[1] && carry[2] === BOM[2]) {
          carry.copyWithin(0, 3, carryLength);
          carryLength -= 3;
        }
      }
      if (sniffer.scan(carry.subarray(unsniffed, carryLength)) >= 0) settleDelimiter();
    },
    end(): void {
      if (ended) return;
      ended = true;
      if (!bomChecked && carryLength > 0) {
        // One or two bytes that begin a BOM but never finish it: text (U+FFFD to a decoder), not a BOM.
        bomChecked = true;
        sniffer?.scan(carry.subarray(0, carryLength));
      }
      settleDelimiter();
      while (state === QUOTED) {
        const brokenLine = recordLine;
        const replayFrom = spanStart;
        abandon();
        sink.unclosedQuote(brokenLine);
        if (replayFrom < 0) break; // a one-line record: nothing to read again
        const length = carryLength;
        carryLength = 0;
        scan(carry, replayFrom, length);
        keepOpenRecord(carry, length);
      }
      if (state !== FIELD_START || fieldCount > 0) {
        if (state === FIELD_START) {
          // "a,b," at the very end: the last field is empty.
          fieldStart = carryLength;
          fieldShape = PLAIN_FIELD;
        }
        endField(carryLength);
        emit(carry);
      }
      carryLength = fieldCount = 0;
      state = FIELD_START;
    },
    get delimiter() {
      return delimiter;
    },
    get consumed() {
      return consumed;
    },
  };
}
