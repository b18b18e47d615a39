/**
 * Journey pain points: per stage of the customer journey, how customers feel (NPS, CSAT top-2-box,
 * CES) and how much of what they said was negative, with intervals, a ranking by pain, and a test of
 * each stage against the rest of the journey. Definitions are DOMAIN.md's; suppression follows the
 * same `min-n` rule as the trend: a stage with too few answers shows no number at all.
 */
import { complementarySuppression } from './complementary.ts';
import { CxDataError } from './errors.ts';
import { categoryColumn, compileConditions, rowPasses, type ColumnCondition } from './filter.ts';
import { countsFromHistogram, estimateNps, type NpsEstimate } from './nps.ts';
import { compareProportions, estimateProportion, type ProportionEstimate } from './proportions.ts';
import { MISSING_SCORE, SCORE_FIELDS, SCORE_SCALES, type ScoreField } from './schema.ts';
import { ALPHA, DEFAULT_MIN_N } from './series.ts';
import { orderStages, type OrderedStage } from './stages.ts';
import { holmAdjust, tQuantile975 } from './statistics.ts';
import { commentText, type FeedbackTable } from './table.ts';

/** Which answers count as pain: NPS detractors, CSAT 1–2 or CES 1–3. */
export type PainMetric = ScoreField;
export const PAIN_METRICS: readonly PainMetric[] = ['nps', 'csat', 'ces'];

/** Highest negative score of each scale (DOMAIN.md): NPS 0–6, CSAT 1–2, CES 1–3. */
export const NEGATIVE_UP_TO: Readonly<Record<PainMetric, number>> = { nps: 6, csat: 2, ces: 3 };

/** A journey with more distinct stages than this is a mapped free-text column, not a journey. */
export const MAX_STAGES = 200;

export function isPainMetric(value: unknown): value is PainMetric {
  return typeof value === 'string' && (PAIN_METRICS as readonly string[]).includes(value);
}

export function isNegative(metric: PainMetric, score: number): boolean {
  return score >= SCORE_SCALES[metric].min && score <= NEGATIVE_UP_TO[metric];
}

/** Answers per score for one stage value; histograms are indexed by score (CSAT/CES index 0 stays 0). */
export interface StageCounts {
  /** The stage as written in the data. */
  readonly value: string;
  /** Rows of the stage that passed the filter. */
  readonly rows: number;
  readonly histograms: Readonly<Record<ScoreField, Float64Array>>;
}

export interface StageAggregateOptions {
  readonly fromDay?: number | null;
  readonly toDay?: number | null;
  readonly conditions?: readonly ColumnCondition[];
}

const HISTOGRAM_SIZE: Readonly<Record<ScoreField, number>> = { nps: 11, csat: 6, ces: 8 };
const STRIDE = HISTOGRAM_SIZE.nps + HISTOGRAM_SIZE.csat + HISTOGRAM_SIZE.ces;

function tooManyStages(count: number): CxDataError {
  return new CxDataError('too-many-stages', `The stage column has ${count} different values; a journey has at most ${MAX_STAGES}.`, {
    count,
    max: MAX_STAGES,
  });
}

function requireStage(table: FeedbackTable) {
  if (!table.stage) {
    throw new CxDataError('missing-column', 'The data has no journey stage column; map one with fields="stage:<column>".', { field: 'stage' });
  }
  return table.stage;
}

/**
 * One pass over the table: per stage value, rows and the three score histograms, in one flat typed
 * array (stage × score) so the loop allocates nothing. Rows with no stage are not counted: the
 * quality report states how many there are. Stages are returned in order of first appearance.
 */
