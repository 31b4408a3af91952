/**
 * "Update available" state. A new service worker installs in the background and then waits; we only
 * tell it to take over when the user agrees, so a page in the middle of a job is never swapped under it.
 */
export const swUpdate = $state<{ waiting: ServiceWorker | null }>({ waiting: null });

export async function watchForUpdates(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  offer(registration.waiting);
  if (registration.installing) follow(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) follow(registration.installing);
  });
}

export function applyUpdate(): void {
  const waiting = swUpdate.waiting;
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

function follow(worker: ServiceWorker): void {
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed') offer(worker);
  });
}

function offer(worker: ServiceWorker | null): void {
  // Without a controller this is the first install: nothing old is running, so there is nothing to offer.
  if (worker && navigator.serviceWorker.controller) swUpdate.waiting = worker;
}
