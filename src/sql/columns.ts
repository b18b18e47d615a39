/**
 * A table's column names → the `fields` of the generated SQL, by the browser's own rules (a `fields`
 * mapping first, then a column named like the field, case-folded and trimmed; src/core/schema.ts), so
 * a file read by the CLI uses the same columns as the same file given to an element.
 */
import { createCsvReader } from '../core/csv.ts';
import { CxDataError } from '../core/errors.ts';
import { parseFieldMapping, resolveColumns, SCORE_FIELDS } from '../core/schema.ts';
import type { AggregateSqlOptions } from './aggregate-sql.ts';

export interface ResolvedColumns {
  readonly fields: AggregateSqlOptions['fields'];
  /** The dimension column's exact name, or null. */
  readonly dimension: string | null;
}

/**
 * @param fieldsSpec as the `fields` attribute: `date:submitted_at,nps:likelihood_to_recommend`.
 * @param dimension a column name (matched case-folded and trimmed), or null.
 * @throws CxDataError `missing-column` (no date, no score, a mapped or dimension column absent), `bad-fields`.
 */
export function resolveFieldColumns(header: readonly string[], fieldsSpec: string | null, dimension: string | null): ResolvedColumns {
  const layout = resolveColumns(header, parseFieldMapping(fieldsSpec));
  const name = (index: number | undefined) => (index === undefined ? undefined : header[index]);
  const date = name(layout.canonical.date);
  if (date === undefined) throw new CxDataError('missing-column', `The data has no date column; map one with --fields date:<column>. Columns are: ${header.join(', ')}.`, { field: 'date' });
  const scores = Object.fromEntries(SCORE_FIELDS.flatMap((field) => (layout.canonical[field] === undefined ? [] : [[field, name(layout.canonical[field])!]])));
  if (Object.keys(scores).length === 0) {
    throw new CxDataError('missing-column', `The data has no score column (nps, csat or ces); map one with --fields nps:<column>. Columns are: ${header.join(', ')}.`, { field: 'nps' });
  }
  const respondent = name(layout.canonical.respondent);
  let dimensionColumn: string | null = null;
  if (dimension !== null) {
    const index = header.findIndex((column) => column.trim().toLowerCase() === dimension.trim().toLowerCase());
    if (index < 0) throw new CxDataError('missing-column', `Column "${dimension}" (--by) is not in the data; columns are: ${header.join(', ')}.`, { field: dimension });
    dimensionColumn = header[index]!;
  }
  return { fields: { date, ...scores, ...(respondent === undefined ? {} : { respondent }) }, dimension: dimensionColumn };
}

/**
 * The delimiter the browser would use for a CSV file (`,`, `;` or tab), sniffed from its first bytes
 * by the engine's own reader, so the CLI reads the same fields and, for `;` and tab files, decimal commas.
 */
export function csvDelimiter(head: Uint8Array): string {
  const reader = createCsvReader({ record: () => {}, unclosedQuote: () => {} });
  // The header decides; a cut-off last record at the end of `head` does not matter.
  reader.push(head);
  reader.end();
  return reader.delimiter;
}
