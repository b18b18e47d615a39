import { expect } from '@open-wc/testing';
import { caught } from '../caught.ts';
import {
  CELL_EMPTY,
  CELL_NOT_NUMBER,
  CELL_OK,
  createOperationalCsvIngest,
  ingestOperationalRecords,
  measureCellProblem,
  numericColumn,
  parseMeasureCell,
  type OperationalIngestResult,
} from '../../src/core/operational.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function ingestCsv(text: string, dateColumn = 'date', chunkSize = Infinity): OperationalIngestResult {
  const ingest = createOperationalCsvIngest(dateColumn);
  for (let start = 0; start < text.length; start += chunkSize) ingest.push(text.slice(start, start + chunkSize));
  return ingest.finish();
}

/** A column's values with NaN spelled out, so deep equality can compare them. */
const valuesOf = (result: OperationalIngestResult, name: string) => Array.from(numericColumn(result.table, name, 'value').values, (v) => (Number.isNaN(v) ? 'NaN' : v));
const statesOf = (result: OperationalIngestResult, name: string) => Array.from(numericColumn(result.table, name, 'value').state);

describe('parseMeasureCell', () => {
  it('reads plain decimal numbers, signs and surrounding spaces', () => {
    expect(parseMeasureCell('12', false)).to.equal(12);
    expect(parseMeasureCell(' 3.5 ', false)).to.equal(3.5);
    expect(parseMeasureCell('-2', false)).to.equal(-2);
    expect(parseMeasureCell('+4', false)).to.equal(4);
    expect(parseMeasureCell('.5', false)).to.equal(0.5);
    expect(parseMeasureCell('5.', false)).to.equal(5);
  });

  it('reads minus zero as plain zero', () => {
    expect(Object.is(parseMeasureCell('-0', false), 0)).to.equal(true);
    expect(Object.is(parseMeasureCell('-0,0', true), 0)).to.equal(true);
  });

  it('refuses exponents, hex, digit grouping, words and empty cells', () => {
    for (const text of ['1e3', '0x10', '1 000', '1,234', 'Infinity', 'NaN', 'abc', '', '   ', '12 min', '--1']) {
      expect(parseMeasureCell(text, false), `"${text}"`).to.be.NaN;
    }
  });

  it('reads a decimal comma when the file uses one, and still a decimal point', () => {
    expect(parseMeasureCell('12,5', true)).to.equal(12.5);
    expect(parseMeasureCell(',25', true)).to.equal(0.25);
    expect(parseMeasureCell('-7,75', true)).to.equal(-7.75);
    expect(parseMeasureCell('3.5', true)).to.equal(3.5);
  });

  // In a decimal-comma (';' or tab) file "1.234" may be 1234 written with grouping: refused, never read as 1.234.
  it('refuses a thousands grouping with a dot in a decimal-comma file rather than reading 1.234', () => {
    expect(parseMeasureCell('1.234', true)).to.be.NaN;
    expect(parseMeasureCell('12.500', true)).to.be.NaN;
    const result = ingestCsv('datum;aanvragen\n2024-01-02;1.234\n2024-01-03;1234', 'datum');
    expect(statesOf(result, 'aanvragen')).to.deep.equal([CELL_NOT_NUMBER, CELL_OK]);
    expect(parseMeasureCell('1,234', true)).to.be.NaN;
    expect(parseMeasureCell('0.125', true)).to.equal(0.125);
    expect(parseMeasureCell('1.25', true)).to.equal(1.25);
  });

  it('refuses a decimal comma in a decimal-point file and two separators in a decimal-comma file', () => {
    expect(parseMeasureCell('12,5', false)).to.be.NaN;
    expect(parseMeasureCell('1.234,5', true)).to.be.NaN;
    expect(parseMeasureCell('1,2,3', true)).to.be.NaN;
  });
});

describe('measureCellProblem', () => {
  it('calls empty text, spaces, n/a, NA, - and null not given', () => {
    for (const value of [null, undefined, '', '   ', 'n/a', 'N/A', 'na', 'NA', '-', 'null', 'NULL', ' n/a ']) {
      expect(measureCellProblem(value), JSON.stringify(value)).to.equal(CELL_EMPTY);
    }
  });

  it('calls anything else that gave no number not a number', () => {
    for (const value of ['abc', '1e3', '12 min', 'n.a.', NaN, Infinity, true, {}, []]) {
      expect(measureCellProblem(value), String(value)).to.equal(CELL_NOT_NUMBER);
    }
  });
});

