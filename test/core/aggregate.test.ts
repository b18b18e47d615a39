import { expect } from '@open-wc/testing';
import { aggregateNps, mergePartials, type AggregateOptions, type NpsPartial } from '../../src/core/aggregate.ts';
import { partialFromCounts, type NpsPeriodCounts } from '../../src/core/counts.ts';
import { CxDataError } from '../../src/core/errors.ts';
import { caught } from '../caught.ts';
import { ingestRecords } from '../../src/core/ingest.ts';
import { seriesFromColumns, seriesToColumns, seriesTransferables } from '../../src/core/series-columns.ts';
import { npsSeries, type ShownPeriod } from '../../src/core/series.ts';

/** UTC day number of an ISO date, by Date.UTC. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** An 11-bin NPS histogram from {score: count}. */
function hist(counts: Record<number, number>): number[] {
  return Array.from({ length: 11 }, (_, score) => counts[score] ?? 0);
}

/** A partial as plain sorted data, so partials built in different orders compare equal. */
function normalize(partial: NpsPartial) {
  return {
    interval: partial.interval,
    dimension: partial.dimension,
    buckets: [...partial.buckets.values()]
      .map((b) => ({ periodStart: b.periodStart, group: b.group, histogram: Array.from(b.histogram) }))
      .sort((a, b) => a.periodStart - b.periodStart || (a.group ?? '').localeCompare(b.group ?? '')),
  };
}

const bucketsOf = (partial: NpsPartial) => normalize(partial).buckets;

const RECORDS = [
  { date: '2024-01-03', nps: 10, region: 'North', stage: 'Apply' },
  { date: '2024-01-10', nps: 9, region: 'South' },
  { date: '2024-01-15', nps: 6, region: 'North', stage: 'Apply' },
  { date: '2024-01-31', nps: 8, region: 'South', stage: 'Decide' },
  { date: '2024-02-01', nps: 0, region: 'North' },
  { date: '2024-02-10', nps: null, csat: 4, region: 'North' }, // CSAT only: no NPS to count
  { date: '2024-02-29', nps: 7, region: 'North' },
  { date: '2024-03-15', nps: 9, region: '' },
  { date: '2024-03-31', nps: 10, region: 'South' },
  { date: '2024-04-01', nps: 5, region: 'North' },
];
const { table } = ingestRecords(RECORDS, {});

