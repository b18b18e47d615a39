/**
 * The scorecard's body: a real table (sortable headers with aria-sort, one row group per owner or
 * status), or in compact mode one card per KPI. Each KPI has a details region — note, target rule,
 * actions, the sparkline's numbers, the source's data quality, or what is wrong with its definition —
 * that opens from the KPI's name and is always open in print.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderQualityReport } from '../ui/quality-report.ts';
import type { PeriodWindow } from '../core/kpi-series.ts';
import { localizedText } from '../core/scorecard-model.ts';
import type { MessageKey, Translator } from '../ui/i18n.ts';
import {
  STATUS_ICON,
  actionsText,
  changeText,
  errorReason,
  currentText,
  flagTexts,
  formatDay,
  formatTarget,
  formatValue,
  intervalText,
  problemText,
  reviewText,
  sourceErrorText,
  statusText,
} from './format.ts';
import type { RowGroup, ScorecardRow, SortDirection, SortKey } from './rows.ts';
import { renderSparkline, sparklineLabel } from './sparkline.ts';

export interface BodyContext {
  readonly i18n: Translator;
  readonly direction: 'ltr' | 'rtl';
  readonly window: PeriodWindow;
  readonly minN: number;
  readonly asOfDay: number;
  readonly expanded: ReadonlySet<string>;
  readonly sortKey: SortKey;
  readonly sortDirection: SortDirection;
  onToggle(row: ScorecardRow): void;
  onSort(key: SortKey): void;
  onRowKeydown(event: KeyboardEvent): void;
}

/** The sortable columns, in display order; value, target and trend mix units, so they do not sort. */
const COLUMNS: ReadonlyArray<{ key: MessageKey; sort: SortKey | null }> = [
  { key: 'scorecard.column.kpi', sort: 'label' },
  { key: 'scorecard.column.owner', sort: 'owner' },
  { key: 'scorecard.column.value', sort: null },
  { key: 'scorecard.column.target', sort: null },
  { key: 'scorecard.column.status', sort: 'status' },
  { key: 'scorecard.column.change', sort: 'change' },
  { key: 'scorecard.column.trend', sort: null },
  { key: 'scorecard.column.review', sort: 'next-review' },
  { key: 'scorecard.column.due', sort: 'due' },
  { key: 'scorecard.column.actions', sort: null },
];

const detailsId = (row: ScorecardRow) => `details-${row.index}`;
/** Ids of the value, target, status and change of a KPI: its name button's description. */
const factIds = (row: ScorecardRow) => (['value', 'target', 'status', 'change'] as const).map((fact) => `${fact}-${row.index}`);

function renderStatus(row: ScorecardRow, context: BodyContext): TemplateResult {
  return html`<span part="status-pill" class="pill ${row.status}" id=${factIds(row)[2]!}><span class="icon" aria-hidden="true">${STATUS_ICON[row.status]}</span> ${statusText(row, context.minN, context.i18n)}</span>`;
}

function renderName(row: ScorecardRow, context: BodyContext): TemplateResult {
  const open = context.expanded.has(row.id);
  return html`<button
    part="kpi"
    class="kpi-name"
    data-id=${row.id}
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${detailsId(row)}
    aria-describedby=${factIds(row).join(' ')}
    @click=${() => context.onToggle(row)}
    @keydown=${context.onRowKeydown}
  >
    <span class="chevron" aria-hidden="true"></span><span dir="auto">${row.label}</span>
  </button>`;
}

/** A KPI that cannot be shown says why on its own row, not only in its details. */
function renderReason(row: ScorecardRow, context: BodyContext): TemplateResult | typeof nothing {
  const reason = errorReason(row, context.i18n);
  return reason ? html`<p class="reason" part="error-row">${reason}</p>` : nothing;
}

function renderFlags(row: ScorecardRow, context: BodyContext): TemplateResult | typeof nothing {
  const flags = flagTexts(row, context.i18n);
  return flags.length
    ? html`<ul class="flags" part="flags">
        ${flags.map((text) => html`<li><span aria-hidden="true">⚑</span> ${text}</li>`)}
      </ul>`
    : nothing;
}

