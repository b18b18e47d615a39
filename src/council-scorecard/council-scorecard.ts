import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CxDataError } from '../core/errors.ts';
import { periodKey } from '../core/periods.ts';
import { localizedText, type Kpi, type ScorecardDefinition } from '../core/scorecard-model.ts';
import { parseDateToDay } from '../core/dates.ts';
import { fetchJson } from '../core/source.ts';
import { CxErrorEvent } from '../events/cx-error.ts';
import { CxLoadEvent } from '../events/cx-load.ts';
import { CxSelectEvent } from '../events/cx-select.ts';
import { CxElement } from '../ui/cx-element.ts';
import type { MessageKey } from '../ui/i18n.ts';
import type { EngineClient, SourceHandle, SourceSpec } from '../worker/client.ts';
import { scorecardStyles, adoptPrintPage } from './council-scorecard.styles.ts';
import { formatDay, problemText, sourceErrorText, summaryItems } from './format.ts';
import { GROUP_KEYS, SORT_KEYS, groupRows, scorecardRows, sortRows, type GroupKey, type ScorecardRow, type ScorecardView, type SortDirection, type SortKey } from './rows.ts';
import type { BodyContext } from './table.ts';
import { keyAttribute } from '../ui/attribute-converters.ts';
import { lazyModule } from '../ui/lazy-module.ts';
import type { ScorecardSelectDetail } from './select-detail.ts';

export type { ScorecardSelectDetail } from './select-detail.ts';

const drawing = lazyModule(() => import('./draw.ts'));
/** Reading and checking a definition: needed once per scorecard load, so fetched with the definition. */
const definitionReader = lazyModule(() => import('../core/scorecard-definition.ts'));

/** The drawing module; only called where a view is drawn or exported, which happens once it is loaded. */
const draw = () => drawing.value!;
import { acquireScorecardSources, type ScorecardSources } from './sources.ts';

/** Below this width the scorecard shows cards instead of a table. */
const COMPACT_BELOW = 880;

function today(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}

/**
 * The governance council's one agreed set of data points, against SMART targets with named owners:
 * per KPI the reviewed period's value, the target, a status (green on target, amber within
 * tolerance, red beyond, grey when there is nothing honest to compare), the change since the period
 * before with its significance where a test applies, a sparkline, and the flags the council acts on:
 * review overdue, due date missed, red with no action agreed. A bad KPI gets its own error row; the
 * others still render. Prints on A4 landscape with every row expanded.
 *
 * Keys: Tab reaches the sort buttons, each KPI's name and the toolbar; ↑/↓ move between KPIs,
 * Home/End to the first/last; Enter or Space opens a KPI's details and fires `cx-select`.
 *
 * @summary KPI scorecard for a CX governance council: targets, status, owners, reviews and actions.
 *
 * @fires {CxLoadEvent} cx-load - The definition and its data loaded; `detail.quality` is the feedback data's quality report (null without feedback).
 * @fires {CxSelectEvent<ScorecardSelectDetail>} cx-select - A KPI was opened or closed; `detail` is a {@link ScorecardSelectDetail}.
 * @fires {CxErrorEvent} cx-error - Once per KPI that cannot be shown (`detail.params.kpi` names it; `bad-kpi` for a bad definition, else the source's error), or for the whole element when the definition cannot be read.
 *
 * @csspart base - The element's frame.
 * @csspart header - Council name, reviewed period and as-of date.
 * @csspart summary - The counts of on-track, at-risk, off-track and grey KPIs and of the flags.
 * @csspart toolbar - Group-by, expand, export and print controls (hidden in print).
 * @csspart table - The table (or, in compact mode, the list of cards).
 * @csspart row - One KPI's row or card.
 * @csspart kpi - The KPI's name button that opens its details.
 * @csspart status-pill - The status icon and text.
 * @csspart flags - The KPI's flags.
 * @csspart sparkline - The KPI's trend.
 * @csspart sort-button - A column's sort button.
 * @csspart error-row - The explanation of a KPI that cannot be shown.
 * @csspart export-button - The CSV export button (the scorecard draws no chart, so CSV is its only export).
 * @csspart print-button - The print button.
 * @csspart status - Loading and error messages.
 * @csspart quality-badge - The feedback data-quality button.
 * @csspart quality-report - The data-quality report it opens.
 *
 * @cssprop --cx-font-family - Font of all text.
 * @cssprop --cx-font-size - Base font size (default 0.875rem).
 * @cssprop --cx-color-background - Background.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-muted - Secondary text.
 * @cssprop --cx-color-grid - Borders.
 * @cssprop --cx-color-line - Sparkline.
 * @cssprop --cx-color-target - Sparkline target line.
 * @cssprop --cx-color-up - On track (green).
 * @cssprop --cx-color-warn - At risk (amber).
 * @cssprop --cx-color-down - Off track (red).
 * @cssprop --cx-color-suppressed - No data (grey).
 * @cssprop --cx-color-focus - Focus ring.
 * @cssprop --cx-color-surface - Header rows and details background.
 * @cssprop --cx-radius - Corner radius.
 */
