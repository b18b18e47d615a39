/**
 * cx-elements/sql as text: the golden files (test/sql/golden/, one per dialect × interval × with and
 * without a dimension), names that try to break out of their quotes, and values that never reach the
 * SQL text. Running the SQL (DuckDB, against the browser engine) is scripts/e2e-sql.mjs's job.
 */
import { expect } from '@open-wc/testing';
import { aggregateSql, quoteIdentifier, quoteTableName, SqlIdentifierError, type AggregateSqlOptions, type Dialect } from '../../src/sql/index.ts';
import { GOLDEN_CASES, goldenText } from './golden-cases.ts';

const base: AggregateSqlOptions = {
  dialect: 'duckdb',
  table: 'feedback',
  fields: { date: 'date', respondent: 'respondent', nps: 'nps' },
  rowOrder: 'line',
  interval: 'month',
};

const HOSTILE = ['nps"; DROP TABLE feedback; --', 'a`b', "o'brien", 'x\\y', 'Ünïcödé spaces', 'select', '"'];

describe('aggregateSql golden files', () => {
  for (const { file, options } of GOLDEN_CASES) {
    it(`writes test/sql/golden/${file}`, async () => {
      const response = await fetch(`/test/sql/golden/${file}`, { cache: 'no-store' });
      expect(response.ok, `${file} missing: node scripts/e2e-sql.mjs --update-golden`).to.equal(true);
      expect(goldenText(aggregateSql(options))).to.equal(await response.text());
    });
  }
});

describe('identifiers', () => {
  it('doubles the double quote in DuckDB, PostgreSQL and Snowflake names', () => {
    for (const dialect of ['duckdb', 'postgres', 'snowflake'] as const) {
      expect(quoteIdentifier('nps"; DROP TABLE feedback; --', dialect)).to.equal('"nps""; DROP TABLE feedback; --"');
      expect(quoteIdentifier('"', dialect)).to.equal('""""');
    }
  });

  it('quotes BigQuery names in backticks and refuses a backtick or backslash inside', () => {
    expect(quoteIdentifier('nps"; DROP TABLE feedback; --', 'bigquery')).to.equal('`nps"; DROP TABLE feedback; --`');
    expect(() => quoteIdentifier('a`b', 'bigquery')).to.throw(SqlIdentifierError, /backtick/);
    expect(() => quoteIdentifier('x\\y', 'bigquery')).to.throw(SqlIdentifierError, /backslash/);
  });

  it('refuses empty names, control characters and broken text in every dialect', () => {
    for (const dialect of ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const) {
      for (const name of ['', '   ', 'a\u0000b', 'line\nbreak', 'tab\there', 'del\u007f', 'half \ud800 pair']) {
        expect(() => quoteIdentifier(name, dialect), JSON.stringify(name)).to.throw(SqlIdentifierError);
      }
    }
  });

  it('refuses a PostgreSQL name past 63 bytes instead of letting the server truncate it', () => {
    expect(quoteIdentifier('é'.repeat(31), 'postgres')).to.equal(`"${'é'.repeat(31)}"`);
    expect(() => quoteIdentifier('é'.repeat(32), 'postgres')).to.throw(SqlIdentifierError, /63 bytes/);
    expect(quoteIdentifier('é'.repeat(32), 'duckdb')).to.equal(`"${'é'.repeat(32)}"`);
  });

  it('quotes each part of a qualified table name', () => {
    expect(quoteTableName(['my-project', 'cx', 'feedback'], 'bigquery')).to.equal('`my-project`.`cx`.`feedback`');
    expect(quoteTableName(['analytics', 'a.b'], 'postgres')).to.equal('"analytics"."a.b"');
    expect(() => quoteTableName([], 'duckdb')).to.throw(SqlIdentifierError);
    expect(() => quoteTableName(['a', 'b', 'c', 'd'], 'duckdb')).to.throw(SqlIdentifierError);
  });

  it('puts hostile names in the SQL only inside their quotes', () => {
    for (const dialect of ['duckdb', 'postgres', 'snowflake'] as Dialect[]) {
      for (const name of HOSTILE) {
        const { counts } = aggregateSql({ ...base, dialect, fields: { ...base.fields, nps: name }, dimension: name });
        const quoted = quoteIdentifier(name, dialect);
        // Removing every quoted occurrence leaves no trace of the name: nothing of it escaped its quotes.
        const rest = counts.sql.split(quoted).join('');
        if (name.length > 1) expect(rest, `${dialect} ${name}`).not.to.include(name);
        expect(counts.sql.split(quoted).length - 1, `${dialect} ${name}`).to.equal(2);
      }
    }
  });

  it('refuses, before writing any SQL, a name the dialect cannot quote', () => {
    expect(() => aggregateSql({ ...base, dialect: 'bigquery', fields: { ...base.fields, nps: 'a`b' } })).to.throw(SqlIdentifierError);
    expect(() => aggregateSql({ ...base, dimension: 'dept\n; DROP TABLE x' })).to.throw(SqlIdentifierError);
    expect(() => aggregateSql({ ...base, table: ['a\u0000'] })).to.throw(SqlIdentifierError);
  });
});

describe('parameters and options', () => {
  it('binds the date range as parameters, never as text in the SQL', () => {
    const postgres = aggregateSql({ ...base, dialect: 'postgres', from: '2024-01-01', to: '2024-06-30' }).counts;
    expect(postgres.params).to.deep.equal([{ name: 'cx_from', value: '2024-01-01' }, { name: 'cx_to', value: '2024-06-30' }]);
    expect(postgres.sql).to.include('CAST($1 AS DATE)').and.include('CAST($2 AS DATE)');
    expect(postgres.sql).not.to.include('2024-01-01');
    expect(aggregateSql({ ...base, dialect: 'bigquery', from: '2024-01-01' }).counts.sql).to.include('CAST(@cx_from AS DATE)');
    expect(aggregateSql({ ...base, dialect: 'snowflake', to: '2024-01-01' }).counts.sql).to.include('CAST(:1 AS DATE)');
  });

  it('refuses a range bound that is not a YYYY-MM-DD date', () => {
    expect(() => aggregateSql({ ...base, from: "2024-01-01'; DROP TABLE feedback; --" })).to.throw(RangeError);
  });

  it('needs a date column, a score column and a row order', () => {
    expect(() => aggregateSql({ ...base, fields: { date: 'date' } })).to.throw(SqlIdentifierError, /score column/);
    expect(() => aggregateSql({ ...base, fields: { nps: 'nps' } as never })).to.throw(SqlIdentifierError, /fields.date/);
    expect(() => aggregateSql({ ...base, rowOrder: '' })).to.throw(SqlIdentifierError, /rowOrder/);
    expect(() => aggregateSql({ ...base, interval: 'fortnight' as never })).to.throw(RangeError);
  });
});
