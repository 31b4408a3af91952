import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Fully prerendered static site: works from any static host and, with the service worker, offline.
    adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
    typescript: {
      // The CLI, scripts and test config share the core: type-check them with the app.
      config: (config) => {
        config.include.push('../cli/**/*.ts', '../scripts/**/*.ts', '../playwright.config.ts');
        // Core's runtime globals are for tsconfig.core.json only: here the DOM and Node types declare them.
        config.exclude.push('../src/lib/core/runtime-globals.d.ts');
        return config;
      }
    }
  }
};
