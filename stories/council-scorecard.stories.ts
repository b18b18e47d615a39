import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/council-scorecard/index.ts';
import { generateApplicationsCsv, generateOutagesCsv } from '../src/sample/operations.ts';
import { clickInside } from './interact.ts';
import { renderElement, type ElementArgs } from './render.ts';
import { FEEDBACK_FILES, MISSING_FILE_URL, RECORD_SETS, SAMPLE_FEEDBACK_URL, choiceOf, csvUrl } from './sources.ts';

interface Kpi {
  readonly id: string;
  readonly [field: string]: unknown;
}
interface CouncilDefinition {
  readonly council: Record<string, unknown>;
  readonly feedback?: { readonly url: string };
  readonly kpis: readonly Kpi[];
}

/**
 * The gallery's council (demo/public/council.json), read as a file rather than imported as a module
 * so the same code runs under Vite and in web-test-runner (which serves JSON as JSON). Its file names
 * are relative to the gallery; here they point at the same seeded files, generated as Blob URLs.
 */
const galleryCouncil = (await (await fetch(new URL('../demo/public/council.json', import.meta.url))).json()) as CouncilDefinition;
const files: Readonly<Record<string, string>> = {
  'data/feedback.csv': SAMPLE_FEEDBACK_URL,
  'data/applications.csv': csvUrl(generateApplicationsCsv({ seed: 42 })),
  'data/outages.csv': csvUrl(generateOutagesCsv({ seed: 42 })),
};
const relinked = JSON.parse(JSON.stringify(galleryCouncil), (key, value: unknown) =>
  key === 'url' && typeof value === 'string' ? (files[value] ?? value) : value,
) as CouncilDefinition;

/** The gallery keeps one KPI with a unit the schema does not know, to show an error row; stories not about errors leave it out. */
const BROKEN_IN_GALLERY = 'call-handling-time';
const council: CouncilDefinition = { ...relinked, kpis: relinked.kpis.filter((kpi) => kpi.id !== BROKEN_IN_GALLERY) };

/** The gallery's broken KPI plus one whose file is missing: each gets its own error row, the rest still show. */
const withBrokenKpis: CouncilDefinition = {
  ...relinked,
  kpis: [
    ...relinked.kpis,
    {
      id: 'branch-wait',
      label: { en: 'Branch queue, median wait', ar: 'طابور الفروع، وسيط الانتظار' },
      unit: 'min',
      direction: 'lower-is-better',
      target: 10,
      owner: 'Head of Branch Network',
      lastReviewed: '2025-06-17',
      source: { url: new URL(MISSING_FILE_URL, document.baseURI).href, date: 'date', value: 'wait_minutes', aggregation: 'median' },
    },
  ],
};

const DEFINITIONS = {
  council: { label: 'The gallery’s council', value: council },
  'with-broken-kpis': { label: 'Council with two broken KPIs', value: withBrokenKpis },
  unreadable: { label: 'Unreadable (no cadence)', value: { council: { name: 'Service Council' }, kpis: [] } },
} as const;

const DEFINITION_FILES = {
  'council-json': { label: 'council.json (Blob URL)', value: URL.createObjectURL(new Blob([JSON.stringify(council)], { type: 'application/json' })) },
  'missing-file': { label: 'Missing file (404)', value: MISSING_FILE_URL },
} as const;

// Args are the element's attribute and property names from custom-elements.json; the controls and
// the Docs page (description, API tables) come from there too. Only the data choices are written here.
// (A doc comment here would replace the manifest's description on the Docs page.)
const meta: Meta<ElementArgs> = {
  title: 'Elements/council-scorecard',
  component: 'council-scorecard',
  render: renderElement,
  args: { definition: 'council' },
  argTypes: {
    definition: choiceOf(DEFINITIONS),
    src: choiceOf(DEFINITION_FILES),
    'feedback-src': choiceOf(FEEDBACK_FILES),
    data: choiceOf(RECORD_SETS),
  },
};
export default meta;

type Story = StoryObj<ElementArgs>;

/** The council as of 15 July 2025: status as icon and word, change with its significance, sparkline, flags. */
export const Council: Story = {};

/** While the feedback file streams in. The dev server never finishes this file. */
export const Loading: Story = { args: { 'feedback-src': 'held-open' }, tags: ['needs-dev-server'] };

/** The same definition read from a URL (`src`) instead of the `definition` property. */
export const FromSrc: Story = { args: { definition: undefined, src: 'council-json' } };

/** Worst status first. */
export const WorstFirst: Story = { args: { 'sort-by': 'status' } };

export const GroupedByOwner: Story = { args: { 'group-by': 'owner' } };

export const GroupedByStatus: Story = { args: { 'group-by': 'status' } };

/** One card per KPI (automatic below 880 px). */
export const Compact: Story = { args: { compact: true } };

export const ArabicRightToLeft: Story = { args: { locale: 'ar' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const HighContrast: Story = { args: { theme: 'high-contrast' } };

/** A KPI with a unit the schema does not know and one whose file is missing: error rows, the rest still show. */
export const BrokenKpi: Story = { args: { definition: 'with-broken-kpis' } };

/** `min-n` 30: the Ombudsman's KPI has too few answers to show a number. */
export const StricterSuppression: Story = { args: { 'min-n': 30 } };

/** Reviewed in the autumn: reviews overdue, due dates missed. */
export const LaterReview: Story = { args: { 'as-of': '2025-09-30' } };

/** Feedback rows from the `data` property instead of the definition's feedback file. */
export const FeedbackFromData: Story = { args: { data: 'sample' } };

/** A KPI's details: note, the current value's interval, actions, every period's value and the data quality. */
export const DetailsOpen: Story = {
  play: ({ canvasElement }) => clickInside(canvasElement, 'council-scorecard', '[part=kpi]'),
};

export const QualityReportOpen: Story = {
  play: ({ canvasElement }) => clickInside(canvasElement, 'council-scorecard', '[part=quality-badge]'),
};

/** No `definition` and no `src`. */
export const NoDefinition: Story = { args: { definition: undefined } };

export const DefinitionNotFound: Story = { args: { definition: undefined, src: 'missing-file' } };

/** A definition without the council's cadence: one error for the whole element, saying what is missing. */
export const UnreadableDefinition: Story = { args: { definition: 'unreadable' } };
