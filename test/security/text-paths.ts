/**
 * Every way hostile text reaches an element, as one list: test/security/xss.test.ts feeds the whole
 * XSS corpus through each entry, so a new element (or a new text path) is covered by adding it here.
 *
 * An entry takes a batch of payloads and renders them in as few fixtures as it can — many records
 * in one data set, many KPIs in one definition, many small elements in one fixture where the path
 * holds a single string (a file name, a `fields` attribute) — then opens what shows the text (table,
 * tooltip, drill-down, details, export) and returns the hosts to inspect. `shown` lists payloads
 * the path promises to show as text and where, for the checks that the text arrives intact.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/council-scorecard/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import { en } from '../../src/ui/locales/en.ts';
import { registerLocale, type Catalogue } from '../../src/ui/i18n.ts';
import type { NpsPeriodCounts } from '../../src/core/counts.ts';
import { laidOut, type CxHost } from '../a11y/elements.ts';

export interface Shown {
  readonly host: CxHost;
  readonly payload: string;
  /** A selector inside the host's shadow root whose text (or, with `attribute`, whose attribute) holds the payload; none: the whole shadow root. */
  readonly selector?: string;
  readonly attribute?: string;
}

export interface Rendered {
  readonly hosts: readonly CxHost[];
  readonly shown: readonly Shown[];
  /** What the path exported (CSV text), to check like the DOM. */
  readonly exports: readonly string[];
  /** Text checks the path made itself while it went (drill-downs replace one another). */
  readonly inlineChecks?: number;
}

export interface TextPath {
  readonly tag: keyof HTMLElementTagNameMap;
  readonly name: string;
  /** How many payloads one render takes (the corpus is cut into batches of this size). */
  readonly batch: number;
  render(payloads: readonly string[]): Promise<Rendered>;
}

// --- helpers ---------------------------------------------------------------------------------

const root = (el: Element) => el.shadowRoot!;
const collapse = (text: string) => text.replace(/\s+/g, ' ');

async function settled(el: CxHost): Promise<CxHost> {
  await el.dataComplete;
  await el.updateComplete;
  return el;
}

async function one(template: TemplateResult): Promise<CxHost> {
  return settled(await fixture<CxHost>(template));
}

