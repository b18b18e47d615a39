/**
 * The page side of the engine: one worker per page, started on first use and shared by every
 * element. A source (`src` + `fields`, or a data object) is loaded once however many elements use it,
 * reference-counted, and dropped when the last one lets go. If the worker dies, every pending call
 * rejects with `worker-crashed` and the next call starts a fresh worker and reloads what it needs.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { CountsDocument, NpsPeriodCounts } from '../core/counts.ts';
import { CxDataError } from '../core/errors.ts';
import { seriesFromColumns } from '../core/series-columns.ts';
import type { NpsSeries } from '../core/series.ts';
import { nonDefaultLimits, type LoadLimits } from '../core/limits.ts';
import type { LoadProgress } from '../core/source.ts';
import type { JourneyResult } from '../core/journey.ts';
import { ENGINE_STARTED } from './started.ts';
import type { Engine, EngineResult, JourneyQuery, NpsQuery, ScorecardQuery, ScorecardResult, SourceSummary, StageDetail, StageDetailQuery } from './engine.ts';

/** What an element asks the engine to load. */
export type SourceSpec =
  /** `limits` (max-rows, max-bytes, load-timeout) are part of what is loaded: other limits, another load. */
  | { readonly kind: 'url'; readonly url: string; readonly fields: string; readonly limits?: Partial<LoadLimits> }
  | { readonly kind: 'records'; readonly records: readonly unknown[]; readonly fields: string }
  | { readonly kind: 'columns'; readonly columns: Readonly<Record<string, ArrayLike<unknown>>>; readonly fields: string }
  | { readonly kind: 'counts'; readonly counts: readonly NpsPeriodCounts[] | CountsDocument }
  /** A counts file: an array of period entries or a counts document. */
  | { readonly kind: 'counts-url'; readonly url: string; readonly limits?: Partial<LoadLimits> }
  /** An operational file: a date column and numeric columns. */
  | { readonly kind: 'operational'; readonly url: string; readonly date: string; readonly limits?: Partial<LoadLimits> };

export interface SourceHandle {
  readonly key: string;
  /** Settles when the source is loaded (rejects with a {@link CxDataError}). */
  readonly ready: Promise<SourceSummary>;
  /** Lets go of the source; after the last holder's release it is freed in the worker. Idempotent. */
  release(): void;
}

interface SourceEntry {
  readonly spec: SourceSpec;
  refs: number;
  /** The last load rejected; the next acquire or query tries again. */
  failed: boolean;
  /** Pending delayed release after the last holder let go. */
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
  /** The worker generation the load ran in; a restarted worker has to load it again. */
  generation: number;
  ready: Promise<SourceSummary>;
  readonly listeners: Set<(progress: LoadProgress) => void>;
}

let nextObjectId = 1;
const objectIds = new WeakMap<object, number>();
function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = nextObjectId++));
  return id;
}

/** Sources are shared by what they are: the same absolute URL and fields, or the same data object. */
function keyOf(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'url':
      return `url:${spec.url}\u0000${spec.fields}${limitsKey(spec.limits)}`;
    case 'records':
      return `records:${objectId(spec.records)}\u0000${spec.fields}`;
    case 'columns':
      return `columns:${objectId(spec.columns)}\u0000${spec.fields}`;
    case 'counts':
      return `counts:${objectId(spec.counts)}`;
    case 'counts-url':
      return `counts-url:${spec.url}${limitsKey(spec.limits)}`;
    case 'operational':
      return `operational:${spec.url}\u0000${spec.date}${limitsKey(spec.limits)}`;
  }
}

/** Empty for the default limits, so the usual keys stay as they were. */
function limitsKey(limits: Partial<LoadLimits> | undefined): string {
  const own = nonDefaultLimits(limits);
  return Object.keys(own).length ? `\u0000${JSON.stringify(own)}` : '';
}

function unwrap<T>(result: EngineResult<T>): T {
  if (!result.ok) throw CxDataError.fromInfo(result.error);
  return result.value;
}

