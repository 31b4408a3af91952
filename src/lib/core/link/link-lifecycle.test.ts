import { describe, expect, it, vi } from 'vitest';
import { LinkLifecycle } from './link-lifecycle';

describe('LinkLifecycle', () => {
  it('R16 calls disconnect listeners once and lets reads drain the bytes received before it', async () => {
    const life = new LinkLifecycle();
    const listener = vi.fn();
    life.onDisconnect(listener);
    life.queue.push(Uint8Array.of(1));
    expect(life.disconnected('cable pulled')).toBe(true);
    expect(life.disconnected('again')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(await life.queue.read()).toEqual(Uint8Array.of(1));
    await expect(life.queue.read()).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(() => life.assertOpen('write')).toThrow(expect.objectContaining({ code: 'LINK_DISCONNECTED' }));
  });

  it('still tells a listener that subscribes after the disconnect', async () => {
    const life = new LinkLifecycle();
    life.disconnected('gone');
    const listener = vi.fn();
    life.onDisconnect(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('closing rejects reads with LINK_CLOSED, reports the first call only, and silences listeners', async () => {
    const life = new LinkLifecycle();
    const listener = vi.fn();
    life.onDisconnect(listener);
    const pending = life.queue.read();
    expect(life.closing()).toBe(true);
    expect(life.closing()).toBe(false);
    await expect(pending).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    expect(life.disconnected('late event')).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    expect(() => life.assertOpen('write')).toThrow(expect.objectContaining({ code: 'LINK_CLOSED' }));
  });

  it('an unsubscribed listener is not called', () => {
    const life = new LinkLifecycle();
    const listener = vi.fn();
    life.onDisconnect(listener)();
    life.disconnected('gone');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('LinkLifecycle.whileOpen', () => {
  it('settles like the task while the link is open', async () => {
    const life = new LinkLifecycle();
    expect(await life.whileOpen(Promise.resolve(5))).toBe(5);
    await expect(life.whileOpen(Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('R16 abandons a task the vanished device will never complete, and refuses new ones', async () => {
    const life = new LinkLifecycle();
    const never = life.whileOpen(new Promise(() => {}));
    life.disconnected('cable pulled');
    await expect(never).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(life.whileOpen(Promise.resolve(1))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    const closed = new LinkLifecycle();
    const waiting = closed.whileOpen(new Promise(() => {}));
    closed.closing();
    await expect(waiting).rejects.toMatchObject({ code: 'LINK_CLOSED' });
  });
});
