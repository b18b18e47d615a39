/**
 * A KPI's value per period, from each kind of source: feedback rows (NPS, CSAT top-2-box, CES mean
 * or % easy), operational rows (mean, median, 90th percentile, sum, count, or a rate of two sums) and
 * values written in the definition. One pass over the rows per KPI, counting into typed arrays.
 *
 * Small groups are suppressed like everywhere else: a period whose value rests on fewer than `minN`
 * answers (feedback), rows (mean, median, p90) or denominator units (rate) carries no value and no
 * count. Sums and counts of events (outage minutes, applications) describe no one and are shown.
 */
import { quantileSorted } from 'd3-array';
import { dayFromDate, parseDateToDay } from './dates.ts';
import { CxDataError } from './errors.ts';
import { categoryColumn, compileConditions, rowPasses, toRowFilter, type ColumnCondition } from './filter.ts';
import { estimateCes } from './journey.ts';
import { countsFromHistogram, estimateNps } from './nps.ts';
import { CELL_EMPTY, CELL_OK, numericColumn, type NumericColumn, type OperationalTable } from './operational.ts';
import { densePeriodIndex, offsetPeriod, type IntervalName } from './periods.ts';
import { estimateProportion } from './proportions.ts';
import { createQualityReport, finishQualityReport, recordRejection, type QualityReport } from './quality.ts';
import type { Aggregation, EmptyPeriods, FeedbackMetric } from './scorecard-model.ts';
import { SCORE_SCALES } from './schema.ts';
import type { FeedbackTable } from './table.ts';

/** The periods a scorecard shows: `starts[i]` is the first day of period i, oldest first. */
export interface PeriodWindow {
  readonly interval: IntervalName;
  readonly starts: readonly number[];
}

/** What a significance test of the change needs; only present on shown periods. */
export type ChangeBasis =
  | { readonly kind: 'nps'; readonly promoters: number; readonly passives: number; readonly detractors: number }
  | { readonly kind: 'share'; readonly count: number; readonly n: number };

export interface PeriodValue {
  readonly periodStart: number;
  /** Null when the period has no data or is suppressed. */
  readonly value: number | null;
  /** Answers, rows or denominator units behind the value; 0 when suppressed (it must not leak). */
  readonly n: number;
  readonly suppressed: boolean;
  /** 95 % interval, for the metrics that have one. */
  readonly lower?: number;
  readonly upper?: number;
  readonly basis?: ChangeBasis;
}

export function windowDays(window: PeriodWindow): { fromDay: number; toDay: number } {
  const last = window.starts[window.starts.length - 1]!;
  return { fromDay: window.starts[0]!, toDay: offsetPeriod(last, window.interval, 1) - 1 };
}

/** Day → index into `window.starts`, or −1 outside the window. */
function periodLookup(window: PeriodWindow): (day: number) => number {
  const { fromDay, toDay } = windowDays(window);
  const { indexOfDay } = densePeriodIndex(fromDay, toDay, window.interval);
  return (day) => (day < fromDay || day > toDay ? -1 : indexOfDay[day - fromDay]!);
}

const noData = (periodStart: number): PeriodValue => ({ periodStart, value: null, n: 0, suppressed: false });
const suppressed = (periodStart: number): PeriodValue => ({ periodStart, value: null, n: 0, suppressed: true });

/** The score field whose answers a feedback metric counts (its `n`). */
export const SCORE_FIELD: Readonly<Record<FeedbackMetric, 'nps' | 'csat' | 'ces'>> = { nps: 'nps', csat: 'csat', ces: 'ces', 'ces-easy': 'ces' };

function feedbackValue(metric: FeedbackMetric, histogram: Float64Array, periodStart: number): PeriodValue {
  switch (metric) {
    case 'nps': {
      const counts = countsFromHistogram(histogram);
      const estimate = estimateNps(counts)!;
      return { periodStart, value: estimate.nps, n: estimate.n, suppressed: false, lower: estimate.lower, upper: estimate.upper, basis: { kind: 'nps', ...counts } };
    }
    case 'csat': {
      let n = 0;
      for (let score = 1; score <= 5; score++) n += histogram[score]!;
      const estimate = estimateProportion(histogram[4]! + histogram[5]!, n)!;
      return share(periodStart, estimate.count, n, estimate.share, estimate.lower, estimate.upper);
    }
    case 'ces': {
      const estimate = estimateCes(histogram, 1)!;
      return { periodStart, value: estimate.mean, n: estimate.n, suppressed: false, lower: estimate.lower, upper: estimate.upper };
    }
    case 'ces-easy': {
      const { easy } = estimateCes(histogram, 1)!;
      return share(periodStart, easy.count, easy.n, easy.share, easy.lower, easy.upper);
    }
  }
}