function renderTrend(row: ScorecardRow, context: BodyContext): TemplateResult | typeof nothing {
  const { assessment, entry } = row;
  if (!assessment || !entry.valid) return nothing;
  const label = sparklineLabel(entry, assessment.periods, context.window.interval, context.i18n);
  return renderSparkline(entry, assessment.periods, row.status, context.direction, label);
}

function renderDetails(row: ScorecardRow, context: BodyContext): TemplateResult {
  const { i18n } = context;
  const { entry, assessment } = row;
  if (row.problems) {
    return html`<div class="details-body invalid">
      <p>${i18n.t('scorecard.invalidIntro', { id: row.id })}</p>
      <ul>
        ${row.problems.map((problem) => html`<li>${problemText(problem, i18n)}</li>`)}
      </ul>
    </div>`;
  }
  if (row.error || !entry.valid || !assessment) {
    return html`<div class="details-body invalid"><p>${row.error ? sourceErrorText(row.error, i18n) : ''}</p></div>`;
  }
  const interval = intervalText(assessment.current, entry, i18n);
  return html`<div class="details-body">
    ${entry.note ? html`<p class="note" dir="auto">${localizedText(entry.note, i18n.locale)}</p>` : nothing}
    ${interval ? html`<p>${i18n.t('scorecard.currentInterval', { interval })}</p>` : nothing}
    ${entry.actions.length
      ? html`<h4>${i18n.t('scorecard.actions.title')}</h4>
          <ul class="actions">
            ${entry.actions.map((action) => {
              const overdue = action.status === 'open' && action.dueDay !== null && action.dueDay < context.asOfDay;
              return html`<li class=${overdue ? 'overdue' : ''}>
                <span dir="auto">${action.title}</span>
                ${action.owner ? html` — <span dir="auto">${action.owner}</span>` : nothing}
                ${action.dueDay !== null ? html` · ${i18n.t('scorecard.actions.due', { date: formatDay(action.dueDay, i18n) })}` : nothing}
                · ${i18n.t(action.status === 'done' ? 'scorecard.actions.statusDone' : overdue ? 'scorecard.actions.statusOverdue' : 'scorecard.actions.statusOpen')}
              </li>`;
            })}
          </ul>`
      : nothing}
    <table class="periods">
      <caption>${i18n.t('scorecard.periods.caption', { kpi: row.label })}</caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('table.period')}</th>
          <th scope="col">${i18n.t('scorecard.column.value')}</th>
          <th scope="col">${i18n.t('scorecard.periods.basis')}</th>
        </tr>
      </thead>
      <tbody>
        ${assessment.periods.map(
          (period) => html`<tr>
            <th scope="row">${i18n.period(period.periodStart, context.window.interval)}</th>
            <td>${period.value === null ? (period.suppressed ? i18n.t('scorecard.status.suppressed', { minN: i18n.number(context.minN) }) : i18n.t('scorecard.status.noData')) : formatValue(period.value, entry, i18n)}</td>
            <td>${period.value === null || period.n === 0 ? '—' : i18n.number(period.n)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${assessment.quality
      ? renderQualityReport(assessment.quality, i18n, { id: `quality-${row.index}`, label: i18n.t('scorecard.qualityOf', { kpi: row.label }) })
      : nothing}
  </div>`;
}

function sortButton(column: (typeof COLUMNS)[number], context: BodyContext): TemplateResult {
  const { i18n } = context;
  const label = i18n.t(column.key);
  if (!column.sort) return html`${label}`;
  const active = context.sortKey === column.sort;
  const arrow = active ? (context.sortDirection === 'ascending' ? '▲' : '▼') : '';
  return html`<button class="sort" part="sort-button" @click=${() => context.onSort(column.sort!)}>
    ${label}<span class="arrow" aria-hidden="true">${arrow}</span>
  </button>`;
}

function groupLabel(group: RowGroup, by: 'owner' | 'status', i18n: Translator): string {
  if (by === 'status') return i18n.t(`scorecard.status.${group.key ?? 'grey'}` as MessageKey);
  return group.key ?? i18n.t('scorecard.noOwner');
}

export function renderScorecardTable(groups: readonly RowGroup[], groupBy: 'none' | 'owner' | 'status', context: BodyContext, caption: string): TemplateResult {
  const { i18n } = context;
  const span = COLUMNS.length;
  // Scrolls sideways inside the element rather than spilling over the host page.
  return html`<div class="table-scroll"><table part="table" class="scorecard">
    <caption class="visually-hidden">${caption}</caption>
    <thead>
      <tr>
        ${COLUMNS.map((column) => {
          const sorted = column.sort !== null && context.sortKey === column.sort;
          return html`<th scope="col" aria-sort=${sorted ? context.sortDirection : nothing}>${sortButton(column, context)}</th>`;
        })}
      </tr>
    </thead>
    ${groups.map(
      (group) => html`<tbody>
        ${groupBy === 'none' ? nothing : html`<tr class="group"><th scope="rowgroup" colspan=${span} dir="auto">${groupLabel(group, groupBy, i18n)} (${i18n.number(group.rows.length)})</th></tr>`}
        ${group.rows.map((row) => {
          const entry = row.entry;
          return html`<tr part="row" class="kpi-row ${row.status}" data-id=${row.id}>
              <th scope="row">${renderName(row, context)}${renderReason(row, context)}</th>
              <td dir="auto">${row.owner ?? html`<span class="muted">${i18n.t('scorecard.noOwner')}</span>`}</td>
              <td class="value" id=${factIds(row)[0]!}>${currentText(row, i18n)}</td>
              <td id=${factIds(row)[1]!}>${entry.valid ? formatTarget(entry, i18n) : '—'}</td>
              <td>${renderStatus(row, context)}</td>
              <td class="change ${row.assessment?.change?.better === false ? 'worse' : ''}" id=${factIds(row)[3]!}>${changeText(row, i18n)}</td>
              <td>${renderTrend(row, context)}</td>
              <td>${reviewText(row, i18n)}${renderFlags(row, context)}</td>
              <td>${entry.valid && entry.dueDay !== null ? formatDay(entry.dueDay, i18n) : '—'}</td>
              <td>${actionsText(row, i18n)}</td>
            </tr>
            <tr class="details" id=${detailsId(row)} ?hidden=${!context.expanded.has(row.id)}>
              <td colspan=${span}>${renderDetails(row, context)}</td>
            </tr>`;
        })}
      </tbody>`,
    )}
  </table></div>`;
}

/** Compact mode: one card per KPI, the same facts as a definition list. */
export function renderScorecardCards(groups: readonly RowGroup[], groupBy: 'none' | 'owner' | 'status', context: BodyContext, caption: string): TemplateResult {
  const { i18n } = context;
  const term = (key: MessageKey, value: unknown, id?: string) => html`<div><dt>${i18n.t(key)}</dt><dd id=${id ?? nothing}>${value}</dd></div>`;
  return html`<div part="table" class="cards" role="region" aria-label=${caption}>
    ${groups.map(
      (group) => html`${groupBy === 'none' ? nothing : html`<h3 class="group" dir="auto">${groupLabel(group, groupBy, i18n)} (${i18n.number(group.rows.length)})</h3>`}
        <ul class="card-list">
          ${group.rows.map(
            (row) => html`<li part="row" class="card ${row.status}" data-id=${row.id}>
              <div class="card-head">${renderName(row, context)} ${renderStatus(row, context)}</div>
              ${renderReason(row, context)}
              <dl>
                ${term('scorecard.column.value', currentText(row, i18n), factIds(row)[0])}
                ${term('scorecard.column.target', row.entry.valid ? formatTarget(row.entry, i18n) : '—', factIds(row)[1])}
                ${term('scorecard.column.change', changeText(row, i18n), factIds(row)[3])}
                ${term('scorecard.column.owner', row.owner ?? i18n.t('scorecard.noOwner'))}
                ${term('scorecard.column.review', reviewText(row, i18n))}
                ${term('scorecard.column.due', row.entry.valid && row.entry.dueDay !== null ? formatDay(row.entry.dueDay, i18n) : '—')}
                ${term('scorecard.column.actions', actionsText(row, i18n))}
              </dl>
              ${renderTrend(row, context)} ${renderFlags(row, context)}
              <div class="details" id=${detailsId(row)} ?hidden=${!context.expanded.has(row.id)}>${renderDetails(row, context)}</div>
            </li>`,
          )}
        </ul>`,
    )}
  </div>`;
}
