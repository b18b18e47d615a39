import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toErrorInfo } from '../core/errors.ts';
import { dayRangeFilter, intersectFilters, toRowFilter, type CxFilter } from '../core/filter.ts';
import { type JourneyQuery, type JourneyResult, type JourneyStage, type PainMetric } from '../core/journey.ts';
import { parseStageList } from '../core/stages.ts';
import { DEFAULT_VERBATIMS, verbatimCount, type StageDetail } from '../core/stage-detail.ts';
import { CxSelectEvent } from '../events/cx-select.ts';
import { chartStyles } from '../ui/chart-styles.ts';
import { CxElement, type QueryContext } from '../ui/cx-element.ts';
import { rovingIndex } from '../ui/roving.ts';
import { styleProperties, type StyleProperties } from '../ui/style-properties.ts';
import { engineClient } from '../worker/client.ts';
import { journeyStyles } from './journey-painpoints.styles.ts';
import type { JourneyLayout } from './layout.ts';
import { defaultedAttribute } from '../ui/attribute-converters.ts';
import { lazyModule } from '../ui/lazy-module.ts';
import type { ChartSvg, ExportFormat } from '../ui/export-chart.ts';
import type { JourneySelectDetail } from './select-detail.ts';

const drawing = lazyModule(() => import('./draw.ts'));

/** The drawing module; only called where a result is drawn, which the base does once it is loaded. */
const draw = () => drawing.value!;

export type { JourneySelectDetail } from './select-detail.ts';

/**
 * Where in the customer journey it hurts: per stage, the chosen metric with its 95 % interval (the
 * "emotion curve"), the share of negative answers with its Wilson interval, a ranking by that share
 * and a flag where a stage is significantly worse than the rest of the journey. Selecting a stage
 * opens what its unhappy customers wrote, redacted in the worker. Stages with fewer than `min-n`
 * answers show no number, rank or comment.
 *
 * Keys: ←/→ (↑/↓ in the narrow list) move between stages and follow the reading direction; Home/End
 * go to the first/last stage; Enter or Space opens a stage's details and fires `cx-select`; Escape
 * closes the details and returns to the stage.
 *
 * @summary Customer-journey pain points with intervals, significance, themes and redacted verbatims.
 *
 * @fires {CxLoadEvent} cx-load - The data loaded; `detail.quality` is the data-quality report (rows accepted, duplicates, rejected by reason, rows without a stage).
 * @fires {CxSelectEvent<JourneySelectDetail>} cx-select - A stage was selected (click, Enter or Space); `detail` is a {@link JourneySelectDetail}.
 * @fires {CxErrorEvent} cx-error - The data cannot be drawn; `detail.code` says why and `detail.message` says it in the element's language.
 *
 * @csspart base - The element's frame.
 * @csspart chart - The SVG with the emotion curve and the pain bars.
 * @csspart stages - The lane (or list) of stages.
 * @csspart stage - One stage.
 * @csspart legend - The legend list.
 * @csspart summary - The text summary.
 * @csspart tooltip - The details box of the focused or hovered stage.
 * @csspart drilldown - The details panel of the selected stage.
 * @csspart drilldown-close - Its close button.
 * @csspart themes - The list of themes in the details panel.
 * @csspart verbatims - The list of comments in the details panel.
 * @csspart table - The data table shown by "Show table".
 * @csspart table-toggle - The "Show table" button.
 * @csspart table-order - The "Order by pain" toggle of the table.
 * @csspart export - The group of download buttons.
 * @csspart export-button - A download button: CSV of the data table; SVG or PNG of the chart where the lane draws one (`data-format` says which).
 * @csspart status - Loading, empty and error messages.
 * @csspart quality-badge - The data-quality button.
 * @csspart quality-report - The data-quality report it opens.
 *
 * @cssprop --cx-font-family - Font of all text.
 * @cssprop --cx-font-size - Base font size (default 0.875rem).
 * @cssprop --cx-color-background - Background.
 * @cssprop --cx-color-text - Text colour.
 * @cssprop --cx-color-muted - Axis labels and secondary text.
 * @cssprop --cx-color-grid - Grid lines and borders.
 * @cssprop --cx-color-line - The emotion curve and its points.
 * @cssprop --cx-color-band - Interval whiskers.
 * @cssprop --cx-color-pain - Pain-share bars.
 * @cssprop --cx-color-down - Pain points (significantly worse stages).
 * @cssprop --cx-color-suppressed - Hatching of stages with too few answers.
 * @cssprop --cx-color-focus - Focus ring.
 * @cssprop --cx-color-surface - Tooltip, selected stage and panel background.
 * @cssprop --cx-radius - Corner radius.
 */
