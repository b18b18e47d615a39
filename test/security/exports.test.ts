/**
 * Issue 8, part 3: exports are safe. For every element in `EXPORTERS` (a new element is covered by
 * adding it there): its chart as SVG with the XSS corpus in its labels is well-formed, standalone and
 * inert (no script, foreignObject, handler, external href or url()), shows the labels as text and runs
 * nothing when put into a page; its PNG is a real image of twice the chart's size; its CSV holds no
 * cell a spreadsheet would run and says "not shown" where the element does; its download buttons save
 * files under sanitised names and say so in the polite live region.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.ts';
import { sanitizeFileName } from '../../src/core/export-csv.ts';
import { registerLocale } from '../../src/ui/i18n.ts';
import { laidOut, type CxHost } from '../a11y/elements.ts';
import { councilDefinition, councilFeedback } from '../a11y/keyboard-elements.ts';
import { asXmlText, catchDownloads, expectNoFormula, expectSafeSvg, parseCsv } from './export-checks.ts';
import { XSS_CORPUS } from './xss-corpus.ts';

type Exporter = CxHost & {
  exportCsv(): string | null;
  exportSvg?(): string | null;
  exportPng?(scale?: number): Promise<Blob | null>;
};

const INJECTIONS = ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(A1)', '=HYPERLINK("http://evil.example/?x","Click")', "=cmd|' /C calc'!A0", 'x;=1+1'];

const MONTHLY = ['2024-01', '2024-02', '2024-03', '2024-04'].map((period, i) => ({ period, promoters: i === 2 ? 1 : 30, passives: i === 2 ? 1 : 20, detractors: i === 2 ? 1 : 10 + i * 5 }));

/** Each name a journey stage with seven answers (five negative); `small` stages get three, below min-n. */
function journeyRecords(names: readonly string[], small: readonly string[] = []): Record<string, unknown>[] {
  return names.flatMap((stage, i) =>
    Array.from({ length: small.includes(stage) ? 3 : 7 }, (_, k) => ({ respondent: `r${i}-${k}`, date: `2025-06-${String((k % 28) + 1).padStart(2, '0')}`, nps: k < 5 ? k : 10, stage })),
  );
}

/** Loaded, then drawn at its measured width (a chart is laid out for the width the element reports). */
async function settled(el: Exporter): Promise<Exporter> {
  await el.dataComplete;
  await laidOut(el);
  return el;
}

const render = async (template: TemplateResult) => settled(await fixture<Exporter>(template));

