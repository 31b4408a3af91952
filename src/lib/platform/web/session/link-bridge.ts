/**
 * A Link carried over a MessagePort, so the protocol engine can run in a worker while the port stays
 * where the browser lets it be opened (Web Serial's chooser needs the page; the virtual BMS has its own
 * worker). The page side pumps a real Link (`pumpLinkToMessagePort`); the worker side sees a Link
 * (`linkOverMessagePort`) with the same contract: buffered reads, line errors in order, a disconnect
 * event, writes that resolve once the real link took the bytes. Byte buffers are transferred, not
 * copied. No DOM here: any port with postMessage / message events works (Node's MessageChannel in tests).
 */
import { isLineError } from '../../../core/error-registry';
import { BmsError, toErrorData, type ErrorCode, type ErrorData } from '../../../core/errors';
import type { Link, LinkInfo, LinkSignals, ReadOptions } from '../../../core/link/link';
import { LinkLifecycle } from '../../../core/link/link-lifecycle';

/** The part of MessagePort both sides use (browser MessagePort and Node's both fit). */
export interface BridgePort {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

type Reply = { type: 'reply'; id: number; error?: ErrorData; info?: LinkInfo; signals?: 'applied' | 'unsupported' };

/** Page → worker. */
type ToWorker =
  | { type: 'data'; bytes: ArrayBuffer }
  | { type: 'line-error'; error: ErrorData }
  | { type: 'disconnected'; detail: string }
  | Reply;

/** Worker → page. */
type ToPage =
  | { type: 'write'; id: number; bytes: ArrayBuffer }
  | { type: 'set-baud'; id: number; baudRate: number }
  | { type: 'set-signals'; id: number; signals: LinkSignals }
  | { type: 'close'; id: number };

/** How long the worker's close() waits for the page to release the port before dropping the bridge. */
const CLOSE_REPLY_MS = 2_000;

/** A fresh buffer holding exactly `bytes`, safe to transfer (the source may be a view on a larger one). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * The worker's Link over `port`. `info` is the page-side link's info; a baud change made through this
 * link updates it. setBaudRate exists when the link has a line rate; setSignals always exists and
 * resolves 'unsupported' when the page-side link has no control lines.
 */
export function linkOverMessagePort(port: BridgePort, linkInfo: LinkInfo): Link {
  const info: LinkInfo = { ...linkInfo };
  const life = new LinkLifecycle();
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 0;
  let pageGone = false;

  const request = (message: ToPage, transfer: ArrayBuffer[] = []): Promise<Reply> => {
    const reply = new Promise<Reply>((resolve) => waiting.set(message.id, resolve));
    port.postMessage(message, transfer);
    return reply;
  };
  const settled = (reply: Reply): Reply => {
    if (reply.error) throw new BmsError(reply.error.code, reply.error.detail);
    return reply;
  };

  port.addEventListener('message', ({ data }) => {
    const message = data as ToWorker;
    switch (message.type) {
      case 'data':
        life.queue.push(new Uint8Array(message.bytes));
        return;
      case 'line-error':
        life.queue.pushError(new BmsError(message.error.code, message.error.detail));
        return;
      case 'disconnected':
        // The page has released its side already: nothing to ask it on close.
        pageGone = true;
        life.disconnected(message.detail);
        return;
      case 'reply':
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
    }
  });
  port.start();

  const link: Link = {
    info,
    async write(bytes: Uint8Array): Promise<void> {
      life.assertOpen('write');
      const buffer = ownBuffer(bytes);
      settled(await life.whileOpen(request({ type: 'write', id: nextId++, bytes: buffer }, [buffer])));
    },
    read: (options?: ReadOptions) => life.queue.read(options),
    async setSignals(signals: LinkSignals) {
      life.assertOpen('set the control lines');
      return settled(await life.whileOpen(request({ type: 'set-signals', id: nextId++, signals }))).signals ?? 'unsupported';
    },
    async close(): Promise<void> {
      if (!life.closing()) return;
      if (!pageGone) {
        const released = request({ type: 'close', id: nextId++ });
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([released, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_REPLY_MS)))]);
        clearTimeout(timer);
      }
      waiting.clear();
      port.close();
    },
    onDisconnect: (listener) => life.onDisconnect(listener)
  };
  if (info.baudRate !== undefined) {
    link.setBaudRate = async (baudRate: number) => {
      life.assertOpen('change the baud rate');
      const reply = settled(await life.whileOpen(request({ type: 'set-baud', id: nextId++, baudRate })));
      Object.assign(info, reply.info);
    };
  }
  return link;
}

export interface LinkPump {
  /** Resolves when the bridge is over: the worker closed it, or the link went away. */
  readonly done: Promise<void>;
  /** Closes the link and the bridge from the page's side (the worker then sees a disconnect). */
  stop(): Promise<void>;
}

/**
 * The page side: serves the worker's writes, baud and signal changes on `link`, and forwards every
 * received chunk, line error and the disconnect. The link is closed (the port released) when the worker
 * closes the bridge or the device goes away.
 */
export function pumpLinkToMessagePort(link: Link, port: BridgePort): LinkPump {
  let over = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const post = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
    if (!over) port.postMessage(message, transfer);
  };
  /** Releases the link, then the bridge; `replyTo` answers the worker's close once the port is free. */
  const end = async (replyTo?: number) => {
    if (over) return;
    over = true;
    await link.close().catch(() => {});
    if (replyTo !== undefined) port.postMessage({ type: 'reply', id: replyTo } satisfies ToWorker, []);
    port.close();
    finish();
  };
  const answer = async (id: number, task: () => Promise<Partial<Reply>>) => {
    try {
      post({ type: 'reply', id, ...(await task()) });
    } catch (error) {
      post({ type: 'reply', id, error: toErrorData(error) });
    }
  };

  port.addEventListener('message', ({ data }) => {
    const message = data as ToPage;
    switch (message.type) {
      case 'write':
        void answer(message.id, async () => (await link.write(new Uint8Array(message.bytes)), {}));
        return;
      case 'set-baud':
        void answer(message.id, async () => {
          if (!link.setBaudRate) throw new BmsError('LINK_NOT_SUPPORTED', `${link.info.label} has no line rate to change`);
          await link.setBaudRate(message.baudRate);
          return { info: { ...link.info } };
        });
        return;
      case 'set-signals':
        void answer(message.id, async () => ({ signals: link.setSignals ? await link.setSignals(message.signals) : 'unsupported' }));
        return;
      case 'close':
        void end(message.id);
    }
  });
  port.start();

  const pumpReads = async () => {
    while (!over) {
      try {
        const bytes = await link.read();
        const buffer = ownBuffer(bytes);
        post({ type: 'data', bytes: buffer }, [buffer]);
      } catch (error) {
        const data = toErrorData(error);
        // a UART line error (link.ts) while bytes keep flowing: passed on, the pump reads on
        if (isLineError(data.code)) {
          post({ type: 'line-error', error: data });
          continue;
        }
        if (data.code !== 'LINK_CLOSED') {
          post({ type: 'disconnected', detail: data.code === 'LINK_DISCONNECTED' ? data.detail : `${data.code}: ${data.detail}` });
        }
        await end();
      }
    }
  };
  void pumpReads();

  return {
    done,
    async stop() {
      post({ type: 'disconnected', detail: 'the page closed the port' });
      await end();
    }
  };
}
