/**
 * The row rules of src/core/dates.ts and src/core/scores.ts as regular expressions any of the four
 * dialects reads the same way (see dialects.ts): [0-9] rather than \d, no backreferences, no
 * non-capturing groups, no backslashes. Each SHAPE is the form a value is recognised by; the matching
 * STRICT pattern adds the clock ranges, so a value of the right shape with 25:00 is an invalid date
 * rather than "not a date of this form", as in the TypeScript reader.
 */

const TWO = '[0-9]{2}';
/** Hours 00–23, minutes and seconds 00–59 (no leap seconds, as dates.ts). */
const HOUR = '([01][0-9]|2[0-3])';
const SHORT_HOUR = '([01]?[0-9]|2[0-3])';
const SIXTY = '[0-5][0-9]';

/** ISO 8601 / RFC 3339: date, optional time with seconds and fraction, optional Z or offset. */
export const ISO_SHAPE = `^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]${TWO}:${TWO}(:${TWO}([.][0-9]{1,9})?)?([Zz]|[+-]${TWO}:?${TWO})?)?$`;
export const ISO_STRICT = `^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]${HOUR}:${SIXTY}(:${SIXTY}([.][0-9]{1,9})?)?([Zz]|[+-]${HOUR}:?${SIXTY})?)?$`;

const clock = (hour: string, minute: string) => `([ T]${hour}:${minute}(:${minute})?)?`;
const CLOCK_SHAPE = clock('[0-9]{1,2}', TWO);
const CLOCK_STRICT = clock(SHORT_HOUR, SIXTY);

/** YYYY/MM/DD, YYYY.MM.DD and the Hungarian YYYY. MM. DD. */
export const YEAR_FIRST_SHAPE = `^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)${CLOCK_SHAPE}$`;
export const YEAR_FIRST_STRICT = `^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)${CLOCK_STRICT}$`;

/** DD.MM.YYYY (day first wherever dots are used). */
export const DAY_FIRST_SHAPE = `^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}${CLOCK_SHAPE}$`;
export const DAY_FIRST_STRICT = `^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}${CLOCK_STRICT}$`;

/** DD/MM/YYYY or MM/DD/YYYY (or dashes, or a two-digit year): the order cannot be known. One pattern per separator: no backreference. */
const YEAR_LAST_TAIL = `([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$`;
export const YEAR_LAST_SLASH = `^[0-9]{1,2}/[0-9]{1,2}/${YEAR_LAST_TAIL}`;
export const YEAR_LAST_DASH = `^[0-9]{1,2}-[0-9]{1,2}-${YEAR_LAST_TAIL}`;

/** Parts, once the form is known. Year-first forms: */
export const LEADING_YEAR = '^([0-9]{4})';
export const SECOND_PART_AFTER_YEAR = '^[0-9]{4}[-/.] ?([0-9]{1,2})';
export const THIRD_PART_AFTER_YEAR = '^[0-9]{4}[-/.] ?[0-9]{1,2}[-/.] ?([0-9]{1,2})';
/** Day-first and year-last forms (four digits tried first: RE2 takes the first alternative that matches). */
export const FIRST_PART = '^([0-9]{1,2})';
export const SECOND_PART = '^[0-9]{1,2}[-/.]([0-9]{1,2})';
export const TRAILING_YEAR = '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})';

/** Scores. "N/A", "NA", "-": not answered. */
export const NOT_ANSWERED = '^([Nn]/?[Aa]|-)$';
/** Plain decimal notation; with a decimal comma in ';' and tab files. */
export const NUMBER = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$';
export const NUMBER_DECIMAL_COMMA = '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$';
/** A number whose fraction is all zeros (7, 7.0, 7.). */
export const WHOLE = '^[+-]?([0-9]+([.]0*)?|[.]0+)$';
export const WHOLE_DECIMAL_COMMA = '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$';
export const INTEGER_DIGITS = '^[+-]?([0-9]*)';
