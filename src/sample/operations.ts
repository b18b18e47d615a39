/**
 * Seeded sample operational data for the council scorecard, over the same span as the feedback sample:
 * one row per application (how long the customer waited, how long the decision took, accepted or
 * rejected or still pending) and one row per portal outage incident. Durations are right-skewed the
 * way real queues are, so a median and a 90th percentile tell different stories; both improve slowly
 * over the span and get worse during the portal outage that the feedback comments complain about.
 *
 * Pure TypeScript with no DOM, deterministic for a seed (on one JavaScript engine, as in generate.ts).
 * A few application rows are broken in known ways and counted while they are written, so a quality
 * report can be checked against the truth.
 */
import type { RejectReason } from '../core/quality.ts';
import { parseIsoDay, spanDays, type SampleDay } from './calendar.ts';
import { csvRecord } from './csv.ts';
import { CHANNELS, channelWeights, DEPARTMENTS, departmentWeights, isOnline, isOutageDay, type Channel, type Department } from './model.ts';
import { createSampleRandom, type SampleRandom } from './random.ts';

export interface OperationsOptions {
  /** Default 42. */
  seed?: number;
  /** First day 'YYYY-MM-DD', default '2023-01-01' (the feedback sample's). */
  start?: string;
  /** Span in months, default 30: the last day is 2025-06-30 with the default start. */
  months?: number;
  /** Default '\r\n', as RFC 4180 has it. */
  lineEnding?: '\n' | '\r\n';
}

export interface ApplicationsOptions extends OperationsOptions {
  /** Default 0.0004: share of rows broken in one of the APPLICATION_FLAWS ways (a few dozen in the default span). */
  flawShare?: number;
}

export const APPLICATION_COLUMNS: readonly string[] = Object.freeze([
  'application_id',
  'submitted',
  'department',
  'channel',
  'wait_minutes',
  'processing_days',
  'submitted_count',
  'accepted',
  'rejected',
]);

export const OUTAGE_COLUMNS: readonly string[] = Object.freeze(['date', 'service', 'outage_minutes']);

/** The ways an application row is broken; each broken row has exactly one. */
export const APPLICATION_FLAWS = ['invalid-date', 'wait-not-applicable', 'wait-empty', 'wait-with-unit'] as const;
export type ApplicationFlaw = (typeof APPLICATION_FLAWS)[number];

/**
 * What an importer should report for each flaw. A bad date loses the row for every measure; a bad wait
 * cell loses it only for the wait measures ("n/a" counts as not given, "12 min" as not a number).
 */
export const APPLICATION_FLAW_REASONS: Readonly<Record<ApplicationFlaw, { readonly reason: RejectReason; readonly column?: string }>> = {
  'invalid-date': { reason: 'invalid-date' },
  'wait-not-applicable': { reason: 'missing-value', column: 'wait_minutes' },
  'wait-empty': { reason: 'missing-value', column: 'wait_minutes' },
  'wait-with-unit': { reason: 'value-not-number', column: 'wait_minutes' },
};

/** Ground truth, counted while generating. Decisions are counted over rows with a real date only. */
export interface ApplicationsTruth {
  rows: number;
  /** Rows whose `submitted` is a real date: what an importer accepts for the file. */
  dated: number;
  accepted: number;
  rejected: number;
  /** Undecided when the file was exported: accepted, rejected and processing_days empty. */
  pending: number;
  /** Broken rows per flaw; every flaw is present, zero when none was written. */
  flaws: Record<ApplicationFlaw, number>;
}

interface ResolvedOptions {
  readonly seed: number;
  readonly start: string;
  readonly months: number;
  readonly lineEnding: '\n' | '\r\n';
  readonly flawShare: number;
}

function resolveOptions(options: ApplicationsOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    seed: options.seed ?? 42,
    start: options.start ?? '2023-01-01',
    months: options.months ?? 30,
    lineEnding: options.lineEnding ?? '\r\n',
    flawShare: options.flawShare ?? 0.0004,
  };
  if (!Number.isFinite(resolved.seed)) throw new RangeError(`seed must be a finite number, got ${resolved.seed}.`);
  if (Number.isNaN(parseIsoDay(resolved.start))) throw new RangeError(`start must be a real date as 'YYYY-MM-DD', got "${resolved.start}".`);
  if (!Number.isInteger(resolved.months) || resolved.months < 1 || resolved.months > 1200) {
    throw new RangeError(`months must be a whole number from 1 to 1200, got ${resolved.months}.`);
  }
  if (!(resolved.flawShare >= 0 && resolved.flawShare < 1)) throw new RangeError(`flawShare must be in [0, 1), got ${resolved.flawShare}.`);
  return resolved;
}

