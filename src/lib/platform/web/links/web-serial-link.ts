/**
 * Link over a Web Serial port. One long-lived read loop feeds the shared byte queue; non-fatal line
 * errors (framing, parity, break, overrun) reach read() once and the loop carries on with a new reader,
 * as the spec re-creates `port.readable` after them. Close cancels the reader and releases every lock
 * before `port.close()`, which otherwise fails with "Cannot cancel a locked stream".
 */
import { BmsError } from '../../../core/errors';
import type { Link, LinkInfo, LinkSignals, ReadOptions } from '../../../core/link/link';
import { LinkLifecycle } from '../../../core/link/link-lifecycle';
import { describeUsbSerial } from '../../../core/link/usb-serial-chips';
import { errorMessage, errorName } from './dom-errors';
import { lineError, openError } from './web-serial-errors';
import type { SerialOptions, SerialPortLike } from './web-serial-types';

/** 64 KiB: Chrome's default of 255 bytes overruns while the page is busy (ESP Web Tools uses 8 KiB). */
export const WEB_SERIAL_BUFFER_SIZE = 64 * 1024;

export type WebSerialLinkOptions = SerialOptions;

export interface WebSerialLink extends Link {
  /** The port, to remember its identity or find it again after a reset. */
  readonly port: SerialPortLike;
}

/** Opens `port` (8N1, no flow control, 64 KiB buffers unless told otherwise) and starts reading. */
export async function openWebSerialLink(port: SerialPortLike, options: WebSerialLinkOptions): Promise<WebSerialLink> {
  const settings: SerialOptions = {
    dataBits: 8,
    stopBits: 1,
    parity: 'none',
    flowControl: 'none',
    bufferSize: WEB_SERIAL_BUFFER_SIZE,
    ...options
  };
  const portInfo = port.getInfo();
  const name = describeUsbSerial(portInfo.usbVendorId, portInfo.usbProductId);
  const info: LinkInfo = { kind: 'web-serial', wired: true, label: '', baudRate: settings.baudRate };
  const relabel = () => {
    info.baudRate = settings.baudRate;
    info.label = `${name} @ ${settings.baudRate}`;
  };
  relabel();

  const life = new LinkLifecycle();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  let pumping: Promise<void> = Promise.resolve();
  let stopping = false;
  // Writes, baud changes and signal changes run one at a time: a stream has one writer at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };

  const open = async () => {
    try {
      await port.open(settings);
    } catch (error) {
      throw openError(error, portInfo, info.label);
    }
  };

  const pump = async () => {
    while (!stopping && life.isOpen) {
      const readable = port.readable;
      if (!readable) {
        life.disconnected(`${info.label}: the port stopped delivering data`);
        return;
      }
      reader = readable.getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            // Only our own cancel() ends a Web Serial stream; anything else means the port went away.
            if (!stopping) life.disconnected(`${info.label}: the receive stream ended`);
            return;
          }
          life.queue.push(value);
        }
      } catch (error) {
        const nonFatal = lineError(error);
        if (nonFatal) life.queue.pushError(nonFatal);
        else if (!stopping) life.disconnected(`${info.label}: ${errorMessage(error)}`);
      } finally {
        reader.releaseLock();
        reader = undefined;
      }
    }
  };

  const startPump = () => {
    stopping = false;
    pumping = pump();
  };

  const stopPump = async () => {
    stopping = true;
    await reader?.cancel().catch(() => {});
    await pumping;
  };

  /** Closes the port; one that is already closed is fine, a refusal (a lock still held) is our bug. */
  const closePort = async () => {
    try {
      await port.close();
    } catch (error) {
      if (errorName(error) === 'InvalidStateError') return;
      throw new BmsError('INTERNAL_ERROR', `closing ${info.label}: ${errorMessage(error)}`, { cause: error });
    }
  };

  /** Releases both locks, then closes the port (also after the device went away, as Chrome requires). */
  const release = async () => {
    await stopPump();
    await writer?.abort().catch(() => {});
    await chain;
    await closePort();
  };

  const onDisconnectEvent = () => life.disconnected(`${info.label}: the USB device was unplugged or reset`);

  await open();
  port.addEventListener('disconnect', onDisconnectEvent);
  startPump();

  return {
    info,
    port,
    write: (bytes: Uint8Array) =>
      exclusive(async () => {
        life.assertOpen('write');
        const writable = port.writable;
        if (!writable) throw new BmsError('LINK_DISCONNECTED', `${info.label}: the port can no longer send`);
        writer = writable.getWriter();
        try {
          await writer.write(bytes);
        } catch (error) {
          // Chrome fails a write with NetworkError when the device goes, sometimes before 'disconnect'.
          if (errorName(error) === 'NetworkError') life.disconnected(`${info.label}: ${errorMessage(error)}`);
          life.assertOpen('write');
          throw new BmsError('LINK_WRITE_FAILED', `${info.label}: ${errorMessage(error)}`, { cause: error });
        } finally {
          writer.releaseLock();
          writer = undefined;
        }
      }),
    read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
    // Web Serial has no way to change the rate of an open port: close and reopen (as esptool-js does).
    setBaudRate: (baudRate: number) =>
      exclusive(async () => {
        life.assertOpen('change the baud rate');
        await stopPump();
        await closePort();
        settings.baudRate = baudRate;
        relabel();
        await open().catch((error: unknown) => {
          life.disconnected(`${info.label}: reopening at the new rate failed`);
          throw error;
        });
        startPump();
      }),
    setSignals: (signals: LinkSignals) =>
      exclusive(async () => {
        life.assertOpen('set the control lines');
        try {
          await port.setSignals(signals);
          return 'applied' as const;
        } catch (error) {
          throw new BmsError('LINK_SIGNALS_FAILED', `${info.label}: ${errorMessage(error)}`, { cause: error });
        }
      }),
    async close() {
      if (!life.closing()) return;
      port.removeEventListener('disconnect', onDisconnectEvent);
      await release();
    },
    onDisconnect: (listener) => life.onDisconnect(listener)
  };
}
