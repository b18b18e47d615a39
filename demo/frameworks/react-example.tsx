/**
 * `<nps-trend>` and `<journey-painpoints>` in React 19, cross-filtered through React state.
 *
 * React 19 handles custom elements natively (react-dom 19.3, `setPropOnCustomElement`):
 * - a prop whose name is a property of the element (`data`, `filter`, `interval`, `minN`, …) is
 *   assigned as that property, objects and arrays included; any other prop (`min-n`) becomes an
 *   attribute. The check is `name in element`, so the element must be defined before React creates
 *   it: import the library before rendering (done at the top of this module).
 * - a function prop `on<event-name>` becomes `addEventListener('<event-name>', fn)`; everything
 *   after `on` is taken as it is written, so the prop is `oncx-select` (`onCxSelect` would listen
 *   for an event called "CxSelect"). A new function on the next render replaces the old listener.
 * - both are applied before the element is inserted, so no `cx-load` or first update is missed.
 */
import { StrictMode, useState, type HTMLAttributes, type RefAttributes } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import '../../src/index.ts';
import type {
  CxErrorEvent,
  CxFilter,
  CxLoadEvent,
  CxSelectEvent,
  JourneyPainpoints,
  JourneySelectDetail,
  NpsTrend,
  NpsTrendSelectDetail,
} from '../../src/index.ts';
import {
  PROMPT,
  describePeriodSelection,
  describeStageSelection,
  resolveOptions,
  toExampleError,
  type ExampleError,
  type ExampleOptions,
  type FeedbackRecord,
  type MountedExample,
} from './shared.ts';

/**
 * The JSX types of the two tags: their properties, the attributes spelled as attributes, and the
 * events with their typed `detail`. An app declares this once (e.g. in `src/cx-elements.d.ts`).
 */
type CxElementProps<Element extends HTMLElement, Property extends keyof Element, SelectDetail> = HTMLAttributes<Element> &
  RefAttributes<Element> &
  Partial<Pick<Element, Property>> & {
    'min-n'?: number | string;
    'oncx-select'?: (event: CxSelectEvent<SelectDetail>) => void;
    'oncx-load'?: (event: CxLoadEvent) => void;
    'oncx-error'?: (event: CxErrorEvent) => void;
  };

type SharedProperty = 'src' | 'fields' | 'data' | 'counts' | 'minN' | 'locale' | 'theme' | 'label' | 'from' | 'to' | 'filter';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'nps-trend': CxElementProps<NpsTrend, SharedProperty | 'interval' | 'target' | 'showCi', NpsTrendSelectDetail>;
      'journey-painpoints': CxElementProps<JourneyPainpoints, SharedProperty | 'stages' | 'metric' | 'verbatims', JourneySelectDetail>;
    }
  }
}

interface DashboardProps {
  readonly records: readonly FeedbackRecord[];
  readonly stages: string;
}

export function CxDashboard({ records, stages }: DashboardProps) {
  // The journey's filter is React state: the trend's cx-select sets it, the button clears it.
  const [journeyFilter, setJourneyFilter] = useState<CxFilter | undefined>(undefined);
  const [selection, setSelection] = useState<string | null>(null);
  const [stageNote, setStageNote] = useState<string | null>(null);
  const [error, setError] = useState<ExampleError | null>(null);

  const selectPeriod = (event: CxSelectEvent<NpsTrendSelectDetail>) => {
    setJourneyFilter(event.detail.filter);
    setSelection(describePeriodSelection(event.detail));
  };
  const clearFilter = () => {
    setJourneyFilter(undefined);
    setSelection(null);
  };
  const showError = (event: CxErrorEvent) => setError(toExampleError(event));

  return (
    <section className="cx-framework-example">
      <p className="selection" role="status">
        {selection ?? PROMPT}
      </p>
      {journeyFilter && (
        <button type="button" className="clear" onClick={clearFilter}>
          Show every month
        </button>
      )}
      {error && (
        <p className="error" role="alert" data-code={error.code}>
          {error.element}: {error.message}
        </p>
      )}
      <nps-trend interval="month" min-n={5} data={records} oncx-select={selectPeriod} oncx-error={showError}></nps-trend>
      <journey-painpoints
        stages={stages}
        data={records}
        filter={journeyFilter}
        oncx-select={(event) => setStageNote(describeStageSelection(event.detail))}
        oncx-error={showError}
      ></journey-painpoints>
      {stageNote && <p className="stage-note">{stageNote}</p>}
    </section>
  );
}

/** Renders the example into `container` (already rendered when this returns). */
export function mountReactExample(container: HTMLElement, options?: ExampleOptions): MountedExample {
  const { records, stages } = resolveOptions(options);
  const root = createRoot(container);
  // flushSync only so that the gallery and the test find the elements right away; an app just calls render.
  flushSync(() =>
    root.render(
      <StrictMode>
        <CxDashboard records={records} stages={stages} />
      </StrictMode>,
    ),
  );
  return { unmount: () => root.unmount() };
}
