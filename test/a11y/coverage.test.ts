/**
 * The accessibility checks are driven by two lists: `ELEMENTS` (states, for axe, contrast, forced
 * colours, motion and zoom) and `keyboardElements` (key maps and announcements). Every element the
 * package defines must be in both, so a new element cannot ship without its checks.
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS } from './elements.ts';
import { keyboardElements } from './keyboard-elements.ts';

interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly { readonly tagName?: string }[] }[];
}

describe('accessibility coverage', () => {
  it('checks every element the package defines, visually and by keyboard and screen reader', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const defined = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));
    expect(defined.length, 'the manifest lists the elements').to.be.greaterThan(0);
    const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort();
    expect(sorted(ELEMENTS.map((element) => element.tag)), 'test/a11y/elements.ts').to.deep.equal(sorted(defined));
    expect(sorted(keyboardElements.map((element) => element.tag)), 'test/a11y/keyboard-elements.ts').to.deep.equal(sorted(defined));
  });
});