// ---------------------------------------------------------------------------------------------------
// Applications

/** Applications a day before weekday, season and growth: with them, roughly 60–120 a day. */
const DAILY_APPLICATIONS = 76;
/** Online services open all week, so weekends are quieter but not empty. Indexed by getUTCDay(). */
const WEEKDAY_APPLICATIONS = [0.86, 1.14, 1.08, 1.04, 1.0, 0.95, 0.88];
/** More applications at the end of the span than at the start, as with the feedback sample. */
const APPLICATION_GROWTH = 0.25;
/** Gamma shape of the day-to-day noise: sd = 1/√50 ≈ 14 %. */
const DAILY_NOISE_SHAPE = 50;

/** Median wait at the start and the end of the span: a slow improvement, the queue system bedding in. */
const WAIT_MEDIAN_FROM = 24;
const WAIT_MEDIAN_TO = 15.5;
/** Log-normal spread of waits: p90 ≈ 2.6 × the median, the long tail real queues have. */
const WAIT_LOG_SD = 0.75;
/** Phone and branch queues are longest; the apps show a queue position and people come back. In CHANNELS order. */
const CHANNEL_WAIT = [0.8, 1.35, 1.25, 0.7, 1.1];
/** The busy months (January renewals, the summer peak) have longer queues. Indexed by month − 1. */
const MONTH_WAIT = [1.15, 1.0, 1.02, 1.02, 1.0, 1.05, 1.18, 1.14, 1.0, 0.97, 0.95, 0.92];
/** During the outage online customers wait in a broken portal, and the others in longer phone queues. */
const OUTAGE_WAIT_ONLINE = 3;
const OUTAGE_WAIT_OFFLINE = 1.8;

/** Median processing time at the start and the end of the span, in calendar days. */
const PROCESSING_MEDIAN_FROM = 9.5;
const PROCESSING_MEDIAN_TO = 6.8;
const PROCESSING_LOG_SD = 0.6;
/** Permits need inspections and the Ombudsman investigates; licences are mostly checks. In DEPARTMENTS order. */
const DEPARTMENT_PROCESSING = [0.55, 1.35, 0.9, 1.7, 2.4];
/** Cases submitted during the outage queue up behind it. */
const OUTAGE_PROCESSING = 1.25;

/** Acceptance improves as forms get clearer (fewer incomplete applications). */
const ACCEPTANCE_FROM = 0.78;
const ACCEPTANCE_TO = 0.85;
/** Benefits and Permits reject more (eligibility, zoning); few complaints to the Ombudsman are upheld. In DEPARTMENTS order. */
const DEPARTMENT_ACCEPTANCE = [0.06, -0.06, 0.02, -0.04, -0.25];
/** Cases waiting on the customer's documents: undecided whatever their age. */
const STALLED_SHARE = 0.008;
/**
 * The file is exported two weeks after the span ends, when the council's papers are prepared: cases
 * whose decision would come later are still pending, so the last weeks have a realistic backlog.
 */
const EXPORT_LAG_DAYS = 14;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Log-normal draw around `median`: exp of a normal, so the tail is long on the slow side only. */
function logNormal(random: SampleRandom, median: number, logSd: number): number {
  return median * Math.exp(logSd * random.normal());
}

function applicationsOn(random: SampleRandom, day: SampleDay): number {
  const volume = DAILY_APPLICATIONS * WEEKDAY_APPLICATIONS[day.weekday]! * (1 + APPLICATION_GROWTH * day.progress);
  return Math.max(1, Math.round(volume * random.gammaMeanOne(DAILY_NOISE_SHAPE)));
}

