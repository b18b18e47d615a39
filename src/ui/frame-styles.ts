/**
 * The parts every element shares, whatever it draws: the frame, the loading, empty and error states,
 * the progress bar and the data-quality badge and report.
 */
import { css } from 'lit';

export const frameStyles = css`
  .frame {
    position: relative;
    display: grid;
    gap: 0.5rem;
  }
  .status {
    padding: 1rem;
    border: 1px dashed var(--_cx-grid);
    border-radius: var(--_cx-radius);
    color: var(--_cx-muted);
  }
  .status.error {
    color: var(--_cx-fg);
    border-color: var(--_cx-down);
    border-style: solid;
  }
  progress {
    display: block;
    width: 100%;
    accent-color: var(--_cx-line);
  }
  .quality-badge {
    justify-self: start;
    font-size: 0.8125rem;
    color: var(--_cx-muted);
  }
  .quality-badge.attention {
    color: var(--_cx-fg);
  }
  .quality-report {
    background: var(--_cx-surface);
    border-radius: var(--_cx-radius);
    padding: 0.5rem 0.75rem;
  }
  .quality-report h3 {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .quality-report dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .quality-report dl div {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .quality-report dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .quality-report ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .lines {
    color: var(--_cx-muted);
  }
`;
