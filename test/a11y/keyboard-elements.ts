/**
 * The elements the keyboard and screen-reader checks walk through (test/a11y/keyboard.test.ts,
 * test/a11y/screen-reader.test.ts): per element, how to render it loaded with a small data set, its
 * tab stops in order, the items the arrow keys move between, its documented key map, the controls
 * Enter and Space must operate, and what its accessible names must say. Adding an entry here covers
 * a new element (or a new layout of one) in every check. The key maps are also the source of the
 * README's "Keyboard" tables.
 *
 * The visual checks keep their own list (test/a11y/elements.ts): different states matter there.
 */
import { html, type TemplateResult } from 'lit';
import '../../src/index.ts';

export type Locale = 'en' | 'ar';

/**
 * What a key does to the focused item. Moves are checked by geometry, not by the code's own notion of
 * order: `left`/`right` must land on the nearest item drawn to that side (so in right-to-left the
 * arrows follow the mirrored axis by construction), `next`/`previous` on the neighbour in the order
 * shown, `first`/`last` on the ends of that order.
 */
export type KeyAction = 'left' | 'right' | 'next' | 'previous' | 'first' | 'last' | 'select' | 'close';

export interface KeyBinding {
  /** The key as `sendKeys` presses it. */
  readonly key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'Enter' | 'Space' | 'Escape';
  /** How the README writes it. */
  readonly symbol: string;
  readonly action: KeyAction;
  /** What it does, for the README. */
  readonly does: string;
  /** How it differs in right-to-left languages, for the README. */
  readonly rtl?: string;
}

/** What the tests hand a control's `prepare`: the keyboard, and a way to Tab to something. */
export interface KeyboardKit {
  press(key: string): Promise<void>;
  /** Presses Tab from the button before the element until `selector` (in the shadow root) has focus. */
  tabTo(selector: string): Promise<Element>;
}

/** A button (or select) that Enter and Space must operate. */
export interface Control {
  readonly name: string;
  /** In the element's shadow root. */
  readonly selector: string;
  /** Keys that operate it (default Enter, then Space). */
  readonly keys?: readonly string[];
  /** Brings the control into existence, by keyboard (opens the table, a stage …). */
  prepare?(kit: KeyboardKit, root: ShadowRoot): Promise<void>;
  /** A fingerprint of what the control changes: it must differ after every key press. */
  state(root: ShadowRoot): string;
  /** Where focus must be after the key, when not on the control itself (a close button returns focus). */
  readonly focusAfter?: string;
}

/** Calls the tests count for controls whose effect leaves the page (export, print). */
export const activity = { downloads: 0, prints: 0 };

export interface KeyboardElement {
  /** Test titles: the tag, plus the layout when an element has several. */
  readonly name: string;
  readonly tag: 'nps-trend' | 'journey-painpoints' | 'council-scorecard';
  /** The element loaded with its sample data. */
  render(locale: Locale): TemplateResult;
  /** The element with a source that fails, for the error announcement. */
  renderError(locale: Locale): TemplateResult;
  /** The viewport the layout needs (the scorecard's table needs 880 px). */
  readonly viewport?: { readonly width: number; readonly height: number };

  /** Tab stops in order, as shadow-root selectors; a roving group is one stop, its `tabindex=0` item. */
  readonly tabOrder: readonly string[];
  /** The data items the arrow keys move between, in data order (time, journey, rows shown). */
  readonly items: string;
  /** Which item holds the group's tab stop after loading. */
  readonly initialItem: 'first' | 'last';
  readonly keys: readonly KeyBinding[];
  /** Whether a second Enter/Space on the same item undoes the first (details that toggle). */
  readonly selectToggles: boolean;
  /** The subset of `cx-select`'s detail expected for the item at `index` (data order) on its `nth` activation. */
  selectDetail(index: number, nth: 1 | 2, locale: Locale): Record<string, unknown>;
  /** The item shows it is selected or open (aria-selected, aria-expanded). */
  isSelected(item: Element): boolean;
  /** For Escape: whether the thing it closes (details, tooltip) is open. */
  isOpen?(root: ShadowRoot): boolean;
  /** Details that Enter opens and that hold controls of their own: Escape from inside them closes them too. */
  readonly openedRegion?: string;
  readonly controls: readonly Control[];

