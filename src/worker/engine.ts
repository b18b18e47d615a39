/**
 * The engine the worker exposes: it owns the loaded tables (by key) and answers small aggregate
 * queries. Everything it returns is either a summary or typed-array columns marked for transfer;
 * it never returns rows. Kept free of worker globals so it can be tested on the page directly.
 */
import { releaseProxy, transfer } from 'comlink';
import type { NpsPartial } from '../core/aggregate.ts';
import { countsEntries, countsQuality, partialFromCounts, type CountsDocument, type NpsPeriodCounts } from '../core/counts.ts';
import { DailyCountsCache } from '../core/daily-counts.ts';
import { CxDataError, toErrorInfo, type CxErrorInfo } from '../core/errors.ts';
import type { ColumnCondition } from '../core/filter.ts';
import { ingestColumns, ingestRecords } from '../core/ingest.ts';
import { measureJourney, type JourneyQuery, type JourneyResult } from '../core/journey.ts';
import { isIntervalName, snapToPeriods, type IntervalName } from '../core/periods.ts';
import type { QualityReport } from '../core/quality.ts';
import { parseFieldMapping } from '../core/schema.ts';
import { npsSeries, seriesWithin } from '../core/series.ts';
import { seriesToColumns, seriesTransferables, type NpsSeriesColumns } from '../core/series-columns.ts';
import { createOperationalCsvIngest, ingestOperationalRecords, type OperationalTable } from '../core/operational.ts';
import type { Kpi } from '../core/scorecard-model.ts';
import { measureKpis, noFeedback, scorecardWindow, type KpiOutcome } from '../core/scorecard.ts';
import type { PeriodWindow } from '../core/kpi-series.ts';
import { fetchJson, loadFeedbackFromUrl, loadFromUrl, type LoadLimits, type LoadProgress } from '../core/source.ts';
import type { FeedbackTable } from '../core/table.ts';
import { stageDetail, type StageDetail, type StageDetailQuery } from '../core/stage-detail.ts';

/** Engine answers are values, not exceptions, so error codes survive the worker boundary intact. */
export type EngineResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CxErrorInfo };

export interface SourceSummary {
  readonly rowCount: number;
  readonly quality: QualityReport | null;
  readonly dimensions: readonly string[];
  readonly hasStage: boolean;
  /** Day range of accepted rows; null for pre-aggregated counts or an empty table. */
  readonly firstDay: number | null;
  readonly lastDay: number | null;
}

export interface NpsQuery {
  readonly interval: IntervalName;
  readonly minN: number;
  readonly fromDay?: number | null;
  readonly toDay?: number | null;
  readonly dimension?: string | null;
  /** Only rows meeting every condition. */
  readonly conditions?: readonly ColumnCondition[];
}

export type { JourneyQuery } from '../core/journey.ts';
export type { StageDetail, StageDetailQuery } from '../core/stage-detail.ts';

/** How many groupings and filters the engine keeps daily NPS counts for, per source. */
const DAILY_COUNTS_CACHE_SIZE = 8;

/** How many stage details the engine keeps per source: reopening a stage costs nothing. */
const DETAIL_CACHE_SIZE = 16;

type StoredSource =
  | { readonly kind: 'table'; readonly table: FeedbackTable; readonly quality: QualityReport }
  | { readonly kind: 'counts'; readonly counts: readonly NpsPeriodCounts[]; readonly quality: QualityReport | null }
  | { readonly kind: 'operational'; readonly table: OperationalTable; readonly quality: QualityReport };

export interface ScorecardQuery {
  /** The valid KPIs; invalid ones never reach the engine. */
  readonly kpis: readonly Kpi[];
  /** The feedback source feedback KPIs read, or null when there is none. */
  readonly feedbackKey: string | null;
  /** KPI id → the operational source it reads (a Map: an id such as "__proto__" is just an id). */
  readonly operationalKeys: ReadonlyMap<string, string>;
  readonly asOfDay: number;
  readonly cadence: Kpi['cadence'];
  readonly periods: number;
  readonly minN: number;
}

export interface ScorecardResult {
  readonly window: PeriodWindow;
  readonly outcomes: readonly KpiOutcome[];
}

export type ProgressCallback = (progress: LoadProgress) => void;

/**
 * Runs `work` and wraps its outcome. `transferables` lists buffers of the value to move rather than
 * copy: Comlink only honours `transfer()` on the object it posts, which is this wrapper.
 */
