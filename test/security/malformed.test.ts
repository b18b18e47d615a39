/**
 * Bad input is counted, never fatal (issue 8, part 4). For every element in test/a11y/elements.ts:
 * a large export with 10,000 broken rows of every kind draws, with the exact quality report; binary
 * noise, JSON of the wrong shape, an empty file, a header-only file, a 2 GiB Content-Length, a server
 * that never answers or never finishes, files over `max-rows` or `max-bytes`, and a web page labelled
 * text/csv each end in a clear, localised error with its `cx-error` code. Always: the element settles
 * (no loading status, nothing aria-busy), no unhandled rejection, and a refused download is cancelled.
 * The misbehaving servers are in scripts/test-server.mjs; the large file is made in the page
 * (malformed-corpus.ts), its expected report from how it was written.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { QualityReport } from '../../src/core/quality.ts';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';
import type { CxLoadEvent } from '../../src/events/cx-load.ts';
import { ELEMENTS } from '../a11y/elements.ts';
import { malformedCorpus, type Corpus } from './malformed-corpus.ts';

type Host = HTMLElement & { readonly dataComplete: Promise<void>; minN: number; fields: string };

/** How each element reads a feedback file, shows it, and shows why it could not. */
interface Adapter {
  setSource(el: Host, url: string): void;
  /** Something was drawn from the data. */
  drawn(el: Host): boolean;
  /** The visible explanation of a failed feedback load ('' when there is none). */
  failure(el: Host): string;
}

const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const root = (el: Host) => el.shadowRoot!;
const statusError = (el: Host) => text(root(el).querySelector('[part=status].error'));

/** A council whose one KPI reads the feedback; the corpus spans 2024, the council reviews December. */
const council = () => ({
  council: { name: 'Malformed input council', cadence: 'monthly', asOf: '2025-01-10', periods: 3 },
  kpis: [{ id: 'nps', label: 'NPS', unit: 'score', direction: 'higher-is-better', target: 0, owner: 'CCO', lastReviewed: '2024-12-20', source: { metric: 'nps' } }],
});

const ADAPTERS: Readonly<Record<string, Adapter>> = {
  'nps-trend': {
    setSource: (el, url) => el.setAttribute('src', url),
    drawn: (el) => root(el).querySelectorAll('svg[part=chart] .point').length > 0,
    failure: statusError,
  },
  'journey-painpoints': {
    setSource: (el, url) => el.setAttribute('src', url),
    drawn: (el) => root(el).querySelectorAll('[part~=stage]').length > 0,
    failure: statusError,
  },
  'council-scorecard': {
    setSource: (el, url) => {
      (el as unknown as { definition: unknown }).definition = council();
      el.setAttribute('feedback-src', url);
    },
    drawn: (el) => root(el).querySelector('[part=row][data-id="nps"]') !== null && !root(el).querySelector('[part=error-row]'),
    // A feedback file that cannot be read is the error of the KPIs that read it; the others still show.
    failure: (el) => text(root(el).querySelector('[part=row][data-id="nps"] [part=error-row]')) || statusError(el),
  },
};

/** The test CSVs have no stage column: the department stands in, for every element alike. */
const FIELDS = 'stage:department';

interface Outcome {
  readonly el: Host;
  readonly errors: CxErrorEvent['detail'][];
  readonly quality: QualityReport | null;
  /** From adding the element to its data settling. */
  readonly ms: number;
}

let rejections: unknown[] = [];
const onRejection = (event: PromiseRejectionEvent) => {
  rejections.push(event.reason);
  event.preventDefault();
};

