import { expect } from '@open-wc/testing';
import { adjustedNps, compareNps, countsFromHistogram, estimateNps, npsGroupOf, Z_95 } from '../../src/core/nps.ts';
import { erfc, twoSidedP } from '../../src/core/normal.ts';

/**
 * Reference values from CPython's math.erfc (which calls the C library's erfc), printed with repr() so every
 * digit of the double is kept:  python3 -c "import math; print(repr(math.erfc(x)))".
 */
const PYTHON_ERFC: ReadonlyArray<readonly [number, number]> = [
  [-3, 1.9999779095030015],
  [-1, 1.842700792949715],
  [-0.5, 1.5204998778130465],
  [0, 1.0],
  [0.1, 0.8875370839817152],
  [0.3, 0.6713732405408726],
  [0.5, 0.4795001221869535],
  [0.84375, 0.23277433876765835],
  [1, 0.15729920705028513],
  [1.2, 0.08968602177036465],
  [1.25, 0.07709987174354177],
  [1.5, 0.033894853524689274],
  [2, 0.004677734981047265],
  [2.5, 0.0004069520174449589],
  [2.857, 5.3358260086846374e-5],
  [3, 2.2090496998585438e-5],
  [4, 1.541725790028002e-8],
  [5, 1.5374597944280351e-12],
  [6, 2.1519736712498916e-17],
  [10, 2.088487583762545e-45],
  [27, 5.23705e-319],
  [30, 0.0],
];

/** Negative arguments through every branch (|x| < 0.25, < 0.84375, < 1.25, < 1/0.35, the x < −6 shortcut). */
const PYTHON_ERFC_NEGATIVE: ReadonlyArray<readonly [number, number]> = [
  [-0.1, 1.1124629160182848],
  [-1.2, 1.9103139782296354],
  [-2.857, 1.9999466417399132],
  [-6, 2.0],
  [-7, 2.0],
];

