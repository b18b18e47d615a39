import { css } from 'lit';

export const npsTrendStyles = css`
  .band {
    fill: var(--_cx-band);
    /* The translucent fill alone is under 2:1 against the background (WCAG 1.4.11 asks 3:1); its dashed edge in the line's colour shows where the interval ends. */
    stroke: var(--_cx-line);
    stroke-width: 1;
    stroke-dasharray: 3 3;
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
  /* A hairline of background between the stacked shares: side by side their colours differ by under 3:1 (1.7:1 promoters/passives in light). */
  .composition rect {
    stroke: var(--_cx-bg);
    stroke-width: 1;
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
  @media (forced-colors: active) {
    /* System colours only; the band is an outline so it never hides the line, the mix is told apart by shade. */
    .line,
    .point {
      stroke: CanvasText;
    }
    .point {
      fill: Canvas;
    }
    .point[aria-selected='true'] {
      fill: CanvasText;
    }
    .target-label {
      fill: CanvasText;
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
    .composition rect {
      stroke: Canvas;
    }
    .detractors,
    .composition .detractors rect {
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
`;
