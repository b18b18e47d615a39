import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import type { JourneyPainpoints, JourneySelectDetail } from '../../src/journey-painpoints/journey-painpoints.ts';
import type { NpsTrendSelectDetail } from '../../src/nps-trend/nps-trend.ts';
import type { CxSelectEvent } from '../../src/events/cx-select.ts';
import { engineClient } from '../../src/worker/client.ts';
import { createEngine } from '../../src/worker/engine.ts';

/** The one comment of the suppressed stage: it must never reach the page. */
const SECRET = 'Decision secret: my case 4471 was refused';

/**
 * Discover: 40 answers, 4 detractors (pain 10 %). Apply: 20 answers, scores i % 11 (14 detractors, 70 %).
 * Wait: 30 answers, 25 detractors (83 %), comments with personal data. Decision: 5 rows, 3 NPS answers
 * (below min-n 5). Two rows have no stage. One row is a duplicate.
 */
function journeyRecords(): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const add = (stage: string | undefined, nps: number, i: number, comment = '', extra: Record<string, unknown> = {}) =>
    records.push({ respondent: `${stage ?? 'none'}-${i}`, date: `2024-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, '0')}`, nps, stage, comment, ...extra });
  for (let i = 0; i < 40; i++) add('Discover', i < 4 ? 3 : 10, i, '', { csat: 5 });
  for (let i = 0; i < 20; i++) add('Apply', i % 11, i, i % 11 <= 6 ? 'The form crashed on upload' : '', { csat: i % 5 + 1 });
  for (let i = 0; i < 30; i++) {
    const negative = i < 25;
    const comment = !negative ? 'Fine' : i < 3 ? `Waited weeks, write to jane.doe${i}@example.com` : i < 5 ? 'Call me on +44 20 7946 0958 about the queue' : 'Long queue at the branch';
    add('Wait', negative ? 2 : 10, i, comment, { csat: negative ? 1 : 5 });
  }
  // Five rows, three of them with an NPS: too few to show, but no count below min-n to protect.
  for (let i = 0; i < 5; i++) add('Decision', i < 3 ? 0 : (null as unknown as number), i, i === 0 ? SECRET : '', { csat: 1 });
  add(undefined, 5, 1);
  add('', 6, 2);
  records.push({ ...records[0] }); // duplicate: same respondent, same day
  return records;
}

async function render(template: ReturnType<typeof html>): Promise<JourneyPainpoints> {
  const el = await fixture<JourneyPainpoints>(template);
  await el.dataComplete;
  return el;
}

const shadow = (el: Element) => el.shadowRoot!;
const stages = (el: JourneyPainpoints) => [...shadow(el).querySelectorAll<HTMLElement>('[part=stage]')];
/** A stage's accessible name: the full sentence a screen reader announces. */
const label = (stage: Element) => stage.querySelector('.visually-hidden')!.textContent!.trim();
const stageNames = (el: JourneyPainpoints) => stages(el).map((s) => s.querySelector('.name')!.textContent!.trim());
const press = async (el: JourneyPainpoints, target: Element, key: string) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  await el.updateComplete;
};
const LISTED = 'Discover,Apply,Wait,Decision';

