/**
 * The published JSON Schema must say what `readScorecardDefinition` says: a table of definitions, valid
 * and broken one way each, where the schema's verdict (ajv, draft 2020-12) must equal the reader's
 * (valid ⇔ no throw and every KPI valid). The places where a schema cannot follow the reader are listed
 * once, in "known differences", so a change on either side shows up here.
 */
import { expect } from '@open-wc/testing';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { CxDataError } from '../../src/core/errors.ts';
import { readScorecardDefinition, type InvalidKpi } from '../../src/core/scorecard-definition.ts';

const SCHEMA_URL = '/schema/council-scorecard.schema.json';
const DEMO_URL = '/demo/public/council.json';
/** Where the element would have fetched the table's definitions from: relative file URLs resolve against it. */
const BASE_URL = new URL('/definitions/council.json', location.href).href;

type Json = Record<string, unknown>;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks of the table: one valid KPI of each kind, changed one way at a time.

const council = { name: 'Service council', cadence: 'monthly', asOf: '2025-11-23' };
const npsKpi: Json = { id: 'nps-tax', label: 'NPS, tax returns', unit: 'score', direction: 'higher-is-better', target: 30, source: { metric: 'nps' } };
const rateKpi: Json = {
  id: 'accepted',
  label: 'Applications accepted',
  unit: '%',
  direction: 'higher-is-better',
  target: 90,
  tolerance: 2,
  source: { url: 'applications.csv', date: 'date', aggregation: 'rate', numerator: 'accepted', denominator: 'submitted' },
};
const waitKpi: Json = {
  id: 'wait-p90',
  label: 'Wait time, 90th percentile',
  unit: 'min',
  direction: 'lower-is-better',
  target: 15,
  tolerance: '10%',
  source: { url: 'queue.csv', date: 'day', aggregation: 'p90', value: 'wait_minutes' },
};
const seriesKpi: Json = {
  id: 'outage',
  label: 'Outage minutes',
  unit: 'min',
  direction: 'lower-is-better',
  target: 60,
  source: { series: [{ date: '2025-09-02', value: 35 }, { date: '2025-10-14', value: 50 }], aggregation: 'sum' },
};

