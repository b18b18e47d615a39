/**
 * What an element paints, read back from the browser: the colours of its text and marks, resolved
 * against what is actually behind them (translucent fills composited, patterns looked up), and the
 * WCAG 2.2 contrast between them. Shared by the contrast and forced-colours checks.
 */

export type Rgb = readonly [number, number, number];
export interface Rgba {
  readonly rgb: Rgb;
  readonly alpha: number;
}

// --- colour -----------------------------------------------------------------------------------

const clamp255 = (value: number) => Math.max(0, Math.min(255, value));

/**
 * A computed colour: Chromium writes `rgb(…)`/`rgba(…)`, and `color(srgb r g b / a)` for what
 * `color-mix()` makes. `none`, `transparent` and anything unpainted are null.
 */
export function parseColour(text: string): Rgba | null {
  const value = text.trim();
  if (value === '' || value === 'none' || value === 'transparent') return null;
  let match = /^rgba?\(([^)]+)\)$/.exec(value);
  if (match) {
    const parts = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    const alpha = parts[3] ?? 1;
    return alpha === 0 ? null : { rgb: [parts[0]!, parts[1]!, parts[2]!], alpha };
  }
  match = /^color\(srgb ([^)]+)\)$/.exec(value);
  if (match) {
    const parts = match[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
    const alpha = parts[3] ?? 1;
    return alpha === 0 ? null : { rgb: [clamp255(parts[0]! * 255), clamp255(parts[1]! * 255), clamp255(parts[2]! * 255)], alpha };
  }
  throw new Error(`cannot read the computed colour "${value}"`);
}

/** Every colour named in a computed value, e.g. the stops of a gradient. */
export function coloursIn(text: string): Rgba[] {
  const found = text.match(/rgba?\([^)]+\)|color\(srgb [^)]+\)/g) ?? [];
  return found.map(parseColour).filter((colour): colour is Rgba => colour !== null);
}

/** `top` painted over an opaque `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgb): Rgb {
  const a = top.alpha;
  return [0, 1, 2].map((i) => top.rgb[i]! * a + bottom[i]! * (1 - a)) as unknown as Rgb;
}

const withAlpha = (colour: Rgba, factor: number): Rgba => ({ rgb: colour.rgb, alpha: colour.alpha * factor });

/** Relative luminance, WCAG 2.2 (sRGB). */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const hex = (rgb: Rgb) => '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');

// --- the composed tree ------------------------------------------------------------------------

/** The parent in the composed tree: out of a shadow root to its host. */
export function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function ancestorsAndSelf(node: Element): Element[] {
  const chain: Element[] = [];
  for (let at: Element | null = node; at; at = composedParent(at)) chain.push(at);
  return chain;
}

/** The product of `opacity` up the composed tree. */
function opacityOf(node: Element): number {
  return ancestorsAndSelf(node).reduce((product, at) => product * Number(getComputedStyle(at).opacity), 1);
}

/**
 * What is behind an HTML element (its own background included): the backgrounds of it and its
 * ancestors composited over the white page. A gradient (the hatching of a hidden stage) gives one
 * backdrop per colour in it, so text is checked against its worst stripe as well as the gaps.
 */
export function htmlBackdrops(node: Element): Rgb[] {
  let backdrops: Rgb[] = [[255, 255, 255]];
  for (const at of ancestorsAndSelf(node).reverse()) {
    if (at instanceof SVGElement) continue;
    const style = getComputedStyle(at);
    const colour = parseColour(style.backgroundColor);
    if (colour) backdrops = backdrops.map((backdrop) => over(colour, backdrop));
    const stripes = style.backgroundImage === 'none' ? [] : coloursIn(style.backgroundImage);
    if (stripes.length) backdrops = [...backdrops, ...stripes.flatMap((stripe) => backdrops.map((backdrop) => over(stripe, backdrop)))];
  }
  return unique(backdrops);
}

function unique(colours: Rgb[]): Rgb[] {
  const seen = new Map(colours.map((colour) => [hex(colour), colour]));
  return [...seen.values()];
}

// --- SVG marks --------------------------------------------------------------------------------

export const SHAPES = 'line, path, circle, rect, polygon, polyline, ellipse';

