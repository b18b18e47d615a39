/**
 * The gallery's view of the Custom Elements Manifest (`custom-elements.json`, written by `npm run
 * manifest`): which tags exist and what their attributes are. Loaded on demand, so a page pays for it
 * only once something asks.
 */

/** The parts of a manifest attribute the gallery reads. */
export interface ManifestAttribute {
  readonly name: string;
  readonly fieldName?: string;
  readonly description?: string;
  readonly default?: string;
  /** `expandedText` is added by our analyzer plugin where an alias hides a union of literals. */
  readonly type?: { readonly text: string; readonly expandedText?: string };
  readonly inheritedFrom?: { readonly name: string; readonly module?: string };
}

export interface ElementDeclaration {
  readonly name: string;
  readonly tagName: string;
  readonly summary?: string;
  readonly attributes: readonly ManifestAttribute[];
}

interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly (Partial<ElementDeclaration> & { readonly customElement?: boolean })[] }[];
}

let declarations: Promise<ReadonlyMap<string, ElementDeclaration>> | null = null;

/** Every custom element in the manifest, by tag name. */
export function elementDeclarations(): Promise<ReadonlyMap<string, ElementDeclaration>> {
  declarations ??= import('../custom-elements.json').then((module) => {
    const manifest = module.default as unknown as Manifest;
    const byTag = new Map<string, ElementDeclaration>();
    for (const { declarations = [] } of manifest.modules) {
      for (const declaration of declarations) {
        if (declaration.customElement && declaration.tagName && declaration.name) {
          byTag.set(declaration.tagName, { name: declaration.name, tagName: declaration.tagName, summary: declaration.summary, attributes: declaration.attributes ?? [] });
        }
      }
    }
    return byTag;
  });
  return declarations;
}

/** The attribute's type as written for tools: the expanded union where there is one. */
export function typeText(attribute: ManifestAttribute): string {
  return attribute.type?.expandedText ?? attribute.type?.text ?? '';
}

/** The string literals of a type such as `'light' | 'dark' | undefined`, or null when it is anything else. */
export function stringLiterals(type: string): string[] | null {
  const parts = type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length === 0 || !parts.every((part) => /^(['"]).*\1$/.test(part))) return null;
  return parts.map((part) => part.slice(1, -1));
}

/** The default as the attribute would be written (`'month'` → `month`), or null when it is no literal. */
export function literalDefault(attribute: ManifestAttribute): string | null {
  const value = attribute.default?.trim();
  if (value === undefined) return null;
  if (/^(['"`]).*\1$/.test(value)) return value.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false') return value;
  return null;
}
