import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import 'axe-core';
import type axeCore from 'axe-core';
import { shippedLocales } from '../../src/ui/i18n.ts';
import { ELEMENTS, THEMES, type CxHost } from './elements.ts';

/**
 * axe-core finds no violation in any state of any element, in every shipped language and every
 * theme. The languages are read from the library at run time, so a catalogue added to it is covered
 * at once. A state is rendered once per language; the themes are switched on the same element, and
 * axe runs with all its rules in each.
 */

// axe-core's script registers itself on window (it has no ES module build).
const axe = (window as unknown as { axe: typeof axeCore }).axe;

async function violations(el: CxHost): Promise<string[]> {
  const results = await axe.run(el, { resultTypes: ['violations'] });
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

describe('axe-core: no violations in any element, state, language and theme', () => {
  // Wide enough for the scorecard's table; its cards have a state of their own.
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('covers at least English and Arabic', () => {
    expect(shippedLocales()).to.include.members(['en', 'ar']);
  });

  for (const element of ELEMENTS) {
    for (const locale of shippedLocales()) {
      describe(`<${element.tag}> locale="${locale}"`, () => {
        for (const state of element.states) {
          it(`${state.name}, in the ${THEMES.join(', ')} themes`, async () => {
            const el = await state.render({ locale, theme: THEMES[0] });
            const found: string[] = [];
            for (const theme of THEMES) {
              el.theme = theme;
              await el.updateComplete;
              found.push(...(await violations(el)).map((violation) => `${theme}: ${violation}`));
            }
            expect(found).to.deep.equal([]);
          });
        }
      });
    }
  }
});
