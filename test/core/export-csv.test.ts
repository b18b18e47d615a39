import { expect } from '@open-wc/testing';
import { csvCell, csvDocument, neutralizeFormula, sanitizeFileName } from '../../src/core/export-csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

describe('export-csv', () => {
  describe('neutralizeFormula', () => {
    it('puts an apostrophe before text a spreadsheet would read as a formula or command', () => {
      for (const text of ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '\nLF', '=HYPERLINK("http://x","y")', '=cmd|\' /C calc\'!A0']) {
        expect(neutralizeFormula(text), JSON.stringify(text)).to.equal(`'${text}`);
      }
    });

    it('also catches the trigger behind leading spaces and in its full-width form', () => {
      expect(neutralizeFormula('  =1+1')).to.equal("'  =1+1");
      expect(neutralizeFormula('\u00a0@x')).to.equal("'\u00a0@x");
      expect(neutralizeFormula('＝1+1')).to.equal("'＝1+1");
      expect(neutralizeFormula('＋1')).to.equal("'＋1");
    });

    it('leaves other text alone, the trigger characters inside it too', () => {
      for (const text of ['Apply', 'a=b', 'Wait - long', 'e-mail@x.org', '', 'مجلس الخدمة', "'quoted"]) expect(neutralizeFormula(text)).to.equal(text);
    });
  });

  describe('csvCell', () => {
    it('writes numbers as numbers, negative ones unneutralised, rounded to the decimals asked', () => {
      expect(csvCell(-30)).to.equal('-30');
      expect(csvCell(83.3333)).to.equal('83.33');
      expect(csvCell(83.3333, 1)).to.equal('83.3');
      expect(csvCell(-0.001)).to.equal('0');
      expect(csvCell(0)).to.equal('0');
    });

    it('writes the same characters as text neutralised: "-30" from data is not a number we wrote', () => {
      expect(csvCell('-30')).to.equal("'-30");
      expect(csvCell('=1+1')).to.equal("'=1+1");
    });

    it('leaves null, undefined and non-finite numbers empty', () => {
      expect([null, undefined, NaN, Infinity].map((value) => csvCell(value))).to.deep.equal(['', '', '', '']);
    });

    it('quotes cells with quotes, commas, semicolons, tabs or line breaks and doubles the quotes (RFC 4180)', () => {
      expect(csvCell('a,b')).to.equal('"a,b"');
      expect(csvCell('a;=1+1')).to.equal('"a;=1+1"');
      expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
      expect(csvCell('"><svg onload=x>')).to.equal('"""><svg onload=x>"');
      expect(csvCell('two\r\nlines')).to.equal('"two\r\nlines"');
      // Neutralised first, then quoted: the apostrophe is inside the quotes.
      expect(csvCell('\t=1,2')).to.equal('"\'\t=1,2"');
    });
  });

  describe('csvDocument', () => {
    it('joins cells with commas and rows with CRLF, ending in one', () => {
      expect(csvDocument([['Period', 'NPS'], ['2024-01', -30], ['=x', null]])).to.equal("Period,NPS\r\n2024-01,-30\r\n'=x,\r\n");
    });
  });

  describe('sanitizeFileName', () => {
    it('takes path traversal apart', () => {
      expect(sanitizeFileName('../../etc/passwd', 'csv')).to.equal('etc-passwd.csv');
      expect(sanitizeFileName('..\\..\\Windows\\System32\\drivers', 'svg')).to.equal('Windows-System32-drivers.svg');
      expect(sanitizeFileName('/', 'csv')).to.equal('export.csv');
    });

    it('renames Windows device names, with or without an extension', () => {
      expect(sanitizeFileName('CON', 'csv')).to.equal('CON_.csv');
      expect(sanitizeFileName('lpt1', 'png')).to.equal('lpt1_.png');
      expect(sanitizeFileName('nul.txt', 'csv')).to.equal('nul_.txt.csv');
      expect(sanitizeFileName('CONSOLE', 'csv')).to.equal('CONSOLE.csv');
    });

    it('drops bidirectional overrides and invisible characters, so the name shows what it is', () => {
      expect(sanitizeFileName('a\u202Eexe.csv', 'csv')).to.equal('aexe.csv');
      expect(sanitizeFileName('invoice\u202Efdp.exe', 'png')).to.equal('invoicefdp.exe.png');
      expect(sanitizeFileName('x\u200B\u2066y\u2069', 'csv')).to.equal('xy.csv');
    });

    it('replaces control and reserved characters and collapses the runs', () => {
      expect(sanitizeFileName('a\u0000b\u0007c\nd', 'csv')).to.equal('a-b-c-d.csv');
      expect(sanitizeFileName('<script>alert(1)</script>', 'svg')).to.equal('script-alert(1)-script.svg');
      expect(sanitizeFileName('what?* is:"this"|', 'csv')).to.equal('what-is-this.csv');
      expect(sanitizeFileName('Service Council', 'csv')).to.equal('Service-Council.csv');
      expect(sanitizeFileName(' .hidden. ', 'csv')).to.equal('hidden.csv');
    });

    it('keeps letters of any script: Arabic, Greek, Polish, Hungarian', () => {
      expect(sanitizeFileName('مجلس الخدمة', 'csv')).to.equal('مجلس-الخدمة.csv');
      expect(sanitizeFileName('Συμβούλιο εξυπηρέτησης', 'png')).to.equal('Συμβούλιο-εξυπηρέτησης.png');
      expect(sanitizeFileName('Rada ds. jakości', 'csv')).to.equal('Rada-ds.-jakości.csv');
      expect(sanitizeFileName('Ügyfélélmény', 'svg')).to.equal('Ügyfélélmény.svg');
    });

    it('cuts long names to 100 characters and 200 bytes, never inside a character', () => {
      const latin = sanitizeFileName('a'.repeat(300), 'csv');
      expect(latin).to.equal(`${'a'.repeat(100)}.csv`);
      const arabic = sanitizeFileName('ب'.repeat(300), 'csv');
      expect(utf8(arabic.replace(/\.csv$/, ''))).to.be.at.most(200);
      expect(arabic).to.equal(`${'ب'.repeat(100)}.csv`);
      // A letter outside the Basic Multilingual Plane: four bytes, two UTF-16 units, never split.
      const wide = sanitizeFileName('𠀀'.repeat(120), 'csv');
      expect(wide).to.equal(`${'𠀀'.repeat(50)}.csv`);
      expect(sanitizeFileName(`${'a'.repeat(99)}--b`, 'csv')).to.equal(`${'a'.repeat(99)}.csv`);
    });

    it('does not add the extension twice, and falls back when nothing is left', () => {
      expect(sanitizeFileName('report.CSV', 'csv')).to.equal('report.csv');
      expect(sanitizeFileName('', 'png', 'nps-trend')).to.equal('nps-trend.png');
      expect(sanitizeFileName('\u202E\u200B', 'csv', 'journey')).to.equal('journey.csv');
      expect(sanitizeFileName('Report', '')).to.equal('Report');
    });
  });
});
