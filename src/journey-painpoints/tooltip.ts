/** The details box over the focused or hovered stage of the lane; the numbers are also in its name and the table. */
import { html, nothing, type TemplateResult } from 'lit';
import type { JourneyResult, JourneyStage } from '../core/journey.ts';
import type { Translator } from '../ui/i18n.ts';
import { styleProperties } from '../ui/style-properties.ts';
import { stageCenter } from './chart.ts';
import { formatComparison, formatMetric, formatPain } from './format.ts';
import { metricValue, type JourneyLayout } from './layout.ts';

export function renderStageTooltip(result: JourneyResult, stage: JourneyStage | undefined, layout: JourneyLayout, i18n: Translator): TemplateResult | typeof nothing {
  if (!stage || stage.suppressed || layout.mode === 'list') return nothing;
  const metric = formatMetric(stage, result.metric, i18n)!;
  const left = (stageCenter(layout, stage.name) / layout.width) * 100;
  const top = layout.y(metricValue(stage, result.metric)!.upper);
  return html`<div part="tooltip" aria-hidden="true" style=${styleProperties({ left: `${left}%`, top: `${top}px`, '--_cx-tip-at': String(left / 100) })}>
    <strong dir="auto">${stage.name}</strong><br />
    ${metric.value} (${metric.interval})<br />
    ${formatPain(stage, result.metric, i18n)} (${i18n.percent(stage.pain.lower)} – ${i18n.percent(stage.pain.upper)})<br />
    ${i18n.t('answers', { count: stage.n })} · ${i18n.t('journey.rank', { rank: i18n.number(stage.rank) })}<br />
    ${formatComparison(stage.comparison, i18n)}
  </div>`;
}
