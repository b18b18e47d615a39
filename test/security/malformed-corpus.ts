/**
 * A large feedback export with a known number of broken rows of every kind, and the quality report it
 * must produce, worked out from how the file is written (never from the code that reads it).
 *
 * Data row `i` (0-based) is normal unless `i % 100 === 50`: those 1 % are broken, in turn (by
 * `(i / 100) % 10`): an impossible date, no date, an ambiguous date, an NPS of 11, "ten", 7.5, no
 * score, an extra column, a repeat of the row before (same respondent, upper-cased, same day), and a
 * missing column, where every 20,000th row instead opens a quote it never closes. Normal rows have
 * a quoted comment with a comma and an escaped quote every 50 rows and a two-line comment every 1,000,
 * except in the 1,100 rows after an unclosed quote: a quote there would close it.
 */
import type { QualityReport, RejectReason } from '../../src/core/quality.ts';

export const CORPUS_COLUMNS = 'respondent,date,nps,department,comment';
const DEPARTMENTS = ['Tax', 'Permits', 'Licensing'];

type Broken = RejectReason | 'duplicate';
const KINDS: readonly Broken[] = [
  'invalid-date',
  'missing-date',
  'ambiguous-date',
  'score-out-of-range',
  'score-not-number',
  'score-not-integer',
  'no-score',
  'column-count',
  'duplicate',
  'column-count', // or 'unclosed-quote', see isUnclosed
];
const isUnclosed = (i: number) => i % 20_000 === 950;
const quoteFree = (i: number) => i % 20_000 >= 950 && i % 20_000 <= 2050;

export interface Corpus {
  readonly blob: Blob;
  readonly rows: number;
  readonly broken: number;
  /** The report the file must give, reasons in display order (most frequent first, then by name). */
  readonly quality: QualityReport;
}

/** `rows` data rows (a multiple of 100 keeps the kinds balanced) as a CSV Blob, built in 10,000-row parts. */
export function malformedCorpus(rows: number): Corpus {
  const parts: string[] = [`${CORPUS_COLUMNS}\n`];
  const tallies = new Map<Broken, { count: number; lines: number[] }>();
  const tally = (kind: Broken, line: number) => {
    let entry = tallies.get(kind);
    if (!entry) tallies.set(kind, (entry = { count: 0, lines: [] }));
    entry.count++;
    if (entry.lines.length < 5) entry.lines.push(line);
  };
  let line = 2; // the physical line the next record starts on
  let part = '';
  let broken = 0;
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const department = DEPARTMENTS[i % 3]!;
    let respondent = `r${i}@example.org`;
    let date = `2024-${month}-${day}`;
    let nps = String(i % 11);
    let comment = 'fine';
    let extra = '';
    let lines = 1;
    let record: string | null = null;
    if (i % 100 === 50) {
      broken++;
      const kind: Broken = isUnclosed(i) ? 'unclosed-quote' : KINDS[Math.floor(i / 100) % 10]!;
      tally(kind, line);
      if (kind === 'invalid-date') date = '2024-02-30';
      else if (kind === 'missing-date') date = '';
      else if (kind === 'ambiguous-date') date = '03/04/2024';
      else if (kind === 'score-out-of-range') nps = '11';
      else if (kind === 'score-not-number') nps = 'ten';
      else if (kind === 'score-not-integer') nps = '7.5';
      else if (kind === 'no-score') nps = '';
      else if (kind === 'unclosed-quote') comment = '"never closed';
      else if (kind === 'duplicate') {
        // The row before: same day, same respondent (ids compare case-insensitively).
        const j = i - 1;
        respondent = `R${j}@EXAMPLE.org`;
        date = `2024-${String((j % 12) + 1).padStart(2, '0')}-${String((j % 28) + 1).padStart(2, '0')}`;
      } else if (Math.floor(i / 100) % 10 === 7) extra = ',surplus';
      else record = `${respondent},${date},${nps},${department}`;
    } else if (!quoteFree(i) && i % 1000 === 7) {
      comment = '"first line\nsecond line"';
      lines = 2;
    } else if (!quoteFree(i) && i % 50 === 3) {
      comment = '"slow, but ""fine"" in the end"';
    }
    part += (record ?? `${respondent},${date},${nps},${department},${comment}${extra}`) + '\n';
    line += lines;
    if (part.length > 500_000) {
      parts.push(part);
      part = '';
    }
  }
  parts.push(part);
  const duplicates = tallies.get('duplicate');
  tallies.delete('duplicate');
  const reasons = [...tallies]
    .map(([reason, { count, lines }]) => ({ reason: reason as RejectReason, ...(reason.startsWith('score-') ? { field: 'nps' as const } : {}), count, lines }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const rejected = reasons.reduce((sum, r) => sum + r.count, 0);
  const quality: QualityReport = {
    totalRows: rows,
    accepted: rows - rejected - (duplicates?.count ?? 0),
    duplicates: duplicates?.count ?? 0,
    duplicateLines: duplicates?.lines ?? [],
    rejected,
    reasons,
    withoutRespondent: 0,
    withoutStage: 0,
  };
  return { blob: new Blob(parts, { type: 'text/csv' }), rows, broken, quality };
}
