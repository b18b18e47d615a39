/**
 * The data-quality report: every input row ends up accepted, duplicate, or rejected with a reason,
 * so the numbers a council reads can always be reconciled with the file it was given.
 */
import type { ScoreField } from './schema.ts';

export const REJECT_REASONS = [
  'missing-date',
  'invalid-date',
  'ambiguous-date',
  'score-not-number',
  'score-not-integer',
  'score-out-of-range',
  'no-score',
  'column-count',
  'unclosed-quote',
  'not-an-object',
  'missing-value',
  'value-not-number',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** How many line numbers of each kind of problem a report keeps, so a user can find them in the file. */
export const SAMPLE_LINES = 5;

export interface ReasonTally {
  readonly reason: RejectReason;
  /** The score field the reason is about, for the score reasons. */
  readonly field?: ScoreField;
  /** The column a value reason is about (operational data). */
  readonly column?: string;
  count: number;
  /** The first {@link SAMPLE_LINES} line numbers (1-based, in the source file; record index + 1 for JSON/objects). */
  readonly lines: number[];
}

export interface QualityReport {
  /** Data rows read (the header is not a row). */
  totalRows: number;
  accepted: number;
  duplicates: number;
  duplicateLines: number[];
  rejected: number;
  /** One tally per reason (and score field), most frequent first once the report is finished. */
  reasons: ReasonTally[];
  /** Accepted rows that had no respondent key, so could not be checked for duplicates. */
  withoutRespondent: number;
  /** Accepted rows with an empty journey stage, when the data has a stage column (0 otherwise). */
  withoutStage: number;
}

export function createQualityReport(): QualityReport {
  return { totalRows: 0, accepted: 0, duplicates: 0, duplicateLines: [], rejected: 0, reasons: [], withoutRespondent: 0, withoutStage: 0 };
}

export function recordRejection(report: QualityReport, line: number, reason: RejectReason, field?: ScoreField, column?: string): void {
  report.rejected++;
  let tally = report.reasons.find((t) => t.reason === reason && t.field === field && t.column === column);
  if (!tally) {
    tally = { reason, ...(field === undefined ? {} : { field }), ...(column === undefined ? {} : { column }), count: 0, lines: [] };
    report.reasons.push(tally);
  }
  tally.count++;
  if (tally.lines.length < SAMPLE_LINES) tally.lines.push(line);
}

export function recordDuplicate(report: QualityReport, line: number): void {
  report.duplicates++;
  if (report.duplicateLines.length < SAMPLE_LINES) report.duplicateLines.push(line);
}

/** Sorts the tallies for display and checks the books balance; a mismatch is a bug, never user error. */
export function finishQualityReport(report: QualityReport): QualityReport {
  report.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const accounted = report.accepted + report.duplicates + report.rejected;
  if (accounted !== report.totalRows) {
    throw new Error(`Quality report does not balance: ${accounted} rows accounted for, ${report.totalRows} read.`);
  }
  return report;
}
