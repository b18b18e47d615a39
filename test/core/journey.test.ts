import { expect } from '@open-wc/testing';
import { caught } from '../caught.ts';
import { dayRangeFilter, intersectFilters, parseFilterAttribute, toRowFilter } from '../../src/core/filter.ts';
import { ingestRecords } from '../../src/core/ingest.ts';
import {
  aggregateStages,
  journeyMeasures,
  measureJourney,
  negativeFeedback,
  type JourneyStage,
  type ShownStage,
  type StageCounts,
} from '../../src/core/journey.ts';
import { compareProportions, estimateProportion } from '../../src/core/proportions.ts';
import { orderStages, parseStageList, stagePrefix } from '../../src/core/stages.ts';
import { holmAdjust, tQuantile975 } from '../../src/core/statistics.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

type Row = { date: string; stage?: string; nps?: number | null; csat?: number | null; ces?: number | null; comment?: string; channel?: string; theme?: string };

/**
 * Hand-made journey. Apply: NPS 10 10 9 8 7 6 3 (P 3, Pa 2, D 2 → NPS 14.29, pain 2/7), CSAT 5 4 4 2 1
 * (top-2-box 3/5), CES 7 6 2 (3 answers: below min-n). Wait: NPS 0 2 4 6 5 9 10 8 (P 2, Pa 1, D 5 →
 * NPS −37.5, pain 5/8), CSAT 1 1 2 3 5 (1/5), CES 1 2 3 5 6 7 (mean 4, easy 3/6). Decision: 5 rows but
 * NPS 9 9 10 3 (4 NPS answers: suppressed on NPS; its 5 rows are no count below min-n, so nothing else
 * is hidden with it). Two rows have no stage.
 */
const ROWS: Row[] = [
  { date: '2024-01-02', stage: 'Apply', nps: 10, csat: 5, ces: 7, comment: 'Quick and clear' },
  { date: '2024-01-03', stage: 'Apply', nps: 10, csat: 4, ces: 6 },
  { date: '2024-01-04', stage: 'Apply', nps: 9, csat: 4, ces: 2 },
  { date: '2024-01-05', stage: 'Apply', nps: 8, csat: 2 },
  { date: '2024-01-06', stage: 'Apply', nps: 7, csat: 1 },
  { date: '2024-02-01', stage: 'Apply', nps: 6, comment: 'The form kept timing out', channel: 'Web', theme: 'Form errors' },
  { date: '2024-02-02', stage: 'Apply', nps: 3, comment: 'Call me on +44 20 7946 0958, the upload failed', channel: 'App', theme: 'Upload' },
  { date: '2024-01-02', stage: 'Wait', nps: 0, csat: 1, ces: 1, comment: 'Waited six weeks', theme: 'Waiting time' },
  { date: '2024-01-03', stage: 'Wait', nps: 2, csat: 1, ces: 2, comment: 'Nobody answered', theme: 'Waiting time' },
  { date: '2024-01-04', stage: 'Wait', nps: 4, csat: 2, ces: 3 },
  { date: '2024-01-05', stage: 'Wait', nps: 6, csat: 3, ces: 5 },
  { date: '2024-02-06', stage: 'Wait', nps: 5, csat: 5, ces: 6, comment: 'Slow' },
  { date: '2024-02-07', stage: 'Wait', nps: 9, ces: 7, comment: 'Fine in the end' },
  { date: '2024-02-08', stage: 'Wait', nps: 10 },
  { date: '2024-02-09', stage: 'Wait', nps: 8 },
  { date: '2024-01-10', stage: 'Decision', nps: 9 },
  { date: '2024-01-11', stage: 'Decision', nps: 9 },
  { date: '2024-01-12', stage: 'Decision', nps: 10 },
  { date: '2024-01-13', stage: 'Decision', nps: 3, comment: 'Refused without reason' },
  { date: '2024-01-16', stage: 'Decision', nps: null, csat: 3 },
  { date: '2024-01-14', stage: '', nps: 1 },
  { date: '2024-01-15', nps: 2 },
];

const { table, quality } = ingestRecords(ROWS, {});

