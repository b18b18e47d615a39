import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/nps-trend/index.ts';
import { generateFeedbackCsvText } from '../src/sample/generate.ts';

/** One seeded sample, as a Blob URL, so every story reads real CSV through the worker. */
const sampleUrl = URL.createObjectURL(new Blob([generateFeedbackCsvText({ seed: 42, rows: 20_000 })], { type: 'text/csv' }));

interface Args {
  interval: string;
  target?: number;
  minN: number;
  locale: string;
  theme: string;
  showCi: boolean;
  filter: string;
  src: string;
}

const meta: Meta<Args> = {
  title: 'Elements/nps-trend',
  component: 'nps-trend',
  args: { interval: 'month', target: 40, minN: 5, locale: 'en', theme: 'light', showCi: true, filter: '', src: sampleUrl },
  argTypes: {
    interval: { control: 'select', options: ['day', 'week', 'month', 'quarter', 'year'] },
    locale: { control: 'select', options: ['en', 'ar'] },
    theme: { control: 'select', options: ['light', 'dark', 'auto'] },
    src: { control: false },
  },
  render: (args) => html`<div dir=${args.locale === 'ar' ? 'rtl' : 'ltr'} style="max-width: 900px">
    <nps-trend
      src=${args.src}
      interval=${args.interval}
      target=${args.target ?? ''}
      min-n=${args.minN}
      locale=${args.locale}
      theme=${args.theme}
      show-ci=${args.showCi ? 'true' : 'false'}
      filter=${args.filter}
    ></nps-trend>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Monthly: Story = {};
export const Quarterly: Story = { args: { interval: 'quarter', target: 30 } };
export const SuppressedSmallSegment: Story = { args: { filter: 'department:Ombudsman' } };
export const ArabicRightToLeft: Story = { args: { locale: 'ar', interval: 'quarter' } };
export const Dark: Story = { args: { theme: 'dark', interval: 'week', showCi: false } };
export const NotFound: Story = { args: { src: 'does-not-exist.csv' } };
