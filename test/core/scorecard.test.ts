import { expect } from '@open-wc/testing';
import { CxDataError } from '../../src/core/errors.ts';
import { ingestRecords } from '../../src/core/ingest.ts';
import type { PeriodValue } from '../../src/core/kpi-series.ts';
import { createOperationalCsvIngest, type OperationalIngestResult } from '../../src/core/operational.ts';
import {
  assessKpi,
  changeBetween,
  measureKpis,
  nextReviewDay,
  noFeedback,
  reviewedPeriodStart,
  scorecardWindow,
  statusOf,
  summarizeScorecard,
  type KpiAssessment,
} from '../../src/core/scorecard.ts';
import { readScorecardDefinition, type Kpi } from '../../src/core/scorecard-definition.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A valid KPI read through the definition reader, so its band is resolved the way the element resolves it. */
function kpi(overrides: Record<string, unknown> = {}): Kpi {
  const { kpis } = readScorecardDefinition({
    council: { name: 'Council', cadence: 'monthly' },
    kpis: [{ id: 'k', label: 'K', unit: '%', direction: 'higher-is-better', target: 80, tolerance: 5, owner: 'Ops', source: { series: [] }, ...overrides }],
  });
  const entry = kpis[0]!;
  if (!entry.valid) throw new Error(`test KPI is invalid: ${JSON.stringify(entry.problems)}`);
  return entry;
}

function period(periodStart: number, value: number | null, extra: Partial<PeriodValue> = {}): PeriodValue {
  return { periodStart, value, n: value === null ? 0 : 100, suppressed: false, ...extra };
}

const OCT = day('2024-10-01');
const NOV = day('2024-11-01');
/** A two-month series ending on `value`. */
const ending = (value: number | null, extra: Partial<PeriodValue> = {}) => [period(OCT, 70), period(NOV, value, extra)];

describe('statusOf', () => {
  describe('higher is better (target 80, band 5)', () => {
    const cases: Array<[number, string]> = [
      [90, 'green'],
      [80, 'green'],
      [79.99, 'amber'],
      [75, 'amber'],
      [74.99, 'red'],
      [0, 'red'],
    ];
    for (const [value, status] of cases) {
      it(`calls ${value} ${status}`, () => expect(statusOf(value, 80, 5, 'higher-is-better')).to.equal(status));
    }
  });

  describe('lower is better (target 15, band 5)', () => {
    const cases: Array<[number, string]> = [
      [10, 'green'],
      [15, 'green'],
      [15.01, 'amber'],
      [20, 'amber'],
      [20.01, 'red'],
    ];
    for (const [value, status] of cases) {
      it(`calls ${value} ${status}`, () => expect(statusOf(value, 15, 5, 'lower-is-better')).to.equal(status));
    }
  });

  it('goes straight from green to red when there is no tolerance', () => {
    expect(statusOf(80, 80, 0, 'higher-is-better')).to.equal('green');
    expect(statusOf(79.999, 80, 0, 'higher-is-better')).to.equal('red');
    expect(statusOf(15.001, 15, 0, 'lower-is-better')).to.equal('red');
  });

  it('handles a negative target: NPS −10 with band 5 is green at −10, amber at −15, red at −15.1', () => {
    expect(statusOf(-10, -10, 5, 'higher-is-better')).to.equal('green');
    expect(statusOf(-15, -10, 5, 'higher-is-better')).to.equal('amber');
    expect(statusOf(-15.1, -10, 5, 'higher-is-better')).to.equal('red');
  });

  it('does not let floating-point noise miss a target: 0.1 + 0.2 meets 0.3 both ways round', () => {
    expect(0.1 + 0.2 > 0.3).to.equal(true); // the noise is real
    expect(statusOf(0.1 + 0.2, 0.3, 0, 'lower-is-better')).to.equal('green');
    expect(statusOf(0.3, 0.1 + 0.2, 0, 'higher-is-better')).to.equal('green');
  });

  it('does not let floating-point noise push a value off the tolerance edge: 0.1 + 0.2 against 0.1 with band 0.2', () => {
    expect(0.1 + 0.2 - 0.1 > 0.2).to.equal(true);
    expect(statusOf(0.1 + 0.2, 0.1, 0.2, 'lower-is-better')).to.equal('amber');
    expect(statusOf(0.31, 0.1, 0.2, 'lower-is-better')).to.equal('red');
  });

  it('does not excuse a real miss as noise: 79.9999 against 80 is not green', () => {
    expect(statusOf(79.9999, 80, 0, 'higher-is-better')).to.equal('red');
    expect(statusOf(79.9999, 80, 1, 'higher-is-better')).to.equal('amber');
  });
});

