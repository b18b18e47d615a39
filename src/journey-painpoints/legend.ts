/** The legend of `<journey-painpoints>`: only the marks the chart actually shows, each with its swatch. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { JourneyResult } from '../core/journey.ts';
import type { Translator } from '../ui/i18n.ts';
import type { JourneyLayout } from './layout.ts';

export function renderJourneyLegend(result: JourneyResult, layout: JourneyLayout, i18n: Translator): TemplateResult {
  const swatch = (content: TemplateResult) => html`<svg viewBox="0 0 20 12" aria-hidden="true">${content}</svg>`;
  const hidden = layout.suppressed.filter((s) => s.suppressed && s.reason !== 'no-data').length;
  const negative = i18n.t(`journey.negative.${result.metric}`);
  return html`<ul part="legend">
    ${layout.mode === 'lane' && layout.shown.length
      ? html`<li>${swatch(svg`<line class="curve" x1="0" x2="20" y1="6" y2="6"></line>`)}${i18n.t('journey.legend.curve', { metric: i18n.t(`journey.metric.${result.metric}`) })}</li>`
      : nothing}
    ${layout.shown.length ? html`<li>${swatch(svg`<rect class="pain-bar" width="20" height="12"></rect>`)}${i18n.t('journey.legend.pain', { negative })}</li>` : nothing}
    ${layout.shown.some((s) => s.comparison?.worse)
      ? html`<li>${swatch(svg`<rect class="pain-bar worse" width="20" height="12"></rect>`)}<span aria-hidden="true">⚠</span> ${i18n.t('journey.legend.worse')}</li>`
      : nothing}
    ${hidden
      ? html`<li>${swatch(svg`<rect class="gap" width="20" height="12"></rect>`)}${i18n.t('journey.legend.suppressed', { count: hidden, minN: i18n.number(result.minN) })}</li>`
      : nothing}
  </ul>`;
}
