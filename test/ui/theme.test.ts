import { expect, fixture, html } from '@open-wc/testing';
import '../../src/nps-trend/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/council-scorecard/index.ts';
import type { NpsTrend } from '../../src/nps-trend/nps-trend.ts';
import type { NpsPeriodCounts } from '../../src/core/counts.ts';

/** Relative luminance and contrast ratio as WCAG 2.2 defines them (sRGB, 1.4.3 and 1.4.11). */
function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A computed colour as [r, g, b] (the browser writes computed colours as `rgb(…)`/`rgba(…)`). */
function rgb(colour: string): number[] {
  const match = /rgba?\(([^)]+)\)/.exec(colour);
  if (!match) throw new Error(`not a computed colour: ${colour}`);
  return match[1]!.split(/[ ,/]+/).filter(Boolean).slice(0, 3).map(Number);
}

/** A token's value, resolved by the browser: an element takes it as its colour, then reads it back. */
function token(el: HTMLElement, name: string): number[] {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  el.shadowRoot!.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return rgb(colour);
}

const COUNTS: NpsPeriodCounts[] = [
  { period: '2025-01', promoters: 40, passives: 30, detractors: 30 },
  { period: '2025-02', promoters: 80, passives: 10, detractors: 10 },
  { period: '2025-03', promoters: 20, passives: 20, detractors: 60 },
];

const BLACK = [0, 0, 0];
const WHITE = [255, 255, 255];

describe('theme="high-contrast"', () => {
  async function trend(): Promise<NpsTrend> {
    const el = await fixture<NpsTrend>(html`<nps-trend theme="high-contrast" interval="month" target="10" .counts=${COUNTS}></nps-trend>`);
    await el.dataComplete;
    return el;
  }

  it('draws white text on black', async () => {
    const el = await trend();
    const host = getComputedStyle(el);
    expect(rgb(host.backgroundColor)).to.deep.equal(BLACK);
    expect(rgb(host.color)).to.deep.equal(WHITE);
    const summary = el.shadowRoot!.querySelector('[part=summary]')!;
    expect(rgb(getComputedStyle(summary).color)).to.deep.equal(WHITE);
  });

  it('keeps every text colour at 4.5:1 or more and every mark at 3:1 or more against the background', async () => {
    const el = await trend();
    const background = rgb(getComputedStyle(el).backgroundColor);
    for (const name of ['--_cx-fg', '--_cx-muted']) expect(contrast(token(el, name), background), name).to.be.at.least(4.5);
    const axisLabel = el.shadowRoot!.querySelector('.axis text')!;
    expect(contrast(rgb(getComputedStyle(axisLabel).fill), background), 'axis labels').to.be.at.least(4.5);
    for (const name of ['--_cx-grid', '--_cx-line', '--_cx-target', '--_cx-up', '--_cx-down', '--_cx-promoter', '--_cx-passive', '--_cx-detractor', '--_cx-suppressed', '--_cx-focus']) {
      expect(contrast(token(el, name), background), name).to.be.at.least(3);
    }
    // The drawn marks use those tokens: the NPS line, the ▲/▼ markers and the mix bars.
    const drawn = (selector: string, property: 'stroke' | 'fill') => rgb(getComputedStyle(el.shadowRoot!.querySelector(selector)!)[property]);
    expect(contrast(drawn('path.line', 'stroke'), background), 'NPS line').to.be.at.least(3);
    expect(contrast(drawn('.marker.up', 'fill'), background), '▲').to.be.at.least(3);
    expect(contrast(drawn('.marker.down', 'fill'), background), '▼').to.be.at.least(3);
    expect(contrast(drawn('.promoters rect', 'fill'), background), 'promoters').to.be.at.least(3);
    expect(contrast(drawn('.detractors rect', 'fill'), background), 'detractors').to.be.at.least(3);
  });

  it('tells good from bad news by lightness too, not by hue alone', async () => {
    const el = await trend();
    // Without colour vision only luminance is left: the two must differ clearly from each other.
    expect(contrast(token(el, '--_cx-up'), token(el, '--_cx-down'))).to.be.at.least(2);
    expect(contrast(token(el, '--_cx-promoter'), token(el, '--_cx-detractor'))).to.be.at.least(2);
    expect(contrast(token(el, '--_cx-promoter'), token(el, '--_cx-passive'))).to.be.at.least(1.5);
  });

  it('marks keyboard focus in yellow: the focused point and a 3 px ring around buttons', async () => {
    const el = await trend();
    const point = el.shadowRoot!.querySelector<SVGCircleElement>('.point[tabindex="0"]')!;
    point.focus({ focusVisible: true } as FocusOptions);
    await el.updateComplete;
    expect(point.matches(':focus-visible')).to.equal(true);
    expect(rgb(getComputedStyle(point).stroke)).to.deep.equal([255, 255, 0]);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=table-toggle]')!;
    button.focus({ focusVisible: true } as FocusOptions);
    expect(button.matches(':focus-visible')).to.equal(true);
    const ring = getComputedStyle(button);
    expect(rgb(ring.outlineColor)).to.deep.equal([255, 255, 0]);
    expect(ring.outlineWidth).to.equal('3px');
  });

  it('applies to the journey pain bars and the scorecard amber status as well', async () => {
    const journey = await fixture<HTMLElement>(html`<journey-painpoints theme="high-contrast"></journey-painpoints>`);
    const scorecard = await fixture<HTMLElement>(html`<council-scorecard theme="high-contrast"></council-scorecard>`);
    expect(rgb(getComputedStyle(journey).backgroundColor)).to.deep.equal(BLACK);
    expect(contrast(token(journey, '--_cx-pain'), BLACK)).to.be.at.least(3);
    expect(contrast(token(scorecard, '--_cx-warn'), BLACK)).to.be.at.least(4.5);
    // Amber must not read as the red "off track" or the yellow focus ring.
    expect(token(scorecard, '--_cx-warn')).not.to.deep.equal(token(scorecard, '--_cx-down'));
    expect(token(scorecard, '--_cx-warn')).not.to.deep.equal(token(scorecard, '--_cx-focus'));
  });

  it('leaves a value the page sets through the public custom property alone', async () => {
    const el = await fixture<NpsTrend>(html`<nps-trend theme="high-contrast" style="--cx-color-line: rgb(255, 0, 255)" .counts=${COUNTS}></nps-trend>`);
    await el.dataComplete;
    expect(token(el, '--_cx-line')).to.deep.equal([255, 0, 255]);
  });

  it('is accessible', async () => {
    const el = await trend();
    await expect(el).to.be.accessible();
  });
});
