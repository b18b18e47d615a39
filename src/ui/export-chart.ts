/**
 * Exports of what an element shows: its chart as a standalone SVG document, the same as a PNG, and
 * the download of either (or of a CSV) under a sanitised file name. Part of the drawing modules'
 * shared chunk, so it is fetched with the charts, never in front of the page.
 *
 * The SVG is rebuilt, not cloned: only drawing elements and geometry attributes from an allow-list
 * are copied, so nothing that runs or fetches (`<script>`, `<foreignObject>`, `on…` handlers,
 * `<image>`/`<use>`/`<a>` hrefs, `<style>` with `@import` or fonts, animations that set hrefs) can
 * reach the file, whatever the data did to the DOM. The look comes from each element's computed
 * style (so colours from `--cx-*` custom properties and themes are resolved values), and a paint
 * server may only be referenced inside the document (`url(#id)`).
 */
import { html, type TemplateResult } from 'lit';
import { sanitizeFileName } from '../core/export-csv.ts';
import type { MessageKey, Translator } from './i18n.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type ExportFormat = 'csv' | 'svg' | 'png';

export interface ChartSvgOptions {
  /** The file's `<title>`: the chart's accessible name. */
  readonly title: string;
  /** Its `<desc>`: the chart's text summary. */
  readonly description?: string;
  /** Names the element draws outside its SVG (the journey's stages), written under the chart at x (centre). */
  readonly labels?: ReadonlyArray<{ readonly x: number; readonly text: string }>;
  /** Marks of the page's interaction state (a highlighted column) left out of the file. */
  readonly exclude?: string;
}

