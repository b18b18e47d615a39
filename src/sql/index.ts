/**
 * `cx-elements/sql`: the aggregation SQL for DuckDB, PostgreSQL, BigQuery and Snowflake that turns
 * feedback rows into the counts the elements read (schema/counts.schema.json), with the browser
 * engine's rules. Pure TypeScript; no database driver.
 */
export { aggregateSql, type AggregateSql, type AggregateSqlOptions, type BoundSql, type SqlParameter } from './aggregate-sql.ts';
export { countsDocument, periodEntry, qualityFromRows, splitCombinedRows } from './document.ts';
export { DIALECTS, isDialect, quoteIdentifier, quoteTableName, SqlIdentifierError, type Dialect } from './identifiers.ts';
export { csvDelimiter, resolveFieldColumns, type ResolvedColumns } from './columns.ts';
