/**
 * From partial counts to what a chart may show: one point per period with NPS, interval and the
 * significance of the change from the period before — and nothing at all about small periods.
 */
import type { NpsPartial } from './aggregate.ts';
import { compareNps, countsFromHistogram, estimateNps, type NpsEstimate } from './nps.ts';
import { offsetPeriod, type IntervalName } from './periods.ts';
import { bucketKey } from './aggregate.ts';

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

/**
 * Applies suppression and computes each shown period's change. Comparisons are only made with the
 * calendar period right before, and only when it is shown too: comparing with a suppressed period
 * would let its score be inferred from z.
 */
export function npsSeries(partial: NpsPartial, minN = DEFAULT_MIN_N): NpsSeries {
  const threshold = Math.max(1, Math.floor(minN));
  const estimates = new Map<string, NpsEstimate | null>();
  for (const [key, bucket] of partial.buckets) {
    const counts = countsFromHistogram(bucket.histogram);
    const n = counts.promoters + counts.passives + counts.detractors;
    estimates.set(key, n >= threshold ? estimateNps(counts) : null);
  }
  const buckets = [...partial.buckets.values()].sort(
    (a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.periodStart - b.periodStart,
  );
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
