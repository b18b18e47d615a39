/**
 * What the council reads for each KPI: the current period's value against its SMART target (green,
 * amber, red, or grey when there is nothing honest to compare), the change since the previous period
 * and whether it is more than noise, whether the KPI was reviewed on time, whether its due date has
 * passed unmet, and whether a red KPI has any action agreed. Pure functions of the definition, the
 * per-period values and the as-of date, so the same inputs always give the same page.
 */
import { toErrorInfo, CxDataError, type CxErrorInfo } from './errors.ts';
import { toRowFilter } from './filter.ts';
import { feedbackSeries, inlineSeries, operationalSeries, SCORE_FIELD, type PeriodValue, type PeriodWindow } from './kpi-series.ts';
import { suppressNestedKpis, type NestableSeries } from './kpi-suppression.ts';
import { compareNps } from './nps.ts';
import type { OperationalTable } from './operational.ts';
import { offsetPeriod, periodStartDay, type IntervalName } from './periods.ts';
import { compareProportions } from './proportions.ts';
import type { QualityReport } from './quality.ts';
import { ALPHA } from './series.ts';
import { CADENCE_INTERVAL, type Cadence, type Kpi, type KpiDirection } from './scorecard-model.ts';
import type { FeedbackTable } from './table.ts';

export type KpiStatus = 'green' | 'amber' | 'red' | 'grey';
/** Why a KPI is grey: nothing in the current period, or too few answers to show. */
export type GreyReason = 'no-data' | 'suppressed';

/**
 * Green when the target is met (exactly on it counts), amber within the tolerance band (its edge
 * counts), red beyond it. The comparison allows for floating-point noise (1e-9 of the target), so
 * 0.1 + 0.2 meets a target of 0.3.
 */
export function statusOf(value: number, target: number, band: number, direction: KpiDirection): Exclude<KpiStatus, 'grey'> {
  const epsilon = 1e-9 * Math.max(1, Math.abs(target));
  const shortfall = direction === 'higher-is-better' ? target - value : value - target;
  if (shortfall <= epsilon) return 'green';
  return shortfall <= band + epsilon ? 'amber' : 'red';
}

/**
 * The period the council reviews on `asOfDay`: the last one that ended before that day. A meeting on
 * 23 November reviews October, and so does one on 30 November: that day's figures are still coming in.
 */
export function reviewedPeriodStart(asOfDay: number, interval: IntervalName): number {
  return offsetPeriod(periodStartDay(asOfDay, interval), interval, -1);
}

/** The last `count` periods up to the reviewed one, oldest first. */
export function scorecardWindow(asOfDay: number, cadence: Cadence, count: number): PeriodWindow {
  const interval = CADENCE_INTERVAL[cadence];
  const last = reviewedPeriodStart(asOfDay, interval);
  const starts = Array.from({ length: count }, (_, i) => offsetPeriod(last, interval, i - count + 1));
  return { interval, starts };
}

/** The day the next review falls due: one cadence step (a week, a calendar month, three months) after the last. */
export function nextReviewDay(lastReviewedDay: number, cadence: Cadence): number {
  if (cadence === 'weekly') return lastReviewedDay + 7;
  return lastReviewedDay + daysInSteps(lastReviewedDay, cadence === 'monthly' ? 1 : 3);
}

function daysInSteps(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  // 31 January + 1 month is 28/29 February, not 3 March: clamp to the target month's last day.
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastOfMonth));
  return Math.round(target.getTime() / 86_400_000) - day;
}

export interface KpiChange {
  /** Current − previous, in the KPI's unit (points for %). */
  readonly absolute: number;
  /** (current − previous) / |previous|; null when the previous value is 0. */
  readonly relative: number | null;
  /** Whether the move is in the good direction; null when there is no move. */
  readonly better: boolean | null;
  /** Two-sided p of the change, for NPS and shares; null where no test applies. */
  readonly p: number | null;
  /** p < 0.05. */
  readonly significant: boolean;
}

