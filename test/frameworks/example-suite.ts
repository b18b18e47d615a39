/**
 * The checks every framework example (demo/frameworks) must pass, written once: the records reach
 * both elements as a property, a month selected with the keyboard in the trend filters the journey
 * through the framework's state, an element's cx-error reaches the framework, and unmounting removes
 * the elements. Each framework's test file runs them and adds what is particular to it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ExampleOptions, FeedbackRecord, MountedExample } from '../../demo/frameworks/shared.ts';
import type { JourneyPainpoints } from '../../src/journey-painpoints/journey-painpoints.ts';
import type { NpsTrend } from '../../src/nps-trend/nps-trend.ts';

export type MountExample = (container: HTMLElement, options?: ExampleOptions) => MountedExample | Promise<MountedExample>;

/**
 * Six months of 2024 and two stages, 10 answers per stage and month: every Apply answer is a
 * promoter (9 or 10), every Wait answer a detractor (0–6). So each month has NPS 0 from 20 answers,
 * each stage 60 answers over the half year, and 10 in any one month.
 */
export function feedbackRecords(): FeedbackRecord[] {
  const records: FeedbackRecord[] = [];
  for (let month = 1; month <= 6; month++) {
    for (const stage of ['Apply', 'Wait']) {
      for (let i = 0; i < 10; i++) {
        const nps = stage === 'Apply' ? 9 + (i % 2) : i % 7;
        records.push({ respondent: `${stage}-${month}-${i}`, date: `2024-0${month}-${String(i + 1).padStart(2, '0')}`, nps, stage });
      }
    }
  }
  return records;
}

export const STAGES = 'Apply,Wait';

export interface Rendered {
  readonly trend: NpsTrend;
  readonly journey: JourneyPainpoints;
}

/** The two elements the framework rendered, once both have drawn their data. */
export async function renderedElements(container: HTMLElement): Promise<Rendered> {
  const trend = container.querySelector('nps-trend');
  const journey = container.querySelector('journey-painpoints');
  expect(trend, 'the framework rendered <nps-trend>').to.be.instanceOf(HTMLElement);
  expect(journey, 'the framework rendered <journey-painpoints>').to.be.instanceOf(HTMLElement);
  await trend!.dataComplete;
  await journey!.dataComplete;
  return { trend: trend!, journey: journey! };
}

export const trendPoints = (trend: NpsTrend) => [...trend.shadowRoot!.querySelectorAll<SVGCircleElement>('.point')];

/** Answers per stage, read from each stage's accessible name ("…, 60 answers. …"). */
export function stageAnswers(journey: JourneyPainpoints): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  for (const stage of journey.shadowRoot!.querySelectorAll('[part=stage]')) {
    const name = stage.querySelector('.name')!.textContent!.trim();
    const match = stage.querySelector('.visually-hidden')!.textContent!.match(/, (\d+) answers?\./);
    answers[name] = match ? Number(match[1]) : null;
  }
  return answers;
}

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent?.trim() ?? '';

export function exampleSuite(framework: string, mount: MountExample): void {
  describe(`${framework} example: shared behaviour`, () => {
    let container: HTMLElement;
    let mounted: MountedExample | null = null;

    beforeEach(() => {
      container = document.createElement('div');
      container.style.width = '720px';
      document.body.append(container);
    });

    afterEach(() => {
      mounted?.unmount();
      mounted = null;
      container.remove();
    });

    it('passes the records to both elements as the data property, the same array, and both draw them', async () => {
      const records = feedbackRecords();
      mounted = await mount(container, { records, stages: STAGES });
      const { trend, journey } = await renderedElements(container);
      expect(trend.data, 'the trend got the array itself, not a copy or a proxy').to.equal(records);
      expect(journey.data).to.equal(records);
      expect(trend.hasAttribute('data'), 'data is not stringified into an attribute').to.equal(false);
      expect(trend.getAttribute('min-n'), 'min-n is set as an attribute').to.equal('5');
      expect(trend.minN).to.equal(5);
      expect(trend.interval).to.equal('month');
      expect(trendPoints(trend).map((p) => p.getAttribute('aria-label')!.split(':')[0])).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024', 'Jun 2024']);
      expect(stageAnswers(journey)).to.deep.equal({ Apply: 60, Wait: 60 });
      expect(text(container, '.selection')).to.contain('Select a month');
    });

    it('filters the journey to the month chosen with Home and Enter in the trend, through the framework state, and clears it', async () => {
      mounted = await mount(container, { records: feedbackRecords(), stages: STAGES });
      const { trend, journey } = await renderedElements(container);
      // The chart is one tab stop on the latest month; Home moves to the first, Enter selects it.
      trendPoints(trend).at(-1)!.focus();
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => text(container, '.selection').startsWith('Journey filtered'), 'the framework showed the selection');
      expect(text(container, '.selection')).to.equal('Journey filtered to Jan 2024: NPS 0 from 20 answers.');
      await waitUntil(() => journey.filter !== undefined, 'the framework passed the filter to the journey');
      expect(journey.filter).to.deep.equal({ from: '2024-01-01', to: '2024-01-31' });
      expect(trend.filter, 'the trend itself stays unfiltered').to.equal(undefined);
      await journey.dataComplete;
      expect(stageAnswers(journey)).to.deep.equal({ Apply: 10, Wait: 10 });

      container.querySelector<HTMLButtonElement>('button.clear')!.click();
      await waitUntil(() => journey.filter === undefined, 'the framework cleared the filter');
      await journey.dataComplete;
      expect(stageAnswers(journey)).to.deep.equal({ Apply: 60, Wait: 60 });
      await waitUntil(() => !container.querySelector('button.clear'), 'the clear button went away with the filter');
      expect(text(container, '.selection')).to.contain('Select a month');
    });

    it('shows a stage selected in the journey with the numbers of its typed detail', async () => {
      mounted = await mount(container, { records: feedbackRecords(), stages: STAGES });
      const { journey } = await renderedElements(container);
      journey.shadowRoot!.querySelectorAll<HTMLElement>('[part=stage]')[1]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(container, '.stage-note') !== '', 'the framework showed the stage');
      expect(text(container, '.stage-note')).to.equal('Stage Wait: 100 % of 60 answers were negative.');
    });

    it("shows an element's cx-error in the framework's alert, with the code and the element's sentence", async () => {
      mounted = await mount(container, { records: [{ respondent: 'a', date: 'last Tuesday', nps: 7 }], stages: STAGES });
      await renderedElements(container);
      await waitUntil(() => container.querySelector('.error[role=alert]'), 'the framework showed the error');
      const alert = container.querySelector<HTMLElement>('.error[role=alert]')!;
      expect(alert.dataset.code).to.equal('no-rows');
      expect(alert.textContent).to.match(/^(nps-trend|journey-painpoints): None of the 1 rows could be used/);
    });

    it('removes both elements when unmounted', async () => {
      mounted = await mount(container, { records: feedbackRecords(), stages: STAGES });
      const { trend, journey } = await renderedElements(container);
      mounted.unmount();
      mounted = null;
      expect(trend.isConnected).to.equal(false);
      expect(journey.isConnected).to.equal(false);
      expect(container.querySelector('nps-trend, journey-painpoints, .cx-framework-example')).to.equal(null);
    });
  });
}
