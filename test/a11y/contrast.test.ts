import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ELEMENTS, THEMES, type CxHost, type Theme } from './elements.ts';
import { focusRings, informationMarks, markContrast } from './marks.ts';
import {
  allElements,
  composedParent,
  contrast,
  describe as name,
  hex,
  htmlBackdrops,
  isShown,
  over,
  paintsOf,
  parseColour,
  svgBackdrops,
  textRuns,
  worstContrast,
} from './paint.ts';

/**
 * WCAG 2.2 1.4.3 (text ≥ 4.5:1, large text ≥ 3:1) and 1.4.11 (graphical objects and component
 * states ≥ 3:1), measured on what each element state actually paints in each theme: every piece of
 * text, every SVG mark (lines, bands, points, markers, bars, sparklines, legend swatches, hatching),
 * every border that is not a separator, and the focus ring of every kind of control. axe covers
 * HTML text too, but neither SVG marks nor focus rings.
 *
 * Colours are read back as computed, translucent ones composited over what is really behind them
 * (the confidence band under the line and points, the hatching under a hidden stage's words). The
 * only marks let off are in DECORATIVE (marks.ts), each with its reason. The confidence band is not
 * one of them: its fill is translucent (1.3:1 in light), so its edge is drawn in the line's colour.
 */

/**
 * Borders in the grid colour are separators (table rules, card and panel outlines, button and select
 * edges) that carry no information: a button or select is identified by its text and arrow, not its
 * border (Understanding 1.4.11). Every other border (status pills, status edges of cards, the
 * selected stage, quotes) must reach 3:1.
 */
const SEPARATOR_TOKEN = '--_cx-grid';

