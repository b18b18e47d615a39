/**
 * Design tokens shared by every element. Public `--cx-*` custom properties map onto private
 * `--_cx-*` ones in :host, so each default lives here once and a page overrides only what it needs.
 * `theme="dark"` (or `theme="auto"` with a dark system setting) swaps the defaults, and
 * `theme="high-contrast"` swaps them for a black-and-white set for low vision.
 */
import { css } from 'lit';

/** The dark defaults, applied by `theme="dark"` and by `theme="auto"` on a dark system. */
const darkTokens = css`
    --_cx-bg: var(--cx-color-background, #0d1117);
    --_cx-fg: var(--cx-color-text, #e6edf3);
    --_cx-muted: var(--cx-color-muted, #9198a1);
    --_cx-grid: var(--cx-color-grid, #3d444d);
    --_cx-line: var(--cx-color-line, #58a6ff);
    --_cx-band: var(--cx-color-band, rgba(88, 166, 255, 0.22));
    --_cx-target: var(--cx-color-target, #f0a04b);
    --_cx-up: var(--cx-color-up, #3fb950);
    --_cx-down: var(--cx-color-down, #ff7b72);
    --_cx-promoter: var(--cx-color-promoter, #3fb950);
    --_cx-passive: var(--cx-color-passive, #9198a1);
    --_cx-detractor: var(--cx-color-detractor, #ff7b72);
    --_cx-suppressed: var(--cx-color-suppressed, #9198a1);
    --_cx-focus: var(--cx-color-focus, #58a6ff);
    --_cx-surface: var(--cx-color-surface, #161b22);
`;

/**
 * High contrast, for low vision and bright rooms: black background, white text, a yellow focus ring.
 * Against the black every text colour and every mark is at least 7:1 (WCAG asks 4.5:1 for text, 3:1
 * for marks). Good and bad news differ in lightness as well as hue (the green has over twice the
 * luminance of the red, 2.1:1 between them), so they stay apart without colour vision; ▲/▼ and
 * positions say it a third way.
 */
const highContrastTokens = css`
    --_cx-bg: var(--cx-color-background, #000000);
    --_cx-fg: var(--cx-color-text, #ffffff);
    --_cx-muted: var(--cx-color-muted, #e0e0e0);
    --_cx-grid: var(--cx-color-grid, #a6a6a6);
    --_cx-line: var(--cx-color-line, #00e5ff);
    --_cx-band: var(--cx-color-band, rgba(0, 229, 255, 0.3));
    --_cx-target: var(--cx-color-target, #ffffff);
    --_cx-up: var(--cx-color-up, #5cff8d);
    --_cx-down: var(--cx-color-down, #ff6b6b);
    --_cx-promoter: var(--cx-color-promoter, #5cff8d);
    --_cx-passive: var(--cx-color-passive, #a6a6a6);
    --_cx-detractor: var(--cx-color-detractor, #ff6b6b);
    --_cx-suppressed: var(--cx-color-suppressed, #bfbfbf);
    --_cx-focus: var(--cx-color-focus, #ffff00);
    --_cx-surface: var(--cx-color-surface, #1a1a1a);
`;

export const themeTokens = css`
  :host {
    --_cx-font: var(--cx-font-family, system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif);
    --_cx-font-size: var(--cx-font-size, 0.875rem);
    --_cx-bg: var(--cx-color-background, #ffffff);
    --_cx-fg: var(--cx-color-text, #1f2328);
    --_cx-muted: var(--cx-color-muted, #59636e);
    --_cx-grid: var(--cx-color-grid, #d1d9e0);
    --_cx-line: var(--cx-color-line, #0b5cad);
    --_cx-band: var(--cx-color-band, rgba(11, 92, 173, 0.16));
    --_cx-target: var(--cx-color-target, #8a4600);
    --_cx-up: var(--cx-color-up, #1a7f37);
    --_cx-down: var(--cx-color-down, #c4001d);
    --_cx-promoter: var(--cx-color-promoter, #1a7f37);
    --_cx-passive: var(--cx-color-passive, #8c959f);
    --_cx-detractor: var(--cx-color-detractor, #c4001d);
    --_cx-suppressed: var(--cx-color-suppressed, #8c959f);
    --_cx-focus: var(--cx-color-focus, #0969da);
    --_cx-surface: var(--cx-color-surface, #f6f8fa);
    --_cx-radius: var(--cx-radius, 6px);
    --_cx-chart-height: var(--cx-chart-height, 280px);
    display: block;
    font-family: var(--_cx-font);
    font-size: var(--_cx-font-size);
    color: var(--_cx-fg);
    background: var(--_cx-bg);
  }
  /* A long URL or column list in a message breaks anywhere rather than push a 320 px column sideways. */
  [part~='status'],
  [part~='error-row'] {
    overflow-wrap: anywhere;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  :host([theme='high-contrast']) {
    ${highContrastTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  :host([hidden]) {
    display: none;
  }
  *:focus-visible {
    outline: 2px solid var(--_cx-focus);
    outline-offset: 2px;
  }
  :host([theme='high-contrast']) *:focus-visible {
    outline-width: 3px;
  }
  :host([theme='high-contrast']) button {
    border-color: var(--_cx-fg);
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_cx-surface);
    border: 1px solid var(--_cx-grid);
    border-radius: var(--_cx-radius);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    /* Pseudo-elements too: the universal selector alone misses the scorecard's ::before chevron and its transition. */
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
