/**
 * What every cx element shares: where its data comes from (src/fields, data, counts), the engine
 * handle, loading/progress/error states, the data-quality badge, locale and direction, theme, and
 * its own width. A subclass says which aggregate it wants (`query`) and how to draw it (`renderResult`).
 */
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CountsDocument, NpsPeriodCounts } from '../core/counts.ts';
import { CxDataError, toErrorInfo, type CxErrorInfo } from '../core/errors.ts';
import type { QualityReport } from '../core/quality.ts';
import { DEFAULT_MIN_N } from '../core/series.ts';
import { DEFAULT_LIMITS, type LoadLimits } from '../core/limits.ts';
import type { LoadProgress } from '../core/source.ts';
import { CxErrorEvent } from '../events/cx-error.ts';
import { CxLoadEvent } from '../events/cx-load.ts';
import type { SourceSummary } from '../worker/engine.ts';
import { engineClient, type EngineClient, type SourceHandle, type SourceSpec } from '../worker/client.ts';
import type { LazyModule } from './lazy-module.ts';
import { absoluteUrl, byteSizeAttribute, minNAttribute, positiveAttribute, positiveOr } from './attribute-converters.ts';
import { nextTask } from './next-task.ts';
import { directionOf, loadCatalogue, onCataloguesChanged, translator, warmUpFormats, type MessageKey, type Translator } from './i18n.ts';
import { renderQualityBadge, renderQualityReport } from './quality-report.ts';
import { frameStyles } from './frame-styles.ts';
import { themeTokens } from './theme.ts';

export type ThemeName = 'light' | 'dark' | 'auto' | 'high-contrast';

/** What a subclass's query gets: the loaded source and a signal that aborts when superseded. */
export interface QueryContext {
  readonly client: EngineClient;
  readonly key: string;
  readonly summary: SourceSummary;
  readonly signal: AbortSignal;
}

const FALLBACK_WIDTH = 640;


function closestAttribute(start: Element, name: string): string | null {
  for (let node: Node | null = start; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.hasAttribute(name)) return node.getAttribute(name);
  }
  return null;
}

export abstract class CxElement<Result> extends LitElement {
  static override styles = [themeTokens, frameStyles];

  /**
   * The element's drawing code (d3, chart parts), imported when the first element of the class
   * connects; until it is there the element shows its loading state. See {@link lazyModule}.
   */
  protected static drawing: LazyModule<unknown> | null = null;

  /** URL of a CSV or JSON file of feedback rows, fetched and parsed in the worker. */
  @property() src?: string;

  /** Your column names for the canonical fields: `date:submitted_at,nps:likelihood_to_recommend`. */
  @property() fields = '';

  /** Rows already in the page: an array of records, or columns (`{ date: [...], nps: [...] }`). */
  @property({ attribute: false }) data?: readonly unknown[] | Readonly<Record<string, ArrayLike<unknown>>>;

  /** Pre-aggregated periods instead of rows (a warehouse query, `cx-elements aggregate`): period entries or a counts document. */
  @property({ attribute: false }) counts?: readonly NpsPeriodCounts[] | CountsDocument;

  /** URL of a counts file (JSON: an array of period entries or a counts document), fetched in the worker. Used when `counts` is not set. */
  @property({ attribute: 'counts-src' }) countsSrc?: string;

  /** Groups with fewer answers are suppressed: no score, interval or count leaves the engine. */
  @property({ attribute: 'min-n', converter: minNAttribute }) minN = DEFAULT_MIN_N;

  /**
   * Most data rows a file may have (the header is not a row; JSON: array entries). Loading stops with an
   * error once a file has more. A missing, empty or non-positive value means 10,000,000.
   */
  @property({ attribute: 'max-rows', converter: positiveAttribute(DEFAULT_LIMITS.maxRows, { integer: true }) }) maxRows = DEFAULT_LIMITS.maxRows;

  /**
   * Most bytes a file may have: a number, or with a unit (`500MB`, `2GiB`). A declared Content-Length
   * above it is refused before the download; otherwise loading stops once this many bytes arrived. Default 1 GiB.
   */
  @property({ attribute: 'max-bytes', converter: byteSizeAttribute(DEFAULT_LIMITS.maxBytes) }) maxBytes = DEFAULT_LIMITS.maxBytes;

