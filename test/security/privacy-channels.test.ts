/**
 * Privacy in every channel (issue 8, part 6). Each element is driven over data where some groups are
 * below min-n (30 here) and one more is hidden by complementary suppression; the suppressed groups
 * have distinctive counts, scores and comments. None of them may reach:
 *  - the messages the worker posts to the page: every `message` event of every Worker and
 *    MessagePort on the page is recorded before any element starts the engine, and each payload is
 *    walked recursively (objects, arrays, Maps, typed arrays, strings);
 *  - the DOM (text of every shadow root) and ARIA attributes;
 *  - `cx-select` and `cx-load` event details;
 *  - exports: each element's CSV, and the text and labels of its SVG where it draws one.
 * Each test also proves the recorder saw the shown numbers, so a silent recorder cannot pass.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/council-scorecard/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import { estimateNps, type NpsCounts } from '../../src/core/nps.ts';
import { estimateProportion } from '../../src/core/proportions.ts';
import { engineClient } from '../../src/worker/client.ts';

// --- recording what the worker says -----------------------------------------------------------

const received: unknown[] = [];
const recorded = new WeakSet<EventTarget>();
const record = (event: Event) => received.push((event as MessageEvent).data);
for (const proto of [Worker.prototype, MessagePort.prototype]) {
  const original = proto.addEventListener;
  proto.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
    if (type === 'message' && !recorded.has(this)) {
      recorded.add(this);
      original.call(this, 'message', record);
    }
    return (original as (...args: unknown[]) => void).call(this, type, ...rest);
  } as typeof proto.addEventListener;
}

type Leaf = number | string;

/** Every number and string inside a structured-clone payload, typed arrays included. */
function leaves(value: unknown, out: Leaf[] = [], seen = new Set<unknown>()): Leaf[] {
  if (typeof value === 'number' || typeof value === 'string') out.push(value);
  else if (typeof value === 'bigint') out.push(Number(value));
  else if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  else if (ArrayBuffer.isView(value)) {
    if (!(value instanceof DataView)) for (const item of Array.from(value as unknown as ArrayLike<number>)) out.push(Number(item));
  } else if (value instanceof ArrayBuffer) {
    if (value.byteLength % 8 === 0) for (const item of new Float64Array(value)) out.push(item);
    for (const item of new Int32Array(value, 0, value.byteLength >> 2)) out.push(item);
  } else {
    seen.add(value);
    const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
    for (const child of children) leaves(child, out, seen);
  }
  return out;
}

/** What must never appear: exact numbers (payloads), whole-number tokens (text) and substrings. */
interface Secrets {
  readonly numbers: readonly number[];
  readonly tokens: readonly string[];
  readonly texts: readonly string[];
}

function leaks(found: readonly Leaf[], secrets: Secrets): string[] {
  const numbers = new Set(secrets.numbers);
  const tokens = new Set(secrets.tokens);
  const problems: string[] = [];
  for (const leaf of found) {
    if (typeof leaf === 'number') {
      if (numbers.has(leaf)) problems.push(`number ${leaf}`);
    } else {
      for (const text of secrets.texts) if (leaf.includes(text)) problems.push(`text "${text}" in "${leaf.slice(0, 80)}"`);
      // Numbers standing alone (not the digits inside an id such as Comlink's "1ead4bfca16b72-…"); a comma
      // ends a number, so CSV cells stay apart. Each is compared as written and, in full, as a number.
      for (const word of leaf.match(/(?<![\w.])-?\d+(?:\.\d+)?(?![\w])/g) ?? []) {
        if (tokens.has(word.replace('-', ''))) problems.push(`token ${word} in "${leaf.slice(0, 80)}"`);
        else if (numbers.has(Number(word))) problems.push(`number ${word} in "${leaf.slice(0, 80)}"`);
      }
    }
  }
  return problems;
}

/** Text a user or a screen reader can get: text nodes and ARIA/title attributes, through every shadow root. */
function visibleText(root: Node, out: string[] = []): string[] {
  for (const node of [root, ...(root instanceof Element && root.shadowRoot ? [root.shadowRoot] : [])]) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let current: Node | null = walker.currentNode; current; current = walker.nextNode()) {
      if (current.nodeType === Node.TEXT_NODE) out.push(current.textContent ?? '');
      else if (current instanceof Element) {
        for (const attribute of current.attributes) if (/^(aria-|title$|alt$|placeholder$|data-tooltip)/.test(attribute.name)) out.push(attribute.value);
        if (current !== root && current.shadowRoot) visibleText(current.shadowRoot, out);
      }
    }
  }
  return out;
}

/**
 * The forbidden numbers of a hidden NPS group: count, score and interval exactly (payloads), count
 * and score as a page would round them (text). The data below are chosen so that no shown group
 * rounds to the same tokens.
 */