export function aggregateStages(table: FeedbackTable, options: StageAggregateOptions = {}): StageCounts[] {
  const stage = requireStage(table);
  const { dictionary, codes } = stage;
  // Checked before allocating: a free-text column mapped as the stage would need gigabytes here.
  if (dictionary.length - 1 > MAX_STAGES) throw tooManyStages(dictionary.length - 1);
  const counts = new Float64Array(dictionary.length * STRIDE);
  const rows = new Float64Array(dictionary.length);
  const fromDay = options.fromDay ?? -Infinity;
  const toDay = options.toDay ?? Infinity;
  const conditions = options.conditions?.length ? compileConditions(table, options.conditions) : null;
  const { day } = table;
  const { nps, csat, ces } = table.scores;
  const csatOffset = HISTOGRAM_SIZE.nps;
  const cesOffset = csatOffset + HISTOGRAM_SIZE.csat;
  for (let row = 0; row < table.rowCount; row++) {
    const code = codes[row]!;
    if (code === 0) continue;
    const d = day[row]!;
    if (d < fromDay || d > toDay) continue;
    if (conditions && !rowPasses(conditions, row)) continue;
    rows[code]!++;
    const base = code * STRIDE;
    const n = nps[row]!;
    if (n !== MISSING_SCORE) counts[base + n]!++;
    const c = csat[row]!;
    if (c !== MISSING_SCORE) counts[base + csatOffset + c]!++;
    const e = ces[row]!;
    if (e !== MISSING_SCORE) counts[base + cesOffset + e]!++;
  }
  const stages: StageCounts[] = [];
  for (let code = 1; code < dictionary.length; code++) {
    const base = code * STRIDE;
    stages.push({
      value: dictionary[code]!,
      rows: rows[code]!,
      histograms: {
        nps: counts.slice(base, base + csatOffset),
        csat: counts.slice(base + csatOffset, base + cesOffset),
        ces: counts.slice(base + cesOffset, base + STRIDE),
      },
    });
  }
  return stages;
}

export interface CesEstimate {
  readonly n: number;
  /** Mean on 1–7, with a 95 % t interval (mean ± t₀.₉₇₅,ₙ₋₁·s/√n), clamped to 1–7. */
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  /** Share answering 5–7. */
  readonly easy: ProportionEstimate;
}

/** How the stage compares with the rest of the (shown) journey on pain share. */
export interface StageComparison {
  /** Pain share of the other shown stages together. */
  readonly restShare: number;
  readonly z: number;
  /** Two-sided p of the pooled two-proportion z test. */
  readonly p: number;
  /** `p` after Holm's adjustment for testing every shown stage: what the flags use. */
  readonly pAdjusted: number;
  /** Significantly more pain than the rest (adjusted p < 0.05 and higher). */
  readonly worse: boolean;
  /** Significantly less pain than the rest. */
  readonly better: boolean;
}

export interface ShownStage {
  readonly suppressed: false;
  readonly name: string;
  readonly values: readonly string[];
  readonly listed: boolean;
  /** Responses: rows in the stage (any score). */
  readonly n: number;
  /** Each measure is null when fewer than `minN` answered it. */
  readonly nps: NpsEstimate | null;
  /** Top-2-box: share of 4–5. */
  readonly csat: ProportionEstimate | null;
  readonly ces: CesEstimate | null;
  /** Share of negative answers on the chosen metric, with its Wilson interval; `pain.n` answered that metric. */
  readonly pain: ProportionEstimate;
  /** 1 = most pain among shown stages. */
  readonly rank: number;
  /** Null when no other stage is shown to compare with. */
  readonly comparison: StageComparison | null;
}

/**
 * Why a stage shows no numbers: `few-answers` (fewer than `minN` answered the chosen metric),
 * `protects-another` (hidden as well, so a small stage's count cannot be worked out by subtracting
 * the shown stages from a total), `no-data` (no row mentions it: a listed stage absent from the data
 * or the filter, perhaps a typo in `stages`).
 */
export type SuppressionReason = 'few-answers' | 'protects-another' | 'no-data';

/** A stage with nothing but its name leaving the engine. */
export interface SuppressedStage {
  readonly suppressed: true;
  readonly reason: SuppressionReason;
  readonly name: string;
  readonly values: readonly string[];
  readonly listed: boolean;
}

export type JourneyStage = ShownStage | SuppressedStage;

export interface JourneyResult {
  readonly metric: PainMetric;
  readonly minN: number;
  /** In journey order. */
  readonly stages: readonly JourneyStage[];
}

function sum(histogram: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let score = from; score <= to; score++) total += histogram[score]!;
  return total;
}

function answered(histogram: Float64Array, field: ScoreField): number {
  return sum(histogram, SCORE_SCALES[field].min, SCORE_SCALES[field].max);
}

export function estimateCes(histogram: Float64Array, minN: number): CesEstimate | null {
  const n = answered(histogram, 'ces');
  if (n < minN || n === 0) return null;
  let total = 0;
  let squares = 0;
  for (let score = 1; score <= 7; score++) {
    total += score * histogram[score]!;
    squares += score * score * histogram[score]!;
  }
  const mean = total / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  // With one answer there is no spread to estimate: the interval is the whole scale, not a point.
  const halfWidth = n > 1 ? (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n) : Infinity;
  return { n, mean, lower: Math.max(1, mean - halfWidth), upper: Math.min(7, mean + halfWidth), easy: estimateProportion(sum(histogram, 5, 7), n)! };
}

