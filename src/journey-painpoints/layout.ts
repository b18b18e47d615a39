/** Geometry of `<journey-painpoints>`: one equal column per stage, the metric scale and the pain scale. */
import { max, min } from 'd3-array';
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import type { JourneyResult, JourneyStage, PainMetric, ShownStage } from '../core/journey.ts';

/** Height of the emotion curve and of the pain bars under it, in CSS pixels. */
export const CURVE_HEIGHT = 170;
export const PAIN_HEIGHT = 96;
/** Room for the metric axis on the start side and breathing room on the end side; the stage lane below uses the same insets. */
export const INSET = { axisSide: 44, otherSide: 12 };
const CURVE_MARGIN = { top: 14, bottom: 10 };
const PAIN_MARGIN = { top: 22, bottom: 4 };

/** Narrower stages than this read better as a vertical list. */
const MIN_STAGE_WIDTH = 84;
const MIN_LANE_WIDTH = 420;

/** The chosen metric of a stage on its display scale: NPS points, CSAT and % easy as percent, CES on 1–7. */
export interface MetricValue {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

export function metricValue(stage: ShownStage, metric: PainMetric): MetricValue | null {
  switch (metric) {
    case 'nps':
      return stage.nps && { value: stage.nps.nps, lower: stage.nps.lower, upper: stage.nps.upper };
    case 'csat':
      return stage.csat && { value: stage.csat.share * 100, lower: stage.csat.lower * 100, upper: stage.csat.upper * 100 };
    case 'ces':
      return stage.ces && { value: stage.ces.mean, lower: stage.ces.lower, upper: stage.ces.upper };
  }
}

export interface JourneyLayout {
  /** `lane`: stages side by side under a curve; `list`: one stage per row (narrow cards). */
  readonly mode: 'lane' | 'list';
  readonly x: ScaleBand<string>;
  readonly y: ScaleLinear<number, number>;
  /** Pain share (0…1) → y inside the pain panel. */
  readonly pain: ScaleLinear<number, number>;
  readonly shown: readonly ShownStage[];
  readonly suppressed: readonly JourneyStage[];
  readonly width: number;
  readonly height: number;
  readonly painTop: number;
}

function metricDomain(metric: PainMetric, shown: readonly ShownStage[]): [number, number] {
  if (metric === 'csat') return [0, 100];
  if (metric === 'ces') return [1, 7];
  const values = shown.flatMap((s) => (s.nps ? [s.nps.lower, s.nps.upper] : []));
  const low = Math.min(min(values) ?? 0, 0);
  const high = Math.max(max(values) ?? 0, 0);
  return [Math.max(-100, low - 5), Math.min(100, high + 5)];
}

/** Stages run along a band scale in journey order, mirrored in right-to-left. */
export function computeJourneyLayout(result: JourneyResult, width: number, direction: 'ltr' | 'rtl'): JourneyLayout {
  const names = result.stages.map((s) => s.name);
  const shown = result.stages.filter((s): s is ShownStage => !s.suppressed);
  const suppressed = result.stages.filter((s) => s.suppressed);
  const laneWidth = width - INSET.axisSide - INSET.otherSide;
  const mode = laneWidth < MIN_LANE_WIDTH || laneWidth / Math.max(1, names.length) < MIN_STAGE_WIDTH ? 'list' : 'lane';
  const range: [number, number] = direction === 'rtl' ? [width - INSET.axisSide, INSET.otherSide] : [INSET.axisSide, width - INSET.otherSide];
  const x = scaleBand<string>().domain(names).range(range);
  const y = scaleLinear().domain(metricDomain(result.metric, shown)).nice().range([CURVE_HEIGHT - CURVE_MARGIN.bottom, CURVE_MARGIN.top]);
  const painTop = CURVE_HEIGHT;
  // Bars share one scale so stages compare; it reaches at least 25 % so small shares do not look alarming.
  const painMax = Math.max(0.25, max(shown, (s) => s.pain.upper) ?? 0);
  const pain = scaleLinear()
    .domain([0, painMax])
    .nice()
    .range([painTop + PAIN_HEIGHT - PAIN_MARGIN.bottom, painTop + PAIN_MARGIN.top]);
  return { mode, x, y, pain, shown, suppressed, width, height: CURVE_HEIGHT + PAIN_HEIGHT, painTop };
}
