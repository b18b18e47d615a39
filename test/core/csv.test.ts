import { expect } from '@open-wc/testing';
import { createCsvReader, MAX_QUOTED_FIELD_LINES, parseCsv, type CsvReaderOptions } from '../../src/core/csv.ts';

type CsvRecord = { fields: string[]; line: number };
/** What the sink saw, in the order it saw it: records, and the start lines of records dropped as unclosed quotes. */
type SinkEvent = CsvRecord | { unclosedQuote: number };

interface Read {
  events: SinkEvent[];
  delimiter: string;
}

/** Feeds the chunks one by one through the streaming reader and collects what the sink saw. */
function readChunks(chunks: readonly (Uint8Array | string)[], options?: CsvReaderOptions): Read {
  const result: Read = { events: [], delimiter: ',' };
  const reader = createCsvReader(
    {
      record: (fields, line) => result.events.push({ fields, line }),
      unclosedQuote: (line) => result.events.push({ unclosedQuote: line }),
    },
    options,
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  result.delimiter = reader.delimiter;
  return result;
}

/** The parseCsv() form of an event list: records apart, unclosed-quote lines apart (present only when there are any). */
function asParsed(events: readonly SinkEvent[], delimiter: string) {
  const records = events.filter((e): e is CsvRecord => 'fields' in e);
  const unclosedQuoteLines = events.flatMap((e) => ('unclosedQuote' in e ? [e.unclosedQuote] : []));
  return unclosedQuoteLines.length ? { records, unclosedQuoteLines, delimiter } : { records, delimiter };
}

/**
 * An independent, deliberately naive reader for the random tests: the whole string at once, one record
 * at a time, no chunks and no state machine. After an unclosed quote it starts over at the line after
 * the broken record's first line.
 */
function referenceRead(input: string, delimiter: string, lineLimit: number): SinkEvent[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const isBreak = (c: string | undefined) => c === '\r' || c === '\n';
  // lineStarts[k] is the offset at which physical line k + 1 begins; CRLF is one break.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) lineStarts.push(k + 1);
  }
  const lineAt = (offset: number) => lineStarts.filter((start) => start <= offset).length;
  const events: SinkEvent[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (isBreak(text[pos])) {
      pos++; // an empty line, or the LF of a CRLF that ended the previous record
      continue;
    }
    const startLine = lineAt(pos);
    const fields: string[] = [];
    let i = pos;
    let broken = false;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        for (i++; ; ) {
          if (i >= text.length || (isBreak(text[i]) && lineAt(i + 1) - startLine + 1 > lineLimit)) {
            broken = true;
            break;
          }
          if (text[i] === '"') {
            if (text[i + 1] !== '"') {
              i++;
              break;
            }
            i++;
          }
          field += text[i++];
        }
        if (broken) break;
      }
      // Unquoted text, or the literal tail after a closing quote: quotes here are ordinary characters.
      while (i < text.length && text[i] !== delimiter && !isBreak(text[i])) field += text[i++];
      fields.push(field);
      if (text[i] !== delimiter) break;
      i++;
    }
    if (broken) {
      events.push({ unclosedQuote: startLine });
      pos = lineStarts[startLine] ?? text.length;
    } else {
      events.push({ line: startLine, fields });
      pos = i;
    }
  }
  return events;
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

const UNCLOSED_EVENTS: SinkEvent[] = [
  { line: 1, fields: ['id', 'comment'] },
  { line: 2, fields: ['1', 'fine'] },
  { unclosedQuote: 3 },
  { line: 4, fields: ['3', 'swallowed'] },
  { line: 5, fields: ['4', 'too'] },
];

/** A stray opening quote in the middle of a file, with nothing after it to close it: open at the end of the input. */
const STRAY_MIDDLE_SAMPLE =
  'id,date,nps,comment\r\n' + // 1
  '1,2024-01-01,9,"Szybko, miło"\r\n' + // 2
  '2,2024-01-02,8,"two\r\n' + // 3: a legitimate quoted line break …
  'lines"\r\n' + // 4: … closed here
  '3,2024-01-03,7,ok\n' + // 5
  '7,"Great service,2024-01-05\r\n' + // 6: the stray quote; this record is dropped
  '4,2024-01-04,10,żółw 🐢\r\n' + // 7
  '\r\n' + // 8: empty
  '5,2024-01-05,6,""\n' + // 9: an escaped quote while swallowed, an empty quoted field when read again
  '6,2024-01-06,5,plain\r' + // 10: CR-only
  '8,2024-01-08,4,last'; // 11: no trailing newline

