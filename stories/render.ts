/**
 * One render function for every element: `render: renderElement` with `component: 'nps-trend'` turns
 * a story's args into that element. Args are named as in custom-elements.json (attribute names such
 * as `min-n`, property names such as `data`), so the controls Storybook generates from the manifest
 * drive the element directly, and test/stories checks that every story's args are known there.
 *
 * How an arg reaches the element:
 * - `--cx-…`: a CSS custom property on the element's style;
 * - `onCxLoad` and the like (Storybook's actions for the manifest's events): an event listener for `cx-load`;
 * - a boolean: the property (`show-ci` → `showCi`), since each element's converter decides what an
 *   attribute's text means (`show-ci="false"` is off, `compact="false"` would be on);
 * - a string or number under an attribute-shaped name: the attribute, parsed by the element as a page
 *   author's HTML would be; `undefined`, `null` or an emptied text field removes it;
 * - anything else (objects, arrays; `data`, `counts`, `definition`): the property.
 * An arg that goes away (a reset control) puts its property back to the value the element started
 * with: removing an attribute alone would leave Lit's `null` in it, not the element's default.
 * The element is created once per story and kept while args change, like Lit's own bindings, so
 * changing a control updates it instead of reloading it from scratch. No HTML is parsed from args.
 */
import { html, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

export type ElementArgs = Record<string, unknown>;

const attributeName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const eventHandler = /^on[A-Z]/;
const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
/** `onCxLoad` → `cx-load`, the inverse of how Storybook names an event's action arg. */
const eventName = (key: string) => key.slice(2).replace(/^[A-Z]/, (letter) => letter.toLowerCase()).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function setProperty(element: HTMLElement, name: string, value: unknown): void {
  (element as unknown as Record<string, unknown>)[name] = value;
}

function applyArg(element: HTMLElement, key: string, value: unknown, previous: unknown): void {
  if (key.startsWith('--')) {
    if (value === undefined || value === null || value === '') element.style.removeProperty(key);
    else element.style.setProperty(key, String(value));
  } else if (eventHandler.test(key) && (typeof value === 'function' || typeof previous === 'function')) {
    if (typeof previous === 'function') element.removeEventListener(eventName(key), previous as EventListener);
    if (typeof value === 'function') element.addEventListener(eventName(key), value as EventListener);
  } else if (typeof value === 'boolean' || (value === undefined && typeof previous === 'boolean')) {
    setProperty(element, camelCase(key), value);
  } else if (attributeName.test(key) && (typeof value === 'string' || typeof value === 'number' || value === undefined || value === null)) {
    if (value === undefined || value === null || value === '') element.removeAttribute(key);
    else element.setAttribute(key, String(value));
  } else {
    setProperty(element, camelCase(key), value);
  }
}

class CustomElementDirective extends Directive {
  #element: HTMLElement | undefined;
  readonly #applied = new Map<string, unknown>();
  /** Property values from before the first arg touched them, keyed by arg. */
  readonly #initial = new Map<string, unknown>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('customElement() renders an element in a child position: html`${customElement(tag, args)}`.');
  }

  render(tagName: string, args: Readonly<ElementArgs>): HTMLElement {
    if (this.#element?.localName !== tagName) {
      this.#element = document.createElement(tagName);
      this.#applied.clear();
      this.#initial.clear();
    }
    const element = this.#element;
    for (const key of new Set([...this.#applied.keys(), ...Object.keys(args)])) {
      const value = args[key];
      const previous = this.#applied.get(key);
      if (this.#applied.has(key) && Object.is(previous, value)) continue;
      const property = camelCase(key);
      if (!key.startsWith('--') && !eventHandler.test(key) && !this.#initial.has(key)) this.#initial.set(key, (element as unknown as Record<string, unknown>)[property]);
      applyArg(element, key, value, previous);
      if (value === undefined) {
        if (this.#initial.has(key)) setProperty(element, property, this.#initial.get(key));
        this.#applied.delete(key);
      } else {
        this.#applied.set(key, value);
      }
    }
    return element;
  }
}

/** The element `tagName` with `args` applied; the same element across re-renders of one part. */
export const customElement = directive(CustomElementDirective);

/** Storybook render function: the story's `component` with its args. */
export function renderElement(args: Readonly<ElementArgs>, context: { readonly component?: unknown }): TemplateResult {
  if (typeof context.component !== 'string') throw new Error('renderElement needs `component: "<tag-name>"` in the story file’s default export.');
  return html`${customElement(context.component, args)}`;
}
