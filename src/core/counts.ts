/**
 * Pre-aggregated counts supplied by the user (e.g. from a warehouse query or `cx-elements aggregate`)
 * as mergeable partials, so they go through exactly the same suppression, interval and significance
 * code as rows do. The format is published as schema/counts.schema.json; this reader is its source of
 * truth (test/core/counts-schema.test.ts keeps the two in step).
 */
import { addToPartial, emptyPartial, type NpsPartial } from './aggregate.ts';
import { CxDataError } from './errors.ts';
import { REJECT_REASONS, type QualityReport, type ReasonTally } from './quality.ts';
import { isIntervalName, parsePeriod, type IntervalName } from './periods.ts';

/** Answers per score: CSAT 1–5 (index 0 is score 1), CES 1–7 (index 0 is score 1). */
interface OtherScoreCounts {
  readonly csat?: readonly number[];
  readonly ces?: readonly number[];
}

/**
 * One period (and optionally one dimension value): promoter/passive/detractor counts or a 0–10
 * histogram, and optionally the CSAT and CES histograms of the same accepted answers.
 */
export type NpsPeriodCounts =
  | ({ readonly period: string; readonly group?: string; readonly promoters: number; readonly passives: number; readonly detractors: number } & OtherScoreCounts)
  | ({ readonly period: string; readonly group?: string; readonly histogram: readonly number[] } & OtherScoreCounts);

/** The data-quality counts of the rows behind a counts document (the quality report without line numbers). */
export interface CountsQuality {
  readonly totalRows: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly withoutRespondent?: number;
  readonly reasons?: ReadonlyArray<{ readonly reason: string; readonly field?: 'nps' | 'csat' | 'ces'; readonly count: number }>;
}

/**
 * A whole counts file: the periods plus what they were computed with. `interval` and `dimension`
 * say how the periods were cut; `quality` carries the row accounting so a badge can still show it.
 */
export interface CountsDocument {
  readonly format: 'cx-counts';
  readonly version: 1;
  readonly interval?: IntervalName;
  readonly dimension?: string | null;
  readonly periods: readonly NpsPeriodCounts[];
  readonly quality?: CountsQuality;
}

/**
 * Group counts are stored at each group's top score (10, 8, 6). Every NPS figure depends only on the
 * group totals, so this is exact for everything the elements compute from NPS; only a per-score
 * histogram view would need real per-score counts.
 */
const GROUP_SCORES = { promoters: 10, passives: 8, detractors: 6 } as const;

/** Length of each optional histogram: CSAT 1–5, CES 1–7. */
const OTHER_HISTOGRAMS = { csat: 5, ces: 7 } as const;

function countOf(value: unknown, what: string, index: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CxDataError('bad-counts', `Counts entry ${index + 1}: ${what} must be a whole number ≥ 0, not ${JSON.stringify(value)}.`, {
      entry: index + 1,
      detail: what,
    });
  }
  return value;
}

function isCountsDocument(input: unknown): input is CountsDocument {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && 'periods' in input;
}

/**
 * The period entries of counts given either as an array of entries or as a {@link CountsDocument}.
 * @throws CxDataError `bad-counts` when it is neither.
 */
export function countsEntries(input: readonly NpsPeriodCounts[] | CountsDocument): readonly NpsPeriodCounts[] {
  if (isCountsDocument(input)) checkDocument(input);
  const entries: unknown = isCountsDocument(input) ? input.periods : input;
  if (!Array.isArray(entries)) throw new CxDataError('bad-counts', 'Counts must be an array of periods.', { entry: 0, detail: 'array' });
  return entries as readonly NpsPeriodCounts[];
}

/**
 * The quality report a counts document carries (without line numbers: the rows are elsewhere), so an
 * element shows the same badge and report as for the rows themselves; null for a bare array of entries.
 * @throws CxDataError `bad-counts` when the counts do not add up.
 */
