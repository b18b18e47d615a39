/**
 * A chunked RFC 4180 reader: bytes or text go in piece by piece (a file stream, a fetch body), complete
 * records come out through a sink. Only the unfinished record is held between pushes, so an 80 MB file
 * never exists as one string, and the records are the same however the input was cut into chunks.
 *
 * Beyond RFC 4180 it accepts what spreadsheet exports actually produce: `;` and tab delimiters (sniffed
 * from the header), CR-only line breaks, a UTF-8 BOM, and stray quotes in the middle of a field, which
 * are kept as literal text rather than failing the whole file.
 *
 * A stray quote at the start of a field is the one mistake that cannot be read around: it opens a
 * quoted field that swallows line breaks. So a record that is still inside quotes at the end of the
 * input, or that has grown past `maxQuotedFieldLines` physical lines, is rejected on its own
 * (`unclosedQuote`) and reading starts again at the line after the one it started on. One bad quote
 * costs one row instead of the rest of the file, and the buffered record stays bounded.
 */

import { CR, LF, QUOTE, createDelimiterSniffer } from './csv-sniff.ts';

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Default for {@link CsvReaderOptions.maxQuotedFieldLines}. A survey comment with a thousand line breaks
 * is already implausible; a "field" longer than that is a quote that was never closed.
 */
export const MAX_QUOTED_FIELD_LINES = 1000;

export interface CsvReaderOptions {
  /** Sniffed from the first record when omitted. */
  delimiter?: CsvDelimiter;
  /**
   * The most physical lines one record may span because of line breaks inside quotes (a positive
   * integer; default {@link MAX_QUOTED_FIELD_LINES}). A record still inside quotes when it would
   * start line `maxQuotedFieldLines + 1` is treated as an unclosed quote.
   */
  maxQuotedFieldLines?: number;
}

export interface CsvSink {
  /**
   * A complete record (a fresh array each time). `line` is the 1-based physical line on which the
   * record starts. Records arrive in file order.
   */
  record(fields: string[], line: number): void;
  /**
   * The record starting on `line` opened a quote that did not close before the end of the input, or
   * not within `maxQuotedFieldLines` lines. That record is dropped, and reading resumes at the start
   * of line `line + 1`: the lines it had swallowed are read again as records of their own and
   * arrive after this call, in file order. May be called any number of times.
   */
  unclosedQuote(line: number): void;
}

export interface CsvReader {
  /** Feed the next chunk. Bytes are decoded as UTF-8 (streaming, so a character split across chunks is fine); strings are taken as-is. */
  push(chunk: Uint8Array | string): void;
  /** No more input: flushes the last record (with or without a trailing newline), or reports an unclosed quote and reads the lines after it. */
  end(): void;
  /** The delimiter in use (sniffed from the first record once it is complete; ',' until then). */
  readonly delimiter: CsvDelimiter;
  /** Bytes (for Uint8Array input) or UTF-16 code units (string input) consumed so far: progress reporting. */
  readonly consumed: number;
}

const BOM = 0xfeff;

// Parser states. Plain numbers rather than an enum: `isolatedModules` and no run-time object needed.
/** At the start of a field (or of a record, when no field has been completed yet). */
const FIELD_START = 0;
/** In an unquoted field, or in the literal tail after a closing quote (`"a"b` reads as `ab`). */
const UNQUOTED = 1;
/** Inside quotes. */
const QUOTED = 2;
/** Just read a quote inside quotes: `""` is an escaped quote, anything else means the quote closed the field. */
const QUOTE_IN_QUOTED = 3;

