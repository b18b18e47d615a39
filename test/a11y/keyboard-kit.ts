/**
 * What the keyboard and screen-reader checks share: mounting an element between two buttons, real key
 * presses, the focused element through shadow roots, and whether focus can be seen.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KeyboardElement, KeyboardKit, Locale } from './keyboard-elements.ts';

export interface Mounted {
  readonly el: HTMLElement & { dataComplete: Promise<void>; updateComplete: Promise<boolean> };
  readonly root: ShadowRoot;
  readonly before: HTMLButtonElement;
  readonly after: HTMLButtonElement;
  readonly kit: KeyboardKit;
}

/** The focused element, looked up through open shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short, readable name of an element for failure messages. */
export function describeElement(element: Element | null): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
  return `<${element.localName}${part ? ` part=${part}` : ''}${element.id ? ` id=${element.id}` : ''}> ${label.replace(/\s+/g, ' ').trim().slice(0, 40)}`;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Waits until the element has drawn at its real width (its resize observer re-renders a frame later). */
export async function settle(el: Mounted['el']): Promise<void> {
  await el.dataComplete;
  await frame();
  await frame();
  await el.updateComplete;
}

/** Presses `key`; `Shift+Tab` holds Shift down around the Tab (puppeteer presses one key at a time). */
export async function press(el: Mounted['el'], key: string): Promise<void> {
  const [modifier, pressed] = key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: pressed! });
  } finally {
    if (modifier) await sendKeys({ up: modifier });
  }
  await el.updateComplete;
  // Focus moves in a microtask after the update (roving focus); let it land.
  await el.updateComplete;
}

export async function mount(entry: KeyboardElement, locale: Locale): Promise<Mounted> {
  await setViewport(entry.viewport ?? { width: 1000, height: 800 });
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">before</button>
    ${entry.render(locale)}
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector(entry.tag) as unknown as Mounted['el'];
  await settle(el);
  const root = el.shadowRoot!;
  const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
  const after = wrapper.querySelector<HTMLButtonElement>('#after')!;
  const kit: KeyboardKit = {
    press: (key) => press(el, key),
    async tabTo(selector) {
      before.focus();
      for (let presses = 0; presses < 40; presses++) {
        await press(el, 'Tab');
        const active = deepActive();
        if (active === after || !active) break;
        if (root.contains(active) && active.matches(selector)) return active;
      }
      throw new Error(`Tab never reached ${selector}`);
    },
  };
  return { el, root, before, after, kit };
}

// --- Focus visibility -------------------------------------------------------------------------------

function parseColor(value: string): [number, number, number, number] | null {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : null;
}

function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The first opaque background behind `start`, through shadow roots; white when there is none. */
function backgroundBehind(start: Element): [number, number, number, number] {
  for (let node: Node | null = start; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (!(node instanceof Element)) continue;
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color && color[3] > 0.99) return color;
  }
  return [255, 255, 255, 1];
}

/**
 * Why `element` (focused) shows its focus, or why not: an outline that is drawn (style not none,
 * width > 0) with ≥ 3:1 contrast against what is behind it, or for SVG marks a stroke that differs from
 * an unfocused sibling's (`sibling`) with the same contrast. Returns null when visible, else the reason.
 */
export function focusProblem(element: Element, sibling: Element | null): string | null {
  const style = getComputedStyle(element);
  // An outline drawn outside the box lies on the parent's background; one inset (negative offset) on the element's own.
  const outside = parseFloat(style.outlineOffset) >= 0 && element.parentElement ? element.parentElement : element;
  const behind = backgroundBehind(element instanceof SVGElement ? (element.ownerSVGElement ?? element) : outside);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    const color = parseColor(style.outlineColor);
    if (color && contrast(color, behind) < 3) return `outline ${style.outlineColor} has ${contrast(color, behind).toFixed(2)}:1 against ${behind.join(',')}`;
    return null;
  }
  if (element instanceof SVGElement && style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0) {
    if (sibling) {
      const other = getComputedStyle(sibling);
      if (other.stroke === style.stroke && other.strokeWidth === style.strokeWidth) return `stroke ${style.stroke} ${style.strokeWidth} is the same as an unfocused item's`;
    }
    const color = parseColor(style.stroke);
    if (color && contrast(color, behind) < 3) return `stroke ${style.stroke} has ${contrast(color, behind).toFixed(2)}:1 against ${behind.join(',')}`;
    return null;
  }
  return `no outline (${style.outlineStyle} ${style.outlineWidth}) and no stroke`;
}