describe('assessKpi status against a relative tolerance', () => {
  const status = (overrides: Record<string, unknown>, value: number) => assessKpi(kpi(overrides), ending(value), day('2024-12-10')).status;

  it('higher is better, target 80 with 10 %: band 8, so 80 green, 72 amber, 71.99 red', () => {
    const higher = { target: 80, tolerance: '10%' };
    expect(status(higher, 80)).to.equal('green');
    expect(status(higher, 72)).to.equal('amber');
    expect(status(higher, 71.99)).to.equal('red');
  });

  it('lower is better, target 15 min with 10 %: band 1.5, so 15 green, 16.5 amber, 16.51 red', () => {
    const lower = { unit: 'min', direction: 'lower-is-better', target: 15, tolerance: '10%' };
    expect(status(lower, 15)).to.equal('green');
    expect(status(lower, 16.5)).to.equal('amber');
    expect(status(lower, 16.51)).to.equal('red');
  });

  it('keeps the relative edge amber despite rounding: 1.1 − 0.99 and 0.77 − 0.7 both exceed a 10 % band in floating point', () => {
    expect(1.1 - 0.99 > (1.1 * 10) / 100).to.equal(true);
    expect(0.77 - 0.7 > (0.7 * 10) / 100).to.equal(true);
    expect(status({ unit: 'score', target: 1.1, tolerance: '10%' }, 0.99)).to.equal('amber');
    expect(status({ unit: 'score', target: 1.1, tolerance: '10%' }, 0.98)).to.equal('red');
    expect(status({ unit: 'h', direction: 'lower-is-better', target: 0.7, tolerance: '10%' }, 0.77)).to.equal('amber');
    expect(status({ unit: 'h', direction: 'lower-is-better', target: 0.7, tolerance: '10%' }, 0.78)).to.equal('red');
  });
});

describe('reviewedPeriodStart', () => {
  it('reviews October at a meeting on 23 November: November has not ended', () => {
    expect(reviewedPeriodStart(day('2024-11-23'), 'month')).to.equal(day('2024-10-01'));
  });

  it('reviews October on 30 November too: November’s last day is not over, its figures are not in', () => {
    expect(reviewedPeriodStart(day('2024-11-30'), 'month')).to.equal(day('2024-10-01'));
  });

  it('reviews the month before on the first of a month, across a year end', () => {
    expect(reviewedPeriodStart(day('2024-11-01'), 'month')).to.equal(day('2024-10-01'));
    expect(reviewedPeriodStart(day('2025-01-15'), 'month')).to.equal(day('2024-12-01'));
  });

  it('reviews the last ended quarter: Q3 on 23 November and on 31 December, Q4 of last year on 15 January', () => {
    expect(reviewedPeriodStart(day('2024-11-23'), 'quarter')).to.equal(day('2024-07-01'));
    expect(reviewedPeriodStart(day('2024-12-31'), 'quarter')).to.equal(day('2024-07-01'));
    expect(reviewedPeriodStart(day('2025-01-15'), 'quarter')).to.equal(day('2024-10-01'));
  });

  it('reviews the last ended ISO week: on Saturday 23 November the week of 11 November, on Sunday 24 November its own', () => {
    expect(reviewedPeriodStart(day('2024-11-23'), 'week')).to.equal(day('2024-11-11'));
    expect(reviewedPeriodStart(day('2024-11-24'), 'week')).to.equal(day('2024-11-11'));
    expect(reviewedPeriodStart(day('2024-11-18'), 'week')).to.equal(day('2024-11-11'));
  });
});

