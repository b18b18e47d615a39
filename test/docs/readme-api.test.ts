/**
 * The README's API tables are written by hand (they explain more than JSDoc can), so this test holds
 * them to the Custom Elements Manifest, which is generated from the code: every attribute, property,
 * event, CSS part and custom property an element has is documented, and nothing documented is gone.
 */
import { expect } from '@open-wc/testing';

interface Named {
  readonly name: string;
}
interface Member extends Named {
  readonly kind: string;
  readonly privacy?: string;
  readonly static?: boolean;
}
interface Declaration {
  readonly tagName?: string;
  readonly attributes?: readonly Named[];
  readonly members?: readonly Member[];
  readonly events?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}
interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}

const ELEMENTS = ['nps-trend', 'journey-painpoints', 'council-scorecard'];

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
const camelCase = (attribute: string) => attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The README's section for a tag: from its `## \`<tag>\`` heading to the next `## `. */
function sectionOf(readme: string, tag: string): string {
  const start = readme.indexOf(`## \`<${tag}>\``);
  expect(start, `README has a section for <${tag}>`).to.be.greaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  // Code samples are not documentation of names, and their fences would upset backtick pairing.
  return readme.slice(start, end === -1 ? undefined : end).replace(/```[\s\S]*?```/g, '');
}

/** Attributes and properties from the section's `| Attribute | Property | …` table. */
function documentedApi(section: string): { attributes: string[]; properties: string[] } {
  const attributes: string[] = [];
  const properties: string[] = [];
  const table = section.slice(section.indexOf('| Attribute | Property |'));
  for (const line of table.slice(0, table.search(/\n\s*\n/)).split('\n').slice(2)) {
    const cells = /^\| ([^|]*) \| ([^|]*) \|/.exec(line);
    if (!cells) continue;
    const names = backticked(cells[1]!);
    attributes.push(...names);
    properties.push(...(cells[2]!.trim() === 'same' ? names.map(camelCase) : backticked(cells[2]!)));
  }
  return { attributes: sorted(attributes), properties: sorted(properties) };
}

/** Method names from the section's `| Method | Returns | …` table (`exportPng(scale = 2)` → `exportPng`). */
function documentedMethods(section: string): string[] {
  const start = section.indexOf('| Method |');
  if (start === -1) return [];
  const table = section.slice(start);
  const rows = table.slice(0, table.search(/\n\s*\n|$/)).split('\n').slice(2);
  return sorted(rows.flatMap((line) => backticked(/^\| ([^|]*) \|/.exec(line)?.[1] ?? '')).map((name) => name.replace(/\(.*$/, '')));
}

/** The backticked names in the sentence that starts with `label` (e.g. "CSS parts"), up to its first full stop or semicolon. */
function listAfter(section: string, label: string): string[] {
  const start = section.indexOf(label);
  if (start === -1) return [];
  const rest = section.slice(start + label.length);
  return backticked(rest.slice(0, rest.search(/\.\s|;/)));
}

describe('README API tables', () => {
  let readme = '';
  const declarations = new Map<string, Declaration>();

  before(async () => {
    readme = await (await fetch('/README.md')).text();
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'custom-elements.json exists (npm run manifest)').to.equal(true);
    const manifest = (await response.json()) as Manifest;
    for (const module of manifest.modules) for (const declaration of module.declarations ?? []) if (declaration.tagName) declarations.set(declaration.tagName, declaration);
  });

  it('the manifest describes every element', () => {
    expect(sorted(declarations.keys())).to.deep.equal(sorted(ELEMENTS));
  });

  for (const tag of ELEMENTS) {
    describe(`<${tag}>`, () => {
      it('documents exactly the attributes the element has', () => {
        const manifest = sorted((declarations.get(tag)!.attributes ?? []).map((a) => a.name));
        expect(documentedApi(sectionOf(readme, tag)).attributes).to.deep.equal(manifest);
      });

      it('documents every public property, and no property it lacks', () => {
        const manifest = sorted((declarations.get(tag)!.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static).map((m) => m.name));
        expect(documentedApi(sectionOf(readme, tag)).properties).to.deep.equal(manifest);
      });

      it('documents exactly its public methods', () => {
        const manifest = sorted((declarations.get(tag)!.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static).map((m) => m.name));
        expect(documentedMethods(sectionOf(readme, tag))).to.deep.equal(manifest);
      });

      it('documents every event', () => {
        const section = sectionOf(readme, tag);
        for (const event of declarations.get(tag)!.events ?? []) expect(section, event.name).to.contain(`\`${event.name}\``);
      });

      it('lists exactly its CSS parts', () => {
        const manifest = sorted((declarations.get(tag)!.cssParts ?? []).map((p) => p.name));
        expect(sorted(listAfter(sectionOf(readme, tag), 'CSS parts'))).to.deep.equal(manifest);
      });

      it('lists exactly its CSS custom properties (directly or as those of <nps-trend>)', () => {
        const section = sectionOf(readme, tag);
        const inherited = section.includes('the custom properties of `<nps-trend>`') ? listAfter(sectionOf(readme, 'nps-trend'), 'Custom properties:') : [];
        const own = backticked(section).filter((name) => name.startsWith('--cx-'));
        const manifest = sorted((declarations.get(tag)!.cssProperties ?? []).map((p) => p.name));
        expect(sorted([...inherited, ...own])).to.deep.equal(manifest);
      });
    });
  }
});