export interface Paint {
  readonly kind: 'fill' | 'stroke';
  /** As computed, e.g. `rgb(11, 92, 173)` or `url("#cx-hatch")`. */
  readonly computed: string;
  /** The colours it puts on screen, opacity applied; a pattern gives the colours of its lines. */
  readonly colours: readonly Rgba[];
  readonly width: number;
}

/** The pattern `url(#id)` points at, looked up in the element's own tree (a shadow root). */
function patternOf(node: Element, computed: string): SVGPatternElement | null {
  const id = /url\("?#([^")]+)"?\)/.exec(computed)?.[1];
  if (!id) return null;
  const root = node.getRootNode() as Document | ShadowRoot;
  const found = root.getElementById(id);
  return found instanceof SVGPatternElement ? found : null;
}

function colourOfPaint(node: Element, computed: string, factor: number): Rgba[] {
  if (computed.startsWith('url(')) {
    const pattern = patternOf(node, computed);
    if (!pattern) return [];
    return [...pattern.querySelectorAll(SHAPES)].flatMap((shape) => paintsOf(shape as SVGElement).flatMap((paint) => paint.colours.map((c) => withAlpha(c, factor))));
  }
  const colour = parseColour(computed);
  return colour ? [withAlpha(colour, factor)] : [];
}

/** The fill and the stroke of an SVG shape (or the fill of SVG text), as painted. */
export function paintsOf(node: SVGElement): Paint[] {
  const style = getComputedStyle(node);
  const opacity = node.closest('pattern') ? Number(style.opacity) : opacityOf(node);
  const paints: Paint[] = [];
  const fillable = !(node instanceof SVGLineElement) && !(node instanceof SVGPolylineElement && style.fill === 'none');
  if (fillable) paints.push({ kind: 'fill', computed: style.fill, colours: colourOfPaint(node, style.fill, Number(style.fillOpacity) * opacity), width: Infinity });
  const strokeWidth = parseFloat(style.strokeWidth);
  if (strokeWidth > 0) paints.push({ kind: 'stroke', computed: style.stroke, colours: colourOfPaint(node, style.stroke, Number(style.strokeOpacity) * opacity), width: strokeWidth });
  return paints.filter((paint) => paint.colours.length > 0);
}

/**
 * Where to look for what is behind a shape, in screen coordinates: along a stroked line or path
 * (what its stroke lies on), just outside a filled shape's box (what its edge meets; a dot drawn over
 * a smaller one is seen against what surrounds it), or inside text's box (what its glyphs lie on).
 */
function samplePoints(node: SVGGraphicsElement): DOMPoint[] {
  const stroked = node instanceof SVGLineElement || node instanceof SVGPolylineElement || (node instanceof SVGPathElement && getComputedStyle(node).fill === 'none');
  if (stroked) {
    const matrix = node.getScreenCTM();
    if (!matrix) return [];
    const geometry = node as SVGGeometryElement;
    const length = geometry.getTotalLength();
    return Array.from({ length: 9 }, (_, i) => {
      const point = geometry.getPointAtLength((length * i) / 8);
      return new DOMPoint(point.x, point.y).matrixTransform(matrix);
    });
  }
  const box = node.getBoundingClientRect();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  if (node instanceof SVGTextContentElement) {
    return [new DOMPoint(cx, cy), new DOMPoint(box.left + 1, cy), new DOMPoint(box.right - 1, cy), new DOMPoint(cx, box.top + 2), new DOMPoint(cx, box.bottom - 2)];
  }
  return [new DOMPoint(cx, box.top - 1), new DOMPoint(cx, box.bottom + 1), new DOMPoint(box.left - 1, cy), new DOMPoint(box.right + 1, cy)];
}

/** An SVG area that can lie under other marks: a filled shape (not a line), its fill as painted. */
function areaFill(node: SVGElement): Rgba | null {
  if (node instanceof SVGLineElement) return null;
  const style = getComputedStyle(node);
  if (style.fill.startsWith('url(')) return null;
  const colour = parseColour(style.fill);
  return colour ? withAlpha(colour, Number(style.fillOpacity) * opacityOf(node)) : null;
}

/**
 * What is behind an SVG mark or text: the HTML backdrop of its <svg>, and wherever the mark lies on
 * a filled area drawn before it (a confidence band, a highlighted column), that area composited
 * over it. Returns every distinct backdrop the mark touches.
 */
