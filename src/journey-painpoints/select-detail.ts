/** What `<journey-painpoints>` says about a selected stage: its measures, and a filter for the other elements. */
import type { CxFilter } from '../core/filter.ts';
import type { ShownStage } from '../core/journey.ts';

/** What `cx-select` carries for a stage of `<journey-painpoints>`. */
export interface JourneySelectDetail {
  /** The stage's name as shown. */
  readonly stage: string;
  /** The stage values in the data it covers (usually one). */
  readonly values: readonly string[];
  /** Every measure of the stage; null for a stage with too few answers, which carries no numbers. */
  readonly measures: ShownStage | null;
  /** Selects this stage on another element: `trend.filter = event.detail.filter`. */
  readonly filter: CxFilter;
}
