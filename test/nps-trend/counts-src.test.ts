/**
 * Counts as files (issue 10): `counts-src` fetches an array of period entries or a whole counts
 * document (what `npx cx-elements aggregate` writes) in the worker, draws exactly what the same counts
 * given as a property draw, and fills the data-quality report from the document's quality counts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import type { NpsTrend } from '../../src/nps-trend/nps-trend.ts';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';
import type { CxLoadEvent } from '../../src/events/cx-load.ts';

const DOCUMENT = {
  format: 'cx-counts',
  version: 1,
  interval: 'month',
  dimension: null,
  periods: [
    { period: '2025-01', histogram: [1, 0, 2, 0, 1, 3, 2, 5, 6, 9, 11] },
    { period: '2025-02', histogram: [0, 1, 1, 2, 0, 2, 4, 6, 7, 8, 10], csat: [1, 2, 5, 12, 21], ces: [0, 1, 2, 6, 9, 12, 11] },
    { period: '2025-03', promoters: 30, passives: 12, detractors: 9 },
  ],
  quality: { totalRows: 160, accepted: 133, duplicates: 20, rejected: 7, reasons: [{ reason: 'invalid-date', count: 5 }, { reason: 'score-out-of-range', field: 'nps', count: 2 }] },
};

const served: string[] = [];
function serve(value: unknown): string {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
  served.push(url);
  return url;
}

const pointLabels = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('.point')].map((p) => p.getAttribute('aria-label'));

describe('counts-src', () => {
  after(() => served.forEach((url) => URL.revokeObjectURL(url)));

  it('draws a counts document exactly as the counts property draws it, and reports its quality counts', async () => {
    const fromProperty = await fixture<NpsTrend>(html`<nps-trend .counts=${DOCUMENT}></nps-trend>`);
    await fromProperty.dataComplete;
    const el = document.createElement('nps-trend') as NpsTrend;
    el.setAttribute('counts-src', serve(DOCUMENT));
    const loaded = oneEvent(el, 'cx-load');
    document.body.append(el);
    try {
      const { detail } = (await loaded) as CxLoadEvent;
      await el.dataComplete;
      expect(pointLabels(el)).to.have.length(3);
      expect(pointLabels(el)).to.deep.equal(pointLabels(fromProperty));
      expect(detail.quality).to.deep.include({ totalRows: 160, accepted: 133, duplicates: 20, rejected: 7, duplicateLines: [] });
      expect(detail.quality!.reasons.map((r) => [r.reason, r.count])).to.deep.equal([['invalid-date', 5], ['score-out-of-range', 2]]);
      expect(el.shadowRoot!.textContent).to.include('20');
    } finally {
      el.remove();
    }
  });

  it('takes a bare array of entries too', async () => {
    const el = await fixture<NpsTrend>(html`<nps-trend counts-src=${serve(DOCUMENT.periods)}></nps-trend>`);
    await el.dataComplete;
    expect(pointLabels(el)).to.have.length(3);
  });

  it('refuses counts that do not add up, or are not counts, with a localised bad-counts error', async () => {
    for (const [bad, lang] of [[{ ...DOCUMENT, quality: { ...DOCUMENT.quality, accepted: 134 } }, 'en'], [{ format: 'cx-counts', version: 2, periods: [] }, 'pl'], [{ hello: 1 }, 'en']] as const) {
      const el = document.createElement('nps-trend') as NpsTrend;
      el.setAttribute('lang', lang);
      el.setAttribute('counts-src', serve(bad));
      const failed = oneEvent(el, 'cx-error') as Promise<CxErrorEvent>;
      document.body.append(el);
      try {
        const { detail } = await failed;
        expect(detail.code, JSON.stringify(bad)).to.equal('bad-counts');
        await el.dataComplete;
        expect(el.shadowRoot!.querySelector('[part=status].error')!.textContent!.trim()).to.equal(detail.message);
      } finally {
        el.remove();
      }
    }
  });

  it('is refused by the journey, which needs rows', async () => {
    const el = document.createElement('journey-painpoints');
    el.setAttribute('counts-src', serve(DOCUMENT));
    const failed = oneEvent(el, 'cx-error') as Promise<CxErrorEvent>;
    document.body.append(el);
    try {
      expect((await failed).detail.code).to.equal('needs-rows');
    } finally {
      el.remove();
    }
  });
});