function npsSecrets(counts: NpsCounts, negative = false): Secrets {
  const estimate = estimateNps(counts)!;
  const pain = estimateProportion(counts.detractors, estimate.n)!;
  // Promoter, passive and detractor counts are small numbers shown groups have too; n and the doubles are not.
  const numbers = [estimate.n, estimate.nps, estimate.lower, estimate.upper];
  const tokens = [String(estimate.n), ...[0, 1, 2].map((digits) => Math.abs(estimate.nps).toFixed(digits))];
  if (negative) {
    numbers.push(pain.share, pain.lower, pain.upper, pain.share * 100, pain.lower * 100, pain.upper * 100);
    tokens.push(String(Math.round(pain.share * 100)));
  }
  return { numbers, tokens, texts: [] };
}

const merge = (...all: Secrets[]): Secrets => ({ numbers: all.flatMap((s) => s.numbers), tokens: all.flatMap((s) => s.tokens), texts: all.flatMap((s) => s.texts) });

// --- data ---------------------------------------------------------------------------------------

let respondent = 0;
/** `promoters` 10s, `passives` 8s, `detractors` 2s on days 1–28 of a month, with comments on some detractors. */
function answers(month: string, counts: NpsCounts, extra: Record<string, unknown> = {}, comment = ''): Record<string, unknown>[] {
  const scores = [...Array(counts.promoters).fill(10), ...Array(counts.passives).fill(8), ...Array(counts.detractors).fill(2)] as number[];
  return scores.map((nps, i) => ({
    respondent: `r${respondent++}@example.org`,
    date: `${month}-${String((i % 28) + 1).padStart(2, '0')}`,
    nps,
    comment: nps === 2 && comment && i % 2 === 0 ? comment : '',
    ...extra,
  }));
}

const MIN_N = 30;
const events: unknown[] = [];
const listen = (el: Element) => {
  for (const type of ['cx-select', 'cx-load', 'cx-error']) el.addEventListener(type, (event) => events.push((event as CustomEvent).detail));
};
const root = (el: Element) => el.shadowRoot!;

function expectNoLeak(where: string, found: readonly Leaf[], secrets: Secrets): void {
  expect(leaks(found, secrets), where).to.deep.equal([]);
}

function checkAllChannels(el: HTMLElement, secrets: Secrets, shownN: number): void {
  const messages = leaves(received);
  expect(messages, 'the recorder saw the shown answers (it is recording)').to.include(shownN);
  expectNoLeak('worker messages', messages, secrets);
  expectNoLeak('DOM text and ARIA', visibleText(el), secrets);
  expectNoLeak('event details', leaves(events), secrets);
  const exporter = el as { exportCsv?: () => string | null; exportSvg?: () => string | null };
  expect(exporter.exportCsv, 'the element exports CSV').to.be.a('function');
  const csv = exporter.exportCsv!.call(el);
  expect(csv, 'a CSV export').to.be.a('string');
  expectNoLeak('CSV export', [csv!], secrets);
  const svg = exporter.exportSvg?.call(el);
  if (svg) {
    // Coordinates are numbers too: only the SVG's text and labels are what a reader gets.
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    expectNoLeak('SVG export', visibleText(parsed), secrets);
  }
}

beforeEach(() => {
  received.length = 0;
  events.length = 0;
});

