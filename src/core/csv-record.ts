/**
 * A CSV record as the byte-level scanner ({@link createByteCsvScanner}) finds it: field boundaries in a
 * byte buffer, and how each field's value sits between them, with the two ways to read a field.
 */
import { QUOTE } from './csv-sniff.ts';

// How a field's value is stored in the record's bytes (plain numbers, like the parser states: no
// run-time enum object is needed and isolatedModules forbids const enums across files).
/** Unquoted: the value is `bytes[start, end)`. */
export const PLAIN_FIELD = 0;
/** Quoted with nothing after the closing quote and no `""` inside: the value is `bytes[start + 1, end - 1)`. */
export const QUOTED_FIELD = 1;
/** Quoted with `""` escapes or literal text after the closing quote: see {@link fieldBytes}. */
export const MIXED_FIELD = 2;

/** One record as the scanner found it. Valid only during the sink call; the arrays are reused. */
export interface ByteRecord {
  /** The buffer the offsets point into. */
  readonly bytes: Uint8Array;
  readonly fieldCount: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly shapes: Uint8Array;
}

/** A field's value bytes with quotes removed: a view for plain and quoted fields, a fresh copy for mixed ones. */
export function fieldBytes(record: ByteRecord, field: number): Uint8Array {
  const { bytes } = record;
  const start = record.starts[field]!;
  const end = record.ends[field]!;
  const shape = record.shapes[field]!;
  if (shape === PLAIN_FIELD) return bytes.subarray(start, end);
  if (shape === QUOTED_FIELD) return bytes.subarray(start + 1, end - 1);
  const out = new Uint8Array(end - start);
  let length = 0;
  let i = start + 1;
  // Inside the quotes `""` is one quote; the first lone quote closes them and the rest is literal.
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      if (bytes[i + 1] === QUOTE && i + 1 < end) {
        out[length++] = QUOTE;
        i++;
        continue;
      }
      i++;
      break;
    }
    out[length++] = c;
  }
  for (; i < end; i++) out[length++] = bytes[i]!;
  return out.subarray(0, length);
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A field's text, decoded as the text reader decodes it (invalid UTF-8 becomes U+FFFD). */
export function fieldText(record: ByteRecord, field: number): string {
  if (record.starts[field] === record.ends[field]) return '';
  return utf8.decode(fieldBytes(record, field));
}

