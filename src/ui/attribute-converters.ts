/**
 * Attribute converters shared by the elements. A removed or emptied attribute means the default,
 * never `null`: a page that clears an attribute (or a framework that unsets it) gets the documented
 * behaviour back, not an error about "null".
 */

/** A word from an open set; a value outside it is kept as written, so the element can report it. */
export const defaultedAttribute = <T extends string>(fallback: T) => ({
  fromAttribute: (value: string | null): T => (value === null || value.trim() === '' ? fallback : (value.trim() as T)),
  toAttribute: (value: T) => value,
});

/** A word from a closed set of display options; anything else means the default. */
export const keyAttribute = <T extends string>(allowed: readonly T[], fallback: T) => ({
  fromAttribute: (value: string | null): T => (value !== null && (allowed as readonly string[]).includes(value.trim()) ? (value.trim() as T) : fallback),
  toAttribute: (value: T) => value,
});

/** On unless written as `false`, `off`, `no` or `0` (present and empty means on). */
export const booleanAttribute = {
  fromAttribute: (value: string | null) => value === null || !/^(false|off|no|0)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};
