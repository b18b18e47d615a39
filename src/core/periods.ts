/**
 * Calendar periods for grouping. Days are whole UTC day numbers (days since 1970-01-01); d3-time's
 * UTC intervals do the calendar arithmetic so months, quarters and leap years are never hand-rolled.
 * Weeks start on Monday (ISO 8601), as they do for the councils we serve in Europe and the Gulf's
 * working-week reports alike, rather than d3's Sunday-based `utcWeek`.
 */
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';

export const INTERVALS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type IntervalName = (typeof INTERVALS)[number];

const MS_PER_DAY = 86_400_000;

const utcQuarter: CountableTimeInterval = utcMonth.every(3) as CountableTimeInterval;

const TIME_INTERVALS: Record<IntervalName, CountableTimeInterval> = {
  day: utcDay,
  week: utcMonday,
  month: utcMonth,
  quarter: utcQuarter,
  year: utcYear,
};

export function isIntervalName(value: string): value is IntervalName {
  return (INTERVALS as readonly string[]).includes(value);
}

export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

export function dateToDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** First day of the period that contains `day`. */
export function periodStartDay(day: number, interval: IntervalName): number {
  return dateToDay(TIME_INTERVALS[interval].floor(dayToDate(day)));
}

/** First day of the period `steps` periods after (negative: before) the one starting at `startDay`. */
export function offsetPeriod(startDay: number, interval: IntervalName, steps: number): number {
  return dateToDay(TIME_INTERVALS[interval].offset(dayToDate(startDay), steps));
}

/**
 * Widens a day range to whole periods: `from` moves to the start of its period and `to` to the end of
 * its period. A chart point always covers a whole period, so a month is never shown from half its
 * days, and rows and pre-aggregated counts select exactly the same periods.
 */
export function snapToPeriods(fromDay: number | null, toDay: number | null, interval: IntervalName): { fromDay: number | null; toDay: number | null } {
  return {
    fromDay: fromDay === null ? null : periodStartDay(fromDay, interval),
    toDay: toDay === null ? null : offsetPeriod(periodStartDay(toDay, interval), interval, 1) - 1,
  };
}

/**
 * Maps every day in [firstDay, lastDay] to the start of its period, once per distinct day, so the
 * per-row grouping loop is a single array lookup rather than a calendar computation per row.
 */
export function periodStartsByDay(firstDay: number, lastDay: number, interval: IntervalName): Int32Array {
  const starts = new Int32Array(Math.max(0, lastDay - firstDay + 1));
  let periodStart = periodStartDay(firstDay, interval);
  let nextStart = offsetPeriod(periodStart, interval, 1);
  for (let day = firstDay; day <= lastDay; day++) {
    if (day >= nextStart) {
      periodStart = periodStartDay(day, interval);
      nextStart = offsetPeriod(periodStart, interval, 1);
    }
    starts[day - firstDay] = periodStart;
  }
  return starts;
}

/**
 * Periods numbered 0, 1, 2 … over [firstDay, lastDay]: `indexOfDay[day - firstDay]` is the period's
 * index and `starts[index]` its first day. Lets a per-row loop count into a flat typed array indexed
 * by small integers, with no calendar arithmetic and no map lookups.
 */
export function densePeriodIndex(firstDay: number, lastDay: number, interval: IntervalName): { indexOfDay: Int32Array; starts: number[] } {
  const startOfDay = periodStartsByDay(firstDay, lastDay, interval);
  const indexOfDay = new Int32Array(startOfDay.length);
  const starts: number[] = [];
  for (let i = 0; i < startOfDay.length; i++) {
    if (starts[starts.length - 1] !== startOfDay[i]) starts.push(startOfDay[i]!);
    indexOfDay[i] = starts.length - 1;
  }
  return { indexOfDay, starts };
}

/** ISO 8601 week number and week-year of the week containing `day`: the year of that week's Thursday. */
export function isoWeekOf(day: number): { week: number; weekYear: number } {
  const thursday = utcDay.offset(utcMonday.floor(dayToDate(day)), 3);
  const ordinal = utcDay.count(utcYear.floor(thursday), thursday); // 0-based day of the year
  return { week: Math.floor(ordinal / 7) + 1, weekYear: thursday.getUTCFullYear() };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A stable, sortable, language-neutral key for a period: `2024-03-05`, `2024-W10`, `2024-03`, `2024-Q1`, `2024`. */
export function periodKey(startDay: number, interval: IntervalName): string {
  const date = dayToDate(startDay);
  const year = date.getUTCFullYear();
  switch (interval) {
    case 'day':
      return `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case 'week': {
      const { week, weekYear } = isoWeekOf(startDay);
      return `${weekYear}-W${pad(week)}`;
    }
    case 'month':
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(year);
  }
}

/** Each period form, the interval it names, and the intervals whose periods wholly contain it. */
const PERIOD_FORMS: ReadonlyArray<{
  pattern: RegExp;
  fitsIn: readonly IntervalName[];
  toDay: (m: RegExpMatchArray) => number | null;
}> = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, fitsIn: INTERVALS, toDay: (m) => validDay(+m[1]!, +m[2]!, +m[3]!) },
  { pattern: /^(\d{4})-?W(\d{2})$/i, fitsIn: ['week'], toDay: (m) => isoWeekStart(+m[1]!, +m[2]!) },
  { pattern: /^(\d{4})-(\d{2})$/, fitsIn: ['month', 'quarter', 'year'], toDay: (m) => validDay(+m[1]!, +m[2]!, 1) },
  { pattern: /^(\d{4})-?Q([1-4])$/i, fitsIn: ['quarter', 'year'], toDay: (m) => validDay(+m[1]!, (+m[2]! - 1) * 3 + 1, 1) },
  { pattern: /^(\d{4})$/, fitsIn: ['year'], toDay: (m) => validDay(+m[1]!, 1, 1) },
];

function validDay(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

function isoWeekStart(weekYear: number, week: number): number | null {
  // Week 1 is the week with the year's first Thursday, i.e. the one containing 4 January.
  const firstMonday = utcMonday.floor(new Date(Date.UTC(weekYear, 0, 4)));
  const start = dateToDay(utcMonday.offset(firstMonday, week - 1));
  return week >= 1 && periodKey(start, 'week') === `${weekYear}-W${pad(week)}` ? start : null;
}

/**
 * Reads a period given by a user (pre-aggregated counts): a period key as {@link periodKey} writes it
 * (`2024-03`, `2024-Q1`, `2024-W10`, `2024`) or an ISO date. Returns the first day of the `interval`
 * period that contains it — so monthly counts roll up into quarters — or null when the text is not a
 * period, or names one that straddles two periods of `interval` (a week cannot be split into months).
 */
export function parsePeriod(text: string, interval: IntervalName): number | null {
  const trimmed = text.trim();
  for (const { pattern, fitsIn, toDay } of PERIOD_FORMS) {
    const match = trimmed.match(pattern);
    if (!match) continue;
    const day = fitsIn.includes(interval) ? toDay(match) : null;
    return day === null ? null : periodStartDay(day, interval);
  }
  return null;
}