  /**
   * Seconds the server may stay silent (before it answers, or between two parts of the file) before
   * loading stops with an error. Not a limit on the whole download: a large file on a slow link loads
   * as long as data keeps arriving. Default 60.
   */
  @property({ attribute: 'load-timeout', converter: positiveAttribute(DEFAULT_LIMITS.timeoutMs / 1000) }) loadTimeout = DEFAULT_LIMITS.timeoutMs / 1000;

  /** BCP 47 language tag; defaults to the nearest `lang` attribute, then the browser's language. */
  @property() locale?: string;

  /** `light` (default), `dark`, `high-contrast` (black, white text, yellow focus), or `auto` to follow the system's light/dark setting. */
  @property({ reflect: true }) theme: ThemeName = 'light';

  /** Accessible name of the chart; defaults to the element's title in its language. */
  @property() label?: string;

  @state() protected progress: LoadProgress | null = null;
  @state() protected quality: QualityReport | null = null;
  @state() protected width = 0;
  @state() private qualityOpen = false;

  /** The resolved language, direction and formatters, refreshed before every render. */
  protected i18n: Translator = translator('en');
  /** Writing direction: from an explicit `locale`, else the nearest `dir`, else the language. */
  protected direction: 'ltr' | 'rtl' = 'ltr';

  /** The language's catalogue while its chunk is on the way; nothing language-dependent renders meanwhile. */
  #catalogue: Promise<void> | null = null;
  #handle: SourceHandle | null = null;
  #announced: SourceSummary | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #stopListening: () => void = () => {};

  protected readonly task = new Task(this, {
    task: async ([src, fields, data, counts, ...extra], { signal }) => this.#run(src, fields, data, counts, extra, signal),
    args: () => [this.src, this.fields, this.data, this.counts, this.countsSrc, this.minN, this.maxRows, this.maxBytes, this.loadTimeout, ...this.queryArgs()] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      // Applied next frame: a re-render that changes this element's height inside the observer's
      // delivery would otherwise end the loop with "undelivered notifications" (a window error).
      if (width && width !== this.width) requestAnimationFrame(() => (this.width = width));
    });
    this.#resizeObserver.observe(this);
    this.#stopListening = onCataloguesChanged(() => this.requestUpdate());
    // Start fetching the drawing code now; the data task waits for it (and retries a failed fetch).
    void this.#drawing?.load().catch(() => {});
    // A reconnected element let go of its data on disconnect; fetch it again.
    if (this.hasUpdated && !this.#handle) void this.task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#stopListening();
    this.task.abort();
    this.#releaseSource();
    this.#announced = null;
  }

