import { expect } from '@open-wc/testing';
import {
  INTERVALS,
  isoWeekOf,
  offsetPeriod,
  parsePeriod,
  periodKey,
  periodStartDay,
  periodStartsByDay,
  type IntervalName,
} from '../../src/core/periods.ts';

/** UTC day number of an ISO date, by Date.UTC (independent of the d3-time code under test). */
function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

describe('periods', () => {
  describe('periodStartDay', () => {
    it('finds the first day of each interval for a Thursday in March 2024', () => {
      const thursday = day('2024-03-14');
      expect(periodStartDay(thursday, 'day')).to.equal(day('2024-03-14'));
      expect(periodStartDay(thursday, 'week')).to.equal(day('2024-03-11'));
      expect(periodStartDay(thursday, 'month')).to.equal(day('2024-03-01'));
      expect(periodStartDay(thursday, 'quarter')).to.equal(day('2024-01-01'));
      expect(periodStartDay(thursday, 'year')).to.equal(day('2024-01-01'));
    });

    it('starts weeks on Monday: a Sunday belongs to the week that began six days earlier', () => {
      expect(periodStartDay(day('2024-03-17'), 'week')).to.equal(day('2024-03-11'));
      expect(periodStartDay(day('2024-03-11'), 'week')).to.equal(day('2024-03-11'));
      expect(periodStartDay(day('2024-03-18'), 'week')).to.equal(day('2024-03-18'));
    });

    it('lets a week straddle the year end', () => {
      expect(periodStartDay(day('2025-01-01'), 'week')).to.equal(day('2024-12-30'));
      expect(periodStartDay(day('2021-01-03'), 'week')).to.equal(day('2020-12-28'));
    });

    it('puts each month in its calendar quarter', () => {
      const quarterStarts = ['01-01', '01-01', '01-01', '04-01', '04-01', '04-01', '07-01', '07-01', '07-01', '10-01', '10-01', '10-01'];
      for (let month = 1; month <= 12; month++) {
        const mid = day(`2023-${String(month).padStart(2, '0')}-15`);
        expect(periodStartDay(mid, 'quarter'), `month ${month}`).to.equal(day(`2023-${quarterStarts[month - 1]}`));
      }
      expect(periodStartDay(day('2024-12-31'), 'quarter')).to.equal(day('2024-10-01'));
    });

    it('handles 29 February and days before 1970 (negative day numbers)', () => {
      expect(periodStartDay(day('2024-02-29'), 'month')).to.equal(day('2024-02-01'));
      expect(periodStartDay(day('2024-02-29'), 'week')).to.equal(day('2024-02-26'));
      // 1970-01-01 was a Thursday, so 1969-12-31 (day −1) is in the week of Monday 1969-12-29 (day −3)
      expect(periodStartDay(-1, 'week')).to.equal(-3);
      expect(periodStartDay(-1, 'month')).to.equal(day('1969-12-01'));
      expect(periodStartDay(-1, 'year')).to.equal(day('1969-01-01'));
    });
  });

  describe('offsetPeriod', () => {
    it('steps months, quarters and years across the year end in both directions', () => {
      expect(offsetPeriod(day('2024-12-01'), 'month', 1)).to.equal(day('2025-01-01'));
      expect(offsetPeriod(day('2024-01-01'), 'month', -1)).to.equal(day('2023-12-01'));
      expect(offsetPeriod(day('2024-01-01'), 'month', 12)).to.equal(day('2025-01-01'));
      expect(offsetPeriod(day('2024-10-01'), 'quarter', 1)).to.equal(day('2025-01-01'));
      expect(offsetPeriod(day('2024-01-01'), 'quarter', -1)).to.equal(day('2023-10-01'));
      expect(offsetPeriod(day('2024-01-01'), 'year', 1)).to.equal(day('2025-01-01'));
      expect(offsetPeriod(day('2024-01-01'), 'year', -2)).to.equal(day('2022-01-01'));
    });

    it('steps weeks across the year end, including into a 53-week year', () => {
      expect(offsetPeriod(day('2024-12-30'), 'week', -1)).to.equal(day('2024-12-23'));
      expect(offsetPeriod(day('2020-12-28'), 'week', 1)).to.equal(day('2021-01-04'));
      expect(offsetPeriod(day('2021-01-04'), 'week', -1)).to.equal(day('2020-12-28'));
    });

    it('counts 29 February in leap years only', () => {
      expect(offsetPeriod(day('2024-02-28'), 'day', 1)).to.equal(day('2024-02-29'));
      expect(offsetPeriod(day('2024-02-28'), 'day', 2)).to.equal(day('2024-03-01'));
      expect(offsetPeriod(day('2023-02-28'), 'day', 1)).to.equal(day('2023-03-01'));
      // February 2024 has 29 days, February 2023 has 28
      expect(offsetPeriod(day('2024-02-01'), 'month', 1) - day('2024-02-01')).to.equal(29);
      expect(offsetPeriod(day('2023-02-01'), 'month', 1) - day('2023-02-01')).to.equal(28);
      // 2024 has 366 days, 2100 is not a leap year (divisible by 100, not by 400), 2000 is
      expect(offsetPeriod(day('2024-01-01'), 'year', 1) - day('2024-01-01')).to.equal(366);
      expect(offsetPeriod(day('2100-01-01'), 'year', 1) - day('2100-01-01')).to.equal(365);
      expect(offsetPeriod(day('2000-01-01'), 'year', 1) - day('2000-01-01')).to.equal(366);
    });

    it('returns the same period for zero steps', () => {
      for (const interval of INTERVALS) {
        const start = periodStartDay(day('2024-05-20'), interval);
        expect(offsetPeriod(start, interval, 0), interval).to.equal(start);
      }
    });
  });

  describe('periodStartsByDay', () => {
    it('agrees with periodStartDay for every day of 2023–2025 and every interval', () => {
      const first = day('2023-01-01');
      const last = day('2025-12-31');
      for (const interval of INTERVALS) {
        const starts = periodStartsByDay(first, last, interval);
        expect(starts.length, interval).to.equal(last - first + 1);
        for (let d = first; d <= last; d++) {
          if (starts[d - first] !== periodStartDay(d, interval)) {
            expect(starts[d - first], `${interval} day ${d}`).to.equal(periodStartDay(d, interval));
          }
        }
      }
    });

    it('starts correctly in the middle of a period', () => {
      // 2024-03-14 (Thursday) to 2024-03-19 (Tuesday): four days of the week of 03-11, then two of 03-18
      const starts = periodStartsByDay(day('2024-03-14'), day('2024-03-19'), 'week');
      expect(Array.from(starts)).to.deep.equal([...Array(4).fill(day('2024-03-11')), ...Array(2).fill(day('2024-03-18'))]);
    });

    it('is empty when the range is empty', () => {
      expect(periodStartsByDay(100, 99, 'month').length).to.equal(0);
      expect(Array.from(periodStartsByDay(100, 100, 'day'))).to.deep.equal([100]);
    });
  });

  describe('periodKey and isoWeekOf', () => {
    it('writes a sortable key for each interval', () => {
      const start = (interval: IntervalName) => periodStartDay(day('2024-03-05'), interval);
      expect(periodKey(start('day'), 'day')).to.equal('2024-03-05');
      expect(periodKey(start('week'), 'week')).to.equal('2024-W10');
      expect(periodKey(start('month'), 'month')).to.equal('2024-03');
      expect(periodKey(start('quarter'), 'quarter')).to.equal('2024-Q1');
      expect(periodKey(start('year'), 'year')).to.equal('2024');
      expect(periodKey(day('2024-10-01'), 'quarter')).to.equal('2024-Q4');
    });

    it('numbers weeks by ISO 8601 around the year end', () => {
      const weekKey = (iso: string) => periodKey(periodStartDay(day(iso), 'week'), 'week');
      expect(weekKey('2020-12-31')).to.equal('2020-W53');
      expect(weekKey('2021-01-03')).to.equal('2020-W53');
      expect(weekKey('2021-01-04')).to.equal('2021-W01');
      expect(weekKey('2024-12-30')).to.equal('2025-W01');
      expect(weekKey('2024-01-01')).to.equal('2024-W01');
      expect(weekKey('2023-01-01')).to.equal('2022-W52');
      expect(weekKey('2027-01-01')).to.equal('2026-W53');
    });

    it('gives the ISO week and week-year of any day, not only of Mondays', () => {
      // Python: date(y, m, d).isocalendar()
      expect(isoWeekOf(day('2021-01-03'))).to.deep.equal({ week: 53, weekYear: 2020 });
      expect(isoWeekOf(day('2024-12-31'))).to.deep.equal({ week: 1, weekYear: 2025 });
      expect(isoWeekOf(day('2022-01-01'))).to.deep.equal({ week: 52, weekYear: 2021 });
      expect(isoWeekOf(day('2024-03-14'))).to.deep.equal({ week: 11, weekYear: 2024 });
      expect(isoWeekOf(day('2024-06-15'))).to.deep.equal({ week: 24, weekYear: 2024 });
    });

    it('gives exactly the 53-week years 2015, 2020 and 2026 between 2015 and 2030, with no gaps', () => {
      // Python: [y for y in range(2015, 2031) if date(y, 12, 28).isocalendar()[1] == 53]
      const weeksPerYear = new Map<number, number>();
      let previousKey = '';
      for (let monday = day('2014-12-29'); monday < day('2031-01-01'); monday += 7) {
        const { week, weekYear } = isoWeekOf(monday);
        const key = periodKey(monday, 'week');
        expect(key > previousKey, `${key} after ${previousKey}`).to.equal(true);
        previousKey = key;
        expect(week, key).to.equal((weeksPerYear.get(weekYear) ?? 0) + 1);
        weeksPerYear.set(weekYear, week);
      }
      for (let year = 2015; year <= 2030; year++) {
        expect(weeksPerYear.get(year), String(year)).to.equal([2015, 2020, 2026].includes(year) ? 53 : 52);
      }
    });
  });

  describe('parsePeriod', () => {
    it('round-trips the key of every period in 2019–2026 for each interval', () => {
      for (const interval of INTERVALS) {
        let start = periodStartDay(day('2019-01-01'), interval);
        while (start < day('2027-01-01')) {
          const key = periodKey(start, interval);
          expect(parsePeriod(key, interval), `${interval} ${key}`).to.equal(start);
          start = offsetPeriod(start, interval, 1);
        }
      }
    });

    it('rolls a month key up into its quarter and year, but not down into a week or day', () => {
      expect(parsePeriod('2024-05', 'month')).to.equal(day('2024-05-01'));
      expect(parsePeriod('2024-05', 'quarter')).to.equal(day('2024-04-01'));
      expect(parsePeriod('2024-05', 'year')).to.equal(day('2024-01-01'));
      expect(parsePeriod('2024-05', 'week')).to.equal(null);
      expect(parsePeriod('2024-05', 'day')).to.equal(null);
    });

    it('rolls a quarter key into its year only', () => {
      expect(parsePeriod('2024-Q3', 'quarter')).to.equal(day('2024-07-01'));
      expect(parsePeriod('2024q3', 'quarter')).to.equal(day('2024-07-01'));
      expect(parsePeriod('2024-Q3', 'year')).to.equal(day('2024-01-01'));
      expect(parsePeriod('2024-Q3', 'month')).to.equal(null);
      expect(parsePeriod('2024-Q5', 'quarter')).to.equal(null);
      expect(parsePeriod('2024', 'quarter')).to.equal(null);
    });

    it('rejects a week key for any interval but week, since a week can straddle two months', () => {
      expect(parsePeriod('2024-W10', 'week')).to.equal(day('2024-03-04'));
      expect(parsePeriod('2024w10', 'week')).to.equal(day('2024-03-04'));
      expect(parsePeriod('2024-W10', 'month')).to.equal(null);
      expect(parsePeriod('2024-W10', 'quarter')).to.equal(null);
      expect(parsePeriod('2024-W10', 'year')).to.equal(null);
    });

    it('accepts week 53 only in years that have one', () => {
      expect(parsePeriod('2020-W53', 'week')).to.equal(day('2020-12-28'));
      expect(parsePeriod('2021-W53', 'week')).to.equal(null);
      expect(parsePeriod('2021-W00', 'week')).to.equal(null);
      expect(parsePeriod('2025-W01', 'week')).to.equal(day('2024-12-30'));
    });

    it('maps an ISO date to the start of the period containing it', () => {
      expect(parsePeriod('2024-03-14', 'day')).to.equal(day('2024-03-14'));
      expect(parsePeriod('2024-03-14', 'week')).to.equal(day('2024-03-11'));
      expect(parsePeriod('2024-03-14', 'month')).to.equal(day('2024-03-01'));
      expect(parsePeriod('2024-03-14', 'quarter')).to.equal(day('2024-01-01'));
      expect(parsePeriod('  2024-03-14 ', 'year')).to.equal(day('2024-01-01'));
    });

    it('returns null for dates that do not exist', () => {
      expect(parsePeriod('2024-02-30', 'day')).to.equal(null);
      expect(parsePeriod('2024-02-30', 'month')).to.equal(null);
      expect(parsePeriod('2023-02-29', 'day')).to.equal(null);
      expect(parsePeriod('2024-02-29', 'day')).to.equal(day('2024-02-29'));
      expect(parsePeriod('2024-13', 'month')).to.equal(null);
      expect(parsePeriod('2024-00', 'month')).to.equal(null);
    });

    it('returns null for text that is not a period', () => {
      for (const text of ['', '   ', 'March', 'garbage', '24-03', '2024-3', '2024/03/14', '14.03.2024', '2024-03-14T10:00', '20240', '2024-W1']) {
        for (const interval of INTERVALS) expect(parsePeriod(text, interval), `${JSON.stringify(text)} as ${interval}`).to.equal(null);
      }
    });
  });
});