describe('scorecardWindow', () => {
  it('ends on the reviewed month and runs back `count` months, oldest first', () => {
    expect(scorecardWindow(day('2024-11-23'), 'monthly', 3)).to.deep.equal({ interval: 'month', starts: [day('2024-08-01'), day('2024-09-01'), day('2024-10-01')] });
  });

  it('crosses a year end', () => {
    expect(scorecardWindow(day('2024-02-10'), 'monthly', 3).starts).to.deep.equal([day('2023-11-01'), day('2023-12-01'), day('2024-01-01')]);
  });

  it('uses quarters and Monday weeks for the other cadences', () => {
    expect(scorecardWindow(day('2024-11-23'), 'quarterly', 2)).to.deep.equal({ interval: 'quarter', starts: [day('2024-04-01'), day('2024-07-01')] });
    expect(scorecardWindow(day('2024-11-23'), 'weekly', 2)).to.deep.equal({ interval: 'week', starts: [day('2024-11-04'), day('2024-11-11')] });
  });
});

describe('nextReviewDay', () => {
  it('adds a calendar month: 15 January → 15 February, 15 December → 15 January', () => {
    expect(nextReviewDay(day('2024-01-15'), 'monthly')).to.equal(day('2024-02-15'));
    expect(nextReviewDay(day('2024-12-15'), 'monthly')).to.equal(day('2025-01-15'));
  });

  it('clamps to the end of a shorter month: 31 January → 29 February 2024, 28 February 2023; 31 March → 30 April', () => {
    expect(nextReviewDay(day('2024-01-31'), 'monthly')).to.equal(day('2024-02-29'));
    expect(nextReviewDay(day('2023-01-31'), 'monthly')).to.equal(day('2023-02-28'));
    expect(nextReviewDay(day('2024-03-31'), 'monthly')).to.equal(day('2024-04-30'));
  });

  it('adds three calendar months for a quarterly cadence, clamping the same way', () => {
    expect(nextReviewDay(day('2024-08-20'), 'quarterly')).to.equal(day('2024-11-20'));
    expect(nextReviewDay(day('2024-11-30'), 'quarterly')).to.equal(day('2025-02-28'));
    expect(nextReviewDay(day('2023-11-30'), 'quarterly')).to.equal(day('2024-02-29'));
    expect(nextReviewDay(day('2024-01-31'), 'quarterly')).to.equal(day('2024-04-30'));
  });

  it('adds seven days for a weekly cadence, across a year end', () => {
    expect(nextReviewDay(day('2024-12-30'), 'weekly')).to.equal(day('2025-01-06'));
  });
});

describe('assessKpi: review flags', () => {
  const flags = (overrides: Record<string, unknown>, asOf: string) => assessKpi(kpi(overrides), ending(85), day(asOf)).flags;

  it('calls a KPI that was never reviewed overdue, with no next review date', () => {
    expect(flags({}, '2024-11-23')).to.include({ reviewOverdue: true, neverReviewed: true, nextReviewDay: null });
  });

  it('is not overdue on the day the monthly review falls due, and is the day after', () => {
    expect(flags({ lastReviewed: '2024-10-23' }, '2024-11-23')).to.include({ reviewOverdue: false, neverReviewed: false, nextReviewDay: day('2024-11-23') });
    expect(flags({ lastReviewed: '2024-10-23' }, '2024-11-24').reviewOverdue).to.equal(true);
  });

  it('reviewed 31 January is due 29 February 2024 and overdue on 1 March', () => {
    expect(flags({ lastReviewed: '2024-01-31' }, '2024-02-29').reviewOverdue).to.equal(false);
    expect(flags({ lastReviewed: '2024-01-31' }, '2024-03-01').reviewOverdue).to.equal(true);
  });

  it('reviewed 31 January 2023 is overdue on 1 March 2023 (due 28 February, not 3 March)', () => {
    expect(flags({ lastReviewed: '2023-01-31' }, '2023-03-01')).to.include({ reviewOverdue: true, nextReviewDay: day('2023-02-28') });
  });

  it('gives a quarterly KPI three months: reviewed 20 August it is fine on 20 November and overdue on 21 November', () => {
    expect(flags({ cadence: 'quarterly', lastReviewed: '2024-08-20' }, '2024-11-20').reviewOverdue).to.equal(false);
    expect(flags({ cadence: 'quarterly', lastReviewed: '2024-08-20' }, '2024-11-21').reviewOverdue).to.equal(true);
  });

  it('gives a weekly KPI seven days: reviewed 15 November it is overdue on 23 November, reviewed 16 November it is not', () => {
    expect(flags({ cadence: 'weekly', lastReviewed: '2024-11-15' }, '2024-11-23').reviewOverdue).to.equal(true);
    expect(flags({ cadence: 'weekly', lastReviewed: '2024-11-16' }, '2024-11-23').reviewOverdue).to.equal(false);
  });

  it('follows the KPI’s own cadence, not the council’s', () => {
    // Council monthly; reviewed 1 October a month would be up on 1 November, a quarter not until 1 January.
    expect(flags({ cadence: 'quarterly', lastReviewed: '2024-10-01' }, '2024-11-23').reviewOverdue).to.equal(false);
    expect(flags({ lastReviewed: '2024-10-01' }, '2024-11-23').reviewOverdue).to.equal(true);
  });

  it('flags a KPI without an owner', () => {
    expect(flags({ owner: undefined }, '2024-11-23').noOwner).to.equal(true);
    expect(flags({}, '2024-11-23').noOwner).to.equal(false);
  });
});

