import { expect } from '@open-wc/testing';
import { caught } from '../caught.ts';
import { localizedText, readScorecardDefinition, type InvalidKpi, type Kpi, type KpiEntry } from '../../src/core/scorecard-definition.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

type RawKpi = Record<string, unknown>;

/** A KPI that is valid as written: a median wait time from an operational file. */
function waitKpi(overrides: RawKpi = {}): RawKpi {
  return {
    id: 'wait',
    label: 'Wait time',
    unit: 'min',
    direction: 'lower-is-better',
    target: 15,
    tolerance: 5,
    owner: 'Head of Operations',
    source: { url: 'https://data.example.org/wait.csv', date: 'date', aggregation: 'median', value: 'wait_min' },
    ...overrides,
  };
}

function npsKpi(overrides: RawKpi = {}): RawKpi {
  return { id: 'nps-tax', label: 'NPS (Tax)', unit: 'score', direction: 'higher-is-better', target: 30, source: { metric: 'nps', filter: 'department:Tax' }, ...overrides };
}

function read(kpis: unknown[], council: Record<string, unknown> = {}, baseUrl?: string) {
  return readScorecardDefinition({ council: { name: 'Digital services council', cadence: 'monthly', ...council }, kpis }, baseUrl);
}

function valid(entry: KpiEntry | undefined): Kpi {
  expect(entry?.valid, `KPI ${entry?.id} is valid: ${JSON.stringify(entry && !entry.valid ? entry.problems : [])}`).to.equal(true);
  return entry as Kpi;
}

function invalid(entry: KpiEntry | undefined): InvalidKpi {
  expect(entry?.valid, `KPI ${entry?.id} is invalid`).to.equal(false);
  return entry as InvalidKpi;
}

/** Reads [good, broken, good] and returns the broken one, checking its neighbours stayed valid. */
function problemsOf(broken: unknown) {
  const { kpis } = read([npsKpi({ id: 'before' }), broken, waitKpi({ id: 'after' })]);
  expect(kpis).to.have.length(3);
  valid(kpis[0]);
  valid(kpis[2]);
  return invalid(kpis[1]);
}

function without(raw: RawKpi, key: string): RawKpi {
  const copy = { ...raw };
  delete copy[key];
  return copy;
}

