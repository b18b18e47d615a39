import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/nps-trend/index.ts';
import type { NpsTrend, NpsTrendSelectDetail } from '../../src/nps-trend/nps-trend.ts';
import type { CxSelectEvent } from '../../src/events/cx-select.ts';

/**
 * Six months of answers; March has only 3 (below min-n 5), so it must never show, and April (19,
 * the smallest other month) is hidden with it: otherwise the accepted rows in the quality report
 * minus the shown months would give March's 3 back (complementary suppression).
 * Per month m (Jan=1…): 20 answers (April 19) with scores (i + m) % 11.
 */
function sampleRecords(): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (let month = 1; month <= 6; month++) {
    const answers = month === 3 ? 3 : month === 4 ? 19 : 20;
    for (let i = 0; i < answers; i++) {
      records.push({ respondent: `p${i}@example.org`, date: `2024-0${month}-${String((i % 28) + 1).padStart(2, '0')}`, nps: (i + month) % 11 });
    }
  }
  // A duplicate (same person, same day, e-mail in another case) and a broken row.
  records.push({ respondent: ' P0@Example.org ', date: '2024-01-01', nps: 3 });
  records.push({ respondent: 'x@example.org', date: 'yesterday', nps: 9 });
  return records;
}

async function render(template: ReturnType<typeof html>): Promise<NpsTrend> {
  const el = await fixture<NpsTrend>(template);
  await el.dataComplete;
  return el;
}

const shadow = (el: NpsTrend) => el.shadowRoot!;
const points = (el: NpsTrend) => [...shadow(el).querySelectorAll<SVGCircleElement>('.point')];

