import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/council-scorecard/index.ts';
import type { CouncilScorecard, ScorecardSelectDetail } from '../../src/council-scorecard/council-scorecard.ts';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';
import type { CxSelectEvent } from '../../src/events/cx-select.ts';
import { serviceCouncil } from '../fixtures/service-council.ts';


/**
 * As of 10 July 2025 the council reviews June. Hand-computed from the fixture:
 * - acceptance: June 4 accepted of 5 submitted (the "n/a" wait does not matter to it; the row dated
 *   31 June is rejected for its date) = 80 %; target ≥ 85 within 10 → amber. May 5/6 = 83.3 %.
 * - outages: June 45 min, May 30; target ≤ 40, no tolerance → red, with no action → "no action agreed".
 * - complaints: inline series, June exactly 90 against a target of 90 → green.
 * - NPS from the data property: June 13 answers, 7 promoters and 3 detractors → 30.8, target 30 →
 *   green; the Ombudsman alone has 3 answers → below min-n 5 → grey, and its number never appears.
 */
function feedbackRecords(): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const scores = [10, 10, 9, 9, 9, 9, 8, 7, 7, 3];
  scores.forEach((nps, i) => records.push({ respondent: `p${i}`, date: `2025-06-${String(i + 1).padStart(2, '0')}`, nps, department: 'Tax' }));
  [2, 3, 10].forEach((nps, i) => records.push({ respondent: `o${i}`, date: `2025-06-2${i}`, nps, department: 'Ombudsman' }));
  return records;
}

const definition = serviceCouncil;

async function render(template: ReturnType<typeof html>): Promise<CouncilScorecard> {
  const el = await fixture<CouncilScorecard>(template);
  await el.dataComplete;
  return el;
}

const renderCouncil = (extra: Partial<CouncilScorecard> = {}) =>
  render(html`<council-scorecard .definition=${definition()} .data=${feedbackRecords()} .groupBy=${extra.groupBy ?? 'none'} ?compact=${extra.compact ?? false}></council-scorecard>`);

const shadow = (el: Element) => el.shadowRoot!;
const rowOf = (el: CouncilScorecard, id: string) => shadow(el).querySelector<HTMLElement>(`[part=row][data-id="${id}"]`)!;
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowIds = (el: CouncilScorecard) => [...shadow(el).querySelectorAll<HTMLElement>('[part=row]')].map((row) => row.dataset.id);