  /** Containers that name the element: role (explicit or the tag's) and a non-empty name. */
  readonly named: ReadonlyArray<{ readonly selector: string; readonly role: string }>;
  /** The text summary; `facts` (English) are what it must say about the sample data. */
  readonly summary: { readonly selector: string; readonly facts: readonly (string | RegExp)[] };
  /** The role the accessibility tree must give each item. */
  readonly itemRole: string;
  /** Per item (data order), what its accessible name and description must say, computed by hand (English). */
  readonly itemFacts: ReadonlyArray<readonly (string | RegExp)[]>;
  /**
   * Per item, the texts of its row in the element's own data table (any locale): the name must carry
   * the same numbers.
   */
  tableFacts(table: HTMLTableElement, index: number): readonly string[];
  /** How to show the data table (a toggle to click), and where it is; null for a layout without one. */
  readonly table: { readonly toggle?: string; readonly selector: string } | null;
  /** Suppressed items: how many the sample has, and where each is announced (English). */
  readonly suppressed: { readonly count: number; readonly pattern: RegExp };
}

// ---------------------------------------------------------------------------------------------------
// Sample data. Small enough to count by hand; every element has one group below min-n (5).

/**
 * Four months of NPS answers, by hand:
 *   Jan 10 answers: 5 promoters (10), 2 passives (8), 3 detractors (3) → NPS 100·(5−3)/10 = 20
 *   Feb 10 answers: 7 promoters, 1 passive, 2 detractors → NPS 50
 *   Mar  3 answers → below min-n 5, suppressed
 *   Apr 10 answers: 2 promoters, 3 passives, 5 detractors → NPS −30
 *   May  2 answers → suppressed too. With March that is 5 hidden answers, so complementary
 *        suppression hides nothing more (3 alone could be worked out from the total).
 */
export function trendRecords(): Record<string, unknown>[] {
  const month = (m: number, scores: readonly number[]) =>
    scores.map((nps, i) => ({ respondent: `m${m}-${i}`, date: `2024-0${m}-${String(i + 1).padStart(2, '0')}`, nps }));
  const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
  return [
    ...month(1, [...repeat(10, 5), ...repeat(8, 2), ...repeat(3, 3)]),
    ...month(2, [...repeat(10, 7), 8, ...repeat(3, 2)]),
    ...month(3, [10, 9, 2]),
    ...month(4, [...repeat(10, 2), ...repeat(8, 3), ...repeat(3, 5)]),
    ...month(5, [9, 6]),
  ];
}

/**
 * Four journey stages, by hand (metric nps, pain = detractors 0–6):
 *   Discover 10 answers: 8 promoters, 2 detractors → NPS 60, pain 20 %, rank 3
 *   Apply    10 answers: 3 promoters, 2 passives, 5 detractors → NPS −20, pain 50 %, rank 2
 *   Wait     10 answers: 1 promoter, 1 passive, 8 detractors → NPS −70, pain 80 %, rank 1
 *   Decision  5 rows, 3 with an NPS answer → suppressed ("not enough answers"); with 5 rows it
 *            protects no other stage, so the three above stay shown.
 */
export function journeyRecords(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const add = (stage: string, scores: ReadonlyArray<number | null>, comment: string) =>
    scores.forEach((nps, i) =>
      rows.push({ respondent: `${stage}-${i}`, date: `2024-05-${String(i + 1).padStart(2, '0')}`, stage, nps, csat: nps === null ? 3 : undefined, comment: nps !== null && nps <= 6 ? comment : '' }),
    );
  const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
  add('Discover', [...repeat(10, 8), ...repeat(2, 2)], 'Hard to find the form');
  add('Apply', [...repeat(10, 3), ...repeat(7, 2), ...repeat(4, 5)], 'The upload failed twice');
  add('Wait', [10, 8, ...repeat(1, 8)], 'Long queue, no news for weeks');
  add('Decision', [0, 1, 2, null, null], 'Refused without a reason');
  return rows;
}

export const STAGES = 'Discover,Apply,Wait,Decision';

/**
 * The council reviews June 2025 (as of 10 July), by hand:
 *   complaints: inline series, June 90 % against ≥ 90 % → On track (green)
 *   handling:   inline series, June 7.5 min against ≤ 5 min, amber up to 6 → Off track (red), no action agreed
 *   nps:        the feedback rows below, June 13 answers, 7 promoters, 3 detractors → 30.8 against ≥ 30 → On track
 *   ombudsman:  the Ombudsman's 3 answers only → below min-n 5 → No status ("Fewer than 5: not shown")
 */
