/**
 * Custom Elements Manifest (custom-elements.json) from the elements' JSDoc: attributes, properties,
 * events with their detail types, CSS parts and custom properties. Storybook's controls, the gallery's
 * attribute panel and the README's API tables all read it.
 */

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

export default {
  globs: ['src/nps-trend/*.ts', 'src/journey-painpoints/*.ts', 'src/council-scorecard/*.ts', 'src/ui/cx-element.ts', 'src/events/*.ts', 'src/index.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [documentedEventsOnly()],
};