export function changeBetween(current: PeriodValue, previous: PeriodValue, direction: KpiDirection): KpiChange | null {
  if (current.value === null || previous.value === null) return null;
  const absolute = current.value - previous.value;
  const relative = previous.value === 0 ? null : absolute / Math.abs(previous.value);
  const better = absolute === 0 ? null : (absolute > 0) === (direction === 'higher-is-better');
  let p: number | null = null;
  const a = current.basis;
  const b = previous.basis;
  if (a?.kind === 'nps' && b?.kind === 'nps') p = compareNps(a, b)?.p ?? null;
  else if (a?.kind === 'share' && b?.kind === 'share') p = compareProportions(a.count, a.n, b.count, b.n)?.p ?? null;
  return { absolute, relative, better, p, significant: p !== null && p < ALPHA };
}

export interface KpiFlags {
  /** `lastReviewed` + cadence is before as-of, or the KPI was never reviewed. */
  readonly reviewOverdue: boolean;
  readonly neverReviewed: boolean;
  readonly nextReviewDay: number | null;
  /** The due date has passed and the target is not met (amber or red). */
  readonly dueMissed: boolean;
  /** Red, and no open action. */
  readonly noActionAgreed: boolean;
  readonly noOwner: boolean;
}

export interface ActionCounts {
  readonly open: number;
  /** Open actions past their due date. */
  readonly overdue: number;
  readonly done: number;
}

export interface KpiAssessment {
  readonly id: string;
  readonly status: KpiStatus;
  readonly greyReason: GreyReason | null;
  /** The reviewed period and the one before. */
  readonly current: PeriodValue;
  readonly previous: PeriodValue | null;
  readonly change: KpiChange | null;
  /** The window, oldest first (the sparkline). */
  readonly periods: readonly PeriodValue[];
  readonly flags: KpiFlags;
  readonly actions: ActionCounts;
  /** Row accounting of the KPI's own source (operational file, inline series); null for feedback KPIs. */
  readonly quality: QualityReport | null;
}

/** The action counts on `asOfDay`: they depend on the definition alone, not on any data. */
export function actionCounts(kpi: Kpi, asOfDay: number): ActionCounts {
  const open = kpi.actions.filter((action) => action.status === 'open');
  return {
    open: open.length,
    overdue: open.filter((action) => action.dueDay !== null && action.dueDay < asOfDay).length,
    done: kpi.actions.length - open.length,
  };
}

/**
 * The flags on `asOfDay`. Review, ownership and action flags come from the definition alone, so a KPI
 * whose file failed still shows its overdue review; due-date and no-action flags need a status.
 */
export function kpiFlags(kpi: Kpi, asOfDay: number, status: KpiStatus | null): KpiFlags {
  const nextReview = kpi.lastReviewedDay === null ? null : nextReviewDay(kpi.lastReviewedDay, kpi.cadence);
  return {
    reviewOverdue: nextReview === null || nextReview < asOfDay,
    neverReviewed: kpi.lastReviewedDay === null,
    nextReviewDay: nextReview,
    dueMissed: kpi.dueDay !== null && kpi.dueDay < asOfDay && (status === 'amber' || status === 'red'),
    noActionAgreed: status === 'red' && !kpi.actions.some((action) => action.status === 'open'),
    noOwner: kpi.owner === null,
  };
}

export function assessKpi(kpi: Kpi, periods: readonly PeriodValue[], asOfDay: number, quality: QualityReport | null = null): KpiAssessment {
  const current = periods[periods.length - 1]!;
  const previous = periods.length > 1 ? periods[periods.length - 2]! : null;
  const status: KpiStatus = current.value === null ? 'grey' : statusOf(current.value, kpi.target, kpi.band, kpi.direction);
  const greyReason: GreyReason | null = status !== 'grey' ? null : current.suppressed ? 'suppressed' : 'no-data';
  return {
    id: kpi.id,
    status,
    greyReason,
    current,
    previous,
    change: previous ? changeBetween(current, previous, kpi.direction) : null,
    periods,
    flags: kpiFlags(kpi, asOfDay, status),
    actions: actionCounts(kpi, asOfDay),
    quality,
  };
}

export interface ScorecardSummary {
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  /** No data, suppressed, invalid definition or failed source. */
  readonly grey: number;
  readonly reviewsOverdue: number;
  readonly dueMissed: number;
  readonly noActionAgreed: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly invalid: number;
}

