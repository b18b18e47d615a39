import { expect, fixture, html } from '@open-wc/testing';
import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import { HELD_OPEN_PATH, NEEDS_DEV_SERVER } from '../../.storybook/held-open-source.ts';
import { argTypesFromManifest, elementDeclaration, storybookView, type Manifest, type ManifestDeclaration } from '../../.storybook/manifest-arg-types.ts';
import * as councilScorecardStories from '../../stories/council-scorecard.stories.ts';
import * as journeyPainpointsStories from '../../stories/journey-painpoints.stories.ts';
import * as npsTrendStories from '../../stories/nps-trend.stories.ts';
import type { ElementArgs } from '../../stories/render.ts';
import { waitFor } from '../../stories/wait.ts';
import type { CxErrorEvent } from '../../src/events/cx-error.ts';

/**
 * Renders every story the way Storybook does (meta and story args merged, `mapping` applied,
 * decorators around the render function, then `play`) and checks it ends in the state its name
 * promises, with args the manifest knows. A story without an entry in EXPECTED fails, so a new story
 * has to say what it shows.
 */

type Story = StoryObj<ElementArgs>;
interface StoryModule {
  readonly default: Meta<ElementArgs>;
}
type CxTag = 'nps-trend' | 'journey-painpoints' | 'council-scorecard';
type CxElementOf<T extends CxTag> = HTMLElementTagNameMap[T];

/** What a rendered story left behind: its element(s) and the error codes they reported. */
interface Rendered<T extends CxTag> {
  readonly element: CxElementOf<T>;
  readonly root: ShadowRoot;
  readonly errors: readonly string[];
}
// Returns whatever the last assertion returns; awaited, so an async check can wait for the DOM.
type Expectation<T extends CxTag> = (rendered: Rendered<T>) => unknown;

const MODULES: Readonly<Record<CxTag, StoryModule>> = {
  'nps-trend': npsTrendStories,
  'journey-painpoints': journeyPainpointsStories,
  'council-scorecard': councilScorecardStories,
};

const storiesOf = (module: StoryModule): [string, Story][] =>
  Object.entries(module).filter(([name]) => name !== 'default' && name !== '__namedExportsOrder') as [string, Story][];

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// --- states ----------------------------------------------------------------------------------

function noError({ root, errors }: Rendered<CxTag>): void {
  expect(root.querySelector('[part=status].error'), text(root.querySelector('[part=status].error'))).to.equal(null);
  expect(errors).to.deep.equal([]);
}

function failedWith(code: string) {
  return ({ root, errors }: Rendered<CxTag>) => {
    expect(root.querySelector('[part=status].error'), 'an error shown').not.to.equal(null);
    expect(errors).to.include(code);
  };
}

function emptyState({ root, errors }: Rendered<CxTag>): void {
  expect(root.querySelector('[part=status][role=status]'), 'the "no data" status').not.to.equal(null);
  expect(root.querySelector('[part=status].error')).to.equal(null);
  expect(errors).to.deep.equal([]);
}

/** The loading status, still there after the worker has read part of a file that never ends. */
async function stillLoading({ root, element }: Rendered<CxTag>): Promise<void> {
  const status = () => root.querySelector('[part=status][role=status]');
  expect(status(), 'the loading status').not.to.equal(null);
  expect(status()!.querySelector('progress')).not.to.equal(null);
  if (element.localName !== 'council-scorecard') {
    await waitFor(() => /\bread\b/.test(text(status())), 'no bytes reported while loading', { within: [root] });
  }
  expect(root.querySelector('[part=status].error')).to.equal(null);
}

function qualityReportOpen({ root }: Rendered<CxTag>): void {
  expect(root.querySelector('[part=quality-badge]')!.getAttribute('aria-expanded')).to.equal('true');
  expect(text(root.querySelector('[part=quality-report]'))).not.to.equal('');
}

