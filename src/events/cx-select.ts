/** Fired when the user selects a data point (click, or Enter/Space on the focused point). */
export class CxSelectEvent<Detail = unknown> extends Event {
  static readonly eventName = 'cx-select' as const;
  readonly detail: Detail;

  constructor(detail: Detail) {
    super(CxSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cx-select': CxSelectEvent;
  }
}