const STRAY_MIDDLE_EVENTS: SinkEvent[] = [
  { line: 1, fields: ['id', 'date', 'nps', 'comment'] },
  { line: 2, fields: ['1', '2024-01-01', '9', 'Szybko, miło'] },
  { line: 3, fields: ['2', '2024-01-02', '8', 'two\r\nlines'] },
  { line: 5, fields: ['3', '2024-01-03', '7', 'ok'] },
  { unclosedQuote: 6 },
  { line: 7, fields: ['4', '2024-01-04', '10', 'żółw 🐢'] },
  { line: 9, fields: ['5', '2024-01-05', '6', ''] },
  { line: 10, fields: ['6', '2024-01-06', '5', 'plain'] },
  { line: 11, fields: ['8', '2024-01-08', '4', 'last'] },
];

/** The stray quote is on the very last line, which has no newline. */
const STRAY_AT_END_SAMPLE =
  'id;nps;comment\n' + // 1
  '1;9;"fine"\n' + // 2
  '2;8;"multi\n' + // 3
  'line; ok"\n' + // 4
  '3;7;"truncated comment'; // 5

const STRAY_AT_END_EVENTS: SinkEvent[] = [
  { line: 1, fields: ['id', 'nps', 'comment'] },
  { line: 2, fields: ['1', '9', 'fine'] },
  { line: 3, fields: ['2', '8', 'multi\nline; ok'] },
  { unclosedQuote: 5 },
];

/** Read with maxQuotedFieldLines = 3: a three-line comment is fine, a quote still open on a fourth line is not. */
const LINE_LIMIT_SAMPLE =
  'id,comment\n' + // 1
  '1,"three\n' + // 2
  'line\r\n' + // 3
  'comment"\n' + // 4: closes on the third line: accepted
  '2,"never closed\n' + // 5: dropped when line 8 would begin inside its quote
  '3,plain\r\n' + // 6
  '4,also plain\n' + // 7
  '5,"after the limit\r' + // 8: read as a record of its own, not as the end of line 5's quote
  'is fine"\n' + // 9
  '6,"four\n' + // 10: a quoted comment one line too long
  'line\n' + // 11
  'long\n' + // 12
  'comment"\n' + // 13: read again as an unquoted field with a literal quote
  '7,end\n'; // 14

const LINE_LIMIT_EVENTS: SinkEvent[] = [
  { line: 1, fields: ['id', 'comment'] },
  { line: 2, fields: ['1', 'three\nline\r\ncomment'] },
  { unclosedQuote: 5 },
  { line: 6, fields: ['3', 'plain'] },
  { line: 7, fields: ['4', 'also plain'] },
  { line: 8, fields: ['5', 'after the limit\ris fine'] },
  { unclosedQuote: 10 },
  { line: 11, fields: ['line'] },
  { line: 12, fields: ['long'] },
  { line: 13, fields: ['comment"'] },
  { line: 14, fields: ['7', 'end'] },
];

