/** Geometry of `<nps-trend>`: scales and derived facts, computed once per result, width, direction or option. */
import { extent } from 'd3-array';
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { offsetPeriod } from '../core/periods.ts';
import type { NpsSeries, ShownPeriod } from '../core/series.ts';
import type { Translator } from '../ui/i18n.ts';
import { summarizeTrend } from './summary.ts';

export const HEIGHT = 260;
export const COMPOSITION_HEIGHT = 56;
export const MARGIN = { top: 18, bottom: 30, axisSide: 44, otherSide: 16 };

/** Every period from the first to the last in the series, so empty and suppressed ones leave gaps. */
function periodRange(series: NpsSeries): number[] {
  if (!series.points.length) return [];
  const [first, last] = extent(series.points, (p) => p.periodStart) as [number, number];
  const starts: number[] = [];
  for (let start = first; start <= last; start = offsetPeriod(start, series.interval, 1)) starts.push(start);
  return starts;
}

export interface TrendLayout {
  readonly x: ScaleBand<number>;
  readonly y: ScaleLinear<number, number>;
  /** Shown periods by period start. */
  readonly byStart: ReadonlyMap<number, ShownPeriod>;
  readonly shown: readonly ShownPeriod[];
  readonly suppressedStarts: readonly number[];
  readonly periods: readonly number[];
  readonly summary: string;
}


export interface LayoutOptions {
  readonly width: number;
  readonly direction: 'ltr' | 'rtl';
  readonly showCi: boolean;
  readonly target: number | null;
  readonly i18n: Translator;
}

/** Time runs along a band scale of every period (so gaps stay gaps), mirrored in right-to-left. */
export function computeTrendLayout(series: NpsSeries, { width, direction, showCi, target, i18n }: LayoutOptions): TrendLayout {
  const periods = periodRange(series);
  const shown = series.points.filter((p): p is ShownPeriod => !p.suppressed);
  const byStart = new Map(shown.map((p) => [p.periodStart, p]));
  const suppressedStarts = series.points.filter((p) => p.suppressed).map((p) => p.periodStart);
  const inner: [number, number] = direction === 'rtl' ? [width - MARGIN.axisSide, MARGIN.otherSide] : [MARGIN.axisSide, width - MARGIN.otherSide];
  const x = scaleBand<number>().domain(periods).range(inner).paddingInner(0.2).paddingOuter(0.1);
  const values = shown.flatMap((p) => (showCi ? [p.lower, p.upper] : [p.nps]));
  if (target !== null) values.push(target);
  const [low = -10, high = 10] = extent(values.length ? values : [0]);
  const y = scaleLinear()
    .domain([Math.max(-100, Math.min(low, 0) - 5), Math.min(100, Math.max(high, 0) + 5)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const index = new Map(periods.map((start, i) => [start, i]));
  const summary = summarizeTrend(series, shown, (start) => index.get(start) ?? 0, i18n, target);
  return { x, y, byStart, shown, suppressedStarts, periods, summary };
}