function negatives(histogram: Float64Array, metric: PainMetric): number {
  return sum(histogram, SCORE_SCALES[metric].min, NEGATIVE_UP_TO[metric]);
}

export interface JourneyOptions {
  readonly metric?: PainMetric;
  readonly minN?: number;
  /** The `stages` list, in journey order. */
  readonly stages?: readonly string[];
}

/**
 * Measures per stage from {@link aggregateStages}' counts: merges values that are one stage, orders
 * the journey, suppresses small stages, ranks the rest by pain share and tests each against the
 * pooled other shown stages (two-proportion z test, Holm-adjusted). Suppressed stages are left out
 * of the pool, so no test result depends on their counts.
 *
 * Secondary suppression ({@link complementarySuppression}): when the hidden stages hold between 1
 * and `minN` − 1 rows together, the smallest shown stages (by rows; ties: the later stage) are hidden
 * too until they hold at least `minN`, so subtracting the shown stages from a file or segment total
 * gives no count below `minN`.
 */
export function journeyMeasures(counts: readonly StageCounts[], options: JourneyOptions = {}): JourneyResult {
  const metric = options.metric ?? 'nps';
  const minN = Math.max(1, Math.floor(options.minN ?? DEFAULT_MIN_N));
  if (counts.length > MAX_STAGES) throw tooManyStages(counts.length);
  const byValue = new Map(counts.map((c) => [c.value, c]));
  const ordered = orderStages(
    counts.map((c) => c.value),
    options.stages,
  );

  type Draft = { stage: OrderedStage; rows: number; histograms: Record<ScoreField, Float64Array>; reason: SuppressionReason | null };
  const drafts: Draft[] = ordered.map((stage) => {
    const histograms = { nps: new Float64Array(11), csat: new Float64Array(6), ces: new Float64Array(8) };
    let rows = 0;
    for (const value of stage.values) {
      const c = byValue.get(value)!;
      rows += c.rows;
      for (const field of SCORE_FIELDS) histograms[field].forEach((_, i) => (histograms[field][i]! += c.histograms[field][i]!));
    }
    const reason = rows === 0 ? 'no-data' : answered(histograms[metric], metric) < minN ? 'few-answers' : null;
    return { stage, rows, histograms, reason };
  });

  const hide = complementarySuppression(
    drafts.map((d) => ({ n: d.rows, suppressed: d.reason !== null })),
    minN,
  );
  drafts.forEach((d, i) => {
    if (hide[i] && !d.reason) d.reason = 'protects-another';
  });

  const shownDrafts = drafts.filter((d) => !d.reason);
  const pains = new Map(shownDrafts.map((d) => [d, estimateProportion(negatives(d.histograms[metric], metric), answered(d.histograms[metric], metric))!]));
  const totalNegative = shownDrafts.reduce((total, d) => total + pains.get(d)!.count, 0);
  const totalAnswered = shownDrafts.reduce((total, d) => total + pains.get(d)!.n, 0);
  const ranked = [...shownDrafts].sort((a, b) => pains.get(b)!.share - pains.get(a)!.share || drafts.indexOf(a) - drafts.indexOf(b));
  const tests = new Map(
    shownDrafts.flatMap((d) => {
      const pain = pains.get(d)!;
      const test = compareProportions(pain.count, pain.n, totalNegative - pain.count, totalAnswered - pain.n);
      return test ? [[d, test] as const] : [];
    }),
  );
  // Two stages compared each with "the rest" are one comparison seen from both sides: nothing to adjust.
  const rawP = [...tests.values()].map((t) => t.p);
  const adjusted = tests.size === 2 ? rawP : holmAdjust(rawP);
  const pAdjusted = new Map([...tests.keys()].map((d, i) => [d, adjusted[i]!]));

  const stages = drafts.map((draft): JourneyStage => {
    const { stage, histograms, reason } = draft;
    if (reason) return { suppressed: true, reason, name: stage.name, values: stage.values, listed: stage.listed };
    const pain = pains.get(draft)!;
    const test = tests.get(draft);
    const npsN = answered(histograms.nps, 'nps');
    const csatN = answered(histograms.csat, 'csat');
    const restAnswered = totalAnswered - pain.n;
    return {
      suppressed: false,
      name: stage.name,
      values: stage.values,
      listed: stage.listed,
      n: draft.rows,
      nps: npsN >= minN ? estimateNps(countsFromHistogram(histograms.nps)) : null,
      csat: csatN >= minN ? estimateProportion(sum(histograms.csat, 4, 5), csatN) : null,
      ces: estimateCes(histograms.ces, minN),
      pain,
      rank: ranked.indexOf(draft) + 1,
      comparison: test
        ? {
            restShare: (totalNegative - pain.count) / restAnswered,
            z: test.z,
            p: test.p,
            pAdjusted: pAdjusted.get(draft)!,
            worse: pAdjusted.get(draft)! < ALPHA && test.z > 0,
            better: pAdjusted.get(draft)! < ALPHA && test.z < 0,
          }
        : null,
    };
  });
  return { metric, minN, stages };
}

