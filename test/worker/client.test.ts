import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/nps-trend/index.ts';
import type { NpsTrend } from '../../src/nps-trend/nps-trend.ts';
import { EngineClient, engineClient } from '../../src/worker/client.ts';
import type { CxDataError } from '../../src/core/errors.ts';
import type { CxLoadEvent } from '../../src/events/cx-load.ts';

let tokens = 0;
/** A CSV from the test server (scripts/test-server.mjs) that counts how often it is fetched. */
function feedbackUrl(params: Record<string, number> = {}): { url: string; token: string } {
  const token = `t${Date.now()}-${tokens++}`;
  const query = new URLSearchParams({ token, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return { url: `/__test/feedback?${query}`, token };
}
const fetchCount = async (token: string) => Number(await (await fetch(`/__test/count?token=${token}`)).text());

describe('engine client and worker', () => {
  it('loads a src once for two elements and frees it when the last one leaves', async () => {
    const { url, token } = feedbackUrl({ rows: 40 });
    const container = await fixture<HTMLDivElement>(html`<div>
      <nps-trend src=${url}></nps-trend>
      <nps-trend src=${url} interval="quarter"></nps-trend>
    </div>`);
    const [a, b] = [...container.querySelectorAll('nps-trend')] as NpsTrend[];
    await Promise.all([a!.dataComplete, b!.dataComplete]);
    expect(await fetchCount(token)).to.equal(1);
    expect(a!.shadowRoot!.querySelectorAll('.point')).to.have.length(6);
    expect(b!.shadowRoot!.querySelectorAll('.point')).to.have.length(2);
    const key = engineClient().sourceKeys.find((k) => k.includes(token));
    expect(key).to.be.a('string');
    const client = engineClient();
    const delay = client.releaseDelayMs;
    client.releaseDelayMs = 0;
    try {
      a!.remove();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(client.sourceKeys).to.include(key);
      b!.remove();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(client.sourceKeys).not.to.include(key);
    } finally {
      client.releaseDelayMs = delay;
    }
  });

  it('does not load the file again when an element moves in the page', async () => {
    const { url, token } = feedbackUrl({ rows: 30 });
    const container = await fixture<HTMLDivElement>(html`<div><section></section><nps-trend src=${url}></nps-trend></div>`);
    const el = container.querySelector('nps-trend')!;
    await el.dataComplete;
    container.querySelector('section')!.append(el);
    await el.dataComplete;
    expect(el.shadowRoot!.querySelectorAll('.point')).to.have.length(6);
    expect(await fetchCount(token)).to.equal(1);
  });

  it('loads a file again after the last element let go and the release delay passed', async () => {
    const { url, token } = feedbackUrl({ rows: 30 });
    const client = engineClient();
    const delay = client.releaseDelayMs;
    client.releaseDelayMs = 0;
    try {
      const first = await fixture<NpsTrend>(html`<nps-trend src=${url}></nps-trend>`);
      await first.dataComplete;
      first.remove();
      await new Promise((resolve) => setTimeout(resolve, 10));
      const second = await fixture<NpsTrend>(html`<nps-trend src=${url}></nps-trend>`);
      await second.dataComplete;
      expect(await fetchCount(token)).to.equal(2);
    } finally {
      client.releaseDelayMs = delay;
    }
  });

  it('recovers an element whose load was cut by a worker crash when it asks again', async () => {
    const slow = feedbackUrl({ rows: 200, chunkDelayMs: 20 });
    const el = await fixture<NpsTrend>(html`<nps-trend src=${slow.url}></nps-trend>`);
    const failed = oneEvent(el, 'cx-error');
    setTimeout(() => engineClient().terminate('test'), 100);
    expect((await failed).detail.code).to.equal('worker-crashed');
    el.interval = 'quarter';
    await oneEvent(el, 'cx-load');
    await el.dataComplete;
    expect(el.shadowRoot!.querySelectorAll('.point')).to.have.length(2);
  });

  it('fails clearly when the worker cannot even be constructed', async () => {
    const client = new EngineClient(() => {
      throw new DOMException('Script at cross-origin URL cannot be accessed', 'SecurityError');
    });
    const handle = client.acquire({ kind: 'counts', counts: [] });
    const error = await handle.ready.then(
      () => null,
      (e: CxDataError) => e,
    );
    expect(error?.code).to.equal('worker-unavailable');
    expect(error?.message).to.contain('could not be loaded');
    expect(error?.message).to.contain('cross-origin');
  });

  it('renders only the latest src when src changes quickly', async () => {
    const slowFirst = feedbackUrl({ rows: 12, delayMs: 600 });
    const fast = feedbackUrl({ rows: 24 });
    const last = feedbackUrl({ rows: 36, delayMs: 300 });
    const el = await fixture<NpsTrend>(html`<nps-trend min-n="1"></nps-trend>`);
    const loads: number[] = [];
    el.addEventListener('cx-load', (event) => loads.push((event as CxLoadEvent).detail.rowCount));
    el.src = slowFirst.url;
    await el.updateComplete;
    el.src = fast.url;
    await el.updateComplete;
    el.src = last.url;
    await el.dataComplete;
    // Let the superseded loads finish too: they must not be drawn or announced afterwards.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await el.updateComplete;
    expect(loads).to.deep.equal([36]);
    const answers = [...el.shadowRoot!.querySelectorAll('.point')].map((p) => Number(/(\d+) answers?\b/.exec(p.getAttribute('aria-label')!)![1]));
    expect(answers.reduce((sum, n) => sum + n, 0)).to.equal(36);
  });

  it('rejects pending calls when the worker is terminated mid-load, then starts a fresh worker', async () => {
    const client = new EngineClient();
    const slow = feedbackUrl({ rows: 200, chunkDelayMs: 20 });
    const handle = client.acquire({ kind: 'url', url: new URL(slow.url, location.href).href, fields: '' });
    const generation = client.generation;
    setTimeout(() => client.terminate(), 100);
    const error = await handle.ready.then(
      () => null,
      (e: CxDataError) => e,
    );
    expect(error?.code).to.equal('worker-crashed');
    // The next call reloads the source in a new worker instead of hanging on the dead one.
    const series = await client.queryNps(handle.key, { interval: 'month', minN: 1 });
    expect(client.generation).to.equal(generation + 1);
    expect(series.points.reduce((sum, p) => sum + (p.suppressed ? 0 : p.n), 0)).to.equal(200);
    handle.release();
    client.terminate();
  });

  it('shows the element in an error state when its worker dies, and recovers on the next src', async () => {
    const slow = feedbackUrl({ rows: 200, chunkDelayMs: 20 });
    const el = await fixture<NpsTrend>(html`<nps-trend src=${slow.url}></nps-trend>`);
    const failed = oneEvent(el, 'cx-error');
    setTimeout(() => engineClient().terminate('test'), 100);
    expect((await failed).detail.code).to.equal('worker-crashed');
    await el.dataComplete;
    expect(el.shadowRoot!.querySelector('[part=status].error')!.textContent).to.contain('The data engine stopped');
    el.src = feedbackUrl({ rows: 30 }).url;
    await oneEvent(el, 'cx-load');
    await el.dataComplete;
    expect(el.shadowRoot!.querySelectorAll('.point')).to.have.length(6);
  });

  it('says the worker script could not be loaded (not that it crashed) when it is missing', async () => {
    const client = new EngineClient(() => new Worker('/test/fixtures/no-such-worker.js', { type: 'module' }));
    const handle = client.acquire({ kind: 'counts', counts: [] });
    const error = await handle.ready.then(
      () => null,
      (e: CxDataError) => e,
    );
    expect(error?.code).to.equal('worker-unavailable');
  });

  it('calls an error after the engine started a crash, not a hosting problem', async () => {
    // A worker that says it started, then throws: the script loaded, so this is a crash.
    const script = `postMessage({ type: 'cx-engine-started' }); setTimeout(() => { throw new Error('boom'); }, 50);`;
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    const client = new EngineClient(() => new Worker(url, { type: 'module' }));
    const handle = client.acquire({ kind: 'counts', counts: [] });
    const error = await handle.ready.then(
      () => null,
      (e: CxDataError) => e,
    );
    expect(error?.code).to.equal('worker-crashed');
    URL.revokeObjectURL(url);
  });

  it('explains in the element how to fix a worker that cannot be loaded', async () => {
    const client = new EngineClient(() => new Worker('/test/fixtures/no-such-worker.js', { type: 'module' }));
    const handle = client.acquire({ kind: 'counts', counts: [] });
    const error = await handle.ready.catch((e: CxDataError) => e);
    const info = { code: (error as CxDataError).code, message: '', params: (error as CxDataError).params };
    const el = await fixture<NpsTrend>(html`<nps-trend></nps-trend>`);
    const text = (el as unknown as { errorMessage(i: typeof info): string }).errorMessage(info);
    expect(text).to.contain('worker-src');
    expect(text).to.contain('could not be loaded');
  });

  it('reports loading progress', async () => {
    const slow = feedbackUrl({ rows: 60, chunkDelayMs: 10 });
    const client = new EngineClient();
    const seen: number[] = [];
    const handle = client.acquire({ kind: 'url', url: new URL(slow.url, location.href).href, fields: '' }, (p) => seen.push(p.bytes));
    await handle.ready;
    expect(seen.length).to.be.greaterThan(1);
    expect(seen[seen.length - 1]).to.be.greaterThan(seen[0]!);
    handle.release();
    client.terminate();
  });
});
