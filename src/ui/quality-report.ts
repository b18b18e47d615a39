/** The data-quality badge and the report it opens: shared by every element that reads rows. */
import { html, nothing, type TemplateResult } from 'lit';
import type { QualityReport } from '../core/quality.ts';
import type { MessageKey, Translator } from './i18n.ts';

export function qualityBadgeText(report: QualityReport, i18n: Translator): string {
  const parts: string[] = [];
  if (report.rejected) parts.push(i18n.t('quality.badge.skipped', { count: report.rejected }));
  if (report.duplicates) parts.push(i18n.t('quality.badge.duplicates', { count: report.duplicates }));
  return parts.length ? parts.join(' · ') : i18n.t('quality.badge.clean', { count: report.totalRows });
}

export function renderQualityBadge(report: QualityReport, i18n: Translator, open: boolean, toggle: () => void): TemplateResult {
  const needsAttention = report.rejected > 0 || report.duplicates > 0;
  return html`<button
    part="quality-badge"
    class="quality-badge ${needsAttention ? 'attention' : ''}"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls="quality-report"
    @click=${toggle}
  >
    <span aria-hidden="true">${needsAttention ? '⚠' : '✓'}</span> ${qualityBadgeText(report, i18n)}
  </button>`;
}

/** `label` names the report when a view shows several (one per source); `id` must then be unique too. */
export function renderQualityReport(report: QualityReport, i18n: Translator, { id = 'quality-report', label = i18n.t('quality.title') } = {}): TemplateResult {
  const lines = (numbers: readonly number[], count: number) =>
    numbers.length ? html` <span class="lines">(${i18n.t('quality.lines', { lines: numbers.map((n) => i18n.number(n)).join(', ') + (count > numbers.length ? ', …' : '') })})</span>` : nothing;
  return html`<section id=${id} part="quality-report" class="quality-report" aria-label=${label}>
    <h3>${label}</h3>
    <dl>
      <div><dt>${i18n.t('quality.rowsRead')}</dt><dd>${i18n.number(report.totalRows)}</dd></div>
      <div><dt>${i18n.t('quality.accepted')}</dt><dd>${i18n.number(report.accepted)}</dd></div>
      <div>
        <dt>${i18n.t('quality.duplicates')}</dt>
        <dd>${i18n.number(report.duplicates)}${lines(report.duplicateLines, report.duplicates)}</dd>
      </div>
      <div><dt>${i18n.t('quality.rejected')}</dt><dd>${i18n.number(report.rejected)}</dd></div>
      ${report.withoutRespondent
        ? html`<div><dt>${i18n.t('quality.withoutRespondent')}</dt><dd>${i18n.number(report.withoutRespondent)}</dd></div>`
        : nothing}
      ${report.withoutStage
        ? html`<div><dt>${i18n.t('quality.withoutStage')}</dt><dd>${i18n.number(report.withoutStage)}</dd></div>`
        : nothing}
    </dl>
    ${report.reasons.length
      ? html`<ul>
          ${report.reasons.map(
            (tally) => html`<li>
              ${i18n.t(`quality.reason.${tally.reason}` as MessageKey, { field: tally.field ? i18n.t(`field.${tally.field}`) : '', column: tally.column ?? '' })}:
              ${i18n.number(tally.count)}${lines(tally.lines, tally.count)}
            </li>`,
          )}
        </ul>`
      : nothing}
  </section>`;
}
