import { expect } from '@open-wc/testing';
import { aggregateNps } from '../../src/core/aggregate.ts';
import { createCsvIngest } from '../../src/core/csv-ingest.ts';
import { DailyCountsCache, dailyCellCount, dailyNpsCounts, rollUpDailyCounts } from '../../src/core/daily-counts.ts';
import { INTERVALS } from '../../src/core/periods.ts';
import type { FeedbackTable } from '../../src/core/table.ts';
import { generateFeedbackCsvText } from '../../src/sample/generate.ts';

function sampleTable(): FeedbackTable {
  const ingest = createCsvIngest({});
  ingest.push(generateFeedbackCsvText({ seed: 5, rows: 6000 }));
  return ingest.finish().table;
}

describe('daily counts', () => {
  const table = sampleTable();
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const groupings = [null, 'department', 'stage'];
  const filters = [[], [{ dimension: 'channel', values: ['Web portal', 'Phone'] }]];
  const ranges = [{}, { fromDay: day('2023-06-14'), toDay: day('2024-02-03') }, { fromDay: day('2030-01-01') }, { toDay: day('2023-01-01') }];

  it('roll up to exactly what a pass over the rows gives, for every interval, grouping, filter and day range', () => {
    let compared = 0;
    for (const dimension of groupings) {
      for (const conditions of filters) {
        const daily = dailyNpsCounts(table, { dimension, conditions });
        for (const interval of INTERVALS) {
          for (const range of ranges) {
            const expected = aggregateNps(table, { interval, dimension, conditions, ...range });
            expect(rollUpDailyCounts(daily, interval, range), `${interval} by ${dimension} ${JSON.stringify(conditions)} ${JSON.stringify(range)}`).to.deep.equal(expected);
            compared += expected.buckets.size;
          }
        }
      }
    }
    expect(compared, 'buckets compared').to.be.greaterThan(1000);
  });

  it('count every NPS answer once', () => {
    const daily = dailyNpsCounts(table);
    const answered = table.scores.nps.reduce((n, score) => n + (score >= 0 ? 1 : 0), 0);
    expect(daily.counts.reduce((a, b) => a + b, 0)).to.equal(answered);
    expect(daily.counts.length).to.equal(dailyCellCount(table, null));
  });

  it('are empty for an empty table', () => {
    const ingest = createCsvIngest({});
    ingest.push('date,nps\n');
    const empty = ingest.finish().table;
    expect(rollUpDailyCounts(dailyNpsCounts(empty), 'month').buckets.size).to.equal(0);
  });
});

describe('DailyCountsCache', () => {
  const ingest = createCsvIngest({});
  ingest.push(generateFeedbackCsvText({ seed: 9, rows: 3000 }));
  const { table } = ingest.finish();
  const web = [{ dimension: 'channel', values: ['Web portal'] }];

  it('reads the rows once for any interval and range of one grouping and filter, and answers as aggregateNps does', () => {
    const cache = new DailyCountsCache(2);
    for (const interval of INTERVALS) {
      for (const range of [{}, { fromDay: table.firstDay + 40, toDay: table.lastDay - 100 }]) {
        expect(cache.partial(table, { interval, ...range })).to.deep.equal(aggregateNps(table, { interval, ...range }));
      }
    }
    expect(cache.scans).to.equal(1);
  });

  it('reads the rows again for a new filter or grouping, keeps the most recent ones, and drops the least recent', () => {
    const cache = new DailyCountsCache(2);
    cache.partial(table, { interval: 'month' });
    cache.partial(table, { interval: 'month', conditions: web });
    cache.partial(table, { interval: 'week' });
    expect(cache.scans).to.equal(2);
    expect(cache.partial(table, { interval: 'month', dimension: 'department' })).to.deep.equal(aggregateNps(table, { interval: 'month', dimension: 'department' }));
    expect(cache.scans).to.equal(3);
    cache.partial(table, { interval: 'quarter' }); // still held: used more recently than the filter
    expect(cache.scans).to.equal(3);
    cache.partial(table, { interval: 'quarter', conditions: web }); // dropped when the grouping came in
    expect(cache.scans).to.equal(4);
  });

  it('keeps no counts for another table', () => {
    const cache = new DailyCountsCache();
    cache.partial(table, { interval: 'month' });
    cache.partial(sampleTable(), { interval: 'month' });
    expect(cache.scans).to.equal(2);
  });
});