describe('aggregateNps', () => {
  it('counts each month’s answers per score, skipping rows without NPS', () => {
    expect(bucketsOf(aggregateNps(table, { interval: 'month' }))).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 6: 1, 8: 1, 9: 1, 10: 1 }) },
      { periodStart: day('2024-02-01'), group: null, histogram: hist({ 0: 1, 7: 1 }) },
      { periodStart: day('2024-03-01'), group: null, histogram: hist({ 9: 1, 10: 1 }) },
      { periodStart: day('2024-04-01'), group: null, histogram: hist({ 5: 1 }) },
    ]);
  });

  it('counts by quarter', () => {
    expect(bucketsOf(aggregateNps(table, { interval: 'quarter' }))).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 0: 1, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2 }) },
      { periodStart: day('2024-04-01'), group: null, histogram: hist({ 5: 1 }) },
    ]);
  });

  it('counts by Monday-based week, leaving out weeks with no NPS answers', () => {
    // 01-31 (Wed) and 02-01 (Thu) share the week of Monday 01-29; 03-31 is a Sunday (week of 03-25)
    expect(bucketsOf(aggregateNps(table, { interval: 'week' }))).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 10: 1 }) },
      { periodStart: day('2024-01-08'), group: null, histogram: hist({ 9: 1 }) },
      { periodStart: day('2024-01-15'), group: null, histogram: hist({ 6: 1 }) },
      { periodStart: day('2024-01-29'), group: null, histogram: hist({ 0: 1, 8: 1 }) },
      { periodStart: day('2024-02-26'), group: null, histogram: hist({ 7: 1 }) },
      { periodStart: day('2024-03-11'), group: null, histogram: hist({ 9: 1 }) },
      { periodStart: day('2024-03-25'), group: null, histogram: hist({ 10: 1 }) },
      { periodStart: day('2024-04-01'), group: null, histogram: hist({ 5: 1 }) },
    ]);
  });

  it('groups by a dimension, with the empty value as its own group', () => {
    const partial = aggregateNps(table, { interval: 'month', dimension: 'region' });
    expect(partial.dimension).to.equal('region');
    expect(bucketsOf(partial)).to.deep.equal([
      { periodStart: day('2024-01-01'), group: 'North', histogram: hist({ 6: 1, 10: 1 }) },
      { periodStart: day('2024-01-01'), group: 'South', histogram: hist({ 8: 1, 9: 1 }) },
      { periodStart: day('2024-02-01'), group: 'North', histogram: hist({ 0: 1, 7: 1 }) },
      { periodStart: day('2024-03-01'), group: '', histogram: hist({ 9: 1 }) },
      { periodStart: day('2024-03-01'), group: 'South', histogram: hist({ 10: 1 }) },
      { periodStart: day('2024-04-01'), group: 'North', histogram: hist({ 5: 1 }) },
    ]);
  });

  it('groups by stage', () => {
    expect(bucketsOf(aggregateNps(table, { interval: 'quarter', dimension: 'stage' }))).to.deep.equal([
      { periodStart: day('2024-01-01'), group: '', histogram: hist({ 0: 1, 7: 1, 9: 2, 10: 1 }) },
      { periodStart: day('2024-01-01'), group: 'Apply', histogram: hist({ 6: 1, 10: 1 }) },
      { periodStart: day('2024-01-01'), group: 'Decide', histogram: hist({ 8: 1 }) },
      { periodStart: day('2024-04-01'), group: '', histogram: hist({ 5: 1 }) },
    ]);
  });

  it('keeps only rows within the inclusive from/to day range', () => {
    const partial = aggregateNps(table, { interval: 'month', fromDay: day('2024-01-15'), toDay: day('2024-02-29') });
    expect(bucketsOf(partial)).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 6: 1, 8: 1 }) },
      { periodStart: day('2024-02-01'), group: null, histogram: hist({ 0: 1, 7: 1 }) },
    ]);
    expect(aggregateNps(table, { interval: 'month', fromDay: day('2024-04-02') }).buckets.size).to.equal(0);
    expect(aggregateNps(table, { interval: 'month', fromDay: day('2024-02-01'), toDay: day('2024-01-31') }).buckets.size).to.equal(0);
    expect(bucketsOf(aggregateNps(table, { interval: 'year', fromDay: day('2000-01-01'), toDay: day('2030-01-01') }))).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 0: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2 }) },
    ]);
  });

  it('filters on the values of a dimension, ignoring values that do not occur', () => {
    const south = aggregateNps(table, { interval: 'month', conditions: [{ dimension: 'region', values: ['South', 'West'] }] });
    expect(bucketsOf(south)).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 8: 1, 9: 1 }) },
      { periodStart: day('2024-03-01'), group: null, histogram: hist({ 10: 1 }) },
    ]);
    const blank = aggregateNps(table, { interval: 'quarter', dimension: 'stage', conditions: [{ dimension: 'region', values: [''] }] });
    expect(bucketsOf(blank)).to.deep.equal([{ periodStart: day('2024-01-01'), group: '', histogram: hist({ 9: 1 }) }]);
    expect(aggregateNps(table, { interval: 'month', conditions: [{ dimension: 'region', values: [] }] }).buckets.size).to.equal(0);
  });

  it('throws missing-column for an unknown dimension or filter column', () => {
    for (const options of [
      { interval: 'month', dimension: 'country' },
      { interval: 'month', conditions: [{ dimension: 'country', values: ['X'] }] },
    ] as AggregateOptions[]) {
      const error = caught(() => aggregateNps(table, options));
      expect([error.code, error.params]).to.deep.equal(['missing-column', { field: 'country' }]);
    }
  });

  it('gives the whole aggregate when partials of rows [0, k) and [k, n) are merged, for every k', () => {
    const variants: AggregateOptions[] = [
      { interval: 'month' },
      { interval: 'week' },
      { interval: 'quarter', dimension: 'region' },
      { interval: 'month', dimension: 'stage', fromDay: day('2024-01-10'), toDay: day('2024-03-20') },
      { interval: 'day', conditions: [{ dimension: 'region', values: ['North'] }] },
    ];
    for (const options of variants) {
      const whole = normalize(aggregateNps(table, options));
      for (let k = 0; k <= table.rowCount; k++) {
        const head = aggregateNps(table, { ...options, rowStart: 0, rowEnd: k });
        const tail = aggregateNps(table, { ...options, rowStart: k, rowEnd: table.rowCount });
        expect(normalize(mergePartials(head, tail)), `${JSON.stringify(options)} split at ${k}`).to.deep.equal(whole);
      }
      // three pieces too, merged in a different order
      const pieces = [[0, 3], [3, 7], [7, table.rowCount]].map(([s, e]) => aggregateNps(table, { ...options, rowStart: s, rowEnd: e }));
      expect(normalize(mergePartials(pieces[2]!, pieces[0]!, pieces[1]!))).to.deep.equal(whole);
    }
  });

  it('refuses to merge partials of different intervals or dimensions', () => {
    expect(() => mergePartials(aggregateNps(table, { interval: 'month' }), aggregateNps(table, { interval: 'week' }))).to.throw(RangeError);
    expect(() => mergePartials(aggregateNps(table, { interval: 'month' }), aggregateNps(table, { interval: 'month', dimension: 'region' }))).to.throw(RangeError);
    expect(() => mergePartials()).to.throw(RangeError);
  });
});

