/**
 * Attribute converters shared by the elements. A removed or emptied attribute means the default,
 * never `null`: a page that clears an attribute (or a framework that unsets it) gets the documented
 * behaviour back, not an error about "null".
 */
import { CxDataError } from '../core/errors.ts';
import { DEFAULT_MIN_N } from '../core/series.ts';

/**
 * `min-n` guards privacy, so anything that is not a whole number ≥ 1 (a removed attribute, "",
 * "five") means the default, never "no suppression".
 */
export const minNAttribute = {
  fromAttribute(value: string | null): number {
    const parsed = value === null || value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(parsed) && parsed >= 1 ? Math.floor(parsed) : DEFAULT_MIN_N;
  },
  toAttribute: (value: number) => String(value),
};

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

/**
 * A positive number (a limit); anything else (removed, empty, zero, negative, "lots") means `fallback`,
 * never "no limit". `integer` rounds down.
 */
export const positiveAttribute = (fallback: number, { integer = false } = {}) => ({
  fromAttribute: (value: string | null): number => positiveOr(value === null || value.trim() === '' ? NaN : Number(value), fallback, integer),
  toAttribute: (value: number) => String(value),
});

/** `value` if it is a finite number > 0 (rounded down when `integer`, and then at least 1), else `fallback`. */
export function positiveOr(value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return fallback;
  return integer ? Math.max(1, Math.floor(value)) : value;
}

const BYTE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** A size in bytes, as a number or with a unit (`500MB`, `2 GiB`; kB/MB/GB are powers of 1000); anything else means `fallback`. */
export const byteSizeAttribute = (fallback: number) => ({
  fromAttribute(value: string | null): number {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(value ?? '');
    return match ? positiveOr(Number(match[1]) * BYTE_UNITS[(match[2] ?? 'b').toLowerCase()]!, fallback, true) : fallback;
  },
  toAttribute: (value: number) => String(value),
});

/** A URL attribute made absolute: the worker would resolve a relative one against its own script. */
export function absoluteUrl(value: string, attribute: string): string {
  try {
    return new URL(value, document.baseURI).href;
  } catch {
    throw new CxDataError('bad-data', `${attribute}="${value}" is not a URL.`, { detail: `${attribute}="${value}"` });
  }
}
