import { CxDataError } from './errors.ts';

/**
 * The feedback schema: the canonical fields every element understands, the score scales, and the
 * mapping from a user's own column names (`fields="date:submitted_at,nps:likelihood_to_recommend"`).
 * Any column that is not mapped to a canonical field becomes a categorical dimension.
 */

export const CANONICAL_FIELDS = ['respondent', 'date', 'nps', 'csat', 'ces', 'stage', 'comment'] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export const SCORE_FIELDS = ['nps', 'csat', 'ces'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

/** Inclusive integer range of each score, as defined in DOMAIN.md. */
export const SCORE_SCALES: Readonly<Record<ScoreField, { readonly min: number; readonly max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** Sentinel stored in score columns for "no answer"; every valid score is >= 0. */
export const MISSING_SCORE = -1;

/** Canonical field → the name of the column that holds it in the user's data. */
export type FieldMapping = Partial<Record<CanonicalField, string>>;

/** A `fields` attribute the user has to correct: reaches the element as the localised `bad-fields` error. */
export class FieldMappingError extends CxDataError {
  override name = 'FieldMappingError';

  constructor(message: string) {
    super('bad-fields', message, { detail: message });
  }
}

export function isCanonicalField(name: string): name is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(name);
}

/**
 * Parses the `fields` attribute: comma-separated `canonical:column` pairs. Column names may contain
 * colons (only the first one separates). Whitespace around names is ignored.
 * @throws FieldMappingError for an unknown canonical field, an empty column name or a field mapped twice.
 */
export function parseFieldMapping(spec: string | null | undefined): FieldMapping {
  const mapping: FieldMapping = {};
  if (!spec || !spec.trim()) return mapping;
  for (const pair of spec.split(',')) {
    if (!pair.trim()) continue;
    const colon = pair.indexOf(':');
    const field = (colon < 0 ? pair : pair.slice(0, colon)).trim();
    const column = colon < 0 ? '' : pair.slice(colon + 1).trim();
    if (!isCanonicalField(field)) {
      throw new FieldMappingError(`Unknown field "${field}" in fields="${spec}"; expected one of ${CANONICAL_FIELDS.join(', ')}.`);
    }
    if (!column) throw new FieldMappingError(`Field "${field}" has no column name in fields="${spec}".`);
    if (mapping[field] !== undefined) throw new FieldMappingError(`Field "${field}" is mapped twice in fields="${spec}".`);
    mapping[field] = column;
  }
  return mapping;
}

/** Where each canonical field and each dimension sits in a header row. */
export interface ColumnLayout {
  readonly canonical: Partial<Record<CanonicalField, number>>;
  /** Every other non-empty column, in header order: a categorical dimension. */
  readonly dimensions: ReadonlyArray<{ readonly name: string; readonly index: number }>;
}

/**
 * Matches a header to the schema: an explicit mapping wins, otherwise a column whose trimmed,
 * case-folded name equals the canonical name.
 * @throws CxDataError `missing-column` when a mapped column is not in the header.
 */
export function resolveColumns(header: readonly string[], mapping: FieldMapping): ColumnLayout {
  const folded = header.map((name) => name.trim().toLowerCase());
  const canonical: Partial<Record<CanonicalField, number>> = {};
  for (const field of CANONICAL_FIELDS) {
    const wanted = mapping[field];
    if (wanted !== undefined) {
      const index = folded.indexOf(wanted.trim().toLowerCase());
      if (index < 0) {
        throw new CxDataError('missing-column', `Column "${wanted}" (mapped to ${field}) is not in the data; columns are: ${header.join(', ')}.`, {
          field: wanted,
        });
      }
      canonical[field] = index;
    }
  }
  for (const field of CANONICAL_FIELDS) {
    if (canonical[field] !== undefined) continue;
    const index = folded.indexOf(field);
    if (index >= 0 && !Object.values(canonical).includes(index)) canonical[field] = index;
  }
  const taken = new Set(Object.values(canonical));
  const dimensions = header
    .map((name, index) => ({ name: name.trim(), index }))
    .filter(({ name, index }) => name !== '' && !taken.has(index));
  return { canonical, dimensions };
}