export function svgBackdrops(node: SVGGraphicsElement): Rgb[] {
  const svg = node.ownerSVGElement ?? (node as unknown as SVGSVGElement);
  const base = htmlBackdrops(svg);
  // A halo (drop shadows in one colour all round) is what the mark meets, whatever lies under it.
  const halo = coloursIn(getComputedStyle(node).filter);
  if (/drop-shadow/.test(getComputedStyle(node).filter) && halo.length) return unique(halo.flatMap((colour) => base.map((backdrop) => over(colour, backdrop))));
  const shapes = [...svg.querySelectorAll<SVGGeometryElement>(SHAPES)].filter((shape) => !shape.closest('defs, pattern'));
  // Painted before the mark: earlier in document order, and not the mark or inside it.
  const before = shapes.filter((shape) => shape !== node && !node.contains(shape) && shape.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
  const areas = before.map((shape) => ({ shape, fill: areaFill(shape) })).filter((area): area is { shape: SVGGeometryElement; fill: Rgba } => area.fill !== null);
  const backdrops: Rgb[] = [...base];
  for (const point of samplePoints(node)) {
    let behind = base;
    for (const { shape, fill } of areas) {
      const inverse = shape.getScreenCTM()?.inverse();
      if (!inverse) continue;
      const local = point.matrixTransform(inverse);
      if (shape.isPointInFill(new DOMPoint(local.x, local.y))) behind = behind.map((backdrop) => over(fill, backdrop));
    }
    backdrops.push(...behind);
  }
  return unique(backdrops);
}

// --- what is shown ----------------------------------------------------------------------------

/** Shown on screen: rendered, not hidden, not in <defs>, not the visually-hidden text for screen readers. */
export function isShown(node: Element): boolean {
  if (node.closest('defs, pattern, .visually-hidden, [hidden], option, style')) return false;
  if (!node.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions)) return false;
  const box = node.getBoundingClientRect();
  return box.width > 0 || box.height > 0;
}

/** Every element in `root` (a shadow root), depth first. */
export function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')];
}

export interface TextRun {
  readonly node: Element;
  readonly text: string;
  readonly colour: Rgba;
  readonly backdrops: readonly Rgb[];
  /** WCAG "large text": 18 pt (24 px), or 14 pt (18.66 px) bold, needs 3:1 instead of 4.5:1. */
  readonly large: boolean;
  /**
   * A symbol hidden from assistive technology next to the words it illustrates (✓ ! ✕ – ⚑ ⚠ ▲):
   * an icon, so a graphical object under 1.4.11 (3:1), not text under 1.4.3.
   */
  readonly icon: boolean;
}

/** Every piece of visible text in a shadow root, with its colour and what is behind it. */
export function textRuns(root: ShadowRoot): TextRun[] {
  const parents = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim() && node.parentElement) parents.add(node.parentElement);
  }
  // A <select> shows its chosen option's text itself.
  for (const select of root.querySelectorAll('select')) parents.add(select);
  const runs: TextRun[] = [];
  for (const node of parents) {
    if (!isShown(node)) continue;
    const style = getComputedStyle(node);
    const svgText = node instanceof SVGElement;
    const computed = svgText ? style.fill : style.color;
    const parsed = parseColour(computed);
    if (!parsed) continue;
    const colour = withAlpha(parsed, (svgText ? Number(style.fillOpacity) : 1) * opacityOf(node));
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const text = [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join('').trim() || (node as HTMLSelectElement).value || '';
    runs.push({
      node,
      text,
      colour,
      backdrops: svgText ? svgBackdrops(node as SVGGraphicsElement) : htmlBackdrops(node),
      large: size >= 24 || (size >= 18.66 && bold),
      icon: node.closest('[aria-hidden="true"]') !== null && /^[^\p{L}\p{N}]{1,2}$/u.test(text),
    });
  }
  return runs;
}

/** The lowest contrast of a colour against any of its backdrops. */
export function worstContrast(colour: Rgba, backdrops: readonly Rgb[]): number {
  return Math.min(...backdrops.map((backdrop) => contrast(over(colour, backdrop), backdrop)));
}

/** A short name for a node in messages: `circle.point[data-start]` style. */
export function describe(node: Element): string {
  const classes = [...node.classList].map((name) => `.${name}`).join('');
  const part = node.getAttribute('part');
  const own = `${node.localName}${classes}${part ? `[part=${part}]` : ''}`;
  const parent = node.parentElement;
  return classes || part || !parent ? own : `${describe(parent)} > ${own}`;
}
