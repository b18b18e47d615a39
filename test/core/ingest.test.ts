import { expect } from '@open-wc/testing';
import { CxDataError, toErrorInfo } from '../../src/core/errors.ts';
import { createCsvIngest } from '../../src/core/csv-ingest.ts';
import { ingestColumns, ingestRecords, type IngestResult } from '../../src/core/ingest.ts';
import { FieldMappingError, parseFieldMapping, type FieldMapping } from '../../src/core/schema.ts';
import { commentTexts } from './reference-csv-ingest.ts';

/** UTC day number of an ISO date, by Date.UTC. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function ingestCsv(text: string, mapping: FieldMapping = {}): IngestResult {
  const ingest = createCsvIngest(mapping);
  ingest.push(text);
  return ingest.finish();
}

/** Runs `action` and returns what it threw, so the test can look at the error's code and parameters. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}

function expectCxError(action: () => unknown, code: string): CxDataError {
  const error = thrown(action);
  expect(error).to.be.instanceOf(CxDataError);
  expect((error as CxDataError).code).to.equal(code);
  return error as CxDataError;
}

/** One row per reject reason; physical line numbers on the right. */
const MIXED_CSV = [
  'date,respondent,nps,region,comment', //            1 header
  '2024-03-01,Anna@X.org,9,North,Great service', //   2 accepted
  '2024-03-01,  anna@x.org ,3,North,second try', //   3 duplicate of line 2 (trimmed, case-folded, same day)
  '2024-03-02,anna@x.org,7,South,', //                4 accepted: same respondent, another day
  ',bob@x.org,8,North,', //                           5 missing-date
  '2024-02-30,carl@x.org,8,North,', //                6 invalid-date
  '03/04/2024,dora@x.org,8,North,', //                7 ambiguous-date
  '2024-03-03,eve@x.org,ten,North,', //               8 score-not-number
  '2024-03-03,fay@x.org,7.5,North,', //               9 score-not-integer
  '2024-03-03,gus@x.org,11,North,', //               10 score-out-of-range
  '2024-03-03,hal@x.org,,North,', //                 11 no-score
  '2024-03-03,ivy@x.org,6,North', //                 12 column-count (4 fields)
  '2024-03-04,,10,South,"multi', //                  13 accepted, no respondent; the comment spans 13–14
  'line"', //                                        14
  '2024-03-04,,10,,', //                             15 accepted, no respondent, same day and score: not a duplicate
  '2024-03-05,jo@x.org,5,South,x,extra', //          16 column-count (6 fields)
  '2024-03-05,kim@x.org,"4,North,open', //           17 unclosed quote: this row is rejected, reading resumes on line 18
  'more text', //                                    18 column-count (1 field)
].join('\n');

