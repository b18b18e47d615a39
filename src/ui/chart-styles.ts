/** Styles every chart element shares: figure and axes, tooltip, legend, toolbar, data table, print. */
import { css } from 'lit';

export const chartStyles = css`
  figure {
    margin: 0;
    position: relative;
  }
  svg {
    display: block;
    width: 100%;
    overflow: visible;
  }
  .axis text {
    fill: var(--_cx-muted);
    font: inherit;
    font-size: 0.75rem;
  }
  .axis line,
  .axis path {
    stroke: var(--_cx-grid);
  }
  .grid line {
    stroke: var(--_cx-grid);
    stroke-opacity: 0.6;
  }
  .zero {
    stroke: var(--_cx-muted);
  }
  .hatch-line {
    stroke: var(--_cx-suppressed);
    stroke-width: 1.5;
  }
  /*
   * Over its point, but never past the chart's edges (a 320 px screen, 200 % zoom): a point at a
   * fraction f of the width (--_cx-tip-at, set with left) sits over the same fraction of the tooltip,
   * which wraps rather than grow wider than the chart.
   */
  [part='tooltip'] {
    position: absolute;
    pointer-events: none;
    transform: translate(calc(var(--_cx-tip-at, 0.5) * -100%), calc(-100% - 12px));
    width: max-content;
    max-width: 100%;
    box-sizing: border-box;
    background: var(--_cx-surface);
    color: var(--_cx-fg);
    border: 1px solid var(--_cx-grid);
    border-radius: var(--_cx-radius);
    padding: 0.375rem 0.5rem;
    font-size: 0.8125rem;
    line-height: 1.35;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    z-index: 1;
  }
  figcaption {
    margin-top: 0.25rem;
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.8125rem;
    color: var(--_cx-muted);
  }
  [part='legend'] li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  [part='legend'] svg {
    width: 20px;
    height: 12px;
  }
  .toolbar,
  .toolbar .export {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: center;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.25rem;
  }
  th,
  td {
    text-align: end;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_cx-grid);
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  tr.selected {
    background: var(--_cx-surface);
  }
  tr.suppressed td {
    text-align: start;
    color: var(--_cx-muted);
    font-style: italic;
  }
  @media (forced-colors: active) {
    /* The browser forces HTML colours but not SVG fill and stroke: SVG text and lines take system colours here. */
    .axis text {
      fill: CanvasText;
    }
    .axis line,
    .axis path,
    .grid line,
    .zero,
    .hatch-line {
      stroke: GrayText;
    }
  }
  @media print {
    .toolbar {
      display: none;
    }
  }
`;
