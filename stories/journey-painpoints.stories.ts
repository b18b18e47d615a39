import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/journey-painpoints/index.ts';
import { generateFeedbackCsvText } from '../src/sample/generate.ts';

/** One seeded sample, as a Blob URL, so every story reads real CSV through the worker. */
const sampleUrl = URL.createObjectURL(new Blob([generateFeedbackCsvText({ seed: 42, rows: 20_000 })], { type: 'text/csv' }));

interface Args {
  stages: string;
  metric: string;
  verbatims: number;
  minN: number;
  locale: string;
  theme: string;
  filter: string;
  from: string;
  to: string;
  width: number;
  src: string;
}

const meta: Meta<Args> = {
  title: 'Elements/journey-painpoints',
  component: 'journey-painpoints',
  args: {
    stages: 'Discover,Apply,Wait,Decision,Support',
    metric: 'nps',
    verbatims: 5,
    minN: 5,
    locale: 'en',
    theme: 'light',
    filter: '',
    from: '',
    to: '',
    width: 960,
    src: sampleUrl,
  },
  argTypes: {
    metric: { control: 'select', options: ['nps', 'csat', 'ces'] },
    locale: { control: 'select', options: ['en', 'ar'] },
    theme: { control: 'select', options: ['light', 'dark', 'auto'] },
    width: { control: { type: 'range', min: 300, max: 1200, step: 20 } },
    src: { control: false },
  },
  render: (args) => html`<div dir=${args.locale === 'ar' ? 'rtl' : 'ltr'} style="max-width: ${args.width}px">
    <journey-painpoints
      src=${args.src}
      stages=${args.stages}
      metric=${args.metric}
      verbatims=${args.verbatims}
      min-n=${args.minN}
      locale=${args.locale}
      theme=${args.theme}
      filter=${args.filter}
      from=${args.from}
      to=${args.to}
    ></journey-painpoints>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Journey: Story = {};
export const CustomerEffort: Story = { args: { metric: 'ces' } };
export const SatisfactionByChannel: Story = { args: { metric: 'csat', filter: 'channel:Phone' } };
export const SuppressedSmallSegment: Story = { args: { filter: 'department:Ombudsman', from: '2025-04-01', to: '2025-06-30' } };
export const ArabicRightToLeft: Story = { args: { locale: 'ar' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const NarrowCard: Story = { args: { width: 320 } };
export const StageTypo: Story = { args: { stages: 'Discover,Aply,Wait,Decision,Support' } };
export const NoStageColumn: Story = { args: { src: URL.createObjectURL(new Blob(['date,nps\n2024-01-01,9\n'], { type: 'text/csv' })) } };
