import type { QualityReport } from '../core/quality.ts';

export interface CxLoadDetail {
  /** Accepted rows (or count entries, for pre-aggregated input). */
  readonly rowCount: number;
  /** Null for pre-aggregated counts, which have no rows to check. */
  readonly quality: QualityReport | null;
}

/** Fired when an element's data has loaded (once per load, before the first chart of that data). */
export class CxLoadEvent extends Event {
  static readonly eventName = 'cx-load' as const;
  readonly detail: CxLoadDetail;

  constructor(detail: CxLoadDetail) {
    super(CxLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cx-load': CxLoadEvent;
  }
}