describe('readScorecardDefinition: the council', () => {
  it('reads the council name, cadence, as-of day and the default of 12 periods', () => {
    const definition = read([waitKpi()], { asOf: '2024-11-23' });
    expect(definition.council).to.deep.equal({ name: 'Digital services council', cadence: 'monthly', asOfDay: day('2024-11-23'), periods: 12 });
    expect(definition.feedback).to.equal(null);
  });

  it('keeps a council without an as-of date as null (the page uses today) and reads a given number of periods', () => {
    const definition = read([waitKpi()], { cadence: 'quarterly', periods: 8 });
    expect(definition.council.asOfDay).to.equal(null);
    expect(definition.council.cadence).to.equal('quarterly');
    expect(definition.council.periods).to.equal(8);
  });

  it('accepts a localized council name', () => {
    const definition = read([waitKpi()], { name: { en: 'Service council', ar: 'مجلس الخدمات' } });
    expect(definition.council.name).to.deep.equal({ en: 'Service council', ar: 'مجلس الخدمات' });
  });

  const broken: Array<[string, unknown]> = [
    ['null', null],
    ['an array', [{ council: {}, kpis: [] }]],
    ['a string', '{"council": {}}'],
    ['a definition without a council', { kpis: [waitKpi()] }],
    ['a council that is a string', { council: 'Digital services council', kpis: [waitKpi()] }],
    ['a council without a name', { council: { cadence: 'monthly' }, kpis: [waitKpi()] }],
    ['a council with a blank name', { council: { name: '  ', cadence: 'monthly' }, kpis: [waitKpi()] }],
    ['a council without a cadence', { council: { name: 'C' }, kpis: [waitKpi()] }],
    ['a daily cadence', { council: { name: 'C', cadence: 'daily' }, kpis: [waitKpi()] }],
    ['a cadence in capitals', { council: { name: 'C', cadence: 'Monthly' }, kpis: [waitKpi()] }],
    ['an as-of date in month 13', { council: { name: 'C', cadence: 'monthly', asOf: '2024-13-01' }, kpis: [waitKpi()] }],
    ['an as-of date written day first', { council: { name: 'C', cadence: 'monthly', asOf: '23/11/2024' }, kpis: [waitKpi()] }],
    ['one period', { council: { name: 'C', cadence: 'monthly', periods: 1 }, kpis: [waitKpi()] }],
    ['121 periods', { council: { name: 'C', cadence: 'monthly', periods: 121 }, kpis: [waitKpi()] }],
    ['a fractional number of periods', { council: { name: 'C', cadence: 'monthly', periods: 6.5 }, kpis: [waitKpi()] }],
    ['an empty KPI list', { council: { name: 'C', cadence: 'monthly' }, kpis: [] }],
    ['no KPI list', { council: { name: 'C', cadence: 'monthly' } }],
    ['KPIs given as an object', { council: { name: 'C', cadence: 'monthly' }, kpis: { wait: waitKpi() } }],
    ['a feedback block without a url', { council: { name: 'C', cadence: 'monthly' }, feedback: { fields: 'date:submitted' }, kpis: [waitKpi()] }],
    ['feedback fields that are not a string', { council: { name: 'C', cadence: 'monthly' }, feedback: { url: 'https://x.org/f.csv', fields: ['date'] }, kpis: [waitKpi()] }],
  ];
  for (const [what, raw] of broken) {
    it(`throws bad-definition for ${what}`, () => {
      expect(caught(() => readScorecardDefinition(raw)).code).to.equal('bad-definition');
    });
  }

  it('accepts the smallest and largest period counts (2 and 120)', () => {
    expect(read([waitKpi()], { periods: 2 }).council.periods).to.equal(2);
    expect(read([waitKpi()], { periods: 120 }).council.periods).to.equal(120);
  });
});

