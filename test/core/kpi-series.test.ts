import { expect } from '@open-wc/testing';
import { caught } from '../caught.ts';
import { ingestRecords } from '../../src/core/ingest.ts';
import { feedbackSeries, inlineSeries, operationalSeries, windowDays, type PeriodValue, type PeriodWindow } from '../../src/core/kpi-series.ts';
import { createOperationalCsvIngest, type OperationalIngestResult } from '../../src/core/operational.ts';
import type { QualityReport } from '../../src/core/quality.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function csv(text: string, dateColumn = 'date'): OperationalIngestResult {
  const ingest = createOperationalCsvIngest(dateColumn);
  ingest.push(text);
  return ingest.finish();
}

/** Value and n per period: what the sparkline and the table show. */
const shown = (periods: readonly PeriodValue[]) => periods.map((p) => [p.value, p.n]);

const JAN_TO_APR: PeriodWindow = { interval: 'month', starts: [day('2024-01-01'), day('2024-02-01'), day('2024-03-01'), day('2024-04-01')] };
const DEC_TO_APR: PeriodWindow = { interval: 'month', starts: [day('2023-12-01'), ...JAN_TO_APR.starts] };

describe('windowDays', () => {
  it('runs from the first period start to the last day of the last period', () => {
    expect(windowDays(JAN_TO_APR)).to.deep.equal({ fromDay: day('2024-01-01'), toDay: day('2024-04-30') });
  });

  it('ends a quarter on its last day and a week on Sunday', () => {
    expect(windowDays({ interval: 'quarter', starts: [day('2023-10-01'), day('2024-01-01')] })).to.deep.equal({ fromDay: day('2023-10-01'), toDay: day('2024-03-31') });
    expect(windowDays({ interval: 'week', starts: [day('2024-02-19'), day('2024-02-26')] })).to.deep.equal({ fromDay: day('2024-02-19'), toDay: day('2024-03-03') });
  });
});