export class CouncilScorecard extends CxElement<ScorecardView> {
  static override styles = [...CxElement.styles, scorecardStyles];
  protected static override drawing = drawing;

  /** URL of the scorecard definition (JSON; see `schema/council-scorecard.schema.json`). Relative file URLs inside it resolve against it. */
  @property() override src?: string;

  /** The definition as an object, instead of `src`. */
  @property({ attribute: false }) definition?: unknown;

  /** URL of the feedback rows the feedback KPIs read; overrides the definition's `feedback.url`. The `data` property overrides both. */
  @property({ attribute: 'feedback-src' }) feedbackSrc?: string;

  /** The review date, `YYYY-MM-DD`; default the definition's `council.asOf`, else today. The reviewed period is the latest one ended by then. */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** Periods in each sparkline (2–120); default the definition's `council.periods`, else 12. */
  @property({ type: Number }) periods?: number;

  /** `none` (default), `owner` or `status`. */
  @property({ attribute: 'group-by', converter: keyAttribute(GROUP_KEYS, 'none') }) groupBy: GroupKey = 'none';

  /** `definition` (default), `label`, `owner`, `status` (worst first), `change` (most improved first), `next-review` or `due`. */
  @property({ attribute: 'sort-by', converter: keyAttribute(SORT_KEYS, 'definition') }) sortBy: SortKey = 'definition';

  /** `ascending` (default) or `descending`. */
  @property({ attribute: 'sort-direction', converter: keyAttribute(['ascending', 'descending'] as const, 'ascending') }) sortDirection: SortDirection = 'ascending';

  /** Cards instead of a table; automatic below 880 px. */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private announcement = '';

