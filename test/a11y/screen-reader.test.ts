/**
 * What a screen reader gets from every element in test/a11y/keyboard-elements.ts, in English and
 * Arabic: a named element with a text summary; for each data item, the role and the name (and
 * description) Chromium's accessibility tree computes, compared with the data by hand and with the
 * element's own table; suppressed items said to be suppressed; a polite live region that announces
 * the load and errors; and a real data table.
 *
 * Names come from Chromium's accessibility tree (`a11ySnapshot`, puppeteer's snapshot of the focused
 * node) where it has them; the tree the snapshot returns leaves out tables and figures, so those are
 * checked in the DOM (role, caption, scope).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, setViewport } from '@web/test-runner-commands';
import { keyboardElements, spokenText, type KeyboardElement, type Locale } from './keyboard-elements.ts';
import { describeElement, mount, settle, type Mounted } from './keyboard-kit.ts';

const LOCALES: readonly Locale[] = ['en', 'ar'];

interface AxNode {
  readonly role: string;
  readonly name?: string;
  readonly description?: string;
  readonly focused?: boolean;
  /** A live region's politeness, as Chromium computes it. */
  readonly live?: string;
  readonly children?: readonly AxNode[];
}

function findNode(node: AxNode, test: (node: AxNode) => boolean): AxNode | null {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

const snapshot = async () => (await a11ySnapshot({})) as unknown as AxNode;

function allNodes(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(allNodes)];
}

/** The accessibility tree's text of a node and everything under it. */
const treeText = (node: AxNode): string => allNodes(node).map((n) => (n.role === 'StaticText' ? (n.name ?? '') : '')).join(' ').replace(/\s+/g, ' ').trim();

/** What Chromium's live regions say now: polite ones, and the text of any assertive one. */
async function liveRegions(): Promise<{ polite: string[]; assertive: string[] }> {
  const live = allNodes(await snapshot()).filter((node) => node.live !== undefined && node.live !== 'off');
  return { polite: live.filter((node) => node.live === 'polite').map(treeText), assertive: live.filter((node) => node.live !== 'polite').map((node) => `${node.role}: ${treeText(node)}`) };
}

/** What is announced for a node: its name, then its description. */
const announced = (node: AxNode) => `${node.name ?? ''} ${node.description ?? ''}`.trim();

/** The explicit role, else the one the tag carries. */
function roleOf(element: Element): string {
  return element.getAttribute('role') ?? ({ figure: 'figure', table: 'table', ul: 'list', section: 'region' } as Record<string, string>)[element.localName] ?? 'generic';
}

/** The accessible name from the DOM: labelledby, label, then a figure's caption or a table's caption. */
function nameOf(element: Element, root: ShadowRoot): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => spokenText(root.getElementById(id))).join(' ').trim();
  const label = element.getAttribute('aria-label')?.trim();
  if (label) return label;
  if (element.localName === 'figure') return spokenText(element.querySelector(':scope > figcaption'));
  if (element instanceof HTMLTableElement) return spokenText(element.caption);
  return '';
}

function hiddenFromAssistiveTechnology(element: Element): boolean {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden'))) return true;
  }
  return false;
}

const matches = (text: string, fact: string | RegExp) => (typeof fact === 'string' ? text.includes(fact) : fact.test(text));

/** Live regions that announce without interrupting, and any that interrupt. */
const politeRegions = (root: ShadowRoot) => [...root.querySelectorAll('[role=status], [aria-live=polite]')];
const assertiveRegions = (root: ShadowRoot) => [...root.querySelectorAll('[role=alert], [aria-live=assertive]')];

async function openTable(entry: KeyboardElement, mounted: Mounted): Promise<HTMLTableElement | null> {
  if (!entry.table) return null;
  if (entry.table.toggle) mounted.root.querySelector<HTMLButtonElement>(entry.table.toggle)!.click();
  await mounted.el.updateComplete;
  return mounted.root.querySelector<HTMLTableElement>(entry.table.selector);
}

/** Focuses each item in turn and reads what the accessibility tree says for the focused node. */
async function itemAnnouncements(entry: KeyboardElement, mounted: Mounted): Promise<AxNode[]> {
  const nodes: AxNode[] = [];
  const count = mounted.root.querySelectorAll(entry.items).length;
  for (let index = 0; index < count; index++) {
    const item = mounted.root.querySelectorAll<HTMLElement | SVGElement>(entry.items)[index]!;
    item.focus();
    await mounted.el.updateComplete;
    const focused = findNode(await snapshot(), (node) => node.focused === true);
    expect(focused, `the accessibility tree's focused node for ${describeElement(item)}`).not.to.equal(null);
    nodes.push(focused!);
  }
  return nodes;
}

