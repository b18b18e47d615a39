/**
 * How satisfied a sample respondent is: one latent score on the 0–10 NPS scale, built from the
 * department's improvement over the span, the month of the year, the journey stage and the channel.
 * NPS, CSAT and CES are all read off that one latent value (plus their own noise), so they agree the
 * way real answers do. Effects are in NPS-scale points; +1 moves a department's NPS by roughly 25.
 */
import type { SampleDay } from './calendar.ts';
import type { SampleRandom } from './random.ts';

export const DEPARTMENTS = ['Licensing', 'Benefits', 'Tax', 'Permits', 'Ombudsman'] as const;
export type Department = (typeof DEPARTMENTS)[number];
/** The department that gets only a handful of answers a month when `smallSegment` is on. */
export const SMALL_SEGMENT: Department = 'Ombudsman';

/** Journey stages in the order a customer meets them. */
export const STAGES = ['Discover', 'Apply', 'Wait', 'Decision', 'Support'] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ['Web portal', 'Phone', 'Branch', 'Mobile app', 'Email'] as const;
export type Channel = (typeof CHANNELS)[number];

type Ease = (t: number) => number;
const linear: Ease = (t) => t;
const early: Ease = (t) => 1 - (1 - t) * (1 - t);
const late: Ease = (t) => t * t;
const sCurve: Ease = (t) => t * t * (3 - 2 * t);

interface DepartmentProfile {
  /** Latent mean at the start and the end of the span, before stage/channel/season effects. */
  readonly from: number;
  readonly to: number;
  readonly ease: Ease;
  /** Share of volume in an ordinary month. */
  readonly volume: number;
  /** Volume multiplier by month (1–12) for the department's own busy season. */
  readonly season: (month: number) => number;
  /** Extra stage effects where this department hurts (or shines) more than others. */
  readonly stageEffect?: Partial<Record<Stage, number>>;
}

const PROFILES: Readonly<Record<Department, DepartmentProfile>> = {
  // Licensing fixed its appointment system early; renewals peak before the summer holidays.
  Licensing: { from: 7.7, to: 9.0, ease: early, volume: 0.28, season: (m) => (m >= 5 && m <= 8 ? 1.3 : 1), stageEffect: { Support: 0.2 } },
  // Benefits improved late, once decisions got faster; January brings the annual reassessments.
  Benefits: { from: 7.3, to: 8.55, ease: late, volume: 0.27, season: (m) => (m === 1 ? 1.35 : m === 12 ? 1.1 : 1), stageEffect: { Decision: -0.4 } },
  // Tax: the spring filing season, and forms that everyone struggles with.
  Tax: { from: 7.4, to: 8.75, ease: sCurve, volume: 0.25, season: (m) => (m >= 3 && m <= 5 ? 1.5 : 1), stageEffect: { Apply: -0.35 } },
  // Permits: building season, and the longest waits of all.
  Permits: { from: 7.8, to: 8.85, ease: linear, volume: 0.2, season: (m) => (m >= 4 && m <= 9 ? 1.25 : 1), stageEffect: { Wait: -0.5 } },
  // The Ombudsman hears complaints: lower and slower to improve.
  Ombudsman: { from: 7.2, to: 8.1, ease: linear, volume: 0.05, season: () => 1 },
};

/** Worse in January (backlogs after the holidays) and in the summer peak. Indexed by month − 1. */
const MONTH_EFFECT = [-0.35, -0.15, 0, 0.1, 0.1, -0.1, -0.35, -0.4, 0, 0.1, 0.05, -0.15];

const STAGE_WEIGHTS = [0.14, 0.28, 0.22, 0.21, 0.15];
/** Waiting is the pain point; discovering the service is the best part. In STAGES order. */
const STAGE_EFFECT = [0.55, 0, -1.1, -0.2, 0.15];
/** Effort on top of satisfaction: applying is work, discovering is easy. In STAGES order. */
const STAGE_EFFORT = [0.35, -0.6, -0.25, 0, 0.1];

/** Channel mix at the start and the end of the span: people move online. In CHANNELS order. */
const CHANNEL_MIX_FROM = [0.32, 0.25, 0.18, 0.1, 0.15];
const CHANNEL_MIX_TO = [0.4, 0.17, 0.12, 0.23, 0.08];
const CHANNEL_EFFECT = [0.15, -0.35, 0.1, 0.3, -0.45];

/** Spread of individual answers around the latent mean. */
const PERSON_SD = 2.0;
/** How far the portal outage drags down web and app answers. */
const OUTAGE_EFFECT = -2.4;

export function departmentWeights(month: number, smallSegment: boolean): number[] {
  return DEPARTMENTS.map((d) => (smallSegment && d === SMALL_SEGMENT ? 0 : PROFILES[d].volume * PROFILES[d].season(month)));
}

export function channelWeights(progress: number): number[] {
  return CHANNEL_MIX_FROM.map((from, i) => from + (CHANNEL_MIX_TO[i]! - from) * progress);
}

export function drawStage(random: SampleRandom): Stage {
  return STAGES[random.weighted(STAGE_WEIGHTS)]!;
}

export function isOnline(channel: Channel): boolean {
  return channel === 'Web portal' || channel === 'Mobile app';
}

/**
 * Days on which the portal is down: a four-day outage 70 % of the way through the span, so the
 * demo has a visible dip with comments that explain it.
 */
export function isOutageDay(day: SampleDay, dayCount: number): boolean {
  const first = Math.floor(dayCount * 0.7);
  return day.index >= first && day.index < first + 4;
}

export interface Scores {
  readonly nps: number;
  /** null when the respondent answered only the first question(s). */
  readonly csat: number | null;
  readonly ces: number | null;
}

const clampRound = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

/** One respondent's answers. */
export function drawScores(
  random: SampleRandom,
  day: SampleDay,
  outage: boolean,
  department: Department,
  stage: Stage,
  channel: Channel,
): Scores {
  const profile = PROFILES[department];
  const stageIndex = STAGES.indexOf(stage);
  const mean =
    profile.from +
    (profile.to - profile.from) * profile.ease(day.progress) +
    MONTH_EFFECT[day.month - 1]! +
    STAGE_EFFECT[stageIndex]! +
    (profile.stageEffect?.[stage] ?? 0) +
    CHANNEL_EFFECT[CHANNELS.indexOf(channel)]! +
    (outage && isOnline(channel) ? OUTAGE_EFFECT : 0);
  const latent = mean + PERSON_SD * random.normal();
  const nps = clampRound(latent, 0, 10);
  // Most people answer all three; some stop after NPS, a few after CSAT.
  const answered = random.uniform();
  // CSAT 1–5 and CES 1–7 follow the same latent value (0–10 mapped onto their scales) with their own noise.
  const csat = answered < 0.15 ? null : clampRound(1 + ((latent - 2) * 4) / 8 + 0.55 * random.normal(), 1, 5);
  const ces = answered < 0.2 ? null : clampRound(1 + ((latent - 2) * 6) / 8 + STAGE_EFFORT[stageIndex]! + 0.8 * random.normal(), 1, 7);
  return { nps, csat, ces };
}
