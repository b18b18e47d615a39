/**
 * Inline style from data (a tooltip's position, a grid's column count) written through the CSSOM.
 * Lit's `styleMap` commits its first value as a `style="…"` attribute, and a strict page CSP
 * (`style-src 'self'` without 'unsafe-inline') blocks that attribute; property writes through
 * `element.style.setProperty` are not governed by CSP (issue 8, scripts/e2e-csp.mjs).
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** CSS property names as CSS spells them (`grid-template-columns`, `--_cx-tip-at`) → values. */
export type StyleProperties = Readonly<Record<string, string>>;

class StylePropertiesDirective extends Directive {
  /** Names written last time: one left out of the next value is removed, as styleMap does. */
  #written = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style' || (partInfo.strings?.length ?? 0) > 2) {
      throw new Error('styleProperties() must be the whole value of a style attribute');
    }
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#written) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#written = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