/** A standalone SVG document and its size in CSS pixels. */
export interface ChartSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** Elements drawn; anything else is left out with all it contains. */
const ELEMENTS = new Set(['svg', 'g', 'defs', 'pattern', 'path', 'line', 'rect', 'circle', 'ellipse', 'polyline', 'polygon', 'text', 'tspan', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask']);
/** Geometry only: presentation comes from the computed style, behaviour and references never. */
const ATTRIBUTES = new Set([
  'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'points', 'transform', 'viewBox', 'preserveAspectRatio',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'id', 'offset', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'gradientUnits', 'gradientTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
]);
const GROUP_STYLE = ['opacity', 'filter', 'clip-path', 'mask', 'visibility'];
const SHAPE_STYLE = [...GROUP_STYLE, 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'paint-order'];
const TEXT_STYLE = [...SHAPE_STYLE, 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-numeric', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'direction'];
const STOP_STYLE = ['stop-color', 'stop-opacity'];
/** Initial values, left out to keep the file small. */
const INITIAL: Readonly<Record<string, string>> = {
  opacity: '1', filter: 'none', 'clip-path': 'none', mask: 'none', visibility: 'visible', 'fill-opacity': '1', 'fill-rule': 'nonzero', stroke: 'none',
  'stroke-width': '1px', 'stroke-opacity': '1', 'stroke-dasharray': 'none', 'stroke-dashoffset': '0px', 'stroke-linecap': 'butt', 'stroke-linejoin': 'miter',
  'paint-order': 'normal', 'font-style': 'normal', 'font-variant-numeric': 'normal', 'dominant-baseline': 'auto', 'letter-spacing': 'normal', direction: 'ltr',
  'stop-opacity': '1',
};

/**
 * Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/FFFF): data may contain them, and
 * one would make the whole file unreadable, so each becomes U+FFFD.
 */
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Containers whose own paint is never drawn (their content has its own computed style). */
const UNPAINTED = new Set(['svg', 'defs', 'pattern', 'clipPath', 'mask', 'linearGradient', 'radialGradient']);
const LINE_STYLE = SHAPE_STYLE.filter((property) => property !== 'fill' && property !== 'fill-opacity' && property !== 'fill-rule');

function styleOf(name: string): readonly string[] {
  if (UNPAINTED.has(name)) return [];
  if (name === 'text' || name === 'tspan') return TEXT_STYLE;
  if (name === 'stop') return STOP_STYLE;
  if (name === 'g') return GROUP_STYLE;
  // A line has no inside: its fill is never painted.
  return name === 'line' ? LINE_STYLE : SHAPE_STYLE;
}

/** Builds the inert copy; `wanted` collects the ids that `url(#…)` references point at. */
class Rebuilder {
  readonly wanted = new Set<string>();
  readonly ids = new Set<string>();

  constructor(private readonly exclude?: string) {}

  /** `url(anything#id)` becomes `url(#id)` (no fetch possible); any other `url(` value is dropped. */
  #safe(value: string): string | null {
    if (!/url\(/i.test(value)) return value;
    let unsafe = false;
    const rewritten = value.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (_, _quote: string, target: string) => {
      const id = /#([\w-]+)$/.exec(target)?.[1];
      if (!id) unsafe = true;
      else this.wanted.add(id);
      return `url(#${id})`;
    });
    return unsafe || /url\((?!#[\w-]+\))/i.test(rewritten) ? null : rewritten;
  }

  element(source: Element): SVGElement | null {
    const name = source.localName;
    if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(name) || (this.exclude && source.matches(this.exclude))) return null;
    const computed = getComputedStyle(source);
    if (computed.display === 'none') return null;
    const copy = document.createElementNS(SVG_NS, name);
    for (const attribute of source.attributes) {
      if (attribute.namespaceURI !== null || !ATTRIBUTES.has(attribute.name)) continue;
      const value = this.#safe(attribute.value);
      if (value !== null) copy.setAttribute(attribute.name, xmlSafe(value));
      if (attribute.name === 'id') this.ids.add(attribute.value);
    }
    const declarations: string[] = [];
    for (const property of styleOf(name)) {
      const value = computed.getPropertyValue(property).trim();
      if (!value || INITIAL[property] === value) continue;
      const safe = this.#safe(value);
      if (safe !== null) declarations.push(`${property}:${xmlSafe(safe)}`);
    }
    if (declarations.length) copy.setAttribute('style', declarations.join(';'));
    for (const child of source.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && (name === 'text' || name === 'tspan')) copy.append(xmlSafe(child.textContent ?? ''));
      else if (child instanceof Element) {
        const rebuilt = this.element(child);
        if (rebuilt) copy.append(rebuilt);
      }
    }
    return copy;
  }
}

/** The first background behind `element` that is not transparent, through shadow roots; white when there is none. */
function backgroundOf(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (!(node instanceof Element)) continue;
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return 'rgb(255, 255, 255)';
}

function textElement(content: string, attributes: Readonly<Record<string, string>>): SVGElement {
  const node = document.createElementNS(SVG_NS, 'text');
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = xmlSafe(content);
  return node;
}

/**
 * The chart `source` as a standalone SVG document: `xmlns`, a `<title>` (and `<desc>`), width, height
 * and viewBox in CSS pixels, the element's background, and every paint server it references.
 */
export function chartSvg(source: SVGSVGElement, options: ChartSvgOptions): ChartSvg {
  const box = source.viewBox.baseVal;
  const rect = source.getBoundingClientRect();
  const [vx, vy, vw, vh] = box && box.width > 0 ? [box.x, box.y, box.width, box.height] : [0, 0, rect.width, rect.height];
  // The chart lets axis labels overflow its viewBox (overflow: visible); the file must hold them.
  const drawn = source.getBBox();
  const x = Math.floor(Math.min(vx, drawn.x));
  const y = Math.floor(Math.min(vy, drawn.y));
  const width = Math.ceil(Math.max(vx + vw, drawn.x + drawn.width)) - x;
  const chartHeight = Math.ceil(Math.max(vy + vh, drawn.y + drawn.height)) - y;
  const labelRow = options.labels?.length ? 28 : 0;
  const height = chartHeight + labelRow;
  const rebuilder = new Rebuilder(options.exclude);
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = xmlSafe(options.title);
  root.append(title);
  if (options.description) {
    const desc = document.createElementNS(SVG_NS, 'desc');
    desc.textContent = xmlSafe(options.description);
    root.append(desc);
  }
  const style = getComputedStyle(source);
  // The element's own background, so the file looks the same on any page (white where it has none).
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height })) backdrop.setAttribute(name, String(value));
  backdrop.setAttribute('style', `fill:${backgroundOf(source)}`);
  root.append(backdrop);
  for (const child of source.children) {
    const rebuilt = rebuilder.element(child);
    if (rebuilt) root.append(rebuilt);
  }
  if (options.labels?.length) {
    const labels = document.createElementNS(SVG_NS, 'g');
    labels.setAttribute('style', `fill:${style.color};font-family:${style.fontFamily};font-size:12px;text-anchor:middle;direction:${style.direction}`);
    for (const label of options.labels) labels.append(textElement(label.text, { x: String(label.x), y: String(y + chartHeight + 18) }));
    root.append(labels);
  }
  // Paint servers the chart uses but keeps elsewhere (the journey's hatching lives in a separate <svg>).
  const scope = source.getRootNode() as Document | ShadowRoot;
  const defs = document.createElementNS(SVG_NS, 'defs');
  for (const id of [...rebuilder.wanted]) {
    if (rebuilder.ids.has(id)) continue;
    const found = scope.getElementById?.(id);
    const rebuilt = found ? rebuilder.element(found) : null;
    if (rebuilt) defs.append(rebuilt);
  }
  if (defs.childNodes.length) root.insertBefore(defs, backdrop);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}

