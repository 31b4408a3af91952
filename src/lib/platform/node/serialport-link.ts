/**
 * Link over a serial port in Node (the CLI), with the `serialport` v13 package. serialport reports
 * errors as messages only ("Cannot lock port", "Permission denied"), so they are mapped by text.
 *
 * Pseudo-terminals (the simulator's pty, socat pairs) have no modem lines: setting DTR/RTS there fails
 * with "Inappropriate ioctl for device". That is tolerated: setSignals resolves 'unsupported' so a
 * caller that wanted a hardware reset can ask for a manual one instead of failing the update.
 */
import { SerialPort } from 'serialport';
import { BmsError } from '../../core/errors';
import type { Link, LinkInfo, LinkSignals, ReadOptions } from '../../core/link/link';
import { LinkLifecycle } from '../../core/link/link-lifecycle';
import { describeUsbSerial } from '../../core/link/usb-serial-chips';

export interface SerialPortLinkOptions {
  /** /dev/ttyUSB0, /dev/ttyACM0, COM7, or a pty such as the simulator's link. */
  path: string;
  baudRate: number;
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
  /** Hardware (RTS/CTS) flow control; off by default, as RS485 adapters use RTS for direction. */
  rtscts?: boolean;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Opens the port and starts receiving. Rejects with LINK_PORT_NOT_FOUND, LINK_PORT_BUSY, LINK_OPEN_FAILED… */
export async function openSerialPortLink(options: SerialPortLinkOptions): Promise<Link> {
  const { path } = options;
  const port = new SerialPort({
    path,
    baudRate: options.baudRate,
    dataBits: options.dataBits ?? 8,
    stopBits: options.stopBits ?? 1,
    parity: options.parity ?? 'none',
    rtscts: options.rtscts ?? false,
    autoOpen: false
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(openError(error, path)) : resolve()))
  );

  const name = await adapterName(path);
  const info: LinkInfo = { kind: 'node-serial', wired: true, label: '', baudRate: options.baudRate };
  const relabel = (baudRate: number) => {
    info.baudRate = baudRate;
    info.label = `${name} @ ${baudRate}`;
  };
  relabel(options.baudRate);

  const life = new LinkLifecycle();
  // serialport's set() applies defaults to omitted lines, so the full state is kept and sent each time.
  const lines = { dtr: true, rts: true, brk: false };
  port.on('data', (chunk: Uint8Array) => life.queue.push(chunk));
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    if (!life.isClosed) life.disconnected(`${name}: ${error?.disconnected ? 'device removed' : 'port closed'}`);
  });
  // A stream error outside our own calls (a failed read) leaves the port unusable.
  port.on('error', (error) => life.disconnected(`${name}: ${message(error)}`));

  const call = (task: (done: (error: Error | null) => void) => void) =>
    life.whileOpen(new Promise<void>((resolve, reject) => task((error) => (error ? reject(error) : resolve()))));

  return {
    info,
    async write(bytes: Uint8Array) {
      life.assertOpen('write');
      try {
        // The callback runs once the bytes are written to the OS driver (not transmitted yet).
        await call((done) => port.write(bytes, (error) => done(error ?? null)));
      } catch (error) {
        if (error instanceof BmsError) throw error;
        throw new BmsError('LINK_WRITE_FAILED', `${name}: ${message(error)}`, { cause: error });
      }
    },
    read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
    async setBaudRate(baudRate: number) {
      life.assertOpen('change the baud rate');
      try {
        await call((done) => port.update({ baudRate }, done));
      } catch (error) {
        if (error instanceof BmsError) throw error;
        throw new BmsError('LINK_INVALID_SETTINGS', `${name} at ${baudRate} baud: ${message(error)}`, { cause: error });
      }
      relabel(baudRate);
    },
    async setSignals(signals: LinkSignals) {
      life.assertOpen('set the control lines');
      const next = {
        dtr: signals.dataTerminalReady ?? lines.dtr,
        rts: signals.requestToSend ?? lines.rts,
        brk: signals.break ?? lines.brk
      };
      try {
        await call((done) => port.set(next, done));
      } catch (error) {
        if (error instanceof BmsError) throw error;
        if (/inappropriate ioctl/i.test(message(error))) return 'unsupported';
        throw new BmsError('LINK_SIGNALS_FAILED', `${name}: ${message(error)}`, { cause: error });
      }
      Object.assign(lines, next);
      return 'applied';
    },
    async close() {
      if (!life.closing()) return;
      if (!port.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
    onDisconnect: (listener) => life.onDisconnect(listener)
  };
}

/** Maps serialport's open failures (Linux, macOS and Windows wordings) to link codes. */
export function openError(error: unknown, path: string): BmsError {
  const text = message(error);
  const detail = `${path}: ${text}`;
  if (/no such file|file not found|cannot find the file/i.test(text)) return new BmsError('LINK_PORT_NOT_FOUND', detail, { cause: error });
  if (/cannot lock port|resource busy|resource temporarily unavailable/i.test(text)) {
    return new BmsError('LINK_PORT_BUSY', detail, { cause: error });
  }
  // Windows says "Access denied" when another program holds a COM port.
  if (/access denied/i.test(text)) return new BmsError('LINK_PORT_BUSY', detail, { cause: error });
  if (/permission denied/i.test(text)) {
    return new BmsError('LINK_OPEN_FAILED', `${detail} (on Linux: sudo usermod -aG dialout $USER, then log in again)`, { cause: error });
  }
  if (/baud|invalid/i.test(text)) return new BmsError('LINK_INVALID_SETTINGS', detail, { cause: error });
  return new BmsError('LINK_OPEN_FAILED', detail, { cause: error });
}

/** "CP2102 (10c4:ea60) on /dev/ttyUSB0" when the OS reports USB ids for the path, else the path. */
async function adapterName(path: string): Promise<string> {
  const ports = await SerialPort.list().catch(() => []);
  const found = ports.find((p) => p.path === path);
  if (!found?.vendorId) return path;
  const id = (hex: string | undefined) => (hex ? Number.parseInt(hex, 16) : undefined);
  return `${describeUsbSerial(id(found.vendorId), id(found.productId))} on ${path}`;
}
