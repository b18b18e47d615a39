import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CxDataError } from '../core/errors.ts';
import { dayRangeFilter, intersectFilters, toRowFilter, type CxFilter } from '../core/filter.ts';
import { INTERVALS, type IntervalName } from '../core/periods.ts';
import type { NpsSeries, ShownPeriod } from '../core/series.ts';
import { CxSelectEvent } from '../events/cx-select.ts';
import { periodSelectDetail } from './select-detail.ts';
import { chartStyles } from '../ui/chart-styles.ts';
import { CxElement, type QueryContext } from '../ui/cx-element.ts';
import { rovingIndex } from '../ui/roving.ts';
import { styleProperties } from '../ui/style-properties.ts';
import { booleanAttribute, defaultedAttribute } from '../ui/attribute-converters.ts';
import { lazyModule } from '../ui/lazy-module.ts';
import type { ChartSvg, ExportFormat } from '../ui/export-chart.ts';

export type { NpsTrendSelectDetail } from './select-detail.ts';
import { npsTrendStyles } from './nps-trend.styles.ts';
import type { TrendLayout } from './layout.ts';

const drawing = lazyModule(() => import('./draw.ts'));

/** The drawing module; only called where a result is drawn, which the base does once it is loaded. */
const draw = () => drawing.value!;

/**
 * Monthly (or daily … yearly) Net Promoter Score with its 95 % adjusted-Wald interval, ▲/▼ where a
 * period differs significantly from the one before, a target line, the promoter/passive/detractor
 * mix, and small periods suppressed for privacy. The rows are parsed and counted in a Web Worker.
 *
 * @summary NPS over time with confidence band, significance markers and privacy suppression.
 *
 * @fires {CxLoadEvent} cx-load - The data loaded; `detail.quality` is the data-quality report (rows accepted, duplicates, rejected by reason).
 * @fires {CxSelectEvent<NpsTrendSelectDetail>} cx-select - A period was selected (click, Enter or Space); `detail` is an {@link NpsTrendSelectDetail}.
 * @fires {CxErrorEvent} cx-error - The data cannot be drawn; `detail.code` says why and `detail.message` says it in the element's language.
 *
 * @csspart base - The element's frame.
 * @csspart chart - The SVG chart.
 * @csspart legend - The legend list.
 * @csspart summary - The text summary under the chart.
 * @csspart tooltip - The details box of the focused or hovered period.
 * @csspart table - The data table shown by "Show table".
 * @csspart table-toggle - The "Show table" button.
 * @csspart export - The group of download buttons.
 * @csspart export-button - A download button: CSV of the data table, SVG or PNG of the chart (`data-format` says which).
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
 * @cssprop --cx-color-line - The NPS line and points.
 * @cssprop --cx-color-band - The confidence band fill.
 * @cssprop --cx-color-target - The target line.
 * @cssprop --cx-color-up - ▲ markers (significantly higher).
 * @cssprop --cx-color-down - ▼ markers (significantly lower).
 * @cssprop --cx-color-promoter - Promoter share.
 * @cssprop --cx-color-passive - Passive share.
 * @cssprop --cx-color-detractor - Detractor share.
 * @cssprop --cx-color-suppressed - Hatching of suppressed periods.
 * @cssprop --cx-color-focus - Focus ring.
 * @cssprop --cx-color-surface - Tooltip, table highlight and button background.
 * @cssprop --cx-radius - Corner radius.
 */
export class NpsTrend extends CxElement<NpsSeries> {
  static override styles = [...CxElement.styles, chartStyles, npsTrendStyles];
  protected static override drawing = drawing;

  /** Period length: `day`, `week` (ISO, from Monday), `month` (default), `quarter` or `year`. */
  @property({ converter: defaultedAttribute<IntervalName>('month') }) interval: IntervalName = 'month';

  /** First day to include, `YYYY-MM-DD`. */
  @property() from?: string;

  /** Last day to include, `YYYY-MM-DD`. */
  @property() to?: string;

