/**
 * Intervals and tests for shares (top-2-box, % easy, pain share). Wilson's score interval, because
 * the plain Wald interval collapses to a point at 0 % and 100 % and undercovers at small n, which is
 * exactly where a journey stage with few complaints sits.
 */
import { Z_95 } from './nps.ts';
import { twoSidedP } from './normal.ts';

export interface ProportionEstimate {
  /** Answers in the group. */
  readonly n: number;
  /** Answers that count (e.g. negative ones). */
  readonly count: number;
  /** count / n, 0…1. */
  readonly share: number;
  /** Wilson 95 % interval, 0…1. */
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval: centre (p̂ + z²/2n)/(1 + z²/n), half-width
 * z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²). `null` when n = 0.
 */
export function estimateProportion(count: number, n: number, z = Z_95): ProportionEstimate | null {
  if (!(n > 0)) return null;
  if (count < 0 || count > n) throw new RangeError(`A share needs 0 ≤ count ≤ n, not ${count} of ${n}.`);
  const share = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (share + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  // At 0 and 1 the formula gives the bound exactly up to rounding; clamp so it is never −1e-17.
  return { n, count, share, lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

export interface ProportionComparison {
  /** Positive when the first share is the larger. */
  readonly z: number;
  /** Two-sided p-value. */
  readonly p: number;
}

/**
 * Two-proportion z test with the pooled standard error: z = (p̂₁ − p̂₂)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)).
 * `null` when a group is empty or the pooled share is 0 or 1 (no variation, nothing to test).
 */
export function compareProportions(count1: number, n1: number, count2: number, n2: number): ProportionComparison | null {
  if (!(n1 > 0) || !(n2 > 0)) return null;
  const pooled = (count1 + count2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return null;
  const z = (count1 / n1 - count2 / n2) / Math.sqrt(variance);
  return { z, p: twoSidedP(z) };
}
