/**
 * Mergeable partial counts: per period (and optionally per value of one dimension) the number of
 * answers at each NPS score 0–10. Partials from several chunks, several files or a warehouse query
 * add up to exactly what one pass over all rows gives, which is what lets the engine stream and lets
 * users supply pre-aggregated counts instead of rows.
 */
import { categoryColumn, compileConditions, rowPasses, type ColumnCondition } from './filter.ts';
import { densePeriodIndex, offsetPeriod, type IntervalName } from './periods.ts';
import type { FeedbackTable } from './table.ts';

export interface NpsBucket {
  /** First day of the period (UTC day number). */
  readonly periodStart: number;
  /** The dimension value, or null when not grouped. */
  readonly group: string | null;
  /** Answers per score 0–10. */
  readonly histogram: Float64Array;
}

export interface NpsPartial {
  readonly interval: IntervalName;
  /** The dimension the buckets are grouped by, or null. */
  readonly dimension: string | null;
  /** Keyed by {@link bucketKey}. */
  readonly buckets: Map<string, NpsBucket>;
}

export function bucketKey(periodStart: number, group: string | null): string {
  return group === null ? String(periodStart) : `${periodStart}\u0000${group}`;
}

export function emptyPartial(interval: IntervalName, dimension: string | null): NpsPartial {
  return { interval, dimension, buckets: new Map() };
}

/** Adds `count` answers with `score` to the bucket, creating it when new. */
export function addToPartial(partial: NpsPartial, periodStart: number, group: string | null, score: number, count = 1): void {
  const key = bucketKey(periodStart, group);
  let bucket = partial.buckets.get(key);
  if (!bucket) {
    bucket = { periodStart, group, histogram: new Float64Array(11) };
    partial.buckets.set(key, bucket);
  }
  bucket.histogram[score]! += count;
}

/** Sums partials of the same interval and dimension into a new partial. */
export function mergePartials(...partials: readonly NpsPartial[]): NpsPartial {
  const [first] = partials;
  if (!first) throw new RangeError('mergePartials needs at least one partial.');
  const merged = emptyPartial(first.interval, first.dimension);
  for (const partial of partials) {
    if (partial.interval !== first.interval || partial.dimension !== first.dimension) {
      throw new RangeError(`Cannot merge ${partial.interval}/${partial.dimension} counts into ${first.interval}/${first.dimension}.`);
    }
    for (const [key, bucket] of partial.buckets) {
      const target = merged.buckets.get(key);
      if (target) for (let score = 0; score <= 10; score++) target.histogram[score]! += bucket.histogram[score]!;
      else merged.buckets.set(key, { periodStart: bucket.periodStart, group: bucket.group, histogram: Float64Array.from(bucket.histogram) });
    }
  }
  return merged;
}

/**
 * Keeps the buckets whose period overlaps [fromDay, toDay]: the day-range filter for counts that
 * arrive already aggregated. Rows are filtered day by day in {@link aggregateNps}, which also keeps
 * a partly covered period, so both inputs show the same periods.
 */
export function restrictPartial(partial: NpsPartial, fromDay: number | null, toDay: number | null): NpsPartial {
  if (fromDay === null && toDay === null) return partial;
  const restricted = emptyPartial(partial.interval, partial.dimension);
  for (const [key, bucket] of partial.buckets) {
    const lastDay = offsetPeriod(bucket.periodStart, partial.interval, 1) - 1;
    if ((fromDay === null || lastDay >= fromDay) && (toDay === null || bucket.periodStart <= toDay)) restricted.buckets.set(key, bucket);
  }
  return restricted;
}

export interface AggregateOptions {
  readonly interval: IntervalName;
  /** Group by this dimension (a column name of the table, or 'stage'). */
  readonly dimension?: string | null;
  /** Inclusive day range; rows outside are skipped. */
  readonly fromDay?: number;
  readonly toDay?: number;
  /** Only rows that meet every condition (a column's value is one of the listed values). */
  readonly conditions?: readonly ColumnCondition[];
  /** Rows [rowStart, rowEnd) only: lets a caller aggregate a table in chunks. */
  readonly rowStart?: number;
  readonly rowEnd?: number;
}

/**
 * One pass over the NPS column. Period lookup is a per-day table and the counts live in one flat
 * typed array (bucket × group × score), so the loop does no allocation and no calendar arithmetic.
 */
export function aggregateNps(table: FeedbackTable, options: AggregateOptions): NpsPartial {
  const { interval } = options;
  const dimension = options.dimension ?? null;
  const partial = emptyPartial(interval, dimension);
  const fromDay = Math.max(options.fromDay ?? table.firstDay, table.firstDay);
  const toDay = Math.min(options.toDay ?? table.lastDay, table.lastDay);
  if (table.rowCount === 0 || fromDay > toDay) return partial;

  const { indexOfDay: periodIndexOfDay, starts: periodStarts } = densePeriodIndex(fromDay, toDay, interval);

  const groupColumn = dimension === null ? null : categoryColumn(table, dimension);
  const groupCount = groupColumn ? groupColumn.dictionary.length : 1;
  const conditions = options.conditions?.length ? compileConditions(table, options.conditions) : null;

  const counts = new Float64Array(periodStarts.length * groupCount * 11);
  const { day } = table;
  const nps = table.scores.nps;
  const groupCodes = groupColumn?.codes ?? null;
  const rowEnd = Math.min(options.rowEnd ?? table.rowCount, table.rowCount);
  for (let row = options.rowStart ?? 0; row < rowEnd; row++) {
    const score = nps[row]!;
    if (score < 0) continue;
    const d = day[row]! - fromDay;
    if (d < 0 || d >= periodIndexOfDay.length) continue;
    if (conditions && !rowPasses(conditions, row)) continue;
    const group = groupCodes ? groupCodes[row]! : 0;
    counts[(periodIndexOfDay[d]! * groupCount + group) * 11 + score]!++;
  }

  for (let period = 0; period < periodStarts.length; period++) {
    for (let group = 0; group < groupCount; group++) {
      const offset = (period * groupCount + group) * 11;
      let n = 0;
      for (let score = 0; score <= 10; score++) n += counts[offset + score]!;
      if (n === 0) continue;
      const groupName = groupColumn ? groupColumn.dictionary[group]! : null;
      partial.buckets.set(bucketKey(periodStarts[period]!, groupName), {
        periodStart: periodStarts[period]!,
        group: groupName,
        histogram: counts.slice(offset, offset + 11),
      });
    }
  }
  return partial;
}
