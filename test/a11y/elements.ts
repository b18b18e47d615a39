/**
 * Every element and every state it can be in, as one list: the accessibility checks in this folder
 * (axe, contrast, forced colours, reduced motion, reflow) loop over it, so an element added here is
 * covered by all of them. Each state renders itself into a fresh fixture, waits until it is drawn
 * (`dataComplete`, then whatever the interaction needs) and fails if it did not end in that state,
 * so no check can pass by looking at an empty element.
 *
 * The data are small (a few thousand generated rows) and made once per page; elements that show the
 * same data share one source in the engine.
 */
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/council-scorecard/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import type { NpsPeriodCounts } from '../../src/core/counts.ts';
import { SAMPLE_COLUMNS, generateFeedbackCsvText, generateFeedbackRows } from '../../src/sample/generate.ts';
import { serviceCouncil } from '../fixtures/service-council.ts';

export type Theme = 'light' | 'dark' | 'high-contrast';
export const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];

export interface StateOptions {
  readonly locale?: string;
  readonly theme?: Theme;
}

/** What every cx element offers the tests. */
export type CxHost = HTMLElement & {
  readonly dataComplete: Promise<void>;
  readonly updateComplete: Promise<boolean>;
  theme: string;
  locale?: string;
};

export interface ElementState {
  readonly name: string;
  /** Renders the state into a fresh fixture and resolves once it is on screen. */
  render(options?: StateOptions): Promise<CxHost>;
}

export interface ElementUnderTest {
  readonly tag: keyof HTMLElementTagNameMap;
  readonly states: readonly ElementState[];
}

// --- data -------------------------------------------------------------------------------------

const SAMPLE = { seed: 9, rows: 3_000, start: '2024-07-01', months: 12 } as const;

/** A year of generated answers (about a third duplicates, 2 % broken rows) as a CSV file. */
const FEEDBACK_URL = URL.createObjectURL(new Blob([generateFeedbackCsvText(SAMPLE)], { type: 'text/csv' }));

/** The same kind of answers as records, for the scorecard's `data` (rows with a wrong field count are a CSV fault, left out). */
const FEEDBACK_RECORDS: readonly Record<string, string>[] = Array.from(generateFeedbackRows(SAMPLE))
  .filter((row) => row.length === SAMPLE_COLUMNS.length)
  .map((row) => Object.fromEntries(SAMPLE_COLUMNS.map((column, index) => [column, row[index]!])));

/** Answered only after a minute: long enough to look at the loading state, which is removed before. */
const SLOW_URL = '/__test/feedback?rows=30&delayMs=60000&token=a11y-loading';
const MISSING_URL = '/test/fixtures/no-such-file.csv';

const counts = (period: string, promoters: number, passives: number, detractors: number): NpsPeriodCounts => ({ period, promoters, passives, detractors });

/**
 * A year by month: March and July have 3 answers (below min-n 5) and are hidden; May rises and
 * September falls significantly, so both ▲ and ▼ are drawn.
 */
const MONTHLY_COUNTS: readonly NpsPeriodCounts[] = [
  counts('2024-01', 80, 60, 60),
  counts('2024-02', 85, 60, 55),
  counts('2024-03', 2, 1, 0),
  counts('2024-04', 80, 60, 60),
  counts('2024-05', 140, 40, 20),
  counts('2024-06', 130, 45, 25),
  counts('2024-07', 1, 1, 1),
  counts('2024-08', 125, 45, 30),
  counts('2024-09', 60, 60, 80),
  counts('2024-10', 70, 60, 70),
  counts('2024-11', 75, 65, 60),
  counts('2024-12', 90, 60, 50),
];

/** Every month below min-n: nothing may be drawn. */
const TINY_COUNTS: readonly NpsPeriodCounts[] = MONTHLY_COUNTS.slice(0, 4).map(({ period }) => counts(period, 1, 1, 1));

const JOURNEY_STAGES = 'Discover,Apply,Wait,Decision,Support';

/**
 * Per stage: answers and the share of detractors. Wait is significantly worse than the rest;
 * Decision has five rows but only three scores, too few to show.
 */
