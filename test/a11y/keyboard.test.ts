/**
 * Keyboard walk-throughs of every element in test/a11y/keyboard-elements.ts, with real key presses
 * (`sendKeys`, so the browser's own Tab order, focus and :focus-visible apply), in English and in
 * Arabic (right to left): Tab in and out, arrows/Home/End between the data items as they are drawn,
 * Enter/Space to select, Escape to close, Enter/Space on every control, and a visible focus indicator
 * wherever focus lands.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CxSelectEvent } from '../../src/events/cx-select.ts';
import { activity, keyboardElements, type KeyAction, type KeyboardElement, type Locale } from './keyboard-elements.ts';
import { deepActive, describeElement, focusProblem, mount, press, settle, type Mounted } from './keyboard-kit.ts';

const LOCALES: readonly Locale[] = ['en', 'ar'];

function itemsOf(entry: KeyboardElement, root: ShadowRoot): Element[] {
  return [...root.querySelectorAll(entry.items)];
}

const centre = (element: Element) => {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};

/** Where a move from `current` must land, from the order shown and the geometry drawn. */
function target(action: KeyAction, items: readonly Element[], current: Element): Element {
  const index = items.indexOf(current);
  switch (action) {
    case 'first':
      return items[0]!;
    case 'last':
      return items[items.length - 1]!;
    case 'next':
      return items[Math.min(items.length - 1, index + 1)]!;
    case 'previous':
      return items[Math.max(0, index - 1)]!;
    case 'left':
    case 'right': {
      const here = centre(current).x;
      const sign = action === 'right' ? 1 : -1;
      const candidates = items.filter((item) => sign * (centre(item).x - here) > 1);
      candidates.sort((a, b) => sign * (centre(a).x - centre(b).x));
      return candidates[0] ?? current;
    }
    default:
      throw new Error(`${action} is not a move`);
  }
}

/** Fails unless the focused element can be seen to be focused. */
function expectVisibleFocus(focused: Element, items: readonly Element[]): void {
  const sibling = items.find((item) => item !== focused && !item.classList.contains('active')) ?? null;
  const problem = focusProblem(focused, items.includes(focused) ? sibling : null);
  expect(problem, `focus indicator of ${describeElement(focused)}`).to.equal(null);
}

/** Presses Tab (or Shift+Tab) from `start` until focus leaves the element; returns what had focus inside. */
async function walk(mounted: Mounted, start: HTMLElement, key: 'Tab' | 'Shift+Tab', items: readonly Element[]): Promise<{ inside: Element[]; end: Element | null }> {
  const { el, root } = mounted;
  start.focus();
  const inside: Element[] = [];
  for (let presses = 0; presses < 40; presses++) {
    await press(el, key);
    const active = deepActive();
    if (!active || !root.contains(active)) return { inside, end: active };
    expectVisibleFocus(active, items);
    inside.push(active);
  }
  return { inside, end: deepActive() };
}

/** Focus on item `index` by the keys the element documents for the ends, else directly. */
async function focusItem(mounted: Mounted, entry: KeyboardElement, index: number): Promise<Element> {
  const items = itemsOf(entry, mounted.root);
  const binding = entry.keys.find((k) => k.action === (index === 0 ? 'first' : index === items.length - 1 ? 'last' : ''));
  if (binding) await press(mounted.el, binding.key);
  else (items[index] as HTMLElement | SVGElement).focus();
  await mounted.el.updateComplete;
  const focused = deepActive()!;
  const wanted = itemsOf(entry, mounted.root)[index]!;
  expect(focused === wanted, `focus on item ${index}: ${describeElement(wanted)}, not ${describeElement(focused)}`).to.equal(true);
  return focused;
}