describe('partialFromCounts', () => {
  it('stores group counts at the top score of each group (10, 8, 6)', () => {
    const partial = partialFromCounts([{ period: '2024-01', promoters: 2, passives: 1, detractors: 3 }], 'month');
    expect(bucketsOf(partial)).to.deep.equal([{ periodStart: day('2024-01-01'), group: null, histogram: hist({ 6: 3, 8: 1, 10: 2 }) }]);
  });

  it('takes histograms as they are and rolls months and dates up into quarters', () => {
    const partial = partialFromCounts(
      [
        { period: '2024-01', promoters: 1, passives: 0, detractors: 0 },
        { period: '2024-02-14', promoters: 0, passives: 2, detractors: 0 },
        { period: '2024-Q1', histogram: hist({ 0: 1, 3: 2, 9: 4 }) },
        { period: '2024-04', promoters: 0, passives: 0, detractors: 1 },
      ],
      'quarter',
    );
    expect(bucketsOf(partial)).to.deep.equal([
      { periodStart: day('2024-01-01'), group: null, histogram: hist({ 0: 1, 3: 2, 8: 2, 9: 4, 10: 1 }) },
      { periodStart: day('2024-04-01'), group: null, histogram: hist({ 6: 1 }) },
    ]);
  });

  it('groups by the entry’s group, with a missing group as the empty value', () => {
    const partial = partialFromCounts(
      [
        { period: '2024-01', group: 'North', promoters: 1, passives: 0, detractors: 0 },
        { period: '2024-01', promoters: 0, passives: 1, detractors: 0 },
      ],
      'month',
      'region',
    );
    expect(bucketsOf(partial)).to.deep.equal([
      { periodStart: day('2024-01-01'), group: '', histogram: hist({ 8: 1 }) },
      { periodStart: day('2024-01-01'), group: 'North', histogram: hist({ 10: 1 }) },
    ]);
  });

  it('merged with a row partial, gives the same series as the equivalent rows', () => {
    // January rows 10, 9, 8, 6 plus counts P1/D1 = the rows plus a 9 and a 3: P3, passives 1, D2, n = 6,
    // NPS = 100·(3 − 2)/6 = 16.666666666666668; interval [−43.93494766792978, 66.15716989015199] (Python)
    const counts = partialFromCounts([{ period: '2024-01', promoters: 1, passives: 0, detractors: 1 }], 'month');
    const merged = npsSeries(mergePartials(aggregateNps(table, { interval: 'month' }), counts), 1);
    const withRows = ingestRecords([...RECORDS, { date: '2024-01-20', nps: 9 }, { date: '2024-01-21', nps: 3 }], {}).table;
    const fromRows = npsSeries(aggregateNps(withRows, { interval: 'month' }), 1);
    expect(merged).to.deep.equal(fromRows);
    const january = merged.points[0] as ShownPeriod;
    expect([january.promoters, january.passives, january.detractors, january.n]).to.deep.equal([3, 1, 2, 6]);
    expect(january.nps).to.be.closeTo(16.666666666666668, 1e-12);
    expect(january.lower).to.be.closeTo(-43.93494766792978, 1e-9);
    expect(january.upper).to.be.closeTo(66.15716989015199, 1e-9);
  });

  const BAD: ReadonlyArray<[string, unknown[], number, string]> = [
    ['a negative count', [{ period: '2024-01', promoters: 1, passives: 0, detractors: 0 }, { period: '2024-02', promoters: -1, passives: 0, detractors: 0 }], 2, 'promoters'],
    ['a fractional count', [{ period: '2024-01', promoters: 1, passives: 1.5, detractors: 0 }], 1, 'passives'],
    ['a count given as text', [{ period: '2024-01', promoters: 1, passives: 0, detractors: '3' }], 1, 'detractors'],
    ['a missing count', [{ period: '2024-01', promoters: 1, passives: 0 }], 1, 'detractors'],
    ['NaN', [{ period: '2024-01', promoters: NaN, passives: 0, detractors: 0 }], 1, 'promoters'],
    ['a short histogram', [{ period: '2024-01', histogram: new Array(10).fill(1) }], 1, 'histogram'],
    ['a negative histogram bin', [{ period: '2024-01', histogram: hist({ 4: -1 }) }], 1, 'histogram[4]'],
    ['an unreadable period', [{ period: '2024-01', promoters: 0, passives: 0, detractors: 0 }, { period: 'March', promoters: 1, passives: 0, detractors: 0 }], 2, 'period'],
    ['a week period for months', [{ period: '2024-W10', promoters: 1, passives: 0, detractors: 0 }], 1, 'period'],
    ['a numeric period', [{ period: 202401, promoters: 1, passives: 0, detractors: 0 }], 1, 'period'],
    ['a null entry', [{ period: '2024-01', promoters: 1, passives: 0, detractors: 0 }, null], 2, 'object'],
  ];
  for (const [what, entries, entry, detail] of BAD) {
    it(`throws bad-counts naming the entry for ${what}`, () => {
      const error = caught(() => partialFromCounts(entries as NpsPeriodCounts[], 'month'));
      expect([error.code, error.params]).to.deep.equal(['bad-counts', { entry, detail }]);
      expect(error.message).to.contain(`entry ${entry}`);
    });
  }

  it('throws bad-counts when the counts are not an array', () => {
    expect(() => partialFromCounts({} as unknown as NpsPeriodCounts[], 'month')).to.throw(CxDataError, /array/);
  });
});