export function councilDefinition(): Record<string, unknown> {
  return {
    council: { name: { en: 'Service Council', ar: 'مجلس الخدمة' }, cadence: 'monthly', asOf: '2025-07-10', periods: 3 },
    kpis: [
      {
        id: 'complaints',
        label: { en: 'Complaints answered in time', ar: 'الشكاوى المجابة في الوقت' },
        unit: '%',
        direction: 'higher-is-better',
        target: 90,
        owner: 'Head of Complaints',
        lastReviewed: '2025-07-01',
        source: { series: [{ date: '2025-04-30', value: 88 }, { date: '2025-05-31', value: 91 }, { date: '2025-06-30', value: 90 }] },
      },
      {
        id: 'handling',
        label: 'Call handling time',
        unit: 'min',
        direction: 'lower-is-better',
        target: 5,
        tolerance: 1,
        owner: 'Contact centre',
        lastReviewed: '2025-07-01',
        source: { series: [{ date: '2025-04-30', value: 6.5 }, { date: '2025-05-31', value: 7 }, { date: '2025-06-30', value: 7.5 }] },
      },
      { id: 'nps', label: 'NPS', unit: 'score', direction: 'higher-is-better', target: 30, owner: 'CCO', lastReviewed: '2025-07-01', source: { metric: 'nps' } },
      {
        id: 'ombudsman',
        label: 'NPS, Ombudsman',
        unit: 'score',
        direction: 'higher-is-better',
        target: 30,
        owner: 'CCO',
        lastReviewed: '2025-07-01',
        source: { metric: 'nps', filter: 'department:Ombudsman' },
      },
    ],
  };
}

export function councilFeedback(): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  [10, 10, 9, 9, 9, 9, 8, 7, 7, 3].forEach((nps, i) => records.push({ respondent: `p${i}`, date: `2025-06-${String(i + 1).padStart(2, '0')}`, nps, department: 'Tax' }));
  [2, 3, 10].forEach((nps, i) => records.push({ respondent: `o${i}`, date: `2025-06-2${i}`, nps, department: 'Ombudsman' }));
  return records;
}

// ---------------------------------------------------------------------------------------------------
// Helpers shared by the descriptions.

/** What a screen reader reads of a node: its text without the parts hidden from assistive technology. */
export function spokenText(node: Element | null | undefined): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
const text = spokenText;
const attr = (root: ShadowRoot, selector: string, name: string) => root.querySelector(selector)?.getAttribute(name) ?? 'absent';
/** The cells of the body row whose header is the `index`-th shown item's. */
const rowCells = (table: HTMLTableElement, rowIndex: number) => [...table.tBodies[0]!.rows[rowIndex]!.cells].map((cell) => text(cell));

const tableToggle: Control = {
  name: 'Show table',
  selector: '[part=table-toggle]',
  state: (root) => `${attr(root, '[part=table-toggle]', 'aria-expanded')} ${root.querySelector('[part=table]') ? 'table' : 'no table'}`,
};

/** The download buttons (CSV of the table; SVG and PNG of the chart where one is drawn), in tab order. */
const EXPORT_FORMATS = { csv: 'CSV', svg: 'SVG', png: 'PNG' } as const;
const exportSelector = (format: keyof typeof EXPORT_FORMATS) => `[part=export-button][data-format=${format}]`;
const exportButtons = (formats: ReadonlyArray<keyof typeof EXPORT_FORMATS>): Control[] =>
  formats.map((format) => ({
    name: `Download ${EXPORT_FORMATS[format]}`,
    selector: exportSelector(format),
    // A PNG takes a moment: its button is aria-busy until the file is saved.
    state: (root) => `${activity.downloads} downloads ${attr(root, exportSelector(format), 'aria-busy')}`,
  }));

const qualityBadge: Control = {
  name: 'Data quality',
  selector: '[part=quality-badge]',
  state: (root) => `${attr(root, '[part=quality-badge]', 'aria-expanded')} ${root.querySelector('[part=quality-report]') ? 'report' : 'no report'}`,
};