/** A feedback export with plain rows: header, then `${i},2024-01-05,fine` for each row number, one row per line. */
function plainRows(count: number, firstRow = 1): string {
  let text = '';
  for (let row = firstRow; row < firstRow + count; row++) text += `${row},2024-01-05,fine\n`;
  return text;
}

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
      expect(readChunks([utf8('\uFEFF')])).to.deep.equal({ events: [], delimiter: ',' });
      expect(readChunks([])).to.deep.equal({ events: [], delimiter: ',' });
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

    it('drops only the record whose quote is still open at EOF, and reads the lines after its first one again', () => {
      expect(parseCsv(UNCLOSED_SAMPLE)).to.deep.equal(asParsed(UNCLOSED_EVENTS, ','));
      expect(parseCsv(UNCLOSED_SAMPLE)).to.deep.equal({
        records: [
          { line: 1, fields: ['id', 'comment'] },
          { line: 2, fields: ['1', 'fine'] },
          { line: 4, fields: ['3', 'swallowed'] },
          { line: 5, fields: ['4', 'too'] },
        ],
        unclosedQuoteLines: [3],
        delimiter: ',',
      });
    });

    it('reads a 1,000-row file with a stray quote on row 6 as 999 rows and one unclosed quote', () => {
      const rows = plainRows(5) + '7,"Great service,2024-01-05\n' + plainRows(994, 7);
      const { records, unclosedQuoteLines } = parseCsv('id,date,comment\n' + rows);
      expect(unclosedQuoteLines).to.deep.equal([7]);
      expect(records.length).to.equal(1 + 999);
      expect(records[5]).to.deep.equal({ line: 6, fields: ['5', '2024-01-05', 'fine'] });
      expect(records[6]).to.deep.equal({ line: 8, fields: ['7', '2024-01-05', 'fine'] });
      expect(records[999]).to.deep.equal({ line: 1001, fields: ['1000', '2024-01-05', 'fine'] });
    });

    it('reports an unclosed quote when the input ends on an escaped quote', () => {
      expect(parseCsv('a,b\nx,"ends on ""')).to.deep.equal({ records: [{ line: 1, fields: ['a', 'b'] }], unclosedQuoteLines: [2], delimiter: ',' });
    });

    it('reports an unclosed quote at the very end, with or without a final line break, and nothing after it', () => {
      for (const ending of ['', '\n', '\r\n', '\r', '\n\n']) {
        expect(parseCsv(`a,b\n1,2\n3,"open${ending}`), JSON.stringify(ending)).to.deep.equal({
          records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }],
          unclosedQuoteLines: [3],
          delimiter: ',',
        });
      }
    });

    it('reports an unclosed quote in the header, still settles the delimiter, and reads the rows after it', () => {
      expect(parseCsv('"id;nps\n1;9\n')).to.deep.equal({ records: [{ line: 2, fields: ['1;9'] }], unclosedQuoteLines: [1], delimiter: ',' });
    });

    it('reports each of several unclosed quotes, each between the records around it', () => {
      // Line 2's quote is closed by line 3's, so 2–3 are one record (as RFC 4180 says). Line 4's quote
      // is closed on line 5, which opens another that stays open; read again, line 5 opens it too.
      expect(readChunks(['a\n1,"x\n2,"y\n3,"open\n4,"p",5,"open\n6,end']).events).to.deep.equal([
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['1', 'x\n2,y'] },
        { unclosedQuote: 4 },
        { unclosedQuote: 5 },
        { line: 6, fields: ['6', 'end'] },
      ]);
    });

    it('tells the sink about an unclosed quote after the records before it and before the records after it', () => {
      const events: string[] = [];
      const reader = createCsvReader({
        record: (fields, line) => events.push(`record ${line} ${fields.join('|')}`),
        unclosedQuote: (line) => events.push(`unclosed ${line}`),
      });
      reader.push('a,b\n"c\nd,e\r\n\r\nf');
      reader.end();
      expect(events).to.deep.equal(['record 1 a|b', 'unclosed 2', 'record 3 d|e', 'record 5 f']);
    });
  });

  describe('quoted-field line limit', () => {
    it('defaults to 1,000 physical lines per record', () => {
      expect(MAX_QUOTED_FIELD_LINES).to.equal(1000);
    });

    it('accepts a quoted comment of exactly 1,000 lines and drops one of 1,001, reading its other lines again', () => {
      const comment = (lines: number) => Array.from({ length: lines }, () => 'x').join('\n');
      const fits = parseCsv(`id,comment\n1,"${comment(1000)}"\n2,end`);
      expect(fits).to.deep.equal({
        records: [
          { line: 1, fields: ['id', 'comment'] },
          { line: 2, fields: ['1', comment(1000)] },
          { line: 1002, fields: ['2', 'end'] },
        ],
        delimiter: ',',
      });
      const tooLong = parseCsv(`id,comment\n1,"${comment(1001)}"\n2,end`);
      expect(tooLong.unclosedQuoteLines).to.deep.equal([2]);
      expect(tooLong.records.length).to.equal(1 + 999 + 1 + 1);
      expect(tooLong.records[1]).to.deep.equal({ line: 3, fields: ['x'] });
      expect(tooLong.records[999]).to.deep.equal({ line: 1001, fields: ['x'] });
      expect(tooLong.records[1000]).to.deep.equal({ line: 1002, fields: ['x"'] });
      expect(tooLong.records[1001]).to.deep.equal({ line: 1003, fields: ['2', 'end'] });
    });

    it('gives up on an open quote as soon as it would reach line 1,001 of its record, without waiting for the end of the input', () => {
      const events: string[] = [];
      const reader = createCsvReader({
        record: (fields, line) => events.push(`${line} ${fields.join('|')}`),
        unclosedQuote: (line) => events.push(`unclosed ${line}`),
      });
      reader.push('id,date,comment\n7,"Great service,2024-01-05\n'); // the stray quote is on line 2
      for (let row = 1; row < 999; row++) reader.push(`${row},2024-01-05,fine\n`); // lines 3–1000
      reader.push('999,2024-01-05,fine'); // line 1,001: the record's 1,000th line
      expect(events).to.deep.equal(['1 id|date|comment']);
      reader.push('\n'); // this break would begin line 1,002 inside the quote
      expect(events.length).to.equal(1 + 1 + 999);
      expect(events.slice(0, 4)).to.deep.equal(['1 id|date|comment', 'unclosed 2', '3 1|2024-01-05|fine', '4 2|2024-01-05|fine']);
      expect(events.at(-1)).to.equal('1001 999|2024-01-05|fine');
      reader.push('1000,2024-01-05,fine\n');
      expect(events.at(-1)).to.equal('1002 1000|2024-01-05|fine');
      reader.end();
    });

    it('reads the line-limit sample by hand: a comment of exactly the limit is kept, one line more is dropped', () => {
      expect(parseCsv(LINE_LIMIT_SAMPLE, { maxQuotedFieldLines: 3 })).to.deep.equal(asParsed(LINE_LIMIT_EVENTS, ','));
    });

    it('with a limit of one line, drops every record with a line break inside quotes', () => {
      expect(readChunks(['a\r\n1,"x\r\ny"\r\n2,"z"\r\n'], { maxQuotedFieldLines: 1 }).events).to.deep.equal([
        { line: 1, fields: ['a'] },
        { unclosedQuote: 2 },
        { line: 3, fields: ['y"'] },
        { line: 4, fields: ['2', 'z'] },
      ]);
    });

    it('also bounds a header whose quote never closes, so the delimiter is settled and rows flow before the end', () => {
      const events: string[] = [];
      const reader = createCsvReader(
        { record: (fields, line) => events.push(`${line} ${fields.join('|')}`), unclosedQuote: (line) => events.push(`unclosed ${line}`) },
        { maxQuotedFieldLines: 3 },
      );
      reader.push('"id;nps\n1;9\n2;8\n3;7\n');
      expect(reader.delimiter).to.equal(',');
      expect(events).to.deep.equal(['unclosed 1', '2 1;9', '3 2;8', '4 3;7']);
      reader.end();
    });

    it('refuses a limit that is not a positive integer', () => {
      const sink = { record: () => {}, unclosedQuote: () => {} };
      for (const maxQuotedFieldLines of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => createCsvReader(sink, { maxQuotedFieldLines }), String(maxQuotedFieldLines)).to.throw(RangeError);
      }
    });
  });

  describe('BOM', () => {
    it('strips a BOM at the very start only', () => {
      expect(parseCsv('\uFEFF"a",b\nc,\uFEFFd').records.map((r) => r.fields)).to.deep.equal([['a', 'b'], ['c', '\uFEFFd']]);
    });

    it('strips a BOM whose bytes arrive in separate chunks, even after empty chunks', () => {
      const bytes = utf8('\uFEFFid,nps\n1,9');
      const chunks = [new Uint8Array(0), bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2, 4), bytes.slice(4)];
      expect(readChunks(chunks).events).to.deep.equal([{ line: 1, fields: ['id', 'nps'] }, { line: 2, fields: ['1', '9'] }]);
    });

    it('strips a BOM string chunk on its own', () => {
      expect(readChunks(['', '\uFEFF', 'id\n']).events).to.deep.equal([{ line: 1, fields: ['id'] }]);
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
    const cases: { name: string; text: string; options?: CsvReaderOptions; expected: Read }[] = [
      { name: 'edge-case sample', text: SAMPLE, expected: { events: SAMPLE_RECORDS, delimiter: ',' } },
      { name: 'semicolon sample', text: SEMICOLON_SAMPLE, expected: { events: SEMICOLON_RECORDS, delimiter: ';' } },
      { name: 'unclosed-quote sample', text: UNCLOSED_SAMPLE, expected: { events: UNCLOSED_EVENTS, delimiter: ',' } },
      { name: 'stray quote in the middle', text: STRAY_MIDDLE_SAMPLE, expected: { events: STRAY_MIDDLE_EVENTS, delimiter: ',' } },
      { name: 'stray quote on the last line', text: STRAY_AT_END_SAMPLE, expected: { events: STRAY_AT_END_EVENTS, delimiter: ';' } },
      {
        name: 'stray quote on the last line, CRLF-terminated',
        text: STRAY_AT_END_SAMPLE + '\r\n',
        expected: { events: STRAY_AT_END_EVENTS, delimiter: ';' },
      },
      {
        name: 'line-limit sample (maxQuotedFieldLines 3)',
        text: LINE_LIMIT_SAMPLE,
        options: { maxQuotedFieldLines: 3 },
        expected: { events: LINE_LIMIT_EVENTS, delimiter: ',' },
      },
    ];

    for (const { name, text, options, expected } of cases) {
      describe(name, () => {
        const bytes = utf8(text);

        it('gives the hand-checked result as one chunk, as bytes and as text, and parseCsv agrees', () => {
          expect(readChunks([bytes], options)).to.deep.equal(expected);
          expect(readChunks([text], options)).to.deep.equal(expected);
          expect(parseCsv(text, options)).to.deep.equal(asParsed(expected.events, expected.delimiter));
        });

        it('gives the same result split into two byte chunks at every offset', () => {
          for (let at = 0; at <= bytes.length; at++) {
            expect(readChunks([bytes.subarray(0, at), bytes.subarray(at)], options), `split at byte ${at}`).to.deep.equal(expected);
          }
        });

        it('gives the same result split into two string chunks at every code unit', () => {
          for (let at = 0; at <= text.length; at++) {
            expect(readChunks([text.slice(0, at), text.slice(at)], options), `split at code unit ${at}`).to.deep.equal(expected);
          }
        });

        // Every pair of cuts is quadratic, so only for the short samples; it puts a multi-line record
        // across two chunk boundaries at every possible place.
        it('gives the same result split into three byte chunks at every pair of offsets (short samples)', () => {
          if (bytes.length > 256) return;
          for (let at = 0; at <= bytes.length; at++) {
            for (let to = at; to <= bytes.length; to++) {
              const chunks = [bytes.subarray(0, at), bytes.subarray(at, to), bytes.subarray(to)];
              expect(readChunks(chunks, options), `split at bytes ${at} and ${to}`).to.deep.equal(expected);
            }
          }
        });

        it('gives the same result fed one byte at a time, and one code unit at a time', () => {
          expect(readChunks(Array.from(bytes, (b) => Uint8Array.of(b)), options)).to.deep.equal(expected);
          expect(readChunks(Array.from({ length: text.length }, (_, i) => text[i]!), options)).to.deep.equal(expected);
        });

        it('gives the same result for random chunk sizes', () => {
          for (let seed = 1; seed <= 200; seed++) {
            const maxSize = 1 + (seed % 23);
            expect(readChunks(splitAtRandom(bytes, seed, maxSize), options), `byte chunks, seed ${seed}`).to.deep.equal(expected);
            expect(readChunks(splitAtRandom(text, seed, maxSize), options), `string chunks, seed ${seed}`).to.deep.equal(expected);
          }
        });
      });
    }

    it('gives the same result as a naive whole-string reader for random inputs, however they are chunked and whatever the line limit', () => {
      const alphabet = ['a', 'b', ',', ';', '\t', '"', '"', '\r', '\n', '\r\n', 'ż', '😞', ' ', '\uFEFF'];
      const random = seededRandom(2024);
      for (let n = 0; n < 2000; n++) {
        let text = random() < 0.2 ? '\uFEFF' : '';
        const length = Math.floor(random() * 30);
        for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
        const bytes = utf8(text);
        const maxQuotedFieldLines = [1, 2, 3, MAX_QUOTED_FIELD_LINES][n % 4]!;
        const whole = readChunks([text], { maxQuotedFieldLines });
        const label = `${JSON.stringify(text)}, maxQuotedFieldLines ${maxQuotedFieldLines}`;
        expect(whole.events, label).to.deep.equal(referenceRead(text, whole.delimiter, maxQuotedFieldLines));
        expect(readChunks(splitAtRandom(bytes, n, 5), { maxQuotedFieldLines }), label).to.deep.equal(whole);
        expect(readChunks(splitAtRandom(text, n, 3), { maxQuotedFieldLines }), label).to.deep.equal(whole);
      }
    });
  });
});
