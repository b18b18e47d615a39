/**
 * Which attributes the page itself wrote, as opposed to ones an element reflected (`theme` writes
 * its default back). The copied tag keeps what was written and leaves out reflected defaults.
 */
const written = new WeakMap<Element, Set<string>>();

/**
 * Records the attributes `elements` carry now. Call it in the same task that defines the elements:
 * Lit reflects in its first update, a microtask later, so what is there now is what the HTML said.
 */
export function recordWrittenAttributes(elements: Iterable<Element>): void {
  for (const element of elements) if (!written.has(element)) written.set(element, new Set(element.getAttributeNames()));
}

export function isWritten(element: Element, name: string): boolean {
  return written.get(element)?.has(name) ?? false;
}

/** The page (the attribute panel) set or removed an attribute on purpose. */
export function markWritten(element: Element, name: string, present: boolean): void {
  const names = written.get(element) ?? new Set<string>();
  written.set(element, names);
  if (present) names.add(name);
  else names.delete(name);
}
