import { expect } from '@open-wc/testing';
import { addToPartial, emptyPartial } from '../../src/core/aggregate.ts';
import { complementarySuppression } from '../../src/core/complementary.ts';
import { toRowFilter } from '../../src/core/filter.ts';
import { ingestRecords } from '../../src/core/ingest.ts';
import { journeyMeasures, measureJourney, type StageCounts } from '../../src/core/journey.ts';
import type { PeriodValue } from '../../src/core/kpi-series.ts';
import { suppressNestedKpis, type NestableSeries } from '../../src/core/kpi-suppression.ts';
import { measureKpis, scorecardWindow } from '../../src/core/scorecard.ts';
import { readScorecardDefinition, type Kpi } from '../../src/core/scorecard-definition.ts';
import { npsSeries } from '../../src/core/series.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const groups = (...spec: Array<[number, boolean]>) => spec.map(([n, suppressed]) => ({ n, suppressed }));

describe('complementarySuppression', () => {
  it('hides the next-smallest group when the total and the shown groups would reveal a suppressed one', () => {
    // 50 + 20 + 3 + 40 = 113; without the 3 a reader gets 113 − 110 = 3. Hiding 20 makes it 23.
    expect(complementarySuppression(groups([50, false], [20, false], [3, true], [40, false]), 5)).to.deep.equal([false, true, true, false]);
  });

  it('keeps going until the hidden groups hold at least min-n together, taking the later group on a tie', () => {
    // Hidden 1 → the two 2s tie: the later (index 2) goes first → 3 → then index 1 → 5 = min-n: stop.
    expect(complementarySuppression(groups([1, true], [2, false], [2, false], [9, false]), 5)).to.deep.equal([true, true, true, false]);
    // Hidden 2 → the later 3 → 5: stop; asked for the earlier one, index 1 instead.
    expect(complementarySuppression(groups([2, true], [3, false], [3, false]), 5)).to.deep.equal([true, false, true]);
    expect(complementarySuppression(groups([2, true], [3, false], [3, false]), 5, { ties: 'earlier' })).to.deep.equal([true, true, false]);
  });

  it('hides nothing more when nothing is hidden, or when the hidden groups already hold min-n', () => {
    expect(complementarySuppression(groups([10, false], [12, false]), 5)).to.deep.equal([false, false]);
    expect(complementarySuppression(groups([2, true], [3, true], [30, false]), 5)).to.deep.equal([true, true, false]);
  });

  it('counts rows of the total that are in no shown group as hidden', () => {
    // Total 25 covers 3 rows outside both groups: 25 − 22 = 3 would be revealed.
    expect(complementarySuppression(groups([10, false], [12, false]), 5, { total: 25 })).to.deep.equal([true, false]);
    expect(complementarySuppression(groups([10, false], [12, false]), 5, { total: 27 })).to.deep.equal([false, false]);
  });

  it('leaves everything hidden when the total itself is below min-n, and never picks empty groups', () => {
    expect(complementarySuppression(groups([1, true], [2, true]), 5)).to.deep.equal([true, true]);
    expect(complementarySuppression(groups([3, true], [0, false], [8, false]), 5)).to.deep.equal([true, false, true]);
    // Nothing left to hide: stops rather than looping.
    expect(complementarySuppression(groups([3, true], [0, false]), 5, { total: 4 })).to.deep.equal([true, false]);
  });
});

const hist = (detractors: number, promoters: number) => {
  const nps = new Float64Array(11);
  nps[0] = detractors;
  nps[10] = promoters;
  return { nps, csat: new Float64Array(6), ces: new Float64Array(8) };
};

