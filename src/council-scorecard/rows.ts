/**
 * The scorecard's rows as the page shows them: the definition of each KPI joined with its assessment
 * (or with why it has none), then sorted and grouped. Pure, so sorting and grouping are tested
 * without rendering.
 */
import type { CxErrorInfo } from '../core/errors.ts';
import type { PeriodWindow } from '../core/kpi-series.ts';
import { localizedText, type KpiEntry, type KpiProblem, type ScorecardDefinition } from '../core/scorecard-model.ts';
import { actionCounts, kpiFlags, type ActionCounts, type KpiAssessment, type KpiFlags, type KpiOutcome, type KpiStatus } from '../core/scorecard.ts';

/** What one run of the scorecard produced; the element renders from this alone. */
export interface ScorecardView {
  readonly definition: ScorecardDefinition;
  readonly window: PeriodWindow;
  readonly asOfDay: number;
  readonly minN: number;
  /** Outcomes of the KPIs the engine measured, by id. */
  readonly outcomes: ReadonlyMap<string, KpiOutcome>;
  /** KPIs whose source could not be loaded (not found, no feedback …), by id. */
  readonly sourceErrors: ReadonlyMap<string, CxErrorInfo>;
}

export interface ScorecardRow {
  /** Position in the definition: the default order. */
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly owner: string | null;
  readonly entry: KpiEntry;
  readonly status: KpiStatus;
  readonly assessment: KpiAssessment | null;
  /** Review, due-date and action flags; null only when the definition itself could not be read. */
  readonly flags: KpiFlags | null;
  readonly actions: ActionCounts | null;
  /** Why the KPI has no assessment: its definition's problems … */
  readonly problems: readonly KpiProblem[] | null;
  /** … or the error its source or computation ended in. */
  readonly error: CxErrorInfo | null;
}

export function scorecardRows(view: ScorecardView, locale: string): ScorecardRow[] {
  return view.definition.kpis.map((entry, index): ScorecardRow => {
    const label = entry.label === null ? entry.id : localizedText(entry.label, locale);
    const base = { index, id: entry.id, label, owner: entry.owner, entry };
    if (!entry.valid) return { ...base, status: 'grey', assessment: null, flags: null, actions: null, problems: entry.problems, error: null };
    const outcome = view.outcomes.get(entry.id);
    const error = view.sourceErrors.get(entry.id) ?? (outcome && !outcome.ok ? outcome.error : null);
    if (error || !outcome?.ok) {
      // No data to judge, but its review and its actions are still the council's business.
      return {
        ...base,
        status: 'grey',
        assessment: null,
        flags: kpiFlags(entry, view.asOfDay, null),
        actions: actionCounts(entry, view.asOfDay),
        problems: null,
        error: error ?? { code: 'internal', message: 'No result.', params: { detail: entry.id } },
      };
    }
    const { assessment } = outcome;
    return { ...base, status: assessment.status, assessment, flags: assessment.flags, actions: assessment.actions, problems: null, error: null };
  });
}

export const SORT_KEYS = ['definition', 'label', 'owner', 'status', 'change', 'next-review', 'due'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export const GROUP_KEYS = ['none', 'owner', 'status'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Worst first: what needs the council's attention leads when sorted by status. */
export const STATUS_SEVERITY: Readonly<Record<KpiStatus, number>> = { red: 0, amber: 1, grey: 2, green: 3 };

/**
 * The change in the good direction, relative where there is a previous value: improvements sort
 * above deteriorations whatever each KPI's direction. Null (no change known) sorts last.
 */
function improvement(row: ScorecardRow): number | null {
  const change = row.assessment?.change;
  // From 0 there is no relative size to compare across units: such changes sort with the unknown ones.
  if (!change || change.relative === null) return null;
  const size = Math.abs(change.relative);
  return change.better === null ? 0 : change.better ? size : -size;
}

function sortValue(row: ScorecardRow, key: SortKey): string | number | null {
  switch (key) {
    case 'definition':
      return row.index;
    case 'label':
      return row.label;
    case 'owner':
      return row.owner;
    case 'status':
      return STATUS_SEVERITY[row.status];
    case 'change':
      return improvement(row);
    case 'next-review':
      return row.flags ? (row.flags.nextReviewDay ?? -Infinity) : null;
    case 'due':
      return row.entry.valid ? row.entry.dueDay : null;
  }
}

/** Sorted copy. Missing values go last in either direction; ties keep the definition order. */
export function sortRows(rows: readonly ScorecardRow[], key: SortKey, direction: SortDirection, locale: string): ScorecardRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : (x as number) - (y as number);
    return order === 0 ? a.index - b.index : sign * order;
  });
}

export interface RowGroup {
  /** Owner name or status; null for the single group of `group-by="none"` and for "no owner". */
  readonly key: string | null;
  readonly rows: readonly ScorecardRow[];
}

/** Groups of sorted rows: owners alphabetically ("no owner" last), statuses worst first. */
export function groupRows(rows: readonly ScorecardRow[], by: GroupKey, locale: string): RowGroup[] {
  if (by === 'none') return [{ key: null, rows }];
  const groups = new Map<string | null, ScorecardRow[]>();
  for (const row of rows) {
    const key = by === 'owner' ? row.owner : row.status;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const keys = [...groups.keys()].sort((a, b) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return by === 'status' ? STATUS_SEVERITY[a as KpiStatus] - STATUS_SEVERITY[b as KpiStatus] : collator.compare(a, b);
  });
  return keys.map((key) => ({ key, rows: groups.get(key)! }));
}
