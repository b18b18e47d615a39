/**
 * `<nps-trend>` and `<journey-painpoints>` in Vue 3, cross-filtered through Vue state.
 *
 * Which Vue: the template below is compiled in the browser, so this imports Vue's full build (runtime
 * plus template compiler) and tells that compiler about the tags with
 * `app.config.compilerOptions.isCustomElement`. In a Vite app with single-file components the
 * templates are compiled at build time instead, and the same function goes to the plugin:
 * `vue({ template: { compilerOptions: { isCustomElement } } })`; the template syntax is the same.
 * Without it a build-time compiler takes each tag for a Vue component, and the app warns "Failed to
 * resolve component" before rendering it as an element after all. (Vue's in-browser compiler falls
 * back to `customElements.get(tag)`, so here it matters only for tags defined after the template
 * compiles, e.g. when the library is loaded lazily; the function is set anyway, as an app needs it.)
 *
 * In the template:
 * - `:data.prop="records"` assigns the property (`.prop` makes it explicit; Vue 3 would also pick the
 *   property on its own because `'data' in element`). `min-n="5"` stays an attribute, since the
 *   element has no property of that name.
 * - `@cx-select="…"` listens to the custom event by its exact name.
 * - The rows are never made deeply reactive: a `shallowRef` (or a plain prop) hands the element the
 *   array itself, not a proxy of it, and Vue does not walk 5,000 records to track them.
 *
 * In development Vue's bundler build warns that its feature flags (`__VUE_OPTIONS_API__`, …) are not
 * defined; `@vitejs/plugin-vue` defines them, and this gallery has no plugin, so the warning shows.
 */
import { createApp, defineComponent, ref, shallowRef, type PropType } from 'vue/dist/vue.esm-bundler.js';
import '../../src/index.ts';
import type { CxErrorEvent, CxFilter, CxSelectEvent, JourneySelectDetail, NpsTrendSelectDetail } from '../../src/index.ts';
import {
  CX_TAGS,
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

/** The tags Vue's template compiler must leave to the browser (also the function for an SFC build's plugin options). */
export const isCustomElement = (tag: string): boolean => CX_TAGS.has(tag);

export const CxDashboard = defineComponent({
  name: 'CxDashboard',
  props: {
    records: { type: Array as PropType<readonly FeedbackRecord[]>, required: true },
    stages: { type: String, required: true },
  },
  setup() {
    // shallowRef: the filter object from cx-select reaches the element as it is, not as a reactive proxy.
    const journeyFilter = shallowRef<CxFilter | undefined>(undefined);
    const selection = ref<string | null>(null);
    const stageNote = ref<string | null>(null);
    const error = shallowRef<ExampleError | null>(null);
    return {
      journeyFilter,
      selection,
      stageNote,
      error,
      prompt: PROMPT,
      selectPeriod(event: CxSelectEvent<NpsTrendSelectDetail>) {
        journeyFilter.value = event.detail.filter;
        selection.value = describePeriodSelection(event.detail);
      },
      selectStage(event: CxSelectEvent<JourneySelectDetail>) {
        stageNote.value = describeStageSelection(event.detail);
      },
      clearFilter() {
        journeyFilter.value = undefined;
        selection.value = null;
      },
      showError(event: CxErrorEvent) {
        error.value = toExampleError(event);
      },
    };
  },
  template: `
    <section class="cx-framework-example">
      <p class="selection" role="status">{{ selection ?? prompt }}</p>
      <button v-if="journeyFilter" type="button" class="clear" @click="clearFilter">Show every month</button>
      <p v-if="error" class="error" role="alert" :data-code="error.code">{{ error.element }}: {{ error.message }}</p>
      <nps-trend interval="month" min-n="5" :data.prop="records" @cx-select="selectPeriod" @cx-error="showError"></nps-trend>
      <journey-painpoints
        :stages="stages"
        :data.prop="records"
        :filter.prop="journeyFilter"
        @cx-select="selectStage"
        @cx-error="showError"
      ></journey-painpoints>
      <p v-if="stageNote" class="stage-note">{{ stageNote }}</p>
    </section>
  `,
});

/** Mounts the example into `container` (rendered when this returns: Vue mounts synchronously). */
export function mountVueExample(container: HTMLElement, options?: ExampleOptions): MountedExample {
  const { records, stages } = resolveOptions(options);
  const app = createApp(CxDashboard, { records, stages });
  app.config.compilerOptions.isCustomElement = isCustomElement;
  app.mount(container);
  return { unmount: () => app.unmount() };
}