  #handles: readonly SourceHandle[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    adoptPrintPage(document);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release(this.#handles);
    this.#handles = [];
  }

  protected override queryArgs() {
    return [this.definition, this.feedbackSrc, this.asOf, this.periods] as const;
  }

  /** The scorecard loads its sources itself (definition, feedback, operational files). */
  protected override sourceSpec(): SourceSpec | null {
    return null;
  }

  protected override query(): Promise<ScorecardView> {
    throw new Error('unreachable: the scorecard has no single source');
  }

  protected override noSourceMessage(): string {
    return this.i18n.t('scorecard.noDefinition');
  }

  #release(handles: readonly SourceHandle[]): void {
    for (const handle of handles) handle.release();
  }

  #absolute(url: string): string {
    try {
      return new URL(url, document.baseURI).href;
    } catch {
      throw new CxDataError('bad-definition', `src="${url}" is not a URL.`, { detail: `src="${url}"` });
    }
  }

  #feedbackSpec(definition: ScorecardDefinition): SourceSpec | null {
    const fields = this.fields || definition.feedback?.fields || '';
    const limits = this.loadLimits;
    if (this.counts) return { kind: 'counts', counts: this.counts };
    if (this.countsSrc) return { kind: 'counts-url', url: this.#absolute(this.countsSrc), limits };
    if (this.data) return Array.isArray(this.data) ? { kind: 'records', records: this.data, fields } : { kind: 'columns', columns: this.data as Record<string, ArrayLike<unknown>>, fields };
    if (this.feedbackSrc) return { kind: 'url', url: this.#absolute(this.feedbackSrc), fields, limits };
    return definition.feedback ? { kind: 'url', url: definition.feedback.url, fields, limits } : null;
  }

  #asOfDay(definition: ScorecardDefinition): number {
    if (this.asOf) {
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(this.asOf.trim()) ? parseDateToDay(this.asOf) : null;
      if (!parsed || !('day' in parsed)) throw new CxDataError('bad-definition', `as-of="${this.asOf}" is not a date written YYYY-MM-DD.`, { detail: `as-of="${this.asOf}"` });
      return parsed.day;
    }
    return definition.council.asOfDay ?? today();
  }

  protected override async queryWithoutSource(client: EngineClient, signal: AbortSignal): Promise<ScorecardView | null> {
    let raw = this.definition;
    let baseUrl = document.baseURI;
    if ((raw === undefined || raw === null) && !this.src) return null;
    // The reader downloads while the definition does; if the definition fails first, its outcome is not needed.
    const reader = definitionReader.load().catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CxDataError('module-unavailable', `The definition reader could not be downloaded: ${detail}`, { detail });
    });
    reader.catch(() => {});
    if (raw === undefined || raw === null) {
      baseUrl = this.#absolute(this.src!);
      raw = await fetchJson(baseUrl, signal, this.loadLimits);
    }
    const definition = (await reader).readScorecardDefinition(raw, baseUrl);
    const asOfDay = this.#asOfDay(definition);
    const periods = this.periods !== undefined && Number.isInteger(this.periods) && this.periods >= 2 && this.periods <= 120 ? this.periods : definition.council.periods;
    const kpis = definition.kpis.filter((kpi): kpi is Kpi => kpi.valid);

    const feedbackSpec = kpis.some((kpi) => kpi.source.kind === 'feedback') ? this.#feedbackSpec(definition) : null;
    let sources: ScorecardSources | null = null;
    try {
      sources = await acquireScorecardSources(client, kpis, feedbackSpec, (progress) => !signal.aborted && (this.progress = progress), this.loadLimits);
      signal.throwIfAborted();
      const result = await client.queryScorecard({
        kpis: kpis.filter((kpi) => !sources!.sourceErrors.has(kpi.id)),
        feedbackKey: sources.feedbackKey,
        operationalKeys: sources.operationalKeys,
        asOfDay,
        cadence: definition.council.cadence,
        periods,
        minN: this.minN,
      });
      signal.throwIfAborted();
      // Only the run that finishes may show its sources' quality: a superseded one would show another file's.
      this.quality = sources.feedbackQuality;
      this.#release(this.#handles);
      this.#handles = sources.handles;
      const view: ScorecardView = {
        definition,
        window: result.window,
        asOfDay,
        minN: this.minN,
        outcomes: new Map(result.outcomes.map((outcome) => [outcome.id, outcome])),
        sourceErrors: sources.sourceErrors,
      };
      this.dispatchEvent(new CxLoadEvent({ rowCount: sources.feedbackRows, quality: this.quality }));
      this.#reportKpiErrors(view);
      return view;
    } catch (error) {
      if (sources) this.#release(sources.handles);
      // A run that failed (not one a newer run superseded) leaves nothing on screen that needs the old sources.
      if (!signal.aborted) {
        this.#release(this.#handles);
        this.#handles = [];
      }
      throw error;
    }
  }

  /** One `cx-error` per KPI that shows an error row, so a page can log or alert on each. */
  #reportKpiErrors(view: ScorecardView): void {
    for (const row of scorecardRows(view, this.i18n.locale)) {
      if (row.problems) {
        const message = `${this.i18n.t('scorecard.invalidIntro', { id: row.id })} ${row.problems.map((p) => problemText(p, this.i18n)).join(' ')}`;
        const first = row.problems[0];
        this.dispatchEvent(new CxErrorEvent({ code: 'bad-kpi', message, params: { kpi: row.id, field: first?.field ?? '', issue: first?.issue ?? '' } }));
      } else if (row.error) {
        this.dispatchEvent(new CxErrorEvent({ code: row.error.code, message: sourceErrorText(row.error, this.i18n), params: { ...row.error.params, kpi: row.id } }));
      }
    }
  }

  #rows(view: ScorecardView): ScorecardRow[] {
    return sortRows(scorecardRows(view, this.i18n.locale), this.sortBy, this.sortDirection, this.i18n.locale);
  }

  #toggle(view: ScorecardView, row: ScorecardRow): void {
    const expanded = new Set(this.expanded);
    const open = !expanded.has(row.id);
    if (open) expanded.add(row.id);
    else expanded.delete(row.id);
    this.expanded = expanded;
    const current = row.assessment?.current ?? null;
    const detail: ScorecardSelectDetail = {
      id: row.id,
      label: row.label,
      status: row.status,
      value: current?.value ?? null,
      unit: row.entry.valid ? row.entry.unit : null,
      period: periodKey(view.window.starts[view.window.starts.length - 1]!, view.window.interval),
      owner: row.owner,
      expanded: open,
      ...(row.entry.valid && row.entry.source.kind === 'feedback' ? { filter: row.entry.source.filter ?? {} } : {}),
    };
    this.dispatchEvent(new CxSelectEvent(detail));
  }

  #sort(key: SortKey): void {
    if (this.sortBy === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortBy = key;
      this.sortDirection = 'ascending';
    }
    this.announcement = this.i18n.t('scorecard.sorted', { column: this.i18n.t(`scorecard.sort.${key}` as MessageKey), direction: this.i18n.t(`scorecard.sort.${this.sortDirection}` as MessageKey) });
  }

  /** ↑/↓/Home/End between the KPIs' name buttons, in the order shown. */
  #onRowKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.kpi-name')];
    const index = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || index < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }

  /** The rows shown, in the order and grouping shown, as CSV (RFC 4180; text a spreadsheet would run is neutralised; a suppressed value says so); null until the scorecard is shown. */
  exportCsv(): string | null {
    const view = this.task.value;
    if (!view || !drawing.value) return null;
    return draw().scorecardCsv(groupRows(this.#rows(view), this.groupBy, this.i18n.locale), this.groupBy, view.window, view.minN, this.i18n);
  }

  #export(view: ScorecardView): void {
    const name = draw().exportFileName(localizedText(view.definition.council.name, this.i18n.locale), view.window);
    void draw().downloadExport('csv', { csv: () => this.exportCsv(), svg: () => null }, name, 'scorecard').then((file) => file && (this.announcement = this.i18n.t('scorecard.exported', { file })));
  }

  #renderSummary(rows: readonly ScorecardRow[]): TemplateResult {
    return html`<ul part="summary" class="summary">
      ${summaryItems(rows, this.i18n).map(
        ({ text, icon, status }) => html`<li class=${status || nothing}>${icon ? html`<span class="icon" aria-hidden="true">${icon}</span> ` : nothing}${text}</li>`,
      )}
    </ul>`;
  }

  /** The caption and the summary line: "Service Council: KPIs for Jun 2025. 2 on track, 1 off track …". */
  protected override loadedAnnouncement(view: ScorecardView): string {
    const rows = this.#rows(view);
    const list = new Intl.ListFormat(this.i18n.locale, { type: 'unit', style: 'short' });
    return `${this.#caption(view)}. ${list.format(summaryItems(rows, this.i18n).map((item) => item.text))}`;
  }

  #caption(view: ScorecardView): string {
    const period = this.i18n.period(view.window.starts[view.window.starts.length - 1]!, view.window.interval);
    return this.label || this.i18n.t('scorecard.caption', { council: localizedText(view.definition.council.name, this.i18n.locale), period });
  }

  protected override renderResult(view: ScorecardView): TemplateResult {
    const { i18n } = this;
    const rows = this.#rows(view);
    const groups = groupRows(rows, this.groupBy, i18n.locale);
    const name = localizedText(view.definition.council.name, i18n.locale);
    const reviewed = view.window.starts[view.window.starts.length - 1]!;
    const period = i18n.period(reviewed, view.window.interval);
    const allOpen = rows.length > 0 && rows.every((row) => this.expanded.has(row.id));
    const context: BodyContext = {
      i18n,
      direction: this.direction,
      window: view.window,
      minN: view.minN,
      asOfDay: view.asOfDay,
      expanded: this.expanded,
      sortKey: this.sortBy,
      sortDirection: this.sortDirection,
      onToggle: (row) => this.#toggle(view, row),
      onSort: (key) => this.#sort(key),
      onRowKeydown: (event) => this.#onRowKeydown(event),
    };
    const caption = this.#caption(view);
    // Measured once before the first resize notification: a guess would flash the wrong layout.
    const width = this.width || this.getBoundingClientRect().width;
    const compact = this.compact || width < COMPACT_BELOW;
    return html`<div class="scorecard-frame">
      <div part="header" class="header">
        <span class="title" dir="auto">${name}</span>
        <span class="period">${i18n.t('scorecard.period', { period, asOf: formatDay(view.asOfDay, i18n), cadence: i18n.t(`scorecard.cadence.${view.definition.council.cadence}` as MessageKey) })}</span>
      </div>
      ${this.#renderSummary(rows)}
      <div part="toolbar" class="toolbar">
        <label>
          ${i18n.t('scorecard.groupBy')}
          <select @change=${(event: Event) => (this.groupBy = (event.target as HTMLSelectElement).value as GroupKey)}>
            ${GROUP_KEYS.map((key) => html`<option value=${key} ?selected=${this.groupBy === key}>${i18n.t(`scorecard.group.${key}` as MessageKey)}</option>`)}
          </select>
        </label>
        <button aria-pressed=${allOpen ? 'true' : 'false'} @click=${() => (this.expanded = allOpen ? new Set() : new Set(rows.map((row) => row.id)))}>
          ${i18n.t('scorecard.expandAll')}
        </button>
        <button part="export-button" @click=${() => this.#export(view)}>${i18n.t('scorecard.export')}</button>
        <button part="print-button" @click=${() => window.print()}>${i18n.t('scorecard.print')}</button>
      </div>
      ${compact ? draw().renderScorecardCards(groups, this.groupBy, context, caption) : draw().renderScorecardTable(groups, this.groupBy, context, caption)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'council-scorecard': CouncilScorecard;
  }
}
