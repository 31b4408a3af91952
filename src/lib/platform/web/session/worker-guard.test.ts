import { describe, expect, it } from 'vitest';
import { crashGuard } from './worker-guard';

/** A worker stand-in: only its 'error' event matters to the guard. */
function fakeWorker() {
  const target = new EventTarget();
  const crash = (message: string) => target.dispatchEvent(Object.assign(new Event('error'), { message }));
  return { worker: target as unknown as Worker, crash };
}

describe('crashGuard', () => {
  it('passes answers through while the worker runs', async () => {
    const { worker } = fakeWorker();
    await expect(crashGuard(worker, 'image')(Promise.resolve(42))).resolves.toBe(42);
  });

  it('a crash rejects the calls still waiting with INTERNAL_ERROR naming the worker, and every later one', async () => {
    const { worker, crash } = fakeWorker();
    const guard = crashGuard(worker, 'image');
    const waiting = guard(new Promise<number>(() => {}));
    crash('load failed');
    await expect(waiting).rejects.toMatchObject({ code: 'INTERNAL_ERROR', detail: 'image worker failed: load failed' });
    await expect(guard(new Promise<number>(() => {}))).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
  });
});
