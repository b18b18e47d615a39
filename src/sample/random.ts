/**
 * The one source of randomness for the sample generator: d3-random's seeded LCG and the
 * distributions built on it. Every draw goes through this object, in a fixed order, so the same
 * seed gives the same data in the page, in a worker and in Node.
 */
import { randomGamma, randomLcg, randomNormal } from 'd3-random';

export interface SampleRandom {
  /** Uniform in [0, 1). */
  readonly uniform: () => number;
  /** Standard normal (mean 0, sd 1). */
  readonly normal: () => number;
  /** Gamma with shape `k` and mean 1, for multiplicative noise on volumes. */
  gammaMeanOne(k: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max], both inclusive. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to `weights[i]` (weights need not sum to 1). */
  weighted(weights: readonly number[]): number;
}

export function createSampleRandom(seed: number): SampleRandom {
  const uniform = randomLcg(seed);
  const normal = randomNormal.source(uniform)(0, 1);
  const gammaByShape = new Map<number, () => number>();
  const int = (n: number): number => Math.floor(uniform() * n);
  return {
    uniform,
    normal,
    gammaMeanOne(k) {
      let draw = gammaByShape.get(k);
      if (!draw) gammaByShape.set(k, (draw = randomGamma.source(uniform)(k, 1 / k)));
      return draw();
    },
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => uniform() < p,
    pick: (items) => items[int(items.length)]!,
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let target = uniform() * total;
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i]!;
        if (target < 0) return i;
      }
      // Only reachable through rounding at the very top of the range: the last item that can be drawn.
      let last = weights.length - 1;
      while (last > 0 && !(weights[last]! > 0)) last--;
      return last;
    },
  };
}
