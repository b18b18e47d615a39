import type { CxErrorCode, CxErrorParams } from '../core/errors.ts';

export interface CxErrorDetail {
  readonly code: CxErrorCode;
  /** The localised sentence the element shows. */
  readonly message: string;
  readonly params: CxErrorParams;
}

/** Fired when an element cannot draw its data: the code says why, the message says it to a person. */
export class CxErrorEvent extends Event {
  static readonly eventName = 'cx-error' as const;
  readonly detail: CxErrorDetail;

  constructor(detail: CxErrorDetail) {
    super(CxErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cx-error': CxErrorEvent;
  }
}