function journeyRecords(): Record<string, unknown>[] {
  const plan: ReadonlyArray<readonly [string, number, number, string]> = [
    ['Discover', 200, 0.1, 'The portal search did not find the form'],
    ['Apply', 150, 0.4, 'The upload failed twice and the form timed out'],
    ['Wait', 180, 0.7, 'Long queue, nobody answered the phone'],
    ['Support', 120, 0.25, 'Staff were friendly but slow'],
  ];
  const records: Record<string, unknown>[] = [];
  for (const [stage, answers, painShare, complaint] of plan) {
    for (let i = 0; i < answers; i++) {
      const pain = i < answers * painShare;
      const nps = pain ? i % 7 : 7 + (i % 4);
      records.push({
        respondent: `${stage}-${i}@example.org`,
        date: `2024-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
        nps,
        csat: pain ? 1 + (i % 2) : 4 + (i % 2),
        stage,
        comment: pain && i % 3 === 0 ? complaint : '',
      });
    }
  }
  for (let i = 0; i < 5; i++) records.push({ respondent: `Decision-${i}@example.org`, date: '2024-03-0' + (i + 1), nps: i < 3 ? 2 : null, stage: 'Decision', comment: '' });
  // A duplicate and a broken date, so the data-quality badge has something to report.
  records.push({ ...records[0] });
  records.push({ respondent: 'late@example.org', date: 'yesterday', nps: 9, stage: 'Wait', comment: '' });
  return records;
}
const JOURNEY_RECORDS = journeyRecords();

/** The scorecard tests' council (every status, error rows) with six periods, and a KPI note to draw. */
const COUNCIL = (() => {
  const council = serviceCouncil() as { council: { periods: number }; kpis: Record<string, unknown>[] };
  council.council.periods = 6;
  council.kpis.find((kpi) => kpi.id === 'complaints')!.note = 'Counted from the case system.';
  return council;
})();

// --- rendering --------------------------------------------------------------------------------

const root = (el: Element) => el.shadowRoot!;

/** Fails the state, not the check, when an element did not end where the state says. */
function shows(el: CxHost, selector: string, state: string): void {
  if (!root(el).querySelector(selector)) throw new Error(`<${el.localName}> in state "${state}" shows no ${selector}`);
}

/**
 * Resolves once the element has drawn itself at its current width. It learns the width from a
 * ResizeObserver and applies it a frame later: an observer made after the element's is told in the
 * same frame, and a frame requested after that runs after the element's.
 */
export async function laidOut(el: CxHost): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(el);
  });
  await nextFrame();
  await el.updateComplete;
}

async function settle(template: TemplateResult): Promise<CxHost> {
  const el = await fixture<CxHost>(template);
  await el.dataComplete;
  await laidOut(el);
  return el;
}

async function click(el: CxHost, selector: string): Promise<void> {
  const target = root(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`<${el.localName}> has no ${selector} to click`);
  target.click();
  await el.updateComplete;
}

/** Keyboard focus as a keyboard user leaves it: `:focus-visible`, with what the element shows for it. */
async function focus(el: CxHost, selector: string): Promise<void> {
  const target = root(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`<${el.localName}> has no ${selector} to focus`);
  target.focus({ focusVisible: true } as FocusOptions);
  await el.updateComplete;
}

/** A state: render, then `then` (interactions, waiting), then prove the state with `proof`. */
function state(name: string, template: (o: Required<StateOptions>) => TemplateResult, proof: string, then?: (el: CxHost) => Promise<void>): ElementState {
  return {
    name,
    async render({ locale = 'en', theme = 'light' } = {}) {
      const el = await settle(template({ locale, theme }));
      await then?.(el);
      shows(el, proof, name);
      return el;
    },
  };
}

/** The loading state: a source that answers only after the test has looked. */
function loading(template: (o: Required<StateOptions>) => TemplateResult): ElementState {
  return {
    name: 'loading',
    async render({ locale = 'en', theme = 'light' } = {}) {
      const el = await fixture<CxHost>(template({ locale, theme }));
      await waitUntil(() => root(el).querySelector('[part=status] progress'), 'the loading state never showed', { timeout: 5000 });
      return el;
    },
  };
}

// --- the list ---------------------------------------------------------------------------------

export const ELEMENTS: readonly ElementUnderTest[] = [
  {
    tag: 'nps-trend',
    states: [
      state('loaded', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} src=${FEEDBACK_URL} target="20"></nps-trend>`, 'svg[part=chart] .point'),
      state('suppressed', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} target="30" .counts=${MONTHLY_COUNTS}></nps-trend>`, '.gap'),
      state('point focused', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} target="30" .counts=${MONTHLY_COUNTS}></nps-trend>`, '[part=tooltip]', (el) =>
        focus(el, '.point[tabindex="0"]'),
      ),
      state('table open', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} target="30" .counts=${MONTHLY_COUNTS}></nps-trend>`, '[part=table] tr.suppressed', (el) =>
        click(el, '[part=table-toggle]'),
      ),
      state('quality report open', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} src=${FEEDBACK_URL}></nps-trend>`, '[part=quality-report]', (el) =>
        click(el, '[part=quality-badge]'),
      ),
      state('all suppressed', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} .counts=${TINY_COUNTS}></nps-trend>`, '[part=status].empty'),
      state('empty', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme}></nps-trend>`, '[part=status].empty'),
      state('error', (o) => html`<nps-trend locale=${o.locale} theme=${o.theme} src=${MISSING_URL}></nps-trend>`, '[part=status].error'),
      loading((o) => html`<nps-trend locale=${o.locale} theme=${o.theme} src=${SLOW_URL}></nps-trend>`),
    ],
  },
  {
    tag: 'journey-painpoints',
    states: [
      state('loaded', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '.stage.suppressed'),
      state('stage focused', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '.stage:focus-visible', (el) =>
        focus(el, '.stage[tabindex="0"]'),
      ),
      state('details open', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '[part=verbatims]', async (el) => {
        await click(el, '.stage.worse');
        await waitUntil(() => root(el).querySelector('[part=drilldown]') && !root(el).querySelector('[part=drilldown] [role=status]'), 'the details never loaded', { timeout: 5000 });
        await el.updateComplete;
      }),
      state('table open', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '[part=table] tr.suppressed', (el) =>
        click(el, '[part=table-toggle]'),
      ),
      state('quality report open', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '[part=quality-report]', (el) =>
        click(el, '[part=quality-badge]'),
      ),
      state('narrow list', (o) => html`<journey-painpoints style="max-width: 360px" locale=${o.locale} theme=${o.theme} stages=${JOURNEY_STAGES} .data=${JOURNEY_RECORDS}></journey-painpoints>`, '.stages.list .list-bar', async (el) => {
        // The width arrives by ResizeObserver, one frame after the first render.
        await waitUntil(() => root(el).querySelector('.stages.list'), 'never switched to the list', { timeout: 5000 });
        await el.updateComplete;
      }),
      state('empty', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme}></journey-painpoints>`, '[part=status].empty'),
      state('error', (o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} src=${MISSING_URL}></journey-painpoints>`, '[part=status].error'),
      loading((o) => html`<journey-painpoints locale=${o.locale} theme=${o.theme} src=${SLOW_URL}></journey-painpoints>`),
    ],
  },
  {
    tag: 'council-scorecard',
    states: [
      state('loaded', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, '[part=error-row]'),
      state('details open', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, 'tr.details:not([hidden]), .card .details:not([hidden])', (el) =>
        click(el, '[part=toolbar] button[aria-pressed]'),
      ),
      state('grouped by status', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} group-by="status" .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, 'tr.group, h3.group'),
      state('cards', (o) => html`<council-scorecard compact locale=${o.locale} theme=${o.theme} .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, '.card [part=status-pill]'),
      state('kpi focused', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, '[part=kpi]:focus-visible', (el) =>
        focus(el, '[part=kpi]'),
      ),
      state('quality report open', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} .definition=${COUNCIL} .data=${FEEDBACK_RECORDS}></council-scorecard>`, '[part=quality-report]', (el) =>
        click(el, '[part=quality-badge]'),
      ),
      state('empty', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme}></council-scorecard>`, '[part=status].empty'),
      state('error', (o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} .definition=${{ council: { name: 'Service Council' }, kpis: [] }}></council-scorecard>`, '[part=status].error'),
      loading((o) => html`<council-scorecard locale=${o.locale} theme=${o.theme} feedback-src=${SLOW_URL} .definition=${COUNCIL}></council-scorecard>`),
    ],
  },
];