/** Puts a `tag` reading `url` on the page, waits until it has settled (at most `within` ms), and checks that it did. */
async function load(tag: string, url: string, attributes: Record<string, string> = {}, { lang = 'en', within = 15_000 } = {}): Promise<Outcome> {
  const el = document.createElement(tag) as Host;
  el.minN = 1;
  el.fields = FIELDS;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const errors: CxErrorEvent['detail'][] = [];
  let quality: QualityReport | null = null;
  el.addEventListener('cx-error', (event) => errors.push((event as CxErrorEvent).detail));
  el.addEventListener('cx-load', (event) => (quality = (event as CxLoadEvent).detail.quality));
  ADAPTERS[tag]!.setSource(el, url);
  const container = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const start = performance.now();
  container.append(el);
  const settled = await Promise.race([el.dataComplete.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), within))]);
  const ms = performance.now() - start;
  expect(settled, `<${tag}> settled within ${within} ms`).to.equal(true);
  expect(root(el).querySelector('.status.loading'), 'still showing the loading status').to.equal(null);
  expect(root(el).querySelector('[aria-busy=true]'), 'still aria-busy').to.equal(null);
  return { el, errors, quality, ms };
}

/** The element failed with `code` once, and says `message` (a fragment of the localised text) where a user sees it. */
function expectFailure({ el, errors }: Outcome, tag: string, code: string, message: string | RegExp): void {
  expect(errors.map((e) => e.code), 'cx-error codes').to.deep.equal([code]);
  const shown = ADAPTERS[tag]!.failure(el);
  if (typeof message === 'string') expect(shown).to.contain(message);
  else expect(shown).to.match(message);
  expect(errors[0]!.message, 'the event carries the text shown').to.equal(shown);
  expect(shown, 'no stack trace or raw error').not.to.match(/at \w+ \(|Error:|undefined|\{\w+\}/);
  expect(ADAPTERS[tag]!.drawn(el), 'nothing drawn').to.equal(false);
}

/**
 * Whether the test server saw the client hang up on `token` (the download was cancelled) within
 * `within` ms. Chromium sometimes keeps a cancelled HTTP/1.1 response's socket for up to 5 s (its
 * body drainer's time-out) before closing it, so the bound is 7 s.
 */
async function hungUp(token: string, within = 7000): Promise<boolean> {
  const end = performance.now() + within;
  while (performance.now() < end) {
    if ((await (await fetch(`/__test/hung-up?token=${token}`)).text()) === 'yes') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

let tokens = 0;
const misbehaving = (kind: string) => {
  const token = `mf${Date.now()}-${tokens++}`;
  return { url: `/__test/malformed?kind=${kind}&token=${token}`, token };
};
const blobs: string[] = [];
const blobUrl = (parts: BlobPart[], type: string) => {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  blobs.push(url);
  return url;
};
const csvRows = (rows: number) =>
  'respondent,date,nps,department\n' + Array.from({ length: rows }, (_, i) => `p${i}@example.org,2024-0${(i % 6) + 1}-1${i % 10},${i % 11},Tax\n`).join('');

/** A million rows, made once and shared by every element (they share one source in the engine too). */
let corpus: Corpus | null = null;
let corpusUrl = '';

describe('malformed input (issue 8, part 4)', () => {
  before(() => window.addEventListener('unhandledrejection', onRejection));
  after(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    for (const url of blobs) URL.revokeObjectURL(url);
  });
  beforeEach(() => (rejections = []));
  afterEach(() => expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]));

  it('has a malformed-input adapter for every element in the shared list', () => {
    expect(ELEMENTS.map((e) => e.tag).filter((tag) => !ADAPTERS[tag])).to.deep.equal([]);
  });

  it('writes the corpus it promises: 1,000,000 rows, 10,000 of them broken', function () {
    this.timeout(30_000);
    corpus = malformedCorpus(1_000_000);
    corpusUrl = blobUrl([corpus.blob], 'text/csv');
    expect(corpus.broken).to.equal(10_000);
    expect(corpus.quality.rejected + corpus.quality.duplicates).to.equal(10_000);
    expect(corpus.quality.reasons.length, 'kinds of rejection').to.equal(9);
    expect(corpus.quality.accepted).to.equal(990_000);
  });

  for (const tag of ELEMENTS.map((e) => e.tag)) {
    describe(`<${tag}>`, () => {
      it('draws 1,000,000 rows with 10,000 broken ones and reports every broken row exactly', async function () {
        this.timeout(60_000);
        if (!corpus) throw new Error('the corpus test did not run');
        const outcome = await load(tag, corpusUrl, {}, { within: 50_000 });
        expect(outcome.errors).to.deep.equal([]);
        expect(ADAPTERS[tag]!.drawn(outcome.el), 'drawn').to.equal(true);
        expect(outcome.quality).to.deep.equal(corpus.quality);
        const badge = text(root(outcome.el).querySelector('[part=quality-badge]'));
        expect(badge).to.contain(`${(9_000).toLocaleString('en')} rows skipped`).and.to.contain(`${(1_000).toLocaleString('en')} duplicates`);
        // The report a user opens says the same: rows read, used, and each reason with its count.
        root(outcome.el).querySelector<HTMLButtonElement>('[part=quality-badge]')!.click();
        await (outcome.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const report = text(root(outcome.el).querySelector('[part=quality-report]'));
        for (const figure of [/Rows read\s*1,000,000 /, /Used\s*990,000 /, /Skipped\s*9,000 /, /same day\)\s*1,000 /]) expect(report).to.match(figure);
        expect(report).to.contain('Wrong number of columns: 1,950').and.to.contain('Unclosed quote (the rest of the file was one field): 50');
      });

      it('refuses binary noise labelled text/csv', async () => {
        expectFailure(await load(tag, misbehaving('binary').url), tag, 'not-csv', 'is not CSV or JSON data');
      });

      it('explains noise without NUL bytes as a file without the expected columns', async () => {
        expectFailure(await load(tag, misbehaving('binary-no-nul').url), tag, 'missing-column', 'The data has no “department” column');
      });

      it('refuses a web page served as text/csv', async () => {
        expectFailure(await load(tag, misbehaving('html').url), tag, 'not-csv', 'it looks like a web page');
      });

      for (const [shape, json] of [
        ['an object', '{"rows":[{"date":"2024-01-01","nps":9,"department":"Tax"}]}'],
        ['an array of numbers', '[1, 2, 3]'],
        ['nested arrays', '[[1, [2, [3]]], [{"date": "2024-01-01"}]]'],
      ] as const) {
        it(`refuses JSON that is ${shape}`, async () => {
          expectFailure(await load(tag, blobUrl([json], 'application/json')), tag, 'bad-json', 'must be an array of records');
        });
      }

      it('counts the junk in a JSON array with one good record, and draws that record', async () => {
        const junk = [[1, [2]], null, 'text', { date: { x: 1 }, nps: [7], department: 'Tax' }, { date: '2024-12-02', nps: { a: 1 }, department: 'Tax' }, { respondent: 'x', date: '2024-12-03', nps: 9, department: 'Tax' }];
        const outcome = await load(tag, blobUrl([JSON.stringify(junk)], 'application/json'));
        expect(outcome.errors).to.deep.equal([]);
        expect(ADAPTERS[tag]!.drawn(outcome.el), 'drawn').to.equal(true);
        expect(outcome.quality).to.deep.equal({
          totalRows: 6,
          accepted: 1,
          duplicates: 0,
          duplicateLines: [],
          rejected: 5,
          reasons: [
            { reason: 'not-an-object', count: 3, lines: [1, 2, 3] },
            { reason: 'invalid-date', count: 1, lines: [4] },
            { reason: 'score-not-number', field: 'nps', count: 1, lines: [5] },
          ],
          withoutRespondent: 0,
          withoutStage: 0,
        });
      });

      it('says an empty file is empty', async () => {
        expectFailure(await load(tag, blobUrl([], 'text/csv')), tag, 'empty-file', 'The data file is empty');
      });

      it('says a file with only a header has no usable row', async () => {
        expectFailure(await load(tag, blobUrl(['respondent,date,nps,department\n'], 'text/csv')), tag, 'no-rows', 'None of the 0 rows could be used');
      });

      it('refuses a 2 GiB Content-Length before downloading, and cancels the request', async () => {
        const { url, token } = misbehaving('huge-length');
        const outcome = await load(tag, url, {}, { within: 5000 });
        expectFailure(outcome, tag, 'too-large', `larger than ${(1024 ** 3).toLocaleString('en')} bytes`);
        expect(await hungUp(token), 'the download was cancelled').to.equal(true);
      });

      for (const [kind, what] of [
        ['never-ends', 'sends a header row and then nothing, forever'],
        ['silent', 'never answers'],
      ] as const) {
        it(`stops after load-timeout when the server ${what}, and cancels the request`, async () => {
          const { url, token } = misbehaving(kind);
          const outcome = await load(tag, url, { 'load-timeout': '1' }, { within: 5000 });
          expectFailure(outcome, tag, 'timeout', 'The server sent no data for 1 s, so loading was stopped (load-timeout)');
          expect(outcome.ms, 'time to the error (ms)').to.be.within(950, 2500);
          expect(await hungUp(token), 'the request was cancelled').to.equal(true);
        });
      }

      it('says so in Polish when the server goes silent (lang="pl")', async () => {
        const { url } = misbehaving('never-ends');
        const outcome = await load(tag, url, { 'load-timeout': '1' }, { lang: 'pl', within: 5000 });
        expectFailure(outcome, tag, 'timeout', 'Serwer nie przesłał żadnych danych przez 1 s, więc wczytywanie zostało przerwane (load-timeout).');
      });

      it('refuses a CSV file with more than max-rows rows, and accepts one with exactly max-rows', async () => {
        const url = blobUrl([csvRows(1500)], 'text/csv');
        expectFailure(await load(tag, url, { 'max-rows': '1499' }), tag, 'too-many-rows', `more than ${(1499).toLocaleString('en')} rows`);
        const fits = await load(tag, url, { 'max-rows': '1500' });
        expect(fits.errors).to.deep.equal([]);
        expect(fits.quality?.totalRows).to.equal(1500);
      });

      it('refuses a JSON array longer than max-rows', async () => {
        const records = Array.from({ length: 30 }, (_, i) => ({ date: '2024-12-01', nps: i % 11, department: 'Tax' }));
        expectFailure(await load(tag, blobUrl([JSON.stringify(records)], 'application/json'), { 'max-rows': '29' }), tag, 'too-many-rows', 'more than 29 rows');
      });

      it('stops a stream that never ends once it passes max-rows, and cancels it', async () => {
        const { url, token } = misbehaving('endless');
        expectFailure(await load(tag, url, { 'max-rows': '5000' }, { within: 5000 }), tag, 'too-many-rows', `more than ${(5000).toLocaleString('en')} rows`);
        expect(await hungUp(token), 'the download was cancelled').to.equal(true);
      });

      it('stops a stream that never ends once it passes max-bytes, and cancels it', async () => {
        const { url, token } = misbehaving('endless');
        expectFailure(await load(tag, url, { 'max-bytes': '0.5 MiB' }, { within: 5000 }), tag, 'too-large', `larger than ${(524_288).toLocaleString('en')} bytes`);
        expect(await hungUp(token), 'the download was cancelled').to.equal(true);
      });

      it('stops a file larger than max-bytes', async () => {
        // About 50 kB; the limit is written with a unit.
        expectFailure(await load(tag, blobUrl([csvRows(1500)], 'text/csv'), { 'max-bytes': '10kB' }), tag, 'too-large', `larger than ${(10_000).toLocaleString('en')} bytes`);
      });
    });
  }

  it('stops a scorecard definition that never arrives, after load-timeout', async () => {
    const { url, token } = misbehaving('silent');
    const el = document.createElement('council-scorecard') as Host;
    el.setAttribute('load-timeout', '1');
    el.setAttribute('src', url);
    const errors: string[] = [];
    el.addEventListener('cx-error', (event) => errors.push((event as CxErrorEvent).detail.code));
    const container = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    container.append(el);
    await el.dataComplete;
    expect(errors).to.deep.equal(['timeout']);
    expect(statusError(el)).to.contain('The server sent no data for 1 s');
    expect(root(el).querySelector('.status.loading')).to.equal(null);
    expect(await hungUp(token)).to.equal(true);
  });
});