async function settle<T>(work: () => T | Promise<T>, transferables?: (value: T) => Transferable[]): Promise<EngineResult<T>> {
  try {
    const value = await work();
    const result = { ok: true as const, value };
    return transferables ? transfer(result, transferables(value)) : result;
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

function summarize(source: StoredSource): SourceSummary {
  if (source.kind === 'operational') {
    const { table, quality } = source;
    const range = table.rowCount ? { firstDay: table.firstDay, lastDay: table.lastDay } : { firstDay: null, lastDay: null };
    return { rowCount: table.rowCount, quality, dimensions: table.columns.map((c) => c.name), hasStage: false, ...range };
  }
  if (source.kind === 'counts') return { rowCount: source.counts.length, quality: source.quality, dimensions: [], hasStage: false, firstDay: null, lastDay: null };
  const { table, quality } = source;
  return {
    rowCount: table.rowCount,
    quality,
    dimensions: table.dimensions.map((d) => d.name),
    hasStage: table.stage !== null,
    firstDay: table.rowCount ? table.firstDay : null,
    lastDay: table.rowCount ? table.lastDay : null,
  };
}

export function createEngine() {
  const sources = new Map<string, StoredSource>();
  const loading = new Map<string, AbortController>();

  const store = (key: string, source: StoredSource) => {
    sources.set(key, source);
    return summarize(source);
  };

  const tableOf = (key: string, purpose: string): FeedbackTable => {
    const source = sources.get(key);
    if (!source) throw new CxDataError('internal', `No data is loaded under "${key}".`, { detail: key });
    if (source.kind === 'counts') {
      throw new CxDataError('needs-rows', `Pre-aggregated counts cannot feed the ${purpose}: it needs feedback rows.`);
    }
    if (source.kind === 'operational') throw new CxDataError('internal', `"${key}" holds operational data, not feedback.`, { detail: key });
    return source.table;
  };

  /** A load that a newer load of the same key, or a release, cancels. */
  const loadCancellable = (key: string, onProgress: ProgressCallback | undefined, load: (signal: AbortSignal) => Promise<StoredSource>) => {
    loading.get(key)?.abort();
    const controller = new AbortController();
    loading.set(key, controller);
    return settle(async () => {
      try {
        const source = await load(controller.signal);
        if (controller.signal.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
        return store(key, source);
      } finally {
        if (loading.get(key) === controller) loading.delete(key);
        // The page's progress callback arrives as a Comlink proxy with its own message port; free it.
        (onProgress as Partial<Record<typeof releaseProxy, () => void>> | undefined)?.[releaseProxy]?.();
      }
    });
  };

  // Switching a trend's interval or range rolls up cached daily counts instead of reading the rows again.
  const npsCounts = new DailyCountsCache(DAILY_COUNTS_CACHE_SIZE);
  // Keyed by the table itself, so a reloaded or released source drops its cache with it.
  const detailCaches = new WeakMap<FeedbackTable, Map<string, StageDetail>>();

  return {
    /** Fetches and parses `url` in this thread; `fields` is the element's `fields` attribute. */
    loadUrl(key: string, url: string, fields: string, onProgress?: ProgressCallback, limits?: Partial<LoadLimits>): Promise<EngineResult<SourceSummary>> {
      return loadCancellable(key, onProgress, async (signal) => {
        const { table, quality } = await loadFeedbackFromUrl(url, parseFieldMapping(fields), { signal, onProgress, limits });
        return { kind: 'table', table, quality };
      });
    },

    /** An operational CSV or JSON file: a date column and numeric columns (see operational.ts). */
    loadOperational(key: string, url: string, dateColumn: string, onProgress?: ProgressCallback, limits?: Partial<LoadLimits>): Promise<EngineResult<SourceSummary>> {
      return loadCancellable(key, onProgress, async (signal) => {
        const { table, quality } = await loadFromUrl(url, { signal, onProgress, limits }, {
          csv: () => createOperationalCsvIngest(dateColumn),
          json: (parsed) => ingestOperationalRecords(parsed, dateColumn),
          rowCount: (result) => result.quality.totalRows,
        });
        return { kind: 'operational', table, quality };
      });
    },

    /** In-memory records (as columns, so no row objects cross the boundary) or columns. */
    loadColumns(key: string, columns: Readonly<Record<string, ArrayLike<unknown>>>, fields: string): Promise<EngineResult<SourceSummary>> {
      return settle(() => store(key, { kind: 'table', ...ingestColumns(columns, parseFieldMapping(fields)) }));
    },

    loadRecords(key: string, records: readonly unknown[], fields: string): Promise<EngineResult<SourceSummary>> {
      return settle(() => store(key, { kind: 'table', ...ingestRecords(records, parseFieldMapping(fields)) }));
    },

    /** Pre-aggregated counts; validated per query, since periods are read for the query's interval. */
    loadCounts(key: string, counts: readonly NpsPeriodCounts[] | CountsDocument): Promise<EngineResult<SourceSummary>> {
      return settle(() => store(key, { kind: 'counts', counts: countsEntries(counts), quality: countsQuality(counts) }));
    },

    /** A counts file (an array of period entries or a counts document, see schema/counts.schema.json). */
    loadCountsUrl(key: string, url: string, limits?: Partial<LoadLimits>): Promise<EngineResult<SourceSummary>> {
      return loadCancellable(key, undefined, async (signal) => {
        const counts = (await fetchJson(url, signal, limits)) as readonly NpsPeriodCounts[] | CountsDocument;
        return { kind: 'counts', counts: countsEntries(counts), quality: countsQuality(counts) };
      });
    },

    queryNps(key: string, query: NpsQuery): Promise<EngineResult<NpsSeriesColumns>> {
      return settle(() => {
        const source = sources.get(key);
        if (!source) throw new CxDataError('internal', `No data is loaded under "${key}".`, { detail: key });
        if (!isIntervalName(query.interval)) throw new CxDataError('internal', `Unknown interval "${query.interval}".`, { detail: query.interval });
        const { fromDay, toDay } = snapToPeriods(query.fromDay ?? null, query.toDay ?? null, query.interval);
        let partial: NpsPartial;
        if (source.kind === 'operational') throw new CxDataError('internal', `"${key}" holds operational data, not feedback.`, { detail: key });
        if (source.kind === 'counts') {
          if (query.conditions?.length || query.dimension) {
            throw new CxDataError('bad-data', 'Pre-aggregated counts cannot be filtered or grouped: aggregate them for the segment you want.', {
              detail: 'filter',
            });
          }
          partial = partialFromCounts(source.counts, query.interval);
        } else {
          partial = npsCounts.partial(source.table, { interval: query.interval, dimension: query.dimension ?? null, conditions: query.conditions ?? [] });
        }
        // Suppression is decided over every period, then the range is cut out: decided within the range,
        // moving `from` would show a period once hidden to protect one now outside, and give it back.
        return seriesToColumns(seriesWithin(npsSeries(partial, query.minN), fromDay, toDay));
      }, seriesTransferables);
    },

    /** Per-stage measures, ranked by pain: see {@link measureJourney}. */
    queryJourney(key: string, query: JourneyQuery): Promise<EngineResult<JourneyResult>> {
      return settle(() => measureJourney(tableOf(key, 'journey'), query));
    },

    /** Themes and redacted verbatims of one stage: see {@link stageDetail}. Cached per source. */
    queryStageDetail(key: string, query: StageDetailQuery): Promise<EngineResult<StageDetail>> {
      return settle(() => {
        const table = tableOf(key, 'journey');
        let cache = detailCaches.get(table);
        if (!cache) detailCaches.set(table, (cache = new Map()));
        const cacheKey = JSON.stringify(query);
        const cached = cache.get(cacheKey);
        if (cached) return cached;
        const detail = stageDetail(table, query);
        if (cache.size >= DETAIL_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(cacheKey, detail);
        return detail;
      });
    },

    /** Every KPI of a scorecard, measured and assessed; see {@link measureKpis}. */
    queryScorecard(query: ScorecardQuery): Promise<EngineResult<ScorecardResult>> {
      return settle(() => {
        const window = scorecardWindow(query.asOfDay, query.cadence, query.periods);
        const { feedbackKey } = query;
        const feedback = feedbackKey === null ? noFeedback : () => tableOf(feedbackKey, 'scorecard');
        const operational = (kpi: Kpi) => {
          const key = query.operationalKeys.get(kpi.id);
          const source = key === undefined ? undefined : sources.get(key);
          if (source?.kind !== 'operational') throw new CxDataError('internal', `No operational data is loaded for KPI "${kpi.id}".`, { detail: kpi.id });
          return source;
        };
        return { window, outcomes: measureKpis(query.kpis, { feedback, operational }, window, query.asOfDay, query.minN) };
      });
    },

    /** Drops a table (and cancels its load, if one is running). */
    release(key: string): void {
      loading.get(key)?.abort();
      loading.delete(key);
      sources.delete(key);
    },

    /** Keys currently held; for tests and diagnostics. */
    keys(): string[] {
      return [...sources.keys()];
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