/** Turns records into columns on the page, so that only arrays of values are cloned to the worker. */
function recordsToColumns(records: readonly unknown[]): Record<string, unknown[]> | null {
  const columns: Record<string, unknown[]> = {};
  for (let row = 0; row < records.length; row++) {
    const record = records[row];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
    for (const key of Object.keys(record)) {
      (columns[key] ??= new Array(records.length).fill(undefined))[row] = (record as Record<string, unknown>)[key];
    }
  }
  return columns;
}

export type WorkerFactory = () => Worker;

/** The blob: URL a cross-origin worker was started from, revoked when that worker is terminated. */
const shimUrls = new WeakMap<Worker, string>();

/** The worker script's address, once a worker was started: named in the error when it cannot load. */
let engineScriptUrl = '';

/** The slice of the Trusted Types API used here (TypeScript's DOM library does not declare it yet). */
interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

/** The one script URL the `cx-elements` policy vouches for, set only while the engine worker (or its blob: shim) is being started. */
let engineUrlBeingStarted: string | null = null;
let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;

/**
 * A page with `require-trusted-types-for 'script'` refuses a plain string in `new Worker()`. The
 * elements then vouch for their own engine script through a policy named `cx-elements` (a page that
 * also lists `trusted-types` must allow that name, and `lit-html` for Lit). Created on first use and
 * only where Trusted Types exist; if the page forbids the name, the plain URL is passed and the
 * blocked worker is reported as `worker-unavailable`.
 */
function trustedScriptUrl(url: string): string {
  if (scriptUrlPolicy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      scriptUrlPolicy = factory
        ? factory.createPolicy('cx-elements', {
            createScriptURL: (input) => {
              if (input === engineUrlBeingStarted) return input;
              throw new TypeError(`cx-elements only starts its own engine script, not ${input}`);
            },
          })
        : null;
    } catch {
      scriptUrlPolicy = null;
    }
  }
  // A TrustedScriptURL is accepted wherever the string was; the DOM typings only know strings.
  if (!scriptUrlPolicy) return url;
  engineUrlBeingStarted = url;
  try {
    return scriptUrlPolicy.createScriptURL(url) as string;
  } finally {
    engineUrlBeingStarted = null;
  }
}

/**
 * Starts the engine worker from `url`, which is next to this module. A page may load the elements
 * from another origin (a CDN, a shared static host), and the Worker constructor refuses cross-origin
 * scripts; a module worker started from a same-origin blob: URL may still import the script, which
 * that host already serves with CORS (module scripts need it). When the page's CSP forbids blob:
 * workers that fails too, and the element explains `worker-unavailable`.
 */
function startEngineWorker(url: URL, options: WorkerOptions): Worker {
  engineScriptUrl = url.href;
  try {
    return new globalThis.Worker(trustedScriptUrl(url.href), options);
  } catch (error) {
    if (url.origin === globalThis.location?.origin) throw error;
    const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
    let worker: Worker;
    try {
      worker = new globalThis.Worker(trustedScriptUrl(shim), options);
    } catch (blocked) {
      URL.revokeObjectURL(shim);
      throw blocked;
    }
    // The shim is fetched when the worker starts; after its first word, a failure or termination it is not needed.
    const revoke = () => URL.revokeObjectURL(shim);
    worker.addEventListener('message', revoke, { once: true });
    worker.addEventListener('error', revoke, { once: true });
    shimUrls.set(worker, shim);
    return worker;
  }
}

const defaultWorkerFactory: WorkerFactory = () => {
  // Keep the `new Worker(new URL('./engine.worker.ts', import.meta.url), …)` call literal: Vite
  // recognises exactly this shape, emits the worker as its own chunk and rewrites the URL. The local
  // `Worker` routes the rewritten URL through startEngineWorker.
  const Worker = startEngineWorker as unknown as new (url: URL, options: WorkerOptions) => globalThis.Worker;
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'cx-elements engine' });
};

/** A worker that never answered could not load its script: a hosting problem, not a crash. */
function unavailable(reason: string): CxDataError {
  return new CxDataError('worker-unavailable', `The data engine could not be loaded from ${engineScriptUrl || 'its script'}: ${reason}`, { url: engineScriptUrl || 'engine.worker.js' });
}