describe('assessKpi: due date and actions', () => {
  const AS_OF = day('2024-11-23');
  const assess = (value: number | null, overrides: Record<string, unknown> = {}, extra: Partial<PeriodValue> = {}) => assessKpi(kpi(overrides), ending(value, extra), AS_OF);

  it('calls the due date missed once it has passed with the target unmet, amber or red', () => {
    const due = { due: '2024-11-22' };
    expect(assess(77, due).flags.dueMissed, 'amber').to.equal(true);
    expect(assess(60, due).flags.dueMissed, 'red').to.equal(true);
    expect(assess(85, due).flags.dueMissed, 'green').to.equal(false);
    expect(assess(null, due).flags.dueMissed, 'grey').to.equal(false);
  });

  it('does not call the due date missed on the day itself, or when there is none', () => {
    expect(assess(60, { due: '2024-11-23' }).flags.dueMissed).to.equal(false);
    expect(assess(60).flags.dueMissed).to.equal(false);
  });

  it('counts open, overdue-open and done actions: due yesterday is overdue, due today and undated are not, done never is', () => {
    const actions = [
      { title: 'Overdue', due: '2024-11-22' },
      { title: 'Due today', due: '2024-11-23' },
      { title: 'Undated' },
      { title: 'Done long ago', due: '2024-01-01', status: 'done' },
    ];
    expect(assess(60, { actions }).actions).to.deep.equal({ open: 3, overdue: 1, done: 1 });
  });

  it('flags a red KPI with no action agreed, a done action not counting as one', () => {
    expect(assess(60).flags.noActionAgreed).to.equal(true);
    expect(assess(60, { actions: [{ title: 'Finished', status: 'done' }] }).flags.noActionAgreed).to.equal(true);
    expect(assess(60, { actions: [{ title: 'Overdue', due: '2024-11-01' }] }).flags.noActionAgreed).to.equal(false);
  });

  it('asks for an action only when the KPI is red', () => {
    expect(assess(77).flags.noActionAgreed, 'amber').to.equal(false);
    expect(assess(85).flags.noActionAgreed, 'green').to.equal(false);
    expect(assess(null).flags.noActionAgreed, 'grey').to.equal(false);
  });
});

describe('assessKpi: current, previous and grey', () => {
  const AS_OF = day('2024-12-05');

  it('takes the last period as current and the one before as previous, with the change between them', () => {
    const assessment = assessKpi(kpi(), [period(day('2024-09-01'), 50), period(OCT, 70), period(NOV, 84)], AS_OF);
    expect(assessment.current.value).to.equal(84);
    expect(assessment.previous!.value).to.equal(70);
    expect(assessment.change).to.include({ absolute: 14, better: true, p: null, significant: false });
    expect(assessment.change!.relative).to.be.closeTo(0.2, 1e-12);
    expect(assessment.status).to.equal('green');
    expect(assessment.periods).to.have.length(3);
  });

  it('is grey for a suppressed period, with that reason and no change', () => {
    const assessment = assessKpi(kpi(), [period(OCT, 70), { periodStart: NOV, value: null, n: 0, suppressed: true }], AS_OF);
    expect(assessment).to.include({ status: 'grey', greyReason: 'suppressed', change: null });
  });

  it('is grey with no data for an empty period', () => {
    expect(assessKpi(kpi(), ending(null), AS_OF)).to.include({ status: 'grey', greyReason: 'no-data' });
  });

  it('has no grey reason when coloured', () => {
    expect(assessKpi(kpi(), ending(60), AS_OF)).to.include({ status: 'red', greyReason: null });
  });

  it('has no previous period and no change with a one-period window', () => {
    expect(assessKpi(kpi(), [period(NOV, 84)], AS_OF)).to.include({ previous: null, change: null });
  });

  it('carries the quality report it is given', () => {
    const quality = { totalRows: 1, accepted: 1, duplicates: 0, duplicateLines: [], rejected: 0, reasons: [], withoutRespondent: 0, withoutStage: 0 };
    expect(assessKpi(kpi(), ending(84), AS_OF, quality).quality).to.equal(quality);
    expect(assessKpi(kpi(), ending(84), AS_OF).quality).to.equal(null);
  });
});