/** Relative luminance (WCAG 2) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

function themed(theme: 'dark' | 'high-contrast', minimumContrast: number) {
  return ({ element }: Rendered<CxTag>) => {
    expect(element.getAttribute('theme')).to.equal(theme);
    const style = getComputedStyle(element);
    const background = luminance(style.backgroundColor);
    expect(background, `background ${style.backgroundColor}`).to.be.below(0.05);
    expect(contrast(luminance(style.color), background), `${style.color} on ${style.backgroundColor}`).to.be.at.least(minimumContrast);
  };
}

const rightToLeft = ({ root }: Rendered<CxTag>) => {
  expect(root.querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
  expect(root.querySelector('[part=base]')!.getAttribute('lang')).to.match(/^ar/);
};

const both =
  <T extends CxTag>(...checks: Expectation<T>[]): Expectation<T> =>
  async (rendered) => {
    for (const check of checks) await check(rendered);
  };

// --- per element -----------------------------------------------------------------------------

const points = (root: ShadowRoot) => root.querySelectorAll('svg[part=chart] .point').length;
const trendDrawn =
  (min = 1, max = Infinity): Expectation<'nps-trend'> =>
  (rendered) => {
    noError(rendered);
    expect(points(rendered.root)).to.be.within(min, max);
  };

const stageNames = (root: ShadowRoot) => [...root.querySelectorAll('[part=stage] .name')].map(text);
const journeyDrawn: Expectation<'journey-painpoints'> = (rendered) => {
  noError(rendered);
  expect(stageNames(rendered.root)).to.include.members(['Discover', 'Apply', 'Wait', 'Decision', 'Support']);
};

const kpiRows = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[part=row]')];
const scorecardDrawn: Expectation<'council-scorecard'> = (rendered) => {
  noError(rendered);
  expect(kpiRows(rendered.root).length).to.be.at.least(10);
  expect(rendered.root.querySelectorAll('[part=error-row]')).to.have.length(0);
};
const SEVERITY: Readonly<Record<string, number>> = { red: 0, amber: 1, grey: 2, green: 3 };

const EXPECTED: { readonly [T in CxTag]: Readonly<Record<string, Expectation<T>>> } = {
  'nps-trend': {
    Monthly: both(trendDrawn(24), ({ root }) => expect(root.querySelector('.band')).not.to.equal(null)),
    Loading: stillLoading,
    Weekly: trendDrawn(20, 27),
    Quarterly: trendDrawn(8, 10),
    WithTarget: both(trendDrawn(), ({ root }) => expect(root.querySelector('svg[part=chart] .target')).not.to.equal(null)),
    WithoutConfidenceBand: both(trendDrawn(), ({ root }) => expect(root.querySelector('.band')).to.equal(null)),
    SuppressedSmallSegment: both(trendDrawn(), ({ root }) => expect(root.querySelectorAll('svg[part=chart] .gap').length).to.be.at.least(1)),
    ArabicRightToLeft: both(trendDrawn(), rightToLeft),
    Dark: both(trendDrawn(), themed('dark', 4.5)),
    HighContrast: both(trendDrawn(), themed('high-contrast', 7)),
    FromCounts: both(trendDrawn(10, 10), ({ root }) => expect(root.querySelector('[part=quality-badge]')).to.equal(null)),
    FromData: trendDrawn(24),
    NotFound: failedWith('not-found'),
    ColumnMissing: failedWith('missing-column'),
    Empty: emptyState,
    InvalidRowsOnly: both(failedWith('no-rows'), ({ root }) => expect(root.querySelector('[part=quality-badge]')).not.to.equal(null)),
    QualityReportOpen: both(trendDrawn(), qualityReportOpen),
  },
  'journey-painpoints': {
    Journey: both(journeyDrawn, ({ root }) => expect(points(root)).to.equal(5)),
    Loading: stillLoading,
    CustomerEffort: journeyDrawn,
    SatisfactionByPhone: journeyDrawn,
    SuppressedSmallSegment: both(journeyDrawn, ({ root }) => {
      expect(root.querySelectorAll('[part=stage] .not-enough').length, 'suppressed stages').to.be.at.least(1);
      expect(points(root), 'shown stages').to.be.at.least(1);
    }),
    ArabicRightToLeft: both(journeyDrawn, rightToLeft),
    Dark: both(journeyDrawn, themed('dark', 4.5)),
    HighContrast: both(journeyDrawn, themed('high-contrast', 7)),
    NarrowCard: async (rendered) => {
      journeyDrawn(rendered);
      await waitFor(() => rendered.root.querySelector('.stages.list') !== null, 'no vertical list on a narrow card', { within: [rendered.root] });
    },
    StageTypo: both(noError, ({ root }) => expect(stageNames(root)).to.include.members(['Aply', 'Apply'])),
    DetailsOpen: both(journeyDrawn, ({ root }) => {
      const details = root.querySelector('[part=drilldown]');
      expect(details, 'the details panel').not.to.equal(null);
      expect(details!.querySelectorAll('[part=verbatims] blockquote').length).to.be.at.least(1);
    }),
    QualityReportOpen: both(journeyDrawn, qualityReportOpen),
    FromData: journeyDrawn,
    CountsRefused: failedWith('needs-rows'),
    NotFound: failedWith('not-found'),
    ColumnMissing: failedWith('missing-column'),
    NoStageColumn: failedWith('missing-column'),
    Empty: emptyState,
    InvalidRowsOnly: both(failedWith('no-rows'), ({ root }) => expect(root.querySelector('[part=quality-badge]')).not.to.equal(null)),
  },
  'council-scorecard': {
    Council: both(scorecardDrawn, ({ root }) => expect(root.querySelector('table.scorecard')).not.to.equal(null)),
    Loading: stillLoading,
    FromSrc: scorecardDrawn,
    WorstFirst: both(scorecardDrawn, ({ root }) => {
      const severities = kpiRows(root).map((row) => SEVERITY[[...row.classList].find((name) => name in SEVERITY)!]!);
      expect(severities).to.deep.equal([...severities].sort((a, b) => a - b));
    }),
    GroupedByOwner: both(scorecardDrawn, ({ root }) => expect(root.querySelectorAll('tr.group').length).to.be.at.least(2)),
    GroupedByStatus: both(scorecardDrawn, ({ root }) => expect(root.querySelectorAll('tr.group').length).to.be.within(2, 4)),
    Compact: both(scorecardDrawn, ({ root }) => {
      expect(root.querySelector('table.scorecard')).to.equal(null);
      expect(root.querySelectorAll('li[part=row]').length).to.be.at.least(10);
    }),
    ArabicRightToLeft: both(scorecardDrawn, rightToLeft, ({ root }) => expect(text(root.querySelector('.title'))).to.equal('مجلس تجربة المتعاملين')),
    Dark: both(scorecardDrawn, themed('dark', 4.5)),
    HighContrast: both(scorecardDrawn, themed('high-contrast', 7)),
    BrokenKpi: ({ root, errors }) => {
      expect(root.querySelectorAll('[part=error-row]')).to.have.length(2);
      expect(kpiRows(root).length).to.be.at.least(12);
      expect(errors).to.have.members(['bad-kpi', 'not-found']);
    },
    StricterSuppression: both(scorecardDrawn, ({ root }) => expect(text(root.querySelector('[part=row][data-id="nps-ombudsman"] .value'))).to.equal('—')),
    LaterReview: both(scorecardDrawn, ({ root }) => expect(text(root.querySelector('[part=summary]'))).to.match(/reviews? overdue/)),
    FeedbackFromData: scorecardDrawn,
    DetailsOpen: both(scorecardDrawn, ({ root }) => {
      const opened = root.querySelector('[part=kpi][aria-expanded=true]');
      expect(opened, 'an opened KPI').not.to.equal(null);
      expect(text(root.getElementById(opened!.getAttribute('aria-controls')!))).not.to.equal('');
    }),
    QualityReportOpen: both(scorecardDrawn, qualityReportOpen),
    NoDefinition: emptyState,
    DefinitionNotFound: failedWith('not-found'),
    UnreadableDefinition: both(failedWith('bad-definition'), ({ root }) => expect(text(root.querySelector('[part=status].error'))).to.include('cadence')),
  },
};

// --- rendering a story as Storybook does -------------------------------------------------------

/** Meta and story args merged, with each `mapping` applied (the select's key → the thing it names). */
function storyArgs(meta: Meta<ElementArgs>, story: Story): ElementArgs {
  const argTypes = { ...meta.argTypes, ...story.argTypes };
  const args: ElementArgs = { ...meta.args, ...story.args };
  for (const [key, value] of Object.entries(args)) {
    const mapping = argTypes[key]?.mapping;
    if (mapping && typeof value === 'string' && value in mapping) args[key] = mapping[value];
  }
  return args;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let heldOpenCount = 0;

async function renderStory<T extends CxTag>(tagName: T, meta: Meta<ElementArgs>, name: string, story: Story): Promise<Rendered<T> & { readonly container: HTMLElement }> {
  const errors: string[] = [];
  const args = storyArgs(meta, story);
  for (const [key, value] of Object.entries(args)) {
    // wtr has its own slow endpoint (scripts/test-server.mjs) where the Storybook dev server has HELD_OPEN_PATH.
    if (value === HELD_OPEN_PATH) args[key] = `/__test/feedback?token=stories-${heldOpenCount++}&rows=1000&chunkDelayMs=200`;
  }
  // As Storybook's action for the manifest's cx-error event would be: exercises the render helper's event path.
  args.onCxError = (event: CxErrorEvent) => errors.push(event.detail.code);

  const context = { id: name, name, component: meta.component, args, argTypes: {}, parameters: {}, tags: story.tags ?? [] } as unknown as StoryContext<ElementArgs>;
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${tagName} ${name}: no render function`);
  let storyFn = () => render(args, context) as TemplateResult;
  for (const decorator of [...asArray<Decorator<ElementArgs>>(story.decorators), ...asArray<Decorator<ElementArgs>>(meta.decorators)]) {
    const inner = storyFn;
    storyFn = () => decorator(inner, context) as TemplateResult;
  }
  // Wide enough for the scorecard's table (cards below 880 px) and the journey's lane.
  const container = await fixture<HTMLElement>(html`<div style="width: 1280px">${storyFn()}</div>`);
  const element = container.querySelector<CxElementOf<T>>(tagName);
  if (!element) throw new Error(`${tagName} ${name}: the story rendered no <${tagName}>`);
  if (!(story.tags ?? []).includes(NEEDS_DEV_SERVER)) await element.dataComplete;
  await story.play?.({ ...context, canvasElement: container } as StoryContext<ElementArgs>);
  return { container, element, root: element.shadowRoot!, errors };
}

/**
 * The argTypes @storybook/web-components 10.6 derives from a declaration (`extractArgTypesFromElements`
 * in its entry-preview-argtypes.js): one object keyed by name, filled in this order, so a later
 * category replaces an earlier entry of the same name.
 */
function frameworkArgTypes(declaration: ManifestDeclaration): Record<string, { name: string; type: { name: string }; table: { category: string } }> {
  const entries = (category: string, items: readonly { readonly name: string; readonly type?: { readonly text?: string } }[] | undefined) =>
    (items ?? []).map((item) => [item.name, { name: item.name, type: { name: item.type?.text ?? 'void' }, table: { category } }] as const);
  return Object.fromEntries([
    ...entries('properties', declaration.members),
    ...entries('attributes', declaration.attributes),
    ...entries('events', declaration.events),
    ...entries('css custom properties', declaration.cssProperties),
    ...entries('css shadow parts', declaration.cssParts),
  ]);
}

// --- the checks ----------------------------------------------------------------------------------

describe('stories', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  });
  const declarationOf = (tagName: string): ManifestDeclaration => {
    const declaration = elementDeclaration(storybookView(manifest), tagName);
    if (!declaration) throw new Error(`<${tagName}> is not in custom-elements.json (npm run manifest)`);
    return declaration;
  };

  for (const [tagName, module] of Object.entries(MODULES) as [CxTag, StoryModule][]) {
    describe(`<${tagName}>`, () => {
      const meta = module.default;
      const stories = storiesOf(module);

      it('has one expected state for each story, and a story for each expected state', () => {
        expect(meta.component).to.equal(tagName);
        expect(stories.map(([name]) => name)).to.have.members(Object.keys(EXPECTED[tagName]));
      });

      it('names only attributes and properties of the manifest in its args', () => {
        const declaration = declarationOf(tagName);
        const known = new Set([...(declaration.attributes ?? []).map((attribute) => attribute.name), ...(declaration.members ?? []).filter((member) => member.kind === 'field' && !member.readonly).map((member) => member.name)]);
        for (const [name, story] of [['(meta)', meta] as const, ...stories]) {
          const unknown = Object.keys({ ...story.args, ...story.argTypes }).filter((key) => !known.has(key));
          expect(unknown, `${name} args`).to.deep.equal([]);
        }
      });

      it('gets a control for every attribute from the manifest: a choice for enumerations, never a JSON editor', () => {
        const declaration = declarationOf(tagName);
        const enhanced = argTypesFromManifest(storybookView(manifest))({ component: tagName, argTypes: frameworkArgTypes(declaration), initialArgs: {} } as unknown as Parameters<ReturnType<typeof argTypesFromManifest>>[0]);
        for (const attribute of declaration.attributes ?? []) {
          const argType = enhanced[attribute.name]!;
          // Another manifest entry of the same name (a CSS part, an event) would have replaced the attribute.
          expect(argType.table?.category, attribute.name).to.equal('attributes');
          expect(argType.type?.name, attribute.name).to.be.oneOf(['string', 'number', 'boolean', 'enum']);
          if (attribute.type?.expandedText) expect(argType.type?.name, attribute.name).to.equal('enum');
        }
        expect(enhanced.theme!.type).to.deep.include({ name: 'enum' });
        expect((enhanced.theme!.type as { value: string[] }).value).to.include.members(['light', 'dark']);
      });

      it('tags every story that needs the dev server to hold a file open, and only those', () => {
        for (const [name, story] of stories) {
          const holdsOpen = Object.values(storyArgs(meta, story)).includes(HELD_OPEN_PATH);
          expect((story.tags ?? []).includes(NEEDS_DEV_SERVER), name).to.equal(holdsOpen);
        }
      });

      for (const [name, story] of stories) {
        it(`${name}: ends in the state its name promises`, async () => {
          const expectation = EXPECTED[tagName][name] as Expectation<CxTag> | undefined;
          if (!expectation) throw new Error(`No expected state for ${tagName} ${name}: add one to EXPECTED.`);
          const rendered = await renderStory(tagName, meta, name, story);
          await expectation(rendered);
        });
      }
    });
  }
});
