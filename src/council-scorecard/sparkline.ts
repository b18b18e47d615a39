/**
 * A KPI's last periods as a sparkline: the value line (broken where a period has no data or is
 * suppressed), the target as a dashed line, and the reviewed period's point marked by status shape.
 * It is an image with a sentence for a name; the same numbers are in the row's details table.
 */
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { svg, type TemplateResult } from 'lit';
import type { PeriodValue } from '../core/kpi-series.ts';
import type { Kpi } from '../core/scorecard-model.ts';
import type { KpiStatus } from '../core/scorecard.ts';
import type { Translator } from '../ui/i18n.ts';
import { formatValue } from './format.ts';

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 32;
const PAD = 4;

/** "NPS over 12 months: from 31 (Jul 2024) to 36 (Jun 2025); low 28, high 38; 1 month not shown." */
export function sparklineLabel(kpi: Kpi, periods: readonly PeriodValue[], interval: Parameters<Translator['period']>[1], i18n: Translator): string {
  const shown = periods.filter((p): p is PeriodValue & { value: number } => p.value !== null);
  const hidden = periods.length - shown.length;
  const count = i18n.t('scorecard.spark.periods', { count: periods.length, interval: i18n.t(`interval.${interval}`) });
  if (!shown.length) return i18n.t('scorecard.spark.empty', { periods: count });
  const format = (value: number) => formatValue(value, kpi, i18n);
  const first = shown[0]!;
  const last = shown[shown.length - 1]!;
  const values = shown.map((p) => p.value);
  const text = i18n.t('scorecard.spark.label', {
    periods: count,
    first: format(first.value),
    firstPeriod: i18n.period(first.periodStart, interval),
    last: format(last.value),
    lastPeriod: i18n.period(last.periodStart, interval),
    low: format(Math.min(...values)),
    high: format(Math.max(...values)),
  });
  return hidden ? `${text} ${i18n.t('scorecard.spark.hidden', { count: hidden })}` : text;
}

export function renderSparkline(kpi: Kpi, periods: readonly PeriodValue[], status: KpiStatus, direction: 'ltr' | 'rtl', label: string): TemplateResult {
  const values = periods.flatMap((p) => (p.value === null ? [] : [p.value]));
  const [low, high] = extent([...values, kpi.target]) as [number, number];
  const span = high - low || Math.abs(high) || 1;
  const y = scaleLinear()
    .domain([low - span * 0.1, high + span * 0.1])
    .range([SPARK_HEIGHT - PAD, PAD]);
  // Time runs with the reading direction: right to left in Arabic.
  const x = scaleLinear()
    .domain([0, Math.max(1, periods.length - 1)])
    .range(direction === 'rtl' ? [SPARK_WIDTH - PAD, PAD] : [PAD, SPARK_WIDTH - PAD]);
  const path =
    line<PeriodValue>()
      .defined((p) => p.value !== null)
      .x((_, i) => x(i))
      .y((p) => y(p.value!))(periods as PeriodValue[]) ?? '';
  const last = periods[periods.length - 1];
  const lastX = x(periods.length - 1);
  const lastY = last?.value === null || last === undefined ? null : y(last.value);
  return svg`<svg part="sparkline" class="sparkline" role="img" aria-label=${label} viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" width=${SPARK_WIDTH} height=${SPARK_HEIGHT}>
    <line class="spark-target" x1=${PAD} x2=${SPARK_WIDTH - PAD} y1=${y(kpi.target)} y2=${y(kpi.target)}></line>
    <path class="spark-line" d=${path}></path>
    ${periods.map((p, i) => (p.value === null ? svg`` : svg`<circle class="spark-point" cx=${x(i)} cy=${y(p.value)} r="1.5"></circle>`))}
    ${lastY === null ? svg`` : svg`<circle class="spark-current ${status}" cx=${lastX} cy=${lastY} r="3.5"></circle>`}
  </svg>`;
}