function shown(stage: JourneyStage | undefined): ShownStage {
  expect(stage?.suppressed, `${stage?.name} is shown`).to.equal(false);
  return stage as ShownStage;
}

describe('aggregateStages', () => {
  it('counts rows and the three score histograms per stage, in first-appearance order, skipping rows without a stage', () => {
    const stages = aggregateStages(table);
    expect(stages.map((s) => [s.value, s.rows])).to.deep.equal([
      ['Apply', 7],
      ['Wait', 8],
      ['Decision', 5],
    ]);
    const apply = stages[0]!;
    expect(Array.from(apply.histograms.nps)).to.deep.equal([0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 2]);
    expect(Array.from(apply.histograms.csat)).to.deep.equal([0, 1, 1, 0, 2, 1]);
    expect(Array.from(apply.histograms.ces)).to.deep.equal([0, 0, 1, 0, 0, 0, 1, 1]);
  });

  it('tells the quality report how many accepted rows had no stage', () => {
    expect(quality.withoutStage).to.equal(2);
    expect(ingestRecords([{ date: '2024-01-01', nps: 3 }], {}).quality.withoutStage).to.equal(0);
  });

  it('applies the day range and column conditions', () => {
    const february = aggregateStages(table, { fromDay: day('2024-02-01'), toDay: day('2024-02-29') });
    expect(february.map((s) => s.rows)).to.deep.equal([2, 4, 0]);
    const web = aggregateStages(table, { conditions: [{ dimension: 'channel', values: ['Web'] }] });
    expect(web.map((s) => s.rows)).to.deep.equal([1, 0, 0]);
  });

  it('throws missing-column when the data has no stage column', () => {
    const noStage = ingestRecords([{ date: '2024-01-01', nps: 3 }], {}).table;
    expect(caught(() => aggregateStages(noStage)).params).to.deep.equal({ field: 'stage' });
  });
});