/** What an element asks of a table: the options of {@link journeyMeasures} plus the rows to count. */
export interface JourneyQuery extends StageAggregateOptions {
  readonly metric: PainMetric;
  readonly minN: number;
  /** The `stages` list, in journey order. */
  readonly stages: readonly string[];
}

/**
 * The journey of a table for a query. A `stage` condition in the filter narrows the journey to
 * those stages: the others are left out rather than shown as "not enough answers", which would be
 * false.
 */
export function measureJourney(table: FeedbackTable, query: JourneyQuery): JourneyResult {
  if (!isPainMetric(query.metric)) throw new CxDataError('bad-data', `metric="${query.metric}" is not one of ${PAIN_METRICS.join(', ')}.`, { detail: `metric="${query.metric}"` });
  const counts = aggregateStages(table, query);
  const result = journeyMeasures(counts, { metric: query.metric, minN: query.minN, stages: query.stages });
  const stageConditions = (query.conditions ?? []).filter((c) => c.dimension.trim().toLowerCase() === 'stage');
  if (!stageConditions.length) return result;
  const kept = (stage: JourneyStage) => stageConditions.every((c) => stage.values.some((value) => c.values.includes(value)));
  return { ...result, stages: result.stages.filter(kept) };
}

/** The negative feedback of one stage: what the drill-down's themes and verbatims are drawn from. */
export interface NegativeFeedback {
  /** Comments of negative answers, in row order. */
  readonly comments: string[];
  /** Values of the `theme` column for negative answers, when the data has one; otherwise null. */
  readonly themeValues: string[] | null;
}

export interface NegativeFeedbackOptions extends StageAggregateOptions {
  readonly metric: PainMetric;
  /** The stage's data values (see {@link OrderedStage.values}). */
  readonly values: readonly string[];
  /** Name of a column holding a theme per answer; default `theme`, used only when present. */
  readonly themeColumn?: string;
}

export function negativeFeedback(table: FeedbackTable, options: NegativeFeedbackOptions): NegativeFeedback {
  const stage = requireStage(table);
  const wanted = new Uint8Array(stage.dictionary.length);
  const values = new Set(options.values);
  stage.dictionary.forEach((value, code) => {
    if (code > 0 && values.has(value)) wanted[code] = 1;
  });
  const fromDay = options.fromDay ?? -Infinity;
  const toDay = options.toDay ?? Infinity;
  const conditions = options.conditions?.length ? compileConditions(table, options.conditions) : null;
  const scores = table.scores[options.metric];
  const themeName = (options.themeColumn ?? 'theme').toLowerCase();
  const themeColumn = table.dimensions.some((d) => d.name.toLowerCase() === themeName) ? categoryColumn(table, themeName) : null;
  const negativeUpTo = NEGATIVE_UP_TO[options.metric];
  const isNegativeRow = (row: number) => {
    const score = scores[row]!;
    if (score === MISSING_SCORE || score > negativeUpTo) return false;
    if (!wanted[stage.codes[row]!]) return false;
    const d = table.day[row]!;
    if (d < fromDay || d > toDay) return false;
    return !conditions || rowPasses(conditions, row);
  };

  const comments: string[] = [];
  const commentRows = table.comments.row;
  for (let i = 0; i < commentRows.length; i++) if (isNegativeRow(commentRows[i]!)) comments.push(commentText(table.comments, i));

  let themeValues: string[] | null = null;
  if (themeColumn) {
    themeValues = [];
    for (let row = 0; row < table.rowCount; row++) {
      const code = themeColumn.codes[row]!;
      if (code !== 0 && isNegativeRow(row)) themeValues.push(themeColumn.dictionary[code]!);
    }
  }
  return { comments, themeValues };
}