/** ←/→ along a horizontal chart or lane, Home/End, Enter/Space. */
function horizontalKeys(item: string, select: string): KeyBinding[] {
  return [
    { key: 'ArrowRight', symbol: '→', action: 'right', does: `Next ${item} to the right`, rtl: `Right-to-left: the ${item} before (time and journey run leftwards)` },
    { key: 'ArrowLeft', symbol: '←', action: 'left', does: `Next ${item} to the left`, rtl: `Right-to-left: the ${item} after` },
    { key: 'Home', symbol: 'Home', action: 'first', does: `First ${item}`, rtl: 'Right-to-left: the rightmost one' },
    { key: 'End', symbol: 'End', action: 'last', does: `Last ${item}`, rtl: 'Right-to-left: the leftmost one' },
    { key: 'Enter', symbol: 'Enter', action: 'select', does: select },
    { key: 'Space', symbol: 'Space', action: 'select', does: select },
  ];
}

// ---------------------------------------------------------------------------------------------------
// The elements.

const trend: KeyboardElement = {
  name: 'nps-trend',
  tag: 'nps-trend',
  render: (locale) => html`<nps-trend locale=${locale} style="width:640px" .data=${trendRecords()}></nps-trend>`,
  renderError: (locale) => html`<nps-trend locale=${locale} src="/test/fixtures/does-not-exist.csv"></nps-trend>`,
  tabOrder: ['.point[tabindex="0"]', '[part=table-toggle]', ...(['csv', 'svg', 'png'] as const).map(exportSelector), '[part=quality-badge]'],
  items: '.point',
  initialItem: 'last',
  keys: [
    ...horizontalKeys('period', 'Selects the period: fires `cx-select`, marks the point selected and the table row'),
    { key: 'Escape', symbol: 'Esc', action: 'close', does: 'Hides the tooltip; focus stays on the period' },
  ],
  selectToggles: false,
  selectDetail: (index) => [{ period: '2024-01', n: 10, nps: 20 }, { period: '2024-02', n: 10, nps: 50 }, { period: '2024-04', n: 10, nps: -30 }][index]!,
  isSelected: (item) => item.getAttribute('aria-selected') === 'true',
  isOpen: (root) => root.querySelector('[part=tooltip]') !== null,
  controls: [tableToggle, ...exportButtons(['csv', 'svg', 'png']), qualityBadge],

  named: [
    { selector: 'svg[part=chart]', role: 'group' },
    { selector: 'svg[part=chart] [role=listbox]', role: 'listbox' },
    { selector: 'figure', role: 'figure' },
  ],
  summary: { selector: '[part=summary]', facts: ['Latest NPS -30 (Apr 2024, 10 answers).'] },
  itemRole: 'option',
  itemFacts: [
    ['Jan 2024', 'NPS 20', '10 answers', 'No comparison with the period before'],
    ['Feb 2024', 'NPS 50', '10 answers', /(Up|Changed) \+?30 points from the period before/],
    ['Apr 2024', 'NPS -30', '10 answers', 'No comparison: the period before has fewer than 5 answers'],
  ],
  // Rows: Jan, Feb, Mar (suppressed), Apr, May (suppressed). The name must carry the period, NPS, both ends of the interval and n.
  tableFacts: (table, index) => {
    const [period, nps, interval, n] = rowCells(table, [0, 1, 3][index]!);
    return [period!, nps!, ...interval!.split(' – '), n!];
  },
  table: { toggle: '[part=table-toggle]', selector: 'table[part=table]' },
  // The hidden March is announced by April's point ("the period before has fewer than 5 answers").
  suppressed: { count: 1, pattern: /fewer than 5 answers/i },
};

