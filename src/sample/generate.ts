/**
 * A deterministic, seeded generator of sample feedback for the demo gallery, the tests and the
 * benchmarks: believable NPS/CSAT/CES answers with an improving trend, seasonality, journey-stage and
 * channel effects, multilingual comments — and the mess real exports have: about a third duplicates
 * (the same person re-submitting on the same day under another spelling) and a few broken rows of
 * known kinds, all counted while they are generated so tests can check an importer against the truth.
 *
 * Pure TypeScript with no DOM: it runs in the page, in a Web Worker and in Node. Same options, same
 * bytes (on one JavaScript engine; Math.log/exp are not bit-specified across engines).
 */
import type { RejectReason } from '../core/quality.ts';
import type { ScoreField } from '../core/schema.ts';
import { allocateRows, parseIsoDay, planSmallSegment, spanDays, type SampleDay } from './calendar.ts';
import { composeComment, type Topic } from './comments.ts';
import { csvRecord } from './csv.ts';
import {
  channelWeights,
  CHANNELS,
  DEPARTMENTS,
  departmentWeights,
  drawScores,
  drawStage,
  isOnline,
  isOutageDay,
  SMALL_SEGMENT,
  type Channel,
  type Department,
  type Stage,
} from './model.ts';
import { LANGUAGES, personFromId, respell, writeRespondent, type Language, type Person } from './people.ts';
import { createSampleRandom, type SampleRandom } from './random.ts';

export interface SampleOptions {
  /** Default 42. Integers are best: d3's LCG reads a seed in [0, 1) as a fraction of 2³². */
  seed?: number;
  /** Data rows to emit INCLUDING duplicates and invalid rows; default 5000. */
  rows?: number;
  /** First day 'YYYY-MM-DD', default '2023-01-01'. */
  start?: string;
  /** Span in months, default 30 (2.5 years). The last day is the day before the same date `months` later. */
  months?: number;
  /** Default 0.3: share of rows that re-submit an earlier person's answer on the same day. */
  duplicateShare?: number;
  /** Default 0.02: share of rows broken in one of the INVALID_KINDS ways. */
  invalidShare?: number;
  /** Default true: the Ombudsman gets only ~2–4 answers a month, so min-n suppression shows. */
  smallSegment?: boolean;
}

export interface SampleCsvOptions extends SampleOptions {
  /** Records per yielded chunk (the header rides with the first); default 5000. */
  chunkRows?: number;
  /** Default '\r\n', as RFC 4180 has it. */
  lineEnding?: '\n' | '\r\n';
}

export const SAMPLE_COLUMNS: readonly string[] = Object.freeze(['respondent', 'date', 'nps', 'csat', 'ces', 'stage', 'channel', 'department', 'comment']);

/** The ways a sample row is broken; each broken row has exactly one of them. */
export const INVALID_KINDS = ['missing-date', 'invalid-date', 'nps-out-of-range', 'nps-not-integer', 'csat-out-of-range', 'no-score', 'column-count'] as const;
export type InvalidKind = (typeof INVALID_KINDS)[number];
const INVALID_KIND_WEIGHTS = [0.15, 0.2, 0.15, 0.1, 0.1, 0.15, 0.15];

/** The quality-report reason an importer should give each kind, for reconciling a report with the truth. */
export const INVALID_KIND_REASONS: Readonly<Record<InvalidKind, { readonly reason: RejectReason; readonly field?: ScoreField }>> = {
  'missing-date': { reason: 'missing-date' },
  'invalid-date': { reason: 'invalid-date' },
  'nps-out-of-range': { reason: 'score-out-of-range', field: 'nps' },
  'nps-not-integer': { reason: 'score-not-integer', field: 'nps' },
  'csat-out-of-range': { reason: 'score-out-of-range', field: 'csat' },
  'no-score': { reason: 'no-score' },
  'column-count': { reason: 'column-count' },
};