describe('feedbackSeries', () => {
  /*
   * Tax, by month (NPS / CSAT / CES per row):
   *   Jan: 10/5/7, 9/4/6, 8/3/5, 6/2/2, 3/1/1  → NPS P2 Pa1 D2 = 0 (n 5); CSAT top-2-box 2/5 = 40 %;
   *        CES mean 21/5 = 4.2; CES easy (5–7) 3/5 = 60 %.
   *   Feb: 9/5/4, 9/4/3, 9/1/7, 7/2/5          → NPS P3 Pa1 = 75 (n 4); CSAT 2/4 = 50 %; CES 19/4 = 4.75; easy 2/4 = 50 %.
   *   Mar: 10/5/6, 2/1/1                        → 2 answers: below min-n 3.
   *   Apr: NPS 9 only                           → NPS 1 answer (suppressed); CSAT and CES no answers at all.
   * Benefits, Jan: three rows 10/5/7 (unfiltered Jan NPS: P5 Pa1 D2 of 8 = 37.5; CSAT 5/8 = 62.5 %).
   * Tax rows on 2023-12-31 and 2024-05-01 fall outside the window.
   */
  const { table } = ingestRecords(
    [
      { date: '2024-01-02', nps: 10, csat: 5, ces: 7, department: 'Tax' },
      { date: '2024-01-10', nps: 9, csat: 4, ces: 6, department: 'Tax' },
      { date: '2024-01-15', nps: 8, csat: 3, ces: 5, department: 'Tax' },
      { date: '2024-01-20', nps: 6, csat: 2, ces: 2, department: 'Tax' },
      { date: '2024-01-31', nps: 3, csat: 1, ces: 1, department: 'Tax' },
      { date: '2024-01-05', nps: 10, csat: 5, ces: 7, department: 'Benefits' },
      { date: '2024-01-06', nps: 10, csat: 5, ces: 7, department: 'Benefits' },
      { date: '2024-01-07', nps: 10, csat: 5, ces: 7, department: 'Benefits' },
      { date: '2024-02-01', nps: 9, csat: 5, ces: 4, department: 'Tax' },
      { date: '2024-02-14', nps: 9, csat: 4, ces: 3, department: 'Tax' },
      { date: '2024-02-28', nps: 9, csat: 1, ces: 7, department: 'Tax' },
      { date: '2024-02-29', nps: 7, csat: 2, ces: 5, department: 'Tax' },
      { date: '2024-03-01', nps: 10, csat: 5, ces: 6, department: 'Tax' },
      { date: '2024-03-31', nps: 2, csat: 1, ces: 1, department: 'Tax' },
      { date: '2024-04-10', nps: 9, department: 'Tax' },
      { date: '2023-12-31', nps: 0, csat: 1, ces: 1, department: 'Tax' },
      { date: '2024-05-01', nps: 0, csat: 1, ces: 1, department: 'Tax' },
    ],
    {},
  );
  const TAX = 'department:Tax';

  it('gives NPS per month over the filtered rows with its counts as the basis for a change test', () => {
    const [jan, feb] = feedbackSeries(table, 'nps', TAX, JAN_TO_APR, 3);
    expect(jan).to.deep.include({ periodStart: day('2024-01-01'), value: 0, n: 5, suppressed: false, basis: { kind: 'nps', promoters: 2, passives: 1, detractors: 2 } });
    expect(feb).to.deep.include({ periodStart: day('2024-02-01'), value: 75, n: 4, suppressed: false, basis: { kind: 'nps', promoters: 3, passives: 1, detractors: 0 } });
  });

  it('gives the adjusted-Wald interval: P2 D2 of 5 → n′ 8, p± 2.75/8, var 0.6875, ±1.96·√(0.6875/8) = ±57.458', () => {
    const [jan] = feedbackSeries(table, 'nps', TAX, JAN_TO_APR, 3);
    expect(jan!.lower).to.be.closeTo(-57.4576, 1e-3);
    expect(jan!.upper).to.be.closeTo(57.4576, 1e-3);
  });

  it('suppresses a period below min-n with no value and n 0, and shows a period without answers as no data', () => {
    const [, , mar, apr] = feedbackSeries(table, 'nps', TAX, JAN_TO_APR, 3);
    expect(mar).to.deep.equal({ periodStart: day('2024-03-01'), value: null, n: 0, suppressed: true });
    expect(apr).to.deep.equal({ periodStart: day('2024-04-01'), value: null, n: 0, suppressed: true });
    const csat = feedbackSeries(table, 'csat', TAX, JAN_TO_APR, 3);
    expect(csat[3]).to.deep.equal({ periodStart: day('2024-04-01'), value: null, n: 0, suppressed: false });
  });

  it('shows a small period once min-n allows it: March at min-n 1 is P1 D1 of 2 = 0', () => {
    const [, , mar] = feedbackSeries(table, 'nps', TAX, JAN_TO_APR, 1);
    expect(mar).to.deep.include({ value: 0, n: 2, suppressed: false });
  });

  it('counts every department without a filter: January NPS is P5 Pa1 D2 of 8 = 37.5', () => {
    const [jan] = feedbackSeries(table, 'nps', null, JAN_TO_APR, 3);
    expect(jan).to.deep.include({ value: 37.5, n: 8 });
  });

  it('takes the filter as an object as well as in attribute form', () => {
    const fromObject = feedbackSeries(table, 'nps', { segment: { department: 'Tax' } }, JAN_TO_APR, 3);
    expect(shown(fromObject)).to.deep.equal([
      [0, 5],
      [75, 4],
      [null, 0],
      [null, 0],
    ]);
  });

  it('narrows to a filter’s date range inside the window: from 15 January leaves 8, 6, 3 → P0 Pa1 D2 = −66.7', () => {
    const [jan, feb] = feedbackSeries(table, 'nps', { from: '2024-01-15', segment: { department: 'Tax' } }, JAN_TO_APR, 3);
    expect(jan!.value).to.be.closeTo(-200 / 3, 1e-9);
    expect(jan!.n).to.equal(3);
    expect(feb!.value).to.equal(75);
  });

  it('gives CSAT as the top-2-box share in %, with the Wilson interval and a share basis', () => {
    const [jan, feb] = feedbackSeries(table, 'csat', TAX, JAN_TO_APR, 3);
    // Wilson 2/5: centre (0.4 + 1.9208/5)/1.76832 = 0.44339, half-width 0.32583 → 11.762 … 76.928 %
    expect(jan).to.deep.include({ value: 40, n: 5, basis: { kind: 'share', count: 2, n: 5 } });
    expect(jan!.lower).to.be.closeTo(11.762, 1e-3);
    expect(jan!.upper).to.be.closeTo(76.928, 1e-3);
    expect(feb).to.deep.include({ value: 50, n: 4, basis: { kind: 'share', count: 2, n: 4 } });
    const [all] = feedbackSeries(table, 'csat', null, JAN_TO_APR, 3);
    expect(all).to.deep.include({ value: 62.5, n: 8 });
  });

  it('gives CES as the mean score with no basis for a significance test', () => {
    const [jan, feb] = feedbackSeries(table, 'ces', TAX, JAN_TO_APR, 3);
    expect(jan!.value).to.be.closeTo(4.2, 1e-12);
    expect(jan!.n).to.equal(5);
    expect(jan!.basis).to.equal(undefined);
    expect(feb!.value).to.equal(4.75);
  });

  it('gives CES easy as the share of answers 5 to 7, in %', () => {
    const [jan, feb, mar] = feedbackSeries(table, 'ces-easy', TAX, JAN_TO_APR, 3);
    expect(jan).to.deep.include({ value: 60, n: 5, basis: { kind: 'share', count: 3, n: 5 } });
    expect(feb).to.deep.include({ value: 50, n: 4, basis: { kind: 'share', count: 2, n: 4 } });
    expect(mar!.suppressed).to.equal(true);
  });

  it('leaves out rows before and after the window', () => {
    const widened: PeriodWindow = { interval: 'month', starts: [day('2023-12-01'), ...JAN_TO_APR.starts, day('2024-05-01')] };
    const periods = feedbackSeries(table, 'nps', TAX, widened, 1);
    expect(shown(periods)[0]).to.deep.equal([-100, 1]);
    expect(shown(periods)[5]).to.deep.equal([-100, 1]);
    expect(shown(feedbackSeries(table, 'nps', TAX, JAN_TO_APR, 1))[0]).to.deep.equal([0, 5]);
  });

  it('throws a CxDataError naming a filter column the data does not have', () => {
    const error = caught(() => feedbackSeries(table, 'nps', 'region:North', JAN_TO_APR, 3));
    expect(Object.values(error.params)).to.include('region');
  });
});

