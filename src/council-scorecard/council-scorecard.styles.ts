import { css } from 'lit';

/**
 * Pages a scorecard onto A4 landscape. `@page` rules only work in the document's own styles, never
 * in a shadow root, so the element adopts one small sheet into the document once. It names its page,
 * so only the scorecard's pages are landscape and the rest of the host page prints as it did.
 * A constructed sheet, not a <style> element: it passes a strict `style-src 'self'` policy.
 */
const PRINT_PAGE_CSS = `
@page cx-council-scorecard { size: A4 landscape; margin: 12mm; }
council-scorecard { page: cx-council-scorecard; }
`;

let printSheet: CSSStyleSheet | null = null;

export function adoptPrintPage(document: Document): void {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(PRINT_PAGE_CSS);
  }
  if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
}

export const scorecardStyles = css`
  :host {
    --_cx-warn: var(--cx-color-warn, #9a6700);
  }
  :host([theme='dark']) {
    --_cx-warn: var(--cx-color-warn, #d29922);
  }
  :host([theme='high-contrast']) {
    --_cx-warn: var(--cx-color-warn, #ffb347);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_cx-warn: var(--cx-color-warn, #d29922);
    }
  }
  .scorecard-frame {
    display: grid;
    gap: 0.75rem;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
  }
  .title {
    font-size: 1.25em;
    font-weight: 600;
  }
  .period,
  .muted {
    color: var(--_cx-muted);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .icon {
    display: inline-block;
    min-width: 1.1em;
    text-align: center;
    font-weight: 700;
  }
  .green .icon,
  .pill.green {
    --_cx-status: var(--_cx-up);
  }
  .amber .icon,
  .pill.amber {
    --_cx-status: var(--_cx-warn);
  }
  .red .icon,
  .pill.red {
    --_cx-status: var(--_cx-down);
  }
  .grey .icon,
  .pill.grey {
    --_cx-status: var(--_cx-suppressed);
  }
  .summary .icon,
  .pill .icon {
    color: var(--_cx-status);
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    white-space: nowrap;
    padding: 0.05rem 0.5rem 0.05rem 0.35rem;
    border: 2px solid var(--_cx-status);
    border-radius: 999px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_cx-bg);
    border: 1px solid var(--_cx-grid);
    border-radius: var(--_cx-radius);
    margin-inline-start: 0.25rem;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_cx-grid);
  }
  thead th {
    font-weight: 600;
    white-space: nowrap;
  }
  .sort,
  .kpi-name {
    background: none;
    border: 0;
    padding: 0;
    font-weight: 600;
    text-align: start;
  }
  .sort .arrow {
    display: inline-block;
    min-width: 1em;
    font-size: 0.75em;
  }
  .kpi-name {
    display: inline-flex;
    gap: 0.35rem;
    align-items: baseline;
  }
  .chevron::before {
    content: '▸';
    display: inline-block;
    transition: transform 0.15s;
  }
  :host([dir='rtl']) .chevron::before,
  [dir='rtl'] .chevron::before {
    content: '◂';
  }
  .kpi-name[aria-expanded='true'] .chevron::before {
    content: '▾';
  }
  tr.group th {
    background: var(--_cx-surface);
    font-weight: 600;
  }
  td.value {
    font-weight: 600;
    white-space: nowrap;
  }
  .flags {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    font-weight: 600;
  }
  tr.details > td,
  .card .details {
    background: var(--_cx-surface);
  }
  .details-body {
    display: grid;
    gap: 0.5rem;
  }
  .details-body p,
  .details-body h4 {
    margin: 0;
  }
  .reason {
    margin: 0.25rem 0 0;
    font-weight: normal;
    border-inline-start: 3px solid var(--_cx-down);
    padding-inline-start: 0.375rem;
    max-width: 28rem;
  }
  .details-body.invalid {
    border-inline-start: 3px solid var(--_cx-down);
    padding-inline-start: 0.5rem;
  }
  .periods {
    width: auto;
  }
  .periods caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  .actions .overdue {
    font-weight: 600;
  }
  .sparkline {
    display: block;
    overflow: visible;
  }
  .spark-line {
    fill: none;
    stroke: var(--_cx-line);
    stroke-width: 1.5;
  }
  .spark-point {
    fill: var(--_cx-line);
  }
  .spark-target {
    stroke: var(--_cx-target);
    stroke-dasharray: 3 2;
  }
  .spark-current {
    stroke: var(--_cx-bg);
    stroke-width: 1;
  }
  .spark-current.green {
    fill: var(--_cx-up);
  }
  .spark-current.amber {
    fill: var(--_cx-warn);
  }
  .spark-current.red {
    fill: var(--_cx-down);
  }
  .card-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .card {
    border: 1px solid var(--_cx-grid);
    border-inline-start: 4px solid var(--_cx-suppressed);
    border-radius: var(--_cx-radius);
    padding: 0.5rem 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .card.green {
    border-inline-start-color: var(--_cx-up);
  }
  .card.amber {
    border-inline-start-color: var(--_cx-warn);
  }
  .card.red {
    border-inline-start-color: var(--_cx-down);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .card dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
  .card dt {
    color: var(--_cx-muted);
    font-size: 0.8125rem;
  }
  .card dd {
    margin: 0;
  }
  h3.group {
    margin: 0.5rem 0 0;
    font-size: 1em;
  }
  @media (forced-colors: active) {
    .pill {
      border-color: CanvasText;
    }
    .spark-line,
    .spark-target {
      stroke: CanvasText;
    }
    .spark-point,
    .spark-current,
    .spark-current.green,
    .spark-current.amber,
    .spark-current.red {
      fill: CanvasText;
    }
    .spark-current {
      stroke: Canvas;
    }
  }
  @media print {
    /* The meeting pack: what and why (note, target, actions), not the screen's per-period tables. */
    .toolbar,
    .quality-badge,
    .chevron,
    .details-body .periods,
    .details-body .quality-report {
      display: none !important;
    }
    .details-body {
      gap: 0.125rem;
    }
    th,
    td {
      padding: 0.2rem 0.35rem;
    }
    tr.details[hidden] {
      display: table-row !important;
    }
    .card .details[hidden] {
      display: block !important;
    }
    tr,
    .card {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
    :host {
      font-size: 9pt;
      print-color-adjust: exact;
    }
    .table-scroll {
      overflow: visible;
    }
  }
`;
