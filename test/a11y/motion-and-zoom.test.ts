import { expect } from '@open-wc/testing';
import { emulateMediaFeatures, resetPageSize, setPageSize } from './emulate.ts';
import { ELEMENTS, type CxHost } from './elements.ts';
import { allElements, composedParent, describe as name, isShown } from './paint.ts';

/**
 * `prefers-reduced-motion: reduce` stops every transition and animation (WCAG 2.3.3), and every
 * state reflows (1.4.10) at 320 CSS px and at 200 % zoom (1.4.4) without sideways scrolling or
 * clipped text. Data tables may scroll inside their own box: 1.4.10 exempts content that needs two
 * dimensions to be understood.
 */

/** Transitions and animations that would run on a node or its ::before/::after. */
function motion(el: CxHost): string[] {
  const found: string[] = [];
  for (const node of [el, ...allElements(el.shadowRoot!)]) {
    for (const pseudo of [null, '::before', '::after'] as const) {
      const style = getComputedStyle(node, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
      const seconds = (list: string) => list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1));
      const transition = style.transitionProperty !== 'none' && seconds(style.transitionDuration).some((duration) => duration > 0);
      const animation = style.animationName !== 'none' && seconds(style.animationDuration).some((duration) => duration > 0);
      if (transition) found.push(`${name(node)}${pseudo ?? ''}: transition ${style.transitionProperty} ${style.transitionDuration}`);
      if (animation) found.push(`${name(node)}${pseudo ?? ''}: animation ${style.animationName} ${style.animationDuration}`);
    }
  }
  return found;
}

const scrollsSideways = (node: Element) => /auto|scroll/.test(getComputedStyle(node).overflowX);
const clips = (node: Element) => /hidden|clip/.test(getComputedStyle(node).overflowX) && !node.matches('.visually-hidden');

/** The boxes of every piece of text on screen: each line of HTML text, each SVG text element. */
function textBoxes(root: ShadowRoot): Array<{ node: Element; text: string; box: DOMRect }> {
  const boxes: Array<{ node: Element; text: string; box: DOMRect }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || !isShown(parent)) continue;
    if (parent instanceof SVGElement) {
      boxes.push({ node: parent, text: node.textContent.trim(), box: parent.getBoundingClientRect() });
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) if (box.width > 0) boxes.push({ node: parent, text: node.textContent.trim(), box });
  }
  return boxes;
}

function reflowProblems(el: CxHost): string[] {
  const found: string[] = [];
  const page = document.documentElement;
  const viewport = page.clientWidth;
  if (page.scrollWidth > viewport) found.push(`the page scrolls sideways: ${page.scrollWidth} px of content in ${viewport} px`);
  const frame = el.shadowRoot!.querySelector('[part=base]')!;
  for (const box of [el, frame]) {
    if (box.scrollWidth > box.clientWidth + 1) found.push(`${name(box)} is ${box.scrollWidth} px wide inside ${box.clientWidth} px`);
  }
  for (const node of allElements(el.shadowRoot!)) {
    if (!isShown(node) || node.scrollWidth <= node.clientWidth + 1) continue;
    if (clips(node)) found.push(`${name(node)} cuts off ${node.scrollWidth - node.clientWidth} px of its content`);
    else if (scrollsSideways(node) && !node.querySelector('table')) found.push(`${name(node)} scrolls sideways and holds no data table`);
  }
  for (const { node, text, box } of textBoxes(el.shadowRoot!)) {
    let inScroller = false;
    for (let at = composedParent(node); at && at !== document.body; at = composedParent(at)) {
      if (scrollsSideways(at)) {
        inScroller = true;
        break;
      }
      if (clips(at)) {
        const limit = at.getBoundingClientRect();
        if (box.left < limit.left - 1 || box.right > limit.right + 1) found.push(`"${text.slice(0, 30)}" in ${name(node)} is cut off by ${name(at)}`);
      }
    }
    if (!inScroller && (box.left < -1 || box.right > viewport + 1)) {
      found.push(`"${text.slice(0, 30)}" in ${name(node)} runs off the screen (${Math.round(box.left)}–${Math.round(box.right)} px of ${viewport})`);
    }
  }
  return found;
}

describe('prefers-reduced-motion: reduce', () => {
  afterEach(() => emulateMediaFeatures());
  const animatedSomewhere: string[] = [];

  for (const element of ELEMENTS) {
    describe(`<${element.tag}>`, () => {
      for (const state of element.states) {
        it(`${state.name}: nothing moves`, async () => {
          const el = await state.render();
          animatedSomewhere.push(...motion(el));
          await emulateMediaFeatures({ reducedMotion: 'reduce' });
          expect(motion(el)).to.deep.equal([]);
        });
      }
    });
  }

  // Run after the states (mocha runs a suite's own tests before its child suites): without it the
  // checks above could pass by finding nothing to stop. Something must move when motion is welcome.
  describe('without the preference', () => {
    it('something does move (the scorecard’s disclosure chevron), so the checks above stop something', () => {
      expect(animatedSomewhere.join('\n')).to.contain('.chevron::before: transition');
    });
  });
});

/**
 * Zoom is emulated as the browser does it: at 200 % a 1280 × 800 window lays out 640 × 400 CSS px
 * with two device pixels to each, so media queries, ResizeObserver and the elements' own width
 * logic all see 640 px. (CSS `zoom` on the document would scale the layout without changing what
 * the page is told its width is, which is not what a reader zooming in gets.)
 */
const LAYOUTS = [
  { name: '320 CSS px wide (WCAG 1.4.10 reflow)', width: 320, height: 640, scale: 1 },
  { name: '200 % zoom of a 1280 px window (WCAG 1.4.4)', width: 640, height: 400, scale: 2 },
] as const;

for (const layout of LAYOUTS) {
  describe(`at ${layout.name}`, () => {
    before(() => setPageSize(layout.width, layout.height, layout.scale));
    after(() => resetPageSize());

    it('is the width it claims', () => {
      expect([innerWidth, devicePixelRatio]).to.deep.equal([layout.width, layout.scale]);
    });

    for (const element of ELEMENTS) {
      describe(`<${element.tag}>`, () => {
        for (const state of element.states) {
          it(`${state.name}: no sideways scrolling, no clipped text`, async () => {
            const el = await state.render();
            expect(reflowProblems(el)).to.deep.equal([]);
          });
        }
      });
    }
  });
}
