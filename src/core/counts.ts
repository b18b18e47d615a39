/**
 * Pre-aggregated counts supplied by the user (e.g. from a warehouse query) as mergeable partials, so
 * they go through exactly the same suppression, interval and significance code as rows do.
 */
import { addToPartial, emptyPartial, type NpsPartial } from './aggregate.ts';
import { CxDataError } from './errors.ts';
import { parsePeriod, type IntervalName } from './periods.ts';

/** One period (and optionally one dimension value): promoter/passive/detractor counts or a 0–10 histogram. */
export type NpsPeriodCounts =
  | { readonly period: string; readonly group?: string; readonly promoters: number; readonly passives: number; readonly detractors: number }
  | { readonly period: string; readonly group?: string; readonly histogram: readonly number[] };

/**
 * Group counts are stored at each group's top score (10, 8, 6). Every NPS figure depends only on the
 * group totals, so this is exact for everything the elements compute from NPS; only a per-score
 * histogram view would need real per-score counts.
 */
const GROUP_SCORES = { promoters: 10, passives: 8, detractors: 6 } as const;

function countOf(value: unknown, what: string, index: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CxDataError('bad-counts', `Counts entry ${index + 1}: ${what} must be a whole number ≥ 0, not ${JSON.stringify(value)}.`, {
      entry: index + 1,
      detail: what,
    });
  }
  return value;
}

/** @throws CxDataError `bad-counts` naming the first entry that is not valid for `interval`. */
export function partialFromCounts(entries: readonly NpsPeriodCounts[], interval: IntervalName, dimension: string | null = null): NpsPartial {
  if (!Array.isArray(entries)) throw new CxDataError('bad-counts', 'Counts must be an array of periods.', { entry: 0, detail: 'array' });
  const partial = emptyPartial(interval, dimension);
  entries.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      throw new CxDataError('bad-counts', `Counts entry ${index + 1} is not an object.`, { entry: index + 1, detail: 'object' });
    }
    const periodStart = typeof entry.period === 'string' ? parsePeriod(entry.period, interval) : null;
    if (periodStart === null) {
      throw new CxDataError('bad-counts', `Counts entry ${index + 1}: "${String(entry.period)}" is not a ${interval} period.`, {
        entry: index + 1,
        detail: 'period',
      });
    }
    const group = dimension === null ? null : String(entry.group ?? '');
    if ('histogram' in entry) {
      if (!Array.isArray(entry.histogram) || entry.histogram.length !== 11) {
        throw new CxDataError('bad-counts', `Counts entry ${index + 1}: histogram needs 11 counts (scores 0–10).`, { entry: index + 1, detail: 'histogram' });
      }
      (entry.histogram as readonly unknown[]).forEach((count, score) => addToPartial(partial, periodStart, group, score, countOf(count, `histogram[${score}]`, index)));
    } else {
      for (const key of ['promoters', 'passives', 'detractors'] as const) {
        addToPartial(partial, periodStart, group, GROUP_SCORES[key], countOf(entry[key], key, index));
      }
    }
  });
  return partial;
}