describe('readScorecardDefinition: a valid KPI', () => {
  it('reads every field, inheriting the council cadence and defaulting to no tolerance, no actions and no review date', () => {
    const kpi = valid(read([waitKpi({ tolerance: undefined })], { cadence: 'quarterly' }).kpis[0]);
    expect(kpi).to.deep.equal({
      valid: true,
      id: 'wait',
      label: 'Wait time',
      unit: 'min',
      direction: 'lower-is-better',
      target: 15,
      tolerance: { kind: 'absolute', amount: 0 },
      band: 0,
      owner: 'Head of Operations',
      cadence: 'quarterly',
      lastReviewedDay: null,
      dueDay: null,
      note: null,
      source: { kind: 'csv', url: 'https://data.example.org/wait.csv', date: 'date', aggregation: 'median', value: 'wait_min', numerator: null, denominator: null, emptyPeriods: 'no-data' },
      actions: [],
    });
  });

  it('lets a KPI override the council cadence', () => {
    expect(valid(read([waitKpi({ cadence: 'weekly' })]).kpis[0]).cadence).to.equal('weekly');
  });

  it('reads an absolute tolerance as the amber band itself', () => {
    const kpi = valid(read([waitKpi({ tolerance: 2.5 })]).kpis[0]);
    expect(kpi.tolerance).to.deep.equal({ kind: 'absolute', amount: 2.5 });
    expect(kpi.band).to.equal(2.5);
  });

  it('resolves a relative tolerance against the size of the target: 10% of 80 is 8, 12.5% of −40 is 5', () => {
    const higher = valid(read([npsKpi({ target: 80, tolerance: '10%' })]).kpis[0]);
    expect(higher.tolerance).to.deep.equal({ kind: 'relative', percent: 10 });
    expect(higher.band).to.equal(8);
    const negative = valid(read([npsKpi({ target: -40, tolerance: ' 12.5 % ' })]).kpis[0]);
    expect(negative.tolerance).to.deep.equal({ kind: 'relative', percent: 12.5 });
    expect(negative.band).to.equal(5);
  });

  it('reads review and due dates written YYYY-MM-DD as day numbers, 29 February included', () => {
    const kpi = valid(read([waitKpi({ lastReviewed: '2024-02-29', due: '2024-12-31' })]).kpis[0]);
    expect(kpi.lastReviewedDay).to.equal(day('2024-02-29'));
    expect(kpi.dueDay).to.equal(day('2024-12-31'));
  });

  it('reads actions, an action with no status being open', () => {
    const kpi = valid(
      read([
        waitKpi({
          actions: [
            { title: 'Add a second triage desk', owner: 'Ops lead', due: '2024-06-30' },
            { title: 'Publish wait times online', status: 'done' },
          ],
        }),
      ]).kpis[0],
    );
    expect(kpi.actions).to.deep.equal([
      { title: 'Add a second triage desk', owner: 'Ops lead', dueDay: day('2024-06-30'), status: 'open' },
      { title: 'Publish wait times online', owner: null, dueDay: null, status: 'done' },
    ]);
  });

  it('reads a feedback source with its filter in attribute form', () => {
    const kpi = valid(read([npsKpi()]).kpis[0]);
    expect(kpi.source).to.deep.equal({ kind: 'feedback', metric: 'nps', filter: { segment: { department: ['Tax'] } } });
  });

  it('reads a feedback source with a filter object and one with no filter', () => {
    const filtered = valid(read([npsKpi({ source: { metric: 'csat', filter: { segment: { department: 'Tax' } } }, unit: '%' })]).kpis[0]);
    expect(filtered.source).to.deep.equal({ kind: 'feedback', metric: 'csat', filter: { segment: { department: 'Tax' } } });
    const unfiltered = valid(read([npsKpi({ source: { metric: 'ces' } })]).kpis[0]);
    expect(unfiltered.source).to.deep.equal({ kind: 'feedback', metric: 'ces', filter: null });
  });

  it('accepts each feedback metric with its own unit: nps and ces in score, csat and ces-easy in %', () => {
    const pairs: Array<[string, string]> = [
      ['nps', 'score'],
      ['csat', '%'],
      ['ces', 'score'],
      ['ces-easy', '%'],
    ];
    const { kpis } = read(pairs.map(([metric, unit]) => npsKpi({ id: metric, unit, source: { metric } })));
    expect(kpis.map((kpi) => kpi.valid)).to.deep.equal([true, true, true, true]);
  });

  it('reads an inline series, defaulting its aggregation to mean and leaving bad entries for the quality report', () => {
    const series = [{ date: '2024-01-31', value: 4 }, { date: 'soon', value: 'n/a' }, 7];
    const kpi = valid(read([waitKpi({ unit: 'count', source: { series } })]).kpis[0]);
    expect(kpi.source).to.deep.equal({
      kind: 'series',
      emptyPeriods: 'no-data',
      aggregation: 'mean',
      values: [
        { date: '2024-01-31', value: 4 },
        { date: 'soon', value: 'n/a' },
        { date: undefined, value: 7 },
      ],
    });
  });

  it('reads a rate source with numerator and denominator and no value column', () => {
    const kpi = valid(
      read([waitKpi({ unit: '%', direction: 'higher-is-better', target: 90, source: { url: 'https://x.org/apps.csv', date: 'day', aggregation: 'rate', numerator: 'accepted', denominator: 'submitted' } })])
        .kpis[0],
    );
    expect(kpi.source).to.deep.equal({ kind: 'csv', url: 'https://x.org/apps.csv', date: 'day', aggregation: 'rate', value: null, numerator: 'accepted', denominator: 'submitted', emptyPeriods: 'no-data' });
  });

  it('reads a count source without a value column', () => {
    const kpi = valid(read([waitKpi({ unit: 'count', source: { url: 'https://x.org/outages.csv', date: 'date', aggregation: 'count' } })]).kpis[0]);
    expect(kpi.source).to.include({ aggregation: 'count', value: null });
  });

  it('keeps a localized label and note as given', () => {
    const label = { en: 'Wait time', ar: 'وقت الانتظار' };
    const note = { en: 'Median of walk-in visits', ar: 'الوسيط' };
    const kpi = valid(read([waitKpi({ label, note })]).kpis[0]);
    expect(kpi.label).to.deep.equal(label);
    expect(kpi.note).to.deep.equal(note);
  });
});

