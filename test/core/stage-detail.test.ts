import { expect } from '@open-wc/testing';
import { ingestRecords } from '../../src/core/ingest.ts';
import { VERBATIM_MAX_LENGTH, stageDetail, verbatimCount, type StageDetailQuery } from '../../src/core/stage-detail.ts';

const base: Omit<StageDetailQuery, 'stage'> = { metric: 'nps', minN: 5, stages: [], verbatims: 5 };

/** A stage of six detractors whose comments and themes carry personal data, and a stage too small to show. */
function records(theme: boolean): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 6; i++) {
    rows.push({
      date: `2024-01-0${i + 1}`,
      nps: 2,
      stage: 'Wait',
      comment: i === 0 ? `Call me on +36 30 123 4567 or mail anna${i}@example.org, the queue was endless` : `The queue was endless, day ${i}`,
      ...(theme ? { theme: i < 3 ? 'Ring Anna on +36 30 123 4567' : 'Queue' } : {}),
    });
  }
  // Appeal: five rows (no count below min-n to protect), two NPS answers (too few to show).
  rows.push({ date: '2024-01-01', nps: 0, stage: 'Appeal', comment: 'Private: my case 99812 was lost' });
  rows.push({ date: '2024-01-02', nps: 0, stage: 'Appeal', comment: 'Private too' });
  for (let i = 0; i < 3; i++) rows.push({ date: '2024-01-03', csat: 1, stage: 'Appeal' });
  return rows;
}

describe('stageDetail', () => {
  it('redacts comments before themes are counted and verbatims leave', () => {
    const { table } = ingestRecords(records(false), {});
    const detail = stageDetail(table, { ...base, stage: 'Wait', verbatims: 6 });
    expect(detail.suppressed).to.equal(false);
    expect(detail.negativeComments).to.equal(6);
    expect(detail.themeSource).to.equal('comments');
    expect(detail.themes.map((t) => t.theme)).to.include('queue');
    const text = JSON.stringify(detail);
    expect(text).not.to.match(/anna0|123 4567|example\.org/);
    expect(detail.verbatims.some((v) => v.includes('[phone]') && v.includes('[email]')), JSON.stringify(detail.verbatims)).to.equal(true);
  });

  it('redacts the values of a theme column too', () => {
    const { table } = ingestRecords(records(true), {});
    const detail = stageDetail(table, { ...base, stage: 'Wait' });
    expect(detail.themeSource).to.equal('column');
    expect(detail.themes).to.deep.equal([
      { theme: 'Queue', count: 3 },
      { theme: 'Ring Anna on [phone]', count: 3 },
    ].sort((a, b) => (a.theme < b.theme ? -1 : 1)).sort((a, b) => b.count - a.count));
    expect(JSON.stringify(detail)).not.to.contain('4567');
  });

  it('returns nothing for a suppressed stage', () => {
    const { table } = ingestRecords(records(false), {});
    expect(stageDetail(table, { ...base, stage: 'Appeal' })).to.deep.equal({
      stage: 'Appeal',
      suppressed: true,
      negativeComments: 0,
      themeSource: 'comments',
      themes: [],
      verbatims: [],
    });
  });

  it('cuts long comments at a code point and honours the verbatim count', () => {
    const long = '😀'.repeat(VERBATIM_MAX_LENGTH);
    const rows = Array.from({ length: 6 }, (_, i) => ({ date: `2024-01-0${i + 1}`, nps: 1, stage: 'Wait', comment: `${long} ${i}` }));
    const { table } = ingestRecords(rows, {});
    const detail = stageDetail(table, { ...base, stage: 'Wait', verbatims: 2 });
    expect(detail.verbatims).to.have.length(2);
    for (const verbatim of detail.verbatims) {
      expect(verbatim.length).to.be.at.most(VERBATIM_MAX_LENGTH + 1);
      expect(verbatim.endsWith('…')).to.equal(true);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(verbatim), 'no lone surrogate').to.equal(false);
    }
    expect(stageDetail(table, { ...base, stage: 'Wait', verbatims: 0 }).verbatims).to.deep.equal([]);
  });

  it('reads the verbatims attribute as a whole number from 0 to 50, else 5', () => {
    expect([verbatimCount(3.7), verbatimCount(-2), verbatimCount(500), verbatimCount(NaN), verbatimCount('7')]).to.deep.equal([3, 0, 50, 5, 5]);
  });

  it('names an unknown stage', () => {
    const { table } = ingestRecords(records(false), {});
    expect(() => stageDetail(table, { ...base, stage: 'Nope' })).to.throw('The journey has no stage "Nope".');
  });
});