describe('operationalSeries: mean, median, p90, sum and count', () => {
  /*
   * January: 4 1 9 7 3 12 5 8 2 10 (10 rows). Sorted 1 2 3 4 5 7 8 9 10 12; sum 61, mean 6.1.
   * R-7 (Excel PERCENTILE.INC): h = (n − 1)·p on 0-based ranks.
   *   median: h = 4.5 → x4 + 0.5·(x5 − x4) = 5 + 0.5·2 = 6
   *   p90:    h = 8.1 → x8 + 0.1·(x9 − x8) = 10 + 0.1·2 = 10.2
   *   (R-6 would give 11.8 and nearest-rank 10, so the method is pinned.)
   * February: nothing. March: 20 30 40 (3 rows): sum 90, mean 30; p90 h = 1.8 → 30 + 0.8·10 = 38.
   * Window December 2023 … April 2024, so December is before the data and April after it.
   */
  const january = [4, 1, 9, 7, 3, 12, 5, 8, 2, 10];
  const file = csv(
    [
      'date,wait_min',
      ...january.map((wait, i) => `2024-01-${String(i + 2).padStart(2, '0')},${wait}`),
      '2024-03-05,20',
      '2024-03-10,30',
      '2024-03-15,40',
    ].join('\n'),
  );
  const measure = (aggregation: 'mean' | 'median' | 'p90' | 'sum' | 'count', minN: number, value: string | null = 'wait_min', emptyPeriods: 'zero' | 'no-data' = 'no-data') =>
    operationalSeries(file.table, file.quality, { aggregation, value, numerator: null, denominator: null, emptyPeriods }, DEC_TO_APR, minN).periods;

  it('gives the mean per month', () => {
    const [, jan] = measure('mean', 5);
    expect(jan).to.deep.equal({ periodStart: day('2024-01-01'), value: 6.1, n: 10, suppressed: false });
  });

  it('gives the median by linear interpolation between the middle ranks', () => {
    expect(measure('median', 5)[1]).to.deep.include({ value: 6, n: 10 });
  });

  it('gives the 90th percentile by R-7 interpolation (Excel PERCENTILE.INC)', () => {
    const [, jan, , mar] = measure('p90', 3);
    expect(jan!.value).to.be.closeTo(10.2, 1e-9);
    expect(mar!.value).to.be.closeTo(38, 1e-9);
  });

  it('suppresses a mean, median or p90 resting on fewer than min-n rows, with value null and n 0', () => {
    for (const aggregation of ['mean', 'median', 'p90'] as const) {
      expect(measure(aggregation, 5)[3], aggregation).to.deep.equal({ periodStart: day('2024-03-01'), value: null, n: 0, suppressed: true });
      expect(measure(aggregation, 3)[3]!.suppressed, aggregation).to.equal(false);
    }
  });

  it('shows a month without rows as no data for a mean, inside the data’s span or not', () => {
    expect(shown(measure('mean', 3))).to.deep.equal([
      [null, 0],
      [6.1, 10],
      [null, 0],
      [30, 3],
      [null, 0],
    ]);
  });

  it('gives a sum for each month with rows, no data for a month without, and never suppresses it', () => {
    const periods = measure('sum', 5);
    expect(shown(periods)).to.deep.equal([
      [null, 0],
      [61, 10],
      [null, 0],
      [90, 3],
      [null, 0],
    ]);
    expect(periods.map((p) => p.suppressed)).to.deep.equal([false, false, false, false, false]);
  });

  it('gives 0 for every month without rows when the source is a complete log of events (emptyPeriods: zero)', () => {
    expect(shown(measure('sum', 5, 'wait_min', 'zero'))).to.deep.equal([
      [0, 0],
      [61, 10],
      [0, 0],
      [90, 3],
      [0, 0],
    ]);
  });

  it('counts rows per month the same way, not suppressed below min-n', () => {
    expect(shown(measure('count', 5))).to.deep.equal([
      [null, 0],
      [10, 10],
      [null, 0],
      [3, 3],
      [null, 0],
    ]);
    expect(shown(measure('count', 5, 'wait_min', 'zero')).map(([value]) => value)).to.deep.equal([0, 10, 0, 3, 0]);
  });

  it('counts every dated row when a count names no value column', () => {
    expect(shown(measure('count', 5, null)).map(([value]) => value)).to.deep.equal([null, 10, null, 3, null]);
  });

  it('sums per ISO week, a Sunday belonging to the week before the Monday', () => {
    const weekly = csv('date,outage_min\n2024-01-07,15\n2024-01-08,40\n2024-01-14,5\n');
    const window: PeriodWindow = { interval: 'week', starts: [day('2024-01-01'), day('2024-01-08'), day('2024-01-15')] };
    const { periods } = operationalSeries(weekly.table, weekly.quality, { aggregation: 'sum', value: 'outage_min', numerator: null, denominator: null }, window, 5);
    expect(shown(periods)).to.deep.equal([
      [15, 1],
      [45, 2],
      [null, 0],
    ]);
  });

  it('reads decimal commas from a semicolon file', () => {
    const dutch = csv('datum;wachttijd\n2024-01-02;12,5\n2024-01-03;7,5\n2024-01-04;4,25', 'datum');
    const { periods } = operationalSeries(dutch.table, dutch.quality, { aggregation: 'sum', value: 'wachttijd', numerator: null, denominator: null }, JAN_TO_APR, 1);
    expect(periods[0]!.value).to.equal(24.25);
  });

  it('gives no data in every period, even for a sum, from a file with no rows', () => {
    const empty = csv('date,outage_min\n');
    const { periods } = operationalSeries(empty.table, empty.quality, { aggregation: 'sum', value: 'outage_min', numerator: null, denominator: null }, JAN_TO_APR, 1);
    expect(shown(periods)).to.deep.equal([
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
  });

  // March's only row has a blank outage cell (rejected as missing-value in this KPI's report): no data, not "0 minutes".
  it('gives no data, not 0, for a sum over a month whose only rows lack this KPI’s value', () => {
    const outages = csv('date,outage_min,calls\n2024-01-10,30,5\n2024-02-10,20,6\n2024-03-10,,7\n');
    const { periods, quality } = operationalSeries(outages.table, outages.quality, { aggregation: 'sum', value: 'outage_min', numerator: null, denominator: null }, JAN_TO_APR, 1);
    expect(quality.reasons).to.deep.equal([{ reason: 'missing-value', column: 'outage_min', count: 1, lines: [4] }]);
    expect(shown(periods)).to.deep.equal([
      [30, 1],
      [20, 1],
      [null, 0],
      [null, 0],
    ]);
  });

  it('throws missing-source-column naming a value column the file does not have', () => {
    const error = caught(() => operationalSeries(file.table, file.quality, { aggregation: 'mean', value: 'wait_minutes', numerator: null, denominator: null }, DEC_TO_APR, 1));
    expect(error.code).to.equal('missing-source-column');
    expect(error.params.field).to.equal('wait_minutes');
  });
});

describe('operationalSeries: rates', () => {
  /*
   * January: 1 of 1 accepted on the 3rd, 1 of 9 on the 17th → 2/10 = 20 %. The mean of the daily
   * rates would be (100 + 11.1)/2 = 55.6 %: a rate is the sum of numerators over the sum of denominators.
   * February: 15/20 and 5/20 → 20/40 = 50 %. March: 3/3, a denominator of 3 below min-n 5. April: nothing.
   */
  const file = csv(['date,submitted,accepted', '2024-01-03,1,1', '2024-01-17,9,1', '2024-02-05,20,15', '2024-02-20,20,5', '2024-03-10,3,3'].join('\n'));
  const rate = (minN: number) => operationalSeries(file.table, file.quality, { aggregation: 'rate', value: null, numerator: 'accepted', denominator: 'submitted' }, JAN_TO_APR, minN).periods;

  it('divides the summed numerator by the summed denominator, not the mean of daily rates', () => {
    const [jan, feb] = rate(5);
    expect(jan!.value).to.be.closeTo(20, 1e-9);
    expect(jan!.value).not.to.be.closeTo(55.56, 1);
    expect(feb!.value).to.be.closeTo(50, 1e-9);
  });

  it('counts the denominator as n and gives whole-number rates a Wilson interval and a share basis', () => {
    const [jan, feb] = rate(5);
    // Wilson 2/10: centre 0.39208/1.38416 = 0.28326, half-width 1.41602·√0.025604 = 0.22658 → 5.668 … 50.984 %
    expect(jan).to.deep.include({ n: 10, suppressed: false, basis: { kind: 'share', count: 2, n: 10 } });
    expect(jan!.lower).to.be.closeTo(5.668, 1e-3);
    expect(jan!.upper).to.be.closeTo(50.984, 1e-3);
    expect(feb).to.deep.include({ n: 40, basis: { kind: 'share', count: 20, n: 40 } });
  });

  it('suppresses a period whose denominator is below min-n, and gives no data for an empty one', () => {
    const [, , mar, apr] = rate(5);
    expect(mar).to.deep.equal({ periodStart: day('2024-03-01'), value: null, n: 0, suppressed: true });
    expect(apr).to.deep.equal({ periodStart: day('2024-04-01'), value: null, n: 0, suppressed: false });
    expect(rate(3)[2]).to.deep.include({ value: 100, n: 3, suppressed: false });
  });

  it('gives a rate of fractional sums as a plain percentage with neither interval nor basis', () => {
    // 7.5 + 2.5 paid of 10 + 10 worked hours = 10/20 = 50 %.
    const hours = csv('date,paid_h,worked_h\n2024-01-08,7.5,10\n2024-01-09,2.5,10');
    const { periods } = operationalSeries(hours.table, hours.quality, { aggregation: 'rate', value: null, numerator: 'paid_h', denominator: 'worked_h' }, JAN_TO_APR, 5);
    expect(periods[0]).to.deep.equal({ periodStart: day('2024-01-01'), value: 50, n: 20, suppressed: false });
  });

  it('gives a rate above 100 % without an interval rather than failing', () => {
    const over = csv('date,done,planned\n2024-01-08,12,10');
    const { periods } = operationalSeries(over.table, over.quality, { aggregation: 'rate', value: null, numerator: 'done', denominator: 'planned' }, JAN_TO_APR, 5);
    expect(periods[0]).to.deep.equal({ periodStart: day('2024-01-01'), value: 120, n: 10, suppressed: false });
  });

  it('throws missing-source-column naming a denominator column the file does not have', () => {
    const error = caught(() => operationalSeries(file.table, file.quality, { aggregation: 'rate', value: null, numerator: 'accepted', denominator: 'received' }, JAN_TO_APR, 5));
    expect(error.code).to.equal('missing-source-column');
    expect(error.params.field).to.equal('received');
  });
});

describe('operationalSeries: each KPI’s quality report', () => {
  /*
   * Line 2 fine; 3 wait empty; 4 wait "abc"; 5 accepted "x"; 6 submitted empty; 7 no date (the file
   * rejects it); 8 fine. The wait KPI loses lines 3 and 4, the acceptance rate lines 5 and 6, and each
   * keeps the rows the other loses.
   */
  const file = csv(
    [
      'date,wait_min,submitted,accepted',
      '2024-01-02,10,5,4',
      '2024-01-03,,6,3',
      '2024-01-04,abc,4,4',
      '2024-01-05,20,7,x',
      '2024-01-06,30,,0',
      'not-a-date,5,1,1',
      '2024-01-08,40,2,1',
    ].join('\n'),
  );
  const JANUARY: PeriodWindow = { interval: 'month', starts: [day('2024-01-01')] };
  const balances = (quality: QualityReport) => quality.accepted + quality.rejected + quality.duplicates === quality.totalRows;

  it('starts from the file’s own report: 7 rows, 6 dated, 1 rejected', () => {
    expect(file.quality).to.include({ totalRows: 7, accepted: 6, rejected: 1 });
  });

  it('rejects the rows whose value cell is empty or not a number for a KPI reading that column, naming it', () => {
    const { periods, quality } = operationalSeries(file.table, file.quality, { aggregation: 'mean', value: 'wait_min', numerator: null, denominator: null }, JANUARY, 1);
    // Lines 2, 5, 6, 8: (10 + 20 + 30 + 40) / 4 = 25.
    expect(shown(periods)).to.deep.equal([[25, 4]]);
    expect(quality).to.include({ totalRows: 7, accepted: 4, rejected: 3 });
    expect(quality.reasons).to.deep.equal([
      { reason: 'invalid-date', count: 1, lines: [7] },
      { reason: 'missing-value', column: 'wait_min', count: 1, lines: [3] },
      { reason: 'value-not-number', column: 'wait_min', count: 1, lines: [4] },
    ]);
    expect(balances(quality)).to.equal(true);
  });

  it('keeps those rows for a KPI reading other columns, and rejects its own', () => {
    const { periods, quality } = operationalSeries(file.table, file.quality, { aggregation: 'rate', value: null, numerator: 'accepted', denominator: 'submitted' }, JANUARY, 1);
    // Lines 2, 3, 4, 8: (4 + 3 + 4 + 1) / (5 + 6 + 4 + 2) = 12/17.
    expect(periods[0]!.value).to.be.closeTo((12 / 17) * 100, 1e-9);
    expect(periods[0]!.n).to.equal(17);
    expect(quality).to.include({ totalRows: 7, accepted: 4, rejected: 3 });
    expect(quality.reasons).to.deep.equal([
      { reason: 'invalid-date', count: 1, lines: [7] },
      { reason: 'missing-value', column: 'submitted', count: 1, lines: [6] },
      { reason: 'value-not-number', column: 'accepted', count: 1, lines: [5] },
    ]);
    expect(balances(quality)).to.equal(true);
  });

  it('rejects nothing more than the file did for a count that reads no column', () => {
    const { periods, quality } = operationalSeries(file.table, file.quality, { aggregation: 'count', value: null, numerator: null, denominator: null }, JANUARY, 1);
    expect(shown(periods)).to.deep.equal([[6, 6]]);
    expect(quality).to.include({ totalRows: 7, accepted: 6, rejected: 1 });
  });

  it('counts bad cells outside the window too, since the report is about the whole file', () => {
    const { quality } = operationalSeries(file.table, file.quality, { aggregation: 'mean', value: 'wait_min', numerator: null, denominator: null }, { interval: 'month', starts: [day('2024-06-01')] }, 1);
    expect(quality).to.include({ totalRows: 7, accepted: 4, rejected: 3 });
  });

  it('leaves the file’s report untouched for the next KPI', () => {
    operationalSeries(file.table, file.quality, { aggregation: 'mean', value: 'wait_min', numerator: null, denominator: null }, JANUARY, 1);
    expect(file.quality).to.include({ totalRows: 7, accepted: 6, rejected: 1 });
    expect(file.quality.reasons).to.have.length(1);
  });
});

describe('inlineSeries', () => {
  /*
   * Entries 1, 2 (January 10 and 20), 8 (March 30) and 9 (June 2023, before the window) are good;
   * 3 has a text value, 4 none, 5 month 13, 6 an ambiguous day-month order, 7 no date at all.
   */
  const VALUES: Array<{ date: unknown; value: unknown }> = [
    { date: '2024-01-15', value: 10 },
    { date: '2024-01-20', value: 20 },
    { date: '2024-02-10', value: '12' },
    { date: '2024-02-11', value: null },
    { date: '2024-13-01', value: 5 },
    { date: '01/02/2024', value: 5 },
    { date: undefined, value: 7 },
    { date: '2024-03-05', value: 30 },
    { date: '2023-06-01', value: 99 },
  ];

  it('aggregates the good entries per period: January mean (10 + 20)/2 = 15, March 30', () => {
    const { periods } = inlineSeries(VALUES, 'mean', JAN_TO_APR, 5);
    expect(shown(periods)).to.deep.equal([
      [15, 2],
      [null, 0],
      [30, 1],
      [null, 0],
    ]);
  });

  it('never suppresses written values, whatever min-n is: each entry is an aggregate already', () => {
    const { periods } = inlineSeries(VALUES, 'mean', JAN_TO_APR, 10);
    expect(periods.map((p) => p.suppressed)).to.deep.equal([false, false, false, false]);
    expect(periods[2]!.value).to.equal(30);
  });

  it('counts each bad entry in its quality report by entry number, and the books balance', () => {
    const { quality } = inlineSeries(VALUES, 'mean', JAN_TO_APR, 5);
    expect(quality).to.include({ totalRows: 9, accepted: 4, rejected: 5 });
    expect(quality.reasons).to.have.deep.members([
      { reason: 'value-not-number', column: 'value', count: 1, lines: [3] },
      { reason: 'missing-value', column: 'value', count: 1, lines: [4] },
      { reason: 'invalid-date', count: 1, lines: [5] },
      { reason: 'ambiguous-date', count: 1, lines: [6] },
      { reason: 'missing-date', count: 1, lines: [7] },
    ]);
  });

  it('sums to no data in a month without entries, unless the series says emptyPeriods: zero', () => {
    expect(shown(inlineSeries(VALUES, 'sum', JAN_TO_APR, 5).periods)).to.deep.equal([
      [30, 2],
      [null, 0],
      [30, 1],
      [null, 0],
    ]);
    expect(shown(inlineSeries(VALUES, 'sum', JAN_TO_APR, 5, 'zero').periods)).to.deep.equal([
      [30, 2],
      [0, 0],
      [30, 1],
      [0, 0],
    ]);
  });

  it('gives median and p90 of written values: 1 2 3 4 → median 2.5, p90 at h = 2.7 → 3.7', () => {
    const values = [4, 1, 3, 2].map((value, i) => ({ date: `2024-01-0${i + 1}`, value }));
    expect(inlineSeries(values, 'median', JAN_TO_APR, 5).periods[0]!.value).to.equal(2.5);
    expect(inlineSeries(values, 'p90', JAN_TO_APR, 5).periods[0]!.value).to.be.closeTo(3.7, 1e-9);
    expect(inlineSeries(values, 'count', JAN_TO_APR, 5).periods[0]!.value).to.equal(4);
  });

  it('accepts a Date or epoch milliseconds as the date, and rejects NaN and Infinity as values', () => {
    const { periods, quality } = inlineSeries(
      [
        { date: new Date(Date.UTC(2024, 1, 3)), value: 6 },
        { date: Date.UTC(2024, 1, 4), value: 8 },
        { date: '2024-02-05', value: NaN },
        { date: '2024-02-06', value: Infinity },
      ],
      'mean',
      JAN_TO_APR,
      1,
    );
    expect(shown(periods)[1]).to.deep.equal([7, 2]);
    expect(quality.reasons).to.deep.equal([{ reason: 'value-not-number', column: 'value', count: 2, lines: [3, 4] }]);
  });

  it('gives no data everywhere, even for a sum, when no entry is usable', () => {
    const { periods, quality } = inlineSeries([{ date: 'soon', value: 3 }], 'sum', JAN_TO_APR, 1);
    expect(shown(periods)).to.deep.equal([
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
    expect(quality).to.include({ totalRows: 1, accepted: 0, rejected: 1 });
  });
});
