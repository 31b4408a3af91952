import { BmsError } from './errors';

/** A timer that an AbortSignal ends early with CANCELLED (operator stop), so no wait outlives a cancel. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new BmsError('CANCELLED', 'stopped while waiting');
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function throwIfCancelled(signal: AbortSignal | undefined, where: string): void {
  if (signal?.aborted) throw new BmsError('CANCELLED', `stopped by the operator during ${where}`);
}
