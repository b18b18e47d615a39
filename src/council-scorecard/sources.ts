/**
 * Everything a scorecard reads, acquired from the shared engine at once so the files load in
 * parallel, then waited for one by one: a file that fails becomes the error of the KPIs that read it,
 * never of the whole scorecard. Files several KPIs read (same URL and date column) load once.
 */
import { CxDataError, toErrorInfo, type CxErrorInfo } from '../core/errors.ts';
import type { QualityReport } from '../core/quality.ts';
import type { Kpi } from '../core/scorecard-model.ts';
import type { LoadLimits } from '../core/limits.ts';
import type { LoadProgress } from '../core/source.ts';
import type { EngineClient, SourceHandle, SourceSpec } from '../worker/client.ts';

export interface ScorecardSources {
  /** Every handle acquired; the caller holds them while it shows the result, then releases them. */
  readonly handles: readonly SourceHandle[];
  /** The feedback source, when feedback KPIs have one that loaded with usable rows. */
  readonly feedbackKey: string | null;
  readonly feedbackRows: number;
  readonly feedbackQuality: QualityReport | null;
  /** KPI id → operational source key, for the KPIs whose file loaded. */
  readonly operationalKeys: ReadonlyMap<string, string>;
  /** KPI id → why its source could not be read. */
  readonly sourceErrors: ReadonlyMap<string, CxErrorInfo>;
}

const forKpi = (error: CxErrorInfo, kpi: string): CxErrorInfo => ({ ...error, params: { ...error.params, kpi } });

export async function acquireScorecardSources(
  client: EngineClient,
  kpis: readonly Kpi[],
  feedbackSpec: SourceSpec | null,
  onProgress: (progress: LoadProgress) => void,
  limits?: Partial<LoadLimits>,
): Promise<ScorecardSources> {
  const handles: SourceHandle[] = [];
  const feedbackKpis = kpis.filter((kpi) => kpi.source.kind === 'feedback');
  const feedback = feedbackKpis.length && feedbackSpec ? client.acquire(feedbackSpec, onProgress) : null;
  if (feedback) handles.push(feedback);
  const files = new Map<string, SourceHandle>();
  const operationalKeys = new Map<string, string>();
  for (const kpi of kpis) {
    if (kpi.source.kind !== 'csv') continue;
    const spec: SourceSpec = { kind: 'operational', url: kpi.source.url, date: kpi.source.date, limits };
    const id = `${spec.url}\u0000${spec.date}`;
    let handle = files.get(id);
    if (!handle) {
      files.set(id, (handle = client.acquire(spec)));
      handles.push(handle);
    }
    operationalKeys.set(kpi.id, handle.key);
  }

  const sourceErrors = new Map<string, CxErrorInfo>();
  let feedbackKey: string | null = null;
  let feedbackRows = 0;
  let feedbackQuality: QualityReport | null = null;
  if (feedback) {
    try {
      const summary = await feedback.ready;
      feedbackQuality = summary.quality;
      feedbackRows = summary.rowCount;
      if (summary.rowCount === 0 && summary.quality) throw new CxDataError('no-rows', 'No feedback row could be used.', { count: summary.quality.totalRows });
      feedbackKey = feedback.key;
    } catch (error) {
      for (const kpi of feedbackKpis) sourceErrors.set(kpi.id, forKpi(toErrorInfo(error), kpi.id));
    }
  }
  const failedFiles = new Map<string, CxErrorInfo>();
  await Promise.all([...files.values()].map((handle) => handle.ready.catch((error: unknown) => void failedFiles.set(handle.key, toErrorInfo(error)))));
  for (const [id, key] of operationalKeys) {
    const failure = failedFiles.get(key);
    if (!failure) continue;
    sourceErrors.set(id, forKpi(failure, id));
    operationalKeys.delete(id);
  }
  return { handles, feedbackKey, feedbackRows, feedbackQuality, operationalKeys, sourceErrors };
}
