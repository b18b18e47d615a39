/**
 * The data the stories choose from. Everything is generated in the page from the seeded sample
 * (src/sample) and handed over as Blob URLs or objects, so the stories read real CSV through the
 * worker, need no files on disk and build offline.
 *
 * `src`, `data` and `counts` are shown as a select of these named choices (Storybook's `mapping`):
 * the manifest knows `src` is a URL, not which files exist here, and a 20,000-row array has no
 * business in the controls panel or the story's URL.
 */
import type { NpsPeriodCounts } from '../src/core/counts.ts';
import { SAMPLE_COLUMNS, generateFeedbackCsvText, generateFeedbackRows } from '../src/sample/generate.ts';
import { HELD_OPEN_PATH } from '../.storybook/held-open-source.ts';

export const csvUrl = (text: string): string => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

/**
 * 20,000 seeded answers, January 2023 to June 2025: about a third duplicates and 2 % broken rows (the
 * quality report counts them), five departments with the Ombudsman kept small so suppression shows.
 */
export const SAMPLE_FEEDBACK_URL = csvUrl(generateFeedbackCsvText({ seed: 42, rows: 20_000 }));

/** A path no server has: the demo's sample-data plugin (dev), a static host and wtr all answer 404. */
export const MISSING_FILE_URL = 'data/no-such-file.csv';

/** Every row broken in a different way, so nothing is left to draw and the quality report says why. */
export const INVALID_ONLY_URL = csvUrl(
  [
    'respondent,date,nps,stage,comment',
    'ana@example.org,,9,Apply,No date at all',
    'ben@example.org,yesterday,8,Wait,A date nobody can place',
    'cleo@example.org,2025-02-30,7,Decision,A day that does not exist',
    'dan@example.org,2025-03-04,11,Apply,Eleven out of ten',
    'eva@example.org,2025-03-05,7.5,Support,Half a point',
    'finn@example.org,2025-03-06,-1,Wait,Below the scale',
    'gia@example.org,2025-03-07,,Discover,No score',
    'hal@example.org,2025-03-08,ten,Discover,A word for a score',
  ].join('\n') + '\n',
);

export const NO_STAGE_COLUMN_URL = csvUrl('respondent,date,nps\nana@example.org,2025-01-02,9\nben@example.org,2025-01-03,4\n');

/** Loads forever under `storybook dev` (see .storybook/held-open-source.ts). */
export const HELD_OPEN_URL = HELD_OPEN_PATH;

/**
 * About 3,000 answers as records, for the `data` property: what a page that already has the rows
 * passes. The sample's rows with a wrong number of fields are a CSV fault; as records their values
 * would land in the wrong columns, so they are left out.
 */
export const SAMPLE_RECORDS: readonly Record<string, string>[] = Array.from(generateFeedbackRows({ seed: 7, rows: 3_000 }))
  .filter((row) => row.length === SAMPLE_COLUMNS.length)
  .map((row) => Object.fromEntries(SAMPLE_COLUMNS.map((column, index) => [column, row[index]!])));

/** Quarterly promoter/passive/detractor counts, as a warehouse query returns them; one quarter as a 0–10 histogram. */
export const QUARTERLY_COUNTS: readonly NpsPeriodCounts[] = [
  { period: '2023-Q1', promoters: 412, passives: 318, detractors: 305 },
  { period: '2023-Q2', promoters: 438, passives: 322, detractors: 296 },
  { period: '2023-Q3', promoters: 401, passives: 298, detractors: 322 },
  { period: '2023-Q4', promoters: 455, passives: 330, detractors: 281 },
  { period: '2024-Q1', promoters: 489, passives: 316, detractors: 262 },
  { period: '2024-Q2', promoters: 503, passives: 321, detractors: 240 },
  { period: '2024-Q3', promoters: 497, passives: 309, detractors: 251 },
  { period: '2024-Q4', promoters: 540, passives: 327, detractors: 218 },
  { period: '2025-Q1', histogram: [21, 9, 14, 17, 22, 31, 84, 140, 188, 251, 302] },
  { period: '2025-Q2', promoters: 574, passives: 318, detractors: 196 },
];

/**
 * An argType for a property or attribute whose values are things, not text: a select of `choices`
 * by name, mapped to the thing itself before the story renders.
 */
export function choiceOf<T>(choices: Readonly<Record<string, { readonly label: string; readonly value: T }>>) {
  return {
    options: Object.keys(choices),
    mapping: Object.fromEntries(Object.entries(choices).map(([key, choice]) => [key, choice.value])),
    control: { type: 'select' as const, labels: Object.fromEntries(Object.entries(choices).map(([key, choice]) => [key, choice.label])) },
  };
}

/** The feedback files a `src` (or `feedback-src`) can name in the stories. */
export const FEEDBACK_FILES = {
  sample: { label: 'Sample, 20,000 rows', value: SAMPLE_FEEDBACK_URL },
  'invalid-only': { label: 'Every row invalid', value: INVALID_ONLY_URL },
  'no-stage-column': { label: 'No stage column', value: NO_STAGE_COLUMN_URL },
  'missing-file': { label: 'Missing file (404)', value: MISSING_FILE_URL },
  'held-open': { label: 'Never finishes (dev server only)', value: HELD_OPEN_URL },
} as const;

export const RECORD_SETS = { sample: { label: 'Sample, about 3,000 records', value: SAMPLE_RECORDS } } as const;

export const COUNT_SETS = { quarterly: { label: 'Quarterly counts, 2023–2025', value: QUARTERLY_COUNTS } } as const;