describe('createOperationalCsvIngest', () => {
  /*
   * Line 1 header; 2 fine; 3 empty wait; 4 wait "abc"; 5 bad date (file-level rejection); 6 one field
   * short (file-level rejection); 7 wait "n/a".
   */
  const CSV = [
    'date,wait_min,submitted,accepted',
    '2024-01-02,12,10,7',
    '2024-01-03,,8,6',
    '2024-01-04,abc,5,5',
    'not-a-date,3,1,1',
    '2024-01-05,7,4',
    '2024-01-06,n/a,2,1',
  ].join('\n');

  it('keeps every dated row with the right shape, with its day and source line', () => {
    const { table } = ingestCsv(CSV);
    expect(table.rowCount).to.equal(4);
    expect(Array.from(table.day)).to.deep.equal([day('2024-01-02'), day('2024-01-03'), day('2024-01-04'), day('2024-01-06')]);
    expect(Array.from(table.line)).to.deep.equal([2, 3, 4, 7]);
    expect(table.firstDay).to.equal(day('2024-01-02'));
    expect(table.lastDay).to.equal(day('2024-01-06'));
  });

  it('makes every column but the date a numeric column, in file order', () => {
    const { table } = ingestCsv(CSV);
    expect(table.columns.map((c) => c.name)).to.deep.equal(['wait_min', 'submitted', 'accepted']);
  });

  it('keeps a row with a bad cell, marking the cell empty or not a number rather than rejecting the row', () => {
    const result = ingestCsv(CSV);
    expect(valuesOf(result, 'wait_min')).to.deep.equal([12, 'NaN', 'NaN', 'NaN']);
    expect(statesOf(result, 'wait_min')).to.deep.equal([CELL_OK, CELL_EMPTY, CELL_NOT_NUMBER, CELL_EMPTY]);
    expect(valuesOf(result, 'submitted')).to.deep.equal([10, 8, 5, 2]);
    expect(statesOf(result, 'accepted')).to.deep.equal([CELL_OK, CELL_OK, CELL_OK, CELL_OK]);
  });

  it('accounts for every data row in the file report: 6 read, 4 accepted, a bad date and a short row rejected', () => {
    const { quality } = ingestCsv(CSV);
    expect(quality).to.include({ totalRows: 6, accepted: 4, rejected: 2, duplicates: 0 });
    expect(quality.reasons).to.have.deep.members([
      { reason: 'invalid-date', count: 1, lines: [5] },
      { reason: 'column-count', count: 1, lines: [6] },
    ]);
  });

  it('gives the same table however the text is cut into chunks, and from bytes', () => {
    const whole = ingestCsv(CSV);
    for (const size of [1, 3, 7, 16]) {
      const pieces = ingestCsv(CSV, 'date', size);
      expect(Array.from(pieces.table.day), `chunks of ${size}`).to.deep.equal(Array.from(whole.table.day));
      expect(valuesOf(pieces, 'submitted'), `chunks of ${size}`).to.deep.equal(valuesOf(whole, 'submitted'));
      expect(statesOf(pieces, 'wait_min'), `chunks of ${size}`).to.deep.equal(statesOf(whole, 'wait_min'));
    }
    const ingest = createOperationalCsvIngest('date');
    const bytes = new TextEncoder().encode(CSV);
    ingest.push(bytes.subarray(0, 20));
    ingest.push(bytes.subarray(20));
    const fromBytes = ingest.finish();
    expect(valuesOf(fromBytes, 'submitted')).to.deep.equal([10, 8, 5, 2]);
    expect(fromBytes.quality.totalRows).to.equal(6);
  });

  it('reads a CRLF file and a header with spaces around the names', () => {
    const result = ingestCsv(' date , wait_min \r\n2024-03-01, 4.5 \r\n2024-03-02,6\r\n');
    expect(result.table.columns.map((c) => c.name)).to.deep.equal(['wait_min']);
    expect(valuesOf(result, 'wait_min')).to.deep.equal([4.5, 6]);
    expect(Array.from(result.table.line)).to.deep.equal([2, 3]);
  });

  it('finds the date column by its own name, wherever it is', () => {
    const result = ingestCsv('handled,processed_on\n3,2024-05-01\n4,2024-05-02', 'processed_on');
    expect(result.table.columns.map((c) => c.name)).to.deep.equal(['handled']);
    expect(Array.from(result.table.day)).to.deep.equal([day('2024-05-01'), day('2024-05-02')]);
  });

  it('reads decimal commas in a semicolon file', () => {
    const result = ingestCsv('datum;wachttijd;aanvragen\n2024-01-02;12,5;3\n03.01.2024;7,25;2\n2024-01-04;;1', 'datum');
    expect(valuesOf(result, 'wachttijd')).to.deep.equal([12.5, 7.25, 'NaN']);
    expect(statesOf(result, 'wachttijd')).to.deep.equal([CELL_OK, CELL_OK, CELL_EMPTY]);
    expect(valuesOf(result, 'aanvragen')).to.deep.equal([3, 2, 1]);
    expect(Array.from(result.table.day)).to.deep.equal([day('2024-01-02'), day('2024-01-03'), day('2024-01-04')]);
  });

  it('reads a quoted decimal comma in a comma file as not a number, not as 12.5 or 125', () => {
    const result = ingestCsv('date,wait_min\n2024-01-02,"12,5"\n2024-01-03,"12.5"');
    expect(valuesOf(result, 'wait_min')).to.deep.equal(['NaN', 12.5]);
    expect(statesOf(result, 'wait_min')).to.deep.equal([CELL_NOT_NUMBER, CELL_OK]);
  });

  it('grows past its initial capacity without losing rows (3000 rows)', () => {
    const lines = ['date,handled'];
    const first = day('2020-01-01');
    for (let i = 0; i < 3000; i++) lines.push(`${new Date((first + i) * 86_400_000).toISOString().slice(0, 10)},${i}`);
    const result = ingestCsv(lines.join('\n'), 'date', 4096);
    const handled = numericColumn(result.table, 'handled', 'value').values;
    expect(result.table.rowCount).to.equal(3000);
    expect(handled.length).to.equal(3000);
    // 0 + 1 + … + 2999 = 2999 · 3000 / 2
    expect(handled.reduce((a, b) => a + b, 0)).to.equal(4_498_500);
    expect(handled[2999]).to.equal(2999);
    expect(result.table.line[2999]).to.equal(3001);
    expect(result.table.lastDay).to.equal(first + 2999);
  });

  it('gives an empty table for a header-only file', () => {
    const { table, quality } = ingestCsv('date,wait_min\n');
    expect(table.rowCount).to.equal(0);
    expect(table.columns.map((c) => c.name)).to.deep.equal(['wait_min']);
    expect(quality).to.include({ totalRows: 0, accepted: 0, rejected: 0 });
  });

  it('throws missing-source-column naming the date column when the header lacks it', () => {
    const error = caught(() => ingestCsv('day,wait_min\n2024-01-02,3', 'date'));
    expect(error.code).to.equal('missing-source-column');
    expect(error.params.field).to.equal('date');
  });

  it('throws empty-file for a file with no header', () => {
    expect(caught(() => ingestCsv('')).code).to.equal('empty-file');
  });

  it('throws not-csv when the header opens a quote that never closes', () => {
    expect(caught(() => ingestCsv('"date,wait_min\n2024-01-02,3\n')).code).to.equal('not-csv');
  });

  it('rejects a data row with an unclosed quote on its own and keeps the rows after it', () => {
    const { table, quality } = ingestCsv('date,note_count\n2024-01-02,1\n2024-01-03,"2\n2024-01-04,3\n');
    expect(quality.reasons).to.deep.equal([{ reason: 'unclosed-quote', count: 1, lines: [3] }]);
    expect(Array.from(table.day)).to.deep.equal([day('2024-01-02'), day('2024-01-04')]);
    expect(quality).to.include({ totalRows: 3, accepted: 2, rejected: 1 });
  });
});

