/**
 * What test/security/exports.test.ts asks of every export: an SVG that is well-formed, standalone
 * and inert; CSV cells a spreadsheet cannot run; downloads caught before they leave the page.
 */
import { expect } from '@open-wc/testing';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that run, fetch, embed or animate: none may be in an export. */
const FORBIDDEN = new Set([
  'script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'img', 'use', 'a', 'style', 'animate', 'set', 'animatemotion',
  'animatetransform', 'discard', 'handler', 'listener', 'feimage', 'link', 'video', 'audio', 'font-face-uri', 'cursor',
]);

/** Characters XML cannot hold become U+FFFD in an export: the same replacement, for comparing texts. */
export const asXmlText = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Only `url(#id)`: a reference inside the document, which nothing can fetch. */
function expectLocalUrls(value: string, where: string): void {
  for (const match of value.matchAll(/url\(([^)]*)\)/gi)) expect(match[1], `${where}: url(${match[1]})`).to.match(/^#[\w-]+$/);
}

/** Parses `text` as XML and fails on anything that could run or fetch; returns the document. */
export function expectSafeSvg(text: string, where: string): XMLDocument {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length, `${where}: well-formed XML`).to.equal(0);
  expect(doc.doctype, `${where}: no DOCTYPE (no entities)`).to.equal(null);
  expect([...doc.childNodes].map((node) => node.nodeType), `${where}: nothing but the <svg> (no processing instruction)`).to.deep.equal([Node.ELEMENT_NODE]);
  const root = doc.documentElement;
  expect(root.localName, where).to.equal('svg');
  expect(root.namespaceURI, `${where}: xmlns`).to.equal(SVG_NS);
  expect(text, `${where}: declares xmlns`).to.contain(`xmlns="${SVG_NS}"`);
  for (const name of ['width', 'height']) expect(Number(root.getAttribute(name)), `${where}: ${name}`).to.be.greaterThan(0);
  expect(root.getAttribute('viewBox'), `${where}: viewBox`).to.match(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
  expect(root.firstElementChild?.localName, `${where}: a <title> first`).to.equal('title');
  expect(root.firstElementChild!.textContent!.length, `${where}: the title says something`).to.be.greaterThan(0);
  for (const element of doc.getElementsByTagName('*')) {
    const at = `${where}: <${element.localName}>`;
    expect(element.namespaceURI, `${at} is SVG`).to.equal(SVG_NS);
    expect(FORBIDDEN.has(element.localName.toLowerCase()), `${at} is not allowed in an export`).to.equal(false);
    for (const attribute of element.attributes) {
      if (attribute.namespaceURI === 'http://www.w3.org/2000/xmlns/') continue;
      const name = attribute.name.toLowerCase();
      expect(name.startsWith('on'), `${at} has the handler ${attribute.name}`).to.equal(false);
      if (name === 'href' || name.endsWith(':href')) expect(attribute.value, `${at} ${attribute.name}`).to.match(/^#[\w-]+$/);
      expect(attribute.value.replace(/[\u0000-\u0020]/g, ''), `${at} ${attribute.name}`).not.to.match(/javascript:|data:|https?:|\/\//i);
      expectLocalUrls(attribute.value, `${at} ${attribute.name}`);
      if (name === 'style') expect(attribute.value, `${at} style`).not.to.match(/@import|expression\(|\\/i);
    }
  }
  return doc;
}

/** RFC 4180, as a spreadsheet reads it: quoted cells, doubled quotes, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') (cell += '"'), i++;
      else quoted = false;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA = /^[\t\r\n]|^[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * No cell a spreadsheet would run: a cell starting with a trigger must be a number the export wrote;
 * an unquoted cell holds no `;`, where spreadsheets in comma-decimal locales would split it.
 */
export function expectNoFormula(csv: string, where: string): string[][] {
  const rows = parseCsv(csv.replace(/^\ufeff/, ''));
  expect(rows.length, `${where}: rows`).to.be.greaterThan(1);
  for (const row of rows) for (const cell of row) if (FORMULA.test(cell)) expect(cell, `${where}: a cell a spreadsheet would run`).to.match(NUMBER);
  for (const line of csv.split('\r\n')) expect(line.replace(/"(?:[^"]|"")*"/g, ''), `${where}: an unquoted semicolon`).not.to.contain(';');
  return rows;
}

export interface Download {
  readonly name: string;
  readonly blob: Blob;
}

/** Catches the files the page would download (object URL + link click) while `run` goes. */
export async function catchDownloads(run: () => Promise<void>): Promise<Download[]> {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create.call(URL, object);
    blobs.set(url, object as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) downloads.push({ name: this.download, blob: blobs.get(this.href)! });
    else click.call(this);
  };
  try {
    await run();
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  return downloads;
}
