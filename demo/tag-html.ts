/** A live element written back as the HTML a page would need for it: what the gallery lets people copy. */
import { isWritten } from './authored.ts';
import { literalDefault, typeText, type ElementDeclaration } from './manifest.ts';

/** Gallery bookkeeping, not part of the tag a page needs. */
const GALLERY_ONLY = /^(id|class|data-.*)$/;

/** Lines longer than this put one attribute per line. */
const ONE_LINE_MAX = 80;

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * `<nps-trend src="…" interval="quarter"></nps-trend>`. An attribute equal to its documented default
 * that the page did not write is left out: `theme` reflects, so every upgraded element carries a
 * `theme="light"` nobody wrote.
 */
export function tagHtml(element: Element, declaration: ElementDeclaration | undefined): string {
  const tag = element.localName;
  const known = new Map((declaration?.attributes ?? []).map((attribute) => [attribute.name, attribute]));
  const parts: string[] = [];
  for (const name of element.getAttributeNames()) {
    if (GALLERY_ONLY.test(name)) continue;
    const value = element.getAttribute(name) ?? '';
    const attribute = known.get(name);
    if (attribute && !isWritten(element, name) && typeText(attribute) !== 'boolean' && literalDefault(attribute) === value) continue;
    parts.push(value === '' && (!attribute || typeText(attribute) === 'boolean') ? name : `${name}="${escapeAttribute(value)}"`);
  }
  const oneLine = `<${tag}${parts.map((part) => ` ${part}`).join('')}></${tag}>`;
  if (oneLine.length <= ONE_LINE_MAX) return oneLine;
  return `<${tag}\n${parts.map((part) => `  ${part}`).join('\n')}\n></${tag}>`;
}
