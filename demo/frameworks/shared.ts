/**
 * What the React, Vue and Angular examples share: their options, the sample rows, and the sentences
 * they show. Each example keeps its own framework wiring (properties, attributes, events, state) in
 * its own file, so that file reads as what a user of that framework would write.
 */
import type { CxErrorEvent, JourneySelectDetail, NpsTrendSelectDetail } from '../../src/index.ts';
import { SAMPLE_COLUMNS, generateFeedbackRows } from '../../src/sample/generate.ts';

/** A feedback row as a page holds it: one record per answer, canonical column names. */
export type FeedbackRecord = Readonly<Record<string, unknown>>;

export interface ExampleOptions {
  /** The rows both elements draw, passed as their `data` property. Default: 5,000 generated sample rows. */
  readonly records?: readonly FeedbackRecord[];
  /** The journey's stages in order (`stages` of `<journey-painpoints>`). Default: the sample's five stages. */
  readonly stages?: string;
}

export interface MountedExample {
  /** Removes what the framework rendered, the two elements with it. */
  unmount(): void;
}

export const SAMPLE_STAGES = 'Discover,Apply,Wait,Decision,Support';

/** The tags the library defines: what a framework must leave to the browser instead of resolving as its own components. */
export const CX_TAGS: ReadonlySet<string> = new Set(['nps-trend', 'journey-painpoints', 'council-scorecard']);

/** Generated sample feedback as records, the shape an app usually has after its own API call. */
export function sampleFeedbackRecords(rows = 5_000, seed = 42): FeedbackRecord[] {
  return [...generateFeedbackRows({ seed, rows })].map((row) => Object.fromEntries(SAMPLE_COLUMNS.map((name, i) => [name, row[i] ?? ''])));
}

/** The options with their defaults filled in. */
export function resolveOptions(options: ExampleOptions = {}): { records: readonly FeedbackRecord[]; stages: string } {
  return { records: options.records ?? sampleFeedbackRecords(), stages: options.stages ?? SAMPLE_STAGES };
}

export const PROMPT = 'Select a month in the trend (click it, or Enter on the focused point) to filter the journey.';

/** What the examples say after a month is selected; the numbers come straight from the typed `detail`. */
export function describePeriodSelection(detail: NpsTrendSelectDetail): string {
  return `Journey filtered to ${detail.label}: NPS ${Math.round(detail.nps)} from ${detail.n} answers.`;
}

/** What the examples say after a stage is selected: a suppressed stage carries no numbers at all. */
export function describeStageSelection(detail: JourneySelectDetail): string {
  return detail.measures
    ? `Stage ${detail.stage}: ${Math.round(detail.measures.pain.share * 100)} % of ${detail.measures.pain.n} answers were negative.`
    : `Stage ${detail.stage}: too few answers to show.`;
}

/** One element's error as the examples keep it in their state. */
export interface ExampleError {
  readonly element: string;
  readonly code: string;
  readonly message: string;
}

export function toExampleError(event: CxErrorEvent): ExampleError {
  return { element: (event.target as Element).localName, code: event.detail.code, message: event.detail.message };
}