describe('changeBetween', () => {
  const nps = (value: number, promoters: number, passives: number, detractors: number): PeriodValue =>
    period(NOV, value, { n: promoters + passives + detractors, basis: { kind: 'nps', promoters, passives, detractors } });
  const share = (count: number, n: number): PeriodValue => period(NOV, (100 * count) / n, { n, basis: { kind: 'share', count, n } });

  it('tests an NPS change on the adjusted counts: P11 Pa10 D9 vs P10 Pa10 D10 is noise (z 0.305, p 0.760)', () => {
    /*
     * n′ = 33. Current p₊′ 11.75/33, p₋′ 9.75/33 → NPS′ 0.060606, var 0.647842; previous NPS′ 0, var 0.651515.
     * z = 0.060606 / √(0.647842/33 + 0.651515/33) = 0.30543; p = 2·(1 − Φ(0.30543)) = 0.76004.
     */
    const change = changeBetween(nps(100 * (2 / 30), 11, 10, 9), nps(0, 10, 10, 10), 'higher-is-better')!;
    expect(change.p).to.be.closeTo(0.76004, 1e-4);
    expect(change.significant).to.equal(false);
    expect(change.better).to.equal(true);
  });

  it('calls a large NPS swing significant: P40 Pa10 D10 vs P10 Pa10 D40 (z ≈ 6.95)', () => {
    const change = changeBetween(nps(50, 40, 10, 10), nps(-50, 10, 10, 40), 'higher-is-better')!;
    expect(change.p).to.be.below(0.001);
    expect(change.significant).to.equal(true);
    expect(change.absolute).to.equal(100);
    expect(change.relative).to.equal(2);
  });

  it('tests a change of shares with the pooled two-proportion test: 45/100 vs 30/100 gives z 2.191, p 0.0285', () => {
    // Pooled 75/200 = 0.375; SE = √(0.375·0.625·(1/100 + 1/100)) = 0.068465; z = 0.15/0.068465 = 2.19089.
    const change = changeBetween(share(45, 100), share(30, 100), 'higher-is-better')!;
    expect(change.p).to.be.closeTo(0.02846, 1e-4);
    expect(change.significant).to.equal(true);
    expect(change.absolute).to.be.closeTo(15, 1e-12);
    expect(change.better).to.equal(true);
  });

  it('calls a rise worse when lower is better', () => {
    const change = changeBetween(share(45, 100), share(30, 100), 'lower-is-better')!;
    expect(change.better).to.equal(false);
    expect(changeBetween(period(NOV, 12), period(OCT, 20), 'lower-is-better')!.better).to.equal(true);
  });

  it('gives means no p and never calls their change significant, however large', () => {
    const change = changeBetween(period(NOV, 6.5), period(OCT, 1.5), 'higher-is-better')!;
    expect(change).to.deep.equal({ absolute: 5, relative: 5 / 1.5, better: true, p: null, significant: false });
  });

  it('gives no p when the two periods have different kinds of basis', () => {
    expect(changeBetween(share(45, 100), nps(0, 10, 10, 10), 'higher-is-better')!.p).to.equal(null);
  });

  it('measures the relative change against the size of a negative previous value, and has none after 0', () => {
    const fromNegative = changeBetween(period(NOV, -10), period(OCT, -20), 'higher-is-better')!;
    expect(fromNegative).to.include({ absolute: 10, relative: 0.5, better: true });
    expect(changeBetween(period(NOV, 5), period(OCT, 0), 'higher-is-better')!.relative).to.equal(null);
  });

  it('has no direction when nothing moved', () => {
    expect(changeBetween(period(NOV, 70), period(OCT, 70), 'higher-is-better')).to.include({ absolute: 0, relative: 0, better: null });
  });

  it('has no change when either period has no value', () => {
    expect(changeBetween(period(NOV, null), period(OCT, 70), 'higher-is-better')).to.equal(null);
    expect(changeBetween(period(NOV, 70), period(OCT, null, { suppressed: true }), 'higher-is-better')).to.equal(null);
  });
});

