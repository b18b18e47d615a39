/** The legend of `<nps-trend>`: only the marks the chart actually shows, each with its swatch. */
import { symbol, symbolTriangle } from 'd3-shape';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { NpsSeries, ShownPeriod } from '../core/series.ts';
import type { Translator } from '../ui/i18n.ts';

export interface LegendInput {
  readonly i18n: Translator;
  readonly series: NpsSeries;
  readonly shown: readonly ShownPeriod[];
  readonly suppressedCount: number;
  readonly showCi: boolean;
  readonly target: number | null;
}

const swatch = (content: TemplateResult) => html`<svg viewBox="0 0 20 12" aria-hidden="true">${content}</svg>`;

export function renderLegend({ i18n, series, shown, suppressedCount, showCi, target }: LegendInput): TemplateResult {
  const hasUp = shown.some((p) => p.change?.significant === 'up');
  const hasDown = shown.some((p) => p.change?.significant === 'down');
  const triangle = symbol(symbolTriangle, 40)() ?? '';
  return html`<ul part="legend">
    <li>${swatch(svg`<line class="line" x1="0" x2="20" y1="6" y2="6"></line>`)}${i18n.t('legend.nps')}</li>
    ${showCi ? html`<li>${swatch(svg`<rect class="band" width="20" height="12"></rect>`)}${i18n.t('legend.interval')}</li>` : nothing}
    ${target !== null
      ? html`<li>${swatch(svg`<line class="target" x1="0" x2="20" y1="6" y2="6"></line>`)}${i18n.t('legend.target', { target: i18n.number(target) })}</li>`
      : nothing}
    ${hasUp ? html`<li>${swatch(svg`<path class="marker up" d=${triangle} transform="translate(10,6)"></path>`)}${i18n.t('legend.up')}</li>` : nothing}
    ${hasDown ? html`<li>${swatch(svg`<path class="marker down" d=${triangle} transform="translate(10,6) rotate(180)"></path>`)}${i18n.t('legend.down')}</li>` : nothing}
    ${suppressedCount
      ? html`<li>${swatch(svg`<rect class="gap" width="20" height="12" fill="url(#cx-hatch)"></rect>`)}${i18n.t('legend.suppressed', {
          count: suppressedCount,
          minN: i18n.number(series.minN),
        })}</li>`
      : nothing}
    <li>${swatch(svg`<rect class="promoters" width="20" height="12"></rect>`)}${i18n.t('legend.promoters')}</li>
    <li>${swatch(svg`<rect class="passives" width="20" height="12"></rect>`)}${i18n.t('legend.passives')}</li>
    <li>${swatch(svg`<rect class="detractors" width="20" height="12"></rect>`)}${i18n.t('legend.detractors')}</li>
  </ul>`;
}
