/**
 * Result rows → counts document, as each driver returns them: DuckDB's 128-bit sums as bigint,
 * BigQuery's as strings, Snowflake's column names in upper case.
 */
import { expect } from '@open-wc/testing';
import { partialFromCounts } from '../../src/core/counts.ts';
import { countsDocument, qualityFromRows, splitCombinedRows } from '../../src/sql/index.ts';

const histogramColumns = (values: number[], as: (n: number) => unknown, upper = false) => {
  const names = [...Array.from({ length: 11 }, (_, i) => `nps_${i}`), ...Array.from({ length: 5 }, (_, i) => `csat_${i + 1}`), ...Array.from({ length: 7 }, (_, i) => `ces_${i + 1}`)];
  return Object.fromEntries(names.map((name, i) => [upper ? name.toUpperCase() : name, as(values[i] ?? 0)]));
};

describe('counts document from result rows', () => {
  const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2];

  it('reads bigint, string and upper-case columns alike', () => {
    const duckdb = { cx_period_key: '2024-03', cx_group: 'Tax', ...histogramColumns(scores, BigInt) };
    const bigquery = { cx_period_key: '2024-03', cx_group: 'Tax', ...histogramColumns(scores, String) };
    const snowflake = { CX_PERIOD_KEY: '2024-03', CX_GROUP: 'Tax', ...histogramColumns(scores, Number, true) };
    const documents = [duckdb, bigquery, snowflake].map((row) => countsDocument([row], undefined, { interval: 'month', dimension: 'department' }));
    expect(documents[1]).to.deep.equal(documents[0]);
    expect(documents[2]).to.deep.equal(documents[0]);
    expect(documents[0].periods[0]).to.deep.equal({
      period: '2024-03',
      group: 'Tax',
      histogram: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      csat: [1, 1, 1, 1, 1],
      ces: [2, 2, 2, 2, 2, 2, 2],
    });
    // What the element reads: 55 answers in one bucket.
    const partial = partialFromCounts(documents[0], 'month', 'department');
    expect([...partial.buckets.values()][0]!.histogram.reduce((a, b) => a + b, 0)).to.equal(55);
  });

  it('adds up the quality rows, most frequent reason first, with the rows the file reader refused', () => {
    const quality = qualityFromRows(
      [
        { cx_outcome: 'accepted', cx_rows: 10n },
        { cx_outcome: 'accepted-without-respondent', cx_rows: 2n },
        { cx_outcome: 'duplicate', cx_rows: 3n },
        { cx_outcome: 'rejected', cx_reason: 'invalid-date', cx_reason_field: null, cx_rows: 1n },
        { CX_OUTCOME: 'rejected', CX_REASON: 'score-out-of-range', CX_REASON_FIELD: 'nps', CX_ROWS: '4' },
      ],
      [{ reason: 'column-count', count: 2 }, { reason: 'unclosed-quote', count: 0 }],
    );
    expect(quality).to.deep.equal({
      totalRows: 22,
      accepted: 12,
      duplicates: 3,
      rejected: 7,
      withoutRespondent: 2,
      reasons: [
        { reason: 'score-out-of-range', field: 'nps', count: 4 },
        { reason: 'column-count', count: 2 },
        { reason: 'invalid-date', count: 1 },
      ],
    });
  });

  it('parts the combined statement into counts and quality rows', () => {
    const rows = [{ cx_section: 'counts', cx_period_key: '2024' }, { CX_SECTION: 'quality', CX_OUTCOME: 'accepted' }, { cx_section: 'counts', cx_period_key: '2025' }];
    const { counts, quality } = splitCombinedRows(rows);
    expect(counts.map((r) => r.cx_period_key)).to.deep.equal(['2024', '2025']);
    expect(quality).to.have.length(1);
  });
});
