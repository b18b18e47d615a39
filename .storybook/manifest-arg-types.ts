/**
 * Storybook's web-components framework turns custom-elements.json into argTypes by name and category
 * (@storybook/web-components 10.6, `extractArgTypesFromElements`): every member becomes a
 * "properties" row, every attribute an "attributes" row (an attribute overrides a member of the same
 * name), `cx-load` an "events" row plus an `onCxLoad` action, and CSS custom properties and parts
 * their own rows. It copies the type as written (`type: { name: 'IntervalName' }`), which Storybook's
 * control inference does not know, so every row would get a JSON "object" control.
 *
 * This module finishes the job from the manifest itself:
 * - {@link storybookView} keeps only the public members (the analyzer also lists private, protected
 *   and `#private` fields, which would otherwise show up as properties in the Docs tables) and names
 *   CSS parts `::part(name)`, as a stylesheet does: argTypes are keyed by name alone, so the part
 *   `stages` of <journey-painpoints> would otherwise replace its attribute `stages` (and `verbatims`
 *   likewise), taking the attribute's control and Docs row with it;
 * - {@link argTypesFromManifest} gives each row a Storybook type and control from its manifest type:
 *   a union of string literals (`type.expandedText`, which our manifest config adds where an alias
 *   hides one) becomes a radio/select, `boolean`/`number`/`string` their controls, an attribute of any
 *   other type a text field (HTML attributes are text), CSS custom properties a colour or text field.
 *   A property that mirrors an attribute (`minN` for `min-n`) keeps its Docs row but no control of
 *   its own, as do read-only members, parts and events.
 *
 * Pure (no Storybook runtime imports), so test/stories can check it against the real manifest.
 */
import type { Preview } from '@storybook/web-components-vite';

/** The parts of the Custom Elements Manifest schema (v2) read here. */
export interface ManifestType {
  readonly text?: string;
  /** Added by custom-elements-manifest.config.mjs: the string literals an alias stands for. */
  readonly expandedText?: string;
}
export interface ManifestMember {
  readonly kind: string;
  readonly name: string;
  readonly type?: ManifestType;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly readonly?: boolean;
  readonly attribute?: string;
}
export interface ManifestAttribute {
  readonly name: string;
  readonly type?: ManifestType;
  readonly fieldName?: string;
}
export interface ManifestDeclaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly description?: string;
  readonly attributes?: readonly ManifestAttribute[];
  readonly members?: readonly ManifestMember[];
  readonly events?: readonly { readonly name: string }[];
  readonly cssProperties?: readonly { readonly name: string }[];
  readonly cssParts?: readonly { readonly name: string }[];
}
export interface Manifest {
  readonly schemaVersion: string;
  readonly modules: readonly { readonly kind: string; readonly path: string; readonly declarations?: readonly ManifestDeclaration[] }[];
}

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgTypes = ReturnType<ArgTypesEnhancer>;
type ArgType = ArgTypes[string];

const isPublic = (member: ManifestMember) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.static && !member.name.startsWith('#');

/** The manifest as Storybook should show it: public members only, CSS parts as `::part(name)`. */
export function storybookView(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        ...(declaration.members && { members: declaration.members.filter(isPublic) }),
        ...(declaration.cssParts && { cssParts: declaration.cssParts.map((part) => ({ ...part, name: `::part(${part.name})` })) }),
      })),
    })),
  };
}

export function elementDeclaration(manifest: Manifest, tagName: string): ManifestDeclaration | undefined {
  for (const module of manifest.modules) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  return undefined;
}

/** `'a' | 'b' | undefined` → ['a', 'b'] without undefined/null; splits only at the top level. */
function unionParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of text) {
    if (quote) quote = char === quote ? '' : quote;
    else if (char === "'" || char === '"') quote = char;
    else if ('<([{'.includes(char)) depth++;
    else if ('>)]}'.includes(char)) depth--;
    else if (char === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part && part !== 'undefined' && part !== 'null');
}

const stringLiteral = /^'([^']*)'$|^"([^"]*)"$/;

/** The Storybook type (and so the inferred control) of an attribute or property. */
function storybookType(type: ManifestType | undefined, asAttribute: boolean, initialValue: unknown): NonNullable<ArgType['type']> {
  const text = type?.expandedText ?? type?.text ?? (initialValue === undefined ? '' : typeof initialValue);
  const parts = unionParts(text);
  if (parts.length > 0 && parts.every((part) => stringLiteral.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.replace(stringLiteral, '$1$2')) };
  }
  if (parts.length === 1 && (parts[0] === 'boolean' || parts[0] === 'number' || parts[0] === 'string')) return { name: parts[0] };
  if (asAttribute || parts.includes('string')) return { name: 'string' };
  return { name: 'object', value: {} };
}

/**
 * An argTypes enhancer for preview.ts: runs after the framework's (which reads the same manifest
 * through setCustomElementsManifest) and before control inference. A story's own `control`,
 * `options` or `mapping` always wins.
 */
export function argTypesFromManifest(manifest: Manifest): ArgTypesEnhancer {
  return (context) => {
    const { component, argTypes, initialArgs } = context;
    const declaration = typeof component === 'string' ? elementDeclaration(manifest, component) : undefined;
    if (!declaration) return argTypes;
    const attributes = new Map((declaration.attributes ?? []).map((attribute) => [attribute.name, attribute]));
    const members = new Map((declaration.members ?? []).filter((member) => member.kind === 'field').map((member) => [member.name, member]));
    const enhanced: ArgTypes = {};
    for (const [name, argType] of Object.entries(argTypes)) {
      enhanced[name] = enhance(name, argType, attributes.get(name), members.get(name), initialArgs[name]);
    }
    return enhanced;
  };
}

function enhance(name: string, argType: ArgType, attribute: ManifestAttribute | undefined, member: ManifestMember | undefined, initialValue: unknown): ArgType {
  const category = argType.table?.category;
  // `control` undefined: Storybook infers it from the type (radio up to five values, then select).
  const withControl = (control: ArgType['control'] | undefined, type: ArgType['type'] = argType.type): ArgType =>
    control === undefined || argType.control !== undefined || argType.options !== undefined ? { ...argType, type } : { ...argType, type, control };
  switch (category) {
    case 'attributes':
    case 'properties': {
      const source = category === 'attributes' ? attribute : member;
      if (!source) return argType;
      if (category === 'properties' && (member?.readonly || (member?.attribute && member.attribute !== name))) return withControl(false);
      const type = storybookType(source.type, category === 'attributes', initialValue);
      const table = source.type?.expandedText ? { ...argType.table, type: { summary: source.type.expandedText, detail: source.type.text } } : argType.table;
      return { ...withControl(undefined, type), table };
    }
    case 'css custom properties':
      return withControl(name.includes('color') ? { type: 'color' } : 'text', { name: 'string' });
    case 'css shadow parts':
    case 'events':
      return withControl(false);
    default:
      return argType;
  }
}