describe('npsSeries', () => {
  const MONTHS: NpsPeriodCounts[] = [
    { period: '2024-01', promoters: 8, passives: 1, detractors: 1 }, // NPS 70
    { period: '2024-02', promoters: 1, passives: 1, detractors: 8 }, // −70
    { period: '2024-03', promoters: 1, passives: 1, detractors: 1 }, // n = 3: suppressed at min-n 5
    { period: '2024-04', promoters: 5, passives: 3, detractors: 2 }, // 30
    { period: '2024-05', promoters: 2, passives: 3, detractors: 5 }, // −30
    { period: '2024-06', promoters: 1, passives: 1, detractors: 8 }, // −70
    { period: '2024-07', promoters: 8, passives: 1, detractors: 1 }, // 70
    { period: '2024-09', promoters: 5, passives: 3, detractors: 2 }, // 30, after a month with no data
    // n = 3: suppressed too. With March that is 6 hidden answers, so complementary suppression hides
    // nothing more (March alone could be worked out from a total).
    { period: '2024-11', promoters: 1, passives: 1, detractors: 1 },
  ];
  const series = npsSeries(partialFromCounts(MONTHS, 'month'));
  const point = (iso: string) => series.points.find((p) => p.periodStart === day(iso))!;

  it('shows NPS and interval for periods with at least min-n answers', () => {
    // P8/1/D1: NPS′ = 7/13, var = 87.5/169, SE = √(87.5/2197); interval [14.730997597729594, 92.96131009457811] (Python)
    const january = point('2024-01-01') as ShownPeriod;
    expect(january.suppressed).to.equal(false);
    expect([january.n, january.nps]).to.deep.equal([10, 70]);
    expect(january.lower).to.be.closeTo(14.730997597729594, 1e-9);
    expect(january.upper).to.be.closeTo(92.96131009457811, 1e-9);
    expect(january.change).to.equal(null); // nothing before it
    expect(series.minN).to.equal(5);
    expect(series.points.map((p) => p.periodStart)).to.deep.equal(
      ['01', '02', '03', '04', '05', '06', '07', '09', '11'].map((m) => day(`2024-${m}-01`)),
    );
  });

  it('suppresses small periods entirely: no n, nps, lower or upper property at all', () => {
    const march = point('2024-03-01');
    expect(Object.keys(march).sort()).to.deep.equal(['group', 'periodStart', 'suppressed']);
    expect(march).to.deep.equal({ suppressed: true, periodStart: day('2024-03-01'), group: null });
  });

  it('flags a significant fall, with z and p computed on the adjusted values', () => {
    // P1/1/D8 vs P8/1/D1: z = −(14/13)/√(2·87.5/2197) = −3.8157568056677835, p = 0.0001357661718514408 (Python)
    const { change } = point('2024-02-01') as ShownPeriod;
    expect(change!.delta).to.equal(-140);
    expect(change!.z).to.be.closeTo(-3.8157568056677835, 1e-9);
    expect(change!.p).to.be.closeTo(0.0001357661718514408, 1e-9);
    expect(change!.significant).to.equal('down');
  });

  it('flags a significant rise as up', () => {
    const { change } = point('2024-07-01') as ShownPeriod;
    expect(change!.delta).to.equal(140);
    expect(change!.z).to.be.closeTo(3.8157568056677835, 1e-9);
    expect(change!.significant).to.equal('up');
  });

  it('reports a change with p ≥ 0.05 without a significance flag', () => {
    // P2/3/D5 vs P5/3/D2: z = −1.5183605366354271, p = 0.1289235344211573 (Python)
    const may = (point('2024-05-01') as ShownPeriod).change!;
    expect(may.delta).to.equal(-60);
    expect(may.z).to.be.closeTo(-1.5183605366354271, 1e-9);
    expect(may.p).to.be.closeTo(0.1289235344211573, 1e-9);
    expect(may.significant).to.equal(null);
    // P1/1/D8 vs P2/3/D5: z = −1.0490610566259246, p = 0.29415001818472986 (Python)
    const june = (point('2024-06-01') as ShownPeriod).change!;
    expect(june.z).to.be.closeTo(-1.0490610566259246, 1e-9);
    expect(june.p).to.be.closeTo(0.29415001818472986, 1e-9);
    expect(june.significant).to.equal(null);
  });

  it('compares only with the immediately previous period, and only when that one is shown', () => {
    expect((point('2024-04-01') as ShownPeriod).change).to.equal(null); // March suppressed; February is not used
    expect((point('2024-09-01') as ShownPeriod).change).to.equal(null); // no August
  });

  it('compares with a small previous period once min-n lets it be shown', () => {
    // min-n 3: March (P1/1/D1) shown; April P5/3/D2 vs March: z = 0.6093553711521049, p = 0.5422889125802107 (Python)
    const lowered = npsSeries(partialFromCounts(MONTHS, 'month'), 3);
    const april = lowered.points.find((p) => p.periodStart === day('2024-04-01')) as ShownPeriod;
    expect(april.change!.delta).to.equal(30);
    expect(april.change!.z).to.be.closeTo(0.6093553711521049, 1e-9);
    expect(april.change!.p).to.be.closeTo(0.5422889125802107, 1e-9);
  });

  it('treats min-n as a whole number of at least 1', () => {
    const partial = partialFromCounts(MONTHS, 'month');
    expect(npsSeries(partial, 0).minN).to.equal(1);
    expect(npsSeries(partial, 10.9).minN).to.equal(10);
    // March (3) and November (3) below 10 hold 6 together: January, the earliest of the smallest shown, goes too.
    expect(npsSeries(partial, 10.9).points.filter((p) => p.suppressed).map((p) => p.periodStart)).to.deep.equal(['01', '03', '11'].map((m) => day(`2024-${m}-01`)));
    expect(npsSeries(partial, 11).points.every((p) => p.suppressed)).to.equal(true);
  });

  it('compares across the year end for quarters and weeks', () => {
    const quarters = npsSeries(partialFromCounts([
      { period: '2023-Q4', promoters: 8, passives: 1, detractors: 1 },
      { period: '2024-Q1', promoters: 1, passives: 1, detractors: 8 },
    ], 'quarter'));
    expect((quarters.points[1] as ShownPeriod).change!.z).to.be.closeTo(-3.8157568056677835, 1e-9);
    const weeks = npsSeries(partialFromCounts([
      { period: '2020-W53', promoters: 8, passives: 1, detractors: 1 },
      { period: '2021-W01', promoters: 1, passives: 1, detractors: 8 },
    ], 'week'));
    expect((weeks.points[1] as ShownPeriod).change!.significant).to.equal('down');
  });

  it('sorts by group, then period, and never compares across groups', () => {
    const grouped = npsSeries(partialFromCounts([
      { period: '2024-02', group: 'South', promoters: 1, passives: 1, detractors: 8 },
      { period: '2024-01', group: 'North', promoters: 8, passives: 1, detractors: 1 },
      { period: '2024-02', group: 'North', promoters: 5, passives: 3, detractors: 2 },
    ], 'month', 'region'));
    expect(grouped.points.map((p) => [p.group, p.periodStart])).to.deep.equal([
      ['North', day('2024-01-01')],
      ['North', day('2024-02-01')],
      ['South', day('2024-02-01')],
    ]);
    expect((grouped.points[1] as ShownPeriod).change).to.not.equal(null);
    expect((grouped.points[2] as ShownPeriod).change).to.equal(null);
  });
});