async function renderAll(templates: readonly TemplateResult[]): Promise<Exporter[]> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>${templates}</div>`);
  return Promise.all(([...wrapper.children] as Exporter[]).map(settled));
}

interface ExportingElement {
  readonly tag: string;
  /** How many payloads one render takes; null: the element draws no chart, so it exports CSV only. */
  readonly batch: number | null;
  /** Elements whose chart carries the payloads, and the texts (from the payloads) its SVG must show. */
  renderLabels?(payloads: readonly string[]): Promise<{ hosts: Exporter[]; texts: (host: Exporter) => string[] }>;
  /** The element with the injection strings in the text its CSV carries. */
  renderInjections(): Promise<Exporter>;
  /** The element with one group below min-n, and how its CSV row must read. */
  renderSuppressed(): Promise<Exporter>;
  expectSuppressedRow(rows: string[][]): void;
}

let label = 0;
const EXPORTERS: readonly ExportingElement[] = [
  {
    tag: 'nps-trend',
    batch: 40,
    async renderLabels(payloads) {
      // The label names the file's <title>; a catalogue's target message is text inside the chart.
      const locale = `q${String.fromCharCode(97 + (label++ % 25))}`;
      registerLocale(locale, { 'legend.target': `${payloads.join(' ')} {target}` });
      const hosts = await renderAll([
        ...payloads.map((payload) => html`<nps-trend .counts=${MONTHLY} label=${payload}></nps-trend>`),
        html`<nps-trend locale=${locale} target="10" .counts=${MONTHLY}></nps-trend>`,
      ]);
      // A `{name}` in a catalogue message is a parameter, so payloads with braces are not expected verbatim there.
      return { hosts, texts: (host) => (host.hasAttribute('label') ? [] : payloads.filter((payload) => !/\{\w+\}/.test(payload)).map(asXmlText)) };
    },
    renderInjections: async () => {
      registerLocale('qz', { 'table.period': INJECTIONS[0]!, 'table.nps': INJECTIONS[1]!, 'table.change': INJECTIONS[4]!, 'table.suppressed': '-{minN}', 'table.significant': '@x' });
      return render(html`<nps-trend locale="qz" .counts=${MONTHLY}></nps-trend>`);
    },
    renderSuppressed: () => render(html`<nps-trend .counts=${MONTHLY}></nps-trend>`),
    expectSuppressedRow: (rows) => expect(rows.find((row) => row[0] === '2024-03')).to.deep.equal(['2024-03', 'Fewer than 5 answers: not shown']),
  },
  {
    tag: 'journey-painpoints',
    batch: 20,
    async renderLabels(payloads) {
      // Wide enough for the lane (84 px a stage), where the chart is drawn.
      const hosts = [await render(html`<journey-painpoints style="display:block;width:2200px" .data=${journeyRecords(payloads)}></journey-painpoints>`)];
      return { hosts, texts: (host) => [...host.shadowRoot!.querySelectorAll('[part=stage] .name')].map((name) => asXmlText(name.textContent!)) };
    },
    renderInjections: () => render(html`<journey-painpoints style="display:block;width:900px" .data=${journeyRecords(INJECTIONS)}></journey-painpoints>`),
    renderSuppressed: () => render(html`<journey-painpoints style="display:block;width:900px" .data=${journeyRecords(['Apply', 'Wait', 'Decide'], ['Wait'])}></journey-painpoints>`),
    expectSuppressedRow: (rows) => expect(rows.find((row) => row[0] === 'Wait')).to.deep.equal(['Wait', 'Fewer than 5 answers: not shown']),
  },
  {
    tag: 'council-scorecard',
    batch: null,
    renderInjections: () => {
      const definition = councilDefinition() as { kpis: Record<string, unknown>[] };
      definition.kpis.forEach((kpi, i) => Object.assign(kpi, { label: INJECTIONS[i], owner: INJECTIONS[i + 3] }));
      return render(html`<council-scorecard .definition=${definition} .data=${councilFeedback()}></council-scorecard>`);
    },
    renderSuppressed: () => render(html`<council-scorecard .definition=${councilDefinition()} .data=${councilFeedback()}></council-scorecard>`),
    expectSuppressedRow: (rows) => {
      const header = rows[0]!;
      const row = rows.find((cells) => cells[0] === 'ombudsman')!;
      expect(row[header.indexOf('Value')]).to.equal('');
      expect(row[header.indexOf('Status')]).to.match(/^Fewer than 5/);
      expect(row[header.indexOf('Previous value')]).to.equal('');
    },
  },
];

declare global {
  interface Window {
    __xss?: (id: number) => void;
  }
}

describe('exports are safe', function () {
  this.timeout(120_000);
  const hits: number[] = [];
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);

  before(() => {
    window.__xss = (id: number) => hits.push(id);
    window.addEventListener('error', onError);
  });
  after(() => {
    delete window.__xss;
    window.removeEventListener('error', onError);
  });
  afterEach(() => fixtureCleanup());

  it('notices an unsafe SVG (the checks can fail)', () => {
    const good = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><title>t</title></svg>`;
    expectSafeSvg(good, 'probe');
    for (const bad of ['<script>x</script>', '<foreignObject/>', '<rect onclick="x"/>', '<use href="http://x/#a"/>', '<rect style="fill:url(http://x/#a)"/>', '<image href="#a"/>']) {
      expect(() => expectSafeSvg(good.replace('</svg>', `${bad}</svg>`), 'probe'), bad).to.throw();
    }
    expect(() => expectNoFormula('a,b\r\n=1+1,2\r\n', 'probe')).to.throw(/would run/);
  });

  it('leaves the page\'s interaction state out of the chart: an open stage\'s highlighted column', async () => {
    const el = await render(html`<journey-painpoints style="display:block;width:900px" .data=${journeyRecords(['Apply', 'Wait', 'Decide'])}></journey-painpoints>`);
    const before = el.exportSvg!()!;
    el.shadowRoot!.querySelector<HTMLElement>('[part=stage]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.column-highlight'), 'the page highlights the open stage').to.not.equal(null);
    expect(el.exportSvg!()).to.equal(before);
  });

  for (const entry of EXPORTERS) {
    describe(`<${entry.tag}>`, () => {
      if (entry.batch !== null) {
        it(`exports SVG with the ${XSS_CORPUS.length} XSS payloads in its labels: inert, standalone, labels as text`, async () => {
          let svgs = 0;
          for (let start = 0; start < XSS_CORPUS.length; start += entry.batch!) {
            const payloads = XSS_CORPUS.slice(start, start + entry.batch!);
            const { hosts, texts } = await entry.renderLabels!(payloads);
            for (const host of hosts) {
              const svg = host.exportSvg!();
              expect(svg, `<${entry.tag}> draws a chart`).to.be.a('string');
              const doc = expectSafeSvg(svg!, `<${entry.tag}> payloads ${start}…`);
              svgs++;
              const shown = [...doc.querySelectorAll('text, title')].map((node) => node.textContent!).join('\n');
              if (host.hasAttribute('label')) expect(doc.querySelector('title')!.textContent).to.equal(asXmlText(host.getAttribute('label')!));
              for (const text of texts(host)) expect(shown, 'a label of the chart in the SVG').to.contain(text);
              // Put into the page as it is, nothing in it runs.
              const holder = document.body.appendChild(document.createElement('div'));
              holder.append(document.importNode(doc.documentElement, true));
              await new Promise((resolve) => setTimeout(resolve, 20));
              holder.remove();
            }
            fixtureCleanup();
          }
          expect(svgs).to.be.greaterThan(XSS_CORPUS.length / entry.batch!);
          expect(hits, 'payloads that ran').to.deep.equal([]);
          expect(errors).to.deep.equal([]);
        });

        it('exports the chart as it looks: theme colours resolved from custom properties, the hatching of hidden groups inside the file', async () => {
          const { hosts } = await entry.renderLabels!(['Apply', 'Wait']);
          const host = hosts.at(-1)!;
          host.style.setProperty('--cx-color-line', 'rgb(1, 2, 3)');
          host.style.setProperty('--cx-color-suppressed', 'rgb(4, 5, 6)');
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const svg = host.exportSvg!()!;
          expect(svg).to.contain('stroke:rgb(1, 2, 3)');
          expect(svg).not.to.contain('var(');
          const suppressed = await entry.renderSuppressed();
          suppressed.style.setProperty('--cx-color-suppressed', 'rgb(4, 5, 6)');
          const hatched = expectSafeSvg(suppressed.exportSvg!()!, 'suppressed');
          expect(hatched.querySelector('pattern#cx-hatch line')?.getAttribute('style')).to.contain('stroke:rgb(4, 5, 6)');
          expect(hatched.querySelector('rect[style*="url(#cx-hatch)"]'), 'a hatched gap').to.not.equal(null);
        });

        it('exports PNG: an image/png of twice the chart size, with the chart drawn on it', async () => {
          const { hosts } = await entry.renderLabels!(['<img src=x onerror=__xss(-1)>', 'Wait']);
          const host = hosts.at(-1)!;
          const root = new DOMParser().parseFromString(host.exportSvg!()!, 'image/svg+xml').documentElement;
          const png = await host.exportPng!();
          expect(png!.type).to.equal('image/png');
          expect(png!.size).to.be.greaterThan(1000);
          const bitmap = await createImageBitmap(png!);
          expect([bitmap.width, bitmap.height]).to.deep.equal([Math.round(Number(root.getAttribute('width')) * 2), Math.round(Number(root.getAttribute('height')) * 2)]);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
          const colours = new Set<number>();
          for (let i = 0; i < pixels.length && colours.size < 20; i += 4 * 7) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
          expect(colours.size, 'colours on the image').to.be.greaterThan(3);
          expect((await host.exportPng!(1))!.size).to.be.greaterThan(0);
          expect(hits).to.deep.equal([]);
        });
      }

      it('exports CSV with every cell a spreadsheet would run neutralised', async () => {
        const el = await entry.renderInjections();
        const csv = el.exportCsv()!;
        const rows = expectNoFormula(csv, entry.tag);
        const cells = rows.flat();
        for (const injection of INJECTIONS.slice(0, 5)) {
          if (csv.includes(injection)) expect(cells, injection).to.include(`'${injection}`);
        }
        expect(cells.filter((cell) => cell.startsWith("'")).length, 'neutralised cells').to.be.at.least(3);
        // A negative number the export wrote (a fall in NPS, a change) stays a number, unneutralised.
        expect(cells.some((cell) => /^-\d+(\.\d+)?$/.test(cell)), 'negative numbers stay numbers').to.equal(true);
      });

      it('exports a group below min-n as "not shown", never as a number', async () => {
        const el = await entry.renderSuppressed();
        entry.expectSuppressedRow(parseCsv(el.exportCsv()!));
      });

      it('downloads each format from its button under a sanitised name, and says so', async () => {
        const el = await entry.renderSuppressed();
        el.setAttribute('label', '../../etc/passwd\u202Egpj.exe');
        await el.updateComplete;
        const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=export-button]')];
        expect(buttons.length).to.equal(entry.batch === null ? 1 : 3);
        const downloads = await catchDownloads(async () => {
          for (const button of buttons) {
            const before = el.shadowRoot!.textContent;
            button.click();
            await waitUntil(() => el.shadowRoot!.textContent !== before, 'the download is announced', { timeout: 5000 });
          }
        });
        expect(downloads.map((d) => d.blob.type)).to.deep.equal(['text/csv;charset=utf-8', 'image/svg+xml', 'image/png'].slice(0, buttons.length));
        for (const { name } of downloads) expect(name).not.to.match(/[/\\\u202E]|\.\./);
        const live = [...el.shadowRoot!.querySelectorAll('[aria-live=polite]')].map((region) => region.textContent).join(' ');
        expect(live, 'the polite live region').to.contain(downloads.at(-1)!.name);
        if (entry.batch !== null) expect(downloads.map((d) => d.name)).to.deep.equal(['csv', 'svg', 'png'].map((format) => sanitizeFileName('../../etc/passwd\u202Egpj.exe', format)));
        // A byte-order mark first, so spreadsheet programs read the file as UTF-8.
        expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      });
    });
  }
});
