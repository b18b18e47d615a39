import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/council-scorecard/index.ts';
import { generateFeedbackCsvText } from '../src/sample/generate.ts';
import { generateApplicationsCsv, generateOutagesCsv } from '../src/sample/operations.ts';
import council from '../demo/public/council.json';

const csvUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

/** The gallery's council, with its files generated here as Blob URLs: every story reads real CSV through the worker. */
const files: Record<string, string> = {
  'data/feedback.csv': csvUrl(generateFeedbackCsvText({ seed: 42, rows: 40_000 })),
  'data/applications.csv': csvUrl(generateApplicationsCsv({ seed: 42 })),
  'data/outages.csv': csvUrl(generateOutagesCsv({ seed: 42 })),
};
const relinked = JSON.parse(JSON.stringify(council), (key, value: unknown) => (key === 'url' && typeof value === 'string' ? (files[value] ?? value) : value)) as typeof council;

/** Only the well-defined KPIs, for stories that are not about validation. */
const valid = { ...relinked, kpis: relinked.kpis.filter((kpi) => kpi.unit !== 'minutes') };

interface Args {
  definition: unknown;
  asOf: string;
  groupBy: string;
  sortBy: string;
  minN: number;
  locale: string;
  theme: string;
  compact: boolean;
  width: number;
}

const meta: Meta<Args> = {
  title: 'Elements/council-scorecard',
  component: 'council-scorecard',
  args: { definition: relinked, asOf: '', groupBy: 'none', sortBy: 'definition', minN: 5, locale: 'en', theme: 'light', compact: false, width: 1280 },
  argTypes: {
    definition: { control: false },
    groupBy: { control: 'select', options: ['none', 'owner', 'status'] },
    sortBy: { control: 'select', options: ['definition', 'label', 'owner', 'status', 'change', 'next-review', 'due'] },
    locale: { control: 'select', options: ['en', 'ar'] },
    theme: { control: 'select', options: ['light', 'dark', 'auto'] },
    width: { control: { type: 'range', min: 300, max: 1600, step: 20 } },
  },
  render: (args) => html`<div dir=${args.locale === 'ar' ? 'rtl' : 'ltr'} style="max-width: ${args.width}px">
    <council-scorecard
      .definition=${args.definition}
      as-of=${args.asOf}
      group-by=${args.groupBy}
      sort-by=${args.sortBy}
      min-n=${args.minN}
      locale=${args.locale}
      theme=${args.theme}
      ?compact=${args.compact}
    ></council-scorecard>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Council: Story = {};
export const WorstFirst: Story = { args: { definition: valid, sortBy: 'status' } };
export const GroupedByOwner: Story = { args: { definition: valid, groupBy: 'owner' } };
export const ArabicRightToLeft: Story = { args: { locale: 'ar' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { width: 360 } };
export const StricterSuppression: Story = { args: { definition: valid, minN: 30 } };
export const LaterReview: Story = { args: { definition: valid, asOf: '2025-09-30' } };
export const NoDefinition: Story = { args: { definition: undefined } };