describe('<nps-trend>', () => {
  it('reports the data quality in cx-load: accepted, duplicates and rejected rows', async () => {
    const el = document.createElement('nps-trend');
    el.data = sampleRecords();
    const loaded = oneEvent(el, 'cx-load');
    document.body.append(el);
    const { detail } = await loaded;
    expect(detail.quality!.totalRows).to.equal(104);
    expect(detail.quality!.accepted).to.equal(102);
    expect(detail.quality!.duplicates).to.equal(1);
    expect(detail.quality!.rejected).to.equal(1);
    expect(detail.quality!.reasons[0]).to.include({ reason: 'invalid-date', count: 1 });
    el.remove();
  });

  it('draws one point per shown period and none for the suppressed one or the one hidden to protect it', async () => {
    const el = await render(html`<nps-trend style="width:640px" .data=${sampleRecords()}></nps-trend>`);
    const labels = points(el).map((p) => p.getAttribute('aria-label')!);
    expect(labels).to.have.length(4);
    expect(labels.join(' ')).not.to.contain('Mar 2024');
    expect(labels.join(' ')).not.to.contain('Apr 2024');
    expect(shadow(el).querySelectorAll('svg[part=chart] .gap')).to.have.length(2);
    expect(shadow(el).querySelector('[part=legend]')!.textContent).to.contain('Hidden: 2 periods with fewer than 5 answers');
  });

  it('labels each point with period, NPS, interval, answers and change', async () => {
    const el = await render(html`<nps-trend .data=${sampleRecords()}></nps-trend>`);
    // January: scores (i+1)%11 for i=0..19 → promoters {9,10} ×2 = 4 … computed by hand:
    // values 1..10,0,1..9 → promoters: 9,10,9 = 3; passives: 7,8,7,8 = 4; detractors: 13 → NPS = 100·(3−13)/20 = −50.
    expect(points(el)[0]!.getAttribute('aria-label')).to.match(/^Jan 2024: NPS -50, 95 % interval -?\d+ to -?\d+, 20 answers\. No comparison/);
    // February compares with January (adjacent and shown); May cannot compare with hidden April.
    expect(points(el)[1]!.getAttribute('aria-label')).to.match(/from the period before/);
    expect(points(el)[2]!.getAttribute('aria-label')).to.contain('No comparison: the period before has fewer than 5 answers.');
  });

  it('lists a suppressed period in the table as "fewer than 5" without any of its numbers', async () => {
    const el = await render(html`<nps-trend .data=${sampleRecords()}></nps-trend>`);
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((row) => row.querySelector('th')!.textContent!.trim());
    expect(rows).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024', 'Jun 2024']);
    const march = shadow(el).querySelectorAll('tbody tr')[2]!;
    expect(march.querySelectorAll('td')).to.have.length(1);
    expect(march.querySelector('td')!.textContent!.trim()).to.equal('Fewer than 5 answers: not shown');
  });

  it('moves between periods with the arrow keys, Home and End, and selects with Enter', async () => {
    const el = await render(html`<nps-trend .data=${sampleRecords()}></nps-trend>`);
    const chart = shadow(el).querySelector('svg[part=chart]')!;
    const active = () => shadow(el).querySelector('.point[tabindex="0"]')!.getAttribute('aria-label')!;
    expect(shadow(el).querySelectorAll('.point[tabindex="0"]')).to.have.length(1);
    expect(active()).to.match(/^Jun 2024/);
    const press = async (key: string) => {
      chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await press('Home');
    expect(active()).to.match(/^Jan 2024/);
    await press('ArrowRight');
    expect(active()).to.match(/^Feb 2024/);
    await press('ArrowRight');
    expect(active()).to.match(/^May 2024/);
    await press('ArrowLeft');
    expect(active()).to.match(/^Feb 2024/);
    await press('End');
    expect(active()).to.match(/^Jun 2024/);
    await press('ArrowLeft');
    const selected = oneEvent(el, 'cx-select') as Promise<CxSelectEvent<NpsTrendSelectDetail>>;
    await press('Enter');
    const { detail } = await selected;
    expect(detail).to.include({ period: '2024-05', start: '2024-05-01', label: 'May 2024', n: 20 });
    expect(shadow(el).querySelector('.point[aria-selected="true"]')!.getAttribute('aria-label')).to.match(/^May 2024/);
  });

  it('never selects a suppressed period', async () => {
    const el = await render(html`<nps-trend .data=${sampleRecords()}></nps-trend>`);
    const periods: string[] = [];
    el.addEventListener('cx-select', (event) => periods.push((event as CxSelectEvent<NpsTrendSelectDetail>).detail.period));
    for (const point of points(el)) point.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(periods).to.deep.equal(['2024-01', '2024-02', '2024-05', '2024-06']);
  });

  it('runs time right to left in Arabic, with arrows following the visual direction', async () => {
    const el = await render(html`<nps-trend locale="ar" style="width:640px" .data=${sampleRecords()}></nps-trend>`);
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    const xs = points(el).map((p) => Number(p.getAttribute('cx')));
    expect(xs[0]).to.be.greaterThan(xs[xs.length - 1]!);
    const chart = shadow(el).querySelector('svg[part=chart]')!;
    const activeX = () => Number(shadow(el).querySelector('.point[tabindex="0"]')!.getAttribute('cx'));
    const before = activeX();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(activeX()).to.be.greaterThan(before);
    expect(shadow(el).querySelector('[part=table-toggle]')!.textContent!.trim()).to.equal('عرض الجدول');
  });

  it('accepts pre-aggregated counts and suppresses small periods in them', async () => {
    const counts = [
      { period: '2025-Q1', promoters: 50, passives: 30, detractors: 20 },
      { period: '2025-Q2', promoters: 2, passives: 1, detractors: 0 },
      { period: '2025-Q3', histogram: [1, 1, 1, 1, 1, 1, 4, 10, 10, 20, 30] },
    ];
    const el = await render(html`<nps-trend interval="quarter" .counts=${counts}></nps-trend>`);
    const labels = points(el).map((p) => p.getAttribute('aria-label')!);
    // Q1: 100·(50−20)/100 = 30. Q2 (3 answers) is suppressed, and Q3 (80, the smaller of the other
    // two) is hidden with it, so that the three quarters' total cannot give Q2 back.
    expect(labels.map((l) => l.split(',')[0])).to.deep.equal(['Q1 2025: NPS 30']);
  });

  it('filters to one value of a dimension', async () => {
    const records = sampleRecords().map((r, i) => ({ ...r, channel: i % 2 ? 'Phone' : 'Web' }));
    const el = await render(html`<nps-trend filter="channel:Phone" min-n="1" .data=${records}></nps-trend>`);
    const answers = points(el).map((p) => Number(/(\d+) answers?\b/.exec(p.getAttribute('aria-label')!)![1]));
    expect(answers.reduce((a, b) => a + b, 0)).to.equal(51);
  });

  it('hides the confidence band with show-ci="false"', async () => {
    const el = await render(html`<nps-trend show-ci="false" .data=${sampleRecords()}></nps-trend>`);
    expect(el.showCi).to.equal(false);
    expect(shadow(el).querySelector('.band')).to.equal(null);
  });

  it('opens the data-quality report from its badge', async () => {
    const el = await render(html`<nps-trend .data=${sampleRecords()}></nps-trend>`);
    const badge = shadow(el).querySelector<HTMLButtonElement>('[part=quality-badge]')!;
    expect(badge.textContent).to.contain('1 row skipped · 1 duplicate');
    badge.click();
    await el.updateComplete;
    expect(badge.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).querySelector('[part=quality-report]')!.textContent).to.contain('Date not recognised');
  });

  it('shows a clear error and fires cx-error for a missing file', async () => {
    const el = document.createElement('nps-trend');
    el.src = '/test/fixtures/does-not-exist.csv';
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('not-found');
    await el.dataComplete;
    const alert = shadow(el).querySelector('[part=status].error')!;
    expect(alert.textContent).to.contain('The data file was not found');
    expect(alert.textContent).not.to.match(/at \w+ \(|Error:/);
    el.remove();
  });

  it('says a web page is not data', async () => {
    const el = document.createElement('nps-trend');
    el.src = '/test/fixtures/login-page.csv';
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    expect((await failed).detail.code).to.equal('not-csv');
    el.remove();
  });

  it('explains when no row is usable, and still offers the quality report', async () => {
    const el = document.createElement('nps-trend');
    el.src = '/test/fixtures/all-invalid.csv';
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    expect((await failed).detail).to.include({ code: 'no-rows' });
    await el.dataComplete;
    expect(shadow(el).querySelector('[part=status].error')!.textContent).to.contain('None of the 3 rows could be used');
    expect(shadow(el).querySelector('[part=quality-badge]')!.textContent).to.contain('3 rows skipped');
    el.remove();
  });

  it('explains a header-only file in Arabic', async () => {
    const el = document.createElement('nps-trend');
    el.locale = 'ar';
    el.src = '/test/fixtures/header-only.csv';
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('no-rows');
    expect(detail.message).to.contain('لم يمكن استخدام');
    el.remove();
  });

  it('is accessible with the table open', async () => {
    const el = await render(html`<nps-trend target="10" .data=${sampleRecords()}></nps-trend>`);
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible in Arabic, right to left, in the dark theme', async () => {
    const el = await render(html`<div dir="rtl" lang="ar"><nps-trend theme="dark" .data=${sampleRecords()}></nps-trend></div>`);
    const chart = el.querySelector('nps-trend') as NpsTrend;
    await chart.dataComplete;
    await expect(el).to.be.accessible();
  });

  it('redraws at a new width', async () => {
    const el = await render(html`<nps-trend style="width:800px" .data=${sampleRecords()}></nps-trend>`);
    const wide = Number(points(el).at(-1)!.getAttribute('cx'));
    el.style.width = '400px';
    await aTimeout(50);
    await el.updateComplete;
    expect(Number(points(el).at(-1)!.getAttribute('cx'))).to.be.lessThan(wide);
  });

  it('keeps suppressing when min-n is removed, emptied or not a number', async () => {
    const el = await render(html`<nps-trend min-n="10" .data=${sampleRecords()}></nps-trend>`);
    for (const value of [null, '', 'five', '0']) {
      if (value === null) el.removeAttribute('min-n');
      else el.setAttribute('min-n', value);
      await el.dataComplete;
      expect(el.minN, String(value)).to.equal(5);
      expect(points(el).map((p) => p.getAttribute('aria-label')).join(' '), String(value)).not.to.contain('Mar 2024');
    }
  });

  it('goes back to monthly when the interval attribute is removed or emptied', async () => {
    const el = await render(html`<nps-trend interval="quarter" min-n="1" .data=${sampleRecords()}></nps-trend>`);
    const quarters = points(el).length;
    for (const change of [() => el.removeAttribute('interval'), () => el.setAttribute('interval', ' ')]) {
      el.setAttribute('interval', 'quarter');
      await el.dataComplete;
      change();
      await el.dataComplete;
      expect(el.interval).to.equal('month');
      expect(el.shadowRoot!.querySelector('[part=status].error')).to.equal(null);
      expect(points(el).length).to.be.greaterThan(quarters);
    }
  });

  it('reports an unknown interval, a non-numeric target and a bad from date instead of guessing', async () => {
    for (const [name, value] of [['interval', 'weekly'], ['target', '40%'], ['from', '03/01/2024']] as const) {
      const el = document.createElement('nps-trend');
      el.data = sampleRecords();
      el.setAttribute(name, value);
      const failed = oneEvent(el, 'cx-error');
      document.body.append(el);
      const { detail } = await failed;
      expect(detail.code, name).to.equal('bad-data');
      expect(detail.message, name).to.contain(value);
      el.remove();
    }
  });

  it('refuses to filter pre-aggregated counts rather than drawing everything under a filtered label', async () => {
    const el = document.createElement('nps-trend');
    el.counts = [{ period: '2025-01', promoters: 5, passives: 5, detractors: 5 }];
    el.setAttribute('filter', 'department:Tax');
    const failed = oneEvent(el, 'cx-error');
    document.body.append(el);
    expect((await failed).detail.code).to.equal('bad-data');
    el.remove();
  });

  it('takes its language from its own lang attribute', async () => {
    const el = await render(html`<nps-trend lang="ar" .data=${sampleRecords()}></nps-trend>`);
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(shadow(el).querySelector('[part=table-toggle]')!.textContent!.trim()).to.equal('عرض الجدول');
  });

  it('keeps y-axis numbers outside the plot in right-to-left charts', async () => {
    const el = await render(html`<nps-trend locale="ar" style="width:640px" .data=${sampleRecords()}></nps-trend>`);
    const axis = shadow(el).querySelector('.y-axis')!;
    const axisX = axis.getBoundingClientRect().left;
    for (const label of axis.querySelectorAll('text')) expect(label.getBoundingClientRect().left).to.be.at.least(axisX);
  });

  it('drops the previous file\'s quality badge when the new src fails', async () => {
    const el = await render(html`<nps-trend src="/test/fixtures/all-invalid.csv"></nps-trend>`);
    expect(shadow(el).querySelector('[part=quality-badge]')).not.to.equal(null);
    el.src = '/test/fixtures/does-not-exist.csv';
    await el.dataComplete;
    expect(shadow(el).querySelector('[part=status].error')!.textContent).to.contain('not found');
    expect(shadow(el).querySelector('[part=quality-badge]')).to.equal(null);
  });

  it('shows whole periods: a from date in mid-month includes that whole month', async () => {
    // min-n 1: at the default, April (19 answers) stays hidden to protect March whatever the range (see engine-ranges.test.ts).
    const el = await render(html`<nps-trend from="2024-04-15" min-n="1" .data=${sampleRecords()}></nps-trend>`);
    const answers = points(el).map((p) => Number(/(\d+) answers?\b/.exec(p.getAttribute('aria-label')!)![1]));
    expect(answers).to.deep.equal([19, 20, 20]);
  });
});
