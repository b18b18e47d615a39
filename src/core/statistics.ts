/**
 * Small statistical helpers the measures need and d3-array does not have: Student's t quantile for a
 * mean's interval, and Holm's adjustment for testing several groups at once.
 */

/** Student's t quantile t₀.₉₇₅ for 1–30 degrees of freedom (standard tables, e.g. R's qt(0.975, df)). */
const T_975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098,
  2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];
/** Beyond 30: df → t₀.₉₇₅ at 40, 60, 120 and ∞, interpolated linearly in 1/df (error below 1e-4). */
const T_975_TAIL: ReadonlyArray<readonly [number, number]> = [
  [30, 2.0423],
  [40, 2.0211],
  [60, 2.0003],
  [120, 1.9799],
  [Infinity, 1.959964],
];

/** The two-sided 95 % quantile of Student's t with `df` degrees of freedom (df ≥ 1). */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`t needs at least 1 degree of freedom, not ${df}.`);
  if (df <= 30 && Number.isInteger(df)) return T_975[df - 1]!;
  for (let i = 1; i < T_975_TAIL.length; i++) {
    const [highDf, highT] = T_975_TAIL[i]!;
    if (df <= highDf) {
      const [lowDf, lowT] = T_975_TAIL[i - 1]!;
      const position = (1 / lowDf - 1 / df) / (1 / lowDf - 1 / highDf);
      return lowT + (highT - lowT) * position;
    }
  }
  return T_975_TAIL[T_975_TAIL.length - 1]![1];
}

/**
 * Holm's step-down adjustment: with p-values sorted ascending, pᵢ′ = maxⱼ≤ᵢ min(1, (m − j + 1)·pⱼ).
 * Controls the chance of any false flag across all stages at 5 %, where testing each stage at 5 %
 * would flag a stage in a five-stage journey about one time in five by chance alone.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, index], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
