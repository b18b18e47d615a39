/**
 * The CSV ingest as it was before the byte-level one: the text reader (`createCsvReader`) feeding the
 * record rules every other input format uses (`RowIngest`). Kept here as the reference the byte-level
 * ingest must agree with, row for row, on every input the tests can think of.
 */
import { createCsvReader, type CsvReader } from '../../src/core/csv.ts';
import { CxDataError } from '../../src/core/errors.ts';
import { RowIngest, type IngestResult } from '../../src/core/ingest.ts';
import { resolveColumns, type FieldMapping } from '../../src/core/schema.ts';
import { commentText, type CommentColumn } from '../../src/core/table.ts';

/** A comment column as rows and texts: two ingests agree when these do, whatever bytes each kept. */
export function commentTexts(comments: CommentColumn): { row: number[]; text: string[] } {
  return { row: Array.from(comments.row), text: Array.from(comments.row, (_, i) => commentText(comments, i)) };
}

/**
 * An ingest result in a form to compare: comments as texts. The byte-level ingest keeps malformed UTF-8
 * as it came (it reads as U+FFFD), the record ingest keeps the text's own encoding.
 */
export function comparable(result: IngestResult): unknown {
  return { ...result, table: { ...result.table, comments: commentTexts(result.table.comments) } };
}

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