  /** The first render waits for a task of its own: a module that defines several elements would otherwise render them all in its task. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    await super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = this.#resolvedLocale();
    warmUpFormats(locale);
    const catalogue = loadCatalogue(locale);
    if (catalogue !== this.#catalogue) {
      this.#catalogue = catalogue;
      void catalogue?.then(() => {
        if (this.#catalogue !== catalogue) return;
        this.#catalogue = null;
        this.requestUpdate();
      });
    }
    const i18n = translator(locale);
    this.i18n = i18n;
    const inherited = closestAttribute(this, 'dir');
    this.direction = this.locale ? directionOf(locale) : inherited === 'rtl' || inherited === 'ltr' ? inherited : i18n.dir;
  }

  get #drawing(): LazyModule<unknown> | null {
    return (this.constructor as typeof CxElement).drawing;
  }

  /**
   * The drawing code, fetched (again, after a failure) in parallel with the data. A result is only
   * handed to rendering once this has settled, so a chunk that cannot be fetched is an error of the
   * load, with its `cx-error`, and the next load tries again.
   */
  async #drawingReady(): Promise<void> {
    const drawing = this.#drawing;
    if (!drawing || drawing.value) return;
    try {
      await drawing.load();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CxDataError('module-unavailable', `Part of the element could not be downloaded: ${detail}`, { detail });
    }
  }

  #resolvedLocale(): string {
    return this.locale || closestAttribute(this, 'lang') || navigator.language || 'en';
  }

  /**
   * Settles once the current data request has finished (loaded or failed) and its outcome is
   * rendered: for tests, printing and screenshots. Never rejects; errors show in the element.
   */
  get dataComplete(): Promise<void> {
    const settled = () => this.updateComplete.then(() => undefined);
    // A property set just before this call starts its task in the pending update: wait for that first.
    return this.updateComplete
      .then(() => this.#catalogue)
      .then(() => this.task.taskComplete)
      .then(settled, settled);
  }

  /** Extra task arguments: when one changes, the query runs again (the source is kept). */
  protected abstract queryArgs(): readonly unknown[];

  /** Asks the engine for this element's aggregate. */
  protected abstract query(context: QueryContext): Promise<Result>;

  /** Called instead of {@link query} when {@link sourceSpec} gives none; null shows the "no data" state. */
  protected queryWithoutSource(_client: EngineClient, _signal: AbortSignal): Promise<Result | null> {
    return Promise.resolve(null);
  }

  /** What the element says before it has anything to load. */
  protected noSourceMessage(): string {
    return this.i18n.t('state.noSource');
  }

  /** Draws a result; called only with the latest completed result. */
  protected abstract renderResult(result: Result): TemplateResult;

  /**
   * What the polite live region says when a load completes: the element's text summary, so a
   * screen-reader user hears that it loaded and what it shows. Errors are announced there too.
   */
  protected loadedAnnouncement(_result: Result): string {
    return '';
  }

  /** Key of the source this element holds in the engine, once it has one: for follow-up queries. */
  protected get sourceKey(): string | null {
    return this.#handle?.key ?? null;
  }

  /** `max-rows`, `max-bytes` and `load-timeout` for the engine (a value set to nonsense as a property means its default). */
  protected get loadLimits(): LoadLimits {
    const { maxRows, maxBytes, timeoutMs } = DEFAULT_LIMITS;
    return { maxRows: positiveOr(this.maxRows, maxRows, true), maxBytes: positiveOr(this.maxBytes, maxBytes, true), timeoutMs: positiveOr(this.loadTimeout, timeoutMs / 1000) * 1000 };
  }

  /** The chart's width in CSS pixels (before the first resize notification, a sensible default). */
  protected get chartWidth(): number {
    return this.width || FALLBACK_WIDTH;
  }

  /**
   * The one source the base loads and holds for {@link query}: by default the feedback in `src`,
   * `data` or `counts`. An element that reads several sources returns null and loads them itself in
   * {@link queryWithoutSource}.
   */
  protected sourceSpec(src: string | undefined, fields: string, data: CxElement<Result>['data'], counts: CxElement<Result>['counts']): SourceSpec | null {
    if (counts) return { kind: 'counts', counts };
    if (this.countsSrc) return { kind: 'counts-url', url: absoluteUrl(this.countsSrc, 'counts-src'), limits: this.loadLimits };
    if (data) return Array.isArray(data) ? { kind: 'records', records: data, fields } : { kind: 'columns', columns: data as Record<string, ArrayLike<unknown>>, fields };
    if (!src) return null;
    return { kind: 'url', url: absoluteUrl(src, 'src'), fields, limits: this.loadLimits };
  }

  #releaseSource(): void {
    this.#handle?.release();
    this.#handle = null;
  }

  async #run(
    src: string | undefined,
    fields: string,
    data: CxElement<Result>['data'],
    counts: CxElement<Result>['counts'],
    _extra: readonly unknown[],
    signal: AbortSignal,
  ): Promise<Result | null> {
    // Lit updates detached elements too; a detached element holds nothing and reloads on reconnect.
    if (!this.isConnected) {
      this.#releaseSource();
      return null;
    }
    // Events carry messages in the element's language: the data starts loading, then the catalogue
    // (a few kB, once per page, usually there first) is awaited before anything is announced.
    const catalogue = this.#catalogue;
    const languageReady = async () => {
      if (!catalogue) return;
      await catalogue;
      this.i18n = translator(this.#resolvedLocale());
    };
    const drawing = this.#drawingReady();
    // Settled below on every path that returns a result; a run that fails first must not leave it unhandled.
    drawing.catch(() => {});
    try {
      const spec = this.sourceSpec(src, fields, data, counts);
      const client = engineClient();
      if (!spec) {
        this.#releaseSource();
        this.quality = null;
        await languageReady();
        const result = await this.queryWithoutSource(client, signal);
        if (result !== null) await drawing;
        signal.throwIfAborted();
        return result;
      }
      // Acquire before releasing: when the source is unchanged the engine keeps it loaded.
      const handle = client.acquire(spec, (progress) => {
        if (!signal.aborted) this.progress = progress;
      });
      if (handle.key !== this.#handle?.key) this.quality = null;
      this.#releaseSource();
      this.#handle = handle;
      await languageReady();
      const summary = await handle.ready;
      await nextTask(); // elements sharing the file all wake up now: one render per task
      signal.throwIfAborted();
      this.quality = summary.quality;
      if (summary !== this.#announced) {
        this.#announced = summary;
        this.dispatchEvent(new CxLoadEvent({ rowCount: summary.rowCount, quality: summary.quality }));
      }
      if (summary.rowCount === 0 && summary.quality) {
        throw new CxDataError('no-rows', 'No row could be used.', { count: summary.quality.totalRows });
      }
      const result = await this.query({ client, key: handle.key, summary, signal });
      await drawing;
      signal.throwIfAborted();
      return result;
    } catch (error) {
      await languageReady();
      if (!signal.aborted) {
        const info = toErrorInfo(error);
        // The report stays for "no usable rows": it is the explanation. Otherwise it would describe other data.
        if (info.code !== 'no-rows' && info.code !== 'bad-data' && info.code !== 'bad-counts') this.quality = null;
        this.dispatchEvent(new CxErrorEvent({ code: info.code, message: this.errorMessage(info), params: info.params }));
      }
      throw error;
    } finally {
      if (!signal.aborted) this.progress = null;
    }
  }

  protected errorMessage(info: CxErrorInfo): string {
    return this.i18n.t(`error.${info.code}` as MessageKey, { detail: '', ...info.params });
  }

  protected renderProgress(): TemplateResult {
    const { i18n, progress } = this;
    const fraction = progress?.totalBytes ? Math.min(1, progress.bytes / progress.totalBytes) : null;
    const text = !progress
      ? i18n.t('state.loading')
      : fraction !== null
        ? i18n.t('state.loadingPercent', { percent: i18n.percent(fraction) })
        : i18n.t('state.loadingBytes', { bytes: i18n.bytes(progress.bytes) });
    return html`<div class="status loading" part="status" role="status">
      ${text}
      <progress aria-hidden="true" max="1" .value=${fraction ?? 0} ?indeterminate=${fraction === null}></progress>
    </div>`;
  }

  protected renderStatus(message: string, kind: 'empty' | 'error'): TemplateResult {
    // An error is announced by the frame's polite live region (issue 9: errors are polite, not role=alert).
    return html`<div class="status ${kind}" part="status" role=${kind === 'error' ? nothing : 'status'}>${message}</div>`;
  }

  protected renderQuality(): TemplateResult | typeof nothing {
    const { quality } = this;
    if (!quality) return nothing;
    return html`${renderQualityBadge(quality, this.i18n, this.qualityOpen, () => (this.qualityOpen = !this.qualityOpen))}
    ${this.qualityOpen ? renderQualityReport(quality, this.i18n) : nothing}`;
  }

  /** The live region's text: the summary once loaded, the error once failed, nothing meanwhile. */
  #announcement(): string {
    if (this.task.status === TaskStatus.ERROR) return this.errorMessage(toErrorInfo(this.task.error));
    const result = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    return result === undefined || result === null ? '' : this.loadedAnnouncement(result);
  }

  protected override render(): TemplateResult {
    const busy = this.#catalogue !== null;
    const body = busy
      ? nothing
      : html`${this.task.render({
          initial: () => this.renderStatus(this.noSourceMessage(), 'empty'),
          pending: () => this.renderProgress(),
          complete: (result) => (result === null ? this.renderStatus(this.noSourceMessage(), 'empty') : this.renderResult(result)),
          error: (error) => this.renderStatus(this.errorMessage(toErrorInfo(error)), 'error'),
        })} ${this.task.status === TaskStatus.PENDING ? nothing : this.renderQuality()}`;
    // The live region is in the same template in every state, so it is never re-created: a region
    // inserted together with its text is not reliably announced.
    return html`<div class="frame" part="base" lang=${this.i18n.locale} dir=${this.direction} aria-busy=${busy ? 'true' : nothing}>
      ${body}
      <div class="visually-hidden" role="status">${busy ? '' : this.#announcement()}</div>
    </div>`;
  }
}
