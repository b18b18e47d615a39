import { expect } from '@open-wc/testing';
import { dayFromDate, dayToUtcMs, parseDateToDay } from '../../src/core/dates.ts';

// Day numbers worked out by hand: 1970-01-01 → 2024-01-01 is 54 years with 13 leap days
// (1972…2020), 54 × 365 + 13 = 19723; then add the days of the months before.
const DAY_2024_01_01 = 19723;
const DAY_2024_03_01 = DAY_2024_01_01 + 31 + 29; // 19783
const DAY_2024_03_31 = DAY_2024_03_01 + 30; // 19813
const DAY_2024_04_01 = DAY_2024_03_31 + 1; // 19814
const DAY_2024_02_29 = DAY_2024_01_01 + 31 + 28; // 19782
const DAY_2023_02_28 = DAY_2024_01_01 - 365 + 31 + 27; // 19416
// 1900 → 1970: 70 years, 17 leap days (1904…1968; 1900 is not a leap year).
const DAY_1900_01_01 = -(70 * 365 + 17); // -25567
// 1970 → 2200: 230 years, 56 leap days (1972…2196 is 57, minus 2100).
const DAY_2199_12_31 = 230 * 365 + 56 - 1; // 84005
// 1970 → 2000: 30 years, 7 leap days; 2000 is a leap year (divisible by 400).
const DAY_2000_02_29 = 30 * 365 + 7 + 31 + 28; // 11016
const MS_PER_DAY = 86_400_000;

