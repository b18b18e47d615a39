import { DomElementSchemaRegistry } from '@angular/compiler';
import type { SchemaMetadata } from '@angular/core';
import { expect } from '@open-wc/testing';
import { CxDashboardComponent, mountAngularExample } from '../../demo/frameworks/angular-example.ts';
import type { MountedExample } from '../../demo/frameworks/shared.ts';
import { STAGES, exampleSuite, feedbackRecords, renderedElements } from './example-suite.ts';

exampleSuite('Angular 21', mountAngularExample);

describe('Angular 21 example: custom elements in a standalone component', () => {
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

  it('declares CUSTOM_ELEMENTS_SCHEMA, without which an AOT build rejects the tags and their properties', () => {
    // An AOT build checks templates against Angular's DOM schema, which knows no custom tags. JIT checks
    // the browser's registry instead, so in this page the component would render even without it.
    const schemas = (CxDashboardComponent as unknown as { ɵcmp: { schemas: SchemaMetadata[] | null } }).ɵcmp.schemas ?? [];
    const registry = new DomElementSchemaRegistry();
    expect(registry.hasElement('nps-trend', []), 'control: unknown without the schema').to.equal(false);
    for (const [tag, property] of [['nps-trend', 'data'], ['journey-painpoints', 'data'], ['journey-painpoints', 'filter'], ['journey-painpoints', 'stages']] as const) {
      expect(registry.hasElement(tag, schemas), tag).to.equal(true);
      expect(registry.hasProperty(tag, property, schemas), `${tag} [${property}]`).to.equal(true);
    }
  });

  it('compiles and binds the custom elements without an Angular error', async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      mounted = await mountAngularExample(container, { records: feedbackRecords(), stages: STAGES });
      await renderedElements(container);
    } finally {
      console.error = error;
    }
    expect(errors).to.deep.equal([]);
  });

  it('runs without zone.js', () => {
    expect((globalThis as { Zone?: unknown }).Zone).to.equal(undefined);
  });
});