const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** |actual − expected| ≤ 1e-9, and for tiny tails (< 1e-3) also a relative error ≤ 1e-12. */
function expectErfcClose(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: absolute error`).to.be.at.most(1e-9);
  if (expected === 0) {
    expect(actual, label).to.equal(0);
  } else if (expected < SMALLEST_NORMAL) {
    // A subnormal result (erfc(27) ≈ 5.2e-319) has only ~5 significant digits: 1e-12 relative is below
    // its spacing (4.9e-324), so allow a few units in the last place instead.
    expect(Math.abs(actual - expected), `${label}: subnormal ulps`).to.be.at.most(4 * 4.9e-324);
  } else if (expected < 1e-3) {
    expect(Math.abs(actual - expected) / expected, `${label}: relative error`).to.be.at.most(1e-12);
  }
}

describe('normal distribution tails', () => {
  it('matches Python math.erfc across every branch of the fdlibm algorithm', () => {
    for (const [x, expected] of PYTHON_ERFC) expectErfcClose(erfc(x), expected, `erfc(${x})`);
    for (const [x, expected] of PYTHON_ERFC_NEGATIVE) expectErfcClose(erfc(x), expected, `erfc(${x})`);
  });

  it('keeps full relative precision in the far tail, where 1 − erf(x) would round to 0', () => {
    expect(Math.abs(erfc(5) - 1.5374597944280351e-12) / 1.5374597944280351e-12).to.be.at.most(1e-12);
    expect(Math.abs(erfc(10) - 2.088487583762545e-45) / 2.088487583762545e-45).to.be.at.most(1e-12);
    expect(erfc(10)).to.be.greaterThan(0);
  });

  it('satisfies erfc(−x) = 2 − erfc(x) on a sweep from 0 to 6', () => {
    for (let x = 0; x <= 6; x += 0.0625) {
      expect(Math.abs(erfc(-x) - (2 - erfc(x))), `x = ${x}`).to.be.at.most(1e-15);
    }
  });

  it('is monotonically decreasing on a sweep from −6 to 28', () => {
    let previous = erfc(-6);
    for (let x = -6 + 0.01; x <= 28; x += 0.01) {
      const value = erfc(x);
      expect(value, `erfc(${x})`).to.be.at.most(previous);
      previous = value;
    }
  });

  it('handles the special values NaN and ±Infinity', () => {
    expect(erfc(NaN)).to.be.NaN;
    expect(erfc(Infinity)).to.equal(0);
    expect(erfc(-Infinity)).to.equal(2);
    expect(erfc(1e-20)).to.equal(1);
  });

  it('gives p = 0.05 at the 97.5 % normal quantile 1.959963984540054', () => {
    // Python: math.erfc(1.959963984540054 / math.sqrt(2)) = 0.05000000000000004
    expect(twoSidedP(1.959963984540054)).to.be.closeTo(0.05000000000000004, 1e-12);
  });

  it('is two-sided: the sign of z does not matter, z = 0 gives p = 1 and |z| → ∞ gives p = 0', () => {
    expect(twoSidedP(-1.959963984540054)).to.equal(twoSidedP(1.959963984540054));
    expect(twoSidedP(0)).to.equal(1);
    expect(twoSidedP(Infinity)).to.equal(0);
    expect(twoSidedP(-Infinity)).to.equal(0);
    // Python: math.erfc(3 / math.sqrt(2)) = 0.0026997960632601913
    expect(twoSidedP(3)).to.be.closeTo(0.0026997960632601913, 1e-12);
  });
});

describe('NPS', () => {
  it('classifies 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    const groups = Array.from({ length: 11 }, (_, score) => npsGroupOf(score));
    expect(groups).to.deep.equal([
      ...Array<string>(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('folds a 0–10 histogram into promoter, passive and detractor counts', () => {
    // scores:          0  1  2  3  4  5  6  7  8  9 10
    const histogram = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // detractors 1+…+7 = 28, passives 8+9 = 17, promoters 10+11 = 21
    expect(countsFromHistogram(histogram)).to.deep.equal({ promoters: 21, passives: 17, detractors: 28 });
    expect(countsFromHistogram(new Float64Array(11))).to.deep.equal({ promoters: 0, passives: 0, detractors: 0 });
  });

  it('refuses a histogram that does not have exactly 11 bins', () => {
    expect(() => countsFromHistogram(new Array(10).fill(0))).to.throw(RangeError, /11 bins/);
    expect(() => countsFromHistogram(new Array(12).fill(0))).to.throw(RangeError, /11 bins/);
  });

  it('uses z = 1.96 for the 95 % interval, as DOMAIN.md specifies', () => {
    expect(Z_95).to.equal(1.96);
  });

  it('has no score when nobody answered (n = 0)', () => {
    expect(estimateNps({ promoters: 0, passives: 0, detractors: 0 })).to.equal(null);
  });

  it('computes the adjusted-Wald quantities for a mixed sample', () => {
    // P = 5, passives = 3, D = 2: n′ = 13, p₊′ = 5.75/13, p₋′ = 2.75/13, NPS′ = 3/13,
    // var = 8.5/13 − (3/13)² = (110.5 − 9)/169 = 101.5/169
    const adjusted = adjustedNps({ promoters: 5, passives: 3, detractors: 2 });
    expect(adjusted.n).to.equal(13);
    expect(adjusted.nps).to.be.closeTo(3 / 13, 1e-15);
    expect(adjusted.variance).to.be.closeTo(101.5 / 169, 1e-15);
  });

  it('estimates NPS and its 95 % interval for a mixed sample', () => {
    // NPS = 100·(5 − 2)/10 = 30.
    // SE = √(101.5/169 / 13) = √(101.5/2197) = 0.21494037025977716; 1.96·SE = 0.4212831257091632
    // interval = 100·(3/13 ∓ 0.42128…) = [−19.051389493993252, 65.2052356478394]   (Python)
    const estimate = estimateNps({ promoters: 5, passives: 3, detractors: 2 })!;
    expect(estimate.n).to.equal(10);
    expect(estimate.nps).to.equal(30);
    expect(estimate.lower).to.be.closeTo(-19.051389493993252, 1e-9);
    expect(estimate.upper).to.be.closeTo(65.2052356478394, 1e-9);
    expect({ promoters: estimate.promoters, passives: estimate.passives, detractors: estimate.detractors }).to.deep.equal({
      promoters: 5,
      passives: 3,
      detractors: 2,
    });
  });

  it('clamps the upper bound to 100 when everyone is a promoter', () => {
    // P = 10: n′ = 13, NPS′ = (10.75 − 0.75)/13 = 10/13, var = 11.5/13 − 100/169 = 49.5/169,
    // SE = √(49.5/2197) = 0.15010237744338248, 1.96·SE = 0.29420065978902965
    // lower = 100·(0.76923… − 0.29420…) = 47.50301094417394; upper = 106.34… → clamped to 100
    const estimate = estimateNps({ promoters: 10, passives: 0, detractors: 0 })!;
    expect(estimate.nps).to.equal(100);
    expect(estimate.upper).to.equal(100);
    expect(estimate.lower).to.be.closeTo(47.50301094417394, 1e-9);
  });

  it('clamps the lower bound to −100 when everyone is a detractor', () => {
    // the mirror image of the all-promoter case
    const estimate = estimateNps({ promoters: 0, passives: 0, detractors: 10 })!;
    expect(estimate.nps).to.equal(-100);
    expect(estimate.lower).to.equal(-100);
    expect(estimate.upper).to.be.closeTo(-47.50301094417394, 1e-9);
  });

  it('gives a wide but finite interval for a single answer', () => {
    // one promoter: n′ = 4, p₊′ = 1.75/4 = 0.4375, p₋′ = 0.75/4 = 0.1875, NPS′ = 0.25,
    // var = 0.625 − 0.0625 = 0.5625, SE = √(0.5625/4) = 0.375, 1.96·0.375 = 0.735
    // interval = 100·(0.25 ∓ 0.735) = [−48.5, 98.5]
    const estimate = estimateNps({ promoters: 1, passives: 0, detractors: 0 })!;
    expect(estimate.n).to.equal(1);
    expect(estimate.nps).to.equal(100);
    expect(estimate.lower).to.be.closeTo(-48.5, 1e-9);
    expect(estimate.upper).to.be.closeTo(98.5, 1e-9);
  });

  it('centres a small all-passive sample on 0', () => {
    // one passive: n′ = 4, p₊′ = p₋′ = 0.1875, NPS′ = 0, var = 0.375, SE = √(0.375/4) = 0.30618621784789724
    // 1.96·SE = 0.6001249869818785 → interval ±60.012498698187855 (Python)
    const estimate = estimateNps({ promoters: 0, passives: 1, detractors: 0 })!;
    expect(estimate.nps).to.equal(0);
    expect(estimate.lower).to.be.closeTo(-60.012498698187855, 1e-9);
    expect(estimate.upper).to.be.closeTo(60.012498698187855, 1e-9);
  });

  it('estimates a five-answer sample', () => {
    // P = 3, passives = 1, D = 1: NPS = 100·2/5 = 40; n′ = 8, p₊′ = 3.75/8, p₋′ = 1.75/8, NPS′ = 0.25,
    // var = 5.5/8 − 0.0625 = 0.625, SE = √(0.625/8) = 0.2795084971874737, 1.96·SE = 0.5478366544874484
    // interval = [−29.783665448744845, 79.78366544874484] (Python)
    const estimate = estimateNps({ promoters: 3, passives: 1, detractors: 1 })!;
    expect(estimate.nps).to.equal(40);
    expect(estimate.lower).to.be.closeTo(-29.783665448744845, 1e-9);
    expect(estimate.upper).to.be.closeTo(79.78366544874484, 1e-9);
  });
});

describe('comparing two periods', () => {
  it('cannot compare when either period has no answers', () => {
    const some = { promoters: 3, passives: 1, detractors: 1 };
    const none = { promoters: 0, passives: 0, detractors: 0 };
    expect(compareNps(some, none)).to.equal(null);
    expect(compareNps(none, some)).to.equal(null);
    expect(compareNps(none, none)).to.equal(null);
  });

  it('computes z and the two-sided p for a non-significant change', () => {
    // current P5/3/D2: NPS′ = 3/13, var = 101.5/169; previous P2/3/D5: NPS′ = −3/13, var = 101.5/169
    // z = (6/13) / √(2 · 101.5/169 / 13) = 0.46153846… / 0.3039715867228715 = 1.5183605366354271
    // p = erfc(z/√2) = 0.1289235344211573 (Python)
    const result = compareNps({ promoters: 5, passives: 3, detractors: 2 }, { promoters: 2, passives: 3, detractors: 5 })!;
    expect(result.z).to.be.closeTo(1.5183605366354271, 1e-9);
    expect(result.p).to.be.closeTo(0.1289235344211573, 1e-9);
  });

  it('gives a negative z, and the same p, when the current period is the lower one', () => {
    const result = compareNps({ promoters: 2, passives: 3, detractors: 5 }, { promoters: 5, passives: 3, detractors: 2 })!;
    expect(result.z).to.be.closeTo(-1.5183605366354271, 1e-9);
    expect(result.p).to.be.closeTo(0.1289235344211573, 1e-9);
  });

  it('computes z and p for a clearly significant change', () => {
    // current P8/1/D1: NPS′ = (8.75 − 1.75)/13 = 7/13, var = 10.5/13 − 49/169 = 87.5/169
    // previous P1/1/D8: NPS′ = −7/13, same var
    // z = (14/13) / √(2 · 87.5/169 / 13) = 1.0769230… / 0.28223053296359335 = 3.8157568056677835
    // p = erfc(z/√2) = 0.0001357661718514408 (Python)
    const result = compareNps({ promoters: 8, passives: 1, detractors: 1 }, { promoters: 1, passives: 1, detractors: 8 })!;
    expect(result.z).to.be.closeTo(3.8157568056677835, 1e-9);
    expect(result.p).to.be.closeTo(0.0001357661718514408, 1e-9);
  });

  it('finds no difference between identical periods', () => {
    const result = compareNps({ promoters: 4, passives: 2, detractors: 1 }, { promoters: 4, passives: 2, detractors: 1 })!;
    expect(result.z).to.equal(0);
    expect(result.p).to.equal(1);
  });
});
