/** What a screen reader hears on a period's point: period, NPS, interval, answers and the change. */
import { offsetPeriod } from '../core/periods.ts';
import type { NpsSeries, ShownPeriod } from '../core/series.ts';
import type { Translator } from '../ui/i18n.ts';

export function pointLabel(point: ShownPeriod, series: NpsSeries, suppressedStarts: readonly number[], i18n: Translator): string {
  const interval = series.interval;
  const change = point.change;
  const previousHidden = suppressedStarts.includes(offsetPeriod(point.periodStart, interval, -1));
  const changeText = !change
    ? previousHidden
      ? i18n.t('change.previousHidden', { minN: i18n.number(series.minN) })
      : i18n.t('change.none')
    : i18n.t(change.significant === 'up' ? 'change.up' : change.significant === 'down' ? 'change.down' : 'change.same', {
        delta: change.significant ? i18n.number(Math.abs(change.delta)) : i18n.signed(change.delta),
        p: i18n.pValue(change.p),
      });
  return i18n.t('point.label', {
    period: i18n.period(point.periodStart, interval),
    nps: i18n.number(point.nps),
    lower: i18n.number(point.lower),
    upper: i18n.number(point.upper),
    answers: i18n.t('answers', { count: point.n }),
    change: changeText,
  });
}
