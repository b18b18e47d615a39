/**
 * `<nps-trend>` and `<journey-painpoints>` in Angular 21 (standalone, zoneless, signals), cross-filtered
 * through component state.
 *
 * - `schemas: [CUSTOM_ELEMENTS_SCHEMA]` lets the template use tags and properties Angular does not know.
 * - `[data]="records"` and `[filter]="journeyFilter()"` are property bindings: the element gets the
 *   array and the object themselves. `min-n="5"` is a plain attribute.
 * - `(cx-select)="selectPeriod($event)"` listens to the custom event by its exact name. Under AOT
 *   `strictTemplates`, `$event` is typed from `HTMLElementEventMap` as `CxSelectEvent<unknown>`,
 *   which is why the handlers take that and name the element's detail type themselves.
 * - Zoneless: event bindings and signals schedule change detection, so no zone.js is loaded.
 *
 * This module compiles the template in the browser (JIT, `@angular/compiler`), because the gallery
 * and the tests have no Angular CLI. An Angular CLI app compiles it ahead of time, without the
 * compiler import, and would take the rows as a signal `input()`: JIT without the CLI cannot see
 * signal inputs, so here they come from the injector. JIT also checks tags and properties against
 * the browser's registry, where the CLI's compiler needs the schema (see the test).
 */
import '@angular/compiler';
import {
  ChangeDetectionStrategy,
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  InjectionToken,
  inject,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import '../../src/index.ts';
import type { CxErrorEvent, CxFilter, CxSelectEvent, JourneySelectDetail, NpsTrendSelectDetail } from '../../src/index.ts';
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

/** The rows and stages the dashboard shows, provided by whoever bootstraps it. */
export const DASHBOARD_DATA = new InjectionToken<{ readonly records: readonly FeedbackRecord[]; readonly stages: string }>('cx dashboard data');

@Component({
  selector: 'cx-dashboard',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cx-framework-example">
      <p class="selection" role="status">{{ selection() ?? prompt }}</p>
      @if (journeyFilter()) {
        <button type="button" class="clear" (click)="clearFilter()">Show every month</button>
      }
      @if (error(); as error) {
        <p class="error" role="alert" [attr.data-code]="error.code">{{ error.element }}: {{ error.message }}</p>
      }
      <nps-trend interval="month" min-n="5" [data]="records" (cx-select)="selectPeriod($event)" (cx-error)="showError($event)"></nps-trend>
      <journey-painpoints
        [stages]="stages"
        [data]="records"
        [filter]="journeyFilter()"
        (cx-select)="selectStage($event)"
        (cx-error)="showError($event)"
      ></journey-painpoints>
      @if (stageNote(); as note) {
        <p class="stage-note">{{ note }}</p>
      }
    </section>
  `,
})
export class CxDashboardComponent {
  protected readonly records = inject(DASHBOARD_DATA).records;
  protected readonly stages = inject(DASHBOARD_DATA).stages;
  protected readonly prompt = PROMPT;
  protected readonly journeyFilter = signal<CxFilter | undefined>(undefined);
  protected readonly selection = signal<string | null>(null);
  protected readonly stageNote = signal<string | null>(null);
  protected readonly error = signal<ExampleError | null>(null);

  protected selectPeriod(event: CxSelectEvent): void {
    const detail = event.detail as NpsTrendSelectDetail;
    this.journeyFilter.set(detail.filter);
    this.selection.set(describePeriodSelection(detail));
  }

  protected selectStage(event: CxSelectEvent): void {
    this.stageNote.set(describeStageSelection(event.detail as JourneySelectDetail));
  }

  protected clearFilter(): void {
    this.journeyFilter.set(undefined);
    this.selection.set(null);
  }

  protected showError(event: CxErrorEvent): void {
    this.error.set(toExampleError(event));
  }
}

/** Bootstraps the example into `container`; rendered when the promise settles. */
export async function mountAngularExample(container: HTMLElement, options?: ExampleOptions): Promise<MountedExample> {
  const host = document.createElement('cx-dashboard');
  container.append(host);
  const app = await createApplication({
    providers: [provideZonelessChangeDetection(), { provide: DASHBOARD_DATA, useValue: resolveOptions(options) }],
  });
  // bootstrap() renders the component into the given element and runs the first change detection.
  app.bootstrap(CxDashboardComponent, host);
  return {
    unmount() {
      app.destroy();
      host.remove();
    },
  };
}
