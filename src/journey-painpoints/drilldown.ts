/**
 * The drill-down panel of one stage: its measures, the themes of its negative answers and what
 * people wrote. Comments arrive redacted from the worker and are rendered as text only; `dir="auto"`
 * lets an Arabic comment read right-to-left inside an English page and the reverse.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { JourneyResult, JourneyStage } from '../core/journey.ts';
import type { StageDetail } from '../worker/engine.ts';
import type { Translator } from '../ui/i18n.ts';
import { formatComparison, measureCells, suppressionText } from './format.ts';

export interface DrilldownState {
  readonly detail: StageDetail | null;
  readonly pending: boolean;
  readonly error: string | null;
}

function renderMeasures(result: JourneyResult, stage: Exclude<JourneyStage, { suppressed: true }>, i18n: Translator): TemplateResult {
  return html`<dl class="measures">
    ${measureCells(stage, result.minN, i18n).map(([key, value]) => html`<div><dt>${i18n.t(key)}</dt><dd>${value}</dd></div>`)}
  </dl>
  <p class="comparison ${stage.comparison?.worse ? 'worse' : ''}">${stage.comparison?.worse ? html`<span aria-hidden="true">⚠ </span>` : nothing}${formatComparison(stage.comparison, i18n)}</p>`;
}

function renderComments(state: DrilldownState, i18n: Translator, verbatimsWanted: number): TemplateResult {
  // Announced by the element's polite live region, not as an alert (issue 9).
  if (state.error) return html`<p class="status error">${state.error}</p>`;
  const { detail } = state;
  if (!detail) return html`<p class="status" role="status">${i18n.t('drill.loading')}</p>`;
  const themeCount = (count: number) => i18n.t(detail.themeSource === 'column' ? 'drill.themeAnswers' : 'drill.themeCount', { count });
  return html`<section class="themes" aria-labelledby="drill-themes">
      <h4 id="drill-themes">${i18n.t(detail.themeSource === 'column' ? 'drill.themesColumn' : 'drill.themes')}</h4>
      ${detail.themes.length
        ? html`<ol part="themes">
            ${detail.themes.map((theme) => html`<li><span class="theme" dir="auto">${theme.theme}</span> <span class="count">${themeCount(theme.count)}</span></li>`)}
          </ol>`
        : html`<p class="none">${i18n.t('drill.noThemes')}</p>`}
    </section>
    ${verbatimsWanted === 0
      ? nothing
      : html`<section class="verbatims" aria-labelledby="drill-verbatims">
          <h4 id="drill-verbatims">${i18n.t('drill.verbatims')}</h4>
          ${detail.verbatims.length
            ? html`<p class="note">${i18n.t('drill.verbatimsOf', { shown: i18n.number(detail.verbatims.length), count: detail.negativeComments })}</p>
                <ul part="verbatims">
                  ${detail.verbatims.map((text) => html`<li><blockquote dir="auto">${text}</blockquote></li>`)}
                </ul>
                <p class="note">${i18n.t('drill.redacted')}</p>`
            : html`<p class="none">${i18n.t('drill.noComments')}</p>`}
        </section>`}`;
}

export function renderDrilldown(
  result: JourneyResult,
  stage: JourneyStage,
  state: DrilldownState,
  i18n: Translator,
  verbatimsWanted: number,
  close: () => void,
  onKeydown: (event: KeyboardEvent) => void,
): TemplateResult {
  return html`<section part="drilldown" class="drilldown" id="drilldown" role="region" aria-labelledby="drill-title" @keydown=${onKeydown}>
    <header>
      <h3 id="drill-title" tabindex="-1" aria-label=${i18n.t('drill.label', { stage: stage.name })}>${stage.name}</h3>
      <button part="drilldown-close" class="close" @click=${close}>${i18n.t('drill.close')}</button>
    </header>
    ${stage.suppressed
      ? html`<p class="status">${suppressionText(stage, result.minN, i18n, 'long')} ${i18n.t('drill.suppressed')}</p>`
      : html`${renderMeasures(result, stage, i18n)} ${renderComments(state, i18n, verbatimsWanted)}`}
  </section>`;
}