function drawWaitMinutes(random: SampleRandom, day: SampleDay, channel: Channel, outage: boolean): number {
  const trend = WAIT_MEDIAN_FROM + (WAIT_MEDIAN_TO - WAIT_MEDIAN_FROM) * day.progress;
  const outageFactor = outage ? (isOnline(channel) ? OUTAGE_WAIT_ONLINE : OUTAGE_WAIT_OFFLINE) : 1;
  const median = trend * CHANNEL_WAIT[CHANNELS.indexOf(channel)]! * MONTH_WAIT[day.month - 1]! * outageFactor;
  return Math.round(logNormal(random, median, WAIT_LOG_SD));
}

function drawProcessingDays(random: SampleRandom, day: SampleDay, department: Department, outage: boolean): number {
  const trend = PROCESSING_MEDIAN_FROM + (PROCESSING_MEDIAN_TO - PROCESSING_MEDIAN_FROM) * day.progress;
  const median = trend * DEPARTMENT_PROCESSING[DEPARTMENTS.indexOf(department)]! * (outage ? OUTAGE_PROCESSING : 1);
  return Math.round(logNormal(random, median, PROCESSING_LOG_SD));
}

/** Breaks a row (APPLICATION_COLUMNS order) in exactly one way. */
function applyFlaw(random: SampleRandom, row: string[], flaw: ApplicationFlaw, day: SampleDay): void {
  switch (flaw) {
    case 'invalid-date':
      // Typed by hand into the case system: a day that does not exist, or a month that does not.
      row[1] = random.pick([`${day.year}-02-30`, `31/02/${day.year}`, `${day.year}-13-${day.iso.slice(8)}`, `${day.year}-${day.iso.slice(5, 7)}-32`]);
      break;
    case 'wait-not-applicable':
      row[4] = 'n/a';
      break;
    case 'wait-empty':
      row[4] = '';
      break;
    case 'wait-with-unit':
      // The unit typed into the cell: a person reads it, a parser must not guess.
      row[4] = `${row[4]} min`;
      break;
  }
}

function emptyApplicationsTruth(): ApplicationsTruth {
  const flaws = {} as Record<ApplicationFlaw, number>;
  for (const flaw of APPLICATION_FLAWS) flaws[flaw] = 0;
  return { rows: 0, dated: 0, accepted: 0, rejected: 0, pending: 0, flaws };
}

/** Every application row, in submission order. `truth` is updated before each row is yielded. */
function* emitApplications(opts: ResolvedOptions, truth: ApplicationsTruth): Generator<string[]> {
  const random = createSampleRandom(opts.seed);
  const days = spanDays(opts.start, opts.months);
  const exportDayIndex = days.length - 1 + EXPORT_LAG_DAYS;
  let serialYear = -1;
  let serial = 0;

  for (const day of days) {
    const outage = isOutageDay(day, days.length);
    const departments = departmentWeights(day.month, false);
    const channels = channelWeights(day.progress);
    const applications = applicationsOn(random, day);
    if (day.year !== serialYear) [serialYear, serial] = [day.year, 0];

    for (let n = 0; n < applications; n++) {
      const departmentIndex = random.weighted(departments);
      const department = DEPARTMENTS[departmentIndex]!;
      const channel = CHANNELS[random.weighted(channels)]!;
      const waitMinutes = drawWaitMinutes(random, day, channel, outage);
      const processingDays = drawProcessingDays(random, day, department, outage);
      const stalled = random.chance(STALLED_SHARE);
      const acceptance = ACCEPTANCE_FROM + (ACCEPTANCE_TO - ACCEPTANCE_FROM) * day.progress + DEPARTMENT_ACCEPTANCE[departmentIndex]!;
      const accepted = random.chance(acceptance);
      const flaw = random.chance(opts.flawShare) ? random.pick(APPLICATION_FLAWS) : null;

      const pending = stalled || day.index + processingDays > exportDayIndex;
      const row = [
        `APP-${day.year}-${pad(++serial, 5)}`,
        day.iso,
        department,
        channel,
        String(waitMinutes),
        pending ? '' : String(processingDays),
        '1',
        // Not decided yet: no decision to count, so the rate KPIs leave the row out rather than count it as "no".
        pending ? '' : accepted ? '1' : '0',
        pending ? '' : accepted ? '0' : '1',
      ];
      if (flaw) {
        applyFlaw(random, row, flaw, day);
        truth.flaws[flaw]++;
      }
      truth.rows++;
      if (flaw !== 'invalid-date') {
        truth.dated++;
        if (pending) truth.pending++;
        else if (accepted) truth.accepted++;
        else truth.rejected++;
      }
      yield row;
    }
  }
}

