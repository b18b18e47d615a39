/**
 * The data table of `<journey-painpoints>`: every measure of every stage as a real table. A
 * suppressed stage is a row that says "fewer than N answers" and carries none of its numbers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { JourneyResult } from '../core/journey.ts';
import type { Translator } from '../ui/i18n.ts';
import { formatComparison, measureCells, suppressionText } from './format.ts';

export function renderJourneyTable(result: JourneyResult, i18n: Translator, selected: string | null, byPain: boolean): TemplateResult {
  // By pain: shown stages by rank, then the hidden ones in journey order (they have no rank to sort by).
  const rows = byPain
    ? [...result.stages].sort((a, b) => (a.suppressed ? Infinity : a.rank) - (b.suppressed ? Infinity : b.rank))
    : result.stages;
  // Scrolls sideways inside its own box on a narrow screen rather than widen the element (WCAG 1.4.10
  // exempts data tables); a focusable, named region, so the keyboard can scroll it in every browser.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${i18n.t('journey.table.caption', { metric: i18n.t(`journey.metric.${result.metric}`) })}><table part="table" id="data-table">
    <caption>${i18n.t('journey.table.caption', { metric: i18n.t(`journey.metric.${result.metric}`) })}</caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('journey.table.stage')}</th>
        <th scope="col">${i18n.t('journey.table.n')}</th>
        <th scope="col">${i18n.t('journey.table.nps')}</th>
        <th scope="col">${i18n.t('journey.table.csat')}</th>
        <th scope="col">${i18n.t('journey.table.ces')}</th>
        <th scope="col">${i18n.t('journey.table.easy')}</th>
        <th scope="col">${i18n.t('journey.table.pain')}</th>
        <th scope="col">${i18n.t('journey.table.rank')}</th>
        <th scope="col">${i18n.t('journey.table.versusRest')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map((stage) =>
        stage.suppressed
          ? html`<tr class="suppressed">
              <th scope="row">${stage.name}</th>
              <td colspan="8">${suppressionText(stage, result.minN, i18n, 'long')}</td>
            </tr>`
          : html`<tr class=${stage.name === selected ? 'selected' : ''}>
              <th scope="row">${stage.name}</th>
              ${measureCells(stage, result.minN, i18n).map(([, value]) => html`<td>${value}</td>`)}
              <td>${stage.comparison?.worse ? html`<span aria-hidden="true">⚠ </span>` : nothing}${formatComparison(stage.comparison, i18n)}</td>
            </tr>`,
      )}
    </tbody>
  </table></div>`;
}
