import type { StorybookConfig } from '@storybook/web-components-vite';
import { NEEDS_DEV_SERVER, heldOpenSource } from './held-open-source.ts';

/**
 * Storybook for the three elements: one story per state, controls and Docs pages generated from
 * custom-elements.json (see preview.ts). It loads vite.config.ts (the gallery branch, with the sample
 * data plugin and `worker.format: 'es'`), so the elements' worker runs here as it does in the gallery.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Telemetry stays off: builds must work offline, and with it on `storybook build` waits on the network.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A static build has no server to hold a request open, so the "Loading" stories would only show a 404 there.
  tags: (existing, { configType }) => ({
    ...existing,
    [NEEDS_DEV_SERVER]: { excludeFromSidebar: configType === 'PRODUCTION', excludeFromDocsStories: configType === 'PRODUCTION' },
  }),
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), heldOpenSource()],
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // The framework's renderer imports `lit/directive-helpers.js`, which the dev server's dependency
      // scan misses: served unbundled, it brought a second lit-html next to the pre-bundled one
      // ("Multiple versions of Lit loaded").
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
  }),
};

export default config;
