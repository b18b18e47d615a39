/**
 * The data table of `<nps-trend>`: the chart's numbers as a real table. A suppressed period is a row
 * that says "fewer than N answers" and carries none of its numbers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { NpsSeries } from '../core/series.ts';
import type { Translator } from '../ui/i18n.ts';

export function renderTable(series: NpsSeries, i18n: Translator, selectedStart: number | null): TemplateResult {
  const intervalName = i18n.t(`interval.${series.interval}`);
  // Scrolls sideways inside its own box on a narrow screen rather than widen the element (WCAG 1.4.10
  // exempts data tables); a focusable, named region, so the keyboard can scroll it in every browser.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${i18n.t('table.caption', { interval: intervalName })}><table part="table" id="data-table">
    <caption>${i18n.t('table.caption', { interval: intervalName })}</caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('table.period')}</th>
        <th scope="col">${i18n.t('table.nps')}</th>
        <th scope="col">${i18n.t('table.interval')}</th>
        <th scope="col">${i18n.t('table.n')}</th>
        <th scope="col">${i18n.t('table.promoters')}</th>
        <th scope="col">${i18n.t('table.passives')}</th>
        <th scope="col">${i18n.t('table.detractors')}</th>
        <th scope="col">${i18n.t('table.change')}</th>
      </tr>
    </thead>
    <tbody>
      ${series.points.map((p) =>
        p.suppressed
          ? html`<tr class="suppressed">
              <th scope="row">${i18n.period(p.periodStart, series.interval)}</th>
              <td colspan="7">${i18n.t('table.suppressed', { minN: i18n.number(series.minN) })}</td>
            </tr>`
          : html`<tr class=${p.periodStart === selectedStart ? 'selected' : ''}>
              <th scope="row">${i18n.period(p.periodStart, series.interval)}</th>
              <td>${i18n.number(p.nps)}</td>
              <td>${i18n.number(p.lower)} – ${i18n.number(p.upper)}</td>
              <td>${i18n.number(p.n)}</td>
              <td>${i18n.number(p.promoters)}</td>
              <td>${i18n.number(p.passives)}</td>
              <td>${i18n.number(p.detractors)}</td>
              <td>
                ${p.change
                  ? html`${i18n.signed(p.change.delta)}${p.change.significant
                      ? html` <span aria-hidden="true">${p.change.significant === 'up' ? '▲' : '▼'}</span> ${i18n.t('table.significant')}`
                      : nothing}`
                  : '–'}
              </td>
            </tr>`,
      )}
    </tbody>
  </table></div>`;
}