/** Waits until the open stage's details (themes and verbatims) are rendered. */
async function detailsLoaded(el: JourneyPainpoints): Promise<void> {
  await waitUntil(
    () => {
      const drilldown = shadow(el).querySelector('[part=drilldown]');
      return drilldown && !drilldown.querySelector('[role=status]');
    },
    'details did not load',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

describe('<journey-painpoints>', () => {
  it('shows the stages in the listed order with their measures, and counts rows without a stage', async () => {
    const el = await render(html`<journey-painpoints style="width:900px" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    expect(stageNames(el)).to.deep.equal(['Discover', 'Apply', 'Wait', 'Decision']);
    const [discover, apply, wait] = stages(el);
    expect(discover!.textContent).to.contain('NPS 80').and.contain('10% pain').and.contain('Pain rank 3');
    expect(apply!.textContent).to.contain('NPS -60').and.contain('70% pain');
    expect(wait!.textContent).to.contain('83% pain').and.contain('Pain rank 1').and.contain('Pain point');
    shadow(el).querySelector<HTMLButtonElement>('[part=quality-badge]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=quality-report]')!.textContent).to.match(/Used without a journey stage\s*2/);
  });

  it('hides a second stage when one small stage could be worked out from the totals', async () => {
    const records = journeyRecords().filter((r) => r.stage !== 'Decision' || (r.nps as number) === 0).slice(0, -1);
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${records}></journey-painpoints>`);
    // Decision keeps 3 rows; the smallest shown stage, Apply (20), is hidden with it.
    expect(stages(el).map((s) => s.querySelector('[aria-hidden=true]:not(.name)')?.textContent?.trim())).to.deep.equal([
      'NPS 80',
      'Hidden to protect a small stage',
      'NPS -67',
      'Not enough answers',
    ]);
    expect(label(stages(el)[1]!)).to.equal(
      'Apply, stage 2 of 4: Hidden as well, so that a stage with fewer than 5 answers cannot be worked out from the totals.',
    );
  });

  it('orders the table by pain rank on request, hidden stages last', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    const rowNames = () => [...shadow(el).querySelectorAll('tbody th')].map((th) => th.textContent!.trim());
    expect(rowNames()).to.deep.equal(['Discover', 'Apply', 'Wait', 'Decision']);
    const order = shadow(el).querySelector<HTMLButtonElement>('[part=table-order]')!;
    order.click();
    await el.updateComplete;
    expect(rowNames()).to.deep.equal(['Wait', 'Apply', 'Discover', 'Decision']);
    expect(order.getAttribute('aria-pressed')).to.equal('true');
  });

  it('gives each stage an accessible name with its full meaning, and a summary', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    const wait = label(stages(el)[2]!);
    expect(wait).to.match(/^Wait, stage 3 of 4: NPS -67, 95 % interval -?\d+ to -?\d+\. 83% detractors \(0–6\), 95 % interval \d+% to \d+%\. Pain rank 1, 30 answers\./);
    expect(wait).to.contain('Significantly more pain than the rest of the journey');
    expect(wait).to.match(/p [<=] 0\.\d+/);
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.contain('Most pain: Wait').and.contain('1 stage has fewer than 5 answers');
  });

  it('leaks nothing of a stage below min-n: not in the chart, labels, table, details or events', async () => {
    const el = await render(html`<journey-painpoints style="width:900px" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    const decision = stages(el)[3]!;
    expect(label(decision)).to.equal('Decision, stage 4 of 4: Fewer than 5 answers: not shown.');
    expect([...decision.querySelectorAll('[aria-hidden=true]')].map((e) => e.textContent!.trim())).to.deep.equal(['Decision', 'Not enough answers']);
    // The chart draws three points and three bars: none for Decision.
    expect(shadow(el).querySelectorAll('svg[part=chart] .point')).to.have.length(3);
    expect(shadow(el).querySelectorAll('svg[part=chart] .pain-bar')).to.have.length(3);
    expect(shadow(el).querySelectorAll('svg[part=chart] .gap')).to.have.length(1);

    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    const row = [...shadow(el).querySelectorAll('tbody tr')][3]!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent!.trim())).to.deep.equal(['Fewer than 5 answers: not shown']);

    const client = engineClient();
    const askDetail = client.queryStageDetail;
    const asked: string[] = [];
    client.queryStageDetail = (key, query) => (asked.push(query.stage), askDetail.call(client, key, query));
    const selected = oneEvent(el, 'cx-select') as Promise<CxSelectEvent<JourneySelectDetail>>;
    decision.click();
    const { detail } = await selected;
    expect(detail).to.deep.equal({ stage: 'Decision', values: ['Decision'], measures: null, filter: { stage: ['Decision'] } });
    await el.updateComplete;
    client.queryStageDetail = askDetail;
    expect(asked, 'no detail is even asked for').to.deep.equal([]);
    const drilldown = shadow(el).querySelector('[part=drilldown]')!;
    expect(drilldown.textContent).to.contain('Fewer than 5 answers: not shown').and.contain('No measures, themes or comments are shown for it.');
    expect(drilldown.querySelector('[part=verbatims]')).to.equal(null);
    expect(shadow(el).innerHTML).not.to.contain('Decision secret');
    expect(JSON.stringify(detail)).not.to.match(/\d/);
  });

  it('does not return themes or comments of a suppressed stage even when asked directly', async () => {
    const engine = createEngine();
    await engine.loadRecords('k', journeyRecords(), '');
    const base = { metric: 'nps' as const, minN: 5, stages: LISTED.split(','), verbatims: 5 };
    const result = await engine.queryStageDetail('k', { ...base, stage: 'Decision' });
    expect(result).to.deep.equal({
      ok: true,
      value: { stage: 'Decision', suppressed: true, negativeComments: 0, themeSource: 'comments', themes: [], verbatims: [] },
    });
    const journey = await engine.queryJourney('k', base);
    expect(JSON.stringify(journey)).not.to.contain('secret');
  });

  it('opens a stage with Enter: cx-select with its measures, and redacted verbatims and themes in the details', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    const lane = shadow(el).querySelector('[part=stages]')!;
    await press(el, lane, 'ArrowRight');
    await press(el, lane, 'ArrowRight');
    const selected = oneEvent(el, 'cx-select') as Promise<CxSelectEvent<JourneySelectDetail>>;
    await press(el, lane, 'Enter');
    const { detail } = await selected;
    expect(detail.stage).to.equal('Wait');
    expect(detail.measures!.n).to.equal(30);
    expect(detail.measures!.pain.count).to.equal(25);
    expect(detail.filter).to.deep.equal({ stage: ['Wait'] });
    await detailsLoaded(el);
    const drilldown = shadow(el).querySelector('[part=drilldown]')!;
    const verbatims = [...drilldown.querySelectorAll('[part=verbatims] blockquote')].map((q) => q.textContent!.trim());
    expect(verbatims.length).to.be.within(1, 5);
    expect(verbatims.some((v) => v.includes('[email]') || v.includes('[phone]'))).to.equal(true);
    expect(shadow(el).innerHTML).not.to.match(/jane\.doe|7946/);
    expect(drilldown.querySelector('[part=themes]')!.textContent).to.contain('queue');
    expect(stages(el)[2]!.getAttribute('aria-selected')).to.equal('true');
  });

  it('closes the details with Escape and returns focus to the stage', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    stages(el)[1]!.click();
    await detailsLoaded(el);
    const close = shadow(el).querySelector<HTMLButtonElement>('[part=drilldown-close]')!;
    close.focus();
    await press(el, close, 'Escape');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=drilldown]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(stages(el)[1]);
  });

  it('moves with Home, End and the arrows, which follow the visual direction in Arabic', async () => {
    const el = await render(html`<journey-painpoints locale="ar" style="width:900px" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    const lane = shadow(el).querySelector('[part=stages]')!;
    const active = () => shadow(el).querySelector('[part=stage][tabindex="0"] .name')!.textContent;
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    await press(el, lane, 'ArrowLeft');
    expect(active()).to.equal('Apply');
    await press(el, lane, 'ArrowRight');
    expect(active()).to.equal('Discover');
    await press(el, lane, 'End');
    expect(active()).to.equal('Decision');
    await press(el, lane, 'Home');
    expect(active()).to.equal('Discover');
    // The first stage is drawn on the right.
    const points = [...shadow(el).querySelectorAll('svg[part=chart] .point')].map((p) => Number(p.getAttribute('cx')));
    expect(points[0]).to.be.greaterThan(points[2]!);
    expect(label(stages(el)[0]!)).to.match(/^Discover، المرحلة (1|١) من (4|٤)/);
  });

  it('becomes a vertical list on a narrow card, moved through with the up and down arrows', async () => {
    const el = await render(html`<journey-painpoints style="width:320px" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    await waitUntil(() => shadow(el).querySelector('.stages.list'), 'no list at 320 px');
    const lane = shadow(el).querySelector('[part=stages]')!;
    expect(lane.getAttribute('aria-orientation')).to.equal('vertical');
    expect(shadow(el).querySelector('svg[part=chart]')).to.equal(null);
    await press(el, lane, 'ArrowDown');
    expect(shadow(el).querySelector('[part=stage][tabindex="0"] .name')!.textContent).to.equal('Apply');
    expect(shadow(el).querySelectorAll('.list-bar')).to.have.length(3);
  });

  it('switches the pain measure with metric, and reports an unknown metric', async () => {
    const el = await render(html`<journey-painpoints metric="csat" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    // Apply CSAT (i % 5) + 1: 1–2 for 8 of 20 answers.
    expect(stages(el)[1]!.textContent).to.contain('40% pain');
    expect(label(stages(el)[1]!)).to.contain('40% dissatisfied (1–2)');
    const failed = oneEvent(el, 'cx-error');
    el.metric = 'effort' as never;
    expect((await failed).detail.message).to.contain('metric="effort"');
  });

  it('says when the data has no stage column', async () => {
    const el = document.createElement('journey-painpoints');
    el.data = [{ date: '2024-01-01', nps: 3 }];
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    const { detail } = await failed;
    expect([detail.code, detail.message]).to.deep.equal(['missing-column', 'The data has no “stage” column. Map your column with fields="stage:your_column".']);
    el.remove();
  });

  it('works from a CSV file: numeric prefixes order the stages, and a stage-less row is counted', async () => {
    const el = await render(html`<journey-painpoints src="/test/fixtures/journey.csv"></journey-painpoints>`);
    expect(stageNames(el)).to.deep.equal(['Discover', 'Apply', 'Wait', 'Decision']);
    expect(stages(el)[3]!.textContent).to.contain('Not enough answers');
    stages(el)[2]!.click();
    await detailsLoaded(el);
    expect(shadow(el).querySelector('[part=verbatims]')!.textContent).to.contain('[email]').and.not.contain('kowalska');
  });

  it('uses the data’s theme column when there is one', async () => {
    const records = journeyRecords().map((r, i) => ({ ...r, theme: r.stage === 'Wait' && i % 2 ? 'Queue' : '' }));
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${records}></journey-painpoints>`);
    stages(el)[2]!.click();
    await detailsLoaded(el);
    const themes = shadow(el).querySelector('.themes')!;
    expect(themes.querySelector('h4')!.textContent).to.equal('Themes of negative answers');
    expect(themes.querySelector('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Queue \d+ answers$/);
  });

  it('filters by the filter property: a day range, or a segment as an attribute', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    el.filter = { from: '2024-01-01', to: '2024-01-31' };
    await el.dataComplete;
    // January holds every sixth answer: Discover 7, Apply 4 (suppressed), Wait 5.
    expect(stages(el).map((s) => label(s).match(/, (\d+) answers\./)?.[1] ?? 'hidden')).to.deep.equal(['7', 'hidden', '5', 'hidden']);
    el.filter = 'stage:Wait';
    await el.dataComplete;
    expect(stageNames(el), 'stages outside the filter are left out, not called small').to.deep.equal(['Wait']);
    el.filter = { from: 'last week' };
    await el.dataComplete;
    expect(shadow(el).querySelector('[part=status].error')!.textContent).to.contain('filter.from="last week"');
  });

  it('cross-filters with <nps-trend>: a selected stage filters the trend, a selected period the journey', async () => {
    const container = await fixture<HTMLDivElement>(html`<div>
      <journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>
      <nps-trend interval="month"></nps-trend>
    </div>`);
    const journey = container.querySelector('journey-painpoints')!;
    const trend = container.querySelector('nps-trend')!;
    trend.data = journey.data;
    await journey.dataComplete;
    await trend.dataComplete;
    journey.addEventListener('cx-select', (e) => (trend.filter = (e as CxSelectEvent<JourneySelectDetail>).detail.filter));
    trend.addEventListener('cx-select', (e) => (journey.filter = (e as CxSelectEvent<NpsTrendSelectDetail>).detail.filter));
    const answers = () => [...shadow(trend).querySelectorAll('.point')].reduce((n, p) => n + Number(p.getAttribute('aria-label')!.match(/(\d+) answers?\b/)![1]), 0);
    expect(answers()).to.equal(95);

    stages(journey)[2]!.click();
    await trend.dataComplete;
    expect(answers()).to.equal(30);

    const selected = oneEvent(trend, 'cx-select') as Promise<CxSelectEvent<NpsTrendSelectDetail>>;
    shadow(trend).querySelector<SVGElement>('.point')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await selected;
    expect(detail.filter).to.deep.equal({ from: '2024-01-01', to: '2024-01-31' });
    await journey.dataComplete;
    expect(label(stages(journey)[2]!)).to.contain('5 answers');
  });

  it('renders hostile stage names and comments as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const records = journeyRecords().map((r) => (r.stage === 'Wait' ? { ...r, stage: hostile, comment: `${hostile} slow` } : r));
    const el = await render(html`<journey-painpoints .data=${records}></journey-painpoints>`);
    const stage = stages(el).find((s) => s.textContent!.includes('<img'))!;
    stage.click();
    await detailsLoaded(el);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(shadow(el).querySelector('[part=verbatims]')!.textContent).to.contain('<img');
  });

  it('is accessible with the details and the table open', async () => {
    const el = await render(html`<journey-painpoints stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>`);
    stages(el)[2]!.click();
    await detailsLoaded(el);
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible in Arabic, right to left, in the dark theme and as a narrow list', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar">
      <journey-painpoints theme="dark" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>
      <journey-painpoints style="width:320px" stages=${LISTED} .data=${journeyRecords()}></journey-painpoints>
    </div>`);
    const [wide, narrow] = [...wrapper.querySelectorAll('journey-painpoints')];
    await wide!.dataComplete;
    await narrow!.dataComplete;
    stages(wide!)[2]!.click();
    await detailsLoaded(wide!);
    await expect(wrapper).to.be.accessible();
  });
});