export function countsQuality(input: readonly NpsPeriodCounts[] | CountsDocument): QualityReport | null {
  if (!isCountsDocument(input) || !input.quality) return null;
  checkDocument(input);
  const { totalRows, accepted, duplicates, rejected } = input.quality;
  if (accepted + duplicates + rejected !== totalRows) {
    throw documentError(`quality does not add up: ${accepted} accepted + ${duplicates} duplicates + ${rejected} rejected is not ${totalRows} rows`, 'quality');
  }
  const known: ReadonlySet<string> = new Set(REJECT_REASONS);
  const reasons: ReasonTally[] = (input.quality.reasons ?? [])
    .filter((tally) => known.has(tally.reason) && Number.isInteger(tally.count) && tally.count > 0)
    .map((tally) => ({ reason: tally.reason as ReasonTally['reason'], ...(tally.field ? { field: tally.field } : {}), count: tally.count, lines: [] }));
  const withoutRespondent = input.quality.withoutRespondent ?? 0;
  return { totalRows, accepted, duplicates, duplicateLines: [], rejected, reasons, withoutRespondent, withoutStage: 0 };
}

function documentError(what: string, detail: string): CxDataError {
  return new CxDataError('bad-counts', `Counts document: ${what}.`, { entry: 0, detail });
}

/** The document's own fields; its periods are checked entry by entry afterwards. */
function checkDocument(document: CountsDocument): void {
  if (document.format !== 'cx-counts' || document.version !== 1) throw documentError('format must be "cx-counts" and version 1', 'format');
  if (document.interval !== undefined && !(typeof document.interval === 'string' && isIntervalName(document.interval))) {
    throw documentError(`interval ${JSON.stringify(document.interval)} is not day, week, month, quarter or year`, 'interval');
  }
  if (document.dimension !== undefined && document.dimension !== null && typeof document.dimension !== 'string') {
    throw documentError('dimension must be a column name or null', 'dimension');
  }
  const { quality } = document;
  if (quality === undefined) return;
  if (typeof quality !== 'object' || quality === null) throw documentError('quality must be an object', 'quality');
  for (const key of ['totalRows', 'accepted', 'duplicates', 'rejected'] as const) {
    const value: unknown = quality[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw documentError(`quality.${key} must be a whole number ≥ 0`, 'quality');
  }
}

/**
 * Checks the CSAT and CES histograms of an entry (the NPS ones are read by {@link partialFromCounts}).
 * @throws CxDataError `bad-counts` naming the entry and the histogram.
 */
function checkOtherHistograms(entry: OtherScoreCounts, index: number): void {
  for (const key of ['csat', 'ces'] as const) {
    const histogram: unknown = entry[key];
    if (histogram === undefined) continue;
    const length = OTHER_HISTOGRAMS[key];
    if (!Array.isArray(histogram) || histogram.length !== length) {
      throw new CxDataError('bad-counts', `Counts entry ${index + 1}: ${key} needs ${length} counts (scores 1–${length}).`, { entry: index + 1, detail: key });
    }
    histogram.forEach((count: unknown, i) => countOf(count, `${key}[${i}]`, index));
  }
}

/**
 * Reads counts (an array of entries or a {@link CountsDocument}) into a partial.
 * @throws CxDataError `bad-counts` naming the first entry that is not valid for `interval`.
 */
export function partialFromCounts(input: readonly NpsPeriodCounts[] | CountsDocument, interval: IntervalName, dimension: string | null = null): NpsPartial {
  const entries = countsEntries(input);
  const partial = emptyPartial(interval, dimension);
  entries.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      throw new CxDataError('bad-counts', `Counts entry ${index + 1} is not an object.`, { entry: index + 1, detail: 'object' });
    }
    const periodStart = typeof entry.period === 'string' ? parsePeriod(entry.period, interval) : null;
    if (periodStart === null) {
      throw new CxDataError('bad-counts', `Counts entry ${index + 1}: "${String(entry.period)}" is not a ${interval} period.`, {
        entry: index + 1,
        detail: 'period',
      });
    }
    const group = dimension === null ? null : String(entry.group ?? '');
    if ('histogram' in entry) {
      if (!Array.isArray(entry.histogram) || entry.histogram.length !== 11) {
        throw new CxDataError('bad-counts', `Counts entry ${index + 1}: histogram needs 11 counts (scores 0–10).`, { entry: index + 1, detail: 'histogram' });
      }
      const counts = (entry.histogram as readonly unknown[]).map((count, score) => countOf(count, `histogram[${score}]`, index));
      checkOtherHistograms(entry, index);
      counts.forEach((count, score) => addToPartial(partial, periodStart, group, score, count));
    } else {
      const counts = (['promoters', 'passives', 'detractors'] as const).map((key) => [key, countOf(entry[key], key, index)] as const);
      checkOtherHistograms(entry, index);
      for (const [key, count] of counts) addToPartial(partial, periodStart, group, GROUP_SCORES[key], count);
    }
  });
  return partial;
}