describe('journeyMeasures', () => {
  const result = journeyMeasures(aggregateStages(table), { metric: 'nps', minN: 5 });
  const [apply, wait, decision] = result.stages;

  it('computes n, NPS, CSAT top-2-box and pain share per stage as hand-computed', () => {
    const a = shown(apply);
    expect(a.n).to.equal(7);
    expect(a.nps!.nps).to.be.closeTo((100 * (3 - 2)) / 7, 1e-12);
    expect([a.nps!.promoters, a.nps!.passives, a.nps!.detractors]).to.deep.equal([3, 2, 2]);
    expect(a.csat!.share).to.equal(3 / 5);
    expect(a.ces, 'three CES answers are below min-n').to.equal(null);
    expect([a.pain.count, a.pain.n]).to.deep.equal([2, 7]);

    const w = shown(wait);
    expect(w.nps!.nps).to.equal(-37.5);
    expect(w.csat!.share).to.equal(1 / 5);
    expect(w.ces!.mean).to.equal(4);
    // Mean 4, s = 2.3664319132398464, t(0.975, 5) = 2.5706: 4 ∓ 2.5706·s/√6.
    expect(w.ces!.lower).to.be.closeTo(4 - (2.5706 * 2.3664319132398464) / Math.sqrt(6), 1e-12);
    expect(w.ces!.upper).to.be.closeTo(4 + (2.5706 * 2.3664319132398464) / Math.sqrt(6), 1e-12);
    expect(w.ces!.easy.share).to.equal(3 / 6);
    expect(w.pain.share).to.equal(5 / 8);
  });

  it('ranks shown stages by pain share and tests each against the other shown stages', () => {
    expect([shown(wait).rank, shown(apply).rank]).to.deep.equal([1, 2]);
    // Reference: z = 1.3140479210346594, p = 0.18883007821588316 (pooled two-proportion test, 5/8 vs 2/7).
    const comparison = shown(wait).comparison!;
    expect(comparison.z).to.be.closeTo(1.3140479210346594, 1e-12);
    expect(comparison.p).to.be.closeTo(0.18883007821588316, 1e-9);
    expect(comparison.restShare).to.equal(2 / 7);
    // Two shown stages: each against "the rest" is the same comparison, so there is nothing to adjust.
    expect(comparison.pAdjusted).to.equal(comparison.p);
    expect([comparison.worse, comparison.better]).to.deep.equal([false, false]);
  });

  it('suppresses a stage below min-n: name only, no count, score or rank', () => {
    expect(decision).to.deep.equal({ suppressed: true, reason: 'few-answers', name: 'Decision', values: ['Decision'], listed: false });
    // Nothing of the suppressed stage feeds the others' tests: 4 answers, 1 negative, would change them.
    expect(shown(apply).comparison!.restShare).to.equal(5 / 8);
  });

  it('switches the pain definition with the metric: CSAT 1–2, CES 1–3', () => {
    const csat = journeyMeasures(aggregateStages(table), { metric: 'csat', minN: 5 });
    expect(csat.stages.map((s) => (s.suppressed ? null : [s.pain.count, s.pain.n]))).to.deep.equal([[2, 5], [3, 5], null]);
    const ces = journeyMeasures(aggregateStages(table), { metric: 'ces', minN: 5 });
    expect(ces.stages.map((s) => (s.suppressed ? null : [s.pain.count, s.pain.n]))).to.deep.equal([null, [3, 6], null]);
    expect(shown(ces.stages[1]).comparison, 'no other shown stage to compare with').to.equal(null);
  });

  it('flags a stage significantly worse than the rest, and one significantly better (R prop.test reference)', () => {
    // prop.test(c(25, 15), c(50, 50), correct = FALSE): X-squared = 4.1667, p-value = 0.04123.
    const counts: StageCounts[] = [
      { value: 'Apply', rows: 50, histograms: histograms(15, 35) },
      { value: 'Wait', rows: 50, histograms: histograms(25, 25) },
    ];
    const [a, w] = journeyMeasures(counts, { minN: 5 }).stages.map(shown);
    expect(w!.comparison!.z).to.be.closeTo(2.041241452319315, 1e-12);
    expect(w!.comparison!.p).to.be.closeTo(0.04122683333716371, 1e-9);
    expect([w!.comparison!.worse, a!.comparison!.better]).to.deep.equal([true, true]);
    expect([w!.rank, a!.rank]).to.deep.equal([1, 2]);
  });

  it('adjusts for testing several stages: p = 0.03 for one of three stages is no pain point (Holm)', () => {
    // Wait 24/50 against Apply + Decision (30/100): z = 2.1650635094610964, p = 0.03038282197657753.
    // Apply and Decision 15/50 against 39/100: p = 0.27901631321136366 each (Python, pooled z test).
    // Holm: 3 × 0.0304 = 0.0911; 2 × 0.2790 = 0.5580 for both others. Raw p < 0.05, adjusted not.
    const counts: StageCounts[] = [
      { value: 'Apply', rows: 50, histograms: histograms(15, 35) },
      { value: 'Wait', rows: 50, histograms: histograms(24, 26) },
      { value: 'Decision', rows: 50, histograms: histograms(15, 35) },
    ];
    const [apply, wait, decision] = journeyMeasures(counts, { minN: 5 }).stages.map(shown);
    expect(wait!.comparison!.p).to.be.closeTo(0.03038282197657753, 1e-9);
    expect(wait!.comparison!.pAdjusted).to.be.closeTo(3 * 0.03038282197657753, 1e-9);
    expect(apply!.comparison!.pAdjusted).to.be.closeTo(2 * 0.27901631321136366, 1e-9);
    expect(decision!.comparison!.pAdjusted).to.be.closeTo(2 * 0.27901631321136366, 1e-9);
    expect([apply, wait, decision].map((s) => s!.comparison!.worse || s!.comparison!.better)).to.deep.equal([false, false, false]);
  });

  it('orders by the stages list, keeps listed stages missing from the data, and puts others after', () => {
    const listed = journeyMeasures(aggregateStages(table), { minN: 5, stages: ['Discover', 'wait', 'Apply'] });
    expect(listed.stages.map((s) => [s.name, s.listed])).to.deep.equal([
      ['Discover', true],
      ['wait', true],
      ['Apply', true],
      ['Decision', false],
    ]);
    expect(listed.stages[0]).to.deep.equal({ suppressed: true, reason: 'no-data', name: 'Discover', values: [], listed: true });
  });

  it('rejects a stage column with more distinct values than a journey can have, before counting anything', () => {
    const many = Array.from({ length: 201 }, (_, i): StageCounts => ({ value: `s${i}`, rows: 1, histograms: histograms(0, 1) }));
    expect(caught(() => journeyMeasures(many)).code).to.equal('too-many-stages');
    const freeText = ingestRecords(Array.from({ length: 300 }, (_, i) => ({ date: '2024-01-01', nps: 5, stage: `comment ${i}` })), {}).table;
    expect(caught(() => aggregateStages(freeText)).params).to.deep.equal({ count: 300, max: 200 });
  });

  it('hides the smallest shown stages too when the hidden ones hold fewer than min-n rows together', () => {
    // Wait has 3 answers (hidden). Subtracting the shown stages from the total would give 3: so Apply,
    // the smallest shown stage (20 rows), is hidden as well and the difference becomes 23.
    const counts: StageCounts[] = [
      { value: 'Discover', rows: 50, histograms: histograms(10, 40) },
      { value: 'Apply', rows: 20, histograms: histograms(5, 15) },
      { value: 'Wait', rows: 3, histograms: histograms(3, 0) },
      { value: 'Decision', rows: 40, histograms: histograms(8, 32) },
    ];
    const result = journeyMeasures(counts, { minN: 5 });
    expect(result.stages.map((s) => (s.suppressed ? s.reason : 'shown'))).to.deep.equal(['shown', 'protects-another', 'few-answers', 'shown']);
    // Nothing hidden, or enough hidden already: nothing more is hidden.
    const enough = journeyMeasures([...counts.slice(0, 2), { value: 'Wait', rows: 6, histograms: histograms(3, 1) }], { minN: 5 });
    expect(enough.stages.map((s) => (s.suppressed ? s.reason : 'shown'))).to.deep.equal(['shown', 'shown', 'few-answers']);
    const alone = journeyMeasures([counts[2]!], { minN: 5 });
    expect(alone.stages.map((s) => (s.suppressed ? s.reason : 'shown'))).to.deep.equal(['few-answers']);
  });

  it('adjusts p-values for the number of stages tested (Holm), like R’s p.adjust', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), method = "holm") → 0.03 0.06 0.06 0.02
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => expect(adjusted[i]).to.be.closeTo(expected, 1e-15));
    expect(holmAdjust([0.5, 0.9]), "capped at 1 and never below an earlier one").to.deep.equal([1, 1]);
    expect(holmAdjust([])).to.deep.equal([]);
  });

  it('uses Student’s t for the CES interval (R qt(0.975, df) to 1e-4)', () => {
    const reference: Array<[number, number]> = [
      [1, 12.7062],
      [4, 2.776445],
      [29, 2.04523],
      [49, 2.009575],
      [200, 1.971896],
      [100000, 1.959988],
    ];
    for (const [df, t] of reference) expect(tQuantile975(df), `df ${df}`).to.be.closeTo(t, 1e-4);
    // Five identical answers: no spread in the sample, so a point; one answer: the whole scale.
    const same = journeyMeasures([{ value: 'A', rows: 5, histograms: { nps: hist11(), csat: new Float64Array(6), ces: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 5]) } }], {
      metric: 'ces',
      minN: 1,
    });
    expect(shown(same.stages[0]).ces).to.include({ mean: 7, lower: 7, upper: 7 });
    const single = journeyMeasures([{ value: 'A', rows: 1, histograms: { nps: hist11(), csat: new Float64Array(6), ces: Float64Array.from([0, 0, 0, 1, 0, 0, 0, 0]) } }], {
      metric: 'ces',
      minN: 1,
    });
    expect(shown(single.stages[0]).ces).to.include({ mean: 3, lower: 1, upper: 7 });
  });
});