function toCsv(columns: readonly string[], rows: Iterable<string[]>, lineEnding: string): string {
  // Collected and joined once: appending to one string builds a rope that costs more than it saves.
  const records = [csvRecord(columns)];
  for (const row of rows) records.push(csvRecord(row));
  return records.join(lineEnding) + lineEnding;
}

/** The applications as CSV text, header first; every record, the last included, ends with `lineEnding`. */
export function generateApplicationsCsv(options: ApplicationsOptions = {}): string {
  const opts = resolveOptions(options);
  return toCsv(APPLICATION_COLUMNS, emitApplications(opts, emptyApplicationsTruth()), opts.lineEnding);
}

/** The applications as rows (APPLICATION_COLUMNS order, as written), plus the truth counted while writing them. */
export function generateApplicationsWithTruth(options: ApplicationsOptions = {}): { rows: string[][]; truth: ApplicationsTruth } {
  const truth = emptyApplicationsTruth();
  const rows = Array.from(emitApplications(resolveOptions(options), truth));
  return { rows, truth };
}

// ---------------------------------------------------------------------------------------------------
// Outages

/** Services behind the portal, and how often each is the one that fails. */
const SERVICES = ['Web portal', 'Mobile app', 'Identity sign-in', 'Payments gateway', 'Document upload'] as const;
const SERVICE_WEIGHTS = [0.34, 0.2, 0.2, 0.16, 0.1];
/** Chance of a minor incident on a day: falling as monitoring and releases improve over the span. */
const INCIDENT_CHANCE_FROM = 0.1;
const INCIDENT_CHANCE_TO = 0.065;
/** Minor incidents: a median of 25 minutes, now and then a few hours (log-normal). */
const INCIDENT_MEDIAN_MINUTES = 25;
const INCIDENT_LOG_SD = 0.8;
/** On the big outage's days the portal and the app are down for most of the working day. */
const MAJOR_OUTAGE_MINUTES = { min: 240, max: 660 } as const;

/** Outage incidents in date order: a few minor ones a month, and the multi-day outage of model.ts. */
function* emitOutages(opts: ResolvedOptions): Generator<string[]> {
  const random = createSampleRandom(opts.seed);
  const days = spanDays(opts.start, opts.months);
  for (const day of days) {
    if (isOutageDay(day, days.length)) {
      // The same failure takes the portal and the app down together (they share the back end).
      yield [day.iso, 'Web portal', String(random.between(MAJOR_OUTAGE_MINUTES.min, MAJOR_OUTAGE_MINUTES.max))];
      yield [day.iso, 'Mobile app', String(random.between(MAJOR_OUTAGE_MINUTES.min, MAJOR_OUTAGE_MINUTES.max))];
      continue;
    }
    const chance = INCIDENT_CHANCE_FROM + (INCIDENT_CHANCE_TO - INCIDENT_CHANCE_FROM) * day.progress;
    // Now and then two services fail on the same day (a bad release touches both).
    const incidents = random.chance(chance) ? (random.chance(0.15) ? 2 : 1) : 0;
    for (let n = 0; n < incidents; n++) {
      const service = SERVICES[random.weighted(SERVICE_WEIGHTS)]!;
      const minutes = Math.max(2, Math.round(logNormal(random, INCIDENT_MEDIAN_MINUTES, INCIDENT_LOG_SD)));
      yield [day.iso, service, String(minutes)];
    }
  }
}

/**
 * Outage incidents as CSV text, one row per incident. Days without an incident have no row: a `sum`
 * gives 0 for a period with none inside the file's first..last date, and "no data" outside it.
 */
export function generateOutagesCsv(options: OperationsOptions = {}): string {
  const opts = resolveOptions(options);
  return toCsv(OUTAGE_COLUMNS, emitOutages(opts), opts.lineEnding);
}

/** The outage incidents as rows in OUTAGE_COLUMNS order. */
export function generateOutageRows(options: OperationsOptions = {}): string[][] {
  return Array.from(emitOutages(resolveOptions(options)));
}