function journey(layout: 'lane' | 'list'): KeyboardElement {
  const lane = layout === 'lane';
  const stageKeys: KeyBinding[] = lane
    ? horizontalKeys('stage', 'Opens the stage’s details (measures, themes, comments) and fires `cx-select`')
    : [
        { key: 'ArrowDown', symbol: '↓', action: 'next', does: 'Next stage' },
        { key: 'ArrowUp', symbol: '↑', action: 'previous', does: 'Previous stage' },
        { key: 'Home', symbol: 'Home', action: 'first', does: 'First stage' },
        { key: 'End', symbol: 'End', action: 'last', does: 'Last stage' },
        { key: 'Enter', symbol: 'Enter', action: 'select', does: 'Opens the stage’s details and fires `cx-select`' },
        { key: 'Space', symbol: 'Space', action: 'select', does: 'Opens the stage’s details and fires `cx-select`' },
      ];
  const openStage = async (kit: KeyboardKit) => {
    await kit.tabTo('[part=stage][tabindex="0"]');
    await kit.press('Enter');
  };
  return {
    name: lane ? 'journey-painpoints' : 'journey-painpoints (narrow list)',
    tag: 'journey-painpoints',
    render: (locale) =>
      html`<journey-painpoints locale=${locale} style="width:${lane ? 900 : 360}px" stages=${STAGES} .data=${journeyRecords()}></journey-painpoints>`,
    // Pre-aggregated counts cannot feed a journey: a `needs-rows` error without any download.
    renderError: (locale) => html`<journey-painpoints locale=${locale} .counts=${[{ period: '2024-01', promoters: 5, passives: 2, detractors: 3 }]}></journey-painpoints>`,
    tabOrder: ['[part=stage][tabindex="0"]', '[part=table-toggle]', ...(lane ? (['csv', 'svg', 'png'] as const) : (['csv'] as const)).map(exportSelector), '[part=quality-badge]'],
    items: '[part=stage]',
    initialItem: 'first',
    keys: [...stageKeys, { key: 'Escape', symbol: 'Esc', action: 'close', does: 'Closes the details and returns focus to the stage (else hides the tooltip)' }],
    selectToggles: false,
    selectDetail: (index) => ({ stage: ['Discover', 'Apply', 'Wait', 'Decision'][index] }),
    isSelected: (item) => item.getAttribute('aria-selected') === 'true',
    isOpen: (root) => root.querySelector('[part=drilldown]') !== null,
    openedRegion: '[part=drilldown]',
    controls: [
      tableToggle,
      {
        name: 'Order by pain',
        selector: '[part=table-order]',
        prepare: async (kit) => {
          await kit.tabTo('[part=table-toggle]');
          await kit.press('Enter');
        },
        state: (root) => `${attr(root, '[part=table-order]', 'aria-pressed')} ${text(root.querySelector('table tbody th'))}`,
      },
      {
        name: 'Close (details)',
        selector: '[part=drilldown-close]',
        prepare: openStage,
        state: (root) => (root.querySelector('[part=drilldown]') ? 'open' : 'closed'),
        focusAfter: '[part=stage][tabindex="0"]',
      },
      ...exportButtons(lane ? ['csv', 'svg', 'png'] : ['csv']),
      qualityBadge,
    ],

    named: [
      { selector: 'figure', role: 'figure' },
      { selector: '[part=stages]', role: 'listbox' },
    ],
    summary: { selector: '[part=summary]', facts: ['Most pain: Wait, 80%', 'Least pain: Discover, 20%', /1 stage has fewer than 5 answers/] },
    itemRole: 'option',
    itemFacts: [
      ['Discover', 'stage 1 of 4', 'NPS 60', '20%', 'Pain rank 3', '10 answers'],
      ['Apply', 'stage 2 of 4', 'NPS -20', '50%', 'Pain rank 2', '10 answers'],
      ['Wait', 'stage 3 of 4', 'NPS -70', '80%', 'Pain rank 1', '10 answers'],
      ['Decision', 'stage 4 of 4', 'Fewer than 5 answers: not shown'],
    ],
    // Columns: stage, n, NPS (interval), CSAT, CES, % easy, pain (interval), rank, versus the rest.
    tableFacts: (table, index) => {
      const cells = rowCells(table, index);
      if (cells.length === 2) return cells; // suppressed: name and the reason
      const [stage, , nps, , , , pain, rank, versus] = cells;
      const split = (cell: string) => cell.replace(/[()]/g, '').split(/ – | /).filter(Boolean);
      return [stage!, ...split(nps!), ...split(pain!), rank!, versus!];
    },
    table: { toggle: '[part=table-toggle]', selector: 'table[part=table]' },
    suppressed: { count: 1, pattern: /fewer than 5 answers/i },
  };
}

