/**
 * Score cells → integers on the field's scale, or a reason why not. A score is only ever a whole number
 * on its scale (DOMAIN.md); anything else is reported rather than rounded, so a council never reads a
 * figure built from values the file did not contain.
 */
import { SCORE_SCALES, type ScoreField } from './schema.ts';

export type ScoreParseResult =
  | { value: number }
  | { missing: true }
  | { error: 'score-not-number' | 'score-not-integer' | 'score-out-of-range' };

const MISSING: ScoreParseResult = { missing: true };
const NOT_NUMBER: ScoreParseResult = { error: 'score-not-number' };
const NOT_INTEGER: ScoreParseResult = { error: 'score-not-integer' };
const OUT_OF_RANGE: ScoreParseResult = { error: 'score-out-of-range' };

/** What survey exports write for "not answered": an explicit blank, not a bad value. */
const NOT_ANSWERED = /^(?:n\/?a|-)$/i;

/**
 * Plain decimal notation only: optional sign, digits, optional fraction ("7", "+7", "7.0", "7.", ".5").
 * Exponents ("1e1"), hex, "Infinity" and digit grouping are refused: no survey tool writes a 0–10 score that
 * way, so such a cell is far more likely a shifted column than a score. Groups: sign, integer part, fraction.
 */
const DECIMAL_POINT = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;
const DECIMAL_COMMA = /^([+-]?)(?:(\d+)(?:[.,](\d*))?|[.,](\d+))$/;

function onScale(value: number, field: ScoreField): ScoreParseResult {
  const { min, max } = SCORE_SCALES[field];
  return value >= min && value <= max ? { value } : OUT_OF_RANGE;
}

/**
 * A score as written in a text cell. `decimalComma`: true when the file's delimiter is ';' or tab, where
 * "7,0" means 7.0 (a ',' file cannot have an unquoted decimal comma, so there a comma is not a number).
 * A '.' is always a decimal point: on a 0–10 scale it cannot be a thousands separator.
 */
export function parseScore(text: string, field: ScoreField, decimalComma: boolean): ScoreParseResult {
  const trimmed = text.trim();
  if (trimmed === '' || NOT_ANSWERED.test(trimmed)) return MISSING;
  const m = (decimalComma ? DECIMAL_COMMA : DECIMAL_POINT).exec(trimmed);
  if (!m) return NOT_NUMBER;
  const [, sign, integerDigits, fraction, bareFraction] = m;
  // Integer-ness before range: "10.5" on the NPS scale is a wrong kind of value, not merely too big.
  const fractionDigits = fraction ?? bareFraction;
  if (fractionDigits && Number(fractionDigits) !== 0) return NOT_INTEGER;
  const magnitude = Number(integerDigits ?? '0');
  // "-0" is 0: a negative zero would compare equal but print and serialise as "-0".
  return onScale(sign === '-' && magnitude !== 0 ? -magnitude : magnitude, field);
}

/**
 * A score from JSON or in-memory rows: a number, a numeric string (read with a decimal point; "N/A" and
 * blanks are missing), or null/undefined (missing). Booleans, objects, bigints and the rest are not numbers.
 */
export function checkScore(value: unknown, field: ScoreField): ScoreParseResult {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'string') return parseScore(value, field, false);
  if (typeof value !== 'number' || !Number.isFinite(value)) return NOT_NUMBER;
  if (!Number.isInteger(value)) return NOT_INTEGER;
  return onScale(value === 0 ? 0 : value, field);
}
