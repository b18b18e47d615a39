/**
 * Result rows of the generated queries → a counts document (schema/counts.schema.json). Column names
 * are read case-insensitively (Snowflake returns unquoted aliases in upper case) and numbers from any
 * driver type (DuckDB sums are 128-bit integers, BigQuery's arrive as strings).
 */
import type { CountsDocument, CountsQuality, NpsPeriodCounts } from '../core/counts.ts';
import type { IntervalName } from '../core/periods.ts';
import type { ScoreField } from '../core/schema.ts';

type ResultRow = Readonly<Record<string, unknown>>;

function reader(row: ResultRow): (name: string) => unknown {
  const lower = new Map(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]));
  return (name) => lower.get(name);
}

const count = (value: unknown): number => (value == null ? 0 : Number(value));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * One counts row → one period entry (group only when grouped). `scores`: the score columns the data
 * has; a CSAT or CES histogram is left out when there was no such column, rather than written as zeros.
 */
export function periodEntry(row: ResultRow, grouped: boolean, scores: readonly ScoreField[] = ['nps', 'csat', 'ces']): NpsPeriodCounts {
  const get = reader(row);
  return {
    period: String(get('cx_period_key')),
    ...(grouped ? { group: String(get('cx_group') ?? '') } : {}),
    histogram: range(0, 10).map((score) => count(get(`nps_${score}`))),
    ...(scores.includes('csat') ? { csat: range(1, 5).map((score) => count(get(`csat_${score}`))) } : {}),
    ...(scores.includes('ces') ? { ces: range(1, 7).map((score) => count(get(`ces_${score}`))) } : {}),
  };
}

/**
 * The quality rows → the quality counts. `readerRejects` adds rows the file reader refused before SQL
 * saw them (a CSV line with the wrong number of fields: `column-count`).
 */
export function qualityFromRows(rows: readonly ResultRow[], readerRejects: { readonly reason: 'column-count' | 'unclosed-quote'; readonly count: number }[] = []): CountsQuality {
  let accepted = 0;
  let withoutRespondent = 0;
  let duplicates = 0;
  const reasons: { reason: string; field?: 'nps' | 'csat' | 'ces'; count: number }[] = [];
  for (const row of rows) {
    const get = reader(row);
    const n = count(get('cx_rows'));
    switch (get('cx_outcome')) {
      case 'accepted-without-respondent':
        withoutRespondent += n;
        accepted += n;
        break;
      case 'accepted':
        accepted += n;
        break;
      case 'duplicate':
        duplicates += n;
        break;
      default: {
        const field = get('cx_reason_field');
        reasons.push({ reason: String(get('cx_reason')), ...(field == null ? {} : { field: field as 'nps' | 'csat' | 'ces' }), count: n });
      }
    }
  }
  for (const { reason, count: n } of readerRejects) if (n > 0) reasons.push({ reason, count: n });
  reasons.sort((a, b) => b.count - a.count);
  const rejected = reasons.reduce((sum, r) => sum + r.count, 0);
  return { totalRows: accepted + duplicates + rejected, accepted, duplicates, rejected, withoutRespondent, reasons };
}

export function countsDocument(
  countRows: readonly ResultRow[],
  quality: CountsQuality | undefined,
  options: { readonly interval: IntervalName; readonly dimension?: string | null; readonly scores?: readonly ScoreField[] },
): CountsDocument {
  const grouped = options.dimension != null;
  return {
    format: 'cx-counts',
    version: 1,
    interval: options.interval,
    dimension: options.dimension ?? null,
    periods: countRows.map((row) => periodEntry(row, grouped, options.scores)),
    ...(quality ? { quality } : {}),
  };
}

/** The rows of the `combined` statement, parted into its counts rows and its quality rows. */
export function splitCombinedRows(rows: readonly ResultRow[]): { counts: ResultRow[]; quality: ResultRow[] } {
  const counts: ResultRow[] = [];
  const quality: ResultRow[] = [];
  for (const row of rows) (reader(row)('cx_section') === 'quality' ? quality : counts).push(row);
  return { counts, quality };
}