describe('readScorecardDefinition: relative file addresses', () => {
  const base = 'https://example.org/council/2024/scorecard.json';

  it('resolves a KPI file beside the definition, one in a parent folder, and leaves an absolute one alone', () => {
    const { kpis } = read(
      [
        waitKpi({ id: 'a', source: { url: 'wait.csv', date: 'date', aggregation: 'mean', value: 'w' } }),
        waitKpi({ id: 'b', source: { url: '../ops/wait.csv', date: 'date', aggregation: 'mean', value: 'w' } }),
        waitKpi({ id: 'c', source: { url: 'https://other.org/wait.csv', date: 'date', aggregation: 'mean', value: 'w' } }),
      ],
      {},
      base,
    );
    const urls = kpis.map((kpi) => (valid(kpi).source as { url: string }).url);
    expect(urls).to.deep.equal(['https://example.org/council/2024/wait.csv', 'https://example.org/council/ops/wait.csv', 'https://other.org/wait.csv']);
  });

  it('resolves the feedback file against the same base and keeps its field mapping', () => {
    const definition = readScorecardDefinition(
      { council: { name: 'C', cadence: 'monthly' }, feedback: { url: 'data/feedback.csv', fields: 'date:submitted_at' }, kpis: [npsKpi()] },
      base,
    );
    expect(definition.feedback).to.deep.equal({ url: 'https://example.org/council/2024/data/feedback.csv', fields: 'date:submitted_at' });
  });

  it('reports a relative KPI file that cannot be resolved without a base address on source.url', () => {
    const kpi = invalid(read([waitKpi({ source: { url: 'wait.csv', date: 'date', aggregation: 'mean', value: 'w' } })]).kpis[0]);
    expect(kpi.problems).to.deep.equal([{ field: 'source.url', issue: 'wrong-type', value: 'wait.csv' }]);
  });
});

