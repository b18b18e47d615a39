/**
 * RFC 4180 writing: a field is quoted only when it has to be (it contains a comma, a double quote,
 * CR or LF), and a double quote inside a quoted field is doubled. Spaces are data, never trimmed.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, without its line ending. */
export function csvRecord(fields: readonly string[]): string {
  let line = csvField(fields[0] ?? '');
  for (let i = 1; i < fields.length; i++) line += ',' + csvField(fields[i]!);
  return line;
}
