/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support: precache the whole app (code, static files, prerendered pages) at install, so a
 * technician who opened the app once can check firmware in a basement without network.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `bms-flasher-${version}`;
// `build` files have content hashes in their names; `files` and pages change only with `version`.
const IMMUTABLE = new Set(build);
const PRECACHE = [...build, ...files, ...prerendered];
const PAGES = new Set(prerendered);
const STATIC = new Set(files);

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
  );
});

// The page asks for this when the user accepts the "update available" prompt.
sw.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (IMMUTABLE.has(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, pageFor(url.pathname)));
  } else if (PAGES.has(url.pathname) || STATIC.has(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

/** Fresh when online; the precached copy when the network fails. */
async function networkFirst(request: Request, fallbackPath: string): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && PAGES.has(new URL(request.url).pathname)) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(fallbackPath));
    if (cached) return cached;
    throw error;
  }
}

/** `/keys` and `/keys/index.html` are the page prerendered as `/keys/`; unknown paths get the home page. */
function pageFor(pathname: string): string {
  const withSlash = pathname.replace(/\/index\.html$/, '/').replace(/([^/])$/, '$1/');
  return PAGES.has(withSlash) ? withSlash : `${base}/`;
}