describe('readScorecardDefinition: an invalid KPI is its own row', () => {
  const cases: Array<[string, unknown, unknown[]]> = [
    ['an unknown unit', waitKpi({ unit: 'minutes' }), [{ field: 'unit', issue: 'not-allowed', value: 'minutes', expected: '%, min, h, days, count, score' }]],
    ['an unknown direction', waitKpi({ direction: 'up' }), [{ field: 'direction', issue: 'not-allowed', value: 'up', expected: 'higher-is-better, lower-is-better' }]],
    ['a missing target', without(waitKpi(), 'target'), [{ field: 'target', issue: 'missing' }]],
    ['a target written as a string', waitKpi({ target: '15' }), [{ field: 'target', issue: 'not-a-number', value: '15' }]],
    ['a review date in month 13', waitKpi({ lastReviewed: '2024-13-01' }), [{ field: 'lastReviewed', issue: 'not-a-date', value: '2024-13-01' }]],
    ['a due date written 01/02/2024', waitKpi({ due: '01/02/2024' }), [{ field: 'due', issue: 'not-a-date', value: '01/02/2024' }]],
    ['a review date of 30 February', waitKpi({ lastReviewed: '2024-02-30' }), [{ field: 'lastReviewed', issue: 'not-a-date', value: '2024-02-30' }]],
    ['a review date with a time of day', waitKpi({ lastReviewed: '2024-02-01T10:00' }), [{ field: 'lastReviewed', issue: 'not-a-date', value: '2024-02-01T10:00' }]],
    ['an action due date that is not a date', waitKpi({ actions: [{ title: 'Hire', due: 'Q3' }] }), [{ field: 'actions[0].due', issue: 'not-a-date', value: 'Q3' }]],
    ['an action without a title', waitKpi({ actions: [{ owner: 'Ops' }] }), [{ field: 'actions[0].title', issue: 'missing' }]],
    [
      'an action with an unknown status',
      waitKpi({ actions: [{ title: 'Hire', status: 'closed' }] }),
      [{ field: 'actions[0].status', issue: 'not-allowed', value: 'closed', expected: 'open, done' }],
    ],
    ['actions that are not a list', waitKpi({ actions: 'hire more staff' }), [{ field: 'actions', issue: 'wrong-type', value: 'hire more staff' }]],
    ['an NPS KPI in %', npsKpi({ unit: '%' }), [{ field: 'unit', issue: 'unit-mismatch', value: '%', expected: 'score' }]],
    ['a CSAT KPI in score', npsKpi({ unit: 'score', source: { metric: 'csat' } }), [{ field: 'unit', issue: 'unit-mismatch', value: 'score', expected: '%' }]],
    ['a CES-easy KPI in score', npsKpi({ unit: 'score', source: { metric: 'ces-easy' } }), [{ field: 'unit', issue: 'unit-mismatch', value: 'score', expected: '%' }]],
    [
      'a rate in minutes',
      waitKpi({ source: { url: 'https://x.org/a.csv', date: 'date', aggregation: 'rate', numerator: 'accepted', denominator: 'submitted' } }),
      [{ field: 'unit', issue: 'unit-mismatch', value: 'min', expected: '%' }],
    ],
    ['no source', without(waitKpi(), 'source'), [{ field: 'source', issue: 'missing' }]],
    ['a source that is a string', waitKpi({ source: 'wait.csv' }), [{ field: 'source', issue: 'wrong-type', value: 'wait.csv' }]],
    ['a source of no known kind', waitKpi({ source: { file: 'wait.csv' } }), [{ field: 'source', issue: 'wrong-type', value: '{"file":"wait.csv"}', expected: 'metric, series or url' }]],
    [
      'a rate without a denominator',
      waitKpi({ unit: '%', source: { url: 'https://x.org/a.csv', date: 'date', aggregation: 'rate', numerator: 'accepted' } }),
      [{ field: 'source.denominator', issue: 'missing' }],
    ],
    ['a median without a value column', waitKpi({ source: { url: 'https://x.org/a.csv', date: 'date', aggregation: 'median' } }), [{ field: 'source.value', issue: 'missing' }]],
    ['a file source without a date column', waitKpi({ source: { url: 'https://x.org/a.csv', aggregation: 'mean', value: 'w' } }), [{ field: 'source.date', issue: 'missing' }]],
    ['a file source without an aggregation', waitKpi({ source: { url: 'https://x.org/a.csv', date: 'date', value: 'w' } }), [{ field: 'source.aggregation', issue: 'missing' }]],
    [
      'an unknown aggregation',
      waitKpi({ source: { url: 'https://x.org/a.csv', date: 'date', aggregation: 'average', value: 'w' } }),
      [{ field: 'source.aggregation', issue: 'not-allowed', value: 'average', expected: 'mean, median, p90, sum, count, rate' }],
    ],
    [
      'a rate over an inline series',
      waitKpi({ unit: '%', source: { series: [], aggregation: 'rate' } }),
      [{ field: 'source.aggregation', issue: 'not-allowed', value: 'rate', expected: 'mean, median, p90, sum, count' }],
    ],
    ['an inline series that is not a list', waitKpi({ source: { series: { '2024-01': 3 } } }), [{ field: 'source.series', issue: 'wrong-type', value: '{"2024-01":3}' }]],
    [
      'an unknown feedback metric',
      npsKpi({ source: { metric: 'effort' } }),
      [{ field: 'source.metric', issue: 'not-allowed', value: 'effort', expected: 'nps, csat, ces, ces-easy' }],
    ],
    ['a filter without a column', npsKpi({ source: { metric: 'nps', filter: 'Tax' } }), [{ field: 'source.filter', issue: 'wrong-type', value: 'Tax', expected: 'column:value|value; other:value' }]],
    [
      'a filter object naming a column where segment belongs',
      npsKpi({ source: { metric: 'nps', filter: { department: 'Tax' } } }),
      [{ field: 'source.filter', issue: 'wrong-type', value: '{"department":"Tax"}', expected: 'column:value|value; other:value' }],
    ],
    ['an unknown cadence', waitKpi({ cadence: 'daily' }), [{ field: 'cadence', issue: 'not-allowed', value: 'daily', expected: 'weekly, monthly, quarterly' }]],
    ['a negative tolerance', waitKpi({ tolerance: -1 }), [{ field: 'tolerance', issue: 'not-a-number', value: '-1', expected: 'a number ≥ 0, or a percentage of the target such as "10%"' }]],
    ['a tolerance in words', waitKpi({ tolerance: 'ten percent' }), [{ field: 'tolerance', issue: 'not-a-number', value: 'ten percent', expected: 'a number ≥ 0, or a percentage of the target such as "10%"' }]],
    ['a missing label', without(waitKpi(), 'label'), [{ field: 'label', issue: 'missing' }]],
    ['a label with an empty translation', waitKpi({ label: { en: 'Wait', ar: '' } }), [{ field: 'label', issue: 'wrong-type', value: '{"en":"Wait","ar":""}' }]],
    ['an owner that is not text', waitKpi({ owner: 42 }), [{ field: 'owner', issue: 'wrong-type', value: '42' }]],
    ['a note that is a number', waitKpi({ note: 3 }), [{ field: 'note', issue: 'wrong-type', value: '3' }]],
  ];
  for (const [what, raw, problems] of cases) {
    it(`reports ${what} and keeps the other KPIs valid`, () => {
      expect(problemsOf(raw).problems).to.deep.equal(problems);
    });
  }

  it('names an invalid KPI by its id and keeps its label and owner for the row', () => {
    const kpi = problemsOf(waitKpi({ unit: 'minutes' }));
    expect(kpi).to.deep.include({ id: 'wait', label: 'Wait time', owner: 'Head of Operations' });
  });

  it('names a KPI without an id by its position', () => {
    const kpi = problemsOf(without(waitKpi(), 'id'));
    expect(kpi.id).to.equal('#2');
    expect(kpi.problems).to.deep.equal([{ field: 'id', issue: 'missing' }]);
  });

  it('makes an entry that is not an object an invalid KPI named by its position', () => {
    const kpi = problemsOf('wait');
    expect(kpi).to.deep.equal({ valid: false, id: '#2', label: null, owner: null, problems: [{ field: '', issue: 'wrong-type', value: 'wait' }] });
  });

  it('keeps the first KPI with an id and reports the second as a duplicate under a distinct name', () => {
    const { kpis } = read([waitKpi(), npsKpi(), waitKpi({ label: 'Wait time again' })]);
    valid(kpis[0]);
    valid(kpis[1]);
    const duplicate = invalid(kpis[2]);
    expect(duplicate.id).to.equal('wait #3');
    expect(duplicate.problems).to.deep.equal([{ field: 'id', issue: 'duplicate-id', value: 'wait' }]);
  });

  it('collects every problem of one KPI, not just the first', () => {
    const kpi = problemsOf(waitKpi({ unit: 'minutes', direction: 'down', target: 'fifteen', lastReviewed: '2024-13-01' }));
    expect(kpi.problems.map((p) => `${p.field}:${p.issue}`)).to.deep.equal(['unit:not-allowed', 'direction:not-allowed', 'target:not-a-number', 'lastReviewed:not-a-date']);
  });

  it('shortens a long offending value to 60 characters', () => {
    const kpi = problemsOf(waitKpi({ unit: 'x'.repeat(100) }));
    expect(kpi.problems[0]!.value).to.equal(`${'x'.repeat(59)}…`);
  });
});

