/**
 * Which of an element's drawings carry information, how well each stands out, and how its focus ring
 * looks: the policy shared by the contrast and forced-colours checks.
 */
import { nextFrame } from '@open-wc/testing';
import type { CxHost } from './elements.ts';
import { SHAPES, composedParent, contrast, describe, htmlBackdrops, isShown, over, paintsOf, svgBackdrops, type Paint, type Rgb } from './paint.ts';

/**
 * Marks that are not required to understand the content (WCAG 1.4.11 covers only graphics that
 * are), so they may be faint and may keep their colour in forced-colours mode. Each says why;
 * everything else drawn must stand out.
 */
export const DECORATIVE: ReadonlyArray<{ readonly selector: string; readonly why: string }> = [
  { selector: '.grid line', why: 'reference lines: values are read from the axis labels, the point names, the tooltip and the table' },
  { selector: '.axis .domain, .axis .tick line', why: 'axis rule and tick marks: the tick labels carry the scale' },
  { selector: '.column-highlight', why: 'hover/focus tint of a journey column; the focused stage has its own ring' },
  { selector: '.list-bar .track', why: 'the empty track behind a pain bar; the bar itself is checked' },
];

/** Every shown SVG shape in a shadow root that paints something and is not decorative. */
export function informationMarks(root: ShadowRoot): SVGGraphicsElement[] {
  const decorative = DECORATIVE.map((entry) => entry.selector).join(', ');
  return [...root.querySelectorAll<SVGGraphicsElement>(SHAPES)].filter((mark) => isShown(mark) && !mark.matches(decorative) && paintsOf(mark).length > 0);
}

/**
 * How well a mark stands out where it is drawn: on each thing behind it, by its outline (stroke) or,
 * inside that outline, by its fill: a point by its ring, a bar by its fill, a share of a stacked bar
 * by its fill against the hairline that separates it from the next. A pattern counts by its weakest line.
 */
export function markContrast(paints: readonly Paint[], backdrops: readonly Rgb[]): number {
  const fill = paints.find((paint) => paint.kind === 'fill');
  const stroke = paints.find((paint) => paint.kind === 'stroke');
  return Math.min(
    ...backdrops.map((backdrop) => {
      const outline = stroke ? Math.min(...stroke.colours.map((colour) => contrast(over(colour, backdrop), backdrop))) : 0;
      const edge = stroke ? over(stroke.colours[0]!, backdrop) : backdrop;
      const inside = fill ? Math.min(...fill.colours.map((colour) => contrast(over(colour, edge), edge))) : 0;
      return Math.max(outline, inside);
    }),
  );
}

export interface FocusRing {
  /** The kind of control, e.g. `button[part=table-toggle]`. */
  readonly kind: string;
  readonly focusVisible: boolean;
  /** `outline` for HTML controls, `stroke` for an SVG point; `none` when nothing shows focus. */
  readonly drawnBy: 'outline' | 'stroke' | 'none';
  /** The ring's computed colour. */
  readonly colour: string;
  readonly width: number;
  /** What the ring lies on. */
  readonly backdrops: readonly Rgb[];
  /** Whether focusing changed how it looks (always true for an outline, which is only there when focused). */
  readonly changed: boolean;
}

/**
 * Focuses one control of each kind that Tab or the arrow keys reach, as the keyboard would
 * (`:focus-visible`), and reads its ring.
 */
export async function focusRings(el: CxHost): Promise<FocusRing[]> {
  const root = el.shadowRoot!;
  const kinds = new Map<string, HTMLElement | SVGElement>();
  for (const control of root.querySelectorAll<HTMLElement | SVGElement>('button, select, [tabindex]:not([tabindex="-1"])')) {
    if (isShown(control) && !kinds.has(describe(control))) kinds.set(describe(control), control);
  }
  const rings: FocusRing[] = [];
  for (const [kind, control] of kinds) {
    (root.activeElement as HTMLElement | null)?.blur();
    await el.updateComplete;
    const unfocused = { ...getComputedStyle(control) };
    control.focus({ focusVisible: true } as FocusOptions);
    await el.updateComplete;
    await nextFrame();
    const style = getComputedStyle(control);
    const focusVisible = control.matches(':focus-visible');
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      // Drawn outside the control it lies on the parent's background, drawn inside on the control's own.
      const backdrops = parseFloat(style.outlineOffset) < 0 ? htmlBackdrops(control) : htmlBackdrops(composedParent(control)!);
      rings.push({ kind, focusVisible, drawnBy: 'outline', colour: style.outlineColor, width: parseFloat(style.outlineWidth), backdrops, changed: true });
    } else if (control instanceof SVGGraphicsElement) {
      // An SVG point shows focus by its stroke: it has to change, and to stand out where it is drawn.
      const changed = style.stroke !== unfocused.stroke || style.strokeWidth !== unfocused.strokeWidth;
      rings.push({ kind, focusVisible, drawnBy: 'stroke', colour: style.stroke, width: parseFloat(style.strokeWidth), backdrops: svgBackdrops(control), changed });
    } else {
      rings.push({ kind, focusVisible, drawnBy: 'none', colour: 'none', width: 0, backdrops: [], changed: false });
    }
    (control as HTMLElement).blur();
    await el.updateComplete;
  }
  return rings;
}