describe('summarizeScorecard', () => {
  it('counts statuses, flags and actions over the rows; rows without an assessment count as grey', () => {
    const AS_OF = day('2024-11-23');
    const assessments: KpiAssessment[] = [
      // green, reviewed in time, one open action overdue
      assessKpi(kpi({ lastReviewed: '2024-11-01', actions: [{ title: 'a', due: '2024-11-01' }] }), ending(90), AS_OF),
      // amber, due date missed, never reviewed, one done action
      assessKpi(kpi({ due: '2024-11-01', actions: [{ title: 'b', status: 'done' }] }), ending(76), AS_OF),
      // red, no action agreed, never reviewed, due missed
      assessKpi(kpi({ due: '2024-11-01' }), ending(10), AS_OF),
      // red with two open actions, reviewed in time
      assessKpi(kpi({ lastReviewed: '2024-11-10', actions: [{ title: 'c' }, { title: 'd', due: '2024-12-01' }] }), ending(10), AS_OF),
      // grey
      assessKpi(kpi({ lastReviewed: '2024-11-10' }), ending(null), AS_OF),
    ];
    const unassessed = { status: 'grey' as const, flags: null, actions: null };
    expect(summarizeScorecard([...assessments, unassessed, unassessed], 2)).to.deep.equal({
      green: 1,
      amber: 1,
      red: 2,
      grey: 3,
      reviewsOverdue: 2,
      dueMissed: 2,
      noActionAgreed: 1,
      openActions: 3,
      overdueActions: 1,
      invalid: 2,
    });
  });

  it('is all zeros for nothing', () => {
    expect(Object.values(summarizeScorecard([], 0)).every((count) => count === 0)).to.equal(true);
  });
});

