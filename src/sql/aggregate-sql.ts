/**
 * The aggregation SQL: rows of a table → the counts format (schema/counts.schema.json), with exactly
 * the rules of the browser engine (src/core/ingest.ts): a row is rejected for its date first, then for
 * its NPS, CSAT and CES cell in that order, then for having no score at all; of the accepted rows, the
 * same respondent (trimmed, case-folded) on the same calendar day counts once — the first in `rowOrder`
 * — and rows without a respondent are all kept. Every cell is read as text, so a typed column (DATE,
 * INTEGER) follows the same rules as the CSV cell it came from.
 *
 * Column and table names are validated and quoted (identifiers.ts); the date range is bound as
 * parameters; nothing the caller passes is ever spliced into the SQL as it is.
 */
import { SCORE_SCALES, SCORE_FIELDS, type ScoreField } from '../core/schema.ts';
import { isIntervalName, type IntervalName } from '../core/periods.ts';
import { DIALECT_SQL, periodKeySql, type DialectSql } from './dialects.ts';
import { quoteIdentifier, quoteTableName, SqlIdentifierError, type Dialect } from './identifiers.ts';
import * as P from './patterns.ts';

export interface AggregateSqlOptions {
  readonly dialect: Dialect;
  /** The table (or view) holding the rows: a name, or `[dataset, table]`, `[project, dataset, table]`. */
  readonly table: string | readonly string[];
  /** Column names, exactly as the database stores them. `date` and at least one score are required. */
  readonly fields: { readonly date: string; readonly respondent?: string; readonly nps?: string; readonly csat?: string; readonly ces?: string };
  /**
   * The column that orders the rows as the file did (a load sequence, a line number, `rowid` in DuckDB).
   * "The first answer counts" needs an order; without one a database returns duplicates in any order.
   */
  readonly rowOrder: string;
  readonly interval: IntervalName;
  /** Split every period by this column's (trimmed) values; '' for rows without one. */
  readonly dimension?: string | null;
  /**
   * The date column is a DATE or TIMESTAMP rather than text: its calendar day is taken as the database
   * casts it to DATE (UTC for BigQuery TIMESTAMP, as the browser reads an instant; the session's time
   * zone for PostgreSQL and Snowflake zoned types). Text is read as written either way.
   */
  readonly typedDate?: boolean;
  /** Read "7,0" as 7.0, as the browser does for ';' and tab separated files. */
  readonly decimalComma?: boolean;
  /** Whole periods from the one containing `from` to the one containing `to` (YYYY-MM-DD), bound as parameters. */
  readonly from?: string;
  readonly to?: string;
}

export interface SqlParameter {
  readonly name: string;
  readonly value: string;
}

export interface BoundSql {
  readonly sql: string;
  /** In placeholder order ($1, $2 / :1, :2); BigQuery binds them by name (@cx_from). */
  readonly params: readonly SqlParameter[];
}

