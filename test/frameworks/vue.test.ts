import { expect, waitUntil } from '@open-wc/testing';
import type { MountedExample } from '../../demo/frameworks/shared.ts';
import { CxDashboard, isCustomElement, mountVueExample } from '../../demo/frameworks/vue-example.ts';
import { compile } from 'vue/dist/vue.esm-bundler.js';
import { STAGES, exampleSuite, feedbackRecords, renderedElements } from './example-suite.ts';

exampleSuite('Vue 3', mountVueExample);

describe('Vue 3 example: custom elements in templates', () => {
  let container: HTMLElement;
  let mounted: MountedExample | null = null;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    mounted?.unmount();
    mounted = null;
    container.remove();
  });

  it('compiles the tags as elements with isCustomElement, where a build-time compiler would resolve components', () => {
    const template = CxDashboard.template as string;
    // A compiled render function's source names what it resolves; an SFC build has no browser registry to fall back on.
    const compiled = (options: { isCustomElement: (tag: string) => boolean }) => String(compile(template, options));
    expect(compiled({ isCustomElement: () => false }), 'control: without it, the tags are components').to.contain('resolveComponent("nps-trend")');
    const withIt = compiled({ isCustomElement });
    expect(withIt).not.to.contain('resolveComponent');
    expect(withIt).to.contain('"nps-trend"').and.to.contain('"journey-painpoints"');
  });

  it('mounts without a Vue warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      mounted = mountVueExample(container, { records: feedbackRecords(), stages: STAGES });
    } finally {
      console.warn = warn;
    }
    await renderedElements(container);
    expect(warnings).to.deep.equal([]);
  });

  it('hands the elements plain objects, not reactive proxies: the filter is the one cx-select carried', async () => {
    mounted = mountVueExample(container, { records: feedbackRecords(), stages: STAGES });
    const { trend, journey } = await renderedElements(container);
    let carried: unknown;
    trend.addEventListener('cx-select', (event) => (carried = (event.detail as { filter: unknown }).filter));
    trend.shadowRoot!.querySelector<SVGElement>('.point')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => journey.filter !== undefined, 'Vue passed the filter to the journey');
    expect(carried).to.deep.equal({ from: '2024-01-01', to: '2024-01-31' });
    expect(journey.filter).to.equal(carried);
  });
});
