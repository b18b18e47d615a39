/**
 * The drill-down of one journey stage: the themes of its negative answers and a few representative
 * comments. Everything here may leave the worker, so it is built only for a shown stage (the same
 * suppression decision as the journey itself) and only from redacted text.
 */
import { CxDataError } from './errors.ts';
import { measureJourney, negativeFeedback, type JourneyQuery } from './journey.ts';
import { redact } from './redact.ts';
import type { FeedbackTable } from './table.ts';
import { countThemeValues, extractThemes, pickVerbatims, type ThemeCount } from './themes.ts';
import { scanComments } from './words.ts';

export interface StageDetailQuery extends JourneyQuery {
  /** The stage's name as in the journey result. */
  readonly stage: string;
  /** How many verbatims to return (clamped to 0–{@link MAX_VERBATIMS}). */
  readonly verbatims: number;
}

/** What the drill-down of one stage shows. Every text in it has been through {@link redact}. */
export interface StageDetail {
  readonly stage: string;
  /** The stage shows no numbers: no themes, no comments either. */
  readonly suppressed: boolean;
  /** Negative answers of the stage that came with a comment. */
  readonly negativeComments: number;
  /** Where themes come from: the data's `theme` column, or words and phrases of the comments. */
  readonly themeSource: 'column' | 'comments';
  readonly themes: readonly ThemeCount[];
  readonly verbatims: readonly string[];
}

export const DEFAULT_VERBATIMS = 5;
export const MAX_VERBATIMS = 50;

/** Longer verbatims are cut here, so a 10 MB comment never crosses to the page. */
export const VERBATIM_MAX_LENGTH = 600;

/** How many verbatims a `verbatims` value asks for: a whole number in 0–50; anything else means the default. */
export function verbatimCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(MAX_VERBATIMS, Math.floor(value))) : DEFAULT_VERBATIMS;
}

function clip(text: string): string {
  if (text.length <= VERBATIM_MAX_LENGTH) return text;
  // Cut at a code point boundary: a lone surrogate would render as garbage.
  const cut = Array.from(text.slice(0, VERBATIM_MAX_LENGTH + 1)).slice(0, -1).join('');
  return `${cut.trimEnd()}…`;
}

export function stageDetail(table: FeedbackTable, query: StageDetailQuery): StageDetail {
  const stage = measureJourney(table, query).stages.find((s) => s.name === query.stage);
  if (!stage) throw new CxDataError('bad-data', `The journey has no stage "${query.stage}".`, { detail: query.stage });
  if (stage.suppressed) return { stage: stage.name, suppressed: true, negativeComments: 0, themeSource: 'comments', themes: [], verbatims: [] };
  const feedback = negativeFeedback(table, { ...query, values: stage.values });
  // Redact first: themes are counted on, and verbatims picked from, text that may leave the worker.
  // Theme values are redacted too: a free-text "theme" column is still free text.
  const comments = feedback.comments.map(redact);
  const scan = scanComments(comments);
  const themes = feedback.themeValues ? countThemeValues(feedback.themeValues.map(redact)) : extractThemes(scan);
  return {
    stage: stage.name,
    suppressed: false,
    negativeComments: comments.length,
    themeSource: feedback.themeValues ? 'column' : 'comments',
    themes,
    verbatims: pickVerbatims(scan, themes, verbatimCount(query.verbatims)).map((index) => clip(comments[index]!)),
  };
}
