/**
 * The published counts schema (schema/counts.schema.json) must say what `partialFromCounts` says: a
 * table of counts, valid and broken one way each, where ajv's verdict (draft 2020-12) equals the
 * reader's (valid ⇔ no throw; invalid ⇔ a `bad-counts` error). Differences a schema cannot follow are
 * listed in the schema's description and kept out of the table.
 */
import { expect } from '@open-wc/testing';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { partialFromCounts, type CountsDocument, type NpsPeriodCounts } from '../../src/core/counts.ts';
import { CxDataError } from '../../src/core/errors.ts';
import type { IntervalName } from '../../src/core/periods.ts';

type Json = Record<string, unknown>;

const histogram = [1, 0, 2, 0, 3, 1, 4, 5, 6, 7, 8];
const entry: Json = { period: '2024-03', histogram, csat: [1, 2, 3, 4, 5], ces: [0, 1, 2, 3, 4, 5, 6] };
const grouped: Json = { period: '2024-03', group: 'Tax', promoters: 5, passives: 3, detractors: 2 };
const quality = { totalRows: 10, accepted: 7, duplicates: 2, rejected: 1, withoutRespondent: 1, reasons: [{ reason: 'invalid-date', count: 1 }] };
const document = (extra: Json = {}): Json => ({ format: 'cx-counts', version: 1, interval: 'month', dimension: null, periods: [entry], quality, ...extra });
const without = (object: Json, key: string): Json => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/** [name, counts, valid, interval to read them in (default: the document's, else month)] */
const TABLE: ReadonlyArray<readonly [string, unknown, boolean, IntervalName?]> = [
  ['an empty array', [], true],
  ['a 0–10 histogram with CSAT and CES', [entry], true],
  ['promoters/passives/detractors with a group', [grouped], true],
  ['the NPS mix only (no CSAT, no CES: old input)', [{ period: '2024-Q1', promoters: 1, passives: 2, detractors: 3 }], true, 'quarter'],
  ['week, quarter, year and day keys', [{ ...entry, period: '2024-W10' }, { ...entry, period: '2024-03-05' }], true, 'week'],
  ['a whole document', document(), true],
  ['a document grouped by department', document({ dimension: 'department', periods: [grouped] }), true],
  ['a document without quality', without(document(), 'quality'), true],
  ['a histogram that wins over the mix', [{ ...entry, promoters: 1, passives: 1, detractors: 1 }], true],
  ['unknown properties (ignored)', [{ ...entry, note: 'from the warehouse' }], true],
  ['a histogram of 10', [{ ...entry, histogram: histogram.slice(1) }], false],
  ['a negative count', [{ ...entry, histogram: [-1, ...histogram.slice(1)] }], false],
  ['a fractional count', [{ ...grouped, promoters: 1.5 }], false],
  ['a count as text', [{ ...grouped, passives: '3' }], false],
  ['no NPS counts at all', [{ period: '2024-03', csat: [1, 2, 3, 4, 5] }], false],
  ['a missing detractors count', [without(grouped, 'detractors')], false],
  ['a CSAT histogram of 7', [{ ...entry, csat: [1, 2, 3, 4, 5, 6, 7] }], false],
  ['a CES histogram of 5', [{ ...entry, ces: [1, 2, 3, 4, 5] }], false],
  ['a CSAT count below zero', [{ ...entry, csat: [1, 2, -3, 4, 5] }], false],
  ['CES as an object', [{ ...entry, ces: { 1: 4 } }], false],
  ['no period', [without(entry, 'period')], false],
  ['a period that is not one', [{ ...entry, period: 'March 2024' }], false],
  ['an entry that is not an object', [entry, 7], false],
  ['a document of another format', document({ format: 'nps-counts' }), false],
  ['a document of version 2', document({ version: 2 }), false],
  ['a document with an unknown interval', document({ interval: 'fortnight' }), false],
  ['a document whose periods are not an array', document({ periods: { '2024-03': histogram } }), false],
  ['a document with a broken quality count', document({ quality: { ...quality, accepted: -1 } }), false],
  ['a document without its format', without(document(), 'format'), false],
];

describe('counts schema (schema/counts.schema.json)', () => {
  let validate: ValidateFunction;
  const warnings: unknown[] = [];
  before(async () => {
    const schema = await (await fetch('/schema/counts.schema.json', { cache: 'no-store' })).json();
    const collect = (...args: unknown[]) => warnings.push(args.join(' '));
    validate = new Ajv2020({ allErrors: true, logger: { log: () => {}, warn: collect, error: collect } }).compile(schema);
  });

  it('compiles as draft 2020-12 in ajv strict mode without warnings', () => {
    expect(warnings).to.deep.equal([]);
  });

  for (const [name, counts, valid, asked] of TABLE) {
    it(`${valid ? 'accepts' : 'refuses'} ${name}, as the reader does`, () => {
      expect(validate(counts), JSON.stringify(validate.errors)).to.equal(valid);
      const interval = asked ?? ((counts as Json).interval as IntervalName | undefined) ?? 'month';
      const dimension = ((counts as Json).dimension as string | null | undefined) ?? null;
      let error: unknown = null;
      try {
        partialFromCounts(counts as NpsPeriodCounts[] | CountsDocument, interval, dimension);
      } catch (caught) {
        error = caught;
      }
      if (valid) expect(error).to.equal(null);
      else expect(error).to.be.instanceOf(CxDataError).and.to.have.property('code', 'bad-counts');
    });
  }

  it('reads a document exactly as the same entries given as an array', () => {
    const fromDocument = partialFromCounts(document({ dimension: 'department', periods: [grouped] }) as unknown as CountsDocument, 'quarter', 'department');
    const fromArray = partialFromCounts([grouped as unknown as NpsPeriodCounts], 'quarter', 'department');
    expect([...fromDocument.buckets.values()].map((b) => [b.periodStart, b.group, [...b.histogram]])).to.deep.equal(
      [...fromArray.buckets.values()].map((b) => [b.periodStart, b.group, [...b.histogram]]),
    );
  });

  it('names the entry and the histogram in the error', () => {
    try {
      partialFromCounts([entry, { ...entry, ces: [1] }] as unknown as NpsPeriodCounts[], 'month');
      expect.fail('no error');
    } catch (error) {
      expect((error as CxDataError).params).to.include({ entry: 2, detail: 'ces' });
    }
  });
});