function token(el: CxHost, property: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${property})`;
  el.shadowRoot!.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

interface Finding {
  /** For the summary: text, icons, marks, borders, adjacent fills, focus ring. */
  readonly kind: string;
  readonly what: string;
  readonly ratio: number;
  readonly needed: number;
}

function textFindings(el: CxHost): Finding[] {
  return textRuns(el.shadowRoot!).map((run) => ({
    kind: run.icon ? 'icons' : 'text',
    what: `${run.icon ? 'icon' : 'text'} "${run.text.slice(0, 40)}" in ${name(run.node)} (${hex(run.colour.rgb)})`,
    ratio: worstContrast(run.colour, run.backdrops),
    needed: run.large || run.icon ? 3 : 4.5,
  }));
}

function markFindings(el: CxHost): Finding[] {
  const root = el.shadowRoot!;
  const findings: Finding[] = [];
  const marks = informationMarks(root);
  for (const mark of marks) {
    const paints = paintsOf(mark);
    findings.push({ kind: 'marks', what: `mark ${name(mark)} (${paints.map((p) => `${p.kind} ${p.computed}`).join(', ')})`, ratio: markContrast(paints, svgBackdrops(mark)), needed: 3 });
  }
  findings.push(...adjacentFills(marks));
  const separator = token(el, SEPARATOR_TOKEN);
  for (const node of allElements(root)) {
    if (node instanceof SVGElement || !isShown(node)) continue;
    const style = getComputedStyle(node);
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
      const lineStyle = style.getPropertyValue(`border-${side}-style`);
      const computed = style.getPropertyValue(`border-${side}-color`);
      const colour = parseColour(computed);
      if (!(width > 0) || lineStyle === 'none' || lineStyle === 'hidden' || !colour || computed === separator) continue;
      // A border lies between the element's own background and its parent's: it must stand out from both.
      const backdrops = [...htmlBackdrops(node), ...htmlBackdrops(composedParent(node)!)];
      findings.push({ kind: 'borders', what: `border-${side} of ${name(node)} (${computed})`, ratio: worstContrast(colour, backdrops), needed: 3 });
    }
  }
  return findings;
}

/**
 * Filled rectangles that touch (the stacked promoter/passive/detractor shares) must differ by 3:1
 * where they meet, or be kept apart by a stroke; then each meets that stroke instead (Understanding
 * 1.4.11: adjacent slices of a chart need contrast with each other or a contrasting border).
 */
function adjacentFills(marks: readonly SVGGraphicsElement[]): Finding[] {
  const rects = marks
    .filter((mark): mark is SVGRectElement => mark instanceof SVGRectElement)
    .map((rect) => ({ rect, box: rect.getBoundingClientRect(), paints: paintsOf(rect) }))
    .map(({ rect, box, paints }) => ({ rect, box, fill: paints.find((p) => p.kind === 'fill')?.colours[0], stroke: paints.find((p) => p.kind === 'stroke' && p.width >= 1)?.colours[0] }))
    .filter((entry) => entry.fill && entry.fill.alpha === 1 && entry.box.width > 0 && entry.box.height > 0);
  const touch = (a: DOMRect, b: DOMRect) => {
    const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return (overlapX > 1 && Math.abs(overlapY) <= 0.5) || (overlapY > 1 && Math.abs(overlapX) <= 0.5);
  };
  const findings: Finding[] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i]!, rects[j]!];
      if (a.rect.ownerSVGElement !== b.rect.ownerSVGElement || !touch(a.box, b.box)) continue;
      const separator = b.stroke ?? a.stroke;
      const ratio = separator
        ? Math.min(contrast(a.fill!.rgb, over(separator, a.fill!.rgb)), contrast(b.fill!.rgb, over(separator, b.fill!.rgb)))
        : contrast(a.fill!.rgb, b.fill!.rgb);
      findings.push({ kind: 'adjacent fills', what: `${name(a.rect)} next to ${name(b.rect)}${separator ? ' (across their stroke)' : ''}`, ratio, needed: 3 });
    }
  }
  return findings;
}

/** The focus ring of each kind of control, against what it lies on. */
async function focusFindings(el: CxHost): Promise<Finding[]> {
  const findings: Finding[] = [];
  const fail = (what: string) => findings.push({ kind: 'focus ring', what, ratio: 0, needed: 3 });
  for (const ring of await focusRings(el)) {
    if (!ring.focusVisible) fail(`${ring.kind} does not take visible focus`);
    if (ring.drawnBy === 'none') fail(`${ring.kind} shows no focus ring`);
    if (!ring.changed) fail(`${ring.kind} looks the same focused and unfocused`);
    if (ring.width < 2) fail(`focus ring of ${ring.kind} is ${ring.width}px wide`);
    const colour = parseColour(ring.colour);
    findings.push({ kind: 'focus ring', what: `focus ring of ${ring.kind} (${ring.colour}, ${ring.width}px)`, ratio: colour ? worstContrast(colour, ring.backdrops) : 0, needed: 3 });
  }
  return findings;
}

/** The lowest ratio seen per theme and kind, printed after the run (the README's figures). */
const lowest = new Map<string, Finding>();
function remember(theme: Theme, findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (finding.ratio === 0) continue;
    const key = `${theme} ${finding.kind}`;
    const known = lowest.get(key);
    if (!known || finding.ratio < known.ratio) lowest.set(key, finding);
  }
}

const failing = (findings: readonly Finding[]) =>
  findings.filter((finding) => !(finding.ratio >= finding.needed)).map((finding) => `${finding.what}: ${finding.ratio.toFixed(2)}:1, needs ${finding.needed}:1`);

describe('contrast: text ≥ 4.5:1, marks and focus rings ≥ 3:1 (WCAG 2.2 1.4.3, 1.4.11)', () => {
  // Wide enough for the scorecard's table; its cards have a state of their own.
  before(() => setViewport({ width: 1280, height: 900 }));
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    const rows = [...lowest].sort(([a], [b]) => a.localeCompare(b)).map(([key, f]) => `${key.padEnd(26)} ${f.ratio.toFixed(2)}:1  ${f.what}`);
    console.log(`lowest contrast measured:\n${rows.join('\n')}`);
  });

  for (const element of ELEMENTS) {
    for (const theme of THEMES) {
      describe(`<${element.tag}> theme="${theme}"`, () => {
        for (const state of element.states) {
          it(`${state.name}`, async () => {
            const el = await state.render({ theme });
            const text = textFindings(el);
            const marks = markFindings(el);
            const rings = await focusFindings(el);
            remember(theme, [...text, ...marks, ...rings]);
            expect([...failing(text), ...failing(marks), ...failing(rings)]).to.deep.equal([]);
          });
        }
      });
    }
  }
});

/**
 * WCAG 1.4.1: what colour says is said another way too. In the elements' shared vocabulary: a hidden
 * (suppressed) period or stage has a pattern or words; each status has its own icon and a word; a
 * significant change or pain point has a shape or words; a legend swatch has its label.
 */
const seen = { hidden: 0, statuses: 0, '▼': 0, 'pain points': 0, 'legend items': 0 };

function colourOnly(el: CxHost): string[] {
  const root = el.shadowRoot!;
  const found: string[] = [];
  const words = (node: Element) => (node.textContent ?? '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const patterned = (node: Element) => /url\(/.test(getComputedStyle(node).fill) || /gradient|url\(/.test(getComputedStyle(node).backgroundImage);
  for (const hidden of root.querySelectorAll('.suppressed, .gap')) {
    if (!isShown(hidden)) continue;
    seen.hidden++;
    if (!patterned(hidden) && !words(hidden)) found.push(`${name(hidden)} is hidden data shown by colour alone`);
  }
  const iconOf = new Map<string, string>();
  for (const status of root.querySelectorAll('[part~=status-pill], [part=summary] li[class]')) {
    seen.statuses++;
    const icon = status.querySelector('.icon');
    const glyph = icon?.textContent?.trim() ?? '';
    const word = words(status);
    if (!glyph || !word) found.push(`status "${status.textContent!.trim()}" lacks ${glyph ? 'words' : 'an icon'}`);
    const kind = [...status.classList].find((c) => ['green', 'amber', 'red', 'grey'].includes(c));
    if (kind && iconOf.has(glyph) && iconOf.get(glyph) !== kind) found.push(`statuses ${kind} and ${iconOf.get(glyph)} share the icon "${glyph}"`);
    if (kind) iconOf.set(glyph, kind);
  }
  // ▲ and ▼ point opposite ways; a pain point is named in words next to its stage.
  for (const marker of root.querySelectorAll('svg[part=chart] .marker.down')) {
    seen['▼']++;
    if (!/rotate\(180\)/.test(marker.getAttribute('transform') ?? '')) found.push('▼ is not drawn as a turned ▲');
  }
  for (const stage of root.querySelectorAll('.stage.worse')) {
    seen['pain points']++;
    if (!words(stage.querySelector('.badge') ?? stage.ownerDocument.createElement('i'))) found.push(`${name(stage)} is marked worse by colour alone`);
  }
  for (const item of root.querySelectorAll('[part=legend] li')) {
    seen['legend items']++;
    if (!words(item)) found.push(`a legend swatch without a label: ${item.innerHTML.slice(0, 60)}`);
  }
  return found;
}

describe('information never by colour alone (WCAG 1.4.1)', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));
  for (const element of ELEMENTS) {
    describe(`<${element.tag}>`, () => {
      for (const state of element.states) {
        it(`${state.name}: hidden data has a pattern or words, statuses an icon and words`, async () => {
          const el = await state.render();
          expect(colourOnly(el)).to.deep.equal([]);
        });
      }
    });
  }
  // After the states (a suite's child suites run after its own tests): each rule above met something to check.
  describe('across all states', () => {
    it('met hidden data, statuses, ▼ markers, pain points and legend items', () => {
      expect(Object.entries(seen).filter(([, count]) => count === 0).map(([what]) => what)).to.deep.equal([]);
    });
  });
});
