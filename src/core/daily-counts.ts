/**
 * NPS answers counted per calendar day (and per group of one dimension): the finest partial counts,
 * from which every interval and every day range is a roll-up of a few thousand numbers instead of
 * another pass over millions of rows. The engine keeps a few of these per table, so switching a chart
 * from months to weeks, or narrowing its range, does not read the rows again; only a new filter or
 * grouping does.
 */
import { aggregateNps, bucketKey, emptyPartial, type AggregateOptions, type NpsPartial } from './aggregate.ts';
import { categoryColumn, compileConditions, rowPasses, type ColumnCondition } from './filter.ts';
import { densePeriodIndex, type IntervalName } from './periods.ts';
import type { FeedbackTable } from './table.ts';

export interface DailyNpsCounts {
  /** Day number of the first day counted; the table's first day. */
  readonly firstDay: number;
  readonly dayCount: number;
  readonly dimension: string | null;
  /** The dimension's dictionary (group code → value), or null when not grouped. */
  readonly groups: readonly string[] | null;
  /** Answers at `((day - firstDay) * groupCount + group) * 11 + score`. */
  readonly counts: Uint32Array;
}

export interface DailyCountOptions {
  readonly dimension?: string | null;
  readonly conditions?: readonly ColumnCondition[];
}

/** How many numbers a set of daily counts may hold (16 MB); larger groupings are aggregated per query instead. */
export const MAX_DAILY_CELLS = 4_000_000;

/** The number of cells {@link dailyNpsCounts} would allocate for this table and grouping. */
export function dailyCellCount(table: FeedbackTable, dimension: string | null): number {
  const days = table.rowCount === 0 ? 0 : table.lastDay - table.firstDay + 1;
  const groups = dimension === null ? 1 : categoryColumn(table, dimension).dictionary.length;
  return days * groups * 11;
}

/** One pass over the NPS column into per-day histograms. */
export function dailyNpsCounts(table: FeedbackTable, options: DailyCountOptions = {}): DailyNpsCounts {
  const dimension = options.dimension ?? null;
  const groupColumn = dimension === null ? null : categoryColumn(table, dimension);
  const groupCount = groupColumn ? groupColumn.dictionary.length : 1;
  const dayCount = table.rowCount === 0 ? 0 : table.lastDay - table.firstDay + 1;
  const counts = new Uint32Array(dayCount * groupCount * 11);
  const conditions = options.conditions?.length ? compileConditions(table, options.conditions) : null;
  const { day, rowCount, firstDay } = table;
  const nps = table.scores.nps;
  const groupCodes = groupColumn?.codes ?? null;
  for (let row = 0; row < rowCount; row++) {
    const score = nps[row]!;
    if (score < 0) continue;
    if (conditions && !rowPasses(conditions, row)) continue;
    const group = groupCodes ? groupCodes[row]! : 0;
    counts[((day[row]! - firstDay) * groupCount + group) * 11 + score]!++;
  }
  return { firstDay, dayCount, dimension, groups: groupColumn ? groupColumn.dictionary : null, counts };
}

/**
 * The partial counts {@link aggregateNps} would return for `interval` and the inclusive day range
 * (clamped to the counted days), summed from the daily counts.
 */
export function rollUpDailyCounts(daily: DailyNpsCounts, interval: IntervalName, range: { fromDay?: number | undefined; toDay?: number | undefined } = {}): NpsPartial {
  const partial = emptyPartial(interval, daily.dimension);
  const lastDay = daily.firstDay + daily.dayCount - 1;
  const fromDay = Math.max(range.fromDay ?? daily.firstDay, daily.firstDay);
  const toDay = Math.min(range.toDay ?? lastDay, lastDay);
  if (daily.dayCount === 0 || fromDay > toDay) return partial;

  const { indexOfDay, starts } = densePeriodIndex(fromDay, toDay, interval);
  const groupCount = daily.groups ? daily.groups.length : 1;
  const sums = new Float64Array(starts.length * groupCount * 11);
  const { counts } = daily;
  for (let d = fromDay; d <= toDay; d++) {
    const source = (d - daily.firstDay) * groupCount * 11;
    const target = indexOfDay[d - fromDay]! * groupCount * 11;
    for (let cell = 0; cell < groupCount * 11; cell++) sums[target + cell]! += counts[source + cell]!;
  }
  for (let period = 0; period < starts.length; period++) {
    for (let group = 0; group < groupCount; group++) {
      const offset = (period * groupCount + group) * 11;
      let n = 0;
      for (let score = 0; score <= 10; score++) n += sums[offset + score]!;
      if (n === 0) continue;
      const groupName = daily.groups ? daily.groups[group]! : null;
      partial.buckets.set(bucketKey(starts[period]!, groupName), { periodStart: starts[period]!, group: groupName, histogram: sums.slice(offset, offset + 11) });
    }
  }
  return partial;
}

/**
 * The engine's memory of recent daily counts, per table (held weakly: a released table takes its
 * counts with it) and per grouping and filter, least recently used dropped first.
 */
export class DailyCountsCache {
  readonly #size: number;
  readonly #tables = new WeakMap<FeedbackTable, Map<string, DailyNpsCounts>>();
  /** Passes over rows made so far: what the cache is there to save. */
  scans = 0;

  constructor(size = 8) {
    this.#size = size;
  }

  /** The same partial counts as {@link aggregateNps} with these options, reading the rows only when it must. */
  partial(table: FeedbackTable, options: AggregateOptions): NpsPartial {
    const dimension = options.dimension ?? null;
    const conditions = options.conditions ?? [];
    const range = { fromDay: options.fromDay, toDay: options.toDay };
    if (options.rowStart !== undefined || options.rowEnd !== undefined || dailyCellCount(table, dimension) > MAX_DAILY_CELLS) {
      this.scans++;
      return aggregateNps(table, options);
    }
    let cache = this.#tables.get(table);
    if (!cache) this.#tables.set(table, (cache = new Map()));
    const key = JSON.stringify([dimension, conditions]);
    let daily = cache.get(key);
    if (daily) {
      cache.delete(key); // re-inserted below: Map order is the recency order
    } else {
      this.scans++;
      daily = dailyNpsCounts(table, { dimension, conditions });
      if (cache.size >= this.#size) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, daily);
    return rollUpDailyCounts(daily, options.interval, range);
  }
}