describe('measureKpis', () => {
  /*
   * As of 15 May 2024, monthly, 4 periods: January to April; April is reviewed, March is previous.
   * nps-tax: Tax March 10 10 9 7 3 → P3 Pa1 D1 = 40 (n 5); April 10 9 9 9 8 2 → P4 Pa1 D1 = 50 (n 6);
   *   Benefits April 0 0 0 is filtered out. Target 45, band 10 → green.
   * wait: March 10 12 14 16 18 → median 14; April 10 20 30 40 50 → median 30 (5 rows, exactly min-n 5).
   *   Target 25 lower-is-better, band 10 → shortfall 5 → amber.
   * approval: April 30/30 + 15/20 = 45/50 = 90 %. Target 95, band 2 → red, no actions → no action agreed.
   * calls: inline sum, April 100 + 50 = 150 against at most 200 → green.
   * broken reads a column the file lacks; offline's file failed to load.
   */
  const definition = readScorecardDefinition(
    {
      council: { name: 'Council', cadence: 'monthly', asOf: '2024-05-15', periods: 4 },
      kpis: [
        { id: 'nps-tax', label: 'NPS Tax', unit: 'score', direction: 'higher-is-better', target: 45, tolerance: 10, source: { metric: 'nps', filter: 'department:Tax' } },
        { id: 'wait', label: 'Wait', unit: 'min', direction: 'lower-is-better', target: 25, tolerance: 10, source: { url: 'wait.csv', date: 'date', aggregation: 'median', value: 'wait_min' } },
        {
          id: 'approval',
          label: 'Approval rate',
          unit: '%',
          direction: 'higher-is-better',
          target: 95,
          tolerance: 2,
          source: { url: 'apps.csv', date: 'date', aggregation: 'rate', numerator: 'approved', denominator: 'decided' },
        },
        { id: 'broken', label: 'Broken', unit: 'min', direction: 'lower-is-better', target: 25, source: { url: 'wait.csv', date: 'date', aggregation: 'mean', value: 'wait_minutes' } },
        {
          id: 'calls',
          label: 'Calls',
          unit: 'count',
          direction: 'lower-is-better',
          target: 200,
          source: { series: [{ date: '2024-04-02', value: 100 }, { date: '2024-04-20', value: 50 }, { date: '2024-03-02', value: 'lots' }], aggregation: 'sum' },
        },
        { id: 'offline', label: 'Offline', unit: 'min', direction: 'lower-is-better', target: 25, source: { url: 'missing.csv', date: 'date', aggregation: 'mean', value: 'w' } },
      ],
    },
    'https://council.example.org/scorecard.json',
  );
  const kpis = definition.kpis.map((entry) => {
    if (!entry.valid) throw new Error(`${entry.id} is invalid`);
    return entry;
  });

  const feedbackTable = ingestRecords(
    [
      ...[10, 10, 9, 7, 3].map((nps, i) => ({ date: `2024-03-0${i + 1}`, nps, department: 'Tax' })),
      ...[10, 9, 9, 9, 8, 2].map((nps, i) => ({ date: `2024-04-0${i + 1}`, nps, department: 'Tax' })),
      ...[0, 0, 0].map((nps, i) => ({ date: `2024-04-1${i}`, nps, department: 'Benefits' })),
    ],
    {},
  ).table;

  function csv(text: string): OperationalIngestResult {
    const ingest = createOperationalCsvIngest('date');
    ingest.push(text);
    return ingest.finish();
  }
  const files: Record<string, OperationalIngestResult> = {
    'https://council.example.org/wait.csv': csv(
      ['date,wait_min', ...[10, 12, 14, 16, 18].map((w, i) => `2024-03-1${i},${w}`), ...[50, 10, 40, 20, 30].map((w, i) => `2024-04-1${i},${w}`)].join('\n'),
    ),
    'https://council.example.org/apps.csv': csv('date,decided,approved\n2024-04-03,30,30\n2024-04-04,20,15\n'),
  };
  const operational = (k: Kpi) => {
    const url = (k.source as { url: string }).url;
    const file = files[url];
    if (!file) throw new CxDataError('not-found', `${url} was not found.`, { url });
    return file;
  };

  const feedback = () => feedbackTable;
  const window = scorecardWindow(definition.council.asOfDay!, definition.council.cadence, definition.council.periods);
  const asOf = definition.council.asOfDay!;
  const outcomes = measureKpis(kpis, { feedback, operational }, window, asOf, 5);
  const assessmentOf = (id: string) => {
    const outcome = outcomes.find((o) => o.id === id)!;
    if (!outcome.ok) throw new Error(`${id} failed: ${outcome.error.message}`);
    return outcome.assessment;
  };

  it('measures the window ending on the reviewed month', () => {
    expect(window.starts).to.deep.equal([day('2024-01-01'), day('2024-02-01'), day('2024-03-01'), day('2024-04-01')]);
  });

  it('gives one outcome per KPI in order, a failing source failing only its own KPI', () => {
    expect(outcomes.map((o) => [o.id, o.ok])).to.deep.equal([
      ['nps-tax', true],
      ['wait', true],
      ['approval', true],
      ['broken', false],
      ['calls', true],
      ['offline', false],
    ]);
  });

  it('reports a missing value column as that KPI’s missing-source-column error naming the column', () => {
    const broken = outcomes[3]!;
    expect(broken.ok).to.equal(false);
    if (broken.ok) return;
    expect(broken.error.code).to.equal('missing-source-column');
    expect(broken.error.params.field).to.equal('wait_minutes');
  });

  it('reports a file that did not load as that KPI’s error', () => {
    const offline = outcomes[5]!;
    expect(offline.ok).to.equal(false);
    if (offline.ok) return;
    expect(offline.error.code).to.equal('not-found');
  });

  it('assesses a feedback NPS KPI over its department: 50 against 45 is green, up 10 from March', () => {
    const nps = assessmentOf('nps-tax');
    expect(nps.status).to.equal('green');
    expect(nps.current).to.deep.include({ value: 50, n: 6 });
    expect(nps.previous).to.deep.include({ value: 40, n: 5 });
    expect(nps.change).to.include({ absolute: 10, better: true });
    expect(nps.change!.p).to.be.a('number');
    expect(nps.quality).to.equal(null);
  });

  it('assesses an operational median: 30 min against at most 25 with band 10 is amber, worse than March’s 14', () => {
    const wait = assessmentOf('wait');
    expect(wait.status).to.equal('amber');
    expect(wait.current).to.deep.include({ value: 30, n: 5, suppressed: false });
    expect(wait.previous).to.deep.include({ value: 14, n: 5 });
    expect(wait.change).to.include({ absolute: 16, better: false, p: null });
    expect(wait.quality).to.include({ totalRows: 10, accepted: 10, rejected: 0 });
  });

  it('assesses an operational rate: 45/50 = 90 % against 95 with band 2 is red with no action agreed', () => {
    const approval = assessmentOf('approval');
    expect(approval.status).to.equal('red');
    expect(approval.current.value).to.be.closeTo(90, 1e-9);
    expect(approval.current.n).to.equal(50);
    expect(approval.flags.noActionAgreed).to.equal(true);
    expect(approval.previous).to.deep.include({ value: null, suppressed: false });
    expect(approval.change).to.equal(null);
  });

  it('assesses an inline series, its bad entry counted in its quality report', () => {
    const calls = assessmentOf('calls');
    expect(calls.status).to.equal('green');
    expect(calls.current.value).to.equal(150);
    expect(calls.quality).to.include({ totalRows: 3, accepted: 2, rejected: 1 });
  });

  it('fails a feedback KPI with no-feedback when there is no feedback table, and only that KPI', () => {
    const withoutFeedback = measureKpis(kpis, { feedback: noFeedback, operational }, window, asOf, 5);
    const nps = withoutFeedback[0]!;
    expect(nps.ok).to.equal(false);
    if (!nps.ok) expect(nps.error).to.deep.include({ code: 'no-feedback', params: { kpi: 'nps-tax' } });
    expect(withoutFeedback.map((o) => o.ok)).to.deep.equal([false, true, true, false, true, false]);
  });

  it('asks the feedback source only for feedback KPIs, passing the KPI', () => {
    const asked: string[] = [];
    measureKpis(kpis, { feedback: (k) => (asked.push(k.id), feedbackTable), operational }, window, asOf, 5);
    expect(asked).to.deep.equal(['nps-tax']);
  });

  it('turns an unexpected exception from a source into an internal error for that KPI', () => {
    const outcomes = measureKpis(
      [kpis[1]!, kpis[4]!],
      {
        feedback,
        operational: () => {
          throw new TypeError('boom');
        },
      },
      window,
      asOf,
      5,
    );
    expect(outcomes[0]).to.deep.include({ id: 'wait', ok: false });
    if (!outcomes[0]!.ok) expect(outcomes[0]!.error.code).to.equal('internal');
    expect(outcomes[1]!.ok).to.equal(true);
  });

  it('suppresses a feedback KPI below min-n and reports it grey for that reason', () => {
    // April Tax has 6 NPS answers, March 5: both shown at min-n 5. At 6 March is suppressed and April
    // is hidden with it (complementary suppression: otherwise the total would give March's 5 back);
    // at 7 April is below min-n itself.
    const atFive = measureKpis([kpis[0]!], { feedback, operational }, window, asOf, 5)[0]!;
    expect(atFive.ok && atFive.assessment.periods.map((p) => p.suppressed)).to.deep.equal([false, false, false, false]);
    const atSix = measureKpis([kpis[0]!], { feedback, operational }, window, asOf, 6)[0]!;
    expect(atSix.ok && atSix.assessment.periods.map((p) => (p.suppressed ? 'hidden' : p.n))).to.deep.equal([0, 0, 'hidden', 'hidden']);
    const [outcome] = measureKpis([kpis[0]!], { feedback, operational }, window, asOf, 7);
    if (!outcome!.ok) throw new Error('expected an assessment');
    expect(outcome!.assessment).to.include({ status: 'grey', greyReason: 'suppressed' });
    expect(outcome!.assessment.current).to.deep.equal({ periodStart: day('2024-04-01'), value: null, n: 0, suppressed: true });
  });

  it('adds up to a summary in which the failed KPIs count as grey', () => {
    const rows = outcomes.map((o) => (o.ok ? o.assessment : { status: 'grey' as const, flags: null, actions: null }));
    const summary = summarizeScorecard(rows, outcomes.filter((o) => !o.ok).length);
    expect(summary).to.include({ green: 2, amber: 1, red: 1, grey: 2, invalid: 2, noActionAgreed: 1, reviewsOverdue: 4 });
  });
});
