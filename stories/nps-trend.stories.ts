import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/nps-trend/index.ts';
import { clickInside } from './interact.ts';
import { renderElement, type ElementArgs } from './render.ts';
import { COUNT_SETS, FEEDBACK_FILES, RECORD_SETS, choiceOf } from './sources.ts';

// Args are the element's attribute and property names from custom-elements.json; the controls and
// the Docs page (description, API tables) come from there too. Only the data choices are written here.
// (A doc comment here would replace the manifest's description on the Docs page.)
const meta: Meta<ElementArgs> = {
  title: 'Elements/nps-trend',
  component: 'nps-trend',
  render: renderElement,
  args: { src: 'sample' },
  argTypes: {
    src: choiceOf(FEEDBACK_FILES),
    data: choiceOf(RECORD_SETS),
    counts: choiceOf(COUNT_SETS),
  },
};
export default meta;

type Story = StoryObj<ElementArgs>;

/** Monthly NPS of the sample with its 95 % band, ▲/▼ where a month differs significantly from the one before. */
export const Monthly: Story = {};

/** While the file streams in: a progress line with the bytes read so far. The dev server never finishes this file. */
export const Loading: Story = { args: { src: 'held-open' }, tags: ['needs-dev-server'] };

/** Half a year by ISO week (from Monday). */
export const Weekly: Story = { args: { interval: 'week', from: '2025-01-01', to: '2025-06-30' } };

export const Quarterly: Story = { args: { interval: 'quarter' } };

/** A dashed target line, named in the summary. */
export const WithTarget: Story = { args: { target: 30 } };

export const WithoutConfidenceBand: Story = { args: { 'show-ci': false } };

/** The Ombudsman gets a handful of answers a month: months under `min-n` are hatched and carry no number. */
export const SuppressedSmallSegment: Story = { args: { filter: 'department:Ombudsman' } };

/** Arabic text and digits; the time axis runs right to left. */
export const ArabicRightToLeft: Story = { args: { locale: 'ar', interval: 'quarter' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const HighContrast: Story = { args: { theme: 'high-contrast' } };

/** Pre-aggregated counts through the `counts` property (one quarter given as a 0–10 histogram). */
export const FromCounts: Story = { args: { src: undefined, counts: 'quarterly', interval: 'quarter', target: 20 } };

/** Rows already in the page, through the `data` property. */
export const FromData: Story = { args: { src: undefined, data: 'sample' } };

export const NotFound: Story = { args: { src: 'missing-file' } };

/** `fields` maps the NPS to a column the file does not have. */
export const ColumnMissing: Story = { args: { fields: 'nps:likelihood_to_recommend' } };

/** No `src`, `data` or `counts`. */
export const Empty: Story = { args: { src: undefined } };

/** Every row is broken: an error, and the quality report says how. */
export const InvalidRowsOnly: Story = { args: { src: 'invalid-only' } };

/** The data-quality report opened: rows read, duplicates removed, rows rejected and why. */
export const QualityReportOpen: Story = {
  play: ({ canvasElement }) => clickInside(canvasElement, 'nps-trend', '[part=quality-badge]'),
};