/** Many small elements in one fixture; resolves once every one has loaded or failed. */
async function many(templates: readonly TemplateResult[]): Promise<CxHost[]> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>${templates}</div>`);
  const hosts = [...wrapper.children] as CxHost[];
  await Promise.all(hosts.map(settled));
  return hosts;
}

async function click(el: CxHost, selector: string): Promise<void> {
  const target = root(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`<${el.localName}> has no ${selector} to click`);
  target.click();
  await el.updateComplete;
}

async function focusFirst(el: CxHost, selector: string): Promise<void> {
  root(el).querySelector<HTMLElement>(selector)?.focus();
  await el.updateComplete;
}

/** Clicks the scorecard's export button and returns the CSV it would download, without downloading. */
async function exportCsv(el: CxHost): Promise<string> {
  const blobs: Blob[] = [];
  const createObjectURL = URL.createObjectURL;
  const anchorClick = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return createObjectURL.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function () {};
  try {
    await click(el, '[part=export-button]');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = anchorClick;
  }
  if (blobs.length !== 1) throw new Error(`the export made ${blobs.length} files, not 1`);
  return blobs[0]!.text();
}

const day = (i: number) => `2025-06-${String((i % 28) + 1).padStart(2, '0')}`;

const counts = (period: string, promoters: number, passives: number, detractors: number): NpsPeriodCounts => ({ period, promoters, passives, detractors });
const MONTHLY: readonly NpsPeriodCounts[] = ['2024-01', '2024-02', '2024-03'].map((period) => counts(period, 30, 20, 10));

/** Payloads that contain none of the separators a field, filter or list attribute splits on. */
const isPlain = (payload: string) => payload.length < 200 && !/[,:;|\u0000]/.test(payload) && payload.trim() === payload;

// --- nps-trend -------------------------------------------------------------------------------

/** Records whose category values and column names are the payloads: each payload is a column of its own, holding itself. */
function npsRecords(payloads: readonly string[]): Record<string, unknown>[] {
  return payloads.flatMap((payload, i) =>
    Array.from({ length: 8 }, (_, k) => ({ date: `2024-0${(k % 3) + 1}-${String((i % 27) + 1).padStart(2, '0')}`, nps: (i + k) % 11, department: payload, [payload]: payload })),
  );
}

const npsTrend: TextPath[] = [
  {
    tag: 'nps-trend',
    name: 'category values and column names in records; table, tooltip, legend',
    batch: 400,
    async render(payloads) {
      const el = await one(html`<nps-trend target="10" .data=${npsRecords(payloads)}></nps-trend>`);
      await laidOut(el);
      await click(el, '[part=table-toggle]');
      await focusFirst(el, '.point[tabindex="0"]');
      return { hosts: [el], shown: [], exports: [] };
    },
  },
  {
    tag: 'nps-trend',
    name: 'filter values (property and attribute)',
    batch: 60,
    async render(payloads) {
      const data = npsRecords(payloads);
      const byProperty = await one(html`<nps-trend .data=${data} .filter=${{ segment: { department: [...payloads] }, stage: [...payloads] }}></nps-trend>`);
      const byAttribute = await many(payloads.map((payload) => html`<nps-trend .counts=${MONTHLY} filter=${`department:${payload}`}></nps-trend>`));
      return { hosts: [byProperty, ...byAttribute], shown: [], exports: [] };
    },
  },
  {
    tag: 'nps-trend',
    name: 'label (ARIA) attribute',
    batch: 80,
    async render(payloads) {
      const hosts = await many(payloads.map((payload) => html`<nps-trend .counts=${MONTHLY} label=${payload}></nps-trend>`));
      return { hosts, shown: [], exports: [] };
    },
  },
  {
    tag: 'nps-trend',
    name: 'file names in error messages (src)',
    batch: 60,
    async render(payloads) {
      const hosts = await many(payloads.map((payload) => html`<nps-trend src=${payload.length > 2000 ? `/no-such/${payload}` : payload}></nps-trend>`));
      return { hosts, shown: [], exports: [] };
    },
  },
];

// --- journey-painpoints ----------------------------------------------------------------------

/** Each payload a stage of its own, with seven answers (five of them negative) whose comment, theme and segment are payloads too. */
function journeyRecords(payloads: readonly string[]): Record<string, unknown>[] {
  return payloads.flatMap((payload, i) =>
    Array.from({ length: 7 }, (_, k) => ({
      respondent: `r${i}-${k}`,
      date: day(i + k),
      nps: k < 5 ? k : 9 + (k % 2),
      stage: payload,
      comment: k < 5 ? payload : `fine ${payload}`,
      theme: payload,
      [payload]: payload,
    })),
  );
}

async function openDrilldown(el: CxHost, index: number): Promise<void> {
  const stage = root(el).querySelector<HTMLElement>(`[part=stage][data-index="${index}"]`);
  if (!stage) throw new Error(`<journey-painpoints> has no stage ${index}`);
  stage.click();
  await el.updateComplete;
  await waitUntil(() => root(el).querySelector('[part=drilldown]') && !root(el).querySelector('[part=drilldown] [role=status]'), `the details of stage ${index} never loaded`, { timeout: 5000 });
  await el.updateComplete;
}

const journey: TextPath[] = [
  {
    tag: 'journey-painpoints',
    name: 'stage names, comments, themes, category values and column names in records; chart, tooltip, table, drill-down',
    batch: 110,
    async render(payloads) {
      const el = await one(html`<journey-painpoints verbatims="50" .data=${journeyRecords(payloads)}></journey-painpoints>`);
      await laidOut(el);
      await click(el, '[part=table-toggle]');
      await focusFirst(el, '[part=stage][tabindex="0"]');
      const stageCount = root(el).querySelectorAll('[part=stage]').length;
      if (stageCount !== payloads.length) throw new Error(`${payloads.length} stages fed, ${stageCount} drawn`);
      const shown: Shown[] = [];
      let inlineChecks = 0;
      // Every stage's drill-down: its name as the heading, its comments as verbatims, its theme.
      for (let index = 0; index < stageCount; index++) {
        await openDrilldown(el, index);
        // The heading holds exactly one stage's name: a payload, whole and as text.
        const title = root(el).querySelector('#drill-title')!.textContent!.trim();
        if (!payloads.some((payload) => payload.trim() === title)) throw new Error(`the drill-down of stage ${index} is titled "${title.slice(0, 80)}", which is no stage fed`);
        const verbatims = [...root(el).querySelectorAll('[part=verbatims] blockquote')].map((quote) => quote.textContent!.trim());
        if (!verbatims.length) throw new Error(`the drill-down of stage ${index} shows no comments`);
        // Its comments were the payload too, and plain text survives redaction untouched.
        if (isPlain(title)) {
          if (!verbatims.map(collapse).includes(collapse(title))) throw new Error(`the drill-down of "${title}" does not quote it as text`);
          if (!collapse(root(el).querySelector('[part=themes]')?.textContent ?? '').includes(collapse(title))) throw new Error(`the drill-down of "${title}" does not show it as a theme`);
          inlineChecks += 2;
        }
      }
      const plain = payloads.filter(isPlain).slice(0, 5);
      for (const payload of plain) shown.push({ host: el, payload, selector: '[part=table]' }, { host: el, payload, selector: '[part=stages]' });
      return { hosts: [el], shown, exports: [], inlineChecks };
    },
  },
  {
    tag: 'journey-painpoints',
    name: 'filter values and stage order',
    batch: 110,
    async render(payloads) {
      const data = journeyRecords(payloads);
      const plain = payloads.filter(isPlain);
      const filtered = await one(html`<journey-painpoints .data=${data} stages=${plain.join(',')} .filter=${{ stage: [...payloads], segment: { [payloads[0]!]: [...payloads] } }}></journey-painpoints>`);
      const byAttribute = await many(payloads.slice(0, 40).map((payload) => html`<journey-painpoints .data=${data.slice(0, 14)} filter=${`stage:${payload}`}></journey-painpoints>`));
      return { hosts: [filtered, ...byAttribute], shown: [], exports: [] };
    },
  },
  {
    tag: 'journey-painpoints',
    name: 'field (column) names in the fields attribute and its error message',
    batch: 60,
    async render(payloads) {
      const data = journeyRecords(payloads.slice(0, 3));
      const hosts = await many(payloads.map((payload, i) => html`<journey-painpoints .data=${data} fields=${i % 2 ? payload : `comment:${payload}`}></journey-painpoints>`));
      return { hosts, shown: [], exports: [] };
    },
  },
];

// --- council-scorecard -----------------------------------------------------------------------

const SERIES = [
  { date: '2025-04-30', value: 88 },
  { date: '2025-05-31', value: 91 },
  { date: '2025-06-30', value: 80 },
];

function council(name: string, kpis: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { council: { name, cadence: 'monthly', asOf: '2025-07-10', periods: 3 }, kpis };
}

/** A valid KPI per payload: its label, owner, note and action texts are the payload. */
function validKpis(payloads: readonly string[]): Record<string, unknown>[] {
  return payloads.map((payload, i) => ({
    id: `k${i}`,
    label: i % 3 === 0 ? { en: payload, ar: payload } : payload,
    unit: '%',
    direction: 'higher-is-better',
    target: 90,
    tolerance: 5,
    owner: payload,
    note: payload,
    lastReviewed: '2025-01-01',
    due: '2025-06-30',
    source: { series: SERIES },
    actions: [{ title: payload, owner: payload, due: '2025-06-01', status: 'open' }],
  }));
}

/** Feedback records whose department is each payload, for KPIs filtered on it. */
function feedbackRecords(payloads: readonly string[]): Record<string, unknown>[] {
  return payloads.flatMap((payload, i) => Array.from({ length: 6 }, (_, k) => ({ respondent: `f${i}-${k}`, date: day(i + k), nps: (i + k) % 11, department: payload })));
}

const scorecard: TextPath[] = [
  {
    tag: 'council-scorecard',
    name: 'council name, KPI labels, owners, notes and actions; table, details, cards, export',
    batch: 110,
    async render(payloads) {
      const definition = council(payloads[0]!, validKpis(payloads));
      const el = await one(html`<council-scorecard .definition=${definition}></council-scorecard>`);
      await click(el, '[part=toolbar] button[aria-pressed]');
      const csv = await exportCsv(el);
      const compact = await one(html`<council-scorecard compact group-by="owner" .definition=${definition}></council-scorecard>`);
      await click(compact, '[part=toolbar] button[aria-pressed]');
      const plain = payloads.filter(isPlain).slice(0, 5);
      const shown: Shown[] = plain.flatMap((payload) => [
        { host: el, payload, selector: '[part=table]' },
        { host: compact, payload },
      ]);
      return { hosts: [el, compact], shown, exports: [csv] };
    },
  },
  {
    tag: 'council-scorecard',
    name: 'invalid KPIs (ids, units, cadences, labels in problem messages), filter values, source file names',
    batch: 110,
    async render(payloads) {
      const kpis = payloads.flatMap((payload, i) => [
        { id: payload, label: payload, unit: payload, direction: payload, target: payload, cadence: payload, owner: payload, source: { series: SERIES } },
        { id: `m${i}`, label: payload, unit: 'score', direction: 'higher-is-better', target: 30, owner: payload, source: { metric: 'nps', filter: `department:${payload}|${payload}x` } },
        ...(i < 15 ? [{ id: `u${i}`, label: payload, unit: 'min', direction: 'lower-is-better', target: 5, owner: payload, source: { url: `/no-such/${payload}.csv`, date: payload, value: payload, aggregation: 'median' } }] : []),
      ]);
      const el = await one(html`<council-scorecard .definition=${council(payloads[1] ?? payloads[0]!, kpis)} .data=${feedbackRecords(payloads)}></council-scorecard>`);
      await click(el, '[part=toolbar] button[aria-pressed]');
      const csv = await exportCsv(el);
      const broken = await many(payloads.slice(0, 20).map((payload) => html`<council-scorecard .definition=${{ council: { name: payload, cadence: payload }, kpis: [] }}></council-scorecard>`));
      return { hosts: [el, ...broken], shown: [], exports: [csv] };
    },
  },
];

// --- every element: a hostile catalogue ------------------------------------------------------

/** A made-up language whose every message is a payload followed by the English text (so its parameters still fill in). */
export const HOSTILE_LOCALE = 'qx';

function hostileCatalogue(payloads: readonly string[]): Partial<Catalogue> {
  const catalogue: Record<string, unknown> = {};
  Object.entries(en).forEach(([key, message], i) => {
    const payload = payloads[i % payloads.length]!;
    catalogue[key] = typeof message === 'string' ? `${payload} ${message}` : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, `${payload} ${text}`]));
  });
  return catalogue as Partial<Catalogue>;
}

const locale: TextPath = {
  tag: 'council-scorecard',
  name: 'locale strings from registerLocale (every element, loaded and failed)',
  batch: 400,
  async render(payloads) {
    registerLocale(HOSTILE_LOCALE, hostileCatalogue(payloads));
    const l = HOSTILE_LOCALE;
    const journeyData = journeyRecords(['Apply', 'Wait', 'Decide']);
    const definition = council('Service Council', validKpis(['Applications accepted', 'Complaints answered']));
    const hosts = await many([
      html`<nps-trend locale=${l} target="10" .counts=${MONTHLY}></nps-trend>`,
      html`<nps-trend locale=${l} src="/no-such/file.csv"></nps-trend>`,
      html`<journey-painpoints locale=${l} .data=${journeyData}></journey-painpoints>`,
      html`<journey-painpoints locale=${l} fields="nope"></journey-painpoints>`,
      html`<council-scorecard locale=${l} .definition=${definition}></council-scorecard>`,
      html`<council-scorecard locale=${l} .definition=${{ council: { name: 'x' }, kpis: [] }}></council-scorecard>`,
    ]);
    const [trend, , journeyHost, , scorecardHost] = hosts as [CxHost, CxHost, CxHost, CxHost, CxHost];
    await click(trend, '[part=table-toggle]');
    await focusFirst(trend, '.point[tabindex="0"]');
    await click(journeyHost, '[part=table-toggle]');
    await openDrilldown(journeyHost, 0);
    await click(scorecardHost, '[part=toolbar] button[aria-pressed]');
    const csv = await exportCsv(scorecardHost);
    // The open table's toggle says the catalogue's "Hide table", payload and all.
    const toggle = hostileCatalogue(payloads)['table.hide' as keyof Catalogue];
    const shown: Shown[] = typeof toggle === 'string' ? [{ host: trend, payload: toggle, selector: '[part=table-toggle]' }] : [];
    return { hosts, shown, exports: [csv] };
  },
};

export const TEXT_PATHS: readonly TextPath[] = [...npsTrend, ...journey, ...scorecard, locale];
