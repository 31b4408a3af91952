import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Fully prerendered static site: works from any static host and, with the service worker, offline.
    adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
    // Content Security Policy (docs/security.md). Prerendered pages carry it as a <meta> tag with the
    // hashes of SvelteKit's own inline start-up script, so no 'unsafe-inline' for scripts: an injected
    // script does not run. Everything, workers and the service worker included, comes from our origin
    // only. Styles keep 'unsafe-inline': Svelte sets style attributes (bars, transitions).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    },
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
