/**
 * Net Promoter Score and its uncertainty, exactly as defined in DOMAIN.md:
 * NPS = 100·(P − D)/n; 95 % interval by the adjusted-Wald method (Rocks 2016, MeasuringU), which
 * behaves at small n and at the ±100 extremes where the plain Wald interval collapses to a point.
 */
import { twoSidedP } from './normal.ts';

export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export interface NpsEstimate extends NpsCounts {
  readonly n: number;
  /** 100·(P − D)/n. */
  readonly nps: number;
  /** Bounds of the 95 % adjusted-Wald interval, clamped to [−100, 100]. */
  readonly lower: number;
  readonly upper: number;
}

/** Sampling quantities of the adjusted-Wald method, on the −1…1 scale. */
export interface AdjustedNps {
  /** n′ = n + 3 */
  readonly n: number;
  /** NPS′ = p₊′ − p₋′ with p₊′ = (P + ¾)/n′ and p₋′ = (D + ¾)/n′ */
  readonly nps: number;
  /** var = p₊′ + p₋′ − NPS′² (per respondent; divide by n′ for the variance of NPS′) */
  readonly variance: number;
}

/** The z quantile the domain specifies for a 95 % interval. */
export const Z_95 = 1.96;

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export function npsGroupOf(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Folds a 0–10 histogram (index = score) into promoter, passive and detractor counts. */
export function countsFromHistogram(histogram: ArrayLike<number>): NpsCounts {
  if (histogram.length !== 11) throw new RangeError(`An NPS histogram has 11 bins (0–10), not ${histogram.length}.`);
  let detractors = 0;
  for (let score = 0; score <= 6; score++) detractors += histogram[score]!;
  return { promoters: histogram[9]! + histogram[10]!, passives: histogram[7]! + histogram[8]!, detractors };
}

export function adjustedNps({ promoters, passives, detractors }: NpsCounts): AdjustedNps {
  const n = promoters + passives + detractors + 3;
  const positive = (promoters + 0.75) / n;
  const negative = (detractors + 0.75) / n;
  const nps = positive - negative;
  return { n, nps, variance: positive + negative - nps * nps };
}

/** NPS with its 95 % interval; `null` when nobody answered (n = 0), where no score exists. */
export function estimateNps(counts: NpsCounts): NpsEstimate | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const adjusted = adjustedNps(counts);
  const halfWidth = Z_95 * Math.sqrt(adjusted.variance / adjusted.n);
  return {
    promoters: counts.promoters,
    passives: counts.passives,
    detractors: counts.detractors,
    n,
    nps: (100 * (counts.promoters - counts.detractors)) / n,
    lower: Math.max(-100, 100 * (adjusted.nps - halfWidth)),
    upper: Math.min(100, 100 * (adjusted.nps + halfWidth)),
  };
}

export interface NpsComparison {
  /** Positive when `current` is higher than `previous`. */
  readonly z: number;
  /** Two-sided p-value from the normal distribution. */
  readonly p: number;
}

/**
 * Tests whether two independent periods differ: z = (NPS₁′ − NPS₂′)/√(var₁/n₁′ + var₂/n₂′) on the
 * adjusted values. `null` when either period has no answers.
 */
export function compareNps(current: NpsCounts, previous: NpsCounts): NpsComparison | null {
  if (current.promoters + current.passives + current.detractors === 0) return null;
  if (previous.promoters + previous.passives + previous.detractors === 0) return null;
  const a = adjustedNps(current);
  const b = adjustedNps(previous);
  const z = (a.nps - b.nps) / Math.sqrt(a.variance / a.n + b.variance / b.n);
  return { z, p: twoSidedP(z) };
}
