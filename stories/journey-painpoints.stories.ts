import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/journey-painpoints/index.ts';
import { clickInside, clickInsideAndWait } from './interact.ts';
import { renderElement, type ElementArgs } from './render.ts';
import { COUNT_SETS, FEEDBACK_FILES, RECORD_SETS, choiceOf } from './sources.ts';

// Args are the element's attribute and property names from custom-elements.json; the controls and
// the Docs page (description, API tables) come from there too. Only the data choices are written here.
// (A doc comment here would replace the manifest's description on the Docs page.)
const meta: Meta<ElementArgs> = {
  title: 'Elements/journey-painpoints',
  component: 'journey-painpoints',
  render: renderElement,
  args: { src: 'sample', stages: 'Discover,Apply,Wait,Decision,Support' },
  argTypes: {
    src: choiceOf(FEEDBACK_FILES),
    data: choiceOf(RECORD_SETS),
    counts: choiceOf(COUNT_SETS),
  },
};
export default meta;

type Story = StoryObj<ElementArgs>;

/** The five stages in journey order: NPS with its interval, pain share, rank, and ⚠ where a stage is significantly worse. */
export const Journey: Story = {};

/** While the file streams in. The dev server never finishes this file. */
export const Loading: Story = { args: { src: 'held-open' }, tags: ['needs-dev-server'] };

/** Customer effort: pain is 1–3 on the 1–7 scale, the curve is the mean. */
export const CustomerEffort: Story = { args: { metric: 'ces' } };

export const SatisfactionByPhone: Story = { args: { metric: 'csat', filter: 'channel:Phone' } };

/**
 * Ombudsman complaints by phone or in person (the council's small segment): stages with fewer than
 * `min-n` answers keep their place but show no number, rank or comment.
 */
export const SuppressedSmallSegment: Story = { args: { filter: 'department:Ombudsman; channel:Phone|Branch' } };

export const ArabicRightToLeft: Story = { args: { locale: 'ar' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const HighContrast: Story = { args: { theme: 'high-contrast' } };

/** Below about 480 px the lane becomes a vertical list. */
export const NarrowCard: Story = { decorators: [(story) => html`<div style="max-width: 320px">${story()}</div>`] };

/** A typo in `stages`: the listed stage is kept and says it has no answers, the real one follows. */
export const StageTypo: Story = { args: { stages: 'Discover,Aply,Wait,Decision,Support' } };

/** A stage's details: its measures, the themes of its negative comments and redacted verbatims. */
export const DetailsOpen: Story = {
  play: ({ canvasElement }) =>
    clickInsideAndWait(canvasElement, 'journey-painpoints', '[part=stage]', (root) => {
      const details = root.querySelector('[part=drilldown]');
      return details !== null && details.querySelector('[role=status]') === null;
    }),
};

export const QualityReportOpen: Story = {
  play: ({ canvasElement }) => clickInside(canvasElement, 'journey-painpoints', '[part=quality-badge]'),
};

/** Rows already in the page, through the `data` property. */
export const FromData: Story = { args: { src: undefined, data: 'sample' } };

/** Pre-aggregated counts have no stages, so the element refuses them and says why. */
export const CountsRefused: Story = { args: { src: undefined, counts: 'quarterly' } };

export const NotFound: Story = { args: { src: 'missing-file' } };

/** `fields` maps the stage to a column the file does not have. */
export const ColumnMissing: Story = { args: { fields: 'stage:journey_step' } };

/** A file with dates and scores but no stage column. */
export const NoStageColumn: Story = { args: { src: 'no-stage-column' } };

export const Empty: Story = { args: { src: undefined } };

export const InvalidRowsOnly: Story = { args: { src: 'invalid-only' } };
