/**
 * Identifiers (column and table names) for generated SQL. A name is never spliced as it is: it is
 * checked against what each database allows and then quoted, so a hostile column name can neither end
 * the quoted identifier nor reach the SQL around it. Values (dates, file paths) are never identifiers:
 * they are bound as parameters (see aggregate-sql.ts).
 */
export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(value: string): value is Dialect {
  return (DIALECTS as readonly string[]).includes(value);
}

/** A name the generator refuses, with the reason; thrown before any SQL is written. */
export class SqlIdentifierError extends Error {
  override name = 'SqlIdentifierError';
}

/**
 * Longest name each database keeps. PostgreSQL silently truncates past 63 bytes (two long names could
 * then meet as one column), so a longer name is refused rather than quoted.
 */
const MAX_LENGTH: Readonly<Record<Dialect, { readonly units: 'bytes' | 'chars'; readonly max: number }>> = {
  duckdb: { units: 'chars', max: 255 },
  postgres: { units: 'bytes', max: 63 },
  bigquery: { units: 'chars', max: 300 },
  snowflake: { units: 'chars', max: 255 },
};

// Control characters (NUL ends a C string in some drivers; newlines hide SQL in logs) and lone surrogates (not text at all).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The identifier, quoted for `dialect`: "double quotes" with any " doubled (DuckDB, PostgreSQL,
 * Snowflake — where quoting also makes the name case-sensitive, so give it exactly as stored), or
 * `backticks` (BigQuery, whose quoted names cannot contain a backtick or backslash at all, so those are refused).
 * @throws SqlIdentifierError for an empty name, a control character, a name too long for the database, or a
 * character the dialect cannot quote.
 */
export function quoteIdentifier(name: string, dialect: Dialect): string {
  if (typeof name !== 'string' || name.trim() === '') throw new SqlIdentifierError('An identifier must be a non-empty name.');
  if (FORBIDDEN.test(name)) throw new SqlIdentifierError(`The name ${JSON.stringify(name)} contains a control character or broken text.`);
  const { units, max } = MAX_LENGTH[dialect];
  const length = units === 'bytes' ? new TextEncoder().encode(name).length : [...name].length;
  if (length > max) throw new SqlIdentifierError(`The name ${JSON.stringify(name.slice(0, 40))}… is longer than ${dialect} allows (${max} ${units}).`);
  if (dialect === 'bigquery') {
    if (/[`\\]/.test(name)) throw new SqlIdentifierError(`The name ${JSON.stringify(name)} contains a backtick or backslash, which BigQuery names cannot.`);
    return `\`${name}\``;
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** A table name, optionally qualified (`['project', 'dataset', 'feedback']`): each part quoted on its own. */
export function quoteTableName(parts: string | readonly string[], dialect: Dialect): string {
  const list = typeof parts === 'string' ? [parts] : parts;
  if (list.length === 0 || list.length > 3) throw new SqlIdentifierError('A table name has one to three parts (database/project, schema/dataset, table).');
  return list.map((part) => quoteIdentifier(part, dialect)).join('.');
}
