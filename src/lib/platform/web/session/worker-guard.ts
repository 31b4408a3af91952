/**
 * A worker that fails to load or crashes never answers: without a guard its callers would wait
 * forever. `guard(call)` rejects with INTERNAL_ERROR once the worker reported an error.
 */
import { BmsError } from '../../../core/errors';

export function crashGuard(worker: Worker, name: string): <T>(call: Promise<T>) => Promise<T> {
  const crashed = new Promise<never>((_, reject) => {
    const onError = (event: ErrorEvent) => reject(new BmsError('INTERNAL_ERROR', `${name} worker failed: ${event.message}`));
    worker.addEventListener('error', onError, { once: true });
  });
  crashed.catch(() => {}); // observed through the guard; not an unhandled rejection when nobody waits
  return <T>(call: Promise<T>) => Promise.race([call, crashed]);
}