function hist11(): Float64Array {
  return new Float64Array(11);
}

function histograms(detractors: number, promoters: number): StageCounts['histograms'] {
  const nps = new Float64Array(11);
  nps[0] = detractors;
  nps[10] = promoters;
  return { nps, csat: new Float64Array(6), ces: new Float64Array(8) };
}

describe('measureJourney', () => {
  it('leaves out stages a stage filter excludes instead of calling them small', () => {
    const result = measureJourney(table, { metric: 'nps', minN: 5, stages: ['Apply', 'Wait'], conditions: [{ dimension: 'stage', values: ['Wait'] }] });
    expect(result.stages.map((s) => s.name)).to.deep.equal(['Wait']);
  });

  it('reports an unknown metric', () => {
    expect(caught(() => measureJourney(table, { metric: 'effort' as never, minN: 5, stages: [] })).params).to.deep.equal({ detail: 'metric="effort"' });
  });
});

describe('orderStages', () => {
  it('uses a numeric prefix when there is no list, numbered stages before unnumbered ones', () => {
    const order = orderStages(['3. Decision', 'Other', '1 Apply', '2 - Wait', '10) Support']);
    expect(order.map((s) => s.name)).to.deep.equal(['Apply', 'Wait', 'Decision', 'Support', 'Other']);
    expect(order[0]!.values).to.deep.equal(['1 Apply']);
  });

  it('keeps first appearance otherwise, and merges values that differ only in case or spaces', () => {
    const order = orderStages(['Wait', 'Apply', 'apply', 'Decision']);
    expect(order.map((s) => [s.name, s.values])).to.deep.equal([
      ['Wait', ['Wait']],
      ['Apply', ['Apply', 'apply']],
      ['Decision', ['Decision']],
    ]);
  });

  it('makes "1 Apply", "1. apply" and "Apply" one stage even when nothing is listed', () => {
    expect(orderStages(['Apply', '2 Wait', '1 Apply', '1. apply']).map((s) => [s.name, s.values])).to.deep.equal([
      ['Apply', ['Apply', '1 Apply', '1. apply']],
      ['Wait', ['2 Wait']],
    ]);
    expect(orderStages(['Apply'], ['1 Apply']).map((s) => [s.name, s.values])).to.deep.equal([['1 Apply', ['Apply']]]);
  });

  it('matches listed names with or without the data’s prefix, ignoring case', () => {
    const order = orderStages(['2 Wait', '1 Apply', 'Appeal'], ['apply', 'WAIT']);
    expect(order.map((s) => [s.name, s.values, s.listed])).to.deep.equal([
      ['apply', ['1 Apply'], true],
      ['WAIT', ['2 Wait'], true],
      ['Appeal', ['Appeal'], false],
    ]);
  });

  it('reads prefixes strictly: a year or a bare number is not a step', () => {
    expect(stagePrefix('2024')).to.equal(null);
    expect(stagePrefix('2024 Review')).to.equal(null);
    expect(stagePrefix('1 Apply')).to.deep.equal({ step: 1, name: 'Apply' });
    expect(stagePrefix('Apply 1')).to.equal(null);
    expect(parseStageList(' Discover, Apply ,, Wait ')).to.deep.equal(['Discover', 'Apply', 'Wait']);
  });
});