describe('screen readers', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const entry of keyboardElements) {
    for (const locale of LOCALES) {
      describe(`${entry.name} (${locale})`, () => {
        it('has a named role and a text summary', async () => {
          const mounted = await mount(entry, locale);
          const { root } = mounted;
          const tree = await snapshot();
          for (const { selector, role } of entry.named) {
            const element = root.querySelector(selector);
            expect(element, selector).not.to.equal(null);
            expect(roleOf(element!), `${selector}: role`).to.equal(role);
            const name = nameOf(element!, root);
            expect(name, `${selector}: accessible name`).not.to.equal('');
            expect(hiddenFromAssistiveTechnology(element!), `${selector} is exposed`).to.equal(false);
            // Roles the snapshot keeps (it prunes groups, figures and tables) must be there with that name.
            if (['listbox', 'region'].includes(role)) {
              expect(findNode(tree, (node) => node.role === role && node.name === name), `${role} "${name}" in the accessibility tree`).not.to.equal(null);
            }
          }
          const summary = root.querySelector(entry.summary.selector);
          expect(summary, 'summary').not.to.equal(null);
          expect(hiddenFromAssistiveTechnology(summary!), 'the summary is exposed').to.equal(false);
          const text = spokenText(summary);
          expect(text, 'summary text').not.to.equal('');
          if (locale === 'en') for (const fact of entry.summary.facts) expect(matches(text, fact), `summary "${text}" says ${fact}`).to.equal(true);
        });

        it('names every data item with its full meaning, matching the data and the table', async () => {
          const mounted = await mount(entry, locale);
          const table = await openTable(entry, mounted);
          const nodes = await itemAnnouncements(entry, mounted);
          expect(nodes.length, 'items').to.equal(entry.itemFacts.length);
          nodes.forEach((node, index) => {
            expect(node.role, `item ${index}: role`).to.equal(entry.itemRole);
            const said = announced(node);
            if (locale === 'en') for (const fact of entry.itemFacts[index]!) expect(matches(said, fact), `item ${index}: "${said}" says ${fact}`).to.equal(true);
            if (table) for (const fact of entry.tableFacts(table, index)) expect(said, `item ${index} as in its table row`).to.include(fact);
          });
        });

        if (locale === 'en') {
          it('says that suppressed items are suppressed, in their names and in the table', async () => {
            const mounted = await mount(entry, locale);
            const table = await openTable(entry, mounted);
            const nodes = await itemAnnouncements(entry, mounted);
            const { count, pattern } = entry.suppressed;
            expect(nodes.filter((node) => pattern.test(announced(node))).map(announced), 'items that say so').to.have.length(count);
            if (table) {
              const rows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => pattern.test(spokenText(row)));
              expect(rows.length, 'table rows that say so').to.be.at.least(count);
            }
          });
        }

        it('announces the completed load in a polite live region that was there all along, and nothing assertively', async () => {
          await setViewport(entry.viewport ?? { width: 1000, height: 800 });
          const wrapper = await fixture<HTMLDivElement>(html`<div>${entry.render(locale)}</div>`);
          const el = wrapper.firstElementChild as Mounted['el'];
          const root = el.shadowRoot!;
          const regions = politeRegions(root);
          expect(regions.length, 'a polite live region while loading').to.be.greaterThan(0);
          await settle(el);
          const announcing = regions.filter((region) => region.isConnected && spokenText(region) !== '');
          expect(announcing.length, 'a region present before the load now says something').to.be.greaterThan(0);
          if (locale === 'en') {
            const said = announcing.map(spokenText).join(' ');
            for (const fact of entry.summary.facts) expect(matches(said, fact), `"${said}" says ${fact}`).to.equal(true);
          }
          expect(assertiveRegions(root).map(describeElement)).to.deep.equal([]);
          // And as Chromium exposes it: the announcement is in a polite region, nothing is assertive.
          const live = await liveRegions();
          expect(live.assertive).to.deep.equal([]);
          expect(live.polite.some((said) => said !== '' && announcing.some((region) => spokenText(region) === said)), `polite regions: ${JSON.stringify(live.polite)}`).to.equal(true);
        });

        it('announces an error in a polite live region, not as an alert', async () => {
          const wrapper = await fixture<HTMLDivElement>(html`<div>${entry.renderError(locale)}</div>`);
          const el = wrapper.firstElementChild as Mounted['el'];
          const root = el.shadowRoot!;
          const regions = politeRegions(root);
          expect(regions.length, 'a polite live region while loading').to.be.greaterThan(0);
          await settle(el);
          const shown = spokenText(root.querySelector('[part=status]'));
          expect(shown, 'the error is shown').not.to.equal('');
          expect(
            regions.some((region) => region.isConnected && spokenText(region) === shown),
            `a region present before the load says "${shown}"`,
          ).to.equal(true);
          expect(assertiveRegions(root).map(describeElement)).to.deep.equal([]);
          const live = await liveRegions();
          expect(live.assertive).to.deep.equal([]);
          expect(live.polite, 'as Chromium exposes it').to.include(shown);
        });

        if (entry.table) {
          it('shows the data as a real table with a caption and column and row headers', async () => {
            const mounted = await mount(entry, locale);
            const table = await openTable(entry, mounted);
            expect(table, 'a <table>').to.be.instanceOf(HTMLTableElement);
            expect(spokenText(table!.caption), 'caption').not.to.equal('');
            const heads = [...table!.tHead!.rows[0]!.cells];
            const columns = heads.reduce((sum, cell) => sum + cell.colSpan, 0);
            for (const cell of heads) {
              expect(cell.localName, 'header cells').to.equal('th');
              expect(cell.getAttribute('scope'), `scope of "${spokenText(cell)}"`).to.equal('col');
              expect(spokenText(cell), 'header text').not.to.equal('');
            }
            const rows = [...table!.tBodies].flatMap((body) => [...body.rows]);
            expect(rows.length, 'rows').to.be.greaterThan(0);
            for (const row of rows) {
              const header = row.querySelector(':scope > th');
              // A row of data has a row header; a full-width row (group heading, details) may not.
              const fullWidth = row.cells.length === 1 && row.cells[0]!.colSpan === columns;
              if (!fullWidth) {
                expect(header?.getAttribute('scope'), `row "${spokenText(row).slice(0, 40)}" has a row header`).to.equal('row');
                expect(spokenText(header), 'row header text').not.to.equal('');
              }
            }
          });
        }
      });
    }
  }
});
