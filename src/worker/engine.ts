/**
 * The engine the worker exposes: it owns the loaded tables (by key) and answers small aggregate
 * queries. Everything it returns is either a summary or typed-array columns marked for transfer;
 * it never returns rows. Kept free of worker globals so it can be tested on the page directly.
 */
import { releaseProxy, transfer } from 'comlink';
import { aggregateNps, restrictPartial, type NpsPartial } from '../core/aggregate.ts';
import { partialFromCounts, type NpsPeriodCounts } from '../core/counts.ts';
import { CxDataError, toErrorInfo, type CxErrorInfo } from '../core/errors.ts';
import type { ColumnCondition } from '../core/filter.ts';
import { ingestColumns, ingestRecords } from '../core/ingest.ts';
import { aggregateStages, isPainMetric, journeyMeasures, negativeFeedback, type JourneyResult, type PainMetric } from '../core/journey.ts';
import { isIntervalName, snapToPeriods, type IntervalName } from '../core/periods.ts';
import type { QualityReport } from '../core/quality.ts';
import { redact } from '../core/redact.ts';
import { parseFieldMapping } from '../core/schema.ts';
import { npsSeries } from '../core/series.ts';
import { seriesToColumns, seriesTransferables, type NpsSeriesColumns } from '../core/series-columns.ts';
import { loadFeedbackFromUrl, type LoadProgress } from '../core/source.ts';
import type { FeedbackTable } from '../core/table.ts';
import { countThemeValues, extractThemes, pickVerbatims, type ThemeCount } from '../core/themes.ts';
import { scanComments } from '../core/words.ts';

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

export interface JourneyQuery {
  readonly metric: PainMetric;
  readonly minN: number;
  /** The `stages` list, in journey order. */
  readonly stages: readonly string[];
  readonly fromDay?: number | null;
  readonly toDay?: number | null;
  readonly conditions?: readonly ColumnCondition[];
}

export interface StageDetailQuery extends JourneyQuery {
  /** The stage's name as in {@link JourneyResult}. */
  readonly stage: string;
  /** How many verbatims to return. */
  readonly verbatims: number;
}

/** What the drill-down of one stage shows. Every text in it has been through {@link redact}. */
export interface StageDetail {
  readonly stage: string;
  /** The stage has too few answers: no themes, no comments. */
  readonly suppressed: boolean;
  /** Negative answers of the stage that came with a comment. */
  readonly negativeComments: number;
  /** Where themes come from: the data's `theme` column, or words and phrases of the comments. */
  readonly themeSource: 'column' | 'comments';
  readonly themes: readonly ThemeCount[];
  readonly verbatims: readonly string[];
}

/** Longer verbatims are cut here, in the worker, so a 10 MB comment never crosses to the page. */
export const VERBATIM_MAX_LENGTH = 600;

function clip(text: string): string {
  if (text.length <= VERBATIM_MAX_LENGTH) return text;
  // Cut at a code point boundary: a lone surrogate would render as garbage.
  const cut = Array.from(text.slice(0, VERBATIM_MAX_LENGTH + 1)).slice(0, -1).join('');
  return `${cut.trimEnd()}…`;
}