describe('negativeFeedback', () => {
  it('returns the comments of negative answers of the stage only, in row order', () => {
    const apply = negativeFeedback(table, { metric: 'nps', values: ['Apply'] });
    expect(apply.comments).to.deep.equal(['The form kept timing out', 'Call me on +44 20 7946 0958, the upload failed']);
    const wait = negativeFeedback(table, { metric: 'csat', values: ['Wait'] });
    expect(wait.comments).to.deep.equal(['Waited six weeks', 'Nobody answered']);
  });

  it('reads the theme column for negative answers when the data has one', () => {
    expect(negativeFeedback(table, { metric: 'nps', values: ['Wait'] }).themeValues).to.deep.equal(['Waiting time', 'Waiting time']);
    const noThemes = ingestRecords([{ date: '2024-01-01', nps: 3, stage: 'A', comment: 'x' }], {}).table;
    expect(negativeFeedback(noThemes, { metric: 'nps', values: ['A'] }).themeValues).to.equal(null);
  });

  it('honours the day range and conditions', () => {
    const january = negativeFeedback(table, { metric: 'nps', values: ['Apply', 'Wait'], toDay: day('2024-01-31') });
    expect(january.comments).to.deep.equal(['Waited six weeks', 'Nobody answered']);
    const app = negativeFeedback(table, { metric: 'nps', values: ['Apply'], conditions: [{ dimension: 'channel', values: ['App'] }] });
    expect(app.comments).to.have.length(1);
  });
});

