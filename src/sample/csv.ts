/**
 * RFC 4180 writing: a field is quoted only when it has to be (it contains the delimiter, a double
 * quote, CR or LF), and a double quote inside a quoted field is doubled. Spaces are data, never trimmed.
 */

const NEEDS_QUOTES = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/ } as const;

export type CsvWriteDelimiter = keyof typeof NEEDS_QUOTES;

export function csvField(value: string, delimiter: CsvWriteDelimiter = ','): string {
  return NEEDS_QUOTES[delimiter].test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, without its line ending. */
export function csvRecord(fields: readonly string[], delimiter: CsvWriteDelimiter = ','): string {
  let line = csvField(fields[0] ?? '', delimiter);
  for (let i = 1; i < fields.length; i++) line += delimiter + csvField(fields[i]!, delimiter);
  return line;
}
