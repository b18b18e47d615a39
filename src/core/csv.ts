/**
 * A chunked RFC 4180 reader: bytes or text go in piece by piece (a file stream, a fetch body), complete
 * records come out through a sink. Only the unfinished record is held between pushes, so an 80 MB file
 * never exists as one string, and the records are the same however the input was cut into chunks.
 *
 * Beyond RFC 4180 it accepts what spreadsheet exports actually produce: `;` and tab delimiters (sniffed
 * from the header), CR-only line breaks, a UTF-8 BOM, and stray quotes, which are kept as literal text
 * rather than failing the whole file. Only a quote left open at the end of the input is an error,
 * because then the rest of the file is one field and nothing after it can be trusted.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvReaderOptions {
  /** Sniffed from the first record when omitted. */
  delimiter?: CsvDelimiter;
}

export interface CsvSink {
  /** A complete record (a fresh array each time). `line` is the 1-based physical line on which the record starts. */
  record(fields: string[], line: number): void;
  /** The input ended inside a quoted field: everything from `line` on was one unterminated record. */
  unclosedQuote(line: number): void;
}

export interface CsvReader {
  /** Feed the next chunk. Bytes are decoded as UTF-8 (streaming, so a character split across chunks is fine); strings are taken as-is. */
  push(chunk: Uint8Array | string): void;
  /** No more input: flushes the last record (with or without a trailing newline) or reports an unclosed quote. */
  end(): void;
  /** The delimiter in use (sniffed from the first record once it is complete; ',' until then). */
  readonly delimiter: CsvDelimiter;
  /** Bytes (for Uint8Array input) or UTF-16 code units (string input) consumed so far: progress reporting. */
  readonly consumed: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const TAB = 0x09;
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

/**
 * Counts `,`, `;` and tab outside quotes in the first non-empty record, fed incrementally so that a
 * header split across chunks is judged exactly like a whole one. The quoting rules are approximated
 * with all three candidates acting as separators, which is all the decision needs.
 */
function createDelimiterSniffer() {
  let inQuotes = false;
  let quotePending = false;
  let atFieldStart = true;
  let hasContent = false;
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  return {
    /** Index just past the header's terminator in `text`, or -1 when the header is not complete yet. */
    scan(text: string): number {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inQuotes) {
          if (!quotePending) {
            if (c === QUOTE) quotePending = true;
            continue;
          }
          quotePending = false;
          if (c === QUOTE) continue;
          inQuotes = false;
        }
        if (c === CR || c === LF) {
          if (hasContent) return i + 1;
          continue; // a leading empty line: the header is the first record, not the first line
        }
        hasContent = true;
        if (c === COMMA) commas++;
        else if (c === SEMICOLON) semicolons++;
        else if (c === TAB) tabs++;
        else if (c === QUOTE && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
          continue;
        } else {
          atFieldStart = false;
          continue;
        }
        atFieldStart = true;
      }
      return -1;
    },
    /** The most frequent candidate; a tie for first place, or none at all, means ','. */
    decide(): CsvDelimiter {
      if (semicolons > commas && semicolons > tabs) return ';';
      if (tabs > commas && tabs > semicolons) return '\t';
      return ',';
    },
  };
}

export function createCsvReader(sink: CsvSink, options: CsvReaderOptions = {}): CsvReader {
  let delimiter: CsvDelimiter = options.delimiter ?? ',';
  let delimiterCode = delimiter.charCodeAt(0);
  let sniffer = options.delimiter === undefined ? createDelimiterSniffer() : undefined;
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

  /** The state machine. Runs of ordinary characters are sliced, never concatenated one by one. */
  function parse(text: string): void {
    const n = text.length;
    const d = delimiterCode;
    let i = 0;
    while (i < n) {
      if (state === QUOTED) {
        let j = i;
        // Quoted line breaks are kept verbatim but still advance the physical line count.
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === CR || c === LF) breakLine(c);
          else afterCR = false;
        }
        if (j > i) fieldText += text.slice(i, j);
        if (j === n) return;
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
        return;
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
      emitRecord();
      breakLine(terminator);
      recordLine = line;
    }
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
      if (state === QUOTED) {
        sink.unclosedQuote(recordLine);
      } else if (state !== FIELD_START || fields.length > 0) {
        fields.push(fieldText);
        emitRecord();
      }
      fieldText = '';
      fields = [];
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

/** Convenience for tests and small inputs: whole text → records. */
export function parseCsv(
  text: string,
  options?: CsvReaderOptions,
): { records: { fields: string[]; line: number }[]; unclosedQuoteLine?: number; delimiter: CsvDelimiter } {
  const records: { fields: string[]; line: number }[] = [];
  let unclosedQuoteLine: number | undefined;
  const reader = createCsvReader(
    {
      record: (fields, line) => records.push({ fields, line }),
      unclosedQuote: (line) => (unclosedQuoteLine = line),
    },
    options,
  );
  reader.push(text);
  reader.end();
  return unclosedQuoteLine === undefined
    ? { records, delimiter: reader.delimiter }
    : { records, unclosedQuoteLine, delimiter: reader.delimiter };
}