export class EngineClient {
  readonly #createWorker: WorkerFactory;
  #worker: Worker | null = null;
  #remote: Remote<Engine> | null = null;
  #generation = 0;
  /** Rejects when the current worker dies; every call races against it so none can hang. */
  #death: Promise<never> = Promise.reject();
  #killWorker: (error: CxDataError) => void = () => {};
  readonly #sources = new Map<string, SourceEntry>();

  /** How long a source no element holds stays loaded, in case one asks for it again. */
  releaseDelayMs: number;

  constructor(createWorker: WorkerFactory = defaultWorkerFactory, { releaseDelayMs = 3000 }: { releaseDelayMs?: number } = {}) {
    this.#createWorker = createWorker;
    this.releaseDelayMs = releaseDelayMs;
    this.#death.catch(() => {});
  }

  /** How many times a worker has been started; for tests and diagnostics. */
  get generation(): number {
    return this.#generation;
  }

  /** Keys of the sources loaded or loading (held, or released less than `releaseDelayMs` ago). */
  get sourceKeys(): string[] {
    return [...this.#sources.keys()];
  }

  acquire(spec: SourceSpec, onProgress?: (progress: LoadProgress) => void): SourceHandle {
    const key = keyOf(spec);
    let entry = this.#sources.get(key);
    if (!entry) {
      entry = { spec, refs: 0, generation: -1, failed: false, releaseTimer: undefined, ready: Promise.resolve(null as never), listeners: new Set() };
      this.#sources.set(key, entry);
    }
    clearTimeout(entry.releaseTimer);
    entry.releaseTimer = undefined;
    // A load that failed (network, crash …) or ran in a worker that has since died is tried again.
    if (entry.failed || entry.generation !== this.#generation || !this.#remote) this.#load(key, entry);
    entry.refs++;
    if (onProgress) entry.listeners.add(onProgress);
    let released = false;
    const held = entry;
    return {
      key,
      get ready() {
        return held.ready;
      },
      release: () => {
        if (released) return;
        released = true;
        if (onProgress) held.listeners.delete(onProgress);
        if (--held.refs > 0) return;
        // Held back briefly, so an element moved in the DOM or a src switched back does not re-parse the file.
        held.releaseTimer = setTimeout(() => this.#drop(key, held), this.releaseDelayMs);
      },
    };
  }

  /** NPS by period for a held source; reloads it first if the worker was restarted since. */
  async queryNps(key: string, query: NpsQuery): Promise<NpsSeries> {
    await this.#loaded(key);
    const columns = await this.#call((remote) => remote.queryNps(key, query));
    return seriesFromColumns(columns);
  }

  /** Per-stage journey measures for a held source. */
  async queryJourney(key: string, query: JourneyQuery): Promise<JourneyResult> {
    await this.#loaded(key);
    return this.#call((remote) => remote.queryJourney(key, query));
  }

  /** Themes and redacted verbatims of one journey stage. */
  async queryStageDetail(key: string, query: StageDetailQuery): Promise<StageDetail> {
    await this.#loaded(key);
    return this.#call((remote) => remote.queryStageDetail(key, query));
  }

  /** Every KPI of a scorecard; the sources it names must be held (and are reloaded if need be). */
  async queryScorecard(query: ScorecardQuery): Promise<ScorecardResult> {
    const keys = [...new Set([...(query.feedbackKey === null ? [] : [query.feedbackKey]), ...query.operationalKeys.values()])];
    await Promise.all(keys.map((key) => this.#loaded(key)));
    return this.#call((remote) => remote.queryScorecard(query));
  }

  /** Waits for a held source, loading it again if its load failed or its worker has since died. */
  async #loaded(key: string): Promise<void> {
    const entry = this.#sources.get(key);
    if (!entry) throw new CxDataError('internal', `Source "${key}" is not held by any element.`, { detail: key });
    if (entry.failed || entry.generation !== this.#generation || !this.#remote) this.#load(key, entry);
    await entry.ready;
  }

  /** Stops the worker; pending calls reject with `worker-crashed`. The next call starts a new one. */
  terminate(reason = 'The data engine was stopped.'): void {
    this.#killWorker(new CxDataError('worker-crashed', reason));
  }

  #drop(key: string, entry: SourceEntry): void {
    if (entry.refs > 0 || this.#sources.get(key) !== entry) return;
    this.#sources.delete(key);
    if (this.#remote && entry.generation === this.#generation) void this.#remote.release(key).catch(() => {});
  }

  #load(key: string, entry: SourceEntry): void {
    entry.failed = false;
    const ready = this.#startLoad(key, entry);
    entry.ready = ready;
    ready.catch(() => {
      if (entry.ready === ready) entry.failed = true;
    });
  }

  async #startLoad(key: string, entry: SourceEntry): Promise<SourceSummary> {
    const remote = this.#ensureWorker();
    entry.generation = this.#generation;
    const { spec } = entry;
    const progress = () => proxy((p: LoadProgress) => entry.listeners.forEach((listener) => listener(p)));
    return this.#call<SourceSummary>(() => {
      switch (spec.kind) {
        case 'url':
          return remote.loadUrl(key, spec.url, spec.fields, progress(), spec.limits);
        case 'records': {
          const columns = recordsToColumns(spec.records);
          return columns ? remote.loadColumns(key, columns, spec.fields) : remote.loadRecords(key, spec.records, spec.fields);
        }
        case 'columns':
          return remote.loadColumns(key, spec.columns, spec.fields);
        case 'counts':
          return remote.loadCounts(key, spec.counts);
        case 'counts-url':
          return remote.loadCountsUrl(key, spec.url, spec.limits);
        case 'operational':
          return remote.loadOperational(key, spec.url, spec.date, progress(), spec.limits);
      }
    });
  }

  async #call<T>(invoke: (remote: Remote<Engine>) => Promise<EngineResult<T>>): Promise<T> {
    const remote = this.#ensureWorker();
    return unwrap(await Promise.race([invoke(remote), this.#death]));
  }

  #ensureWorker(): Remote<Engine> {
    if (this.#remote) return this.#remote;
    let worker: Worker;
    try {
      worker = this.#createWorker();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The page enforces Trusted Types and refused the elements' policy: another fix (allow the name) than worker-src.
      if (error instanceof TypeError && scriptUrlPolicy === null && 'trustedTypes' in globalThis) {
        throw new CxDataError('worker-trusted-types', `The page's Trusted Types policy blocked the data engine (${reason}).`, { policy: 'cx-elements' });
      }
      // E.g. a SecurityError: a cross-origin script with blob: workers forbidden by the page's CSP.
      throw unavailable(reason);
    }
    const remote = wrap<Engine>(worker);
    this.#generation++;
    this.#worker = worker;
    this.#remote = remote;
    let kill!: (error: CxDataError) => void;
    this.#death = new Promise<never>((_, reject) => (kill = reject));
    this.#death.catch(() => {});
    // This worker's own killer: an event the worker fires after it was replaced must not kill its successor.
    const killThis = (error: CxDataError) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#remote = null;
      remote[releaseProxy]();
      worker.terminate();
      const shim = shimUrls.get(worker);
      if (shim) URL.revokeObjectURL(shim);
      kill(error);
    };
    this.#killWorker = killThis;
    /** This worker's script loaded and ran (it said so): a later error is a crash. */
    let started = false;
    worker.addEventListener('message', (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === ENGINE_STARTED) started = true;
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // A script that fails to load (404, blocked by CSP, not JavaScript) errors before any answer.
      killThis(
        started
          ? new CxDataError('worker-crashed', `The data engine stopped: ${event.message || 'it crashed'}.`)
          : unavailable(event.message || 'the script did not load (missing, blocked by the Content-Security-Policy, or not served as JavaScript).'),
      );
    });
    worker.addEventListener('messageerror', () => killThis(new CxDataError('worker-crashed', 'The data engine sent a message that could not be read.')));
    return remote;
  }
}

let sharedClient: EngineClient | null = null;

/** The page's one client, created on first use. */
export function engineClient(): EngineClient {
  return (sharedClient ??= new EngineClient());
}
