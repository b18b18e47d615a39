import { css } from 'lit';

export const npsTrendStyles = css`
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
  .band {
    fill: var(--_cx-band);
  }
  .line {
    fill: none;
    stroke: var(--_cx-line);
    stroke-width: 2.5;
  }
  .target {
    stroke: var(--_cx-target);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .target-label {
    fill: var(--_cx-target);
    font-size: 0.75rem;
  }
  .gap {
    fill: url(#cx-hatch);
  }
  .hatch-line {
    stroke: var(--_cx-suppressed);
    stroke-width: 1.5;
  }
  .point {
    fill: var(--_cx-bg);
    stroke: var(--_cx-line);
    stroke-width: 2.5;
    cursor: pointer;
  }
  .point[aria-selected='true'] {
    fill: var(--_cx-line);
  }
  .point:focus {
    outline: none;
  }
  .point:focus-visible,
  .point.active {
    stroke: var(--_cx-focus);
    stroke-width: 4;
  }
  .marker.up {
    fill: var(--_cx-up);
  }
  .marker.down {
    fill: var(--_cx-down);
  }
  .promoters {
    fill: var(--_cx-promoter);
  }
  .passives {
    fill: var(--_cx-passive);
  }
  .detractors {
    fill: var(--_cx-detractor);
  }
  [part='tooltip'] {
    position: absolute;
    pointer-events: none;
    transform: translate(-50%, calc(-100% - 12px));
    background: var(--_cx-surface);
    color: var(--_cx-fg);
    border: 1px solid var(--_cx-grid);
    border-radius: var(--_cx-radius);
    padding: 0.375rem 0.5rem;
    font-size: 0.8125rem;
    line-height: 1.35;
    white-space: nowrap;
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
  .toolbar {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: center;
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
    /* System colours only; the band is an outline so it never hides the line, the mix is told apart by shade. */
    .line,
    .point {
      stroke: CanvasText;
    }
    .band {
      fill: none;
      stroke: GrayText;
      stroke-dasharray: 2 2;
    }
    .promoters {
      fill: CanvasText;
    }
    .passives {
      fill: GrayText;
    }
    .detractors {
      fill: Canvas;
      stroke: CanvasText;
    }
    .marker.up,
    .marker.down {
      fill: CanvasText;
    }
    .target {
      stroke: Highlight;
    }
    .point:focus-visible,
    .point.active {
      stroke: Highlight;
    }
  }
  @media print {
    .toolbar {
      display: none;
    }
  }
`;