describe('privacy in every channel', () => {
  it('nps-trend: a suppressed month and the month hidden to protect it reach no channel', async () => {
    // Shown: Jan 61, Feb 83, May 94, Jun 71. March (27: NPS 100·10/27 = 37) is below 30; April (48,
    // the smallest other month) is hidden too, so the 384 accepted rows minus the shown 309 give 75.
    const march = { promoters: 15, passives: 7, detractors: 5 };
    const april = { promoters: 26, passives: 9, detractors: 13 };
    const records = [
      ...answers('2024-01', { promoters: 31, passives: 14, detractors: 16 }),
      ...answers('2024-02', { promoters: 44, passives: 21, detractors: 18 }),
      ...answers('2024-03', march),
      ...answers('2024-04', april),
      ...answers('2024-05', { promoters: 50, passives: 24, detractors: 20 }),
      ...answers('2024-06', { promoters: 35, passives: 19, detractors: 17 }),
    ];
    const el = await fixture<HTMLElement & { dataComplete: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<nps-trend style="width:640px" min-n=${MIN_N} @cx-load=${(e: CustomEvent) => events.push(e.detail)} .data=${records}></nps-trend>`,
    );
    listen(el);
    await el.dataComplete;
    root(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    for (const point of root(el).querySelectorAll('.point')) point.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).querySelectorAll('.point')).to.have.length(4);
    expect(events.length, 'cx-select fired for the shown months').to.be.at.least(4);
    checkAllChannels(el, merge(npsSecrets(march), npsSecrets(april)), 61);
  });

  it('journey-painpoints: a suppressed stage, the stage hidden with it and their comments reach no channel, details included', async () => {
    // Discover 64, Apply 57 shown; Decision 23 (below 30) and Wait (42, the smallest shown) hidden.
    const decision = { promoters: 12, passives: 2, detractors: 9 };
    const wait = { promoters: 13, passives: 9, detractors: 20 };
    const records = [
      ...answers('2024-03', { promoters: 40, passives: 10, detractors: 14 }, { stage: 'Discover' }, 'The search could not find the form'),
      ...answers('2024-03', { promoters: 20, passives: 12, detractors: 25 }, { stage: 'Apply' }, 'Call me at +48 601 234 567 or jan.kowalski@example.pl, the upload failed'),
      ...answers('2024-03', wait, { stage: 'Wait' }, 'WAIT-SECRET-456 nobody answered the phone'),
      ...answers('2024-03', decision, { stage: 'Decision' }, 'SECRET-VERBATIM-123 refused without a reason'),
    ];
    const el = await fixture<HTMLElement & { dataComplete: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<journey-painpoints min-n=${MIN_N} stages="Discover,Apply,Wait,Decision" @cx-load=${(e: CustomEvent) => events.push(e.detail)} .data=${records}></journey-painpoints>`,
    );
    listen(el);
    await el.dataComplete;
    expect(root(el).querySelectorAll('.stage.suppressed')).to.have.length(2);
    root(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    for (const name of ['Apply', 'Wait', 'Decision', 'Discover']) {
      const stage = [...root(el).querySelectorAll<HTMLElement>('.stage')].find((s) => s.querySelector('.name')?.textContent?.trim() === name)!;
      stage.click();
      await el.updateComplete;
      const shownStage = name === 'Apply' || name === 'Discover';
      const loaded = () => root(el).querySelector(shownStage ? '[part=verbatims]' : '[part=drilldown]') && !root(el).querySelector('[part=drilldown] p.status[role=status]');
      await waitUntil(loaded, `${name}: details never loaded`, { timeout: 5000 });
      await el.updateComplete;
      if (name === 'Apply') {
        const verbatims = root(el).querySelector('[part=verbatims]')?.textContent ?? '';
        expect(verbatims, 'the shown stage’s comment, redacted').to.contain('the upload failed');
      }
    }
    // The element never asks for a hidden stage's details; a page script asking the engine directly
    // must get nothing either (the worker's own check, not the element's).
    const key = (el as unknown as { sourceKey: string | null }).sourceKey!;
    const query = { metric: 'nps' as const, minN: MIN_N, stages: ['Discover', 'Apply', 'Wait', 'Decision'], fromDay: null, toDay: null, conditions: [] };
    for (const stage of ['Wait', 'Decision']) {
      const detail = await engineClient().queryStageDetail(key, { ...query, stage, verbatims: 50 });
      expect(detail, stage).to.deep.include({ suppressed: true, negativeComments: 0, themes: [], verbatims: [] });
    }
    const secrets = merge(npsSecrets(decision, true), npsSecrets(wait, true), {
      numbers: [],
      tokens: [],
      texts: ['SECRET-VERBATIM-123', 'WAIT-SECRET-456', '601 234 567', 'jan.kowalski', 'example.pl'],
    });
    checkAllChannels(el, secrets, 64);
  });

  it('council-scorecard: a suppressed KPI and the nested KPI that would give it back reach no channel, CSV included', async () => {
    // June: Tax 47 answers, Benefits 29 (below 30). NPS (all) 76 is shown; NPS Tax is hidden as well,
    // since 76 − 47 = 29 would give Benefits back.
    const tax = { promoters: 25, passives: 12, detractors: 10 };
    const benefits = { promoters: 16, passives: 4, detractors: 9 };
    const records = [...answers('2024-06', tax, { department: 'Tax' }), ...answers('2024-06', benefits, { department: 'Benefits' })];
    const kpi = (id: string, label: string, filter?: string) => ({
      id,
      label,
      unit: 'score',
      direction: 'higher-is-better',
      target: 20,
      tolerance: 5,
      owner: 'Chief customer officer',
      lastReviewed: '2024-07-01',
      source: { metric: 'nps', ...(filter ? { filter } : {}) },
    });
    const definition = {
      council: { name: 'Privacy council', cadence: 'monthly', asOf: '2024-07-10', periods: 3 },
      kpis: [kpi('nps', 'NPS'), kpi('nps-tax', 'NPS Tax', 'department:Tax'), kpi('nps-benefits', 'NPS Benefits', 'department:Benefits')],
    };
    const el = await fixture<HTMLElement & { dataComplete: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<council-scorecard min-n=${MIN_N} @cx-load=${(e: CustomEvent) => events.push(e.detail)} .definition=${definition} .data=${records}></council-scorecard>`,
    );
    listen(el);
    await el.dataComplete;
    for (const button of root(el).querySelectorAll<HTMLButtonElement>('button.kpi-name')) {
      button.click();
      await el.updateComplete;
    }
    expect(events.filter((d) => (d as { id?: string }).id).length, 'cx-select per KPI').to.equal(3);
    // NPS (all): 100·(41 − 19)/76 = 28.9, in the export.
    expect((el as unknown as { exportCsv(): string }).exportCsv()).to.match(/\b28\.9/);
    checkAllChannels(el, merge(npsSecrets(tax), npsSecrets(benefits)), 76);
  });
});