function scorecard(layout: 'table' | 'cards'): KeyboardElement {
  const table = layout === 'table';
  const ids = ['complaints', 'handling', 'nps', 'ombudsman'];
  const sortButton = (column: number, name: string): Control => ({
    name: `Sort by ${name}`,
    selector: `thead th:nth-child(${column}) [part=sort-button]`,
    state: (root) =>
      `${root.querySelector(`thead th:nth-child(${column})`)?.getAttribute('aria-sort') ?? 'none'} ${[...root.querySelectorAll('[part=row]')].map((row) => row.getAttribute('data-id')).join(',')}`,
  });
  return {
    name: table ? 'council-scorecard' : 'council-scorecard (cards)',
    tag: 'council-scorecard',
    viewport: { width: 1400, height: 900 },
    render: (locale) =>
      html`<council-scorecard locale=${locale} ?compact=${!table} .definition=${councilDefinition()} .data=${councilFeedback()}></council-scorecard>`,
    renderError: (locale) => html`<council-scorecard locale=${locale} .definition=${{ council: { name: 'X', cadence: 'yearly' }, kpis: [] }}></council-scorecard>`,
    tabOrder: [
      '[part=toolbar] select',
      '[part=toolbar] button[aria-pressed]',
      '[part=export-button]',
      '[part=print-button]',
      ...(table ? [1, 2, 5, 6, 8, 9].map((column) => `thead th:nth-child(${column}) [part=sort-button]`) : []),
      ...ids.map((id) => `[part=kpi][data-id="${id}"]`),
      '[part=quality-badge]',
    ],
    items: '[part=kpi]',
    initialItem: 'first',
    keys: [
      { key: 'ArrowDown', symbol: '↓', action: 'next', does: 'Next KPI, in the order shown' },
      { key: 'ArrowUp', symbol: '↑', action: 'previous', does: 'Previous KPI' },
      { key: 'Home', symbol: 'Home', action: 'first', does: 'First KPI' },
      { key: 'End', symbol: 'End', action: 'last', does: 'Last KPI' },
      { key: 'Enter', symbol: 'Enter', action: 'select', does: 'Opens or closes the KPI’s details and fires `cx-select` (`expanded` says which)' },
      { key: 'Space', symbol: 'Space', action: 'select', does: 'As Enter' },
    ],
    selectToggles: true,
    selectDetail: (index, nth) => ({ id: ids[index], expanded: nth === 1, period: '2025-06' }),
    isSelected: (item) => item.getAttribute('aria-expanded') === 'true',
    controls: [
      {
        name: 'Group by',
        selector: '[part=toolbar] select',
        keys: ['ArrowDown', 'ArrowUp'],
        state: (root) => root.querySelector<HTMLSelectElement>('[part=toolbar] select')!.value,
      },
      {
        name: 'Expand all',
        selector: '[part=toolbar] button[aria-pressed]',
        state: (root) => `${attr(root, '[part=toolbar] button[aria-pressed]', 'aria-pressed')} ${root.querySelectorAll('.details:not([hidden])').length}`,
      },
      { name: 'Export CSV', selector: '[part=export-button]', state: () => `${activity.downloads} downloads` },
      { name: 'Print', selector: '[part=print-button]', state: () => `${activity.prints} prints` },
      ...(table
        ? [sortButton(1, 'KPI'), sortButton(2, 'owner'), sortButton(5, 'status'), sortButton(6, 'change'), sortButton(8, 'review'), sortButton(9, 'due')]
        : []),
      qualityBadge,
    ],

    named: table ? [{ selector: 'table[part=table]', role: 'table' }] : [{ selector: '[part=table]', role: 'region' }],
    summary: { selector: '[part=summary]', facts: ['2 on track', '1 off track', '1 without a status', '1 off track with no action agreed'] },
    itemRole: 'button',
    itemFacts: [
      ['Complaints answered in time', '90', 'On track'],
      ['Call handling time', '7.5', 'Off track'],
      ['NPS', '30.8', 'On track'],
      ['NPS, Ombudsman', 'Fewer than 5: not shown'],
    ],
    // Columns: KPI, owner, value, target, status, change, trend, review, due, actions.
    tableFacts: (tableElement, index) => {
      const row = tableElement.querySelector<HTMLTableRowElement>(`[part=row][data-id="${ids[index]}"]`)!;
      const cells = [...row.cells].map((cell) => text(cell));
      return [cells[0]!, cells[2]!, cells[3]!, cells[4]!, cells[5]!].filter((cell) => cell !== '' && cell !== '—');
    },
    table: table ? { selector: 'table[part=table]' } : null,
    suppressed: { count: 1, pattern: /fewer than 5/i },
  };
}

export const keyboardElements: readonly KeyboardElement[] = [trend, journey('lane'), journey('list'), scorecard('table'), scorecard('cards')];
