/**
 * The CSV ingest as it was before the byte-level one: the text reader (`createCsvReader`) feeding the
 * record rules every other input format uses (`RowIngest`). Kept here as the reference the byte-level
 * ingest must agree with, row for row, on every input the tests can think of.
 */
import { createCsvReader, type CsvReader } from '../../src/core/csv.ts';
import { CxDataError } from '../../src/core/errors.ts';
import { RowIngest, type IngestResult } from '../../src/core/ingest.ts';
import { resolveColumns, type FieldMapping } from '../../src/core/schema.ts';

export function referenceCsvIngest(chunks: readonly (Uint8Array | string)[], mapping: FieldMapping = {}): IngestResult {
  let header: string[] | null = null;
  let rows: RowIngest | null = null;
  const reader: CsvReader = createCsvReader({
    record(fields, line) {
      if (!rows) {
        header = fields;
        rows = new RowIngest(resolveColumns(fields, mapping), { decimalComma: reader.delimiter !== ',' });
        return;
      }
      if (fields.length !== header!.length) return rows.reject(line, 'column-count');
      rows.add((index) => fields[index], line);
    },
    unclosedQuote(line) {
      if (!rows) throw new CxDataError('not-csv', 'The file is not CSV: its header never ends (an unclosed quote).', { line });
      rows.reject(line, 'unclosed-quote');
    },
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  if (!rows) throw new CxDataError('empty-file', 'The file is empty: it has no header row.');
  return (rows as RowIngest).finish();
}
