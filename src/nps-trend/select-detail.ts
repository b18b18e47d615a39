/** What `<nps-trend>` says about a selected period: the numbers, and a filter for the other elements. */
import type { CxFilter } from '../core/filter.ts';
import { offsetPeriod, periodKey, type IntervalName } from '../core/periods.ts';
import type { ShownPeriod } from '../core/series.ts';

/** What `cx-select` carries for a period of `<nps-trend>`. */
export interface NpsTrendSelectDetail {
  /** Language-neutral period key: `2024-03`, `2024-Q1`, `2024-W10`, `2024-03-05`, `2024`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`. */
  readonly start: string;
  /** The period's name in the element's language. */
  readonly label: string;
  readonly nps: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly change: ShownPeriod['change'];
  /** Last day of the period, `YYYY-MM-DD`. */
  readonly end: string;
  /** Selects this period on another element: `journey.filter = event.detail.filter`. */
  readonly filter: CxFilter;
}

/** The detail for `point`; `label` is the period's name in the element's language. */
export function periodSelectDetail(point: ShownPeriod, interval: IntervalName, label: string): NpsTrendSelectDetail {
  const start = periodKey(point.periodStart, 'day');
  const end = periodKey(offsetPeriod(point.periodStart, interval, 1) - 1, 'day');
  return {
    period: periodKey(point.periodStart, interval),
    start,
    label,
    nps: point.nps,
    lower: point.lower,
    upper: point.upper,
    n: point.n,
    promoters: point.promoters,
    passives: point.passives,
    detractors: point.detractors,
    change: point.change,
    end,
    filter: { from: start, to: end },
  };
}