describe('dates', () => {
  describe('parseDateToDay: accepted forms', () => {
    const cases: [string, number][] = [
      ['1970-01-01', 0],
      ['1969-12-31', -1],
      ['2024-03-31', DAY_2024_03_31],
      ['2024-3-1', DAY_2024_03_01],
      ['2024-02-29', DAY_2024_02_29],
      ['2023-02-28', DAY_2023_02_28],
      ['2000-02-29', DAY_2000_02_29],
      ['1900-01-01', DAY_1900_01_01],
      ['2199-12-31', DAY_2199_12_31],
      ['2024-03-31T14:05', DAY_2024_03_31],
      ['2024-03-31T14:05:09', DAY_2024_03_31],
      ['2024-03-31T14:05:09.123', DAY_2024_03_31],
      ['2024-03-31T14:05:09.123456Z', DAY_2024_03_31],
      ['2024-03-31T00:00:00Z', DAY_2024_03_31],
      ['2024-03-31t23:59:59z', DAY_2024_03_31],
      ['2024-03-31 14:05', DAY_2024_03_31],
      ['2024-03-31 14:05:09+02:00', DAY_2024_03_31],
      ['2024-03-31 14:05:09.5-0330', DAY_2024_03_31],
      ['2024/03/31', DAY_2024_03_31],
      ['2024/3/31 9:05', DAY_2024_03_31],
      ['2024.03.31', DAY_2024_03_31],
      ['2024. 03. 31.', DAY_2024_03_31],
      ['2024. 03. 31. 14:05', DAY_2024_03_31],
      ['2024.03.31.', DAY_2024_03_31],
      ['31.03.2024', DAY_2024_03_31],
      ['1.3.2024', DAY_2024_03_01],
      ['31.03.2024 23:59:59', DAY_2024_03_31],
      ['  2024-03-31\t', DAY_2024_03_31],
    ];
    for (const [text, day] of cases) {
      it(`reads ${JSON.stringify(text)} as day ${day}`, () => {
        expect(parseDateToDay(text)).to.deep.equal({ day });
      });
    }
  });

  describe('parseDateToDay: the day as written, ignoring time and offset', () => {
    it('keeps a late-evening answer with a negative offset in its own month', () => {
      // In UTC this instant is 2024-04-01T04:30Z; the respondent answered on 31 March.
      expect(parseDateToDay('2024-03-31T23:30-05:00')).to.deep.equal({ day: DAY_2024_03_31 });
      expect(parseDateToDay('2024-03-31T23:30-0500')).to.deep.equal({ day: DAY_2024_03_31 });
    });

    it('keeps an early-morning answer with a positive offset on its own day', () => {
      // In UTC this instant is 2024-03-31T22:30Z.
      expect(parseDateToDay('2024-04-01T00:30+02:00')).to.deep.equal({ day: DAY_2024_04_01 });
    });
  });

  describe('parseDateToDay: errors', () => {
    it('reports missing-date for empty or whitespace-only text', () => {
      for (const text of ['', '   ', '\t\r\n']) expect(parseDateToDay(text), JSON.stringify(text)).to.deep.equal({ error: 'missing-date' });
    });

    it('reports ambiguous-date for any slash date with the year last, even when one part is over 12', () => {
      const ambiguous = ['31/03/2024', '03/31/2024', '03/04/2024', '3/4/2024', '12/25/2024', '03/04/24', '1/2/2024 14:30', '12/25/2024 2:30 PM'];
      for (const text of ambiguous) expect(parseDateToDay(text), text).to.deep.equal({ error: 'ambiguous-date' });
    });

    it('reports ambiguous-date for dash dates with the year last too', () => {
      expect(parseDateToDay('31-03-2024')).to.deep.equal({ error: 'ambiguous-date' });
      expect(parseDateToDay('03-31-2024')).to.deep.equal({ error: 'ambiguous-date' });
      // Two-digit year last or first: YY-MM-DD, DD-MM-YY and MM-DD-YY all fit.
      expect(parseDateToDay('24-03-31')).to.deep.equal({ error: 'ambiguous-date' });
    });

    it('reports invalid-date for a year-last date that is no date in either order', () => {
      for (const text of ['45/99/2024', '31/31/2024', '00/00/2024', '31/02/2024', '3/4/1850']) {
        expect(parseDateToDay(text), text).to.deep.equal({ error: 'invalid-date' });
      }
    });

    it('reports invalid-date for impossible calendar dates', () => {
      const impossible = ['2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32', '2024-04-31', '2023-02-29', '2100-02-29', '32.01.2024', '29.02.2023', '2024/02/30'];
      for (const text of impossible) expect(parseDateToDay(text), text).to.deep.equal({ error: 'invalid-date' });
    });

    it('reports invalid-date for years outside 1900–2199', () => {
      for (const text of ['1899-12-31', '2200-01-01', '0001-01-01', '9999-12-31', '31.12.1899']) {
        expect(parseDateToDay(text), text).to.deep.equal({ error: 'invalid-date' });
      }
    });

    it('reports invalid-date for out-of-range times and offsets', () => {
      const bad = ['2024-03-31T24:00', '2024-03-31T23:60', '2024-03-31T23:59:60', '2024-03-31T10:00+24:00', '2024-03-31T10:00+02:60', '31.03.2024 25:00'];
      for (const text of bad) expect(parseDateToDay(text), text).to.deep.equal({ error: 'invalid-date' });
    });

    it('reports invalid-date for text that is not one of the accepted forms', () => {
      const garbage = [
        'yesterday', '0', '1970-01-01x', 'x1970-01-01', '20240331', '2024-03', '2024', '31.03.24', '2024-03-31T',
        '2024-03-31Z', '2024-03-31T14', '2024-03-31T14:5', '2024/03/31.', '2024-03/31', 'Mar 31, 2024',
        '2024-03-31T14:05:09.', '1711843200000', 'null', 'NaN', '２０２４-03-31',
      ];
      for (const text of garbage) expect(parseDateToDay(text), text).to.deep.equal({ error: 'invalid-date' });
    });

    it('never turns a bad date into 1970-01-01', () => {
      for (const text of ['0', '', '1970-01-01x', '00.00.0000', '0000-00-00', '-', 'undefined']) {
        expect(parseDateToDay(text), text).to.not.deep.equal({ day: 0 });
      }
    });
  });

  describe('dayFromDate', () => {
    // 2024-03-31T00:00Z = 19813 days × 86 400 000 ms.
    const MS_2024_03_31 = 1_711_843_200_000;

    it('takes the UTC calendar day of epoch milliseconds', () => {
      expect(dayFromDate(MS_2024_03_31)).to.deep.equal({ day: DAY_2024_03_31 });
      expect(dayFromDate(MS_2024_03_31 + MS_PER_DAY - 1)).to.deep.equal({ day: DAY_2024_03_31 });
      expect(dayFromDate(MS_2024_03_31 + MS_PER_DAY)).to.deep.equal({ day: DAY_2024_04_01 });
    });

    it('never reads a small number as a 1970 date: seconds, Excel serials and 20240315 are ambiguous', () => {
      for (const value of [0, 1_711_843_200 /* Unix seconds */, 45_366 /* Excel serial */, 20_240_315, -1, 99_999_999_999]) {
        expect(dayFromDate(value), String(value)).to.deep.equal({ error: 'ambiguous-date' });
      }
      expect(dayFromDate(100_000_000_000)).to.deep.equal({ day: 1157 }); // 1973-03-03T09:46:40Z: 1e11 / 86.4e6 = 1157.4
    });

    it('rounds Date objects before 1970 down to their day', () => {
      expect(dayFromDate(new Date(-1))).to.deep.equal({ day: -1 });
      expect(dayFromDate(new Date(-MS_PER_DAY))).to.deep.equal({ day: -1 });
      expect(dayFromDate(new Date(-MS_PER_DAY - 1))).to.deep.equal({ day: -2 });
    });

    it('takes the UTC calendar day of a Date object', () => {
      expect(dayFromDate(new Date(MS_2024_03_31 + 84_600_000))).to.deep.equal({ day: DAY_2024_03_31 }); // 23:30Z
    });

    it('reports invalid-date for NaN, infinities and an invalid Date', () => {
      for (const value of [Number.NaN, Infinity, -Infinity, new Date(Number.NaN), 8.64e15 + 1]) {
        expect(dayFromDate(value), String(value)).to.deep.equal({ error: 'invalid-date' });
      }
    });

    it('reports invalid-date outside 1900–2199', () => {
      expect(dayFromDate(DAY_1900_01_01 * MS_PER_DAY)).to.deep.equal({ day: DAY_1900_01_01 });
      expect(dayFromDate(DAY_1900_01_01 * MS_PER_DAY - 1)).to.deep.equal({ error: 'invalid-date' });
      expect(dayFromDate((DAY_2199_12_31 + 1) * MS_PER_DAY - 1)).to.deep.equal({ day: DAY_2199_12_31 });
      expect(dayFromDate((DAY_2199_12_31 + 1) * MS_PER_DAY)).to.deep.equal({ error: 'invalid-date' });
    });
  });

  describe('dayToUtcMs', () => {
    it('gives midnight UTC of the day', () => {
      expect(dayToUtcMs(0)).to.equal(0);
      expect(dayToUtcMs(DAY_2024_03_31)).to.equal(1_711_843_200_000);
      expect(dayToUtcMs(-1)).to.equal(-MS_PER_DAY);
    });

    it('round-trips with dayFromDate', () => {
      for (const day of [DAY_1900_01_01, -1, 0, DAY_2024_02_29, DAY_2199_12_31]) {
        expect(dayFromDate(new Date(dayToUtcMs(day)))).to.deep.equal({ day });
      }
    });
  });
});
