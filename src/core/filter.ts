/**
 * The cross-filter every element accepts: a day range, journey stages and segment values. One
 * element's `cx-select` carries a ready-made filter for the others, so a page wires two charts
 * together with `b.filter = event.detail.filter`.
 */
import { parseDateToDay } from './dates.ts';
import { CxDataError } from './errors.ts';
import type { FeedbackTable } from './table.ts';

/** A filter as a page sets it on an element's `filter` property. Every part is optional; parts combine with AND. */
export interface CxFilter {
  /** First day included, `YYYY-MM-DD`. */
  readonly from?: string;
  /** Last day included, `YYYY-MM-DD`. */
  readonly to?: string;
  /** Only these journey stages. */
  readonly stage?: string | readonly string[];
  /** Only rows whose column has one of the values: `{ department: 'Tax', channel: ['Web', 'App'] }`. */
  readonly segment?: Readonly<Record<string, string | readonly string[]>>;
}

/** One column condition: the row's value is one of `values` (exact match). */
export interface ColumnCondition {
  readonly dimension: string;
  readonly values: readonly string[];
}

/** The engine's form of a filter: whole days and column conditions, all of which must hold. */
export interface RowFilter {
  readonly fromDay: number | null;
  readonly toDay: number | null;
  readonly conditions: readonly ColumnCondition[];
}

const FILTER_KEYS: readonly string[] = ['from', 'to', 'stage', 'segment'];

export const NO_FILTER: RowFilter = Object.freeze({ fromDay: null, toDay: null, conditions: Object.freeze([]) });

function badFilter(message: string, detail: string): CxDataError {
  return new CxDataError('bad-data', message, { detail });
}

/**
 * The attribute form, `department:Tax|Benefits; stage:Apply`: conditions separated by `;`, values
 * by `|`. Column names match case-insensitively, values exactly (after trimming).
 */
export function parseFilterAttribute(spec: string): CxFilter {
  const segment: Record<string, string[]> = {};
  for (const part of spec.split(';')) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    if (colon <= 0 || !part.slice(0, colon).trim()) throw badFilter(`filter="${spec}" must look like dimension:value.`, `filter="${spec}"`);
    const dimension = part.slice(0, colon).trim();
    const values = part.slice(colon + 1).split('|').map((v) => v.trim());
    (segment[dimension] ??= []).push(...values);
  }
  return { segment };
}

function dayOf(name: string, text: string | undefined): number | null {
  if (text === undefined || text === null || text === '') return null;
  if (typeof text !== 'string') throw badFilter(`${name} must be a date string (YYYY-MM-DD).`, name);
  const parsed = parseDateToDay(text);
  if ('error' in parsed) throw badFilter(`${name}="${text}" is not a date (use YYYY-MM-DD).`, `${name}="${text}"`);
  return parsed.day;
}

/** An element's own `from` and `to` attributes as a filter; errors name the attribute. */
export function dayRangeFilter(from: string | undefined, to: string | undefined): RowFilter {
  return { fromDay: dayOf('from', from), toDay: dayOf('to', to), conditions: [] };
}

function valueList(name: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (!list || !list.every((v) => typeof v === 'string')) throw badFilter(`filter value for "${name}" must be a string or an array of strings.`, `filter.${name}`);
  return list.map((v: string) => v.trim());
}

/**
 * Validates a filter from a property or attribute and turns it into the engine's form. Strings are
 * read as the attribute syntax; null, undefined and '' mean no filter.
 * @throws CxDataError `bad-data` naming the part that is wrong.
 */
export function toRowFilter(filter: CxFilter | string | null | undefined): RowFilter {
  if (filter === null || filter === undefined || filter === '') return NO_FILTER;
  const object = typeof filter === 'string' ? parseFilterAttribute(filter) : filter;
  if (typeof object !== 'object' || Array.isArray(object)) throw badFilter('filter must be an object like { from, to, stage, segment }.', 'filter');
  for (const key of Object.keys(object)) {
    // A column name where `segment` belongs would otherwise be ignored and show unfiltered numbers.
    if (!FILTER_KEYS.includes(key)) throw badFilter(`filter has no "${key}"; use from, to, stage and segment (segment: { ${key}: … } for a column).`, `filter.${key}`);
  }
  const conditions: ColumnCondition[] = [];
  if (object.stage !== undefined && object.stage !== null) conditions.push({ dimension: 'stage', values: valueList('stage', object.stage) });
  if (object.segment !== undefined && object.segment !== null) {
    if (typeof object.segment !== 'object' || Array.isArray(object.segment)) throw badFilter('filter.segment must be an object of column → value(s).', 'filter.segment');
    for (const [dimension, values] of Object.entries(object.segment)) {
      if (!dimension.trim()) throw badFilter('filter.segment has an empty column name.', 'filter.segment');
      conditions.push({ dimension: dimension.trim(), values: valueList(dimension, values) });
    }
  }
  const fromDay = dayOf('filter.from', object.from);
  const toDay = dayOf('filter.to', object.to);
  return { fromDay, toDay, conditions };
}

/** Both filters at once: the later `from`, the earlier `to`, and every condition of each. */
export function intersectFilters(a: RowFilter, b: RowFilter): RowFilter {
  const later = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
  const earlier = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
  return { fromDay: later(a.fromDay, b.fromDay), toDay: earlier(a.toDay, b.toDay), conditions: [...a.conditions, ...b.conditions] };
}

/** A categorical column by name: `stage` is the stage column, anything else a dimension (case-insensitive, as `fields` is). */
export function categoryColumn(table: FeedbackTable, name: string) {
  const wanted = name.trim().toLowerCase();
  const column = wanted === 'stage' ? table.stage : table.dimensions.find((d) => d.name.toLowerCase() === wanted);
  if (!column) throw new CxDataError('missing-column', `The data has no column "${name}".`, { field: name });
  return column;
}

/** Column conditions compiled to per-code masks, so the row loop tests a condition with two array reads. */
export interface CompiledConditions {
  readonly codes: ReadonlyArray<Uint16Array | Uint32Array>;
  readonly masks: readonly Uint8Array[];
}

export function compileConditions(table: FeedbackTable, conditions: readonly ColumnCondition[]): CompiledConditions {
  const codes: Array<Uint16Array | Uint32Array> = [];
  const masks: Uint8Array[] = [];
  for (const condition of conditions) {
    const column = categoryColumn(table, condition.dimension);
    const mask = new Uint8Array(column.dictionary.length);
    const wanted = new Set(condition.values);
    column.dictionary.forEach((value, code) => {
      if (wanted.has(value)) mask[code] = 1;
    });
    codes.push(column.codes);
    masks.push(mask);
  }
  return { codes, masks };
}

/** True when `row` meets every compiled condition. */
export function rowPasses(compiled: CompiledConditions, row: number): boolean {
  const { codes, masks } = compiled;
  for (let i = 0; i < codes.length; i++) if (!masks[i]![codes[i]![row]!]) return false;
  return true;
}
