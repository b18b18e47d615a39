import { expect } from '@open-wc/testing';
import { checkScore, parseScore } from '../../src/core/scores.ts';

const MISSING = { missing: true };
const NOT_NUMBER = { error: 'score-not-number' };
const NOT_INTEGER = { error: 'score-not-integer' };
const OUT_OF_RANGE = { error: 'score-out-of-range' };

describe('scores', () => {
  describe('parseScore', () => {
    it('accepts every point of each scale and nothing beyond its ends', () => {
      for (let v = 0; v <= 10; v++) expect(parseScore(String(v), 'nps', false), `nps ${v}`).to.deep.equal({ value: v });
      for (let v = 1; v <= 5; v++) expect(parseScore(String(v), 'csat', false), `csat ${v}`).to.deep.equal({ value: v });
      for (let v = 1; v <= 7; v++) expect(parseScore(String(v), 'ces', false), `ces ${v}`).to.deep.equal({ value: v });
      expect(parseScore('11', 'nps', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('-1', 'nps', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('0', 'csat', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('6', 'csat', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('0', 'ces', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('8', 'ces', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('100', 'nps', false)).to.deep.equal(OUT_OF_RANGE);
      expect(parseScore('99999999999999999999999', 'nps', false)).to.deep.equal(OUT_OF_RANGE);
    });

    it('trims whitespace and accepts a leading "+" or leading zeros', () => {
      expect(parseScore(' 7', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('7 ', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('\t7\u00a0', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('+7', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('07', 'nps', false)).to.deep.equal({ value: 7 });
    });

    it('reads "-0" as 0, not negative zero', () => {
      const result = parseScore('-0', 'nps', false);
      expect(result).to.deep.equal({ value: 0 });
      expect(Object.is((result as { value: number }).value, 0)).to.equal(true);
    });

    it('reads whole-number decimals with a point', () => {
      expect(parseScore('7.0', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('10.00', 'nps', false)).to.deep.equal({ value: 10 });
      expect(parseScore('7.', 'nps', false)).to.deep.equal({ value: 7 });
      expect(parseScore('.0', 'nps', false)).to.deep.equal({ value: 0 });
      expect(parseScore('7.0', 'nps', true)).to.deep.equal({ value: 7 });
    });

    it('reads a decimal comma only when the file uses decimal commas', () => {
      expect(parseScore('7,0', 'nps', true)).to.deep.equal({ value: 7 });
      expect(parseScore('7,0', 'nps', false)).to.deep.equal(NOT_NUMBER);
      expect(parseScore('1,000', 'nps', false)).to.deep.equal(NOT_NUMBER);
    });

    it('rejects fractions as not-integer, before checking the range', () => {
      expect(parseScore('7.5', 'nps', false)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('7,5', 'nps', true)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('10.5', 'nps', false)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('-0.5', 'nps', false)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('.5', 'nps', false)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('4.01', 'csat', false)).to.deep.equal(NOT_INTEGER);
      expect(parseScore('11.0', 'nps', false)).to.deep.equal(OUT_OF_RANGE);
    });

    it('treats empty cells and explicit "not answered" markers as missing', () => {
      for (const text of ['', '   ', 'N/A', 'n/a', 'NA', 'na', 'N/a', '-', ' n/a ']) {
        expect(parseScore(text, 'nps', false), JSON.stringify(text)).to.deep.equal(MISSING);
      }
    });

    it('rejects text, exponents, infinities and other non-decimal forms as not-number', () => {
      const notNumbers = [
        'abc', '7a', 'a7', '1e1', '7e0', '1E1', 'Infinity', '-Infinity', 'NaN', '0x7', '7 0', '--7', '+-7', '+', '.',
        '7..0', '7.0.0', 'seven', 'N/A7', '--', '٧', '7%',
      ];
      for (const text of notNumbers) expect(parseScore(text, 'nps', true), text).to.deep.equal(NOT_NUMBER);
    });
  });

  describe('checkScore', () => {
    it('accepts integer numbers on the scale', () => {
      expect(checkScore(0, 'nps')).to.deep.equal({ value: 0 });
      expect(checkScore(10, 'nps')).to.deep.equal({ value: 10 });
      expect(checkScore(7.0, 'nps')).to.deep.equal({ value: 7 });
      expect(checkScore(5, 'csat')).to.deep.equal({ value: 5 });
      expect(checkScore(7, 'ces')).to.deep.equal({ value: 7 });
    });

    it('reports not-integer before out-of-range, and out-of-range for integers off the scale', () => {
      expect(checkScore(7.5, 'nps')).to.deep.equal(NOT_INTEGER);
      expect(checkScore(10.5, 'nps')).to.deep.equal(NOT_INTEGER);
      expect(checkScore(11, 'nps')).to.deep.equal(OUT_OF_RANGE);
      expect(checkScore(-1, 'nps')).to.deep.equal(OUT_OF_RANGE);
      expect(checkScore(0, 'csat')).to.deep.equal(OUT_OF_RANGE);
      expect(checkScore(8, 'ces')).to.deep.equal(OUT_OF_RANGE);
    });

    it('reads -0 as 0', () => {
      const result = checkScore(-0, 'nps');
      expect(Object.is((result as { value: number }).value, 0)).to.equal(true);
    });

    it('treats null, undefined, blank strings and "not answered" strings as missing', () => {
      for (const value of [null, undefined, '', '  ', 'N/A', '-']) expect(checkScore(value, 'nps'), String(value)).to.deep.equal(MISSING);
    });

    it('reads numeric strings with a decimal point', () => {
      expect(checkScore('8', 'nps')).to.deep.equal({ value: 8 });
      expect(checkScore(' 8.0 ', 'nps')).to.deep.equal({ value: 8 });
      expect(checkScore('8.5', 'nps')).to.deep.equal(NOT_INTEGER);
      expect(checkScore('8,0', 'nps')).to.deep.equal(NOT_NUMBER);
      expect(checkScore('12', 'nps')).to.deep.equal(OUT_OF_RANGE);
    });

    it('rejects NaN, infinities, booleans, objects, arrays and bigints as not-number', () => {
      for (const value of [Number.NaN, Infinity, -Infinity, true, false, {}, [], [7], { value: 7 }, 7n, Symbol('7'), () => 7]) {
        expect(checkScore(value, 'nps'), typeof value).to.deep.equal(NOT_NUMBER);
      }
    });
  });
});
