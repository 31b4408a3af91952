/**
 * Shared by the device commands (info, upload, state, reset, linktest): --port / --baud → a Node
 * serialport link → an SMP device session, authenticated when the command writes, reopened when the
 * port goes away mid-transfer, and closed cleanly however the command ends (Ctrl-C included). The
 * option names and the technician key lookup are the ones `flash` uses (commands/device-options.ts).
 * Tests pass another link opener (a paced line to the virtual BMS) through `DeviceCommandDeps`.
 */
import { DEFAULT_BAUD, type Link } from '../src/lib/core/link/link';
import type { AuthGranted } from '../src/lib/core/protocol/smp/groups/bms-group';
import type { SmpClient } from '../src/lib/core/protocol/smp/smp-client';
import { authenticate } from '../src/lib/core/family/authenticate';
import { createSmpDeviceSession, type SmpDeviceSession, type SmpDeviceSessionOptions } from '../src/lib/core/family/bms/smp-device-session';
import type { TechnicianSigner } from '../src/lib/core/family/technician-signer';
import { openSerialPortLink } from '../src/lib/platform/node/serialport-link';
import { UsageError, parseInteger } from './args';
import type { DeviceValues } from './commands/device-options';
import { Interrupted } from './exit-status';

export const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** For commands that write: the technician key that opens the authenticated session (R14). */
export const KEY_OPTION = { key: { type: 'string', short: 'k' } } as const;

export interface LinkSettings {
  port: string;
  baudRate: number;
}

export type LinkOpener = (settings: LinkSettings) => Promise<Link>;

export const openNodeSerialLink: LinkOpener = ({ port, baudRate }) => openSerialPortLink({ path: port, baudRate });

/** What tests (and embedding programs) may replace. */
export interface DeviceCommandDeps {
  openLink?: LinkOpener;
  /** cancels the command; Ctrl-C does too */
  signal?: AbortSignal;
  session?: Omit<SmpDeviceSessionOptions, 'link' | 'reopen'>;
}

export function linkSettings(values: DeviceValues): LinkSettings {
  if (!values.port) throw new UsageError('--port is required (e.g. /dev/ttyUSB0, COM7, or the simulator\'s pty)');
  const baudRate = parseInteger(values.baud, 'baud') ?? DEFAULT_BAUD;
  if (baudRate <= 0) throw new UsageError(`--baud ${baudRate} is not a line rate`);
  return { port: values.port, baudRate };
}

/** Pause between attempts to reopen a port that went away (USB re-enumeration, a restarted simulator). */
const REOPEN_POLL_MS = 250;

export class DeviceConnection {
  readonly settings: LinkSettings;
  readonly #openLink: LinkOpener;
  readonly #sessionOptions: DeviceCommandDeps['session'];
  #link: Link;
  #session: SmpDeviceSession;

  private constructor(settings: LinkSettings, openLink: LinkOpener, link: Link, sessionOptions: DeviceCommandDeps['session']) {
    this.settings = settings;
    this.#openLink = openLink;
    this.#sessionOptions = sessionOptions;
    this.#link = link;
    this.#session = this.#newSession();
  }

  static async open(settings: LinkSettings, deps: DeviceCommandDeps = {}): Promise<DeviceConnection> {
    const openLink = deps.openLink ?? openNodeSerialLink;
    return new DeviceConnection(settings, openLink, await openLink(settings), deps.session);
  }

  get link(): Link {
    return this.#link;
  }

  get session(): SmpDeviceSession {
    return this.#session;
  }

  get client(): SmpClient {
    return this.#session.client;
  }

  /** Learns the device's buffer limits (OS params); returns a one-line description of the session. */
  connect(): Promise<string> {
    return this.#session.connect();
  }

  /** Opens the technician session (R14) with the BMS's own serial, as the update procedure does. */
  async authenticate(signer: TechnicianSigner | undefined): Promise<AuthGranted> {
    const { serial } = await this.#session.identity();
    return authenticate(this.#session, signer, serial);
  }

  /** After the port went away: a new link (retried until `timeoutMs`), a new session, limits learnt again. */
  async reopen(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await this.#session.close();
    await this.#link.close();
    this.#link = await this.#retryOpen(timeoutMs, signal);
    this.#session = this.#newSession();
    await this.#session.connect();
  }

  async close(): Promise<void> {
    await this.#session.close();
    await this.#link.close();
  }

  #newSession(): SmpDeviceSession {
    return createSmpDeviceSession({
      ...this.#sessionOptions,
      link: this.#link,
      // waitForBoot's own reopen (a USB adapter that re-enumerates on reset) goes through us too.
      reopen: async () => {
        await this.#link.close();
        this.#link = await this.#retryOpen(5000);
        return this.#link;
      }
    });
  }

  async #retryOpen(timeoutMs: number, signal?: AbortSignal): Promise<Link> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.#openLink(this.settings);
      } catch (error) {
        if (signal?.aborted || Date.now() + REOPEN_POLL_MS > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, REOPEN_POLL_MS));
      }
    }
  }
}

/**
 * Opens the device, runs `task`, and closes the link whatever happens. Ctrl-C (SIGINT) and SIGTERM abort
 * the signal given to the task (an upload then stops cleanly and can be resumed by running the command
 * again; `flash` stops where it is, reads the device back and says what runs).
 */
export async function withDevice<T>(
  settings: LinkSettings,
  deps: DeviceCommandDeps,
  task: (device: DeviceConnection, signal: AbortSignal) => Promise<T>
): Promise<T> {
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Interrupted('SIGINT'));
  const onTerminate = () => stop.abort(new Interrupted('SIGTERM'));
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onTerminate);
  const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
  try {
    const device = await DeviceConnection.open(settings, deps);
    try {
      return await task(device, signal);
    } catch (error) {
      // Whatever the command was doing when Ctrl-C or SIGTERM came, it ends as that stop (130 / 143).
      if (signal.aborted && signal.reason instanceof Interrupted) throw signal.reason;
      throw error;
    } finally {
      await device.close();
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onTerminate);
  }
}
