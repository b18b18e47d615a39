/**
 * Design tokens shared by every element. Public `--cx-*` custom properties map onto private
 * `--_cx-*` ones in :host, so each default lives here once and a page overrides only what it needs.
 * `theme="dark"` (or `theme="auto"` with a dark system setting) swaps the defaults.
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
  :host([theme='dark']) {
    ${darkTokens}
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
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
