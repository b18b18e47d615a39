/**
 * The golden SQL: every dialect × interval, without and with a dimension. The files under
 * test/sql/golden/ are what aggregateSql writes for these options; a change to the SQL shows up as a
 * diff there (`node scripts/e2e-sql.mjs --update-golden` rewrites them after a deliberate change).
 */
import { INTERVALS, type IntervalName } from '../../src/core/periods.ts';
import type { AggregateSql, AggregateSqlOptions } from '../../src/sql/aggregate-sql.ts';
import { DIALECTS, type Dialect } from '../../src/sql/identifiers.ts';

export interface GoldenCase {
  readonly file: string;
  readonly options: AggregateSqlOptions;
}

function options(dialect: Dialect, interval: IntervalName, grouped: boolean): AggregateSqlOptions {
  return {
    dialect,
    table: ['analytics', 'feedback'],
    fields: { date: 'submitted_at', respondent: 'Email', nps: 'likelihood_to_recommend', csat: 'csat', ces: 'ces' },
    rowOrder: 'load_id',
    interval,
    // The grouped case also carries the bound date range and a decimal comma, so each option is seen once per dialect and interval.
    ...(grouped ? { dimension: 'department', from: '2024-01-01', to: '2024-12-31', decimalComma: true, typedDate: true } : {}),
  };
}

export const GOLDEN_CASES: readonly GoldenCase[] = DIALECTS.flatMap((dialect) =>
  INTERVALS.flatMap((interval) =>
    [false, true].map((grouped) => ({ file: `${dialect}/${interval}${grouped ? '-by-department' : ''}.sql`, options: options(dialect, interval, grouped) })),
  ),
);

/** The golden file's text: both statements, each with its parameters. */
export function goldenText(sql: AggregateSql): string {
  return (['counts', 'quality', 'combined'] as const)
    .map((name) => `-- ${name}; parameters: ${JSON.stringify(sql[name].params)}\n${sql[name].sql};\n`)
    .join('\n');
}
