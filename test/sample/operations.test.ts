import { expect } from '@open-wc/testing';
import { operationalSeries, type PeriodWindow } from '../../src/core/kpi-series.ts';
import { createOperationalCsvIngest } from '../../src/core/operational.ts';
import { APPLICATION_COLUMNS, APPLICATION_FLAW_REASONS, APPLICATION_FLAWS, generateApplicationsCsv, generateApplicationsWithTruth, generateOutagesCsv } from '../../src/sample/operations.ts';
import { csvRecord } from '../../src/sample/csv.ts';

/** Three months, so the test reads a few thousand rows rather than the gallery's 78,000. */
const OPTIONS = { seed: 7, months: 3, flawShare: 0.02 };

function ingest(text: string, dateColumn: string) {
  const reader = createOperationalCsvIngest(dateColumn);
  reader.push(text);
  return reader.finish();
}

describe('operational sample data', () => {
  it('is the same bytes for the same seed, and different for another', () => {
    expect(generateApplicationsCsv(OPTIONS)).to.equal(generateApplicationsCsv(OPTIONS));
    expect(generateApplicationsCsv(OPTIONS)).not.to.equal(generateApplicationsCsv({ ...OPTIONS, seed: 8 }));
    expect(generateOutagesCsv({ seed: 7 })).to.equal(generateOutagesCsv({ seed: 7 }));
  });

  it('is read back with every row accounted for as the generator counted it', () => {
    const { rows, truth } = generateApplicationsWithTruth(OPTIONS);
    const { table, quality } = ingest([APPLICATION_COLUMNS, ...rows].map((row) => csvRecord(row)).join('\n'), 'submitted');
    expect(quality.totalRows).to.equal(truth.rows);
    expect(table.rowCount).to.equal(truth.dated);
    expect(quality.rejected).to.equal(truth.flaws['invalid-date']);
    for (const flaw of APPLICATION_FLAWS) expect(truth.flaws[flaw], flaw).to.be.greaterThan(0);

    // Per measure: the wait KPI loses exactly the rows with a broken wait cell, by the reason the generator names.
    const window: PeriodWindow = { interval: 'month', starts: [Date.UTC(2023, 0, 1) / 864e5, Date.UTC(2023, 1, 1) / 864e5, Date.UTC(2023, 2, 1) / 864e5] };
    const wait = operationalSeries(table, quality, { aggregation: 'median', value: 'wait_minutes', numerator: null, denominator: null }, window, 5).quality;
    const expected = new Map<string, number>();
    for (const flaw of APPLICATION_FLAWS) {
      const { reason, column } = APPLICATION_FLAW_REASONS[flaw];
      if (!column) continue;
      expected.set(reason, (expected.get(reason) ?? 0) + truth.flaws[flaw]);
    }
    for (const [reason, count] of expected) expect(wait.reasons.find((t) => t.reason === reason)?.count, reason).to.equal(count);

    // Pending applications have no decision: the acceptance rate leaves exactly them out.
    const rate = operationalSeries(table, quality, { aggregation: 'rate', value: null, numerator: 'accepted', denominator: 'submitted_count' }, window, 5);
    const decided = rate.periods.reduce((sum, p) => sum + p.n, 0);
    expect(decided).to.equal(truth.accepted + truth.rejected);
    expect(rate.quality.reasons.find((t) => t.reason === 'missing-value' && t.column === 'accepted')?.count).to.equal(truth.pending);
  });
});