describe('complementary suppression in the journey', () => {
  it('hides the later of two equally small stages and no count of a hidden stage leaves journeyMeasures', () => {
    const counts: StageCounts[] = [
      { value: 'Apply', rows: 20, histograms: hist(5, 15) },
      { value: 'Wait', rows: 20, histograms: hist(4, 16) },
      { value: 'Decision', rows: 3, histograms: hist(3, 0) },
    ];
    const result = journeyMeasures(counts, { minN: 5 });
    expect(result.stages.map((s) => (s.suppressed ? s.reason : 'shown'))).to.deep.equal(['shown', 'protects-another', 'few-answers']);
    for (const stage of result.stages.filter((s) => s.suppressed)) expect(Object.keys(stage).sort()).to.deep.equal(['listed', 'name', 'reason', 'suppressed', 'values']);
  });

  it('applies within a filtered segment, counting only the segment’s rows', () => {
    const rows = [
      ...Array.from({ length: 6 }, () => ({ date: '2024-01-02', stage: 'Apply', nps: 9, channel: 'Web' })),
      ...Array.from({ length: 7 }, () => ({ date: '2024-01-02', stage: 'Wait', nps: 9, channel: 'Web' })),
      ...Array.from({ length: 2 }, () => ({ date: '2024-01-02', stage: 'Decision', nps: 3, channel: 'Web' })),
      ...Array.from({ length: 9 }, () => ({ date: '2024-01-02', stage: 'Decision', nps: 3, channel: 'Phone' })),
    ];
    const { table } = ingestRecords(rows, {});
    const all = measureJourney(table, { metric: 'nps', minN: 5, stages: [] });
    expect(all.stages.map((s) => s.suppressed)).to.deep.equal([false, false, false]);
    const web = measureJourney(table, { metric: 'nps', minN: 5, stages: [], conditions: [{ dimension: 'channel', values: ['Web'] }] });
    // Decision has 2 Web answers: Apply (6, the smallest shown) is hidden too → 8 hidden.
    expect(web.stages.map((s) => (s.suppressed ? s.reason : 'shown'))).to.deep.equal(['protects-another', 'shown', 'few-answers']);
  });
});

describe('complementary suppression in the trend', () => {
  const JAN = day('2024-01-01');
  const FEB = day('2024-02-01');
  const MAR = day('2024-03-01');
  const APR = day('2024-04-01');
  function partial(spec: Array<[number, string | null, number, number]>) {
    const p = emptyPartial('month', spec.some(([, g]) => g !== null) ? 'channel' : null);
    for (const [start, group, detractors, promoters] of spec) {
      if (detractors) addToPartial(p, start, group, 0, detractors);
      if (promoters) addToPartial(p, start, group, 10, promoters);
    }
    return p;
  }

  it('hides the smallest other period when one period is suppressed, so the quality total gives nothing back', () => {
    // Feb: 3 answers (P 2, D 1 → NPS 33). Mar (8) is the smallest shown: hidden too → 11 hidden.
    const series = npsSeries(partial([[JAN, null, 2, 8], [FEB, null, 1, 2], [MAR, null, 2, 6], [APR, null, 3, 9]]), 5);
    expect(series.points.map((p) => p.suppressed)).to.deep.equal([false, true, true, false]);
    expect(series.points.map((p) => (p.suppressed ? null : p.n))).to.deep.equal([10, null, null, 12]);
    // April's change would compare with a hidden March: none.
    expect(series.points[3]).to.include({ change: null });
    expect(Object.keys(series.points[1]!).sort()).to.deep.equal(['group', 'periodStart', 'suppressed']);
  });

  it('takes the earlier period on a tie, so the newest stays, and treats each group on its own', () => {
    const series = npsSeries(
      partial([
        [JAN, 'Web', 2, 6],
        [FEB, 'Web', 1, 1],
        [MAR, 'Web', 2, 6],
        [JAN, 'Phone', 5, 5],
        [FEB, 'Phone', 5, 5],
      ]),
      5,
    );
    const state = series.points.map((p) => `${p.group}:${p.periodStart === JAN ? 'Jan' : p.periodStart === FEB ? 'Feb' : 'Mar'}:${p.suppressed ? 'hidden' : 'shown'}`);
    expect(state).to.deep.equal(['Phone:Jan:shown', 'Phone:Feb:shown', 'Web:Jan:hidden', 'Web:Feb:hidden', 'Web:Mar:shown']);
  });

  it('hides nothing more when the small periods already add up to min-n', () => {
    const series = npsSeries(partial([[JAN, null, 2, 8], [FEB, null, 1, 2], [MAR, null, 1, 1], [APR, null, 3, 9]]), 5);
    expect(series.points.map((p) => p.suppressed)).to.deep.equal([false, true, true, false]);
  });
});