/** Ground truth, counted WHILE generating (not by re-parsing): how many rows of each kind were emitted. */
export interface SampleTruth {
  rows: number;
  /** Rows that should be accepted: first answers of a person on a day, well formed. */
  valid: number;
  /** Well-formed rows repeating an earlier valid row's person (trimmed, case-folded) and calendar day. */
  duplicates: number;
  /** Broken rows by InvalidKind; every kind is present, zero when none were emitted. */
  invalid: Record<string, number>;
}

interface ResolvedOptions {
  readonly seed: number;
  readonly rows: number;
  readonly start: string;
  readonly months: number;
  readonly duplicateShare: number;
  readonly invalidShare: number;
  readonly smallSegment: boolean;
}

function resolveOptions(options: SampleOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    seed: options.seed ?? 42,
    rows: options.rows ?? 5000,
    start: options.start ?? '2023-01-01',
    months: options.months ?? 30,
    duplicateShare: options.duplicateShare ?? 0.3,
    invalidShare: options.invalidShare ?? 0.02,
    smallSegment: options.smallSegment ?? true,
  };
  const { seed, rows, start, months, duplicateShare, invalidShare } = resolved;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number ≥ 0, got ${rows}.`);
  if (Number.isNaN(parseIsoDay(start))) throw new RangeError(`start must be a real date as 'YYYY-MM-DD', got "${start}".`);
  if (!Number.isInteger(months) || months < 1 || months > 1200) throw new RangeError(`months must be a whole number from 1 to 1200, got ${months}.`);
  const share = (name: string, value: number): void => {
    if (!(value >= 0 && value < 1)) throw new RangeError(`${name} must be in [0, 1), got ${value}.`);
  };
  share('duplicateShare', duplicateShare);
  share('invalidShare', invalidShare);
  if (duplicateShare + invalidShare >= 1) throw new RangeError('duplicateShare + invalidShare must be below 1: some rows have to be originals.');
  return resolved;
}

/** How strongly the row-kind draw leans against the running shortfall, so the shares land close to the options. */
const SHARE_CORRECTION = 0.1;
const TIMESTAMPED = 0.15;
const MAX_RESUBMISSIONS = 2;
const STAGE_TOPIC: Readonly<Record<Stage, Partial<Record<Topic, number>>>> = {
  Discover: { portal: 0.25 },
  Apply: { forms: 0.45, fee: 0.15 },
  Wait: { waiting: 0.6 },
  Decision: { waiting: 0.25, fee: 0.2 },
  Support: { staff: 0.4 },
};
const TOPIC_ORDER: readonly Topic[] = ['waiting', 'forms', 'staff', 'portal', 'fee', 'general'];

interface Original {
  readonly person: Person;
  /** Every field but the respondent, in SAMPLE_COLUMNS order from 'date'. */
  readonly rest: readonly string[];
  resubmissions: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Office hours in UTC (08:00–15:59), so the calendar day is the same in every zone from UTC−8 to UTC+8. */
function timestamp(random: SampleRandom, iso: string): string {
  return `${iso}T${pad2(random.between(8, 15))}:${pad2(random.int(60))}:${pad2(random.int(60))}Z`;
}

function commentLanguage(random: SampleRandom, person: Person): Language {
  if (person.language !== null && random.chance(0.4)) return person.language;
  return random.chance(0.85) ? 'en' : random.pick(LANGUAGES);
}

function drawComment(random: SampleRandom, person: Person, nps: number, stage: Stage, channel: Channel, outage: boolean): string {
  const down = outage && isOnline(channel);
  const probability = down ? 0.6 : nps <= 6 ? 0.44 : nps >= 9 ? 0.28 : 0.3;
  if (!random.chance(probability)) return '';
  const weights = TOPIC_ORDER.map((topic) => {
    let w = topic === 'general' ? 0.2 : (STAGE_TOPIC[stage][topic] ?? 0);
    if (topic === 'staff' && (channel === 'Phone' || channel === 'Branch')) w += 0.3;
    if (topic === 'portal' && isOnline(channel)) w += down ? 3 : 0.3;
    return w;
  });
  const topic = TOPIC_ORDER[random.weighted(weights)]!;
  const positive = nps >= 9 ? true : nps <= 6 ? false : random.chance(0.5);
  return composeComment(random, { language: commentLanguage(random, person), topic, positive });
}

/** One answer as exported, respondent excluded. */
function drawAnswer(random: SampleRandom, day: SampleDay, outage: boolean, department: Department, channels: readonly number[], person: Person): string[] {
  const stage = drawStage(random);
  const channel = CHANNELS[random.weighted(channels)]!;
  const { nps, csat, ces } = drawScores(random, day, outage, department, stage, channel);
  const date = random.chance(TIMESTAMPED) ? timestamp(random, day.iso) : day.iso;
  const comment = drawComment(random, person, nps, stage, channel, outage);
  return [date, String(nps), csat === null ? '' : String(csat), ces === null ? '' : String(ces), stage, channel, department, comment];
}

/** Breaks a row (respondent first) in exactly one way. */
function breakRow(random: SampleRandom, row: string[], kind: InvalidKind, day: SampleDay): string[] {
  switch (kind) {
    case 'missing-date':
      row[1] = '';
      break;
    case 'invalid-date':
      row[1] = random.pick([
        `31/02/${day.year}`,
        `30/02/${day.year}`,
        `${day.year}-02-30`,
        `${day.year}-13-${day.iso.slice(8)}`,
        'yesterday',
        'last Tuesday',
      ]);
      break;
    case 'nps-out-of-range':
      row[2] = random.chance(0.6) ? '11' : '-1';
      break;
    case 'nps-not-integer':
      row[2] = random.pick(['6.5', '7.5', '8.5']);
      break;
    case 'csat-out-of-range':
      row[3] = '9';
      break;
    case 'no-score':
      row[2] = row[3] = row[4] = 'N/A';
      break;
    case 'column-count':
      // A shifted column: one of csat…department lost, everything after it moves left.
      row.splice(random.between(3, 7), 1);
      break;
  }
  return row;
}

/**
 * The generator behind every public function. `truth` is updated before each row is yielded, so it is
 * exact for however many rows the caller takes.
 */
function* emitRows(options: SampleOptions, truth: SampleTruth): Generator<string[]> {
  const opts = resolveOptions(options);
  const random = createSampleRandom(opts.seed);
  const days = spanDays(opts.start, opts.months);
  allocateRows(days, opts.rows, random);
  if (opts.smallSegment) planSmallSegment(days, random);
  // Enough people that most answer once or twice over the span, as with a public service.
  const population = Math.max(500, Math.round(opts.rows * 0.8));
  for (const kind of INVALID_KINDS) truth.invalid[kind] = 0;
  let invalidCount = 0;

  for (const day of days) {
    if (day.count === 0) continue;
    const outage = isOutageDay(day, days.length);
    const departments = departmentWeights(day.month, opts.smallSegment);
    const channels = channelWeights(day.progress);
    const smallSegmentSlot = day.smallSegment > 0 ? random.int(day.count) : -1;
    const keysToday = new Set<string>();
    const originalsToday: Original[] = [];
    const newPerson = (): Person => {
      for (;;) {
        const person = personFromId(random.int(population));
        if (!keysToday.has(person.key)) {
          keysToday.add(person.key);
          return person;
        }
      }
    };

    for (let slot = 0; slot < day.count; slot++) {
      const after = truth.rows + 1;
      let kind: 'original' | InvalidKind = 'original';
      let duplicateOf: Original | undefined;
      if (slot !== smallSegmentSlot) {
        const pInvalid = clamp01(opts.invalidShare + SHARE_CORRECTION * (opts.invalidShare * after - invalidCount));
        const pDuplicate =
          originalsToday.length === 0
            ? 0
            : Math.min(1 - pInvalid, clamp01(opts.duplicateShare + SHARE_CORRECTION * (opts.duplicateShare * after - truth.duplicates)));
        const draw = random.uniform();
        if (draw < pInvalid) kind = INVALID_KINDS[random.weighted(INVALID_KIND_WEIGHTS)]!;
        else if (draw < pInvalid + pDuplicate) {
          // Of two candidates, the one re-submitted less; nobody sends the same answer more than three times.
          const a = random.pick(originalsToday);
          const b = random.pick(originalsToday);
          const candidate = b.resubmissions < a.resubmissions ? b : a;
          if (candidate.resubmissions < MAX_RESUBMISSIONS) duplicateOf = candidate;
        }
      }

      let row: string[];
      if (duplicateOf) {
        duplicateOf.resubmissions++;
        row = [respell(random, duplicateOf.person), ...duplicateOf.rest];
        // Re-submitted from a form that stamps the time, or exported the same way twice.
        if (row[1]!.length === 10 && random.chance(0.4)) row[1] = timestamp(random, day.iso);
        truth.duplicates++;
      } else {
        const department = slot === smallSegmentSlot ? SMALL_SEGMENT : DEPARTMENTS[random.weighted(departments)]!;
        const person = newPerson();
        const rest = drawAnswer(random, day, outage, department, channels, person);
        row = [writeRespondent(random, person), ...rest];
        if (kind === 'original') {
          originalsToday.push({ person, rest, resubmissions: 0 });
          truth.valid++;
        } else {
          breakRow(random, row, kind, day);
          truth.invalid[kind]!++;
          invalidCount++;
        }
      }
      truth.rows++;
      yield row;
    }
  }
}

const clamp01 = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p);

function emptyTruth(): SampleTruth {
  return { rows: 0, valid: 0, duplicates: 0, invalid: {} };
}

/**
 * Rows as arrays of strings in SAMPLE_COLUMNS order (already in the "as exported" textual form, incl. the broken rows).
 * Like every generator here it is lazy: bad options throw a RangeError when iteration starts.
 */
export function* generateFeedbackRows(options: SampleOptions = {}): Generator<string[]> {
  yield* emitRows(options, emptyTruth());
}

/**
 * CSV text, RFC 4180, header first, in chunks of `chunkRows` records so a million rows never need
 * one giant string. Every record, the last included, ends with `lineEnding`.
 */
export function* generateFeedbackCsv(options: SampleCsvOptions = {}): Generator<string> {
  const chunkRows = options.chunkRows ?? 5000;
  const lineEnding = options.lineEnding ?? '\r\n';
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a whole number ≥ 1, got ${chunkRows}.`);
  // Records are collected and joined once per chunk: appending to one string builds a rope that
  // costs more in garbage collection than it saves.
  let records: string[] = [csvRecord(SAMPLE_COLUMNS)];
  let inChunk = 0;
  for (const row of emitRows(options, emptyTruth())) {
    records.push(csvRecord(row));
    if (++inChunk === chunkRows) {
      yield records.join(lineEnding) + lineEnding;
      records = [];
      inChunk = 0;
    }
  }
  if (records.length > 0) yield records.join(lineEnding) + lineEnding;
}

/** The whole CSV as one string; for small samples (tests, the demo). */
export function generateFeedbackCsvText(options: SampleOptions & Pick<SampleCsvOptions, 'lineEnding'> = {}): string {
  let text = '';
  for (const chunk of generateFeedbackCsv(options)) text += chunk;
  return text;
}

/** All rows plus the truth counted while generating them. */
export function generateFeedbackWithTruth(options: SampleOptions = {}): { rows: string[][]; truth: SampleTruth } {
  const truth = emptyTruth();
  const rows = Array.from(emitRows(options, truth));
  return { rows, truth };
}