export interface AggregateSql {
  /** One row per period (and dimension value): cx_period, [cx_group], nps_0…nps_10, csat_1…csat_5, ces_1…ces_7. */
  readonly counts: BoundSql;
  /** One row per outcome: cx_outcome, cx_reason, cx_reason_field, cx_rows (see qualityFromRows). */
  readonly quality: BoundSql;
  /** Both as one statement (rows read and checked once), told apart by cx_section 'counts' / 'quality'. */
  readonly combined: BoundSql;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const maxDays = (year: string, month: string) =>
  `CASE WHEN ${month} = 2 THEN CASE WHEN (MOD(${year}, 4) = 0 AND MOD(${year}, 100) <> 0) OR MOD(${year}, 400) = 0 THEN 29 ELSE 28 END ` +
  `WHEN ${month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
const plausible = (year: string, month: string, day: string) => `(${month} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${maxDays(year, month)})`;

function checkOptions(options: AggregateSqlOptions): ScoreField[] {
  if (!isIntervalName(options.interval)) throw new RangeError(`Unknown interval ${JSON.stringify(options.interval)}.`);
  if (!options.fields?.date) throw new SqlIdentifierError('fields.date is required: the column with each answer\'s date.');
  if (!options.rowOrder) throw new SqlIdentifierError('rowOrder is required: the column that orders rows as the file did (the first duplicate counts).');
  const scores = SCORE_FIELDS.filter((field) => options.fields[field] !== undefined);
  if (scores.length === 0) throw new SqlIdentifierError('At least one score column (fields.nps, fields.csat or fields.ces) is required.');
  for (const [name, value] of [['from', options.from], ['to', options.to]] as const) {
    if (value !== undefined && !ISO_DAY.test(value)) throw new RangeError(`${name} must be a date as YYYY-MM-DD, not ${JSON.stringify(value)}.`);
  }
  return scores;
}

/** The rows of `table` read as text, with the reject reason of each (null when accepted). */
function checkedRowsSql(options: AggregateSqlOptions, sql: DialectSql, scores: readonly ScoreField[]): string {
  const q = (name: string) => quoteIdentifier(name, options.dialect);
  const text = (column: string) => sql.trim(sql.asText(q(column)));
  const { fields } = options;
  const dimension = options.dimension ?? null;
  const number = options.decimalComma ? P.NUMBER_DECIMAL_COMMA : P.NUMBER;
  const whole = options.decimalComma ? P.WHOLE_DECIMAL_COMMA : P.WHOLE;
  const inputColumns = [
    `${q(options.rowOrder)} AS cx_order`,
    `${options.typedDate ? sql.isoDate(`CAST(${q(fields.date)} AS DATE)`) : text(fields.date)} AS cx_date`,
    ...scores.map((field) => `${text(fields[field]!)} AS cx_${field}`),
    `${fields.respondent ? `COALESCE(LOWER(${text(fields.respondent)}), '')` : `''`} AS cx_respondent`,
    ...(dimension === null ? [] : [`COALESCE(${text(dimension)}, '') AS cx_group`]),
  ];
  const form = (shape: string, strict: string, name: string) =>
    `WHEN ${sql.matches('cx_date', shape)} THEN CASE WHEN ${sql.matches('cx_date', strict)} THEN '${name}' ELSE 'bad' END`;
  // Plain integers on the scale first: most cells are one, and a list lookup is much cheaper than the regular expressions.
  const plain = (field: ScoreField) => {
    const { min, max } = SCORE_SCALES[field];
    return `cx_${field} IN (${Array.from({ length: max - min + 1 }, (_, i) => `'${min + i}'`).join(', ')})`;
  };
  const scoreKinds = scores.flatMap((field) => [
    `CASE WHEN ${plain(field)} THEN 'ok' WHEN cx_${field} IS NULL OR cx_${field} = '' OR ${sql.matches(`cx_${field}`, P.NOT_ANSWERED)} THEN 'missing' ` +
      `WHEN NOT ${sql.matches(`cx_${field}`, number)} THEN 'nan' WHEN NOT ${sql.matches(`cx_${field}`, whole)} THEN 'fraction' ELSE 'ok' END AS cx_${field}_kind`,
    `CASE WHEN ${plain(field)} THEN cx_${field} ELSE LTRIM(${sql.extract(`cx_${field}`, P.INTEGER_DIGITS)}, '0') END AS cx_${field}_digits`,
    `(cx_${field} LIKE '-%') AS cx_${field}_negative`,
  ]);
  const yearFirst = `cx_date_form IN ('iso', 'year-first')`;
  const part = (pattern: string) => sql.toInt(sql.extract('cx_date', pattern));
  const scoreValues = scores.map(
    (field) =>
      `CASE WHEN cx_${field}_kind = 'ok' AND LENGTH(cx_${field}_digits) <= 2 THEN ${sql.toInt(`CASE WHEN cx_${field}_digits = '' THEN '0' ELSE cx_${field}_digits END`)} END AS cx_${field}_magnitude`,
  );
  const scoreReason = (field: ScoreField) => {
    const { min, max } = SCORE_SCALES[field];
    const m = `cx_${field}_magnitude`;
    return (
      `CASE cx_${field}_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN ` +
      `CASE WHEN ${m} IS NULL OR (cx_${field}_negative AND ${m} <> 0) OR ${m} < ${min} OR ${m} > ${max} THEN 'score-out-of-range' END END`
    );
  };
  const dateOk = `cx_year BETWEEN 1900 AND 2199 AND ${plausible('cx_year', 'cx_month', 'cx_day_of_month')}`;
  const dateReason =
    `CASE WHEN cx_date_form = 'missing' THEN 'missing-date' ` +
    `WHEN cx_date_form = 'year-last' THEN CASE WHEN cx_year BETWEEN 1900 AND 2199 AND (${plausible('cx_year', 'cx_month', 'cx_day_of_month')} OR ` +
    `${plausible('cx_year', 'cx_day_of_month', 'cx_month')}) THEN 'ambiguous-date' ELSE 'invalid-date' END ` +
    `WHEN cx_date_form = 'bad' OR NOT (${dateOk}) THEN 'invalid-date' END`;
  const reasonColumns = [
    `${dateReason} AS cx_date_reason`,
    ...scores.map((field) => `${scoreReason(field)} AS cx_${field}_reason`),
    `CASE WHEN ${scores.map((field) => `cx_${field}_kind = 'missing'`).join(' AND ')} THEN 'no-score' END AS cx_empty_reason`,
  ];
  const kept = ['cx_order', 'cx_respondent', ...(dimension === null ? [] : ['cx_group']), 'cx_year', 'cx_month', 'cx_day_of_month'];
  const reasonNames = ['cx_date_reason', ...scores.map((field) => `cx_${field}_reason`), 'cx_empty_reason'];
  const reasonField = `CASE WHEN cx_date_reason IS NOT NULL THEN NULL ${scores.map((field) => `WHEN cx_${field}_reason IS NOT NULL THEN '${field}'`).join(' ')} END`;
  return [
    `cx_input AS (\n  SELECT\n    ${inputColumns.join(',\n    ')}\n  FROM ${quoteTableName(options.table, options.dialect)}\n)`,
    `cx_forms AS (\n  SELECT *,\n    CASE WHEN cx_date IS NULL OR cx_date = '' THEN 'missing'\n      ${[
      form(P.ISO_SHAPE, P.ISO_STRICT, 'iso'),
      form(P.YEAR_FIRST_SHAPE, P.YEAR_FIRST_STRICT, 'year-first'),
      form(P.DAY_FIRST_SHAPE, P.DAY_FIRST_STRICT, 'day-first'),
    ].join('\n      ')}\n      WHEN ${sql.matches('cx_date', P.YEAR_LAST_SLASH)} OR ${sql.matches('cx_date', P.YEAR_LAST_DASH)} THEN 'year-last'\n` +
      `      ELSE 'bad' END AS cx_date_form,\n    ${scoreKinds.join(',\n    ')}\n  FROM cx_input\n)`,
    `cx_parts AS (\n  SELECT *,\n` +
      `    CASE WHEN ${yearFirst} THEN ${part(P.LEADING_YEAR)} WHEN cx_date_form = 'day-first' THEN ${part(P.TRAILING_YEAR)} ` +
      `WHEN cx_date_form = 'year-last' THEN CASE WHEN LENGTH(${sql.extract('cx_date', P.TRAILING_YEAR)}) = 4 THEN ${part(P.TRAILING_YEAR)} ELSE 2000 END END AS cx_year,\n` +
      `    CASE WHEN ${yearFirst} THEN ${part(P.SECOND_PART_AFTER_YEAR)} WHEN cx_date_form = 'day-first' THEN ${part(P.SECOND_PART)} ` +
      `WHEN cx_date_form = 'year-last' THEN ${part(P.FIRST_PART)} END AS cx_month,\n` +
      `    CASE WHEN ${yearFirst} THEN ${part(P.THIRD_PART_AFTER_YEAR)} WHEN cx_date_form = 'day-first' THEN ${part(P.FIRST_PART)} ` +
      `WHEN cx_date_form = 'year-last' THEN ${part(P.SECOND_PART)} END AS cx_day_of_month,\n    ${scoreValues.join(',\n    ')}\n  FROM cx_forms\n)`,
    `cx_reasons AS (\n  SELECT *,\n    ${reasonColumns.join(',\n    ')}\n  FROM cx_parts\n)`,
    // Only what the later steps need: the window and the shared (materialised) steps then move narrow rows.
    `cx_checks AS (\n  SELECT ${[...kept, ...scores.map((field) => `cx_${field}_magnitude`)].join(', ')},\n` +
      `    COALESCE(${reasonNames.join(', ')}) AS cx_reason, ${reasonField} AS cx_reason_field\n  FROM cx_reasons\n)`,
  ].join(',\n');
}

/**
 * Builds the counts and quality queries. Each is one statement; run them as they are (with the
 * parameters bound) and turn the rows into a counts document with `countsDocument` (document.ts).
 * @throws SqlIdentifierError for a missing or unusable name, RangeError for a bad interval or date.
 */
export function aggregateSql(options: AggregateSqlOptions): AggregateSql {
  const scores = checkOptions(options);
  const sql = DIALECT_SQL[options.dialect];
  const q = (name: string) => quoteIdentifier(name, options.dialect);
  if (options.dimension != null) q(options.dimension);
  const grouped = options.dimension != null;
  const params: SqlParameter[] = [];
  const bind = (name: string, value: string) => {
    params.push({ name, value });
    return `CAST(${sql.placeholder(params.length, name)} AS DATE)`;
  };
  const range = [
    ...(options.from === undefined ? [] : [`cx_period >= ${sql.periodStart(bind('cx_from', options.from), options.interval)}`]),
    ...(options.to === undefined ? [] : [`cx_period <= ${sql.periodStart(bind('cx_to', options.to), options.interval)}`]),
  ];
  const common =
    `WITH ${checkedRowsSql(options, sql, scores)},\n` +
    `cx_accepted AS (\n  SELECT cx_order, cx_respondent,${grouped ? ' cx_group,' : ''} ${scores.map((field) => `cx_${field}_magnitude`).join(', ')},\n` +
    `    CASE WHEN cx_reason IS NULL THEN ${sql.makeDate('cx_year', 'cx_month', 'cx_day_of_month')} END AS cx_day\n  FROM cx_checks WHERE cx_reason IS NULL\n),\n` +
    `cx_ranked AS (\n  SELECT *,\n    CASE WHEN cx_respondent = '' THEN 1 ELSE ROW_NUMBER() OVER (PARTITION BY cx_respondent, cx_day ORDER BY cx_order) END AS cx_rank\n  FROM cx_accepted\n)`;
  const histogram = (field: ScoreField) => {
    const { min, max } = SCORE_SCALES[field];
    const columns: string[] = [];
    for (let score = min; score <= max; score++) {
      const counted = scores.includes(field) ? `cx_${field}_magnitude = ${score}` : 'FALSE';
      columns.push(`SUM(CASE WHEN ${counted} THEN 1 ELSE 0 END) AS ${field}_${score}`);
    }
    return columns;
  };
  const groupColumns = grouped ? ['cx_period', 'cx_group'] : ['cx_period'];
  const countColumns = SCORE_FIELDS.flatMap((field) => histogram(field).map((column) => column.replace(/^.* AS /, '')));
  const bucketCtes =
    `cx_kept AS (\n  SELECT *, ${sql.periodStart('cx_day', options.interval)} AS cx_period\n  FROM cx_ranked WHERE cx_rank = 1\n),\n` +
    `cx_buckets AS (\n  SELECT ${groupColumns.join(', ')},\n    ${SCORE_FIELDS.flatMap(histogram).join(',\n    ')}\n  FROM cx_kept` +
    `${range.length ? `\n  WHERE ${range.join(' AND ')}` : ''}\n  GROUP BY ${groupColumns.join(', ')}\n)`;
  const periodKey = `${periodKeySql(sql, 'cx_period', options.interval)} AS cx_period_key`;
  const text = sql.asText('NULL');
  const qualityCte =
    `cx_quality AS (\n  SELECT cx_outcome, cx_reason, cx_reason_field, COUNT(*) AS cx_rows FROM (\n` +
    `    SELECT 'rejected' AS cx_outcome, cx_reason, cx_reason_field FROM cx_checks WHERE cx_reason IS NOT NULL\n    UNION ALL\n` +
    `    SELECT CASE WHEN cx_rank > 1 THEN 'duplicate' WHEN cx_respondent = '' THEN 'accepted-without-respondent' ELSE 'accepted' END, ${text}, ${text} FROM cx_ranked\n` +
    `  ) cx_outcomes\n  GROUP BY cx_outcome, cx_reason, cx_reason_field\n)`;
  const counts =
    `${common},\n${bucketCtes}\n` +
    `SELECT ${periodKey},${grouped ? ' cx_group,' : ''} ${countColumns.join(', ')}\nFROM cx_buckets\nORDER BY ${groupColumns.join(', ')}`;
  const quality = `${common},\n${qualityCte}\nSELECT * FROM cx_quality\nORDER BY cx_outcome, cx_reason, cx_reason_field`;
  // Both in one statement: the rows are read and checked once (one scan, where a warehouse bills per scan).
  const nulls = (names: readonly string[]) => names.map((name) => `NULL AS ${name}`).join(', ');
  const combined =
    `${common},\n${bucketCtes},\n${qualityCte}\n` +
    `SELECT 'counts' AS cx_section, ${periodKey},${grouped ? ' cx_group,' : ''} ${countColumns.join(', ')}, ` +
    `${text} AS cx_outcome, ${text} AS cx_reason, ${text} AS cx_reason_field, NULL AS cx_rows\nFROM cx_buckets\nUNION ALL\n` +
    `SELECT 'quality', NULL,${grouped ? ' NULL,' : ''} ${nulls(countColumns)}, cx_outcome, cx_reason, cx_reason_field, cx_rows\nFROM cx_quality\n` +
    `ORDER BY cx_section, cx_period_key${grouped ? ', cx_group' : ''}, cx_outcome, cx_reason, cx_reason_field`;
  return { counts: { sql: counts, params }, quality: { sql: quality, params: [] }, combined: { sql: combined, params } };
}
