/**
 * The byte-level scanner and ingest against the text reader and the record rules they replace: the
 * same records, line numbers and unclosed quotes, and the same table and quality report, however the
 * input is cut into chunks.
 */
import { expect } from '@open-wc/testing';
import { createByteCsvScanner } from '../../src/core/csv-bytes.ts';
import { fieldText } from '../../src/core/csv-record.ts';
import { createCsvIngest } from '../../src/core/csv-ingest.ts';
import { createCsvReader } from '../../src/core/csv.ts';
import { csvRecord } from '../../src/sample/csv.ts';
import { SAMPLE_COLUMNS, generateFeedbackRows } from '../../src/sample/generate.ts';
import { comparable, commentTexts, referenceCsvIngest } from './reference-csv-ingest.ts';

const encoder = new TextEncoder();

/** A seeded generator (mulberry32), so a failure names a case that can be run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  return chunks;
}

/** Everything a reader reports, as comparable lines. */
function viaText(chunks: readonly Uint8Array[], lineLimit: number): string[] {
  const out: string[] = [];
  const reader = createCsvReader(
    { record: (fields, line) => out.push(JSON.stringify([line, fields])), unclosedQuote: (line) => out.push(`unclosed ${line}`) },
    { maxQuotedFieldLines: lineLimit },
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  out.push(`delimiter ${reader.delimiter}`);
  return out;
}

function viaBytes(chunks: readonly Uint8Array[], lineLimit: number): string[] {
  const out: string[] = [];
  const scanner = createByteCsvScanner(
    {
      record(record, line) {
        const fields: string[] = [];
        for (let i = 0; i < record.fieldCount; i++) fields.push(fieldText(record, i));
        out.push(JSON.stringify([line, fields]));
      },
      unclosedQuote: (line) => out.push(`unclosed ${line}`),
    },
    { maxQuotedFieldLines: lineLimit },
  );
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  out.push(`delimiter ${scanner.delimiter}`);
  return out;
}

const TRICKY = [
  'a,b\n1,2\n',
  '\uFEFFa;b;c\r\n1;"x;y";3\r\n',
  'a\tb\r1\t2\r3\t4',
  'h\n"a""b",c\n"a"b,c\n"",x\n',
  'h,i\n"open,1\n2,3\n4,5\n',
  'h,i\n1,"two\r\nlines"\r\n3,4\r\n',
  '\n\n\r\nh,i\n\n1,2,\n,\n',
  '"head""er",x\n1,2',
  '"never closed header\nx,y\n',
  'h,i\n1,"é ж 😀",\u00a0\n',
  '\uFEFF',
  '\xef\xbb',
  '',
  'h\n"unclosed at the very end',
  'h,i\n"a"  ,b\n"a"\r\n',
];

describe('byte-level CSV scanner', () => {
  for (const [index, text] of TRICKY.entries()) {
    it(`reads tricky input ${index} like the text reader, cut at every byte offset`, () => {
      // '\xef\xbb' is meant as two raw bytes (half a BOM), not as text.
      const bytes = index === 11 ? Uint8Array.of(0xef, 0xbb) : encoder.encode(text);
      for (const lineLimit of [1, 2, 1000]) {
        const expected = viaText([bytes], lineLimit);
        expect(viaBytes([bytes], lineLimit), `whole, limit ${lineLimit}`).to.deep.equal(expected);
        for (let cut = 0; cut <= bytes.length; cut++) {
          expect(viaBytes(split(bytes, [cut]), lineLimit), `cut at ${cut}, limit ${lineLimit}`).to.deep.equal(expected);
        }
        expect(viaBytes(Array.from(bytes, (b) => Uint8Array.of(b)), lineLimit), `byte by byte, limit ${lineLimit}`).to.deep.equal(expected);
      }
    });
  }

  it('agrees with the text reader on 3,000 random inputs cut at random offsets', () => {
    const random = seeded(7);
    const alphabet = ['a', 'b', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é', 'ж', '😀', '\uFEFF', '\u00a0'];
    for (let n = 0; n < 3000; n++) {
      let text = random() < 0.1 ? '\uFEFF' : '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      let bytes = encoder.encode(text);
      // Broken UTF-8 now and then: a stray continuation byte, or a character cut short at the end.
      if (random() < 0.1) bytes = Uint8Array.from([...bytes, 0xff, 0xe2, 0x82].slice(0, bytes.length + 1 + Math.floor(random() * 3)));
      const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * (bytes.length + 1))).sort((a, b) => a - b);
      const lineLimit = 1 + Math.floor(random() * 3);
      expect(viaBytes(split(bytes, cuts), lineLimit), `case ${n}: ${JSON.stringify(text)} cut at ${cuts}`).to.deep.equal(viaText([bytes], lineLimit));
    }
  });

  it('reads a record longer than many chunks once, not once per chunk', () => {
    // A 4 MB quoted field arriving in 1 KiB chunks: the carried record grows, it is not rescanned.
    const field = 'x'.repeat(4 * 1024 * 1024);
    const bytes = encoder.encode(`h,i\n"${field}",2\n3,4\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1024) }, (_, i) => bytes.subarray(i * 1024, (i + 1) * 1024));
    const lines: number[] = [];
    const lengths: number[] = [];
    const scanner = createByteCsvScanner({
      record(record, line) {
        lines.push(line);
        lengths.push(fieldText(record, 0).length);
      },
      unclosedQuote: () => expect.fail('no unclosed quote here'),
    });
    for (const chunk of chunks) scanner.push(chunk);
    scanner.end();
    expect(lines).to.deep.equal([1, 2, 3]);
    expect(lengths).to.deep.equal([1, field.length, 1]);
  });
});

/** Generated feedback rows with every kind of cell the fast paths read from bytes or leave to the text rules. */
function awkwardFeedback(random: () => number, rows: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const dates = ['2024-03-01', '2024-03-01T23:59:59Z', '2024-03-01 08:00', '2024-03-01T08:00Z', '2024-3-1', ' 2024-03-02', '2024-03-02t10:00:00z',
    '2024-02-29', '2023-02-29', '2024-13-01', '1899-12-31', '2200-01-01', '2199-12-31', '1900-01-01', '2024-03-01T24:00', '2024-03-01T10:60',
    '2024-03-01T10:00:60Z', '2024-03-01T10:00:00.5Z', '2024-03-01T10:00+02:00', '31.03.2024', '2024/03/04', '03/04/2024', '', 'yesterday', '"2024-03-03"'];
  const scores = ['0', '7', '10', '11', '07', '7.0', '7,0', ' 8', '-0', '+9', 'n/a', '-', '', 'x', '1e1', '"9"', '100', '5', '1'];
  const respondents = ['anna@x.org', 'Anna@X.org', ' anna@x.org ', '\tANNA@x.org', 'zoë@x.org', 'ZOË@x.org', '\u00a0anna@x.org', '\u212a@x.org',
    'k@x.org', '', '  ', '"anna@x.org"', '"a,b@x.org"', '"q""uote@x.org"'];
  const stages = ['Apply', ' Apply', 'Apply ', '"Apply"', 'Wait', 'Αναμονή', '"Wa""it"', '', ' ', 'انتظار', '"x, y"'];
  const comments = ['', 'Fine.', '  padded  ', '"with, comma"', '"two\nlines"', '"two\r\nlines, quoted ""x"""', 'Très bien', '\u00a0nbsp\u00a0',
    '"  "', 'a"stray', '"closed"tail', '😀'];
  const lines = ['respondent,date,nps,csat,stage,channel,comment'];
  for (let i = 0; i < rows; i++) {
    const cells = [pick(respondents), pick(dates), pick(scores), pick(scores), pick(stages), pick(['Web', 'Phone', ' Web', 'Σ']), pick(comments)];
    if (random() < 0.03) cells.pop();
    if (random() < 0.02) cells.push('extra');
    lines.push(cells.join(','));
  }
  if (random() < 0.5) lines.push('anna@x.org,2024-03-05,9,4,Apply,Web,"never closed');
  return lines.join(random() < 0.5 ? '\n' : '\r\n') + (random() < 0.5 ? '\n' : '');
}

function ingestBytes(chunks: readonly (Uint8Array | string)[]): unknown {
  const ingest = createCsvIngest({});
  for (const chunk of chunks) ingest.push(chunk);
  return comparable(ingest.finish());
}

const reference = (chunks: readonly (Uint8Array | string)[]) => comparable(referenceCsvIngest(chunks));

describe('byte-level feedback ingest', () => {
  it('gives the same table and report as the record rules on 300 awkward files cut at random offsets', () => {
    const random = seeded(42);
    for (let n = 0; n < 300; n++) {
      const bytes = encoder.encode(awkwardFeedback(random, 1 + Math.floor(random() * 40)));
      const cuts = Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * (bytes.length + 1))).sort((a, b) => a - b);
      expect(ingestBytes(split(bytes, cuts)), `file ${n} cut at ${cuts}`).to.deep.equal(reference([bytes]));
    }
  });

  it('gives the same table and report on one awkward file cut at every byte offset', () => {
    const bytes = encoder.encode(awkwardFeedback(seeded(3), 12));
    const expected = referenceCsvIngest([bytes]);
    expect(expected.quality.rejected, 'the file has rejected rows').to.be.greaterThan(0);
    expect(expected.quality.duplicates + expected.quality.accepted, 'and rows that pass').to.be.greaterThan(0);
    for (let cut = 0; cut <= bytes.length; cut++) expect(ingestBytes(split(bytes, [cut])), `cut at ${cut}`).to.deep.equal(comparable(expected));
  });

  it('gives the same table and report on the generated sample (20,000 rows, duplicates and bad rows, semicolons too)', () => {
    for (const delimiter of [',', ';'] as const) {
      const records = [SAMPLE_COLUMNS, ...generateFeedbackRows({ seed: 11, rows: 20_000 })].map((row) => csvRecord(row, delimiter));
      const bytes = encoder.encode(records.join('\r\n'));
      const expected = referenceCsvIngest([bytes]);
      expect(expected.quality.duplicates).to.be.greaterThan(0);
      expect(ingestBytes(split(bytes, [1000, 65_536, 65_537, 200_000]))).to.deep.equal(comparable(expected));
    }
  });

  it('decodes malformed UTF-8 in any cell exactly as the text reader does', () => {
    const head = encoder.encode('respondent,date,nps,stage,comment\n');
    const rows: number[][] = [];
    // Surrogates, past U+10FFFF, overlong, cut short, stray continuation bytes, a lone lead before ASCII.
    const broken = [[0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0x80], [0xf0, 0x9f, 0x98], [0xe0, 0x80, 0x80], [0xc3]];
    for (const bad of broken) {
      for (const [where, after] of [['comment', 'é '], ['comment', ''], ['stage', 'é '], ['respondent', 'é ']] as const) {
        const text = (cell: string) => [...encoder.encode(cell)];
        const cell = (name: string) => (name === where ? [...text(' ok '), ...bad, ...text(after)] : text(name === 'stage' ? 'Apply' : `r${rows.length}@x.org`));
        rows.push([...cell('respondent'), 0x2c, ...text('2024-03-01,9,'), ...cell('stage'), 0x2c, ...cell('comment'), 0x0a]);
      }
    }
    const bytes = Uint8Array.from([...head, ...rows.flat()]);
    const expected = referenceCsvIngest([bytes]);
    // Respondents that decode to the same text (one U+FFFD for several kinds of breakage) are duplicates.
    expect(expected.quality.rejected, 'no row rejected').to.equal(0);
    expect(expected.quality.duplicates, 'respondents alike once decoded').to.be.greaterThan(0);
    expect(commentTexts(expected.table.comments).text.filter((text) => text.includes('\ufffd')).length, 'broken comments').to.equal(broken.length * 2);
    for (let cut = 0; cut <= bytes.length; cut += 7) expect(ingestBytes(split(bytes, [cut])), `cut at ${cut}`).to.deep.equal(comparable(expected));
  });

  it('keeps string input as the text reader does, including a surrogate pair cut between two strings', () => {
    const text = 'date,nps,comment\n2024-03-01,9,"ok 😀"\n';
    const cut = text.indexOf('😀') + 1;
    expect(ingestBytes([text.slice(0, cut), text.slice(cut)])).to.deep.equal(reference([text]));
  });
});

describe('rows read while loading', () => {
  it('counts data rows as they stream, every kind included, for feedback and operational CSV', async () => {
    const { createOperationalCsvIngest } = await import('../../src/core/operational.ts');
    const text = 'date,nps,wait\n2024-03-01,9,3\n2024-03-01,x,4\n"broken,1\n2024-03-02,7,5,extra\n2024-03-03,8,6\n';
    const feedback = createCsvIngest({});
    const operational = createOperationalCsvIngest('date');
    const seen: number[][] = [];
    for (const line of text.split(/(?<=\n)/)) {
      feedback.push(line);
      operational.push(line);
      seen.push([feedback.rowsRead, operational.rowsRead]);
    }
    const { quality } = feedback.finish();
    operational.finish();
    // The open quote on line 4 holds its record, and the lines it swallows, until the end tells.
    expect(seen.map(([f]) => f)).to.deep.equal([0, 1, 2, 2, 2, 2]);
    expect(seen.map(([, o]) => o)).to.deep.equal([0, 1, 2, 2, 2, 2]);
    expect(feedback.rowsRead).to.equal(quality.totalRows);
    expect(quality.totalRows).to.equal(5);
    expect(operational.rowsRead).to.equal(5);
  });
});