describe('ingestOperationalRecords', () => {
  it('takes the columns from all records, in first-seen order, and marks a key a record lacks as empty', () => {
    const result = ingestOperationalRecords(
      [
        { date: '2024-02-01', wait: 12 },
        { date: '2024-02-02', wait: 8, handled: 40 },
      ],
      'date',
    );
    expect(result.table.columns.map((c) => c.name)).to.deep.equal(['wait', 'handled']);
    expect(valuesOf(result, 'handled')).to.deep.equal(['NaN', 40]);
    expect(statesOf(result, 'handled')).to.deep.equal([CELL_EMPTY, CELL_OK]);
  });

  it('reads numbers and decimal-point strings; a comma string, NaN, Infinity and true are not numbers; null and "n/a" are empty', () => {
    const values: unknown[] = [7, '7.5', ' 8 ', '7,5', NaN, Infinity, true, null, 'n/a', ''];
    const result = ingestOperationalRecords(
      values.map((wait, i) => ({ date: `2024-02-${String(i + 1).padStart(2, '0')}`, wait })),
      'date',
    );
    expect(valuesOf(result, 'wait')).to.deep.equal([7, 7.5, 8, 'NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN']);
    const E = CELL_EMPTY;
    const X = CELL_NOT_NUMBER;
    expect(statesOf(result, 'wait')).to.deep.equal([CELL_OK, CELL_OK, CELL_OK, X, X, X, X, E, E, E]);
  });

  it('reads dates as ISO text, Date objects and epoch milliseconds, and rejects an Excel serial as ambiguous', () => {
    const result = ingestOperationalRecords(
      [
        { date: '2024-03-01', n: 1 },
        { date: new Date(Date.UTC(2024, 2, 2, 15, 30)), n: 2 },
        { date: Date.UTC(2024, 2, 3), n: 3 },
        { date: 45366, n: 4 },
        { date: '', n: 5 },
      ],
      'date',
    );
    expect(Array.from(result.table.day)).to.deep.equal([day('2024-03-01'), day('2024-03-02'), day('2024-03-03')]);
    expect(result.quality.reasons).to.have.deep.members([
      { reason: 'ambiguous-date', count: 1, lines: [4] },
      { reason: 'missing-date', count: 1, lines: [5] },
    ]);
    expect(result.quality).to.include({ totalRows: 5, accepted: 3, rejected: 2 });
  });

  it('rejects an entry that is not an object, numbering records from 1', () => {
    const result = ingestOperationalRecords([{ date: '2024-03-01', n: 1 }, 42, null, ['2024-03-02', 2], { date: '2024-03-03', n: 3 }], 'date');
    expect(result.quality.reasons).to.deep.equal([{ reason: 'not-an-object', count: 3, lines: [2, 3, 4] }]);
    expect(Array.from(result.table.line)).to.deep.equal([1, 5]);
  });

  it('throws bad-json for something that is not an array, empty-file for no records, missing-source-column for no date key', () => {
    expect(caught(() => ingestOperationalRecords({ rows: [] }, 'date')).code).to.equal('bad-json');
    expect(caught(() => ingestOperationalRecords([], 'date')).code).to.equal('empty-file');
    const missing = caught(() => ingestOperationalRecords([{ day: '2024-03-01', n: 1 }], 'date'));
    expect(missing.code).to.equal('missing-source-column');
    expect(missing.params.field).to.equal('date');
  });
});

describe('numericColumn', () => {
  const { table } = ingestCsv('date,wait_min\n2024-01-02,3');

  it('finds a column by its trimmed name', () => {
    expect(numericColumn(table, ' wait_min ', 'value').name).to.equal('wait_min');
  });

  it('throws missing-source-column naming the column and the definition field that asked for it', () => {
    const error = caught(() => numericColumn(table, 'wait_minutes', 'numerator'));
    expect(error.code).to.equal('missing-source-column');
    expect(error.params).to.include({ field: 'wait_minutes', role: 'numerator' });
  });

  it('does not offer the date column as a numeric column', () => {
    expect(caught(() => numericColumn(table, 'date', 'value')).code).to.equal('missing-source-column');
  });
});
