/**
 * From partial counts to what a chart may show: one point per period with NPS, interval and the
 * significance of the change from the period before — and nothing at all about small periods.
 */
import type { NpsPartial } from './aggregate.ts';
import { compareNps, countsFromHistogram, estimateNps, type NpsEstimate } from './nps.ts';
import { offsetPeriod, type IntervalName } from './periods.ts';
import { bucketKey, type NpsBucket } from './aggregate.ts';
import { complementarySuppression } from './complementary.ts';

/** The default minimum number of answers before a group's score may be shown (DOMAIN.md). */
export const DEFAULT_MIN_N = 5;

/** Significance level for the ▲/▼ change markers. */
export const ALPHA = 0.05;

export interface NpsChange {
  /** NPS minus the previous period's NPS, in points. */
  readonly delta: number;
  readonly z: number;
  readonly p: number;
  /** 'up' or 'down' when p < {@link ALPHA}, otherwise null. */
  readonly significant: 'up' | 'down' | null;
}

export interface ShownPeriod extends NpsEstimate {
  readonly suppressed: false;
  readonly periodStart: number;
  readonly group: string | null;
  /** Change from the immediately preceding period of the same group; null when that period has no shown score. */
  readonly change: NpsChange | null;
}

/**
 * A period with fewer than min-n answers. Deliberately carries no count, score or interval: this
 * object is all that ever leaves the engine for it (privacy by suppression, DOMAIN.md).
 */
export interface SuppressedPeriod {
  readonly suppressed: true;
  readonly periodStart: number;
  readonly group: string | null;
}

export type SeriesPoint = ShownPeriod | SuppressedPeriod;

export interface NpsSeries {
  readonly interval: IntervalName;
  readonly dimension: string | null;
  readonly minN: number;
  /** Sorted by group, then period. */
  readonly points: readonly SeriesPoint[];
}

function answers(histogram: Float64Array): number {
  let n = 0;
  for (let score = 0; score <= 10; score++) n += histogram[score]!;
  return n;
}

/** Consecutive buckets of the same group (the input is sorted by group). */
function groupRuns(sorted: readonly NpsBucket[]): NpsBucket[][] {
  const runs: NpsBucket[][] = [];
  for (const bucket of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.group === bucket.group) run.push(bucket);
    else runs.push([bucket]);
  }
  return runs;
}

/**
 * Applies suppression and computes each shown period's change. Comparisons are only made with the
 * calendar period right before, and only when it is shown too: comparing with a suppressed period
 * would let its score be inferred from z.
 *
 * Complementary suppression ({@link complementarySuppression}), per group over its periods: the
 * periods of a series add up to a total a reader can find elsewhere (the data-quality report's
 * accepted rows, the same segment at another interval), so when the hidden periods hold 1 to
 * `minN` − 1 answers together, the smallest shown period is hidden too (ties: the earlier one, so
 * the newest period, the one a council reads, stays), until the hidden periods hold at least `minN`.
 */
export function npsSeries(partial: NpsPartial, minN = DEFAULT_MIN_N): NpsSeries {
  const threshold = Math.max(1, Math.floor(minN));
  const estimates = new Map<string, NpsEstimate | null>();
  for (const [key, bucket] of partial.buckets) {
    estimates.set(key, answers(bucket.histogram) >= threshold ? estimateNps(countsFromHistogram(bucket.histogram)) : null);
  }
  const buckets = [...partial.buckets.values()].sort(
    (a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.periodStart - b.periodStart,
  );
  for (const periods of groupRuns(buckets)) {
    const keys = periods.map((b) => bucketKey(b.periodStart, b.group));
    const hide = complementarySuppression(
      periods.map((b, i) => ({ n: answers(b.histogram), suppressed: !estimates.get(keys[i]!) })),
      threshold,
      { ties: 'earlier' },
    );
    keys.forEach((key, i) => hide[i] && estimates.set(key, null));
  }
  const points = buckets.map((bucket): SeriesPoint => {
    const estimate = estimates.get(bucketKey(bucket.periodStart, bucket.group));
    if (!estimate) return { suppressed: true, periodStart: bucket.periodStart, group: bucket.group };
    const previousStart = offsetPeriod(bucket.periodStart, partial.interval, -1);
    const previous = estimates.get(bucketKey(previousStart, bucket.group));
    const comparison = previous ? compareNps(estimate, previous) : null;
    const change: NpsChange | null =
      previous && comparison
        ? {
            delta: estimate.nps - previous.nps,
            z: comparison.z,
            p: comparison.p,
            significant: comparison.p < ALPHA ? (comparison.z > 0 ? 'up' : 'down') : null,
          }
        : null;
    return { ...estimate, suppressed: false, periodStart: bucket.periodStart, group: bucket.group, change };
  });
  return { interval: partial.interval, dimension: partial.dimension, minN: threshold, points };
}

/**
 * The points of a series whose period starts within [fromDay, toDay] (null: open). Cutting the range out
 * of a series computed over all periods keeps suppression the same whatever range a page shows.
 */
export function seriesWithin(series: NpsSeries, fromDay: number | null, toDay: number | null): NpsSeries {
  if (fromDay === null && toDay === null) return series;
  const within = (start: number) => (fromDay === null || start >= fromDay) && (toDay === null || start <= toDay);
  return { ...series, points: series.points.filter((point) => within(point.periodStart)) };
}