export function createCsvReader(sink: CsvSink, options: CsvReaderOptions = {}): CsvReader {
  const lineLimit = options.maxQuotedFieldLines ?? MAX_QUOTED_FIELD_LINES;
  if (!Number.isInteger(lineLimit) || lineLimit < 1) throw new RangeError(`maxQuotedFieldLines must be a positive integer, not ${lineLimit}.`);
  let delimiter: CsvDelimiter = options.delimiter ?? ',';
  let delimiterCode = delimiter.charCodeAt(0);
  let sniffer = options.delimiter === undefined ? createDelimiterSniffer(lineLimit) : undefined;
  /** Text held back while the header is incomplete and the delimiter therefore unknown. */
  let sniffBuffer = '';

  let decoder: TextDecoder | undefined;
  let consumed = 0;
  let seenFirstChar = false;
  let ended = false;

  let state = FIELD_START;
  let fields: string[] = [];
  /** The current field's text so far, when it spans chunks or has quotes in it. */
  let fieldText = '';
  /** Physical line of the scan position (1-based). */
  let line = 1;
  /** Line on which the current record started. */
  let recordLine = 1;
  /** The previous character was a CR, so an LF now completes a CRLF and does not start another line. */
  let afterCR = false;
  /**
   * Raw text of the current record from its first line break on, as far as earlier chunks went; only
   * while the record spans lines (`line !== recordLine`). It is what gets read again if the record
   * turns out to be an unclosed quote, and it is bounded by `lineLimit` lines.
   */
  let pending = '';

  function breakLine(c: number): void {
    if (c === CR) {
      line++;
      afterCR = true;
    } else {
      if (!afterCR) line++;
      afterCR = false;
    }
  }

  function emitRecord(): void {
    const record = fields;
    fields = [];
    sink.record(record, recordLine);
  }

  /**
   * Rejects the current record as an unclosed quote and returns the text to read next: the record's
   * raw text from its first line break on (`pending` + `rest`). Reading it from FIELD_START on the
   * record's own line makes that break an empty line, so the next record starts on `recordLine + 1`
   * (and a CRLF stays one break).
   */
  function abandonRecord(rest: string): string {
    const brokenLine = recordLine;
    const replay = pending + rest;
    pending = '';
    fields = [];
    fieldText = '';
    state = FIELD_START;
    line = recordLine;
    afterCR = false;
    sink.unclosedQuote(brokenLine);
    return replay;
  }

  /** The state machine. Runs of ordinary characters are sliced, never concatenated one by one. */
  function parse(input: string): void {
    let text = input;
    let n = text.length;
    const d = delimiterCode;
    let i = 0;
    /**
     * Where the current record's first line break is in `text`: 0 when it was in an earlier chunk (the
     * text before is in `pending`), -1 while the record is still on its first line.
     */
    let spanStart = line === recordLine ? -1 : 0;
    while (i < n) {
      if (state === QUOTED) {
        let j = i;
        let overLimit = false;
        // Quoted line breaks are kept verbatim but still advance the physical line count.
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === CR || c === LF) {
            if (line === recordLine) spanStart = j;
            breakLine(c);
            if (line - recordLine >= lineLimit) {
              overLimit = true;
              break;
            }
          } else afterCR = false;
        }
        if (overLimit) {
          // Swapping in the replay plus the rest of this chunk keeps one flat loop, so a replayed line
          // that opens another unclosed quote is handled exactly like one read the first time.
          text = abandonRecord(text.slice(spanStart));
          n = text.length;
          i = 0;
          spanStart = -1;
          continue;
        }
        if (j > i) fieldText += text.slice(i, j);
        if (j === n) break;
        state = QUOTE_IN_QUOTED;
        afterCR = false;
        i = j + 1;
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (text.charCodeAt(i) === QUOTE) {
          fieldText += '"';
          state = QUOTED;
          i++;
          continue;
        }
        state = UNQUOTED; // the quote closed the field; anything before the delimiter is kept literally
      } else if (state === FIELD_START) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          state = QUOTED;
          afterCR = false;
          i++;
          continue;
        }
        if ((c === CR || c === LF) && fields.length === 0) {
          breakLine(c); // an empty line (or the LF of a CRLF): counted, but not a record
          recordLine = line;
          i++;
          continue;
        }
        state = UNQUOTED;
      }

      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      if (j > i) afterCR = false;
      if (j === n) {
        fieldText += text.slice(i, n);
        break;
      }
      fields.push(fieldText === '' ? text.slice(i, j) : fieldText + text.slice(i, j));
      fieldText = '';
      state = FIELD_START;
      const terminator = text.charCodeAt(j);
      i = j + 1;
      if (terminator === d) {
        afterCR = false;
        continue;
      }
      if (spanStart >= 0) {
        pending = '';
        spanStart = -1;
      }
      emitRecord();
      breakLine(terminator);
      recordLine = line;
    }
    if (spanStart >= 0) pending += text.slice(spanStart);
  }

  /** Routes decoded text through the sniffer until the header is complete, then straight to the parser. */
  function accept(text: string): void {
    if (!seenFirstChar) {
      if (text === '') return;
      seenFirstChar = true;
      // Checked on decoded text, so a BOM whose three bytes arrive in different chunks is still caught.
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    if (sniffer) {
      const headerEnd = sniffer.scan(text);
      sniffBuffer += text;
      if (headerEnd < 0) return;
      settleDelimiter();
      return;
    }
    parse(text);
  }

  function settleDelimiter(): void {
    if (!sniffer) return;
    delimiter = sniffer.decide();
    delimiterCode = delimiter.charCodeAt(0);
    sniffer = undefined;
    const held = sniffBuffer;
    sniffBuffer = '';
    parse(held);
  }

  function flushDecoder(): void {
    if (!decoder) return;
    const rest = decoder.decode();
    decoder = undefined;
    accept(rest);
  }

  return {
    push(chunk: Uint8Array | string): void {
      if (ended) throw new Error('CsvReader.push() called after end().');
      if (typeof chunk === 'string') {
        flushDecoder(); // mixing bytes and text: an incomplete character before it becomes U+FFFD
        consumed += chunk.length;
        accept(chunk);
      } else {
        // ignoreBOM keeps the BOM in the text so that bytes and strings share one stripping rule.
        decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
        consumed += chunk.byteLength;
        accept(decoder.decode(chunk, { stream: true }));
      }
    },
    end(): void {
      if (ended) return;
      flushDecoder();
      ended = true;
      settleDelimiter();
      // Each replay starts after the previous broken record's first line, so this ends.
      while (state === QUOTED) parse(abandonRecord(''));
      if (state !== FIELD_START || fields.length > 0) {
        fields.push(fieldText);
        emitRecord();
      }
      fieldText = '';
      fields = [];
      pending = '';
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

/**
 * Convenience for tests and small inputs: whole text → records. `unclosedQuoteLines` (present only
 * when there were any) lists the start lines of the records rejected as unclosed quotes, in order.
 */
export function parseCsv(
  text: string,
  options?: CsvReaderOptions,
): { records: { fields: string[]; line: number }[]; unclosedQuoteLines?: number[]; delimiter: CsvDelimiter } {
  const records: { fields: string[]; line: number }[] = [];
  const unclosedQuoteLines: number[] = [];
  const reader = createCsvReader(
    {
      record: (fields, line) => records.push({ fields, line }),
      unclosedQuote: (line) => unclosedQuoteLines.push(line),
    },
    options,
  );
  reader.push(text);
  reader.end();
  return unclosedQuoteLines.length === 0
    ? { records, delimiter: reader.delimiter }
    : { records, unclosedQuoteLines, delimiter: reader.delimiter };
}
