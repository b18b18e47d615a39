/**
 * Custom Elements Manifest (custom-elements.json) from the elements' JSDoc: attributes, properties,
 * events with their detail types, CSS parts and custom properties. Storybook's controls, the gallery's
 * attribute panel and the README's API tables all read it.
 */
import { resolve } from 'node:path';
import ts from 'typescript';

/**
 * The analyzer also records every `dispatchEvent(new X(...))` it sees as an unnamed event; the
 * documented `@fires` tags are the API, so only named events stay.
 */
function documentedEventsOnly() {
  return {
    name: 'cx-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => event.name && event.name !== 'detail' && event.description);
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * Attribute types as the TypeScript checker resolves them. The analyzer reads only the annotation's
 * text, so `theme: ThemeName` says "ThemeName" and `minN = DEFAULT_MIN_N` says nothing; tools that
 * build controls from the manifest (the gallery's attribute panel, Storybook) need the values. Adds
 * `type.expandedText` (`'light' | 'dark' | …`) where an alias hides a union of string literals, and a
 * `type` where the analyzer found none (`number`). `type.text` stays as written.
 */
function resolvedAttributeTypes() {
  /**
   * The string literals a type annotation names, in the order they are written: through aliases,
   * unions and `(typeof LIST)[number]` of an `as const` array. The checker orders a union's members
   * by when it first met them, which would list `sort-by`'s values in whatever order happened.
   */
  function writtenLiterals(checker, node, depth = 0) {
    const next = (child) => writtenLiterals(checker, child, depth + 1);
    const target = (name) => {
      const symbol = checker.getSymbolAtLocation(name);
      return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    };
    if (!node || depth > 10) return [];
    if (ts.isParenthesizedTypeNode(node)) return next(node.type);
    if (ts.isUnionTypeNode(node)) return node.types.flatMap(next);
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return [node.literal.text];
    if (ts.isTypeReferenceNode(node)) return next(target(node.typeName)?.declarations?.find(ts.isTypeAliasDeclaration)?.type);
    if (ts.isIndexedAccessTypeNode(node)) {
      let query = node.objectType;
      while (ts.isParenthesizedTypeNode(query)) query = query.type;
      if (!ts.isTypeQueryNode(query)) return [];
      let list = target(query.exprName)?.valueDeclaration?.initializer;
      while (list && (ts.isAsExpression(list) || ts.isSatisfiesExpression(list) || ts.isParenthesizedExpression(list))) list = list.expression;
      return list && ts.isArrayLiteralExpression(list) ? list.elements.filter(ts.isStringLiteral).map((element) => element.text) : [];
    }
    return [];
  }

  /** `'a' | 'b'` for a union of string literals, `number`/`string`/`boolean` for those; else null. */
  function describe(checker, type, annotation) {
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.length === 0) return null;
    if (parts.every((part) => part.isStringLiteral())) {
      const values = new Set(parts.map((part) => part.value));
      const ordered = [...new Set([...writtenLiterals(checker, annotation).filter((value) => values.has(value)), ...values])];
      return ordered.map((value) => `'${value}'`).join(' | ');
    }
    if (parts.every((part) => part.flags & ts.TypeFlags.BooleanLike)) return 'boolean';
    if (parts.length === 1 && parts[0].flags & ts.TypeFlags.Number) return 'number';
    if (parts.length === 1 && parts[0].flags & ts.TypeFlags.String) return 'string';
    return checker.typeToString(type) || null;
  }

  return {
    name: 'cx-resolved-attribute-types',
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((module) =>
        (module.declarations ?? []).filter((declaration) => declaration.kind === 'class' && declaration.attributes).map((declaration) => ({ module, declaration })),
      );
      if (classes.length === 0) return;
      const roots = [...new Set(classes.map(({ module }) => resolve(module.path)))];
      const program = ts.createProgram(roots, {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        allowImportingTsExtensions: true,
        experimentalDecorators: true,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      });
      const checker = program.getTypeChecker();
      for (const { module, declaration } of classes) {
        const source = program.getSourceFile(resolve(module.path));
        const node = source?.statements.find((statement) => ts.isClassDeclaration(statement) && statement.name?.text === declaration.name);
        if (!node) continue;
        const instance = checker.getTypeAtLocation(node);
        const resolveType = (fieldName) => {
          const symbol = fieldName && instance.getProperty(fieldName);
          return symbol ? describe(checker, checker.getTypeOfSymbol(symbol), symbol.valueDeclaration?.type) : null;
        };
        for (const entry of [...declaration.attributes, ...(declaration.members ?? []).filter((member) => member.kind === 'field')]) {
          const resolved = resolveType(entry.fieldName ?? entry.name);
          if (!resolved) continue;
          if (!entry.type) entry.type = { text: resolved };
          else if (resolved !== entry.type.text && /^'/.test(resolved)) entry.type.expandedText = resolved;
        }
      }
    },
  };
}

export default {
  globs: ['src/nps-trend/*.ts', 'src/journey-painpoints/*.ts', 'src/council-scorecard/*.ts', 'src/ui/cx-element.ts', 'src/events/*.ts', 'src/index.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [documentedEventsOnly(), resolvedAttributeTypes()],
};
