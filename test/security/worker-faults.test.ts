/**
 * Worker faults (issue 8, part 5), for each of the three elements: the worker is terminated or
 * throws mid-load and mid-query, a request arrives before the worker is ready, many elements load at
 * once, and the source changes ten times in 100 ms. In each case: `cx-error` (`worker-crashed`)
 * within 1 s where there is an error, the error shown, a fresh worker on the next load, every
 * element settled, no unhandled rejection, and never a stale result drawn over a newer one.
 * test/worker/client.test.ts covers the client alone (404 / unconstructible worker, restart, refcounts).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/nps-trend/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/council-scorecard/index.ts';
import type { CxDataError } from '../../src/core/errors.ts';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';
import type { CxLoadEvent } from '../../src/events/cx-load.ts';
import type { CxElement } from '../../src/ui/cx-element.ts';
import { EngineClient, engineClient } from '../../src/worker/client.ts';
import { ENGINE_STARTED } from '../../src/worker/started.ts';

type Element_ = CxElement<unknown> & HTMLElement;

let tokens = 0;
/** A CSV from the test server (scripts/test-server.mjs), counted per token. */
function feedbackUrl(params: Record<string, number> = {}): { url: string; token: string } {
  const token = `wf${Date.now()}-${tokens++}`;
  const query = new URLSearchParams({ token, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return { url: `/__test/feedback?${query}`, token };
}
const fetchCount = async (token: string) => Number(await (await fetch(`/__test/count?token=${token}`)).text());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const sumAnswers = (labels: string[]) => labels.reduce((sum, label) => sum + Number(/(\d+) answers?\b/.exec(label)?.[1] ?? 0), 0);

/** The test CSV has no stage column: its department stands in, so all three elements share one source key per URL. */
const FIELDS = 'stage:department';

/** A council with one feedback KPI; the feedback comes from `feedback-src`. The CSV spans January–June 2024. */
const council = () => ({
  council: { name: 'Fault council', cadence: 'monthly', asOf: '2024-07-10', periods: 3 },
  kpis: [{ id: 'nps', label: 'NPS', unit: 'score', direction: 'higher-is-better', target: 0, owner: 'CCO', lastReviewed: '2024-07-01', source: { metric: 'nps' } }],
});

interface Kind {
  readonly tag: 'nps-trend' | 'journey-painpoints' | 'council-scorecard';
  /** The engine call that answers this element's query. */
  readonly queryMethod: string;
  /** Points the element at a feedback URL (for the scorecard: its feedback, the definition stays). */
  setSource(el: Element_, url: string): void;
  /** Changes something that makes the element query again, on the same source. */
  requery(el: Element_): void;
  /** How many answers the drawn result covers (0 when nothing is drawn). */
  drawnAnswers(el: Element_): number;
}

const kinds: readonly Kind[] = [
  {
    tag: 'nps-trend',
    queryMethod: 'queryNps',
    setSource: (el, url) => (el.src = url),
    requery: (el) => ((el as unknown as { interval: string }).interval = 'quarter'),
    drawnAnswers: (el) => sumAnswers([...el.shadowRoot!.querySelectorAll('.point')].map((p) => p.getAttribute('aria-label') ?? '')),
  },
  {
    tag: 'journey-painpoints',
    queryMethod: 'queryJourney',
    setSource: (el, url) => (el.src = url),
    requery: (el) => ((el as unknown as { stages: string }).stages = 'Tax,Permits'),
    drawnAnswers: (el) => sumAnswers([...el.shadowRoot!.querySelectorAll('[part~=stage] .visually-hidden')].map(text)),
  },
  {
    tag: 'council-scorecard',
    queryMethod: 'queryScorecard',
    setSource: (el, url) => {
      const card = el as unknown as { definition: unknown; feedbackSrc: string };
      card.definition ??= council();
      card.feedbackSrc = url;
    },
    requery: (el) => ((el as unknown as { periods: number }).periods = 4),
    // The scorecard draws the reviewed month (June: one sixth of the rows); its cx-load carries the row count.
    drawnAnswers: (el) => {
      const row = el.shadowRoot!.querySelector('[part=row][data-id="nps"]');
      return row && !row.querySelector('[part=error-row]') && !/data engine/i.test(text(row)) ? Number((el as unknown as { lastRows: number }).lastRows ?? 0) : 0;
    },
  },
];

/** Creates an element of `kind` (min-n 1, the shared FIELDS) in the page; `src` set only when given. */
async function create(kind: Kind, url?: string): Promise<Element_> {
  const el = document.createElement(kind.tag) as Element_;
  el.minN = 1;
  el.fields = FIELDS;
  // The scorecard's drawn rows are checked against the rows its last cx-load announced.
  el.addEventListener('cx-load', (event) => ((el as unknown as { lastRows: number }).lastRows = (event as CxLoadEvent).detail.rowCount));
  if (url) kind.setSource(el, url);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(el);
  return el;
}

/**
 * Arms a fault on the next message the page posts to the engine worker that calls `method`: right
 * after it is posted (before the worker can answer) the worker is terminated, or throws (its error
 * event fires, as for an uncaught exception inside it).
 */
function armFault(method: string, fault: 'terminate' | 'throw'): { fired: Promise<number>; disarm(): void } {
  const original = Worker.prototype.postMessage;
  let fire!: (at: number) => void;
  const fired = new Promise<number>((resolve) => (fire = resolve));
  const disarm = () => (Worker.prototype.postMessage = original);
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    (original as (...args: unknown[]) => void).call(this, message, ...rest);
    const path = (message as { path?: unknown } | null)?.path;
    if (!Array.isArray(path) || path[0] !== method) return;
    disarm();
    queueMicrotask(() => {
      fire(performance.now());
      if (fault === 'terminate') engineClient().terminate('test: terminated');
      else this.dispatchEvent(new ErrorEvent('error', { message: `test: the engine threw during ${method}`, cancelable: true }));
    });
  } as typeof Worker.prototype.postMessage;
  return { fired, disarm };
}

/** Collects unhandled rejections while a test runs; `assertNone` fails with what it saw. */
function watchRejections(): { stop(): void; assertNone(): void } {
  const seen: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    seen.push(event.reason);
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', listener);
  return {
    stop: () => window.removeEventListener('unhandledrejection', listener),
    assertNone: () => expect(seen.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : String(r)))).to.deep.equal([]),
  };
}

