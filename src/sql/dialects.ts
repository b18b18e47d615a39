/**
 * What differs between the four SQL dialects: regular expressions, casts, building a date, truncating
 * it to a period (ISO weeks start on Monday everywhere, as in src/core/periods.ts), writing a period key
 * and binding a parameter. Everything else in the generated SQL is the common subset.
 *
 * Regular expressions are written without backslashes ([0-9], [.]) and without backreferences, so one
 * pattern text means the same in RE2 (DuckDB, BigQuery), PostgreSQL's ARE and Snowflake's POSIX ERE, and
 * no dialect's string-literal escaping can change it. Patterns are constants of patterns.ts, never input
 * (the one escape string, DuckDB's set of blanks to trim, is a constant too).
 */
import type { IntervalName } from '../core/periods.ts';
import type { Dialect } from './identifiers.ts';

export interface DialectSql {
  /** Whether `text` matches `pattern` (anchored by the pattern itself). */
  matches(text: string, pattern: string): string;
  /** The first capturing group of `pattern` (which has exactly one) in `text`. */
  extract(text: string, pattern: string): string;
  /** `text` without leading and trailing blanks (space, tab, CR, LF). */
  trim(text: string): string;
  /** Any value as text: dates as YYYY-MM-DD, numbers as written. */
  asText(value: string): string;
  /** A string of at most four digits as an integer. */
  toInt(digits: string): string;
  makeDate(year: string, month: string, day: string): string;
  /** First day of the period containing `date`, as a DATE. */
  periodStart(date: string, interval: IntervalName): string;
  /** `date` (a DATE) as YYYY-MM-DD. */
  isoDate(date: string): string;
  /** The ISO week key of a Monday, `2024-W05`. */
  isoWeekKey(date: string): string;
  /** The placeholder of the `index`-th (1-based) bound parameter named `name`. */
  placeholder(index: number, name: string): string;
  /** A quoted string literal of a constant the generator itself wrote (never user input). */
  literal(text: string): string;
}