const OCT = day('2024-10-01');
const value = (n: number, extra: Partial<PeriodValue> = {}): PeriodValue => ({ periodStart: OCT, value: n > 0 ? 40 : null, n, suppressed: false, lower: 30, upper: 50, ...extra });
const hiddenValue: PeriodValue = { periodStart: OCT, value: null, n: 0, suppressed: true };
const nestable = (filter: Parameters<typeof toRowFilter>[0], period: PeriodValue, field = 'nps'): NestableSeries => ({ field, filter: toRowFilter(filter), periods: [period] });
const states = (result: PeriodValue[][]) => result.map(([p]) => (p!.suppressed ? 'hidden' : String(p!.n)));

describe('suppressNestedKpis', () => {
  it('hides a segment whose total minus it leaves fewer than min-n answers', () => {
    // All 40, Tax 37: the other 3 answers could be worked out, so Tax goes.
    expect(states(suppressNestedKpis([nestable('', value(40)), nestable('department:Tax', value(37))], 5))).to.deep.equal(['40', 'hidden']);
    expect(states(suppressNestedKpis([nestable('', value(40)), nestable('department:Tax', value(35))], 5))).to.deep.equal(['40', '35']);
  });

  it('hides the next-smallest segment when one of a split is suppressed, and no count is left on it', () => {
    // All 60 = Tax 30 + Benefits 27 + Pensions 3 (suppressed). Benefits is next-smallest.
    const result = suppressNestedKpis(
      [nestable('', value(60)), nestable('department:Tax', value(30)), nestable('department:Benefits', value(27)), nestable('department:Pensions', hiddenValue)],
      5,
    );
    expect(states(result)).to.deep.equal(['60', '30', 'hidden', 'hidden']);
    expect(result[2]![0]).to.deep.equal(hiddenValue);
  });

  it('takes the later segment on a tie', () => {
    const result = suppressNestedKpis([nestable('', value(43)), nestable('department:Tax', value(20)), nestable('department:Benefits', value(20))], 5);
    expect(states(result)).to.deep.equal(['43', '20', 'hidden']);
  });

  it('uncovers and protects segments nested two levels deep', () => {
    // Tax 40 = Web 20 + Phone 18 (+ 2 elsewhere): Phone goes. All 100 − Tax 40 = 60 is fine.
    const result = suppressNestedKpis(
      [
        nestable('', value(100)),
        nestable('department:Tax', value(40)),
        nestable('department:Tax; channel:Web', value(20)),
        nestable('department:Tax; channel:Phone', value(18)),
      ],
      5,
    );
    expect(states(result)).to.deep.equal(['100', '40', '20', 'hidden']);
  });

  it('never adds up segments that overlap without nesting, nor KPIs of different scores, nor a hidden total', () => {
    // Tax and Web overlap: 50 − 30 − 18 is not a group. Each alone leaves 20 and 32.
    expect(states(suppressNestedKpis([nestable('', value(50)), nestable('department:Tax', value(30)), nestable('channel:Web', value(18))], 5))).to.deep.equal(['50', '30', '18']);
    // CSAT answers are not NPS answers.
    expect(states(suppressNestedKpis([nestable('', value(40)), nestable('department:Tax', value(37), 'csat')], 5))).to.deep.equal(['40', '37']);
    // With the total hidden, there is nothing to subtract from.
    expect(states(suppressNestedKpis([nestable('', hiddenValue), nestable('department:Tax', value(37))], 5))).to.deep.equal(['hidden', '37']);
  });

  it('hides another period of a KPI when one is suppressed, using the answers kept in the worker', () => {
    const NOV = day('2024-11-01');
    const DEC = day('2024-12-01');
    const at = (periodStart: number, n: number): PeriodValue => (n < 5 ? { periodStart, value: null, n: 0, suppressed: true } : { ...value(n), periodStart });
    // Oct 40, Nov 3 (suppressed), Dec 35: Dec, the smaller shown period, goes too.
    const kpi: NestableSeries = { field: 'nps', filter: toRowFilter(''), periods: [at(OCT, 40), at(NOV, 3), at(DEC, 35)], answers: [40, 3, 35] };
    expect(suppressNestedKpis([kpi], 5)[0]!.map((p) => (p.suppressed ? 'hidden' : p.n))).to.deep.equal([40, 'hidden', 'hidden']);
    // Without the answers the rule cannot see the hidden 3 and leaves the KPI as it is.
    expect(suppressNestedKpis([{ ...kpi, answers: undefined }], 5)[0]!.map((p) => p.suppressed)).to.deep.equal([false, true, false]);
  });

  it('lets the two rules feed each other until nothing changes', () => {
    const NOV = day('2024-11-01');
    // Tax: Oct 3 (suppressed), Nov 30 → Nov hidden across periods. All: 40 and 40, never below Tax.
    const all: NestableSeries = { field: 'nps', filter: toRowFilter(''), periods: [value(40), { ...value(40), periodStart: NOV }], answers: [40, 40] };
    const tax: NestableSeries = { field: 'nps', filter: toRowFilter('department:Tax'), periods: [hiddenValue, { ...value(30), periodStart: NOV }], answers: [3, 30] };
    // Benefits: October 37, so All − Benefits = Tax's 3: Benefits' October goes as well. November 8:
    // Tax's 30 has gone across periods first, so All − Benefits = 32 is no small group.
    const benefits: NestableSeries = { field: 'nps', filter: toRowFilter('department:Benefits'), periods: [value(37), { ...value(8), periodStart: NOV }], answers: [37, 8] };
    const result = suppressNestedKpis([all, tax, benefits], 5).map((kpi) => kpi.map((p) => (p.suppressed ? 'hidden' : p.n)));
    expect(result).to.deep.equal([[40, 40], ['hidden', 'hidden'], ['hidden', 8]]);
  });

  it('treats a narrower date range as nested and a disjoint one as a separate group', () => {
    const result = suppressNestedKpis([nestable('', value(40)), nestable({ from: '2024-10-05' }, value(20)), nestable({ to: '2024-10-04' }, value(17))], 5);
    expect(states(result)).to.deep.equal(['40', '20', 'hidden']);
  });
});

