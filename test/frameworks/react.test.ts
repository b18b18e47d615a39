import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { mountReactExample } from '../../demo/frameworks/react-example.tsx';
import type { MountedExample } from '../../demo/frameworks/shared.ts';
import { STAGES, exampleSuite, feedbackRecords, renderedElements, stageAnswers, trendPoints } from './example-suite.ts';

exampleSuite('React 19', mountReactExample);

describe('React 19 example: custom-element props', () => {
  let container: HTMLElement;
  let mounted: MountedExample | null = null;

  beforeEach(() => {
    container = document.createElement('div');
    container.style.width = '720px';
    document.body.prepend(container);
  });

  afterEach(async () => {
    mounted?.unmount();
    mounted = null;
    container.remove();
    await resetMouse();
  });

  it('turns oncx-select into an event listener, not an attribute', async () => {
    mounted = mountReactExample(container, { records: feedbackRecords(), stages: STAGES });
    const { trend, journey } = await renderedElements(container);
    for (const element of [trend, journey]) {
      expect(element.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
    }
    expect(journey.stages, 'a string prop that is a property is set as the property').to.equal(STAGES);
  });

  it('filters the journey to the month a mouse click selects in the trend', async () => {
    mounted = mountReactExample(container, { records: feedbackRecords(), stages: STAGES });
    const { trend, journey } = await renderedElements(container);
    // The chart is drawn at a default width first and redrawn at the element's own on the next frame.
    const chart = () => trend.shadowRoot!.querySelector<SVGSVGElement>('svg[part=chart]')!;
    await waitUntil(() => chart().viewBox.baseVal.width === Math.round(trend.getBoundingClientRect().width), 'the chart is drawn at its final width');
    const march = trendPoints(trend)[2]!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(march.x + march.width / 2), Math.round(march.y + march.height / 2)] });
    await waitUntil(() => journey.filter !== undefined, 'React passed the filter to the journey');
    expect(journey.filter).to.deep.equal({ from: '2024-03-01', to: '2024-03-31' });
    expect(container.querySelector('.selection')!.textContent).to.equal('Journey filtered to Mar 2024: NPS 0 from 20 answers.');
    await journey.dataComplete;
    expect(stageAnswers(journey)).to.deep.equal({ Apply: 10, Wait: 10 });
  });
});