const definition = (...kpis: unknown[]): Json => ({ council, kpis });
/** The NPS KPI (or `base`) with some fields replaced; `undefined` removes a field. */
function kpi(changes: Json, base: Json = npsKpi): Json {
  const result: Json = { ...base, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete result[key];
  return result;
}
const withSource = (source: unknown, base: Json = npsKpi) => definition(kpi({ source }, base));
const withCouncil = (changes: Json) => ({ council: { ...council, ...changes }, kpis: [npsKpi] });

interface Case {
  readonly name: string;
  readonly definition: unknown;
  readonly valid: boolean;
}

const VALID: readonly Case[] = [
  { name: 'a minimal NPS KPI', definition: definition(npsKpi) },
  {
    name: 'every optional field filled in',
    definition: {
      council: { name: { en: 'Service council', ar: 'مجلس الخدمة' }, cadence: 'quarterly', asOf: '2025-11-23', periods: 8 },
      feedback: { url: 'feedback.csv', fields: 'date:submitted_at,nps:likelihood_to_recommend' },
      kpis: [
        kpi({
          label: { en: 'NPS', ar: 'صافي نقاط الترويج' },
          tolerance: 5,
          owner: 'Head of Tax Services',
          cadence: 'monthly',
          lastReviewed: '2025-10-20',
          due: '2026-03-31',
          note: { en: 'Agreed in March.' },
          source: { metric: 'nps', filter: 'department:Tax' },
          actions: [{ title: 'Call back detractors', owner: 'Contact centre', due: '2025-12-15', status: 'open' }, { title: 'New letter', status: 'done' }],
        }),
      ],
    },
  },
  { name: 'csat and ces-easy in %, ces as a score', definition: definition(kpi({ id: 'a', unit: '%', source: { metric: 'csat' } }), kpi({ id: 'b', unit: '%', source: { metric: 'ces-easy' } }), kpi({ id: 'c', direction: 'higher-is-better', target: 5.5, source: { metric: 'ces' } })) },
  { name: 'a filter text with several conditions and blank parts', definition: withSource({ metric: 'nps', filter: 'department:Tax|Benefits; channel:Web;  ; ' }) },
  { name: 'an empty filter text', definition: withSource({ metric: 'nps', filter: '' }) },
  { name: 'a filter object', definition: withSource({ metric: 'nps', filter: { from: '2025-01-01', to: '', stage: ['Apply', 'Wait'], segment: { department: 'Tax', channel: ['Web'] } } }) },
  { name: 'a rate of two columns in %', definition: definition(rateKpi) },
  { name: 'a p90 with a value column and a relative tolerance', definition: definition(waitKpi) },
  { name: 'a count of rows without a value column', definition: withSource({ url: 'applications.csv', date: 'date', aggregation: 'count' }, kpi({ unit: 'count' })) },
  { name: 'a rate that also names a value column', definition: withSource({ ...(rateKpi.source as Json), value: 'other' }, rateKpi) },
  { name: 'a series summed per period', definition: definition(seriesKpi) },
  { name: 'a log of outages summed with emptyPeriods zero', definition: withSource({ url: 'outages.csv', date: 'date', value: 'minutes', aggregation: 'sum', emptyPeriods: 'zero' }, kpi({ unit: 'min' })) },
  { name: 'a series counted with emptyPeriods zero', definition: withSource({ series: [], aggregation: 'count', emptyPeriods: 'zero' }, kpi({ unit: 'count' })) },
  { name: 'a series with the default aggregation and bad entries (quality report, not definition errors)', definition: withSource({ series: [{ date: 'not a date', value: 'x' }, 5, null], aggregation: '' }, seriesKpi) },
  { name: 'null and "" wherever the reader takes them as not given', definition: { council: { ...council, asOf: null, periods: null }, feedback: null, kpis: [kpi({ tolerance: null, owner: '', cadence: null, lastReviewed: '', due: null, note: null, actions: null, source: { metric: 'nps', filter: null } }), kpi({ id: 'b', owner: null, cadence: '', lastReviewed: null, due: '' })] } },
  { name: 'actions with an empty status and owner (open, nobody named)', definition: definition(kpi({ actions: [{ title: 'Fix the form', owner: null, due: '', status: '' }] })) },
  { name: 'the fewest periods (2) and a leap day padded with spaces', definition: withCouncil({ periods: 2, asOf: ' 2024-02-29 ' }) },
  { name: 'the most periods (120), written 120.0', definition: withCouncil({ periods: 120.0 }) },
  { name: '29 February 2000 (a century that is a leap year)', definition: withCouncil({ asOf: '2000-02-29' }) },
  { name: 'a tolerance of 0 and a relative one with spaces', definition: definition(kpi({ tolerance: 0 }), kpi({ id: 'b', tolerance: ' 2.5 % ' })) },
  { name: 'properties the reader does not know', definition: { ...definition(kpi({ colour: 'blue', source: { metric: 'nps', weight: 2 } })), version: 2, council: { ...council, chair: 'A. N. Other' } } },
  { name: 'metric and series both present: the feedback metric wins', definition: withSource({ metric: 'nps', series: 'ignored', aggregation: 'rate' }) },
  { name: 'series and url both present: the series wins', definition: withSource({ series: [], url: 'ignored.csv' }, seriesKpi) },
  { name: 'a feedback block without fields', definition: { ...definition(npsKpi), feedback: { url: 'https://example.org/feedback.json' } } },
].map((c) => ({ ...c, valid: true }));

const INVALID: readonly Case[] = [
  { name: 'not an object', definition: [npsKpi] },
  { name: 'no council', definition: { kpis: [npsKpi] } },
  { name: 'a blank council name', definition: withCouncil({ name: '   ' }) },
  { name: 'a council name map with no entries', definition: withCouncil({ name: {} }) },
  { name: 'a bad council cadence', definition: withCouncil({ cadence: 'daily' }) },
  { name: 'periods 1', definition: withCouncil({ periods: 1 }) },
  { name: 'periods 121', definition: withCouncil({ periods: 121 }) },
  { name: 'periods 12.5', definition: withCouncil({ periods: 12.5 }) },
  { name: 'periods as a string', definition: withCouncil({ periods: '12' }) },
  { name: 'as-of written day first', definition: withCouncil({ asOf: '23/11/2025' }) },
  { name: 'as-of on 29 February of a common year', definition: withCouncil({ asOf: '2025-02-29' }) },
  { name: 'as-of on 31 November', definition: withCouncil({ asOf: '2025-11-31' }) },
  { name: 'as-of on 29 February 2100 (a century that is not)', definition: withCouncil({ asOf: '2100-02-29' }) },
  { name: 'as-of ""', definition: withCouncil({ asOf: '' }) },
  { name: 'feedback without a url', definition: { ...definition(npsKpi), feedback: { fields: 'date:when' } } },
  { name: 'feedback fields null', definition: { ...definition(npsKpi), feedback: { url: 'feedback.csv', fields: null } } },
  { name: 'no kpis', definition: { council } },
  { name: 'an empty kpis list', definition: definition() },
  { name: 'a KPI that is not an object', definition: definition(npsKpi, 'wait time') },
  { name: 'an unknown unit', definition: definition(kpi({ unit: 'percent' })) },
  { name: 'an unknown direction', definition: definition(kpi({ direction: 'up' })) },
  { name: 'a missing target', definition: definition(kpi({ target: undefined })) },
  { name: 'a target written as a string', definition: definition(kpi({ target: '30' })) },
  { name: 'a target that overflows to Infinity (1e400)', definition: definition(kpi({ target: JSON.parse('1e400') as number })) },
  { name: 'a bad lastReviewed date (month 13)', definition: definition(kpi({ lastReviewed: '2025-13-01' })) },
  { name: 'a due date with one-digit month and day', definition: definition(kpi({ due: '2025-6-1' })) },
  { name: 'a due date in 1899', definition: definition(kpi({ due: '1899-12-31' })) },
  { name: 'a negative tolerance', definition: definition(kpi({ tolerance: -1 })) },
  { name: 'a tolerance in words', definition: definition(kpi({ tolerance: '10 percent' })) },
  { name: 'a negative relative tolerance', definition: definition(kpi({ tolerance: '-5%' })) },
  { name: 'NPS in % (unit mismatch)', definition: definition(kpi({ unit: '%' })) },
  { name: 'CSAT as a score (unit mismatch)', definition: withSource({ metric: 'csat' }) },
  { name: 'ces-easy as a score (unit mismatch)', definition: withSource({ metric: 'ces-easy' }) },
  { name: 'a rate counted in minutes (unit mismatch)', definition: definition(kpi({ unit: 'min' }, rateKpi)) },
  { name: 'a rate without a denominator', definition: withSource({ ...(rateKpi.source as Json), denominator: undefined }, rateKpi) },
  { name: 'a rate with a blank numerator', definition: withSource({ ...(rateKpi.source as Json), numerator: ' ' }, rateKpi) },
  { name: 'a mean without a value column', definition: withSource({ url: 'queue.csv', date: 'day', aggregation: 'mean' }, waitKpi) },
  { name: 'an operational file without a date column', definition: withSource({ url: 'queue.csv', aggregation: 'p90', value: 'wait_minutes' }, waitKpi) },
  { name: 'an operational file with an unknown aggregation', definition: withSource({ url: 'queue.csv', date: 'day', aggregation: 'max', value: 'wait_minutes' }, waitKpi) },
  { name: 'a series with aggregation rate', definition: withSource({ series: [], aggregation: 'rate' }, kpi({ unit: '%' }, seriesKpi)) },
  { name: 'emptyPeriods zero for a mean', definition: withSource({ url: 'outages.csv', date: 'date', value: 'minutes', aggregation: 'mean', emptyPeriods: 'zero' }, kpi({ unit: 'min' })) },
  { name: 'emptyPeriods zero for a series with the default aggregation (mean)', definition: withSource({ series: [], emptyPeriods: 'zero' }, kpi({ unit: 'count' })) },
  { name: 'an unknown emptyPeriods', definition: withSource({ url: 'outages.csv', date: 'date', value: 'minutes', aggregation: 'sum', emptyPeriods: 'never' }, kpi({ unit: 'min' })) },
  { name: 'a series that is not an array', definition: withSource({ series: { '2025-10-01': 3 } }, seriesKpi) },
  { name: 'a metric key with null beside a series (metric still decides)', definition: withSource({ metric: null, series: [] }, seriesKpi) },
  { name: 'a source with none of metric, series, url', definition: withSource({ aggregation: 'sum' }) },
  { name: 'no source', definition: definition(kpi({ source: undefined })) },
  { name: 'an unknown feedback metric', definition: withSource({ metric: 'ces-hard' }) },
  { name: 'a filter text without a colon', definition: withSource({ metric: 'nps', filter: 'Tax' }) },
  { name: 'a filter text with an empty column name', definition: withSource({ metric: 'nps', filter: 'channel:Web; :Tax' }) },
  { name: 'a filter object with a column name where segment belongs', definition: withSource({ metric: 'nps', filter: { department: 'Tax' } }) },
  { name: 'a filter object with a number as a value', definition: withSource({ metric: 'nps', filter: { segment: { department: 3 } } }) },
  { name: 'a filter that is a number', definition: withSource({ metric: 'nps', filter: 5 }) },
  { name: 'no id', definition: definition(kpi({ id: undefined })) },
  { name: 'a blank id', definition: definition(kpi({ id: '  ' })) },
  { name: 'a numeric id', definition: definition(kpi({ id: 7 })) },
  { name: 'an empty label', definition: definition(kpi({ label: '' })) },
  { name: 'a label map with an empty text', definition: definition(kpi({ label: { en: 'NPS', ar: '' } })) },
  { name: 'an owner that is a number', definition: definition(kpi({ owner: 42 })) },
  { name: 'an owner of spaces', definition: definition(kpi({ owner: '   ' })) },
  { name: 'a bad KPI cadence', definition: definition(kpi({ cadence: 'yearly' })) },
  { name: 'an empty note ("" is not "no note" here)', definition: definition(kpi({ note: '' })) },
  { name: 'an action without a title', definition: definition(kpi({ actions: [{ owner: 'Ops', status: 'open' }] })) },
  { name: 'an action with an unknown status', definition: definition(kpi({ actions: [{ title: 'Fix the form', status: 'closed' }] })) },
  { name: 'an action with a bad due date', definition: definition(kpi({ actions: [{ title: 'Fix the form', due: '15.12.2025' }] })) },
  { name: 'actions that are not a list', definition: definition(kpi({ actions: { title: 'Fix the form' } })) },
].map((c) => ({ ...c, valid: false }));

/** Where a schema cannot follow the reader; each is named in the schema's descriptions. */
const KNOWN_DIFFERENCES: readonly (Case & { readonly schemaValid: boolean })[] = [
  { name: 'two KPIs with the same id (uniqueness of a property across items)', definition: definition(npsKpi, kpi({ label: 'Again' })), valid: false, schemaValid: true },
  { name: 'an operational url that does not parse ("http://")', definition: withSource({ ...(rateKpi.source as Json), url: 'http://' }, rateKpi), valid: false, schemaValid: true },
  { name: 'a feedback url that does not parse', definition: { ...definition(npsKpi), feedback: { url: 'https://' } }, valid: false, schemaValid: true },
  { name: 'a filter object date written 2025/01/01 (the reader takes every unambiguous form)', definition: withSource({ metric: 'nps', filter: { from: '2025/01/01' } }), valid: true, schemaValid: false },
];

// ---------------------------------------------------------------------------------------------------------

/** The reader's verdict, with the reason for a failure message. */
function readerVerdict(raw: unknown, baseUrl = BASE_URL): { valid: boolean; why: string; invalid: InvalidKpi[] } {
  try {
    const read = readScorecardDefinition(structuredClone(raw), baseUrl);
    const invalid = read.kpis.filter((entry): entry is InvalidKpi => !entry.valid);
    return { valid: invalid.length === 0, why: JSON.stringify(invalid.map(({ id, problems }) => ({ id, problems }))), invalid };
  } catch (error) {
    if (!(error instanceof CxDataError) || error.code !== 'bad-definition') throw error;
    return { valid: false, why: error.message, invalid: [] };
  }
}

function schemaVerdict(validate: ValidateFunction, raw: unknown): { valid: boolean; why: string } {
  const valid = validate(structuredClone(raw));
  const errors: ErrorObject[] = validate.errors ?? [];
  return { valid, why: errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ') };
}

describe('council-scorecard.schema.json', () => {
  let schema: Json;
  let validate: ValidateFunction;
  let validateKpi: ValidateFunction;
  const warnings: string[] = [];

  before(async () => {
    schema = (await fetchJson(SCHEMA_URL)) as Json;
    const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    // ajv's default strict mode: unknown keywords, ignored keywords and implicit types are reported.
    const ajv = new Ajv2020({ allErrors: true, logger: { log: () => {}, warn: collect, error: collect } });
    validate = ajv.compile(schema);
    validateKpi = ajv.getSchema(`${String(schema.$id)}#/$defs/kpi`)!;
  });

  it('compiles as draft 2020-12 in ajv strict mode without warnings', () => {
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).to.equal('https://cx-elements.dev/schema/council-scorecard.schema.json');
    expect(warnings).to.deep.equal([]);
    expect(validateKpi, 'the KPI sub-schema is addressable as #/$defs/kpi').to.be.a('function');
  });

  it('gives every property a title and a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}/${index}`));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'examples' || key === 'enum' || key === 'const') continue;
        if ((key === 'properties' || key === '$defs') && typeof value === 'object' && value !== null) {
          for (const [name, sub] of Object.entries(value)) {
            const s = sub as Json;
            if (!s.title || !s.description) missing.push(`${path}/${key}/${name}`);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    walk(schema, '#');
    // `then` branches restate one property's constraint; their parent property is documented.
    expect(missing.filter((path) => !path.includes('/if/'))).to.deep.equal([]);
  });

  it('has examples that both the schema and the reader accept', () => {
    const examples = schema.examples as unknown[];
    expect(examples).to.have.length.greaterThan(0);
    for (const example of examples) {
      expect(schemaVerdict(validate, example).why).to.equal('');
      expect(readerVerdict(example).why).to.equal('[]');
    }
    for (const example of ((schema.$defs as Json).kpi as Json).examples as unknown[]) expect(validateKpi(example), JSON.stringify(validateKpi.errors)).to.equal(true);
  });

  it('accepts the example in the README\'s "Definition format", as the reader does', async () => {
    const readme = await (await fetch('/README.md', { cache: 'no-store' })).text();
    const section = readme.slice(readme.indexOf('### Definition format'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    expect(block, 'a json block under "### Definition format"').to.not.equal(null);
    const example = JSON.parse(block![1]!) as unknown;
    expect(schemaVerdict(validate, example).why).to.equal('');
    expect(readerVerdict(example).why).to.equal('[]');
  });

  describe('gives the reader\'s verdict', () => {
    it('on a table of at least 25 definitions, valid and broken', () => {
      expect(VALID.length + INVALID.length).to.be.at.least(25);
    });
    for (const testCase of [...VALID, ...INVALID]) {
      it(`${testCase.valid ? 'accepts' : 'rejects'} ${testCase.name}`, () => {
        const reader = readerVerdict(testCase.definition);
        const fromSchema = schemaVerdict(validate, testCase.definition);
        expect(reader.valid, `reader: ${reader.why}`).to.equal(testCase.valid);
        expect(fromSchema.valid, `schema: ${fromSchema.why}`).to.equal(reader.valid);
      });
    }
  });

  describe('known differences, each stated in the schema', () => {
    for (const testCase of KNOWN_DIFFERENCES) {
      it(`${testCase.name}: reader ${testCase.valid ? 'accepts' : 'rejects'}, schema ${testCase.schemaValid ? 'accepts' : 'rejects'}`, () => {
        expect(readerVerdict(testCase.definition).valid).to.equal(testCase.valid);
        expect(schemaVerdict(validate, testCase.definition).valid).to.equal(testCase.schemaValid);
      });
    }
  });

  describe('the demo definition', () => {
    let demo: Json | null = null;
    before(async () => {
      const response = await fetch(DEMO_URL, { cache: 'no-store' });
      demo = response.ok ? ((await response.json()) as Json) : null;
    });

    it('has exactly one broken KPI, the same one for the KPI sub-schema and the reader', function () {
      if (!demo) this.skip();
      const kpis = demo!.kpis as unknown[];
      const reader = readerVerdict(demo, new URL(DEMO_URL, location.href).href);
      expect(reader.invalid, `reader: ${reader.why}`).to.have.length(1);
      const brokenId = reader.invalid[0]!.id;
      const failingSchema = kpis.flatMap((entry, index) => (validateKpi(entry) ? [] : [(entry as Json).id ?? `#${index + 1}`]));
      expect(failingSchema).to.deep.equal([brokenId]);
      expect(schemaVerdict(validate, demo).valid).to.equal(false);
      const repaired = { ...demo, kpis: kpis.filter((entry) => (entry as Json).id !== brokenId) };
      expect(schemaVerdict(validate, repaired).why, 'the rest of the demo definition is valid').to.equal('');
    });
  });
});
