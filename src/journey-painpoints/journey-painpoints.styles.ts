import { css } from 'lit';

export const journeyStyles = css`
  :host {
    --_cx-pain: var(--cx-color-pain, #9a5b00);
  }
  :host([theme='dark']) {
    --_cx-pain: var(--cx-color-pain, #e3a34b);
  }
  :host([theme='high-contrast']) {
    --_cx-pain: var(--cx-color-pain, #ffb347);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_cx-pain: var(--cx-color-pain, #e3a34b);
    }
  }
  svg.defs {
    position: absolute;
  }
  .curve {
    fill: none;
    stroke: var(--_cx-line);
    stroke-width: 2.5;
  }
  .point {
    fill: var(--_cx-bg);
    stroke: var(--_cx-line);
    stroke-width: 2.5;
  }
  .point.worse {
    fill: var(--_cx-down);
    stroke: var(--_cx-down);
  }
  .whisker {
    stroke: var(--_cx-line);
    stroke-width: 1.5;
  }
  .pain-bar {
    fill: var(--_cx-pain);
  }
  .worse .pain-bar,
  .pain-bar.worse {
    fill: var(--_cx-down);
  }
  .pain-whisker {
    stroke: var(--_cx-fg);
    stroke-width: 1.5;
    /*
     * Where the interval runs over its bar no single colour stands out from both the bar and the
     * background in every theme (the text colour on the pain bar is 1.8–2.9:1), so a 1 px halo of
     * background keeps the whisker apart from the bar.
     */
    --_cx-halo: var(--_cx-bg);
    filter: drop-shadow(1px 0 0 var(--_cx-halo)) drop-shadow(-1px 0 0 var(--_cx-halo)) drop-shadow(0 1px 0 var(--_cx-halo)) drop-shadow(0 -1px 0 var(--_cx-halo));
  }
  .pain-base {
    stroke: var(--_cx-muted);
  }
  .pain-label,
  .panel-label {
    fill: var(--_cx-fg);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .panel-label {
    fill: var(--_cx-muted);
  }
  .gap {
    fill: url(#cx-hatch);
  }
  .column-highlight {
    fill: var(--_cx-surface);
  }
  .stages {
    display: grid;
    margin-inline: 44px 12px;
  }
  .stages.list {
    grid-template-columns: minmax(0, 1fr);
    margin-inline: 0;
    gap: 0.25rem;
  }
  .stage {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.125rem;
    padding: 0.375rem 0.25rem;
    border: 1px solid transparent;
    border-radius: var(--_cx-radius);
    text-align: center;
    cursor: pointer;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .stages.list .stage {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: baseline;
    text-align: start;
    border-color: var(--_cx-grid);
    padding: 0.5rem 0.75rem;
  }
  .stages.list .stage .list-bar,
  .stages.list .stage .meta {
    grid-column: 1 / -1;
  }
  .stage:hover {
    background: var(--_cx-surface);
  }
  .stage:focus {
    outline: none;
  }
  .stage:focus-visible {
    outline: 3px solid var(--_cx-focus);
    outline-offset: -3px;
  }
  .stage[aria-selected='true'] {
    background: var(--_cx-surface);
    border-color: var(--_cx-line);
  }
  .stage .name {
    font-weight: 600;
  }
  .stage .value {
    font-size: 1.125em;
    font-variant-numeric: tabular-nums;
  }
  .stage .pain,
  .stage .rank,
  .stage .not-enough {
    color: var(--_cx-muted);
    font-size: 0.8125rem;
  }
  .stage.suppressed {
    background-image: repeating-linear-gradient(45deg, transparent 0 5px, color-mix(in srgb, var(--_cx-suppressed) 35%, transparent) 5px 6px);
  }
  /* On the hatching the muted colour falls to 4.35:1 (light) and 3.57:1 (dark); this is the stage's one piece of information. */
  .stage.suppressed .not-enough {
    color: var(--_cx-fg);
  }
  .stage .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.25rem 0.5rem;
  }
  .stages.list .stage .meta {
    justify-content: start;
  }
  .badge {
    color: var(--_cx-down);
    font-weight: 600;
    font-size: 0.8125rem;
  }
  .list-bar {
    display: block;
    width: 100%;
    height: 10px;
  }
  .list-bar .track {
    fill: var(--_cx-surface);
    stroke: var(--_cx-grid);
    stroke-width: 0.5;
  }
  .worse .list-bar .pain-bar {
    fill: var(--_cx-down);
  }
  .hint {
    margin: 0;
    color: var(--_cx-muted);
  }
  .drilldown {
    border: 1px solid var(--_cx-grid);
    border-radius: var(--_cx-radius);
    padding: 0.75rem 1rem;
    display: grid;
    gap: 0.5rem;
  }
  .drilldown header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .drilldown h3,
  .drilldown h4 {
    margin: 0;
    font-size: 1em;
  }
  .drilldown h3 {
    font-size: 1.125em;
  }
  .drilldown h3:focus {
    outline: none;
  }
  .measures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .measures div {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    border-bottom: 1px solid var(--_cx-grid);
  }
  .measures dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .comparison {
    margin: 0;
  }
  .comparison.worse {
    color: var(--_cx-down);
    font-weight: 600;
  }
  .themes ol {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.5rem;
  }
  .themes .count,
  .note,
  .none {
    color: var(--_cx-muted);
  }
  .note,
  .none {
    margin: 0.25rem 0;
    font-size: 0.8125rem;
  }
  .verbatims ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  blockquote {
    margin: 0;
    padding: 0.375rem 0.75rem;
    border-inline-start: 3px solid var(--_cx-pain);
    background: var(--_cx-surface);
    border-radius: var(--_cx-radius);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .curve,
    .point,
    .whisker,
    .pain-whisker {
      stroke: CanvasText;
    }
    .point {
      fill: Canvas;
    }
    .point.worse {
      stroke: CanvasText;
    }
    .pain-bar {
      fill: GrayText;
    }
    .pain-whisker {
      --_cx-halo: Canvas;
    }
    .worse .pain-bar,
    .worse .list-bar .pain-bar,
    .pain-bar.worse,
    .point.worse {
      fill: CanvasText;
    }
    .pain-label,
    .panel-label {
      fill: CanvasText;
    }
    .pain-base {
      stroke: GrayText;
    }
    /* A theme colour behind the marks would hide them; the focused stage has its ring. */
    .column-highlight {
      fill: none;
    }
    .list-bar .track {
      fill: Canvas;
      stroke: GrayText;
    }
    /*
     * Background images are dropped in forced colours, and with them the hatching of a hidden stage:
     * it is drawn again behind the stage's text (which the browser backs with Canvas) in GrayText.
     */
    .stage.suppressed {
      isolation: isolate;
    }
    .stage.suppressed::before {
      content: '';
      position: absolute;
      inset: 0;
      z-index: -1;
      border-radius: inherit;
      pointer-events: none;
      forced-color-adjust: none;
      background-image: repeating-linear-gradient(45deg, transparent 0 5px, GrayText 5px 6px);
    }
    .stage:focus-visible,
    .stage[aria-selected='true'] {
      outline-color: Highlight;
      border-color: Highlight;
    }
  }
  @media print {
    .hint {
      display: none;
    }
  }
`;
