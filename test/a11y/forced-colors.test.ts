import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { emulateMediaFeatures } from './emulate.ts';
import { ELEMENTS, THEMES, type CxHost } from './elements.ts';
import { focusRings, informationMarks, markContrast } from './marks.ts';
import { allElements, describe as name, isShown, paintsOf, parseColour, svgBackdrops, textRuns, worstContrast } from './paint.ts';

/**
 * With `forced-colors: active` (Windows contrast themes) the browser replaces the colours of HTML
 * text, backgrounds and borders with the user's system colours, but not SVG `fill`/`stroke`, and it
 * drops background images. So every drawn mark that carries information must switch to system
 * colours itself and stay visible, SVG text too; patterns that mark hidden periods and stages must
 * survive; status pills keep icon and text; focus stays visible. Checked in Chromium's light and
 * dark forced palettes, each with the element in every theme (a theme colour left in a mark shows up
 * in one palette or the other).
 */

const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'GrayText', 'Highlight', 'HighlightText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Mark', 'MarkText', 'SelectedItem', 'SelectedItemText', 'AccentColor', 'AccentColorText'];

interface Palette {
  /** The computed value of each system colour in the palette now in force. */
  readonly byName: ReadonlyMap<string, string>;
  /** Whether a computed colour is one of them. */
  has(computed: string): boolean;
}

function palette(): Palette {
  const probe = document.createElement('span');
  document.body.append(probe);
  const byName = new Map<string, string>();
  for (const keyword of SYSTEM_COLOURS) {
    probe.style.color = keyword;
    byName.set(keyword, getComputedStyle(probe).color);
  }
  probe.remove();
  const values = new Set(byName.values());
  return { byName, has: (computed) => values.has(computed) };
}

/** Every node that paints a pattern without forced colours (a hatched stage), and whether it is a mark filled with one. */
function patterned(root: ShadowRoot): Element[] {
  return allElements(root).filter((node) => {
    if (!isShown(node)) return false;
    const style = getComputedStyle(node);
    return /gradient|url\(/.test(style.backgroundImage) || /url\(/.test(style.fill);
  });
}

/** A node shows a pattern: its own fill or background image, or that of one of its pseudo-elements. */
function showsPattern(node: Element): boolean {
  const own = getComputedStyle(node);
  if (/url\(/.test(own.fill)) return true;
  return [null, '::before', '::after'].some((pseudo) => /gradient|url\(/.test(getComputedStyle(node, pseudo).backgroundImage));
}

function problems(el: CxHost, system: Palette, patternsBefore: readonly Element[]): string[] {
  const root = el.shadowRoot!;
  const found: string[] = [];
  const keyword = (computed: string) => system.has(computed);
  const canvas = system.byName.get('Canvas')!;

  if (getComputedStyle(el).backgroundColor !== canvas) found.push(`the element's background is ${getComputedStyle(el).backgroundColor}, not Canvas`);

  for (const mark of informationMarks(root)) {
    const paints = paintsOf(mark);
    const strangers = paints.flatMap((paint) => {
      if (!paint.computed.startsWith('url(')) return keyword(paint.computed) ? [] : [`${paint.kind} ${paint.computed}`];
      // A pattern: the lines it is drawn with must use system colours.
      const pattern = root.getElementById(/#([^")]+)/.exec(paint.computed)![1]!);
      return [...(pattern?.querySelectorAll<SVGElement>('line, path, rect') ?? [])].flatMap((line) =>
        paintsOf(line).flatMap((inner) => (keyword(inner.computed) ? [] : [`pattern ${inner.kind} ${inner.computed}`])),
      );
    });
    if (strangers.length) found.push(`${name(mark)} keeps colours of its own: ${strangers.join(', ')}`);
    const ratio = markContrast(paints, svgBackdrops(mark));
    if (!(ratio >= 3)) found.push(`${name(mark)} is ${ratio.toFixed(2)}:1 against what is behind it`);
  }

  for (const run of textRuns(root)) {
    const computed = getComputedStyle(run.node)[run.node instanceof SVGElement ? 'fill' : 'color'];
    if (!keyword(computed)) found.push(`text "${run.text.slice(0, 30)}" in ${name(run.node)} is ${computed}, not a system colour`);
    const ratio = worstContrast(run.colour, run.backdrops);
    if (!(ratio >= 4.5)) found.push(`text "${run.text.slice(0, 30)}" in ${name(run.node)} is ${ratio.toFixed(2)}:1`);
  }

  for (const node of patternsBefore) {
    if (!showsPattern(node)) found.push(`${name(node)} loses its pattern`);
  }

  for (const pill of root.querySelectorAll('[part~=status-pill]')) {
    const icon = pill.querySelector('.icon');
    const words = pill.textContent!.replace(icon?.textContent ?? '', '').trim();
    if (!icon || !icon.textContent!.trim() || !isShown(icon)) found.push(`a status pill without its icon: "${pill.textContent!.trim()}"`);
    else if (!keyword(getComputedStyle(icon).color)) found.push(`the status icon "${icon.textContent}" is ${getComputedStyle(icon).color}`);
    if (!words) found.push(`a status pill without words: "${pill.textContent!.trim()}"`);
    if (getComputedStyle(pill).borderTopStyle === 'none') found.push(`a status pill without its outline: "${pill.textContent!.trim()}"`);
  }
  return found;
}

async function focusProblems(el: CxHost, system: Palette): Promise<string[]> {
  const found: string[] = [];
  for (const ring of await focusRings(el)) {
    if (!ring.focusVisible || ring.drawnBy === 'none' || !ring.changed || ring.width < 2) {
      found.push(`${ring.kind}: no visible focus (${ring.drawnBy}, ${ring.width}px, changed: ${ring.changed})`);
      continue;
    }
    if (!system.has(ring.colour)) found.push(`${ring.kind}: focus ring in ${ring.colour}, not a system colour`);
    const colour = parseColour(ring.colour);
    const ratio = colour ? worstContrast(colour, ring.backdrops) : 0;
    if (!(ratio >= 3)) found.push(`${ring.kind}: focus ring ${ratio.toFixed(2)}:1`);
  }
  return found;
}

describe('forced-colors: active', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  after(async () => {
    await emulateMediaFeatures();
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => emulateMediaFeatures());

  for (const scheme of ['light', 'dark'] as const) {
    describe(`in the ${scheme} system palette`, () => {
      for (const element of ELEMENTS) {
        describe(`<${element.tag}>`, () => {
          for (const state of element.states) {
            it(`${state.name}: marks, SVG text, patterns, status pills and focus stay visible in system colours (themes ${THEMES.join(', ')})`, async () => {
              await emulateMediaFeatures();
              const el = await state.render({ theme: THEMES[0] });
              const patternsBefore = patterned(el.shadowRoot!);
              await emulateMediaFeatures({ forcedColors: 'active', colorScheme: scheme });
              const system = palette();
              const found: string[] = [];
              for (const theme of THEMES) {
                el.theme = theme;
                await el.updateComplete;
                found.push(...problems(el, system, patternsBefore).map((problem) => `${theme}: ${problem}`));
                found.push(...(await focusProblems(el, system)).map((problem) => `${theme}: ${problem}`));
              }
              expect(found).to.deep.equal([]);
            });
          }
        });
      }
    });
  }
});