/** What the summary counts of one KPI row: its status, and its flags and actions when its definition could be read. */
export interface SummarizedKpi {
  readonly status: KpiStatus;
  readonly flags: KpiFlags | null;
  readonly actions: ActionCounts | null;
}

/** The counts at the top of the scorecard. `invalid` counts rows with no assessment (bad definition or source). */
export function summarizeScorecard(rows: readonly SummarizedKpi[], invalid: number): ScorecardSummary {
  const count = (test: (row: SummarizedKpi) => boolean) => rows.filter(test).length;
  return {
    green: count((row) => row.status === 'green'),
    amber: count((row) => row.status === 'amber'),
    red: count((row) => row.status === 'red'),
    grey: count((row) => row.status === 'grey'),
    reviewsOverdue: count((row) => row.flags?.reviewOverdue === true),
    dueMissed: count((row) => row.flags?.dueMissed === true),
    noActionAgreed: count((row) => row.flags?.noActionAgreed === true),
    openActions: rows.reduce((total, row) => total + (row.actions?.open ?? 0), 0),
    overdueActions: rows.reduce((total, row) => total + (row.actions?.overdue ?? 0), 0),
    invalid,
  };
}

/** A KPI's assessment, or why it has none (a missing column, a source that did not load …). */
export type KpiOutcome = { readonly id: string; readonly ok: true; readonly assessment: KpiAssessment } | { readonly id: string; readonly ok: false; readonly error: CxErrorInfo };

export interface ScorecardSources {
  /** The feedback rows; throws when there are none (`no-feedback`) or they cannot feed a KPI. */
  feedback(kpi: Kpi): FeedbackTable;
  /** The loaded operational file a KPI reads, or the error its load ended in. */
  operational(kpi: Kpi): { readonly table: OperationalTable; readonly quality: QualityReport };
}

/** For {@link ScorecardSources.feedback} when the page gave no feedback rows. */
export function noFeedback(kpi: Kpi): never {
  throw new CxDataError('no-feedback', `KPI "${kpi.id}" reads feedback, but the scorecard has no feedback data.`, { kpi: kpi.id });
}

/**
 * Measures and assesses every KPI; a failure is that KPI's outcome, never the whole scorecard's.
 * Feedback KPIs whose filters nest get complementary suppression between them
 * ({@link suppressNestedKpis}) before any status or change is worked out, so a hidden period is
 * hidden everywhere.
 */
export function measureKpis(kpis: readonly Kpi[], sources: ScorecardSources, window: PeriodWindow, asOfDay: number, minN: number): KpiOutcome[] {
  type Measured = { readonly periods: readonly PeriodValue[]; readonly quality: QualityReport | null; readonly nestable: NestableSeries | null };
  const measured = kpis.map((kpi): Measured | { error: unknown } => {
    try {
      const { source } = kpi;
      if (source.kind === 'feedback') {
        const answers: number[] = [];
        const periods = feedbackSeries(sources.feedback(kpi), source.metric, source.filter, window, minN, answers);
        return { periods, quality: null, nestable: { field: SCORE_FIELD[source.metric], filter: toRowFilter(source.filter), periods, answers } };
      }
      if (source.kind === 'series') return { ...inlineSeries(source.values, source.aggregation, window, minN, source.emptyPeriods), nestable: null };
      const { table, quality: fileQuality } = sources.operational(kpi);
      return { ...operationalSeries(table, fileQuality, source, window, minN), nestable: null };
    } catch (error) {
      return { error };
    }
  });
  const nestable = measured.flatMap((m) => ('error' in m || !m.nestable ? [] : [m.nestable]));
  const suppressed = suppressNestedKpis(nestable, minN);
  const protectedPeriods = new Map(nestable.map((n, i) => [n, suppressed[i]!] as const));
  return kpis.map((kpi, i): KpiOutcome => {
    const m = measured[i]!;
    if ('error' in m) return { id: kpi.id, ok: false, error: toErrorInfo(m.error) };
    try {
      const periods = m.nestable ? protectedPeriods.get(m.nestable)! : m.periods;
      return { id: kpi.id, ok: true, assessment: assessKpi(kpi, periods, asOfDay, m.quality) };
    } catch (error) {
      return { id: kpi.id, ok: false, error: toErrorInfo(error) };
    }
  });
}
