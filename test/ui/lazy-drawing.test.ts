import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import type { TemplateResult } from 'lit';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';
import { CxElement } from '../../src/ui/cx-element.ts';
import { lazyModule } from '../../src/ui/lazy-module.ts';
import type { EngineClient } from '../../src/worker/client.ts';

/** A drawing module that cannot be fetched until the connection is back, as a chunk on a dropped connection. */
let fetches = 0;
let connectionBack = false;
const flakyDrawing = lazyModule(async () => {
  fetches++;
  if (!connectionBack) throw new TypeError('Failed to fetch dynamically imported module: draw.js');
  return { draw: (text: string) => `drawn: ${text}` };
});

class LazyProbe extends CxElement<string> {
  protected static override drawing = flakyDrawing;
  @property() text = 'one';
  protected override queryArgs() {
    return [this.text] as const;
  }
  protected override query(): Promise<string> {
    throw new Error('no source is used');
  }
  protected override sourceSpec() {
    return null;
  }
  protected override queryWithoutSource(_client: EngineClient, _signal: AbortSignal): Promise<string | null> {
    return Promise.resolve(this.text);
  }
  protected override renderResult(result: string): TemplateResult {
    return html`<p class="drawn">${flakyDrawing.value!.draw(result)}</p>`;
  }
}
customElements.define('lazy-probe', LazyProbe);

describe('drawing code loaded on demand', () => {
  it('reports a chunk that cannot be fetched as an error of the load, then draws on the next load', async () => {
    const el = document.createElement('lazy-probe') as LazyProbe;
    const failed = oneEvent(el, 'cx-error') as Promise<CxErrorEvent>;
    await fixture(html`<div></div>`).then((host) => host.append(el));
    expect((await failed).detail.code).to.equal('module-unavailable');
    await el.dataComplete;
    expect(el.shadowRoot!.querySelector('[part=status].error')!.textContent).to.contain('could not be downloaded');
    expect(el.shadowRoot!.querySelector('.drawn')).to.equal(null);

    const failedFetches = fetches;
    connectionBack = true;
    el.text = 'two';
    await el.dataComplete;
    expect(fetches).to.equal(failedFetches + 1, 'the next load fetched the module again');
    expect(el.shadowRoot!.querySelector('.drawn')!.textContent).to.equal('drawn: two');
    expect(el.shadowRoot!.querySelector('[part=status].error')).to.equal(null);
  });
});