describe('<council-scorecard>', () => {
  // Wide enough for the table; the compact cards take over below 880 px.
  before(() => setViewport({ width: 1400, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('shows each KPI with its value, target and status as icon and text', async () => {
    const el = await renderCouncil();
    expect(text(rowOf(el, 'acceptance'))).to.include('80%').and.include('At risk').and.include('at least 85%');
    expect(text(rowOf(el, 'outages'))).to.include('45 min').and.include('Off track');
    expect(text(rowOf(el, 'complaints'))).to.include('90%').and.include('On track');
    // All 13 June answers, the Ombudsman's included: 7 promoters, 3 detractors → 30.8.
    expect(text(rowOf(el, 'nps'))).to.include('30.8').and.include('On track');
    const pill = rowOf(el, 'outages').querySelector('[part=status-pill]')!;
    expect(text(pill.querySelector('.icon'))).to.equal('✕');
    expect(pill.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('never shows a number for a segment below min-n', async () => {
    const el = await renderCouncil();
    const row = rowOf(el, 'ombudsman');
    expect(text(row)).to.include('Fewer than 5');
    expect(text(row.querySelector('.value'))).to.equal('—');
    // 3 answers: NPS (1 − 2)/3 = −33.3; neither it nor the count may leak, not even in the details.
    const details = shadow(el).querySelector(`#${row.querySelector('[part=kpi]')!.getAttribute('aria-controls')}`)!;
    expect(text(details)).not.to.match(/-33|−33|\b3\b answers/);
  });

  it('counts statuses and flags in the summary', async () => {
    const el = await renderCouncil();
    const summary = text(shadow(el).querySelector('[part=summary]'));
    expect(summary).to.include('2 on track').and.include('1 at risk').and.include('1 off track').and.include('3 without a status');
    // outages: reviewed 1 March + 1 month < 10 July; missing-file was never reviewed: its file failed, its
    // review is still overdue. handling's definition could not be read, so it has no flags at all.
    expect(summary).to.include('2 reviews overdue').and.include('1 due date missed').and.include('1 off track with no action agreed');
    expect(summary).to.include('1 open action (1 overdue)');
  });

  it('gives a bad KPI its own error row and a cx-error naming it, while the others render', async () => {
    const el = document.createElement('council-scorecard') as CouncilScorecard;
    const errors: CxErrorEvent[] = [];
    el.addEventListener('cx-error', (event) => errors.push(event as CxErrorEvent));
    el.definition = definition();
    el.data = feedbackRecords();
    const container = await fixture(html`<div></div>`);
    container.append(el);
    await el.dataComplete;
    const invalid = errors.find((e) => e.detail.params.kpi === 'handling')!;
    expect(invalid.detail.code).to.equal('bad-kpi');
    expect(invalid.detail.params.field).to.equal('unit');
    const missing = errors.find((e) => e.detail.params.kpi === 'missing-file')!;
    expect(missing.detail.code).to.equal('not-found');
    // Why, on the row itself: nobody has to open it to learn what to fix.
    expect(text(rowOf(el, 'handling'))).to.include('Definition error').and.include('“unit” is “minutes”');
    expect(text(rowOf(el, 'missing-file'))).to.include('Source failed').and.include('not found').and.include('Review overdue (never reviewed)');
    const button = rowOf(el, 'handling').querySelector<HTMLButtonElement>('[part=kpi]')!;
    button.click();
    await el.updateComplete;
    const details = shadow(el).querySelector(`#${button.getAttribute('aria-controls')}`)!;
    expect(details.hasAttribute('hidden')).to.equal(false);
    expect(text(details)).to.include('“unit” is “minutes”');
    expect(rowIds(el)).to.have.length(7);
  });

  it('says on the row when a filter names a value no row has, instead of showing empty months', async () => {
    const typo = definition();
    (typo.kpis as Record<string, unknown>[])[4] = { ...(typo.kpis as Record<string, unknown>[])[4], source: { metric: 'nps', filter: 'department:ombudsman' } };
    const el = await render(html`<council-scorecard .definition=${typo} .data=${feedbackRecords()}></council-scorecard>`);
    expect(text(rowOf(el, 'ombudsman'))).to.include('Source failed').and.include('No row has department “ombudsman”');
  });

  it('opens a KPI on click and fires cx-select with its value and period', async () => {
    const el = await renderCouncil();
    const button = rowOf(el, 'acceptance').querySelector<HTMLButtonElement>('[part=kpi]')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'cx-select')) as CxSelectEvent<ScorecardSelectDetail>;
    expect(event.detail).to.include({ id: 'acceptance', status: 'amber', period: '2025-06', unit: '%', owner: 'Head of Eligibility', expanded: true });
    expect(event.detail.value).to.be.closeTo(80, 1e-9);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = shadow(el).querySelector(`#${button.getAttribute('aria-controls')}`)!;
    expect(text(details)).to.include('Simplify the form').and.include('open, overdue');
    // The sparkline's numbers as a table: April 3/5 = 60 %, May 5/6, June 4/5.
    expect(text(details.querySelector('table'))).to.include('60%').and.include('83.3%').and.include('80%');
  });

  it('carries the rows a feedback KPI reads as a filter in cx-select, and none for a KPI from a file', async () => {
    const el = await renderCouncil();
    const open = async (id: string) => {
      const button = rowOf(el, id).querySelector<HTMLButtonElement>('[part=kpi]')!;
      setTimeout(() => button.click());
      return ((await oneEvent(el, 'cx-select')) as CxSelectEvent<ScorecardSelectDetail>).detail;
    };
    // `department:Ombudsman` in the definition, in the form another element's `filter` property takes.
    expect((await open('ombudsman')).filter).to.deep.equal({ segment: { department: ['Ombudsman'] } });
    // Every answer: an empty filter, which clears a segment on the element it is given to.
    expect((await open('nps')).filter).to.deep.equal({});
    const fromFile = await open('acceptance');
    expect(fromFile).not.to.have.property('filter');
  });

  it('sorts by a column with aria-sort, worst status first, and groups by owner', async () => {
    const el = await renderCouncil();
    const statusHeader = [...shadow(el).querySelectorAll('th')].find((th) => text(th).startsWith('Status'))!;
    statusHeader.querySelector('button')!.click();
    await el.updateComplete;
    expect(statusHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowIds(el).slice(0, 2)).to.deep.equal(['outages', 'acceptance']);
    expect(rowIds(el).slice(-2)).to.deep.equal(['complaints', 'nps']);
    statusHeader.querySelector('button')!.click();
    await el.updateComplete;
    expect(statusHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(rowIds(el)[0]).to.equal('complaints');

    el.sortBy = 'definition';
    el.groupBy = 'owner';
    await el.updateComplete;
    const groups = [...shadow(el).querySelectorAll('tr.group th')].map(text);
    expect(groups[0]).to.equal('CCO (2)');
    expect(shadow(el).querySelectorAll("table.scorecard > tbody")).to.have.length(groups.length);
  });

  it('moves between KPIs with the arrow keys', async () => {
    const el = await renderCouncil();
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=kpi]')];
    buttons[0]!.focus();
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(shadow(el).activeElement).to.equal(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(shadow(el).activeElement).to.equal(buttons[buttons.length - 1]);
  });

  it('prints every row expanded and no controls', async () => {
    const el = await renderCouncil();
    await emulateMedia({ media: 'print' });
    const details = [...shadow(el).querySelectorAll<HTMLElement>('tr.details')];
    expect(details).to.have.length(7);
    for (const row of details) expect(getComputedStyle(row).display).to.equal('table-row');
    expect(getComputedStyle(shadow(el).querySelector('[part=toolbar]')!).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
    expect(getComputedStyle(details[0]!).display).to.equal('none');
  });

  it('exports the shown rows as CSV, in the shown order', async () => {
    const el = await renderCouncil();
    el.sortBy = 'status';
    await el.updateComplete;
    const original = URL.createObjectURL;
    let blob: Blob | null = null;
    URL.createObjectURL = (object: Blob | MediaSource) => ((blob = object as Blob), 'blob:test');
    const click = HTMLAnchorElement.prototype.click;
    let fileName = '';
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      fileName = this.download;
    };
    try {
      shadow(el).querySelector<HTMLButtonElement>('[part=export-button]')!.click();
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(fileName).to.equal('Service-Council-2025-06.csv');
    const csv = (await blob!.text()).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).to.have.length(8);
    expect(lines[1]).to.match(/^outages,Portal outage minutes,CIO,2025-06,45,min,40,0,Off track,30,15,50,/);
    expect(lines[2]).to.match(/^acceptance,Applications accepted,Head of Eligibility,2025-06,80,%,85,10,At risk,83.33,-3.33,-4,/);
  });

  it('shows cards in compact mode', async () => {
    const el = await renderCouncil({ compact: true });
    expect(shadow(el).querySelector('table.scorecard')).to.equal(null);
    expect(shadow(el).querySelectorAll('li[part=row]')).to.have.length(7);
  });

  it('is accessible with every row open', async () => {
    const el = await renderCouncil({ groupBy: 'status' });
    shadow(el).querySelector<HTMLButtonElement>('.toolbar button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible in Arabic, right to left, dark, and in compact mode', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <council-scorecard locale="ar" theme="dark" .definition=${definition()} .data=${feedbackRecords()}></council-scorecard>
      <council-scorecard locale="ar" compact .definition=${definition()} .data=${feedbackRecords()}></council-scorecard>
    </div>`);
    const [wide, compact] = [...wrapper.querySelectorAll<CouncilScorecard>('council-scorecard')];
    await wide!.dataComplete;
    await compact!.dataComplete;
    expect(shadow(wide!).querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(text(shadow(wide!).querySelector('.title'))).to.equal('مجلس الخدمة');
    await expect(wrapper).to.be.accessible();
  });

  it('loads a definition from src and reads files relative to it', async () => {
    const el = await render(html`<council-scorecard src="/test/fixtures/council.json"></council-scorecard>`);
    expect(text(rowOf(el, 'outages'))).to.include('45 min');
  });

  it('says clearly when the definition cannot be read', async () => {
    const el = await render(html`<council-scorecard .definition=${{ council: { name: 'X', cadence: 'yearly' }, kpis: [] }}></council-scorecard>`);
    expect(text(shadow(el).querySelector('[part=status]'))).to.include('cadence');
  });
});
