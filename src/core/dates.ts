/**
 * Response dates → calendar day numbers (whole days since 1970-01-01, the same count Date.UTC uses).
 *
 * The day is the calendar date AS WRITTEN; a time of day and a UTC offset are validated and then ignored.
 * The date a respondent (or their survey tool) wrote down is the date they answered on in their own
 * time zone. Converting "2024-03-31T23:30-05:00" to UTC would make it 2024-04-01 and move a late-evening
 * March answer into April's NPS, so monthly and weekly figures would depend on the offset, not on the
 * respondent's calendar.
 *
 * Only unambiguous forms are read. Slash or dash dates with the year last (03/04/2024) are rejected as
 * ambiguous even when one part is over 12: guessing per row would read one file in two different orders.
 * No `Date.parse`: what it accepts is implementation-defined, and it silently turns bad input into some date.
 */

export type DateParseResult = { day: number } | { error: 'missing-date' | 'invalid-date' | 'ambiguous-date' };

const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** Day numbers of 1900-01-01 and of 2200-01-01 (the first day past the accepted range). */
const FIRST_DAY = Date.UTC(MIN_YEAR, 0, 1) / MS_PER_DAY;
const END_DAY = Date.UTC(MAX_YEAR + 1, 0, 1) / MS_PER_DAY;

const INVALID: DateParseResult = { error: 'invalid-date' };
const MISSING: DateParseResult = { error: 'missing-date' };
const AMBIGUOUS: DateParseResult = { error: 'ambiguous-date' };

/**
 * ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally `T` (or a space) `HH:mm`, `:ss`, `.fraction`, then `Z` or an
 * offset `±HH:mm` / `±HHmm`. Month and day may have one digit (year first is unambiguous). Groups:
 * 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 offset hours, 8 offset minutes.
 */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?$/;

/** A wall-clock time after the other forms, as spreadsheet exports write it ("31.03.2024 9:05:00"). Groups: hour, minute, second. */
const CLOCK = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';

/** `YYYY/MM/DD`. Groups: year, month, day, then {@link CLOCK}. */
const YEAR_FIRST_SLASH = new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${CLOCK}$`);

/** `YYYY.MM.DD` and the Hungarian `YYYY. MM. DD.` (a space after each dot, a final dot). */
const YEAR_FIRST_DOT = new RegExp(`^(\\d{4})\\. ?(\\d{1,2})\\. ?(\\d{1,2})\\.?${CLOCK}$`);

/** `DD.MM.YYYY`: day first by convention wherever dots are used (Polish, Greek, German…). Groups: day, month, year. */
const DAY_FIRST_DOT = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${CLOCK}$`);

/** `DD/MM/YYYY` or `MM/DD/YYYY` (also with dashes, or a two-digit year): the order cannot be known from the text. */
const YEAR_LAST = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:,?[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Absent parts (undefined) are fine; present ones must be on the clock. Leap seconds (:60) are not accepted. */
function isValidTime(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  if (hour !== undefined && Number(hour) > 23) return false;
  if (minute !== undefined && Number(minute) > 59) return false;
  return second === undefined || Number(second) <= 59;
}

function dayOf(year: number, month: number, day: number, time: (string | undefined)[]): DateParseResult {
  if (!isValidDate(year, month, day)) return INVALID;
  if (!isValidTime(time[0], time[1], time[2])) return INVALID;
  return { day: Date.UTC(year, month - 1, day) / MS_PER_DAY };
}

/** Calendar day of a date as written, as whole days since 1970-01-01 (UTC day numbers; may be negative). */
export function parseDateToDay(text: string): DateParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return MISSING;

  let m = ISO_DATE.exec(trimmed);
  if (m) {
    // The offset must be well-formed to trust the rest of the timestamp, even though the day ignores it.
    if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return INVALID;
    return dayOf(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]]);
  }
  m = YEAR_FIRST_SLASH.exec(trimmed) ?? YEAR_FIRST_DOT.exec(trimmed);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]]);
  m = DAY_FIRST_DOT.exec(trimmed);
  if (m) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]), [m[4], m[5], m[6]]);

  m = YEAR_LAST.exec(trimmed);
  if (m) {
    // Ambiguous when either reading could be a real date; "45/99/2024" is simply invalid.
    const first = Number(m[1]);
    const second = Number(m[3]);
    // A two-digit year's century is unknown too, so test February against a leap year (the lenient side).
    const year = m[4]!.length === 4 ? Number(m[4]) : 2000;
    const plausible = (month: number, day: number) =>
      month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    const inRange = m[4]!.length === 2 || (year >= MIN_YEAR && year <= MAX_YEAR);
    return inRange && (plausible(first, second) || plausible(second, first)) ? AMBIGUOUS : INVALID;
  }
  return INVALID;
}

/**
 * The UTC calendar day of a Date object or epoch milliseconds (JSON / in-memory input). An instant has no
 * "as written" date, so UTC is the only choice that does not depend on the machine running the code.
 */
export function dayFromDate(value: Date | number): DateParseResult {
  // A bare number below 1e11 ms (before March 1973) is far more likely Unix seconds, an Excel serial
  // (45366) or a compact 20240315 than a real 1970s timestamp; reading it as ms would put it in 1970.
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e11) return AMBIGUOUS;
  const ms = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) return INVALID;
  const day = Math.floor(ms / MS_PER_DAY);
  if (day < FIRST_DAY || day >= END_DAY) return INVALID;
  return { day };
}

/** Midnight UTC at the start of a day number, in epoch milliseconds. */
export function dayToUtcMs(day: number): number {
  return day * MS_PER_DAY;
}