describe('ingest', () => {
  describe('quality report', () => {
    it('accounts for every row: accepted + duplicates + rejected = totalRows', () => {
      const { quality } = ingestCsv(MIXED_CSV);
      expect(quality.totalRows).to.equal(16);
      expect(quality.accepted).to.equal(4);
      expect(quality.duplicates).to.equal(1);
      expect(quality.rejected).to.equal(11);
      expect(quality.accepted + quality.duplicates + quality.rejected).to.equal(quality.totalRows);
    });

    it('tallies each reject reason with its physical line numbers, most frequent first', () => {
      const { quality } = ingestCsv(MIXED_CSV);
      expect(quality.reasons).to.deep.equal([
        { reason: 'column-count', count: 3, lines: [12, 16, 18] },
        { reason: 'ambiguous-date', count: 1, lines: [7] },
        { reason: 'invalid-date', count: 1, lines: [6] },
        { reason: 'missing-date', count: 1, lines: [5] },
        { reason: 'no-score', count: 1, lines: [11] },
        { reason: 'score-not-integer', field: 'nps', count: 1, lines: [9] },
        { reason: 'score-not-number', field: 'nps', count: 1, lines: [8] },
        { reason: 'score-out-of-range', field: 'nps', count: 1, lines: [10] },
        { reason: 'unclosed-quote', count: 1, lines: [17] },
      ]);
    });

    it('keeps the same line numbers with CRLF line breaks', () => {
      const { quality } = ingestCsv(MIXED_CSV.replaceAll('\n', '\r\n'));
      expect(quality.reasons.find((t) => t.reason === 'column-count')!.lines).to.deep.equal([12, 16, 18]);
      expect(quality.reasons.find((t) => t.reason === 'unclosed-quote')!.lines).to.deep.equal([17]);
      expect(quality.duplicateLines).to.deep.equal([3]);
    });

    it('counts the same respondent on the same day once, keeping the first answer', () => {
      const { table, quality } = ingestCsv(MIXED_CSV);
      expect(quality.duplicates).to.equal(1);
      expect(quality.duplicateLines).to.deep.equal([3]);
      expect(table.scores.nps[0]).to.equal(9); // line 2's answer, not line 3's 3
    });

    it('never dedups rows without a respondent, and counts them', () => {
      const { table, quality } = ingestCsv(MIXED_CSV);
      expect(quality.withoutRespondent).to.equal(2);
      expect(Array.from(table.day.slice(2))).to.deep.equal([day('2024-03-04'), day('2024-03-04')]);
    });

    it('keeps at most five sample lines per reason but counts them all', () => {
      const rows = Array.from({ length: 7 }, () => '2024-03-01,12');
      const { quality } = ingestCsv(['date,nps', ...rows].join('\n'));
      expect(quality.reasons).to.deep.equal([{ reason: 'score-out-of-range', field: 'nps', count: 7, lines: [2, 3, 4, 5, 6] }]);
    });

    it('reports each score field separately when a row has several', () => {
      const csv = ['date,nps,csat,ces', '2024-03-01,9,6,', '2024-03-01,,,8', '2024-03-01,,4,', '2024-03-01,,,'].join('\n');
      const { table, quality } = ingestCsv(csv);
      expect(quality.reasons).to.deep.equal([
        { reason: 'no-score', count: 1, lines: [5] },
        { reason: 'score-out-of-range', field: 'csat', count: 1, lines: [2] },
        { reason: 'score-out-of-range', field: 'ces', count: 1, lines: [3] },
      ]);
      expect(table.rowCount).to.equal(1);
      expect(Array.from(table.scores.nps)).to.deep.equal([-1]);
      expect(Array.from(table.scores.csat)).to.deep.equal([4]);
      expect(Array.from(table.scores.ces)).to.deep.equal([-1]);
    });
  });

  describe('table', () => {
    it('holds the accepted rows only, and no rejected date ever becomes 1970-01-01', () => {
      const { table } = ingestCsv(MIXED_CSV);
      expect(table.rowCount).to.equal(4);
      expect(Array.from(table.day)).to.deep.equal([day('2024-03-01'), day('2024-03-02'), day('2024-03-04'), day('2024-03-04')]);
      expect(Array.from(table.day).includes(0)).to.equal(false);
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 7, 10, 10]);
      expect(Array.from(table.scores.csat)).to.deep.equal([-1, -1, -1, -1]);
      expect(table.firstDay).to.equal(day('2024-03-01'));
      expect(table.lastDay).to.equal(day('2024-03-04'));
      expect(table.stage).to.equal(null);
    });

    it('dictionary-encodes categorical dimensions, with code 0 for an empty value', () => {
      const { table } = ingestCsv(MIXED_CSV);
      expect(table.dimensions.map((d) => d.name)).to.deep.equal(['region']);
      expect(table.dimensions[0]!.dictionary).to.deep.equal(['', 'North', 'South']);
      expect(Array.from(table.dimensions[0]!.codes)).to.deep.equal([1, 2, 2, 0]);
    });

    it('keeps comments apart, each with its row, including a quoted line break', () => {
      const { table } = ingestCsv(MIXED_CSV);
      expect(Array.from(table.comments.row)).to.deep.equal([0, 2]);
      expect(commentTexts(table.comments).text).to.deep.equal(['Great service', 'multi\nline']);
    });

    it('reads a stage column as a category of its own', () => {
      const { table } = ingestCsv('date,nps,stage,team\n2024-03-01,9, Apply ,A\n2024-03-02,5,,B\n2024-03-02,6,Apply,');
      expect(table.stage!.dictionary).to.deep.equal(['', 'Apply']);
      expect(Array.from(table.stage!.codes)).to.deep.equal([1, 0, 1]);
      expect(table.dimensions.map((d) => d.name)).to.deep.equal(['team']);
      expect(Array.from(table.dimensions[0]!.codes)).to.deep.equal([1, 2, 0]);
    });

    it('gives an empty table for a header-only file', () => {
      const { table, quality } = ingestCsv('date,nps\n');
      expect(table.rowCount).to.equal(0);
      expect(quality.totalRows).to.equal(0);
      expect(table.firstDay).to.equal(0);
      expect(table.lastDay).to.equal(-1);
    });
  });

  describe('CSV dialects', () => {
    it('reads a ";" file with decimal commas: "8,0" is 8 and "7,5" is not an integer', () => {
      const { table, quality } = ingestCsv('date;nps;region\n2024-03-01;8,0;Północ\n2024-03-01;7,5;Południe\n2024-03-02;10;Południe\n');
      expect(Array.from(table.scores.nps)).to.deep.equal([8, 10]);
      expect(quality.reasons).to.deep.equal([{ reason: 'score-not-integer', field: 'nps', count: 1, lines: [3] }]);
      expect(table.dimensions[0]!.dictionary).to.deep.equal(['', 'Północ', 'Południe']);
    });

    it('does not read a decimal comma in a "," file', () => {
      const { quality } = ingestCsv('date,nps\n2024-03-01,"8,0"\n');
      expect(quality.reasons).to.deep.equal([{ reason: 'score-not-number', field: 'nps', count: 1, lines: [2] }]);
    });
  });

  describe('field mapping', () => {
    it('parses canonical:column pairs, trimming whitespace and keeping colons after the first', () => {
      expect(parseFieldMapping('date:submitted_at,nps:likelihood')).to.deep.equal({ date: 'submitted_at', nps: 'likelihood' });
      expect(parseFieldMapping(' date : Submitted At , comment:q:why ,')).to.deep.equal({ date: 'Submitted At', comment: 'q:why' });
      expect(parseFieldMapping('')).to.deep.equal({});
      expect(parseFieldMapping(null)).to.deep.equal({});
    });

    it('rejects an unknown field, an empty column and a field mapped twice', () => {
      expect(() => parseFieldMapping('when:submitted_at')).to.throw(FieldMappingError, /Unknown field "when"/);
      expect(() => parseFieldMapping('nps:')).to.throw(FieldMappingError, /no column name/);
      expect(() => parseFieldMapping('nps')).to.throw(FieldMappingError, /no column name/);
      expect(() => parseFieldMapping('nps:a,nps:b')).to.throw(FieldMappingError, /mapped twice/);
    });

    it('reads mapped columns case-insensitively; unmapped columns become dimensions', () => {
      const csv = 'Submitted_At,Likelihood,Team\n2024-03-01,9,Ops\n2024-03-02,4,Sales\n';
      const { table } = ingestCsv(csv, parseFieldMapping('date:submitted_at,nps:likelihood'));
      expect(Array.from(table.day)).to.deep.equal([day('2024-03-01'), day('2024-03-02')]);
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 4]);
      expect(table.dimensions.map((d) => d.name)).to.deep.equal(['Team']);
    });

    it('reports a mapped column that is not in the data as missing-column, naming it', () => {
      const csv = 'date,score\n2024-03-01,9\n';
      const error = thrown(() => ingestCsv(csv, parseFieldMapping('nps:likelihood')));
      expect(toErrorInfo(error)).to.deep.include({ code: 'missing-column', params: { field: 'likelihood' } });
      expect((error as Error).message).to.contain('"likelihood"');
    });

    it('reports a bad fields attribute to the user as bad-fields, not as an internal error', () => {
      // A typo in fields="…" must reach the element as the localised bad-fields message, not 'internal'.
      const error = thrown(() => parseFieldMapping('when:submitted_at'));
      expect(toErrorInfo(error).code).to.equal('bad-fields');
    });

    it('needs a date column and a score column', () => {
      expect(expectCxError(() => ingestCsv('when,nps\n2024-03-01,9\n'), 'missing-column').params).to.deep.equal({ field: 'date' });
      expect(expectCxError(() => ingestCsv('date,score\n2024-03-01,9\n'), 'missing-column').params).to.deep.equal({ field: 'nps' });
    });

    it('calls empty input an empty file, and an unterminated header not CSV', () => {
      expectCxError(() => ingestCsv(''), 'empty-file');
      expectCxError(() => ingestCsv('\r\n\n'), 'empty-file');
      expectCxError(() => ingestCsv('\uFEFF'), 'empty-file');
      expectCxError(() => ingestCsv('date,"nps\n2024-03-01,9\n'), 'not-csv');
    });
  });

  describe('records and columns', () => {
    it('ingests JSON-like records: Date objects and epoch ms as UTC days, strings and numbers as scores', () => {
      const records = [
        { date: new Date('2024-03-01T23:30:00Z'), nps: 9, team: 'Ops', respondent: 'A@x.org' },
        { date: 1_709_337_600_000, nps: '8', team: 'Ops' }, // 2024-03-02T00:00:00Z
        'not a record',
        { date: '2024-03-01', nps: 3, respondent: ' a@X.org ' }, // duplicate of the first
        null,
        [1, 2],
        { date: '2024-03-05', nps: 7.5 },
        { date: '2024-03-05', nps: true },
        { date: null, nps: 5 },
        { date: '2024-03-06', nps: null, comment: 'no score' },
      ];
      const { table, quality } = ingestRecords(records, {});
      expect(Array.from(table.day)).to.deep.equal([day('2024-03-01'), day('2024-03-02')]);
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 8]);
      expect(table.dimensions.map((d) => d.name)).to.deep.equal(['team']);
      expect(quality.totalRows).to.equal(10);
      expect(quality.duplicateLines).to.deep.equal([4]);
      expect(quality.reasons).to.deep.equal([
        { reason: 'not-an-object', count: 3, lines: [3, 5, 6] },
        { reason: 'missing-date', count: 1, lines: [9] },
        { reason: 'no-score', count: 1, lines: [10] },
        { reason: 'score-not-integer', field: 'nps', count: 1, lines: [7] },
        { reason: 'score-not-number', field: 'nps', count: 1, lines: [8] },
      ]);
    });

    it('rejects dates out of range or not a date instead of turning them into 1970-01-01', () => {
      const { table, quality } = ingestRecords([{ date: new Date(NaN), nps: 9 }, { date: {}, nps: 9 }, { date: false, nps: 9 }, { date: '2024-03-01', nps: 9 }], {});
      expect(Array.from(table.day)).to.deep.equal([day('2024-03-01')]);
      expect(quality.reasons).to.deep.equal([{ reason: 'invalid-date', count: 3, lines: [1, 2, 3] }]);
    });

    it('throws empty-file for no records and missing-column for records without a date', () => {
      expectCxError(() => ingestRecords([], {}), 'empty-file');
      expectCxError(() => ingestRecords([{ when: '2024-03-01', nps: 9 }], {}), 'missing-column');
    });

    it('ingests equal-length columns, typed arrays included', () => {
      const { table, quality } = ingestColumns(
        { date: ['2024-03-01', '2024-03-02', 'soon'], nps: Int8Array.of(10, 0, 5), region: ['N', 'S', 'N'] },
        {},
      );
      expect(Array.from(table.scores.nps)).to.deep.equal([10, 0]);
      expect(Array.from(table.dimensions[0]!.codes)).to.deep.equal([1, 2]);
      expect(quality.reasons).to.deep.equal([{ reason: 'invalid-date', count: 1, lines: [3] }]);
    });

    it('throws bad-data for columns of unequal length, and empty-file for zero rows', () => {
      const error = expectCxError(() => ingestColumns({ date: ['2024-03-01', '2024-03-02'], nps: [9] }, {}), 'bad-data');
      expect(error.params).to.deep.equal({ detail: '2, 1' });
      expectCxError(() => ingestColumns({ date: [], nps: [] }, {}), 'empty-file');
    });
  });

  describe('chunk invariance', () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const SAMPLE = [
      '\uFEFFdate,respondent,nps,team,comment',
      '2024-03-01,Zoë@Example.org,9,Øresund,"Très bien,\r\nmerci 👍"',
      '2024-03-01, zoë@example.org ,4,Øresund,dup',
      '2024-03-02,,7,Łódź,"Źle — ""naprawdę"""',
      '2024-13-01,x@y.z,8,Łódź,',
      '2024-03-03,w@y.z,11,Αθήνα,',
      '2024-03-03,v@y.z,6',
      '2024-03-04,u@y.z,10,Αθήνα,يعجبني',
      '2024-03-05,t@y.z,"3,tail',
    ].join('\r\n');
    const SEMICOLON_SAMPLE = '\uFEFFdate;nps;miasto\r\n2024-03-01;8,0;Kraków\r\n2024-03-01;7,5;Łódź\r\n2024-03-02;"10";Gdańsk\r\n';

    function ingestChunks(chunks: readonly (Uint8Array | string)[]): IngestResult {
      const ingest = createCsvIngest({});
      for (const chunk of chunks) ingest.push(chunk);
      return ingest.finish();
    }

    it('reads the sample as expected when unsplit', () => {
      const { table, quality } = ingestChunks([utf8(SAMPLE)]);
      expect(Array.from(table.scores.nps)).to.deep.equal([9, 7, 10]);
      expect(commentTexts(table.comments).text).to.deep.equal(['Très bien,\r\nmerci 👍', 'Źle — "naprawdę"', 'يعجبني']);
      expect(table.dimensions[0]!.dictionary).to.deep.equal(['', 'Øresund', 'Łódź', 'Αθήνα']);
      expect(quality.duplicateLines).to.deep.equal([4]);
      expect(quality.reasons).to.deep.equal([
        { reason: 'column-count', count: 1, lines: [8] },
        { reason: 'invalid-date', count: 1, lines: [6] },
        { reason: 'score-out-of-range', field: 'nps', count: 1, lines: [7] },
        { reason: 'unclosed-quote', count: 1, lines: [10] },
      ]);
    });

    for (const [name, sample] of [['comma sample', SAMPLE], ['semicolon sample', SEMICOLON_SAMPLE]] as const) {
      it(`gives the same table and report for the ${name} split at every byte offset`, () => {
        const bytes = utf8(sample);
        const whole = ingestChunks([bytes]);
        for (let cut = 0; cut <= bytes.length; cut++) {
          const split = ingestChunks([bytes.subarray(0, cut), bytes.subarray(cut)]);
          expect(split, `cut at byte ${cut}`).to.deep.equal(whole);
        }
      });

      it(`gives the same table and report for the ${name} fed one byte, or one UTF-16 unit, at a time`, () => {
        const bytes = utf8(sample);
        const whole = ingestChunks([bytes]);
        expect(ingestChunks(Array.from(bytes, (b) => Uint8Array.of(b)))).to.deep.equal(whole);
        expect(ingestChunks(Array.from({ length: sample.length }, (_, i) => sample[i]!))).to.deep.equal(whole);
        for (let cut = 0; cut <= sample.length; cut++) {
          expect(ingestChunks([sample.slice(0, cut), sample.slice(cut)]), `string cut at ${cut}`).to.deep.equal(whole);
        }
      });
    }

    it('reports the bytes consumed for progress', () => {
      const bytes = utf8(SAMPLE);
      const ingest = createCsvIngest({});
      ingest.push(bytes.subarray(0, 10));
      expect(ingest.consumed).to.equal(10);
      ingest.push(bytes.subarray(10));
      expect(ingest.consumed).to.equal(bytes.length);
    });
  });
});