describe('series columns', () => {
  const MONTHS: NpsPeriodCounts[] = [
    { period: '2024-01', group: 'North', promoters: 8, passives: 1, detractors: 1 },
    { period: '2024-02', group: 'North', promoters: 1, passives: 1, detractors: 8 },
    { period: '2024-03', group: 'North', promoters: 1, passives: 1, detractors: 1 },
    // With March's 3, 5 hidden: complementary suppression hides nothing more.
    { period: '2024-04', group: 'North', promoters: 1, passives: 0, detractors: 1 },
    { period: '2024-01', group: 'South', promoters: 5, passives: 3, detractors: 2 },
    { period: '2024-02', group: 'South', promoters: 2, passives: 3, detractors: 5 },
  ];
  const series = npsSeries(partialFromCounts(MONTHS, 'month', 'region'));

  it('round-trips a series through columns', () => {
    expect(seriesFromColumns(seriesToColumns(series))).to.deep.equal(series);
    const ungrouped = npsSeries(partialFromCounts(MONTHS.map(({ group: _, ...rest }) => rest), 'month'), 5);
    expect(seriesFromColumns(seriesToColumns(ungrouped))).to.deep.equal(ungrouped);
  });

  it('lays out one row per point, with group indices and significance as −1/0/1', () => {
    const columns = seriesToColumns(series);
    expect(columns.groups).to.deep.equal(['North', 'South']);
    expect(Array.from(columns.groupIndex)).to.deep.equal([0, 0, 0, 0, 1, 1]);
    expect(Array.from(columns.suppressed)).to.deep.equal([0, 0, 1, 1, 0, 0]);
    expect(Array.from(columns.significant)).to.deep.equal([0, -1, 0, 0, 0, 0]);
    expect(Array.from(columns.n)).to.deep.equal([10, 10, 0, 0, 10, 10]);
    expect(Array.from(columns.nps)).to.deep.equal([70, -70, NaN, NaN, 30, -30]);
    expect(Number.isNaN(columns.z[0]!) && Number.isNaN(columns.delta[4]!)).to.equal(true); // no previous period
    expect(columns.delta[5]).to.equal(-60);
  });

  it('carries only 0 and NaN in suppressed rows', () => {
    const columns = seriesToColumns(series);
    const row = 2; // North, March, n = 3
    for (const name of ['n', 'promoters', 'passives', 'detractors'] as const) expect(columns[name][row], name).to.equal(0);
    for (const name of ['nps', 'lower', 'upper', 'delta', 'z', 'p'] as const) expect(columns[name][row], name).to.be.NaN;
    expect(columns.significant[row]).to.equal(0);
  });

  it('lists every column buffer, distinct, for transfer', () => {
    const buffers = seriesTransferables(seriesToColumns(series));
    expect(buffers.length).to.equal(14);
    expect(new Set(buffers).size).to.equal(14);
  });
});
