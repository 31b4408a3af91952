import { describe, expect, it } from 'vitest';
import { BmsError } from '../errors';
import { ByteQueue } from './byte-queue';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('ByteQueue', () => {
  it('keeps bytes that arrive while nobody reads and joins them into one read', async () => {
    const queue = new ByteQueue();
    queue.push(bytes(1, 2));
    queue.push(bytes(3));
    expect(queue.size).toBe(3);
    expect(await queue.read()).toEqual(bytes(1, 2, 3));
    expect(queue.size).toBe(0);
  });

  it('copies pushed chunks, so the sender may reuse its buffer, and returns plain Uint8Arrays', async () => {
    const queue = new ByteQueue();
    const chunk = bytes(7, 8);
    queue.push(chunk);
    chunk[0] = 0;
    const read = await queue.read();
    expect(read).toEqual(bytes(7, 8));
    expect(Object.getPrototypeOf(read)).toBe(Uint8Array.prototype);
  });

  it('serves waiting readers in order as bytes arrive', async () => {
    const queue = new ByteQueue();
    const first = queue.read();
    const second = queue.read();
    queue.push(bytes(1));
    queue.push(bytes(2));
    expect(await first).toEqual(bytes(1));
    expect(await second).toEqual(bytes(2));
  });

  it('R21 rejects with LINK_TIMEOUT when no byte arrives in time, and keeps later bytes for the next read', async () => {
    const queue = new ByteQueue();
    const started = Date.now();
    await expect(queue.read({ timeoutMs: 30 })).rejects.toMatchObject({ code: 'LINK_TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    queue.push(bytes(9));
    expect(await queue.read({ timeoutMs: 30 })).toEqual(bytes(9));
  });

  it('rejects with CANCELLED on abort, or with the abort reason when it is a BmsError', async () => {
    const queue = new ByteQueue();
    const controller = new AbortController();
    const pending = queue.read({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    const reason = new BmsError('LINK_TIMEOUT', 'overall deadline');
    await expect(queue.read({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    queue.push(bytes(4));
    expect(await queue.read()).toEqual(bytes(4));
  });

  it('surfaces a line error once, in order with the bytes around it, and collapses a burst of the same error', async () => {
    const queue = new ByteQueue();
    queue.push(bytes(1));
    queue.pushError(new BmsError('LINK_FRAMING_ERROR', 'stop bit low'));
    queue.pushError(new BmsError('LINK_FRAMING_ERROR', 'stop bit low'));
    queue.pushError(new BmsError('LINK_PARITY_ERROR', 'bad parity'));
    queue.push(bytes(2));
    expect(await queue.read()).toEqual(bytes(1));
    await expect(queue.read()).rejects.toMatchObject({ code: 'LINK_FRAMING_ERROR' });
    await expect(queue.read()).rejects.toMatchObject({ code: 'LINK_PARITY_ERROR' });
    expect(await queue.read()).toEqual(bytes(2));
  });

  it('on close rejects pending and future reads and drops buffered bytes', async () => {
    const queue = new ByteQueue();
    const pending = queue.read();
    queue.end(new BmsError('LINK_CLOSED', 'closed'));
    await expect(pending).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    queue.push(bytes(1));
    await expect(queue.read()).rejects.toMatchObject({ code: 'LINK_CLOSED' });
  });

  it('on disconnect delivers the bytes received before it, then rejects', async () => {
    const queue = new ByteQueue();
    queue.push(bytes(5, 6));
    queue.end(new BmsError('LINK_DISCONNECTED', 'cable pulled'), { keepBuffered: true });
    expect(await queue.read()).toEqual(bytes(5, 6));
    await expect(queue.read()).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(queue.ended?.code).toBe('LINK_DISCONNECTED');
  });
});