/** The SVG drawn onto a canvas at `scale` × its CSS size (2: sharp on high-density screens and in print). */
export async function chartPng(chart: ChartSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([chart.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(chart.width * scale);
    canvas.height = Math.round(chart.height * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas made no PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `content` as `fileName` through a temporary link; the object URL is let go right after. */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What an element hands the download: its table as CSV, its chart (null where it draws none). */
export interface ExportSources {
  csv(): string | null;
  svg(): ChartSvg | null;
}

/**
 * Makes the file of `format` and saves it as `name` (sanitised; `fallback` when nothing of it is
 * left). Resolves with the file name, or null when there was nothing to export.
 */
export async function downloadExport(format: ExportFormat, sources: ExportSources, name: string, fallback: string): Promise<string | null> {
  let blob: Blob | null = null;
  if (format === 'csv') {
    const csv = sources.csv();
    // A byte-order mark, so spreadsheet programs read the UTF-8 (Arabic, Greek, Polish) correctly.
    if (csv !== null) blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  } else {
    const chart = sources.svg();
    if (chart) blob = format === 'svg' ? new Blob([chart.text], { type: 'image/svg+xml' }) : await chartPng(chart);
  }
  if (!blob) return null;
  const fileName = sanitizeFileName(name, format, fallback);
  saveFile(blob, fileName);
  return fileName;
}

/**
 * The toolbar's download buttons, one per format, as a named group. A button is `aria-busy` while its
 * file is being made (a PNG takes a moment): set on the button itself, so no render is needed.
 */
export function renderExportButtons(i18n: Translator, formats: readonly ExportFormat[], onExport: (format: ExportFormat) => Promise<unknown>): TemplateResult {
  const run = (event: Event, format: ExportFormat) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.setAttribute('aria-busy', 'true');
    void onExport(format).finally(() => button.removeAttribute('aria-busy'));
  };
  return html`<span part="export" class="export" role="group" aria-label=${i18n.t('export.group')}>
    ${formats.map((format) => html`<button part="export-button" data-format=${format} @click=${(event: Event) => run(event, format)}>${i18n.t(`export.${format}` as MessageKey)}</button>`)}
  </span>`;
}