export class JourneyPainpoints extends CxElement<JourneyResult> {
  static override styles = [...CxElement.styles, chartStyles, journeyStyles];
  protected static override drawing = drawing;

  /** The journey's stages in order, comma-separated: `Discover,Apply,Wait,Decision,Support`. Without it: numeric prefixes ("1 Apply"), then first appearance. */
  @property() stages = '';

  /** Which answers count as pain: `nps` (detractors 0–6, default), `csat` (1–2) or `ces` (1–3). It is also the metric of the curve. */
  @property({ converter: defaultedAttribute<PainMetric>('nps') }) metric: PainMetric = 'nps';

  /** How many comments the details panel shows (0–50, default 5). */
  @property({ type: Number }) verbatims = DEFAULT_VERBATIMS;

  /** First day to include, `YYYY-MM-DD`. */
  @property() from?: string;

  /** Last day to include, `YYYY-MM-DD`. */
  @property() to?: string;

  /**
   * Only some rows: as an attribute `department:Tax` or `channel:Web|App; department:Tax`; as a
   * property also `{ from, to, stage, segment }`, e.g. the `filter` of `<nps-trend>`'s `cx-select`.
   */
  @property() filter?: CxFilter | string;

  @state() private openStage: string | null = null;
  @state() private activeIndex = 0;
  @state() private tooltipVisible = false;
  @state() private tableOpen = false;
  /** The table lists stages in journey order, or by pain rank with hidden stages last. */
  @state() private tableByPain = false;
  @state() private announcement = '';

  #layout: JourneyLayout | null = null;
  #layoutInputs: readonly unknown[] | null = null;
  #drawnLayout: JourneyLayout | null = null;
  /** The query each result answers, so a stage's details are asked with exactly the same filter. */
  readonly #queries = new WeakMap<JourneyResult, JourneyQuery>();