describe('localizedText', () => {
  const label = { en: 'Wait time', ar: 'وقت الانتظار', 'pt-BR': 'Tempo de espera (BR)', pt: 'Tempo de espera' };

  it('returns plain text whatever the locale', () => {
    expect(localizedText('Wait time', 'ar')).to.equal('Wait time');
  });

  it('prefers the exact tag, case-insensitively', () => {
    expect(localizedText(label, 'pt-BR')).to.equal('Tempo de espera (BR)');
    expect(localizedText(label, 'PT-br')).to.equal('Tempo de espera (BR)');
    expect(localizedText(label, 'AR')).to.equal('وقت الانتظار');
  });

  it('falls back to the language of a regional tag', () => {
    expect(localizedText(label, 'ar-SA')).to.equal('وقت الانتظار');
    expect(localizedText(label, 'pt-PT')).to.equal('Tempo de espera');
  });

  it('falls back to English, then to the first text given', () => {
    expect(localizedText(label, 'fr-FR')).to.equal('Wait time');
    expect(localizedText({ ar: 'وقت الانتظار', fr: 'Attente' }, 'de')).to.equal('وقت الانتظار');
  });

  it('reads emptyPeriods "zero" for a sum or count, and refuses it for any other aggregation', () => {
    const definition = (source: Record<string, unknown>) =>
      readScorecardDefinition({ council: { name: 'C', cadence: 'monthly' }, kpis: [{ id: 'k', label: 'K', unit: 'min', direction: 'lower-is-better', target: 5, source }] }, 'https://x.org/')
        .kpis[0]!;
    const outages = definition({ url: 'outages.csv', date: 'date', value: 'minutes', aggregation: 'sum', emptyPeriods: 'zero' });
    expect(outages.valid && outages.source.kind === 'csv' && outages.source.emptyPeriods).to.equal('zero');
    const mean = definition({ url: 'outages.csv', date: 'date', value: 'minutes', aggregation: 'mean', emptyPeriods: 'zero' });
    expect(mean.valid).to.equal(false);
    expect(!mean.valid && mean.problems).to.deep.equal([{ field: 'source.emptyPeriods', issue: 'not-allowed', value: 'zero', expected: 'no-data (zero is for sum and count)' }]);
    const series = definition({ series: [], emptyPeriods: 'sometimes' });
    expect(!series.valid && series.problems[0]).to.include({ field: 'source.emptyPeriods', issue: 'not-allowed' });
  });

  it('turns values that are not plain data into text, so a definition given as a property always reaches the worker', () => {
    const series = [{ date: '2024-01-31', value: () => 4 }, { date: Symbol('when'), value: 5 }];
    const entry = readScorecardDefinition(
      { council: { name: 'C', cadence: 'monthly' }, kpis: [{ id: 'k', label: 'K', unit: 'count', direction: 'lower-is-better', target: 5, source: { series } }] },
      'https://x.org/',
    ).kpis[0]!;
    expect(entry.valid).to.equal(true);
    const cloned = structuredClone(entry);
    expect(cloned.valid && cloned.source.kind === 'series' && cloned.source.values.map((v) => typeof v.value)).to.deep.equal(['string', 'number']);
  });
});
