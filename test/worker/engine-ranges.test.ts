/**
 * Suppression does not depend on the range a page shows: the trend's periods are suppressed over all of
 * them, then the range is cut out. Decided within the range, narrowing `from` past a small period would
 * show the period hidden to protect it, and the accepted total minus the shown periods would give the
 * small one back (found by the review of issue 8's complementary suppression).
 */
import { expect } from '@open-wc/testing';
import { createEngine, type EngineResult } from '../../src/worker/engine.ts';
import type { NpsSeriesColumns } from '../../src/core/series-columns.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** January 3 answers, February 12, March 20: with min-n 10, January is small and February protects it. */
function records(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [month, count] of [['01', 3], ['02', 12], ['03', 20]] as const) {
    for (let i = 0; i < count; i++) rows.push({ respondent: `r${month}-${i}`, date: `2025-${month}-${String((i % 27) + 1).padStart(2, '0')}`, nps: (i * 7) % 11 });
  }
  return rows;
}

function value<T>(result: EngineResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const shown = (columns: NpsSeriesColumns) =>
  Array.from(columns.periodStart, (start, i) => [new Date(start * 86_400_000).toISOString().slice(0, 7), columns.suppressed[i] ? 'hidden' : columns.n[i]]);

describe('engine: suppression and the shown range', () => {
  it('keeps a period hidden to protect a smaller one hidden whatever range is asked for, rows and counts alike', async () => {
    const engine = createEngine();
    value(await engine.loadRecords('rows', records(), ''));
    const counts = [
      { period: '2025-01', histogram: [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1] },
      { period: '2025-02', histogram: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] },
      { period: '2025-03', histogram: [2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2] },
    ];
    value(await engine.loadCounts('counts', counts));
    for (const key of ['rows', 'counts']) {
      const all = shown(value(await engine.queryNps(key, { interval: 'month', minN: 10 })));
      expect(all, key).to.deep.equal([['2025-01', 'hidden'], ['2025-02', 'hidden'], ['2025-03', 20]]);
      const fromFebruary = shown(value(await engine.queryNps(key, { interval: 'month', minN: 10, fromDay: day('2025-02-01') })));
      expect(fromFebruary, `${key} from February`).to.deep.equal([['2025-02', 'hidden'], ['2025-03', 20]]);
      const onlyFebruary = shown(value(await engine.queryNps(key, { interval: 'month', minN: 10, fromDay: day('2025-02-10'), toDay: day('2025-02-11') })));
      expect(onlyFebruary, `${key} within February`).to.deep.equal([['2025-02', 'hidden']]);
    }
  });
});