  /** The details of the open stage: asked for only when a shown stage is open. */
  readonly #detailTask = new Task(this, {
    task: async ([result, stageName, verbatims]: readonly [JourneyResult | null | undefined, string | null, number], { signal }): Promise<StageDetail | null> => {
      const stage = result?.stages.find((s) => s.name === stageName);
      const key = this.sourceKey;
      const query = result && this.#queries.get(result);
      if (!stage || stage.suppressed || !key || !query) return null;
      const detail = await engineClient().queryStageDetail(key, { ...query, stage: stage.name, verbatims: verbatimCount(verbatims) });
      signal.throwIfAborted();
      return detail;
    },
    args: () => [this.task.value, this.openStage, this.verbatims] as const,
  });

  protected override queryArgs() {
    return [this.stages, this.metric, this.from, this.to, this.filter] as const;
  }

  protected override async query({ client, key }: QueryContext): Promise<JourneyResult> {
    const { fromDay, toDay, conditions } = intersectFilters(dayRangeFilter(this.from, this.to), toRowFilter(this.filter));
    const query: JourneyQuery = { metric: this.metric, minN: this.minN, stages: parseStageList(this.stages), fromDay, toDay, conditions };
    const result = await client.queryJourney(key, query);
    this.#queries.set(result, query);
    return result;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const result = this.task.value ?? null;
    const inputs = [result, drawing.value, this.chartWidth, this.direction] as const;
    if (!this.#layoutInputs || inputs.some((value, i) => value !== this.#layoutInputs![i])) {
      this.#layoutInputs = inputs;
      this.#layout = result && drawing.value ? draw().computeJourneyLayout(result, this.chartWidth, this.direction) : null;
      if (result) {
        // Keep the open stage and the focus on the same stage by name when the numbers change.
        if (this.openStage !== null && !result.stages.some((s) => s.name === this.openStage)) this.openStage = null;
        this.activeIndex = Math.min(this.activeIndex, Math.max(0, result.stages.length - 1));
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#drawnLayout !== this.#layout) this.#drawAxes();
  }

  #drawAxes(): void {
    const layout = this.#layout;
    const result = this.task.value;
    const axis = this.renderRoot.querySelector<SVGGElement>('.y-axis');
    const painAxis = this.renderRoot.querySelector<SVGGElement>('.pain-axis');
    if (!layout || !result || !axis || !painAxis) return;
    this.#drawnLayout = layout;
    const { axisLeft, axisRight, select } = draw();
    const make = this.direction === 'rtl' ? axisRight : axisLeft;
    const format = (value: number) => (result.metric === 'csat' ? this.i18n.percent(value / 100) : this.i18n.number(value, result.metric === 'ces' ? 1 : 0));
    select(axis).call(make(layout.y).ticks(4).tickFormat((v) => format(Number(v))).tickSizeOuter(0));
    select(painAxis).call(make(layout.pain).ticks(2).tickFormat((v) => this.i18n.percent(Number(v))).tickSizeOuter(0));
  }

  #focusStage(index: number): void {
    this.activeIndex = index;
    this.tooltipVisible = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.stage[data-index="${index}"]`)?.focus());
  }

  #open(index: number): void {
    const result = this.task.value;
    const stage = result?.stages[index];
    if (!result || !stage) return;
    this.activeIndex = index;
    this.openStage = stage.name;
    const detail: JourneySelectDetail = {
      stage: stage.name,
      values: stage.values,
      measures: stage.suppressed ? null : stage,
      filter: { stage: [...stage.values] },
    };
    this.dispatchEvent(new CxSelectEvent(detail));
  }

  #close(): void {
    if (this.openStage === null) return;
    this.openStage = null;
    this.#focusStage(this.activeIndex);
  }

  #onKeydown(event: KeyboardEvent): void {
    const result = this.task.value;
    const layout = this.#layout;
    if (!result || !layout || !result.stages.length) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#open(this.activeIndex);
    } else if (event.key === 'Escape') {
      if (this.openStage !== null) this.#close();
      else this.tooltipVisible = false;
    } else {
      const next = rovingIndex(event.key, { index: this.activeIndex, count: result.stages.length, direction: this.direction, vertical: layout.mode === 'list' });
      if (next === null) return;
      event.preventDefault();
      this.#focusStage(next);
    }
  }

  #onDrilldownKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#close();
  }

  /** The data table as CSV, in the table's order (RFC 4180; text a spreadsheet would run is neutralised; a hidden stage says so, with no numbers); null until a result is shown. */
  exportCsv(): string | null {
    return this.task.value && drawing.value ? draw().journeyCsv(this.task.value, this.i18n, this.tableByPain) : null;
  }

  /** The chart as a standalone SVG document with the stage names under it (styles inlined; no script, handler or external reference); null where no chart is drawn (the narrow list). */
  exportSvg(): string | null {
    return this.#chartSvg()?.text ?? null;
  }

  /** The chart as a PNG image of `scale` × its size in CSS pixels (default 2); null where no chart is drawn. */
  async exportPng(scale = 2): Promise<Blob | null> {
    const chart = this.#chartSvg();
    return chart ? draw().chartPng(chart, scale) : null;
  }

  #chartSvg(): ChartSvg | null {
    const chart = this.renderRoot.querySelector<SVGSVGElement>('svg[part=chart]');
    const result = this.task.value;
    const layout = this.#layout;
    if (!chart || !result || !layout) return null;
    const labels = result.stages.map((stage) => ({ x: draw().stageCenter(layout, stage.name), text: stage.name }));
    return draw().chartSvg(chart, { title: this.label || this.i18n.t('journey.title'), description: draw().summarizeJourney(result, this.i18n), labels, exclude: '.column-highlight' });
  }

  #download(format: ExportFormat): Promise<void> {
    return draw().downloadExport(format, { csv: () => this.exportCsv(), svg: () => this.#chartSvg() }, this.label || this.i18n.t('journey.title'), 'journey').then(
      (file) => void (file && (this.announcement = this.i18n.t('export.done', { file }))),
      () => void (this.announcement = this.i18n.t('export.failed', { format: format.toUpperCase() })),
    );
  }

  /** The summary (the figure's caption) is what the live region announces on load. */
  protected override loadedAnnouncement(result: JourneyResult): string {
    return result.stages.length && drawing.value ? draw().summarizeJourney(result, this.i18n) : '';
  }

  protected override renderResult(result: JourneyResult): TemplateResult {
    const layout = this.#layout;
    const { i18n } = this;
    if (!layout || !result.stages.length) return this.renderStatus(i18n.t('journey.empty'), 'empty');
    const open = result.stages.find((s) => s.name === this.openStage) ?? null;
    const allHidden = !layout.shown.length;
    return html`
      <svg class="defs" aria-hidden="true" width="0" height="0">
        <defs>
          <pattern id="cx-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
          </pattern>
        </defs>
      </svg>
      <figure aria-label=${this.label || i18n.t('journey.title')}>
        ${allHidden ? this.renderStatus(i18n.t('journey.allSuppressed', { minN: i18n.number(result.minN) }), 'empty') : nothing}
        ${layout.mode === 'lane' && !allHidden ? draw().renderJourneyChart({ result, layout, direction: this.direction, i18n, highlighted: this.#highlighted(result) }) : nothing} ${this.#renderStages(result, layout)}
        ${this.tooltipVisible ? draw().renderStageTooltip(result, result.stages[this.activeIndex], layout, i18n) : nothing}
        <figcaption part="summary" class="summary">${draw().summarizeJourney(result, i18n)}</figcaption>
      </figure>
      ${draw().renderJourneyLegend(result, layout, i18n)}
      ${open
        ? draw().renderDrilldown(
            result,
            open,
            { detail: this.#detailFor(open.name), pending: this.#detailTask.status === TaskStatus.PENDING, error: this.#detailError() },
            i18n,
            verbatimCount(this.verbatims),
            () => this.#close(),
            (event) => this.#onDrilldownKeydown(event),
          )
        : html`<p class="hint">${i18n.t('drill.hint')}</p>`}
      <div class="toolbar">
        <button part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="data-table" @click=${() => (this.tableOpen = !this.tableOpen)}>
          ${i18n.t(this.tableOpen ? 'table.hide' : 'table.show')}
        </button>
        ${this.tableOpen
          ? html`<button part="table-order" aria-pressed=${this.tableByPain ? 'true' : 'false'} @click=${() => (this.tableByPain = !this.tableByPain)}>
              ${i18n.t('journey.table.byPain')}
            </button>`
          : nothing}
        ${draw().renderExportButtons(i18n, layout.mode === 'lane' && !allHidden ? ['csv', 'svg', 'png'] : ['csv'], (format) => this.#download(format))}
      </div>
      ${this.tableOpen ? draw().renderJourneyTable(result, i18n, this.openStage, this.tableByPain) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${open ? (this.#detailError() ?? i18n.t('drill.label', { stage: open.name })) : ''}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /** The loaded details of `stage`; a previous stage's details are never shown under another's name. */
  #detailFor(stage: string): StageDetail | null {
    const value = this.#detailTask.value as StageDetail | null | undefined;
    return this.#detailTask.status === TaskStatus.COMPLETE && value?.stage === stage ? value : null;
  }

  #detailError(): string | null {
    if (this.#detailTask.status !== TaskStatus.ERROR) return null;
    return this.errorMessage(toErrorInfo(this.#detailTask.error));
  }

  /** The column to highlight: the focused or hovered stage while its tooltip shows, or the open one. */
  #highlighted(result: JourneyResult): string | null {
    const active = result.stages[this.activeIndex];
    return active && (this.tooltipVisible || this.openStage === active.name) ? active.name : null;
  }

  #renderStages(result: JourneyResult, layout: JourneyLayout): TemplateResult {
    const { i18n } = this;
    const list = layout.mode === 'list';
    const columns: StyleProperties = list ? {} : { 'grid-template-columns': `repeat(${result.stages.length}, minmax(0, 1fr))` };
    return html`<div
      part="stages"
      class="stages ${layout.mode}"
      role="listbox"
      aria-orientation=${list ? 'vertical' : 'horizontal'}
      aria-label=${i18n.t('journey.chartLabel', { count: result.stages.length, metric: i18n.t(`journey.metric.${result.metric}`) })}
      style=${styleProperties(columns)}
      @keydown=${this.#onKeydown}
      @focusout=${() => (this.tooltipVisible = false)}
      @pointerleave=${() => (this.tooltipVisible = false)}
    >
      ${result.stages.map((stage, index) => this.#renderStage(result, stage, index, list))}
    </div>`;
  }

  #renderStage(result: JourneyResult, stage: JourneyStage, index: number, list: boolean): TemplateResult {
    const { i18n } = this;
    const metric = stage.suppressed ? null : draw().formatMetric(stage, result.metric, i18n);
    const worse = !stage.suppressed && stage.comparison?.worse;
    const classes = ['stage', stage.suppressed ? 'suppressed' : '', worse ? 'worse' : '', stage.name === this.openStage ? 'open' : ''].join(' ');
    return html`<div
      part="stage"
      class=${classes}
      role="option"
      data-index=${index}
      tabindex=${index === this.activeIndex ? '0' : '-1'}
      aria-selected=${stage.name === this.openStage ? 'true' : 'false'}
      @focus=${() => {
        this.activeIndex = index;
        this.tooltipVisible = true;
      }}
      @pointerenter=${() => {
        this.activeIndex = index;
        this.tooltipVisible = true;
      }}
      @click=${() => {
        this.#focusStage(index);
        this.#open(index);
      }}
    >
      <!-- The option's name is the full sentence; the compact face repeats part of it for the eye only. -->
      <span class="visually-hidden">${draw().stageLabel(result, index, i18n)}</span>
      <span class="name" dir="auto" aria-hidden="true">${stage.name}</span>
      ${stage.suppressed
        ? html`<span class="not-enough" aria-hidden="true">${draw().suppressionText(stage, result.minN, i18n, 'short')}</span>`
        : html`<span class="value" aria-hidden="true">${metric!.value}</span>
            <span class="pain" aria-hidden="true">${i18n.t('journey.painShort', { share: i18n.percent(stage.pain.share) })}</span>
            ${list ? draw().renderListBar(stage, this.direction) : nothing}
            <span class="meta" aria-hidden="true">
              <span class="rank">${i18n.t('journey.rank', { rank: i18n.number(stage.rank) })}</span>
              ${worse ? html`<span class="badge"><span aria-hidden="true">⚠</span> ${i18n.t('journey.worseBadge')}</span>` : nothing}
            </span>`}
    </div>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'journey-painpoints': JourneyPainpoints;
  }
}