describe('complementary suppression on the scorecard', () => {
  it('hides the nested KPI whose difference from the whole would be 3 answers, before any status is worked out', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ date: `2024-04-${String(i + 1).padStart(2, '0')}`, nps: i % 2 ? 10 : 8, department: 'Tax' })),
      ...[10, 10, 0].map((nps, i) => ({ date: `2024-04-2${i + 1}`, nps, department: 'Benefits' })),
    ];
    const { table } = ingestRecords(rows, {});
    const definition = readScorecardDefinition({
      council: { name: 'Council', cadence: 'monthly', asOf: '2024-05-15', periods: 2 },
      kpis: [
        { id: 'all', label: 'NPS', unit: 'score', direction: 'higher-is-better', target: 40, tolerance: 10, source: { metric: 'nps' } },
        { id: 'tax', label: 'NPS Tax', unit: 'score', direction: 'higher-is-better', target: 40, tolerance: 10, source: { metric: 'nps', filter: 'department:Tax' } },
        { id: 'benefits', label: 'NPS Benefits', unit: 'score', direction: 'higher-is-better', target: 40, tolerance: 10, source: { metric: 'nps', filter: 'department:Benefits' } },
      ],
    });
    const kpis = definition.kpis.map((k) => k as Kpi);
    const window = scorecardWindow(definition.council.asOfDay!, 'monthly', 2);
    const outcomes = measureKpis(kpis, { feedback: () => table, operational: () => { throw new Error('none'); } }, window, definition.council.asOfDay!, 5);
    const current = outcomes.map((o) => (o.ok ? o.assessment.current : null));
    expect(current.map((c) => (c?.suppressed ? 'hidden' : c?.n))).to.deep.equal([23, 'hidden', 'hidden']);
    expect(outcomes.map((o) => (o.ok ? o.assessment.greyReason : o.error.code))).to.deep.equal([null, 'suppressed', 'suppressed']);
    expect(JSON.stringify(outcomes)).not.to.match(/"n":(3|20)\b/);
  });
});