  /** Target NPS, drawn as a line (−100…100). */
  @property({ type: Number }) target?: number;

  /**
   * Only some rows. As an attribute: `department:Licensing`, `channel:Phone|Branch`, or several
   * conditions separated by `;` (`stage:Apply; department:Tax`). As a property, also an object
   * `{ from, to, stage, segment }` — e.g. the `filter` of another element's `cx-select` event.
   * Combined with `from`/`to`: only days inside both count. Small segments are where suppression matters most.
   */
  @property() filter?: CxFilter | string;

  /** Draw the 95 % confidence band (default on; `show-ci="false"` turns it off). */
  @property({ attribute: 'show-ci', converter: booleanAttribute }) showCi = true;

  @state() private tableOpen = false;
  @state() private activeStart: number | null = null;
  @state() private selectedStart: number | null = null;
  @state() private tooltipVisible = false;
  @state() private announcement = '';

  #layout: TrendLayout | null = null;
  #layoutInputs: readonly unknown[] | null = null;
  #drawnLayout: TrendLayout | null = null;

  protected override queryArgs() {
    return [this.interval, this.from, this.to, this.filter, this.target] as const;
  }

  protected override async query({ client, key }: QueryContext): Promise<NpsSeries> {
    // Attribute typos are reported, never guessed: a silently different chart is worse than an error.
    if (!INTERVALS.includes(this.interval)) {
      throw new CxDataError('bad-data', `interval="${this.interval}" is not one of ${INTERVALS.join(', ')}.`, { detail: `interval="${this.interval}"` });
    }
    if (this.target != null && (this.#target === null || Math.abs(this.#target) > 100)) {
      throw new CxDataError('bad-data', `target="${this.getAttribute('target') ?? this.target}" is not an NPS between -100 and 100.`, {
        detail: `target="${this.getAttribute('target') ?? this.target}"`,
      });
    }
    const { fromDay, toDay, conditions } = intersectFilters(dayRangeFilter(this.from, this.to), toRowFilter(this.filter));
    return client.queryNps(key, { interval: this.interval, minN: this.minN, fromDay, toDay, conditions });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const series = this.task.value ?? null;
    // Hover and focus change only the active point: the geometry is recomputed when what it depends on changes.
    const inputs = [series, drawing.value, this.chartWidth, this.direction, this.i18n, this.target, this.showCi] as const;
    if (!this.#layoutInputs || inputs.some((value, i) => value !== this.#layoutInputs![i])) {
      this.#layoutInputs = inputs;
      this.#layout = series && drawing.value
        ? draw().computeTrendLayout(series, { width: this.chartWidth, direction: this.direction, showCi: this.showCi, target: this.#target, i18n: this.i18n })
        : null;
    }
    if (this.#layout && (this.activeStart === null || !this.#layout.byStart.has(this.activeStart))) {
      this.activeStart = this.#layout.shown.at(-1)?.periodStart ?? null;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#drawnLayout !== this.#layout) this.#drawAxes();
  }

  /** The target as a number, or null when none is set (an invalid one is reported by `query`). */
  get #target(): number | null {
    return this.target !== undefined && this.target !== null && Number.isFinite(this.target) ? this.target : null;
  }

  #center(start: number): number {
    const { x } = this.#layout!;
    return (x(start) ?? 0) + x.bandwidth() / 2;
  }

  #drawAxes(): void {
    const layout = this.#layout;
    const root = this.renderRoot;
    const xAxis = root.querySelector<SVGGElement>('.x-axis');
    const yAxis = root.querySelector<SVGGElement>('.y-axis');
    if (!layout || !xAxis || !yAxis || !this.task.value) return;
    this.#drawnLayout = layout;
    const { x, y, periods } = layout;
    const { MARGIN, axisBottom, axisLeft, axisRight, select } = draw();
    const interval = this.task.value.interval;
    // Thin the labels so the longest period name fits with room to spare (about 7 px a character).
    const labels = periods.map((start) => this.i18n.period(start, interval));
    const labelWidth = Math.max(...labels.map((label) => label.length)) * 7 + 16;
    const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor((this.chartWidth - MARGIN.axisSide) / labelWidth))));
    select(xAxis).call(
      axisBottom(x)
        .tickValues(periods.filter((_, i) => (periods.length - 1 - i) % every === 0))
        .tickFormat((start) => this.i18n.period(start, interval))
        .tickSizeOuter(0),
    );
    const rtl = this.direction === 'rtl';
    const yAxisMaker = rtl ? axisRight(y) : axisLeft(y);
    select(yAxis).call(yAxisMaker.ticks(5).tickFormat((value) => this.i18n.number(Number(value))).tickSizeOuter(0));
    // Period names are text in the element's language; y ticks are numbers anchored by d3 to their axis side.
    xAxis.querySelectorAll('text').forEach((t) => t.setAttribute('direction', this.direction));
  }

  #focusPoint(start: number): void {
    this.activeStart = start;
    this.tooltipVisible = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<SVGElement>(`.point[data-start="${start}"]`)?.focus());
  }

  #select(point: ShownPeriod): void {
    this.selectedStart = point.periodStart;
    const detail = periodSelectDetail(point, this.task.value!.interval, this.i18n.period(point.periodStart, this.task.value!.interval));
    this.dispatchEvent(new CxSelectEvent(detail));
  }

  #onKeydown(event: KeyboardEvent): void {
    const layout = this.#layout;
    if (!layout || !layout.shown.length) return;
    const index = layout.shown.findIndex((p) => p.periodStart === this.activeStart);
    if (event.key === 'Enter' || event.key === ' ') {
      const point = layout.shown[index];
      if (point) this.#select(point);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      this.tooltipVisible = false;
    } else {
      // Arrows follow the visual direction: in right-to-left, time runs leftwards.
      const next = rovingIndex(event.key, { index, count: layout.shown.length, direction: this.direction });
      if (next === null) return;
      event.preventDefault();
      this.#focusPoint(layout.shown[next]!.periodStart);
    }
  }

  /** The data table as CSV (RFC 4180; text that a spreadsheet would run is neutralised; a suppressed period says so, with no numbers); null until a chart is shown. */
  exportCsv(): string | null {
    return this.task.value && drawing.value ? draw().npsTrendCsv(this.task.value, this.i18n) : null;
  }

  /** The chart as a standalone SVG document (styles inlined; no script, handler or external reference); null until a chart is shown. */
  exportSvg(): string | null {
    return this.#chartSvg()?.text ?? null;
  }

  /** The chart as a PNG image of `scale` × its size in CSS pixels (default 2); null until a chart is shown. */
  async exportPng(scale = 2): Promise<Blob | null> {
    const chart = this.#chartSvg();
    return chart ? draw().chartPng(chart, scale) : null;
  }

  #chartSvg(): ChartSvg | null {
    const chart = this.renderRoot.querySelector<SVGSVGElement>('svg[part=chart]');
    return chart ? draw().chartSvg(chart, { title: chart.getAttribute('aria-label') ?? '', description: this.#layout?.summary }) : null;
  }

  #download(format: ExportFormat): Promise<void> {
    const name = this.label || this.i18n.t('nps.title');
    return draw().downloadExport(format, { csv: () => this.exportCsv(), svg: () => this.#chartSvg() }, name, 'nps-trend').then(
      (file) => void (file && (this.announcement = this.i18n.t('export.done', { file }))),
      () => void (this.announcement = this.i18n.t('export.failed', { format: format.toUpperCase() })),
    );
  }

  /** The summary sentence (what the figure's caption says) is what the live region announces on load. */
  protected override loadedAnnouncement(): string {
    return this.#layout?.summary ?? '';
  }

  protected override renderResult(series: NpsSeries): TemplateResult {
    const layout = this.#layout;
    const { i18n } = this;
    if (!layout || !series.points.length) return this.renderStatus(i18n.t('state.empty'), 'empty');
    if (!layout.shown.length) return html`${this.renderStatus(i18n.t('state.allSuppressed', { minN: i18n.number(series.minN) }), 'empty')}`;
    return html`
      <!-- focusout here, not on the SVG: Chromium makes an SVG element with a focus listener a tab stop. -->
      <figure @focusout=${() => (this.tooltipVisible = false)}>
        ${this.#renderChart(series, layout)} ${this.#renderTooltip(series, layout)}
        <figcaption part="summary" class="summary">${layout.summary}</figcaption>
      </figure>
      ${draw().renderLegend({ i18n: this.i18n, series, shown: layout.shown, suppressedCount: layout.suppressedStarts.length, showCi: this.showCi, target: this.#target })}
      <div class="toolbar">
        <button part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="data-table" @click=${() => (this.tableOpen = !this.tableOpen)}>
          ${i18n.t(this.tableOpen ? 'table.hide' : 'table.show')}
        </button>
        ${draw().renderExportButtons(i18n, ['csv', 'svg', 'png'], (format) => this.#download(format))}
      </div>
      ${this.tableOpen ? draw().renderTable(series, this.i18n, this.selectedStart) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderChart(series: NpsSeries, layout: TrendLayout): TemplateResult {
    const { x, y, byStart, shown, suppressedStarts, periods } = layout;
    const { COMPOSITION_HEIGHT, HEIGHT, MARGIN, area, line, scaleLinear, stack, stackOffsetExpand, symbol, symbolTriangle } = draw();
    const { i18n } = this;
    const width = this.chartWidth;
    const rtl = this.direction === 'rtl';
    const center = (start: number) => this.#center(start);
    // One entry per calendar period; undefined breaks the line and band, which is what makes gaps.
    const slots = periods.map((start) => byStart.get(start));
    const defined = (p: ShownPeriod | undefined): p is ShownPeriod => p !== undefined;
    const linePath = line<ShownPeriod | undefined>().defined(defined).x((p) => center(p!.periodStart)).y((p) => y(p!.nps))(slots) ?? '';
    const bandPath = area<ShownPeriod | undefined>()
      .defined(defined)
      .x((p) => center(p!.periodStart))
      .y0((p) => y(p!.lower))
      .y1((p) => y(p!.upper))(slots) ?? '';
    const triangle = symbol(symbolTriangle, 70)() ?? '';
    const target = this.#target;
    const [x0, x1] = rtl ? [MARGIN.otherSide, width - MARGIN.axisSide] : [MARGIN.axisSide, width - MARGIN.otherSide];
    const compositionTop = HEIGHT + 8;
    const stacked = stack<ShownPeriod>().keys(['detractors', 'passives', 'promoters']).offset(stackOffsetExpand)(shown as ShownPeriod[]);
    const share = scaleLinear().domain([0, 1]).range([compositionTop + COMPOSITION_HEIGHT, compositionTop]);
    const totalHeight = compositionTop + COMPOSITION_HEIGHT + 4;
    return html`<svg
      part="chart"
      role="group"
      aria-label=${this.label || i18n.t('nps.chartLabel', { interval: i18n.t(`interval.${series.interval}`), count: shown.length })}
      viewBox="0 0 ${width} ${totalHeight}"
      height=${totalHeight}
      @keydown=${this.#onKeydown}
      @pointerleave=${() => (this.tooltipVisible = false)}
    >
      <defs aria-hidden="true">
        <pattern id="cx-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
        </pattern>
      </defs>
      <g aria-hidden="true">
        <g class="grid">
          ${y.ticks(5).map((tick) => svg`<line x1=${x0} x2=${x1} y1=${y(tick)} y2=${y(tick)}></line>`)}
        </g>
        ${y.domain()[0]! < 0 && y.domain()[1]! > 0 ? svg`<line class="zero" x1=${x0} x2=${x1} y1=${y(0)} y2=${y(0)}></line>` : nothing}
        ${suppressedStarts.map(
          (start) => svg`<rect class="gap" x=${x(start) ?? 0} width=${x.bandwidth()} y=${MARGIN.top} height=${HEIGHT - MARGIN.top - MARGIN.bottom}></rect>`,
        )}
        ${this.showCi ? svg`<path class="band" d=${bandPath}></path>` : nothing}
        ${target !== null
          ? svg`<line class="target" x1=${x0} x2=${x1} y1=${y(target)} y2=${y(target)}></line>
              <text class="target-label" x=${rtl ? x0 + 4 : x1 - 4} y=${y(target) - 6} text-anchor="end" direction=${this.direction}>${i18n.t('legend.target', { target: i18n.number(target) })}</text>`
          : nothing}
        <path class="line" d=${linePath}></path>
        ${shown
          .filter((p) => p.change?.significant)
          .map((p) => {
            const up = p.change!.significant === 'up';
            const markerY = up ? y(this.showCi ? p.upper : p.nps) - 10 : y(this.showCi ? p.lower : p.nps) + 10;
            return svg`<path class="marker ${up ? 'up' : 'down'}" d=${triangle} transform="translate(${center(p.periodStart)},${markerY})${up ? '' : ' rotate(180)'}"></path>`;
          })}
        <g class="axis x-axis" transform="translate(0,${HEIGHT - MARGIN.bottom})"></g>
        <g class="axis y-axis" transform="translate(${rtl ? width - MARGIN.axisSide : MARGIN.axisSide},0)"></g>
        <g class="composition">
          ${stacked.map(
            (layer) => svg`<g class=${layer.key}>
              ${layer.map((segment) => svg`<rect x=${x(segment.data.periodStart) ?? 0} width=${x.bandwidth()} y=${share(segment[1])} height=${Math.max(0, share(segment[0]) - share(segment[1]))}></rect>`)}
            </g>`,
          )}
        </g>
      </g>
      <g role="listbox" aria-orientation="horizontal" aria-label=${i18n.t('nps.title')}>
        ${shown.map(
          (p) => svg`<circle
            class="point ${p.periodStart === this.activeStart && this.tooltipVisible ? 'active' : ''}"
            role="option"
            data-start=${p.periodStart}
            tabindex=${p.periodStart === this.activeStart ? '0' : '-1'}
            aria-selected=${p.periodStart === this.selectedStart ? 'true' : 'false'}
            aria-label=${draw().pointLabel(p, series, suppressedStarts, i18n)}
            cx=${center(p.periodStart)}
            cy=${y(p.nps)}
            r="5"
            @focus=${() => {
              this.activeStart = p.periodStart;
              this.tooltipVisible = true;
            }}
            @pointerenter=${() => {
              this.activeStart = p.periodStart;
              this.tooltipVisible = true;
            }}
            @click=${() => {
              this.#focusPoint(p.periodStart);
              this.#select(p);
            }}
          ></circle>`,
        )}
      </g>
    </svg>`;
  }

  #renderTooltip(series: NpsSeries, layout: TrendLayout): TemplateResult | typeof nothing {
    const point = this.activeStart === null ? undefined : layout.byStart.get(this.activeStart);
    if (!this.tooltipVisible || !point) return nothing;
    const { i18n } = this;
    const left = (this.#center(point.periodStart) / this.chartWidth) * 100;
    return html`<div part="tooltip" aria-hidden="true" style=${styleProperties({ left: `${left}%`, top: `${layout.y(point.nps)}px`, '--_cx-tip-at': String(left / 100) })}>
      <strong>${i18n.period(point.periodStart, series.interval)}</strong><br />
      NPS ${i18n.number(point.nps)} (${i18n.number(point.lower)} – ${i18n.number(point.upper)})<br />
      ${i18n.t('answers', { count: point.n })}
      ${point.change ? html`<br />${i18n.signed(point.change.delta)}${point.change.significant ? html` ${point.change.significant === 'up' ? '▲' : '▼'}` : nothing}` : nothing}
    </div>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'nps-trend': NpsTrend;
  }
}