describe('proportions', () => {
  it('matches Newcombe’s (1998) Wilson score intervals', () => {
    // Newcombe, Statistics in Medicine 17:857–872, Table II, method 3.
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [count, n, lower, upper] of cases) {
      const estimate = estimateProportion(count, n)!;
      expect(estimate.lower, `${count}/${n} lower`).to.be.closeTo(lower, 5e-5);
      expect(estimate.upper, `${count}/${n} upper`).to.be.closeTo(upper, 5e-5);
    }
    const all = estimateProportion(20, 20)!;
    expect([all.share, all.upper]).to.deep.equal([1, 1]);
    expect(all.lower).to.be.closeTo(1 - 0.1611, 5e-5);
  });

  it('has no estimate without answers and refuses impossible counts', () => {
    expect(estimateProportion(0, 0)).to.equal(null);
    expect(() => estimateProportion(3, 2)).to.throw(RangeError);
  });

  it('tests two proportions like R’s prop.test without continuity correction', () => {
    const test = compareProportions(15, 50, 25, 50)!;
    expect(test.z).to.be.closeTo(-2.041241452319315, 1e-12);
    expect(test.p).to.be.closeTo(0.04122683333716371, 1e-9);
    expect(compareProportions(0, 10, 0, 10), 'no variation').to.equal(null);
    expect(compareProportions(1, 0, 1, 10)).to.equal(null);
  });
});

describe('filters', () => {
  it('parses the attribute form into conditions, values split on | and conditions on ;', () => {
    expect(parseFilterAttribute('department:Tax|Benefits; stage: Apply ')).to.deep.equal({ segment: { department: ['Tax', 'Benefits'], stage: ['Apply'] } });
    expect(toRowFilter('department:Tax').conditions).to.deep.equal([{ dimension: 'department', values: ['Tax'] }]);
  });

  it('turns the object form into days and conditions', () => {
    expect(toRowFilter({ from: '2024-01-01', to: '2024-01-31', stage: 'Wait', segment: { channel: ['Web', 'App'] } })).to.deep.equal({
      fromDay: day('2024-01-01'),
      toDay: day('2024-01-31'),
      conditions: [
        { dimension: 'stage', values: ['Wait'] },
        { dimension: 'channel', values: ['Web', 'App'] },
      ],
    });
    expect(toRowFilter(undefined).conditions).to.deep.equal([]);
    expect(toRowFilter('')).to.deep.equal({ fromDay: null, toDay: null, conditions: [] });
  });

  it('reports what is wrong, naming the part', () => {
    expect(caught(() => toRowFilter('department')).params).to.deep.equal({ detail: 'filter="department"' });
    expect(caught(() => toRowFilter({ from: '03/04/2024' })).params).to.deep.equal({ detail: 'filter.from="03/04/2024"' });
    expect(caught(() => toRowFilter({ segment: { channel: 3 as unknown as string } })).code).to.equal('bad-data');
    expect(caught(() => dayRangeFilter('yesterday', undefined)).params).to.deep.equal({ detail: 'from="yesterday"' });
    // A column name where segment belongs is refused, not ignored.
    expect(caught(() => toRowFilter({ department: 'Tax' } as never)).params).to.deep.equal({ detail: 'filter.department' });
  });

  it('intersects: later from, earlier to, all conditions', () => {
    const a = toRowFilter({ from: '2024-01-01', to: '2024-06-30', stage: 'Wait' });
    const b = toRowFilter({ from: '2024-03-01', segment: { channel: 'Web' } });
    expect(intersectFilters(a, b)).to.deep.equal({
      fromDay: day('2024-03-01'),
      toDay: day('2024-06-30'),
      conditions: [...a.conditions, ...b.conditions],
    });
  });
});