function share(periodStart: number, count: number, n: number, fraction: number, lower: number, upper: number): PeriodValue {
  return { periodStart, value: fraction * 100, n, suppressed: false, lower: lower * 100, upper: upper * 100, basis: { kind: 'share', count, n } };
}

/**
 * A KPI's filter names values its data must have: "department:tax" for "Tax" would otherwise give a
 * scorecard of empty periods that looks like a quiet month, not like a typo.
 */
function requireKnownValues(table: FeedbackTable, conditions: readonly ColumnCondition[]): void {
  for (const { dimension, values } of conditions) {
    const known = new Set(categoryColumn(table, dimension).dictionary);
    const unknown = values.find((value) => !known.has(value));
    if (unknown !== undefined) {
      throw new CxDataError('unknown-value', `No row has ${dimension} “${unknown}”.`, { field: dimension, value: unknown });
    }
  }
}

/**
 * A feedback metric per period over the rows that pass `filter` (a {@link CxFilter} or its attribute
 * text). An unknown filter column is a `missing-column` error naming it.
 */
export function feedbackSeries(
  table: FeedbackTable,
  metric: FeedbackMetric,
  filter: Parameters<typeof toRowFilter>[0],
  window: PeriodWindow,
  minN: number,
  /** Filled with every period's answers, suppressed ones too: for complementary suppression in the worker, never for the page. */
  answers?: number[],
): PeriodValue[] {
  const field = SCORE_FIELD[metric];
  const { max } = SCORE_SCALES[field];
  const rowFilter = toRowFilter(filter);
  requireKnownValues(table, rowFilter.conditions);
  const conditions = rowFilter.conditions.length ? compileConditions(table, rowFilter.conditions) : null;
  const { fromDay, toDay } = windowDays(window);
  const from = Math.max(fromDay, rowFilter.fromDay ?? fromDay);
  const to = Math.min(toDay, rowFilter.toDay ?? toDay);
  const periodOf = periodLookup(window);
  const width = max + 1;
  const counts = new Float64Array(window.starts.length * width);
  const scores = table.scores[field];
  const { day } = table;
  for (let row = 0; row < table.rowCount; row++) {
    const score = scores[row]!;
    if (score < 0) continue;
    const d = day[row]!;
    if (d < from || d > to) continue;
    if (conditions && !rowPasses(conditions, row)) continue;
    counts[periodOf(d) * width + score]!++;
  }
  return window.starts.map((periodStart, period) => {
    const histogram = counts.subarray(period * width, (period + 1) * width);
    let n = 0;
    for (let score = 0; score < width; score++) n += histogram[score]!;
    if (answers) answers[period] = n;
    if (n === 0) return noData(periodStart);
    if (n < minN) return suppressed(periodStart);
    return feedbackValue(metric, histogram, periodStart);
  });
}

/** Values per period → one number per period, by `aggregation` (not `rate`). */
function aggregateValues(values: number[], aggregation: Exclude<Aggregation, 'rate'>): number {
  switch (aggregation) {
    case 'count':
      return values.length;
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'mean':
      return values.reduce((total, value) => total + value, 0) / values.length;
    case 'median':
    case 'p90':
      // R-7 / Excel PERCENTILE.INC: linear interpolation between the two nearest ranks.
      return quantileSorted(values.sort((a, b) => a - b), aggregation === 'median' ? 0.5 : 0.9)!;
  }
}

/** Sums and counts describe events, not people: never suppressed. */
const COUNTS_EVENTS = (aggregation: Aggregation) => aggregation === 'sum' || aggregation === 'count';

/**
 * A period without rows is no data, unless the source declares itself a complete log of events
 * (`emptyPeriods: "zero"`, e.g. one row per outage): then a sum or count is 0. Never guessed from
 * the data, since neither a gap in a hand-kept series nor the weeks after the last outage say which.
 */
function valuesToPeriods(perPeriod: number[][], window: PeriodWindow, aggregation: Exclude<Aggregation, 'rate'>, minN: number, zeroWhenEmpty: boolean): PeriodValue[] {
  return window.starts.map((periodStart, period) => {
    const values = perPeriod[period]!;
    if (values.length === 0) return zeroWhenEmpty && COUNTS_EVENTS(aggregation) ? { periodStart, value: 0, n: 0, suppressed: false } : noData(periodStart);
    if (!COUNTS_EVENTS(aggregation) && values.length < minN) return suppressed(periodStart);
    return { periodStart, value: aggregateValues(values, aggregation), n: values.length, suppressed: false };
  });
}