const literal = (text: string): string => {
  if (/['\\]/.test(text)) throw new Error(`Internal: literal ${text} needs escaping.`);
  return `'${text}'`;
};

const TRUNCATE_UNITS: Record<Exclude<IntervalName, 'day'>, string> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

const duckdb: DialectSql = {
  matches: (text, pattern) => `regexp_matches(${text}, ${literal(pattern)})`,
  extract: (text, pattern) => `regexp_extract(${text}, ${literal(pattern)}, 1)`,
  // An escape-string constant: DuckDB does not fold chr() concatenation, and trimming is most of the row cost.
  trim: (text) => `trim(${text}, E' \\t\\n\\r')`,
  asText: (value) => `CAST(${value} AS VARCHAR)`,
  toInt: (digits) => `CAST(${digits} AS INTEGER)`,
  makeDate: (y, m, d) => `make_date(${y}, ${m}, ${d})`,
  periodStart: (date, interval) => (interval === 'day' ? date : `CAST(date_trunc('${TRUNCATE_UNITS[interval]}', ${date}) AS DATE)`),
  isoDate: (date) => `strftime(${date}, '%Y-%m-%d')`,
  isoWeekKey: (date) => `strftime(${date}, '%G-W%V')`,
  placeholder: (index) => `$${index}`,
  literal,
};

const postgres: DialectSql = {
  matches: (text, pattern) => `(${text} ~ ${literal(pattern)})`,
  extract: (text, pattern) => `substring(${text} from ${literal(pattern)})`,
  trim: (text) => `btrim(${text}, ' ' || chr(9) || chr(10) || chr(13))`,
  asText: (value) => `CAST(${value} AS TEXT)`,
  toInt: (digits) => `CAST(${digits} AS INTEGER)`,
  makeDate: (y, m, d) => `make_date(${y}, ${m}, ${d})`,
  // date_trunc on a plain timestamp, so the session's time zone cannot move the day.
  periodStart: (date, interval) => (interval === 'day' ? date : `CAST(date_trunc('${TRUNCATE_UNITS[interval]}', CAST(${date} AS TIMESTAMP)) AS DATE)`),
  isoDate: (date) => `to_char(${date}, 'YYYY-MM-DD')`,
  isoWeekKey: (date) => `to_char(${date}, 'IYYY-"W"IW')`,
  placeholder: (index) => `$${index}`,
  literal,
};

const bigquery: DialectSql = {
  matches: (text, pattern) => `REGEXP_CONTAINS(${text}, ${literal(pattern)})`,
  extract: (text, pattern) => `REGEXP_EXTRACT(${text}, ${literal(pattern)})`,
  trim: (text) => `TRIM(${text}, CODE_POINTS_TO_STRING([32, 9, 10, 13]))`,
  asText: (value) => `CAST(${value} AS STRING)`,
  toInt: (digits) => `CAST(${digits} AS INT64)`,
  makeDate: (y, m, d) => `DATE(${y}, ${m}, ${d})`,
  periodStart: (date, interval) =>
    interval === 'day' ? date : `DATE_TRUNC(${date}, ${interval === 'week' ? 'ISOWEEK' : interval.toUpperCase()})`,
  isoDate: (date) => `FORMAT_DATE('%Y-%m-%d', ${date})`,
  isoWeekKey: (date) => `FORMAT_DATE('%G-W%V', ${date})`,
  placeholder: (_index, name) => `@${name}`,
  literal,
};

const snowflake: DialectSql = {
  // REGEXP_LIKE matches the whole subject; the patterns are anchored anyway.
  matches: (text, pattern) => `REGEXP_LIKE(${text}, ${literal(pattern)})`,
  extract: (text, pattern) => `REGEXP_SUBSTR(${text}, ${literal(pattern)}, 1, 1, 'e', 1)`,
  trim: (text) => `TRIM(${text}, ' ' || CHR(9) || CHR(10) || CHR(13))`,
  asText: (value) => `CAST(${value} AS VARCHAR)`,
  toInt: (digits) => `CAST(${digits} AS INTEGER)`,
  makeDate: (y, m, d) => `DATE_FROM_PARTS(${y}, ${m}, ${d})`,
  // DATE_TRUNC('WEEK') follows the WEEK_START session parameter; the ISO day of week does not.
  periodStart: (date, interval) =>
    interval === 'day' ? date : interval === 'week' ? `DATEADD(day, 1 - DAYOFWEEKISO(${date}), ${date})` : `DATE_TRUNC('${interval.toUpperCase()}', ${date})`,
  isoDate: (date) => `TO_CHAR(${date}, 'YYYY-MM-DD')`,
  isoWeekKey: (date) => `CAST(YEAROFWEEKISO(${date}) AS VARCHAR) || '-W' || LPAD(CAST(WEEKISO(${date}) AS VARCHAR), 2, '0')`,
  placeholder: (index) => `:${index}`,
  literal,
};

export const DIALECT_SQL: Readonly<Record<Dialect, DialectSql>> = { duckdb, postgres, bigquery, snowflake };

/** The period key {@link periodKey} writes (src/core/periods.ts), from the period's first day. */
export function periodKeySql(sql: DialectSql, start: string, interval: IntervalName): string {
  const iso = sql.isoDate(start);
  switch (interval) {
    case 'day':
      return iso;
    case 'week':
      return sql.isoWeekKey(start);
    case 'month':
      return `SUBSTR(${iso}, 1, 7)`;
    case 'quarter':
      // The start of a quarter is in month 01, 04, 07 or 10; no division, whose type differs by dialect.
      return `SUBSTR(${iso}, 1, 4) || '-Q' || CASE SUBSTR(${iso}, 6, 2) WHEN '01' THEN '1' WHEN '04' THEN '2' WHEN '07' THEN '3' ELSE '4' END`;
    case 'year':
      return `SUBSTR(${iso}, 1, 4)`;
  }
}
