/**
 * The standard normal distribution's tails, for two-sided p-values.
 *
 * A port of erfc() from fdlibm's s_erf.c (the algorithm behind FreeBSD's libm, glibc's and
 * @stdlib/math-base-special-erfc), accurate to about 1 ulp. We port rather than depend on
 * @stdlib because that package is CommonJS-only and pulls 137 packages and 10.6 kB gzip into the
 * bundle for one function; simple-statistics' errorFunction is only good to ~1e-7.
 *
 * fdlibm notice: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved.
 */

const ERX = 8.45062911510467529297e-1;
const EFX_PP0 = 1.28379167095512558561e-1;
const TINY = 1e-300;

const PP = [-3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const QQ = [3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const PA = [-2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3];
const QA = [1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.19844998467991074170e-2];
const RA = [-9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592e0];
const SA = [1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135e0, -6.04244152148580987438e-2];
const RB = [-9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2];
const SB = [3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1];

/** c[0] + c[1]·x + c[2]·x² + … by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i]!;
  return sum;
}

const wordView = new DataView(new ArrayBuffer(8));
/** x with the low 32 bits of its significand cleared, so z·z below is exact (fdlibm's SET_LOW_WORD). */
function clearLowWord(x: number): number {
  wordView.setFloat64(0, x);
  wordView.setUint32(4, 0);
  return wordView.getFloat64(0);
}

/** The complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 1.3877787807814457e-17) return 1 - x;
    const z = x * x;
    const y = (EFX_PP0 + z * polynomial(PP, z)) / (1 + z * polynomial(QQ, z));
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const ratio = polynomial(PA, s) / (1 + s * polynomial(QA, s));
    return x < 0 ? 1 + ERX + ratio : 1 - ERX - ratio;
  }
  if (ax < 28) {
    const s = 1 / (ax * ax);
    let r: number;
    let q: number;
    if (ax < 1 / 0.35) {
      r = polynomial(RA, s);
      q = 1 + s * polynomial(SA, s);
    } else {
      if (x < -6) return 2 - TINY;
      r = polynomial(RB, s);
      q = 1 + s * polynomial(SB, s);
    }
    const z = clearLowWord(ax);
    const tail = (Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / q)) / ax;
    return x < 0 ? 2 - tail : tail;
  }
  return x < 0 ? 2 - TINY : 0;
}

/** Two-sided p-value of a standard normal test statistic: P(|Z| ≥ |z|). */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
