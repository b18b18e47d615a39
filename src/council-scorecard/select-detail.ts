/** What `<council-scorecard>` says about an opened or closed KPI. */
import type { CxFilter } from '../core/filter.ts';
import type { Kpi } from '../core/scorecard-model.ts';
import type { KpiStatus } from '../core/scorecard.ts';

/** What `cx-select` carries for a KPI of `<council-scorecard>`. */
export interface ScorecardSelectDetail {
  readonly id: string;
  /** The label in the element's language. */
  readonly label: string;
  readonly status: KpiStatus;
  /** The reviewed period's value; null when there is none to show. */
  readonly value: number | null;
  readonly unit: Kpi['unit'] | null;
  /** The reviewed period, e.g. `2025-06`. */
  readonly period: string;
  readonly owner: string | null;
  /** Whether the KPI's details are now open. */
  readonly expanded: boolean;
  /**
   * For a KPI measured on feedback answers, the rows it reads as a filter for another element
   * (`trend.filter = event.detail.filter`): its `source.filter`, or `{}` when it reads every answer.
   * Absent for KPIs from files or from values in the definition.
   */
  readonly filter?: CxFilter;
}