describe('keyboard', () => {
  let print: typeof window.print;
  let click: typeof HTMLAnchorElement.prototype.click;
  before(() => {
    // Export and print leave the page: count the calls instead.
    print = window.print;
    click = HTMLAnchorElement.prototype.click;
    window.print = () => void activity.prints++;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) activity.downloads++;
      else click.call(this);
    };
  });
  after(async () => {
    window.print = print;
    HTMLAnchorElement.prototype.click = click;
    await setViewport({ width: 800, height: 600 });
  });

  for (const entry of keyboardElements) {
    for (const locale of LOCALES) {
      describe(`${entry.name} (${locale})`, () => {
        it('is reached by Tab in a sensible order, left again by Tab, and walked back by Shift+Tab', async () => {
          const mounted = await mount(entry, locale);
          const { root, before, after } = mounted;
          const expected = entry.tabOrder.map((selector) => {
            const control = root.querySelector(selector);
            expect(control, `tab stop ${selector}`).not.to.equal(null);
            return control!;
          });
          const items = itemsOf(entry, root);
          const forward = await walk(mounted, before, 'Tab', items);
          expect(forward.inside.map(describeElement)).to.deep.equal(expected.map(describeElement));
          expect(forward.end, 'Tab leaves the element for the next control (no trap)').to.equal(after);
          const backward = await walk(mounted, after, 'Shift+Tab', items);
          expect(backward.inside.map(describeElement)).to.deep.equal([...expected].reverse().map(describeElement));
          expect(backward.end, 'Shift+Tab leaves the element backwards').to.equal(before);
        });

        it('moves between the items with the documented keys, following the drawn direction', async () => {
          const mounted = await mount(entry, locale);
          const { el, root, kit } = mounted;
          let items = itemsOf(entry, root);
          expect(items.length, 'items').to.be.greaterThan(1);
          const first = await kit.tabTo(entry.items);
          expect(first, 'the item holding the tab stop').to.equal(entry.initialItem === 'first' ? items[0] : items[items.length - 1]);
          expectVisibleFocus(first, items);
          for (const binding of entry.keys.filter((k) => !['select', 'close'].includes(k.action))) {
            // Start where the key has the longest way to go: the far end for arrows, the middle for Home/End.
            const starts = { right: 'leftmost', left: 'rightmost', next: 'first', previous: 'last', first: 'middle', last: 'middle' } as const;
            const start = starts[binding.action as keyof typeof starts];
            const xs = items.map((item) => centre(item).x);
            const startIndex =
              start === 'first' ? 0 : start === 'last' ? items.length - 1 : start === 'middle' ? Math.floor(items.length / 2) : xs.indexOf((start === 'leftmost' ? Math.min : Math.max)(...xs));
            await focusItem(mounted, entry, startIndex);
            for (let presses = 0; presses <= items.length; presses++) {
              items = itemsOf(entry, root);
              const from = deepActive()!;
              const expected = target(binding.action, items, from);
              await press(el, binding.key);
              const landed = deepActive()!;
              expect(landed === expected, `${binding.key} from ${describeElement(from)}: to ${describeElement(expected)}, not ${describeElement(landed)}`).to.equal(true);
              expectVisibleFocus(landed, itemsOf(entry, root));
              if (landed.hasAttribute('tabindex')) {
                expect(itemsOf(entry, root).filter((item) => item.getAttribute('tabindex') === '0'), 'one tab stop, on the focused item').to.deep.equal([landed]);
              }
            }
          }
        });

        it('selects the focused item with Enter and with Space (cx-select)', async () => {
          const mounted = await mount(entry, locale);
          const { el, root, kit } = mounted;
          const events: CxSelectEvent[] = [];
          el.addEventListener('cx-select', (event) => events.push(event));
          await kit.tabTo(entry.items);
          const count = itemsOf(entry, root).length;
          for (let index = 0; index < count; index++) {
            const item = await focusItem(mounted, entry, index);
            for (const [nth, key] of [[1, 'Enter'], [2, 'Space']] as const) {
              const seen = events.length;
              await press(el, key);
              await settle(el);
              expect(events.length - seen, `${key} on item ${index}: one cx-select`).to.equal(1);
              const detail = events[events.length - 1]!.detail as Record<string, unknown>;
              for (const [name, value] of Object.entries(entry.selectDetail(index, nth, locale))) {
                expect(detail[name], `${key} on item ${index}: detail.${name}`).to.deep.equal(value);
              }
              const selected = !(entry.selectToggles && nth === 2);
              expect(entry.isSelected(itemsOf(entry, root)[index]!), `${key} on item ${index}: shown as selected`).to.equal(selected);
              expect(deepActive(), 'focus stays on the item').to.equal(item);
              expectVisibleFocus(item, itemsOf(entry, root));
            }
          }
        });

        if (entry.keys.some((k) => k.action === 'close')) it('closes with Escape what it opened, and focus stays on (or returns to) the item', async () => {
          const mounted = await mount(entry, locale);
          const { el, root, kit } = mounted;
          const item = await kit.tabTo(entry.items);
          await press(el, 'Enter');
          await settle(el);
          expect(entry.isOpen!(root), 'open after Enter').to.equal(true);
          await press(el, 'Escape');
          expect(entry.isOpen!(root), 'closed after Escape').to.equal(false);
          expect(deepActive()).to.equal(item);
          expectVisibleFocus(item, itemsOf(entry, root));
          if (entry.openedRegion) {
            // From inside the details (their first control), Escape closes them and returns to the item.
            await press(el, 'Enter');
            await settle(el);
            await press(el, 'Tab');
            expect(root.querySelector(entry.openedRegion)!.contains(deepActive()), 'Tab goes into the details').to.equal(true);
            await press(el, 'Escape');
            expect(entry.isOpen!(root), 'closed by Escape from inside').to.equal(false);
            expect(deepActive(), 'focus back on the item').to.equal(item);
          }
        });

        if (locale === 'en') {
          it('shows where focus is in the dark and high-contrast themes too', async () => {
            const mounted = await mount(entry, locale);
            const { el, root, kit } = mounted;
            for (const theme of ['dark', 'high-contrast']) {
              el.setAttribute('theme', theme);
              await settle(el);
              const items = itemsOf(entry, root);
              const forward = await walk(mounted, mounted.before, 'Tab', items);
              expect(forward.inside, `${theme}: tab stops`).to.have.length(entry.tabOrder.length);
              await kit.tabTo(entry.items);
              for (const binding of entry.keys.filter((k) => k.action === 'first' || k.action === 'last')) {
                await press(el, binding.key);
                expectVisibleFocus(deepActive()!, itemsOf(entry, root));
              }
            }
          });
        }

        it('operates every control with Enter and with Space', async () => {
          const mounted = await mount(entry, locale);
          const { el, root, kit } = mounted;
          for (const control of entry.controls) {
            for (const key of control.keys ?? ['Enter', 'Space']) {
              if (!root.querySelector(control.selector)) await control.prepare?.(kit, root);
              await settle(el);
              const focused = await kit.tabTo(control.selector);
              const before = control.state(root);
              await press(el, key);
              await settle(el);
              expect(control.state(root), `${control.name}: ${key} changes it`).not.to.equal(before);
              const now = deepActive()!;
              const wanted = control.focusAfter ? root.querySelector(control.focusAfter) : focused;
              expect(now === wanted, `${control.name}: focus after ${key} on ${describeElement(wanted)}, not ${describeElement(now)}`).to.equal(true);
              expectVisibleFocus(now, itemsOf(entry, root));
            }
          }
        });
      });
    }
  }
});
