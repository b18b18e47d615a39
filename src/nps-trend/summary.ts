/** The one-paragraph text summary of a trend: what a screen-reader user hears first, and what prints. */
import type { NpsSeries, ShownPeriod } from '../core/series.ts';
import { offsetPeriod } from '../core/periods.ts';
import type { Translator } from '../ui/i18n.ts';

/** Below this fitted change over the whole window (in NPS points) a trend reads as flat. */
const FLAT_TREND_POINTS = 3;

/** Least-squares change in NPS across the shown periods (slope × span), by period index. */
export function fittedChange(points: readonly ShownPeriod[], indexOf: (point: ShownPeriod) => number): number {
  const n = points.length;
  if (n < 2) return 0;
  const xs = points.map(indexOf);
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = points.reduce((a, p) => a + p.nps, 0) / n;
  let covariance = 0;
  let variance = 0;
  points.forEach((p, i) => {
    covariance += (xs[i]! - meanX) * (p.nps - meanY);
    variance += (xs[i]! - meanX) ** 2;
  });
  return variance === 0 ? 0 : (covariance / variance) * (xs[n - 1]! - xs[0]!);
}

export function summarizeTrend(series: NpsSeries, shown: readonly ShownPeriod[], periodIndex: (start: number) => number, i18n: Translator, target: number | null): string {
  const latest = shown[shown.length - 1];
  if (!latest) return '';
  const sentences = [
    i18n.t('summary.latest', {
      nps: i18n.number(latest.nps),
      period: i18n.period(latest.periodStart, series.interval),
      answers: i18n.t('answers', { count: latest.n }),
    }),
  ];
  if (latest.change) {
    const previous = i18n.period(offsetPeriod(latest.periodStart, series.interval, -1), series.interval);
    const key = latest.change.significant === 'up' ? 'summary.change.up' : latest.change.significant === 'down' ? 'summary.change.down' : 'summary.change.same';
    const delta = latest.change.significant ? i18n.number(Math.abs(latest.change.delta)) : i18n.signed(latest.change.delta);
    sentences.push(i18n.t(key, { delta, previous }));
  }
  if (shown.length >= 3) {
    const change = fittedChange(shown, (p) => periodIndex(p.periodStart));
    const key = Math.abs(change) < FLAT_TREND_POINTS ? 'summary.trend.flat' : change > 0 ? 'summary.trend.rising' : 'summary.trend.falling';
    sentences.push(i18n.t(key, { count: shown.length }));
  }
  const newest = series.points.reduce((last, p) => Math.max(last, p.periodStart), -Infinity);
  if (newest > latest.periodStart) sentences.push(i18n.t('summary.newerHidden', { minN: i18n.number(series.minN) }));
  if (target !== null) {
    // Compared as displayed (whole points), so the text never says "0 points below" an NPS shown as the target.
    const shownNps = Math.round(latest.nps);
    sentences.push(
      shownNps >= target
        ? i18n.t('summary.target.met', { target: i18n.number(target) })
        : i18n.t('summary.target.missed', { target: i18n.number(target), gap: i18n.number(target - shownNps) }),
    );
  }
  return sentences.join(' ');
}