let rejections: ReturnType<typeof watchRejections>;

describe('worker faults (issue 8, part 5)', () => {
  beforeEach(() => (rejections = watchRejections()));
  afterEach(() => rejections.stop());

  for (const kind of kinds) {
    describe(`<${kind.tag}>`, () => {
      for (const fault of ['terminate', 'throw'] as const) {
        for (const phase of ['load', 'query'] as const) {
          it(`reports worker-crashed within 1 s when the worker is ${fault === 'terminate' ? 'terminated' : 'throws'} mid-${phase}, shows it, and loads again in a fresh worker`, async () => {
            const generation = engineClient().generation;
            // Mid-load: the CSV streams slowly, and the fault hits as the load is posted. Mid-query: the load is quick.
            const source = feedbackUrl(phase === 'load' ? { rows: 120, chunkDelayMs: 5 } : { rows: 60 });
            // The element first shows other data, so the faulty load is its only run.
            const el = await create(kind, feedbackUrl({ rows: 18 }).url);
            await el.dataComplete;
            expect(kind.drawnAnswers(el)).to.equal(18);
            const armed = armFault(phase === 'load' ? 'loadUrl' : kind.queryMethod, fault);
            try {
              const failed = oneEvent(el, 'cx-error') as Promise<CxErrorEvent>;
              kind.setSource(el, source.url);
              const at = await armed.fired;
              const error = await failed;
              expect(performance.now() - at, 'cx-error after the fault (ms)').to.be.below(1000);
              expect(error.detail.code).to.equal('worker-crashed');
              await el.dataComplete;
              expect(text(el.shadowRoot)).to.contain('The data engine stopped unexpectedly');
              expect(kind.drawnAnswers(el)).to.equal(0);
              // The next load runs in a new worker and is drawn.
              const next = feedbackUrl({ rows: 30 });
              const loaded = oneEvent(el, 'cx-load') as Promise<CxLoadEvent>;
              kind.setSource(el, next.url);
              expect((await loaded).detail.rowCount).to.equal(30);
              await el.dataComplete;
              expect(engineClient().generation).to.be.greaterThan(generation);
              expect(text(el.shadowRoot)).not.to.contain('The data engine stopped');
              expect(kind.drawnAnswers(el)).to.equal(30);
              // And a query on the same source works too.
              kind.requery(el);
              await el.dataComplete;
              expect(kind.drawnAnswers(el)).to.equal(30);
            } finally {
              armed.disarm();
            }
            rejections.assertNone();
          });
        }
      }

      it('answers a request made before the worker is ready', async () => {
        // No worker: the element's first request starts one, and it changes again before the worker's first word.
        engineClient().terminate('test: fresh start');
        const generation = engineClient().generation;
        const el = document.createElement(kind.tag) as Element_;
        el.minN = 1;
        el.fields = FIELDS;
        const errors: string[] = [];
        el.addEventListener('cx-error', (event) => errors.push((event as CxErrorEvent).detail.code));
        let loads = 0;
        el.addEventListener('cx-load', (event) => {
          loads++;
          (el as unknown as { lastRows: number }).lastRows = (event as CxLoadEvent).detail.rowCount;
        });
        const { url } = feedbackUrl({ rows: 42 });
        kind.setSource(el, url);
        document.body.append(el);
        try {
          await el.updateComplete;
          // The first update started the worker (the scorecard: once its definition reader is there); it
          // cannot have answered yet (its messages arrive as tasks). Change the query meanwhile.
          expect(engineClient().generation).to.be.at.most(generation + 1);
          kind.requery(el);
          el.minN = 2;
          await el.dataComplete;
          expect(errors).to.deep.equal([]);
          expect(loads).to.equal(1);
          expect(engineClient().generation).to.equal(generation + 1);
          expect(kind.drawnAnswers(el)).to.equal(42);
        } finally {
          el.remove();
        }
        rejections.assertNone();
      });

      it('draws and announces only the last of ten src changes within 100 ms, never a stale one later', async () => {
        const el = await create(kind);
        const loads: number[] = [];
        const errors: string[] = [];
        el.addEventListener('cx-load', (event) => loads.push((event as CxLoadEvent).detail.rowCount));
        el.addEventListener('cx-error', (event) => errors.push((event as CxErrorEvent).detail.code));
        // Earlier sources answer later: the first after ~700 ms, the last at once. Row counts tell them apart.
        const sources = Array.from({ length: 10 }, (_, i) => feedbackUrl({ rows: 12 + 6 * i, delayMs: i === 9 ? 0 : 700 - 70 * i }));
        const start = performance.now();
        for (const [i, source] of sources.entries()) {
          kind.setSource(el, source.url);
          if (i < 9) await sleep(9);
        }
        expect(performance.now() - start, 'ten changes (ms)').to.be.below(100);
        await el.dataComplete;
        const last = 12 + 6 * 9;
        expect(kind.drawnAnswers(el)).to.equal(last);
        // The superseded loads finish meanwhile: they must be neither drawn nor announced.
        await sleep(1000);
        await el.updateComplete;
        expect(loads).to.deep.equal([last]);
        expect(errors).to.deep.equal([]);
        expect(kind.drawnAnswers(el)).to.equal(last);
        rejections.assertNone();
      });
    });
  }

  it('settles twelve elements loading at once, fetching each source once', async () => {
    const a = feedbackUrl({ rows: 90, chunkDelayMs: 2 });
    const b = feedbackUrl({ rows: 48, delayMs: 150 });
    const elements: { el: Element_; kind: Kind; rows: number }[] = [];
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    for (const kind of kinds) {
      for (let i = 0; i < 4; i++) {
        const source = i % 2 ? b : a;
        const el = document.createElement(kind.tag) as Element_;
        el.minN = 1;
        el.fields = FIELDS;
        el.addEventListener('cx-load', (event) => ((el as unknown as { lastRows: number }).lastRows = (event as CxLoadEvent).detail.rowCount));
        kind.setSource(el, source.url);
        elements.push({ el, kind, rows: source === a ? 90 : 48 });
      }
    }
    const errors: string[] = [];
    container.addEventListener('cx-error', (event) => errors.push((event as CxErrorEvent).detail.code));
    container.append(...elements.map(({ el }) => el));
    const settled = await Promise.race([Promise.all(elements.map(({ el }) => el.dataComplete)).then(() => true), sleep(10_000).then(() => false)]);
    expect(settled, 'every dataComplete resolved').to.equal(true);
    expect(errors).to.deep.equal([]);
    for (const { el, kind, rows } of elements) {
      expect(el.shadowRoot!.querySelector('.status.loading'), `${kind.tag} still loading`).to.equal(null);
      expect(kind.drawnAnswers(el), kind.tag).to.equal(rows);
    }
    expect(await fetchCount(a.token)).to.equal(1);
    expect(await fetchCount(b.token)).to.equal(1);
    rejections.assertNone();
  });

  it('does not let a late error of a replaced worker kill the worker that replaced it', async () => {
    const workers: Worker[] = [];
    const client = new EngineClient(() => {
      const worker = new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      return worker;
    });
    try {
      const counts = [{ period: '2024-01', promoters: 5, passives: 3, detractors: 2 }];
      const handle = client.acquire({ kind: 'counts', counts });
      await handle.ready;
      client.terminate('test: first worker stopped');
      await client.queryNps(handle.key, { interval: 'month', minN: 1 });
      expect(workers).to.have.length(2);
      // The first worker's error event, queued before it was terminated, arrives now.
      workers[0]!.dispatchEvent(new ErrorEvent('error', { message: 'late error of the old worker', cancelable: true }));
      const series = await client.queryNps(handle.key, { interval: 'month', minN: 1 });
      expect(series.points.length).to.be.greaterThan(0);
      expect(workers, 'no third worker: the second one is still alive').to.have.length(2);
      handle.release();
    } finally {
      client.terminate();
    }
    rejections.assertNone();
  });

  it('rejects a query with worker-crashed within 1 s when the worker answers the load and then throws, and the next call uses a fresh worker', async () => {
    // The first worker answers like the engine (comlink's wire format) until it is asked a query, then throws.
    const script = `postMessage({ type: ${JSON.stringify(ENGINE_STARTED)} });
      onmessage = (event) => {
        const { id, path } = event.data ?? {};
        if (!id) return;
        if (String(path?.[0]).startsWith('load')) postMessage({ id, type: 'RAW', value: { ok: true, value: { rowCount: 1, quality: null } } });
        else if (String(path?.[0]).startsWith('query')) throw new Error('boom in ' + path[0]);
        // Anything else (comlink's RELEASE when the page lets this worker go) also throws, late: that must not hit the next worker.
        else throw new Error('boom in ' + path?.[0]);
      };`;
    const blob = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    let made = 0;
    const client = new EngineClient(() =>
      made++ === 0 ? new Worker(blob, { type: 'module' }) : new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      const counts = [{ period: '2024-01', promoters: 5, passives: 3, detractors: 2 }];
      const handle = client.acquire({ kind: 'counts', counts });
      expect((await handle.ready).rowCount).to.equal(1);
      const generation = client.generation;
      const start = performance.now();
      const error = await client.queryNps(handle.key, { interval: 'month', minN: 1 }).then(
        () => null,
        (e: CxDataError) => e,
      );
      expect(performance.now() - start).to.be.below(1000);
      expect(error?.code).to.equal('worker-crashed');
      expect(error?.message).to.contain('boom in queryNps');
      // The next call reloads the source in the real engine.
      const series = await client.queryNps(handle.key, { interval: 'month', minN: 1 });
      expect(client.generation).to.equal(generation + 1);
      expect(series.points.length).to.be.greaterThan(0);
      handle.release();
    } finally {
      client.terminate();
      URL.revokeObjectURL(blob);
    }
    rejections.assertNone();
  });
});
