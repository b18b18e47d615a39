/**
 * The shapes of a council's scorecard definition (what it reviews, against which SMART targets, owned
 * by whom, on which cadence) and the small helpers everything that shows one needs. Reading and
 * checking the JSON lives in `scorecard-definition.ts`, which the page loads only when it has one.
 */
import type { CxFilter } from './filter.ts';
import type { IntervalName } from './periods.ts';

export const KPI_UNITS = ['%', 'min', 'h', 'days', 'count', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const FEEDBACK_METRICS = ['nps', 'csat', 'ces', 'ces-easy'] as const;
export type FeedbackMetric = (typeof FEEDBACK_METRICS)[number];
export const AGGREGATIONS = ['mean', 'median', 'p90', 'sum', 'count', 'rate'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
/** What a period without rows means for a sum or count: unknown (default), or none happened. */
export const EMPTY_PERIODS = ['no-data', 'zero'] as const;
export type EmptyPeriods = (typeof EMPTY_PERIODS)[number];
export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The sparkline's default length. */
export const DEFAULT_PERIODS = 12;
/** More periods than this is a typo, not a sparkline. */
export const MAX_PERIODS = 120;

export const CADENCE_INTERVAL: Readonly<Record<Cadence, IntervalName>> = { weekly: 'week', monthly: 'month', quarterly: 'quarter' };

/** A string, or one per language: `{ "en": "Wait time", "ar": "وقت الانتظار" }`. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** The unit a feedback metric is measured in: a definition that says otherwise is a mistake. */
export const FEEDBACK_METRIC_UNIT: Readonly<Record<FeedbackMetric, KpiUnit>> = { nps: 'score', csat: '%', ces: 'score', 'ces-easy': '%' };

export type KpiSource =
  /** A metric over the element's feedback rows, optionally filtered (`department:Tax`). */
  | { readonly kind: 'feedback'; readonly metric: FeedbackMetric; readonly filter: CxFilter | null }
  /** Values given in the definition itself, aggregated per period. */
  | {
      readonly kind: 'series';
      readonly values: readonly { readonly date: unknown; readonly value: unknown }[];
      readonly aggregation: Exclude<Aggregation, 'rate'>;
      readonly emptyPeriods: EmptyPeriods;
    }
  /** An operational CSV or JSON file. `rate` reads `numerator` / `denominator`; the others read `value`. */
  | {
      readonly kind: 'csv';
      readonly url: string;
      readonly date: string;
      readonly aggregation: Aggregation;
      readonly value: string | null;
      readonly numerator: string | null;
      readonly denominator: string | null;
      /** `zero` for a complete log of events (one row per outage): a sum or count with no rows is 0. */
      readonly emptyPeriods: EmptyPeriods;
    };

export type Tolerance = { readonly kind: 'absolute'; readonly amount: number } | { readonly kind: 'relative'; readonly percent: number };

export interface KpiAction {
  readonly title: string;
  readonly owner: string | null;
  readonly dueDay: number | null;
  readonly status: ActionStatus;
}

export interface Kpi {
  readonly valid: true;
  readonly id: string;
  readonly label: LocalizedText;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly target: number;
  readonly tolerance: Tolerance;
  /** The amber band in the KPI's unit: the tolerance, resolved against the target. */
  readonly band: number;
  readonly owner: string | null;
  readonly cadence: Cadence;
  readonly lastReviewedDay: number | null;
  readonly dueDay: number | null;
  readonly note: LocalizedText | null;
  readonly source: KpiSource;
  readonly actions: readonly KpiAction[];
}

export type KpiProblemIssue = 'missing' | 'not-allowed' | 'not-a-number' | 'not-a-date' | 'wrong-type' | 'duplicate-id' | 'unit-mismatch';

/** One thing wrong with a KPI's definition; `field` is its JSON path inside the KPI (`source.aggregation`). */
export interface KpiProblem {
  readonly field: string;
  readonly issue: KpiProblemIssue;
  /** The offending value, shortened, when there is one. */
  readonly value?: string;
  /** What would have been accepted, for `not-allowed` and `unit-mismatch`. */
  readonly expected?: string;
}

export interface InvalidKpi {
  readonly valid: false;
  /** The KPI's id, or `#3` (its position) when it has none. */
  readonly id: string;
  readonly label: LocalizedText | null;
  readonly owner: string | null;
  readonly problems: readonly KpiProblem[];
}

export type KpiEntry = Kpi | InvalidKpi;

export interface CouncilInfo {
  readonly name: LocalizedText;
  readonly cadence: Cadence;
  readonly asOfDay: number | null;
  readonly periods: number;
}

export interface ScorecardDefinition {
  readonly council: CouncilInfo;
  /** Where the feedback rows for feedback KPIs come from, when the definition says. */
  readonly feedback: { readonly url: string; readonly fields: string } | null;
  /** In definition order; invalid ones included, so each gets its own row. */
  readonly kpis: readonly KpiEntry[];
}

/** The text for `locale`: exact tag, then its language, then English, then the first one given. */
export function localizedText(text: LocalizedText, locale: string): string {
  if (typeof text === 'string') return text;
  const lower = locale.toLowerCase();
  const entries = Object.entries(text);
  const find = (tag: string) => entries.find(([key]) => key.toLowerCase() === tag)?.[1];
  return find(lower) ?? find(lower.split(/[-_]/)[0]!) ?? find('en') ?? entries[0]?.[1] ?? '';
}