export interface MeasuredSeries {
  readonly periods: PeriodValue[];
  /** Every row of the source accounted for, for this KPI: the file's rejections plus its own cells. */
  readonly quality: QualityReport;
}

/**
 * An operational measure per period. `fileQuality` is the file's own report (rows without a usable
 * date); rows whose cells this measure reads are empty or not numbers are added as rejections here,
 * so each KPI's report balances against the file.
 */
export function operationalSeries(
  table: OperationalTable,
  fileQuality: QualityReport,
  source: { aggregation: Aggregation; value: string | null; numerator: string | null; denominator: string | null; emptyPeriods?: EmptyPeriods },
  window: PeriodWindow,
  minN: number,
): MeasuredSeries {
  const { aggregation } = source;
  const columns: NumericColumn[] =
    aggregation === 'rate'
      ? [numericColumn(table, source.numerator!, 'numerator'), numericColumn(table, source.denominator!, 'denominator')]
      : source.value
        ? [numericColumn(table, source.value, 'value')]
        : [];
  const quality = structuredClone(fileQuality);
  const periodOf = periodLookup(window);
  const perPeriod: number[][] = window.starts.map(() => []);
  const numerators = new Float64Array(window.starts.length);
  const denominators = new Float64Array(window.starts.length);
  const integral = new Uint8Array(window.starts.length).fill(1);
  rows: for (let row = 0; row < table.rowCount; row++) {
    for (const column of columns) {
      const state = column.state[row]!;
      if (state !== CELL_OK) {
        quality.accepted--;
        recordRejection(quality, table.line[row]!, state === CELL_EMPTY ? 'missing-value' : 'value-not-number', undefined, column.name);
        continue rows;
      }
    }
    const period = periodOf(table.day[row]!);
    if (period < 0) continue;
    if (aggregation === 'rate') {
      const numerator = columns[0]!.values[row]!;
      const denominator = columns[1]!.values[row]!;
      numerators[period]! += numerator;
      denominators[period]! += denominator;
      if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) integral[period] = 0;
    } else {
      perPeriod[period]!.push(columns.length ? columns[0]!.values[row]! : 1);
    }
  }
  finishQualityReport(quality);
  if (aggregation !== 'rate') return { periods: valuesToPeriods(perPeriod, window, aggregation, minN, source.emptyPeriods === 'zero'), quality };
  const periods = window.starts.map((periodStart, period): PeriodValue => {
    const numerator = numerators[period]!;
    const denominator = denominators[period]!;
    if (denominator === 0) return noData(periodStart);
    if (denominator < minN) return suppressed(periodStart);
    // Counts of applications get a Wilson interval and a test; a rate of non-integer sums gets neither.
    if (integral[period] && numerator >= 0 && numerator <= denominator) {
      const estimate = estimateProportion(numerator, denominator)!;
      return share(periodStart, numerator, denominator, estimate.share, estimate.lower, estimate.upper);
    }
    return { periodStart, value: (numerator / denominator) * 100, n: denominator, suppressed: false };
  });
  return { periods, quality };
}

/** Values written in the definition, checked like rows: a bad date or value is counted, not fatal. */
export function inlineSeries(
  values: readonly { date: unknown; value: unknown }[],
  aggregation: Exclude<Aggregation, 'rate'>,
  window: PeriodWindow,
  minN: number,
  emptyPeriods: EmptyPeriods = 'no-data',
): MeasuredSeries {
  const quality = createQualityReport();
  const periodOf = periodLookup(window);
  const perPeriod: number[][] = window.starts.map(() => []);
  values.forEach(({ date, value }, index) => {
    const entry = index + 1;
    quality.totalRows++;
    const parsed = typeof date === 'number' || date instanceof Date ? dayFromDate(date) : parseDateToDay(typeof date === 'string' ? date : '');
    if ('error' in parsed) return recordRejection(quality, entry, parsed.error);
    if (value === null || value === undefined || value === '') return recordRejection(quality, entry, 'missing-value', undefined, 'value');
    if (typeof value !== 'number' || !Number.isFinite(value)) return recordRejection(quality, entry, 'value-not-number', undefined, 'value');
    quality.accepted++;
    const period = periodOf(parsed.day);
    if (period >= 0) perPeriod[period]!.push(value);
  });
  finishQualityReport(quality);
  // A series written by hand is an aggregate already; there is no group of people behind one entry.
  return { periods: valuesToPeriods(perPeriod, window, aggregation, Math.min(minN, 1), emptyPeriods === 'zero'), quality };
}
