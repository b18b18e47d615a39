/**
 * The days of the sample span and how many rows each one gets: a weekday rhythm, quiet holidays,
 * busy Januaries and summers, and a service that grows over the period. Rows are spread over the
 * days by cumulative rounding, so the total is exactly the number asked for.
 */
import type { SampleRandom } from './random.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface SampleDay {
  /** Position in the span, 0-based. */
  readonly index: number;
  /** 'YYYY-MM-DD' (UTC calendar day). */
  readonly iso: string;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** 0 at the first day, 1 at the last: drives trends and growth. */
  readonly progress: number;
  /** Rows of every kind emitted on this day. */
  count: number;
  /** Of those, how many are the small segment's answers (see planSmallSegment). */
  smallSegment: number;
}

/** Epoch day (days since 1970-01-01 UTC) of a strict 'YYYY-MM-DD' that names a real date, else NaN. */
export function parseIsoDay(text: string): number {
  const match = ISO_DAY.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return Number.NaN;
  return ms / MS_PER_DAY;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The days from `start` (inclusive) to the same day-of-month `months` later (exclusive). */
export function spanDays(start: string, months: number): SampleDay[] {
  const first = parseIsoDay(start);
  const startDate = new Date(first * MS_PER_DAY);
  const end = Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + months, startDate.getUTCDate()) / MS_PER_DAY;
  const total = end - first;
  const days: SampleDay[] = [];
  for (let index = 0; index < total; index++) {
    const date = new Date((first + index) * MS_PER_DAY);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    days.push({
      index,
      iso: `${year}-${pad2(month)}-${pad2(day)}`,
      year,
      month,
      weekday: date.getUTCDay(),
      progress: total > 1 ? index / (total - 1) : 0,
      count: 0,
      smallSegment: 0,
    });
  }
  return days;
}

/** A public service: busy Monday mornings, a quiet weekend. Indexed by getUTCDay(). */
const WEEKDAY_VOLUME = [0.22, 1.3, 1.2, 1.12, 1.05, 0.88, 0.35];
/** Renewals in January, the summer peak (licences, permits, travel), a quiet December. */
const MONTH_VOLUME = [1.18, 1.0, 1.05, 1.05, 1.0, 1.1, 1.22, 1.16, 1.0, 0.98, 0.95, 0.8];
/** More people find the online services every month. */
const GROWTH_OVER_SPAN = 0.7;
/** Shape of the day-to-day gamma noise: sd = 1/√k ≈ 25 %. */
const DAILY_NOISE_SHAPE = 16;

function isHoliday(month: number, day: number): boolean {
  return (month === 1 && day === 1) || (month === 12 && (day === 24 || day === 25 || day === 26 || day === 31));
}

/** Sets `count` on every day so the counts add up to exactly `rows`. */
export function allocateRows(days: SampleDay[], rows: number, random: SampleRandom): void {
  const weights = days.map((d) => {
    const holiday = isHoliday(d.month, Number(d.iso.slice(8))) ? 0.25 : 1;
    const growth = 1 + GROWTH_OVER_SPAN * d.progress;
    return WEEKDAY_VOLUME[d.weekday]! * MONTH_VOLUME[d.month - 1]! * growth * holiday * random.gammaMeanOne(DAILY_NOISE_SHAPE);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let allocated = 0;
  days.forEach((day, i) => {
    cumulative += weights[i]!;
    const upTo = i === days.length - 1 ? rows : Math.round((rows * cumulative) / total);
    day.count = upTo - allocated;
    allocated = upTo;
  });
}

/**
 * Gives the small segment a handful of answers in each calendar month — mostly 2–4, now and then
 * 5 or 6 — so min-n suppression is visible in most months but not all. Never more than a quarter of
 * the month's rows, so tiny samples are not taken over by it.
 */
export function planSmallSegment(days: SampleDay[], random: SampleRandom): void {
  let from = 0;
  while (from < days.length) {
    let to = from;
    while (to < days.length && days[to]!.month === days[from]!.month && days[to]!.year === days[from]!.year) to++;
    const open = days.slice(from, to).filter((d) => d.count > 0);
    const monthRows = open.reduce((sum, d) => sum + d.count, 0);
    const wanted = random.chance(0.1) ? random.between(5, 6) : random.between(2, 4);
    const answers = Math.min(wanted, Math.floor(monthRows / 4), open.length);
    for (let n = 0; n < answers; n++) {
      const chosen = open.splice(random.int(open.length), 1)[0]!;
      chosen.smallSegment = 1;
    }
    from = to;
  }
}
