import { expect } from '@open-wc/testing';
import {
  generateFeedbackCsv,
  generateFeedbackCsvText,
  generateFeedbackRows,
  generateFeedbackWithTruth,
  INVALID_KINDS,
  SAMPLE_COLUMNS,
} from '../../src/sample/generate.ts';
import { classify, npsOf, readCsv } from './check.ts';

// The default span: 30 months from 2023-01-01, i.e. up to and including 2025-06-30.
const FIRST_DAY = '2023-01-01';
const LAST_DAY = '2025-06-30';

const count = (iterable: Iterable<unknown>): number => {
  let n = 0;
  for (const _ of iterable) n++;
  return n;
};

describe('sample feedback generator', () => {
  // One shared 20k-row sample: generating it is the slow part of these tests.
  const big = generateFeedbackWithTruth({ rows: 20_000 });
  const bigChecked = classify(big.rows, FIRST_DAY, LAST_DAY);

  describe('determinism', () => {
    it('gives byte-identical CSV for the same options', () => {
      const a = generateFeedbackCsvText({ seed: 7, rows: 3000 });
      const b = generateFeedbackCsvText({ seed: 7, rows: 3000 });
      expect(a.length).to.be.greaterThan(100_000);
      expect(a === b).to.equal(true);
    });

    it('gives the same rows from every entry point', () => {
      const rows = Array.from(generateFeedbackRows({ rows: 2000 }));
      expect(generateFeedbackWithTruth({ rows: 2000 }).rows).to.deep.equal(rows);
      expect(JSON.stringify(Array.from(generateFeedbackRows({ rows: 2000 })))).to.equal(JSON.stringify(rows));
    });

    it('does not change the bytes when the chunk size changes', () => {
      const whole = generateFeedbackCsvText({ rows: 1234 });
      const chunks = Array.from(generateFeedbackCsv({ rows: 1234, chunkRows: 100 }));
      expect(chunks.length).to.equal(13);
      expect(chunks.join('')).to.equal(whole);
      expect(Array.from(generateFeedbackCsv({ rows: 1234, chunkRows: 5000 }))).to.have.length(1);
    });

    it('gives different data for different seeds', () => {
      const one = generateFeedbackCsvText({ seed: 1, rows: 500 });
      const two = generateFeedbackCsvText({ seed: 2, rows: 500 });
      expect(one).to.not.equal(two);
      const firstRows = (text: string): string => text.split('\r\n').slice(1, 20).join('\n');
      expect(firstRows(one)).to.not.equal(firstRows(two));
    });

    it('defaults to seed 42', () => {
      expect(generateFeedbackCsvText({ rows: 300 })).to.equal(generateFeedbackCsvText({ seed: 42, rows: 300 }));
    });
  });

  describe('shape', () => {
    it('names the columns in the header', () => {
      expect([...SAMPLE_COLUMNS]).to.deep.equal(['respondent', 'date', 'nps', 'csat', 'ces', 'stage', 'channel', 'department', 'comment']);
      expect(generateFeedbackCsvText({ rows: 5 }).split('\r\n')[0]).to.equal(SAMPLE_COLUMNS.join(','));
    });

    it('emits exactly the number of rows asked for, duplicates and broken rows included', () => {
      for (const rows of [0, 1, 7, 999, 5000]) expect(count(generateFeedbackRows({ rows }))).to.equal(rows);
      expect(count(generateFeedbackRows())).to.equal(5000);
      expect(big.rows).to.have.length(20_000);
      expect(big.truth.rows).to.equal(20_000);
    });

    it('emits only the header for zero rows', () => {
      expect(generateFeedbackCsvText({ rows: 0, lineEnding: '\n' })).to.equal(`${SAMPLE_COLUMNS.join(',')}\n`);
    });

    it('rejects options it cannot honour', () => {
      const attempt = (options: Parameters<typeof generateFeedbackWithTruth>[0]) => () => generateFeedbackWithTruth(options);
      expect(attempt({ start: '2023-02-30' })).to.throw(RangeError);
      expect(attempt({ start: '01/01/2023' })).to.throw(RangeError);
      expect(attempt({ rows: -1 })).to.throw(RangeError);
      expect(attempt({ rows: 2.5 })).to.throw(RangeError);
      expect(attempt({ months: 0 })).to.throw(RangeError);
      expect(attempt({ duplicateShare: 0.7, invalidShare: 0.3 })).to.throw(RangeError);
      expect(attempt({ invalidShare: -0.1 })).to.throw(RangeError);
    });
  });

  describe('ground truth', () => {
    it('adds up: valid + duplicates + invalid rows = rows', () => {
      for (const { truth } of [big, generateFeedbackWithTruth(), generateFeedbackWithTruth({ rows: 37, seed: 3 })]) {
        const invalid = Object.values(truth.invalid).reduce((a, b) => a + b, 0);
        expect(truth.valid + truth.duplicates + invalid).to.equal(truth.rows);
      }
    });

    it('counts every invalid kind, and each kind occurs in a large sample', () => {
      expect(Object.keys(big.truth.invalid).sort()).to.deep.equal([...INVALID_KINDS].sort());
      for (const kind of INVALID_KINDS) expect(big.truth.invalid[kind], kind).to.be.greaterThan(0);
      const invalid = Object.values(big.truth.invalid).reduce((a, b) => a + b, 0);
      expect(invalid / 20_000).to.be.within(0.015, 0.025);
    });

    it('agrees with an independent validator and duplicate check, kind by kind', () => {
      expect(bigChecked.multiplyBroken, 'rows broken in more than one way').to.equal(0);
      expect(bigChecked.invalid).to.deep.equal(big.truth.invalid);
      expect(bigChecked.valid.length).to.equal(big.truth.valid);
      expect(bigChecked.duplicates.length).to.equal(big.truth.duplicates);
    });

    it('agrees with the independent check for other seeds and options too', () => {
      const options = { seed: 99, rows: 4000, start: '2024-03-15', months: 6, duplicateShare: 0.1, invalidShare: 0.05, smallSegment: false };
      const { rows, truth } = generateFeedbackWithTruth(options);
      const checked = classify(rows, '2024-03-15', '2024-09-14');
      expect(checked.invalid).to.deep.equal(truth.invalid);
      expect(checked.valid.length).to.equal(truth.valid);
      expect(checked.duplicates.length).to.equal(truth.duplicates);
    });

    it('keeps the duplicate share within 3 points of the option on 20k rows', () => {
      expect(bigChecked.duplicates.length / 20_000).to.be.within(0.27, 0.33);
      const low = classify(Array.from(generateFeedbackRows({ rows: 20_000, duplicateShare: 0.1 })), FIRST_DAY, LAST_DAY);
      expect(low.duplicates.length / 20_000).to.be.within(0.07, 0.13);
    });

    it('makes a duplicate repeat the same answer under another spelling of the same person', () => {
      const firstAnswer = new Map(bigChecked.valid.map((row) => [`${row[0]!.trim().toLowerCase()}|${row[1]!.slice(0, 10)}`, row]));
      let respelled = 0;
      for (const dup of bigChecked.duplicates) {
        const original = firstAnswer.get(`${dup[0]!.trim().toLowerCase()}|${dup[1]!.slice(0, 10)}`)!;
        expect(dup.slice(2)).to.deep.equal(original.slice(2));
        if (dup[0] !== original[0]) respelled++;
      }
      // Most re-submissions differ in case or whitespace, some are byte-identical.
      expect(respelled / bigChecked.duplicates.length).to.be.within(0.5, 0.95);
      expect(bigChecked.duplicates.some((row) => row[0] !== row[0]!.trim())).to.equal(true);
      expect(bigChecked.duplicates.some((row) => /[A-Z]/.test(row[0]!))).to.equal(true);
    });
  });

  describe('valid rows', () => {
    it('have scores in range and dates inside the span', () => {
      for (const row of [...bigChecked.valid, ...bigChecked.duplicates]) {
        const [, date, nps, csat, ces] = row as [string, string, string, string, string];
        expect(Number(nps)).to.be.within(0, 10);
        if (csat !== '') expect(Number(csat)).to.be.within(1, 5);
        if (ces !== '') expect(Number(ces)).to.be.within(1, 7);
        expect(date.slice(0, 10) >= FIRST_DAY && date.slice(0, 10) <= LAST_DAY, date).to.equal(true);
      }
    });

    it('mixes plain dates with UTC timestamps, and NPS-only answers with full ones', () => {
      const valid = bigChecked.valid;
      const stamped = valid.filter((row) => row[1]!.length > 10).length / valid.length;
      expect(stamped).to.be.within(0.1, 0.25);
      const npsOnly = valid.filter((row) => row[3] === '' && row[4] === '').length / valid.length;
      expect(npsOnly).to.be.within(0.1, 0.2);
    });

    it('uses synthetic respondents only: example domains or numeric customer ids', () => {
      for (const row of big.rows) expect(row[0]!.trim(), row[0]).to.match(/^(?:[a-z._0-9]+@(?:mail\.)?example\.(?:org|com)|\d{7})$/i);
      expect(big.rows.some((row) => /^\d{7}$/.test(row[0]!))).to.equal(true);
    });
  });

  describe('realism', () => {
    const inMonths = (rows: string[][], from: string, to: string) => rows.filter((r) => r[1]!.slice(0, 7) >= from && r[1]!.slice(0, 7) <= to);

    it('shows NPS improving from below zero to well above it over the span', () => {
      expect(npsOf(inMonths(bigChecked.valid, '2023-01', '2023-06'))).to.be.within(-25, 0);
      expect(npsOf(inMonths(bigChecked.valid, '2025-01', '2025-06'))).to.be.within(20, 45);
    });

    it('makes Wait the worst journey stage and Discover the best', () => {
      const byStage = ['Discover', 'Apply', 'Wait', 'Decision', 'Support'].map((stage) => npsOf(bigChecked.valid.filter((r) => r[5] === stage)));
      expect(Math.min(...byStage)).to.equal(byStage[2]);
      expect(Math.max(...byStage)).to.equal(byStage[0]);
    });

    it('has comments on about a third of rows, in five languages, some with personal data', () => {
      const comments = big.rows.map((r) => r[r.length - 1]!).filter((c) => c !== '');
      expect(comments.length / big.rows.length).to.be.within(0.3, 0.4);
      expect(comments.some((c) => /[\u0600-\u06ff]/.test(c)), 'Arabic').to.equal(true);
      expect(comments.some((c) => /[\u0370-\u03ff]/.test(c)), 'Greek').to.equal(true);
      expect(comments.some((c) => /[őű]/.test(c)), 'Hungarian').to.equal(true);
      expect(comments.some((c) => /[łęą]/.test(c)), 'Polish').to.equal(true);
      expect(comments.filter((c) => /^[\x20-\x7e\r\n]*$/.test(c)).length / comments.length, 'English mostly').to.be.within(0.5, 0.8);
      expect(comments.some((c) => /\+36 30 \d{3} \d{4}/.test(c)), 'phone').to.equal(true);
      expect(comments.some((c) => /\S+@example\.com/.test(c)), 'e-mail').to.equal(true);
      expect(comments.some((c) => /\b[A-Z]{2}\d{2}(?: \d{4}){4,}/.test(c)), 'IBAN-like').to.equal(true);
    });

    it('gives the small segment fewer than 5 answers in most months', () => {
      const { rows } = generateFeedbackWithTruth();
      const perMonth = new Map<string, number>();
      for (const row of classify(rows, FIRST_DAY, LAST_DAY).valid) {
        if (row[7] === 'Ombudsman') perMonth.set(row[1]!.slice(0, 7), (perMonth.get(row[1]!.slice(0, 7)) ?? 0) + 1);
      }
      const counts = [...perMonth.values()];
      expect(perMonth.size, 'months with any Ombudsman answer').to.be.at.least(27);
      expect(counts.filter((n) => n < 5).length / 30).to.be.at.least(0.75);
    });

    it('gives the small segment ordinary volume when smallSegment is off', () => {
      const ombudsman = Array.from(generateFeedbackRows({ smallSegment: false })).filter((r) => r[7] === 'Ombudsman').length;
      expect(ombudsman / 5000).to.be.within(0.03, 0.08);
    });
  });

  describe('CSV', () => {
    for (const lineEnding of ['\r\n', '\n'] as const) {
      it(`round-trips through a strict RFC 4180 reader (${JSON.stringify(lineEnding)} line ends)`, () => {
        const rows = Array.from(generateFeedbackRows({ rows: 5000 }));
        const records = readCsv(generateFeedbackCsvText({ rows: 5000, lineEnding }), lineEnding);
        expect(records.length).to.equal(5001);
        expect(records[0]).to.deep.equal([...SAMPLE_COLUMNS]);
        expect(records.slice(1)).to.deep.equal(rows);
      });
    }

    it('quotes exactly the fields that contain a comma, a quote, CR or LF', () => {
      const text = generateFeedbackCsvText({ rows: 5000 });
      const fields = Array.from(generateFeedbackRows({ rows: 5000 })).flat();
      const special = fields.filter((f) => /[",\r\n]/.test(f));
      // The sample has to exercise every case for this test to mean anything.
      for (const c of [',', '"', '\n', '\r']) expect(special.some((f) => f.includes(c)), JSON.stringify(c)).to.equal(true);
      for (const field of special.slice(0, 200)) {
        expect(text.includes(`"${field.replaceAll('"', '""')}"`), JSON.stringify(field)).to.equal(true);
      }
      // Leading and trailing spaces are data and stay unquoted.
      expect(text).to.match(/\r\n {1,2}[^\s",]+@[^\s",]+ {0,2},/);
    });
  });
});
