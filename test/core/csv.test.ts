import { expect } from '@open-wc/testing';
import { createCsvReader, parseCsv, type CsvReaderOptions } from '../../src/core/csv.ts';

interface Parsed {
  records: { fields: string[]; line: number }[];
  unclosedQuoteLine?: number;
  delimiter: string;
}

/** Feeds the chunks one by one through the streaming reader and collects what the sink saw. */
function readChunks(chunks: readonly (Uint8Array | string)[], options?: CsvReaderOptions): Parsed {
  const result: Parsed = { records: [], delimiter: ',' };
  const reader = createCsvReader(
    {
      record: (fields, line) => result.records.push({ fields, line }),
      unclosedQuote: (line) => (result.unclosedQuoteLine = line),
    },
    options,
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  result.delimiter = reader.delimiter;
  return result;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Small deterministic PRNG (mulberry32) so a failing random split can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function splitAtRandom<T extends Uint8Array | string>(whole: T, seed: number, maxSize: number): T[] {
  const random = seededRandom(seed);
  const chunks: T[] = [];
  for (let start = 0; start < whole.length; ) {
    const size = 1 + Math.floor(random() * maxSize);
    chunks.push(whole.slice(start, start + size) as T);
    start += size;
  }
  return chunks;
}

// One physical line per string literal; the comment is the line number in the file.
const SAMPLE =
  '\uFEFF' +
  'respondent,date,nps,comment,stage,region\r\n' + // 1
  'r01,2024-03-01,9,"Great service, fast",purchase,PL\r\n' + // 2
  'r02,2024-03-02,7,"Dobra obsługa, żółw i źdźbło",support,PL\r\n' + // 3
  'r03,2024-03-03,10,خدمة ممتازة,purchase,SA\r\n' + // 4
  'r04,2024-03-04,3,"Πολύ αργό 😞",support,GR\r\n' + // 5
  'r05,2024-03-05,8,"He said ""wow"", twice",onboarding,DE\r\n' + // 6
  'r06,2024-03-06,6,"line one\r\n' + // 7
  'line two\n' + // 8
  'line three\rline four",support,DE\r\n' + // 9 (CR inside quotes), 10
  '\r\n' + // 11: empty
  'r07,,,,,\n' + // 12
  'r08,2024-03-08,5\n' + // 13: short row
  'r09,2024-03-09,4,extra,a,b,c,d\r' + // 14: long row, CR-only break
  'r10,2024-03-10,"7",x"y,stage,NL\r' + // 15: stray quote mid-field
  'r11,2024-03-11,2,"closed"tail,stage,NL\r\n' + // 16: text after the closing quote
  '\n' + // 17: empty (LF)
  '\r' + // 18: empty (CR)
  'r12,2024-03-12,1,"cr\rinside",stage,FR\r\n' + // 19, 20
  'r13,2024-03-13,0,"",,FR\n' + // 21
  'r14,2024-03-14,9,"""quoted at start",stage,FR\n' + // 22
  'r15,2024-03-15,9,"ends with quote""",stage,FR\n' + // 23
  'r16,2024-03-16,9,"""""",stage,FR\n' + // 24
  'r17,2024-03-17,8,"crlf\r\n\r\nblank line inside",stage,GR\n' + // 25, 26, 27
  'r18,2024-03-18,8,Ελληνικά χωρίς εισαγωγικά,stage,GR\n' + // 28
  'r19,2024-03-19,8,"emoji 🎉 and ąęłńóśźż",stage,PL\n' + // 29
  'r20,2024-03-20,8, spaces kept ,stage,PL\n' + // 30
  '"r21","2024-03-21","5","all quoted","stage","PL"\n' + // 31
  'r22,2024-03-22,5,"tab\there",stage,PL\n' + // 32
  'r23,2024-03-23,5,semi;colon,stage,PL\r\n' + // 33
  '\r\n' + // 34: empty
  '\r\n' + // 35: empty
  'r24,2024-03-24,6,"تعليق ""مقتبس""",stage,AE\r\n' + // 36
  'r25,2024-03-25,6,last\r' + // 37
  'r26,2024-03-26,7,"no trailing newline",stage,PL'; // 38

const SAMPLE_RECORDS = [
  { line: 1, fields: ['respondent', 'date', 'nps', 'comment', 'stage', 'region'] },
  { line: 2, fields: ['r01', '2024-03-01', '9', 'Great service, fast', 'purchase', 'PL'] },
  { line: 3, fields: ['r02', '2024-03-02', '7', 'Dobra obsługa, żółw i źdźbło', 'support', 'PL'] },
  { line: 4, fields: ['r03', '2024-03-03', '10', 'خدمة ممتازة', 'purchase', 'SA'] },
  { line: 5, fields: ['r04', '2024-03-04', '3', 'Πολύ αργό 😞', 'support', 'GR'] },
  { line: 6, fields: ['r05', '2024-03-05', '8', 'He said "wow", twice', 'onboarding', 'DE'] },
  { line: 7, fields: ['r06', '2024-03-06', '6', 'line one\r\nline two\nline three\rline four', 'support', 'DE'] },
  { line: 12, fields: ['r07', '', '', '', '', ''] },
  { line: 13, fields: ['r08', '2024-03-08', '5'] },
  { line: 14, fields: ['r09', '2024-03-09', '4', 'extra', 'a', 'b', 'c', 'd'] },
  { line: 15, fields: ['r10', '2024-03-10', '7', 'x"y', 'stage', 'NL'] },
  { line: 16, fields: ['r11', '2024-03-11', '2', 'closedtail', 'stage', 'NL'] },
  { line: 19, fields: ['r12', '2024-03-12', '1', 'cr\rinside', 'stage', 'FR'] },
  { line: 21, fields: ['r13', '2024-03-13', '0', '', '', 'FR'] },
  { line: 22, fields: ['r14', '2024-03-14', '9', '"quoted at start', 'stage', 'FR'] },
  { line: 23, fields: ['r15', '2024-03-15', '9', 'ends with quote"', 'stage', 'FR'] },
  { line: 24, fields: ['r16', '2024-03-16', '9', '""', 'stage', 'FR'] },
  { line: 25, fields: ['r17', '2024-03-17', '8', 'crlf\r\n\r\nblank line inside', 'stage', 'GR'] },
  { line: 28, fields: ['r18', '2024-03-18', '8', 'Ελληνικά χωρίς εισαγωγικά', 'stage', 'GR'] },
  { line: 29, fields: ['r19', '2024-03-19', '8', 'emoji 🎉 and ąęłńóśźż', 'stage', 'PL'] },
  { line: 30, fields: ['r20', '2024-03-20', '8', ' spaces kept ', 'stage', 'PL'] },
  { line: 31, fields: ['r21', '2024-03-21', '5', 'all quoted', 'stage', 'PL'] },
  { line: 32, fields: ['r22', '2024-03-22', '5', 'tab\there', 'stage', 'PL'] },
  { line: 33, fields: ['r23', '2024-03-23', '5', 'semi;colon', 'stage', 'PL'] },
  { line: 36, fields: ['r24', '2024-03-24', '6', 'تعليق "مقتبس"', 'stage', 'AE'] },
  { line: 37, fields: ['r25', '2024-03-25', '6', 'last'] },
  { line: 38, fields: ['r26', '2024-03-26', '7', 'no trailing newline', 'stage', 'PL'] },
];

const SEMICOLON_SAMPLE =
  'respondent;nps;csat;comment\n' + // 1
  'r1;7,0;4;"Dobrze, szybko"\n' + // 2
  'r2;"8,0";5;ok\n' + // 3
  'r3;7,5;3;"Ein ""gutes"" Ergebnis; danke"\n' + // 4
  'r4;;;\n'; // 5

const SEMICOLON_RECORDS = [
  { line: 1, fields: ['respondent', 'nps', 'csat', 'comment'] },
  { line: 2, fields: ['r1', '7,0', '4', 'Dobrze, szybko'] },
  { line: 3, fields: ['r2', '8,0', '5', 'ok'] },
  { line: 4, fields: ['r3', '7,5', '3', 'Ein "gutes" Ergebnis; danke'] },
  { line: 5, fields: ['r4', '', '', ''] },
];

const UNCLOSED_SAMPLE =
  'id,comment\n' + // 1
  '1,fine\n' + // 2
  '2,"never closed, ż\r\n' + // 3: the quote opens here
  '3,swallowed\n' + // 4
  '4,too'; // 5

const UNCLOSED_RECORDS = [{ line: 1, fields: ['id', 'comment'] }, { line: 2, fields: ['1', 'fine'] }];

describe('csv reader', () => {
  describe('records and line numbers', () => {
    it('reads the edge-case sample: BOM, CRLF/LF/CR, quoted newlines, escaped quotes, empty lines, ragged rows', () => {
      expect(parseCsv(SAMPLE)).to.deep.equal({ records: SAMPLE_RECORDS, delimiter: ',' });
    });

    it('counts CRLF as one line break and CR, LF each as one', () => {
      expect(parseCsv('a\r\n\r\nb\rc\n\rd\r\re').records).to.deep.equal([
        { line: 1, fields: ['a'] },
        { line: 3, fields: ['b'] },
        { line: 4, fields: ['c'] },
        { line: 6, fields: ['d'] },
        { line: 8, fields: ['e'] },
      ]);
    });

    it('numbers the record after a multi-line quoted field by its physical line', () => {
      expect(parseCsv('a,"x\ny\r\nz"\nb,c\n').records).to.deep.equal([{ line: 1, fields: ['a', 'x\ny\r\nz'] }, { line: 4, fields: ['b', 'c'] }]);
      // A quoted field ending in CR, then an LF outside the quotes: two breaks, not one CRLF.
      expect(parseCsv('a,"x\r"\nb').records).to.deep.equal([{ line: 1, fields: ['a', 'x\r'] }, { line: 3, fields: ['b'] }]);
    });

    it('produces no extra record for a trailing newline, and flushes a last line without one', () => {
      expect(parseCsv('a,b\n1,2\n').records).to.deep.equal([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
      expect(parseCsv('a,b\n1,2').records).to.deep.equal([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
      expect(parseCsv('a,b\r\n1,"2"').records).to.deep.equal([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
    });

    it('reads empty fields, including a trailing delimiter and a quoted empty field', () => {
      expect(parseCsv(',\na,,b,\n"",x\n,""').records).to.deep.equal([
        { line: 1, fields: ['', ''] },
        { line: 2, fields: ['a', '', 'b', ''] },
        { line: 3, fields: ['', 'x'] },
        { line: 4, fields: ['', ''] },
      ]);
    });

    it('returns ragged rows as they are (column counts are the ingest’s business)', () => {
      expect(parseCsv('a,b,c\n1\n1,2,3,4,5\n').records.map((r) => r.fields)).to.deep.equal([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']]);
    });

    it('keeps a whitespace-only line as a record: only completely empty lines are skipped', () => {
      expect(parseCsv('a\n \n\t\nb').records).to.deep.equal([
        { line: 1, fields: ['a'] },
        { line: 2, fields: [' '] },
        { line: 3, fields: ['\t'] },
        { line: 4, fields: ['b'] },
      ]);
    });

    it('reads a header-only file as one record, with or without its newline', () => {
      expect(parseCsv('respondent,date,nps\r\n')).to.deep.equal({ records: [{ line: 1, fields: ['respondent', 'date', 'nps'] }], delimiter: ',' });
      expect(parseCsv('respondent;date;nps')).to.deep.equal({ records: [{ line: 1, fields: ['respondent', 'date', 'nps'] }], delimiter: ';' });
    });

    it('returns no records for empty input, blank lines only, or a BOM only', () => {
      expect(parseCsv('')).to.deep.equal({ records: [], delimiter: ',' });
      expect(parseCsv('\r\n\n\r')).to.deep.equal({ records: [], delimiter: ',' });
      expect(parseCsv('\uFEFF')).to.deep.equal({ records: [], delimiter: ',' });
      expect(readChunks([utf8('\uFEFF')])).to.deep.equal({ records: [], delimiter: ',' });
      expect(readChunks([])).to.deep.equal({ records: [], delimiter: ',' });
    });
  });

  describe('quoting', () => {
    it('unescapes doubled quotes and keeps delimiters and line breaks inside quotes', () => {
      expect(parseCsv('"a ""b"", c","x\r\ny;z\tw"\n').records[0]!.fields).to.deep.equal(['a "b", c', 'x\r\ny;z\tw']);
    });

    it('treats a quote in the middle of an unquoted field as a literal character', () => {
      expect(parseCsv('5" screen,ab"c"d,x\n').records[0]!.fields).to.deep.equal(['5" screen', 'ab"c"d', 'x']);
    });

    it('appends characters between a closing quote and the delimiter literally', () => {
      expect(parseCsv('"abc"def,"x" ,"y"""z\n').records[0]!.fields).to.deep.equal(['abcdef', 'x ', 'y"z']);
    });

    it('does not treat a quote after leading spaces as an opening quote', () => {
      expect(parseCsv(' "a,b"\n').records[0]!.fields).to.deep.equal([' "a', 'b"']);
    });

    it('reports an unclosed quote at EOF with the line where its record started, dropping that record', () => {
      expect(parseCsv(UNCLOSED_SAMPLE)).to.deep.equal({ records: UNCLOSED_RECORDS, unclosedQuoteLine: 3, delimiter: ',' });
    });

    it('reports an unclosed quote when the input ends on an escaped quote', () => {
      expect(parseCsv('a,b\nx,"ends on ""')).to.deep.equal({ records: [{ line: 1, fields: ['a', 'b'] }], unclosedQuoteLine: 2, delimiter: ',' });
    });

    it('reports an unclosed quote in the header and still settles the delimiter', () => {
      expect(parseCsv('"id;nps\n1;9\n')).to.deep.equal({ records: [], unclosedQuoteLine: 1, delimiter: ',' });
    });

    it('tells the sink about an unclosed quote after the records before it', () => {
      const events: string[] = [];
      const reader = createCsvReader({
        record: (fields, line) => events.push(`record ${line} ${fields.join('|')}`),
        unclosedQuote: (line) => events.push(`unclosed ${line}`),
      });
      reader.push('a,b\n"c\n');
      reader.end();
      expect(events).to.deep.equal(['record 1 a|b', 'unclosed 2']);
    });
  });

  describe('BOM', () => {
    it('strips a BOM at the very start only', () => {
      expect(parseCsv('\uFEFF"a",b\nc,\uFEFFd').records.map((r) => r.fields)).to.deep.equal([['a', 'b'], ['c', '\uFEFFd']]);
    });

    it('strips a BOM whose bytes arrive in separate chunks, even after empty chunks', () => {
      const bytes = utf8('\uFEFFid,nps\n1,9');
      const chunks = [new Uint8Array(0), bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2, 4), bytes.slice(4)];
      expect(readChunks(chunks).records).to.deep.equal([{ line: 1, fields: ['id', 'nps'] }, { line: 2, fields: ['1', '9'] }]);
    });

    it('strips a BOM string chunk on its own', () => {
      expect(readChunks(['', '\uFEFF', 'id\n']).records).to.deep.equal([{ line: 1, fields: ['id'] }]);
    });
  });

  describe('delimiter', () => {
    it('sniffs ";" and leaves decimal commas, quoted or not, inside fields', () => {
      expect(parseCsv(SEMICOLON_SAMPLE)).to.deep.equal({ records: SEMICOLON_RECORDS, delimiter: ';' });
    });

    it('sniffs tab and keeps commas and semicolons in fields', () => {
      expect(parseCsv('respondent\tnps\tcomment\r\nr1\t9\t"a\tb, c; d"\r\nr2\t10\tplain, with; punctuation\r\n')).to.deep.equal({
        records: [
          { line: 1, fields: ['respondent', 'nps', 'comment'] },
          { line: 2, fields: ['r1', '9', 'a\tb, c; d'] },
          { line: 3, fields: ['r2', '10', 'plain, with; punctuation'] },
        ],
        delimiter: '\t',
      });
    });

    it('counts only delimiters outside quotes in the header', () => {
      expect(parseCsv('"a,b,c";d;e\n').delimiter).to.equal(';');
      expect(parseCsv('"a;b;c",d,e\n').delimiter).to.equal(',');
    });

    it('falls back to "," on a tie or when the header has no candidate at all', () => {
      expect(parseCsv('a,b;c\n').delimiter).to.equal(',');
      expect(parseCsv('a;b\tc;d\te\n').delimiter).to.equal(',');
      expect(parseCsv('respondent\n1\n').delimiter).to.equal(',');
    });

    it('looks at the header only, not at later rows', () => {
      expect(parseCsv('a,b\n1;2;3;4\n').records[1]!.fields).to.deep.equal(['1;2;3;4']);
    });

    it('sniffs from the first record when the file starts with empty lines', () => {
      expect(parseCsv('\r\n\nid;nps\n1;9')).to.deep.equal({
        records: [{ line: 3, fields: ['id', 'nps'] }, { line: 4, fields: ['1', '9'] }],
        delimiter: ';',
      });
    });

    it('uses a delimiter given in the options instead of sniffing', () => {
      expect(parseCsv('a;b,c\n', { delimiter: ';' }).records[0]!.fields).to.deep.equal(['a', 'b,c']);
      expect(parseCsv('a;b,c\n').records[0]!.fields).to.deep.equal(['a;b', 'c']);
      expect(parseCsv('a,b\tc\n', { delimiter: '\t' })).to.deep.equal({ records: [{ line: 1, fields: ['a,b', 'c'] }], delimiter: '\t' });
    });

    it('reports "," until the header is complete, then the sniffed delimiter', () => {
      const records: string[][] = [];
      const reader = createCsvReader({ record: (fields) => records.push(fields), unclosedQuote: () => {} });
      reader.push('id;nps;"a\n');
      expect(reader.delimiter).to.equal(',');
      expect(records).to.deep.equal([]);
      reader.push('b"\r');
      expect(reader.delimiter).to.equal(';');
      expect(records).to.deep.equal([['id', 'nps', 'a\nb']]);
      reader.end();
    });
  });

  describe('streaming', () => {
    it('emits a record as soon as its terminator arrives', () => {
      const records: string[][] = [];
      const reader = createCsvReader({ record: (fields) => records.push(fields), unclosedQuote: () => {} }, { delimiter: ',' });
      reader.push('a,b');
      expect(records).to.deep.equal([]);
      reader.push('\n1,');
      expect(records).to.deep.equal([['a', 'b']]);
      reader.end();
      expect(records).to.deep.equal([['a', 'b'], ['1', '']]);
    });

    it('hands the sink a fresh array for every record', () => {
      const seen: string[][] = [];
      const reader = createCsvReader({
        record: (fields) => {
          seen.push(fields);
          fields.push('mutated by sink');
        },
        unclosedQuote: () => {},
      });
      reader.push('a,b\nc,d\ne,f');
      reader.end();
      expect(seen[0]).to.not.equal(seen[1]);
      expect(seen).to.deep.equal([['a', 'b', 'mutated by sink'], ['c', 'd', 'mutated by sink'], ['e', 'f', 'mutated by sink']]);
    });

    it('counts consumed bytes for byte chunks and UTF-16 code units for strings', () => {
      const bytes = createCsvReader({ record: () => {}, unclosedQuote: () => {} });
      bytes.push(utf8('\uFEFFż,😞\n')); // 3 + 2 + 1 + 4 + 1
      expect(bytes.consumed).to.equal(11);
      bytes.push(utf8('ab'));
      expect(bytes.consumed).to.equal(13);
      const text = createCsvReader({ record: () => {}, unclosedQuote: () => {} });
      text.push('\uFEFFż,😞\n'); // 1 + 1 + 1 + 2 + 1
      expect(text.consumed).to.equal(6);
    });

    it('refuses input after end()', () => {
      const reader = createCsvReader({ record: () => {}, unclosedQuote: () => {} });
      reader.end();
      expect(() => reader.push('a')).to.throw();
    });
  });

  describe('chunk-split invariance', () => {
    const cases = [
      { name: 'edge-case sample', text: SAMPLE, expected: { records: SAMPLE_RECORDS, delimiter: ',' } },
      { name: 'semicolon sample', text: SEMICOLON_SAMPLE, expected: { records: SEMICOLON_RECORDS, delimiter: ';' } },
      { name: 'unclosed-quote sample', text: UNCLOSED_SAMPLE, expected: { records: UNCLOSED_RECORDS, unclosedQuoteLine: 3, delimiter: ',' } },
    ];

    for (const { name, text, expected } of cases) {
      describe(name, () => {
        const bytes = utf8(text);

        it('gives the hand-checked result as one chunk, as bytes and as text', () => {
          expect(readChunks([bytes])).to.deep.equal(expected);
          expect(readChunks([text])).to.deep.equal(expected);
        });

        it('gives the same result split into two byte chunks at every offset', () => {
          for (let at = 0; at <= bytes.length; at++) {
            expect(readChunks([bytes.subarray(0, at), bytes.subarray(at)]), `split at byte ${at}`).to.deep.equal(expected);
          }
        });

        it('gives the same result split into two string chunks at every code unit', () => {
          for (let at = 0; at <= text.length; at++) {
            expect(readChunks([text.slice(0, at), text.slice(at)]), `split at code unit ${at}`).to.deep.equal(expected);
          }
        });

        it('gives the same result fed one byte at a time, and one code unit at a time', () => {
          expect(readChunks(Array.from(bytes, (b) => Uint8Array.of(b)))).to.deep.equal(expected);
          expect(readChunks(Array.from({ length: text.length }, (_, i) => text[i]!))).to.deep.equal(expected);
        });

        it('gives the same result for random chunk sizes', () => {
          for (let seed = 1; seed <= 200; seed++) {
            const maxSize = 1 + (seed % 23);
            expect(readChunks(splitAtRandom(bytes, seed, maxSize)), `byte chunks, seed ${seed}`).to.deep.equal(expected);
            expect(readChunks(splitAtRandom(text, seed, maxSize)), `string chunks, seed ${seed}`).to.deep.equal(expected);
          }
        });
      });
    }

    it('gives the same result for random inputs built from delimiters, quotes, line breaks and multi-byte characters', () => {
      const alphabet = ['a', 'b', ',', ';', '\t', '"', '"', '\r', '\n', '\r\n', 'ż', '😞', ' ', '\uFEFF'];
      const random = seededRandom(2024);
      for (let n = 0; n < 2000; n++) {
        let text = random() < 0.2 ? '\uFEFF' : '';
        const length = Math.floor(random() * 30);
        for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
        const bytes = utf8(text);
        const whole = readChunks([text]);
        expect(readChunks(splitAtRandom(bytes, n, 5)), JSON.stringify(text)).to.deep.equal(whole);
        expect(readChunks(splitAtRandom(text, n, 3)), JSON.stringify(text)).to.deep.equal(whole);
      }
    });
  });
});