type StoredSource =
  | { readonly kind: 'table'; readonly table: FeedbackTable; readonly quality: QualityReport }
  | { readonly kind: 'counts'; readonly counts: readonly NpsPeriodCounts[] };

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
  if (source.kind === 'counts') return { rowCount: source.counts.length, quality: null, dimensions: [], hasStage: false, firstDay: null, lastDay: null };
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
      throw new CxDataError('bad-data', `Pre-aggregated counts cannot feed the ${purpose}: it needs rows with a stage.`, { detail: purpose });
    }
    return source.table;
  };

  const journeyOf = (table: FeedbackTable, query: JourneyQuery): JourneyResult => {
    if (!isPainMetric(query.metric)) throw new CxDataError('internal', `Unknown metric "${query.metric}".`, { detail: query.metric });
    const counts = aggregateStages(table, { fromDay: query.fromDay, toDay: query.toDay, conditions: query.conditions });
    return journeyMeasures(counts, { metric: query.metric, minN: query.minN, stages: query.stages });
  };

  return {
    /** Fetches and parses `url` in this thread; `fields` is the element's `fields` attribute. */
    loadUrl(key: string, url: string, fields: string, onProgress?: ProgressCallback): Promise<EngineResult<SourceSummary>> {
      loading.get(key)?.abort();
      const controller = new AbortController();
      loading.set(key, controller);
      return settle(async () => {
        try {
          const { table, quality } = await loadFeedbackFromUrl(url, parseFieldMapping(fields), { signal: controller.signal, onProgress });
          if (controller.signal.aborted) throw new CxDataError('aborted', 'Loading was cancelled.');
          return store(key, { kind: 'table', table, quality });
        } finally {
          if (loading.get(key) === controller) loading.delete(key);
          // The page's progress callback arrives as a Comlink proxy with its own message port; free it.
          (onProgress as Partial<Record<typeof releaseProxy, () => void>> | undefined)?.[releaseProxy]?.();
        }
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
    loadCounts(key: string, counts: readonly NpsPeriodCounts[]): Promise<EngineResult<SourceSummary>> {
      return settle(() => {
        if (!Array.isArray(counts)) throw new CxDataError('bad-counts', 'Counts must be an array of periods.', { entry: 0, detail: 'array' });
        return store(key, { kind: 'counts', counts });
      });
    },

    queryNps(key: string, query: NpsQuery): Promise<EngineResult<NpsSeriesColumns>> {
      return settle(() => {
        const source = sources.get(key);
        if (!source) throw new CxDataError('internal', `No data is loaded under "${key}".`, { detail: key });
        if (!isIntervalName(query.interval)) throw new CxDataError('internal', `Unknown interval "${query.interval}".`, { detail: query.interval });
        const { fromDay, toDay } = snapToPeriods(query.fromDay ?? null, query.toDay ?? null, query.interval);
        let partial: NpsPartial;
        if (source.kind === 'counts') {
          if (query.conditions?.length || query.dimension) {
            throw new CxDataError('bad-data', 'Pre-aggregated counts cannot be filtered or grouped: aggregate them for the segment you want.', {
              detail: 'filter',
            });
          }
          partial = restrictPartial(partialFromCounts(source.counts, query.interval), fromDay, toDay);
        } else {
          partial = aggregateNps(source.table, {
            interval: query.interval,
            dimension: query.dimension ?? null,
            fromDay: fromDay ?? undefined,
            toDay: toDay ?? undefined,
            conditions: query.conditions ?? [],
          });
        }
        return seriesToColumns(npsSeries(partial, query.minN));
      }, seriesTransferables);
    },

    /** Per-stage measures, ranked by pain: see {@link journeyMeasures}. */
    queryJourney(key: string, query: JourneyQuery): Promise<EngineResult<JourneyResult>> {
      return settle(() => journeyOf(tableOf(key, 'journey'), query));
    },

    /**
     * Themes and redacted verbatims of one stage's negative answers. The stage is looked up in the
     * same journey the element shows, so a suppressed stage yields nothing here either.
     */
    queryStageDetail(key: string, query: StageDetailQuery): Promise<EngineResult<StageDetail>> {
      return settle((): StageDetail => {
        const table = tableOf(key, 'journey');
        const stage = journeyOf(table, query).stages.find((s) => s.name === query.stage);
        if (!stage) throw new CxDataError('bad-data', `The journey has no stage "${query.stage}".`, { detail: query.stage });
        const empty = { stage: stage.name, negativeComments: 0, themeSource: 'comments' as const, themes: [], verbatims: [] };
        if (stage.suppressed) return { ...empty, suppressed: true };
        const feedback = negativeFeedback(table, {
          metric: query.metric,
          values: stage.values,
          fromDay: query.fromDay,
          toDay: query.toDay,
          conditions: query.conditions,
        });
        // Redact first: themes are counted on, and verbatims picked from, text that may leave the worker.
        const comments = feedback.comments.map(redact);
        // One scan of the text serves both the theme count and the choice of verbatims.
        const scan = scanComments(comments);
        const themes = feedback.themeValues ? countThemeValues(feedback.themeValues) : extractThemes(scan);
        const limit = Math.max(0, Math.min(50, Math.floor(query.verbatims)));
        return {
          stage: stage.name,
          suppressed: false,
          negativeComments: comments.length,
          themeSource: feedback.themeValues ? 'column' : 'comments',
          themes,
          verbatims: pickVerbatims(scan, themes, limit).map((index) => clip(comments[index]!)),
        };
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
