/**
 * Shared by the device commands (info, upload, state, reset, linktest, flash, backup…): --port / --baud →
 * a Node serialport link → core's reconnecting DeviceConnection, which finds the device's family on
 * connect and reopens the port by path when it goes away and comes back (a reset that re-enumerates
 * USB, a restarted simulator). Closed cleanly however the command ends (Ctrl-C included). Tests pass
 * another link opener (a paced line to the virtual BMS) through `DeviceCommandDeps`.
 */
import { DEFAULT_BAUD, type Link } from '../src/lib/core/link/link';
import type { AuthGranted } from '../src/lib/core/protocol/smp/groups/bms-group';
import { SmpClient } from '../src/lib/core/protocol/smp/smp-client';
import { authenticate } from '../src/lib/core/family/authenticate';
import { fail } from '../src/lib/core/errors';
import type { FamilySessionOptions } from '../src/lib/core/family/detect-family';
import { DeviceConnection as CoreConnection } from '../src/lib/core/family/device-connection';
import type { DeviceSession } from '../src/lib/core/family/device-session';
import type { TechnicianSigner } from '../src/lib/core/family/technician-signer';
import { openSerialPortLink } from '../src/lib/platform/node/serialport-link';
import { UsageError, parseInteger } from './args';
import type { DeviceValues } from './commands/device-options';
import { Interrupted } from './exit-status';

export const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** For commands that write: the technician key that opens the authenticated session (R14), or the
 *  acknowledgement that the device has none. */
export const KEY_OPTION = { key: { type: 'string', short: 'k' }, 'allow-unauthenticated': { type: 'boolean' } } as const;

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
  session?: Omit<FamilySessionOptions, 'link' | 'reopen'>;
}

export function linkSettings(values: DeviceValues): LinkSettings {
  if (!values.port) throw new UsageError('--port is required (e.g. /dev/ttyUSB0, COM7, or the simulator\'s pty)');
  const baudRate = parseInteger(values.baud, 'baud') ?? DEFAULT_BAUD;
  if (baudRate <= 0) throw new UsageError(`--baud ${baudRate} is not a line rate`);
  return { port: values.port, baudRate };
}

/** The CLI's view of core's connection: the SMP client for the SMP tools, authentication by the family. */
export class DeviceConnection {
  readonly settings: LinkSettings;
  readonly #core: CoreConnection;
  #line?: string;
  /** a bare client for the link test, which must not probe the family first */
  #bare?: SmpClient;

  private constructor(settings: LinkSettings, core: CoreConnection) {
    this.settings = settings;
    this.#core = core;
  }

  static async open(settings: LinkSettings, deps: DeviceCommandDeps = {}, family: Omit<FamilySessionOptions, 'link' | 'reopen'> = {}): Promise<DeviceConnection> {
    const openLink = deps.openLink ?? openNodeSerialLink;
    const core = await CoreConnection.open({ openLink: () => openLink(settings), session: { ...deps.session, ...family } });
    return new DeviceConnection(settings, core);
  }

  get link(): Link {
    return this.#core.link;
  }

  get session(): DeviceSession {
    return this.#core.session;
  }

  /** The SMP client of the device's session (every family the CLI flashes speaks SMP), or a bare one before connect. */
  get client(): SmpClient {
    if (this.#line !== undefined) {
      const client = (this.#core.session as { client?: SmpClient }).client;
      if (!client) fail('FAMILY_NOT_SUPPORTED', `${this.#core.session.family.label} does not speak SMP`);
      return client;
    }
    this.#bare ??= new SmpClient(this.#core.link);
    return this.#bare;
  }

  /** Finds the family and learns the buffer limits (once); returns a one-line description of the session. */
  async connect(): Promise<string> {
    await this.#bare?.close();
    this.#bare = undefined;
    this.#line ??= await this.#core.connect();
    return this.#line;
  }

  /**
   * Opens the technician session (R14) with the BMS's own serial, as the update procedure does. A family
   * without one is refused unless the operator acknowledged it (--allow-unauthenticated).
   */
  async authenticate(signer: TechnicianSigner | undefined, allowUnauthenticated = false): Promise<AuthGranted | undefined> {
    const session = this.#core.session;
    if (!session.auth) {
      if (!allowUnauthenticated) {
        fail('UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED', `${session.family.label} has no authenticated maintenance session; pass --allow-unauthenticated to write to it anyway`);
      }
      return undefined;
    }
    const { serial } = await session.identity();
    return authenticate(session, signer, serial);
  }

  /** After the port went away: reopened by path (retried until `timeoutMs`), the family found again. */
  async reopen(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await this.#core.reopen(timeoutMs, signal);
    this.#line = this.#core.connection;
  }

  async close(): Promise<void> {
    await this.#bare?.close();
    await this.#core.close();
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
  task: (device: DeviceConnection, signal: AbortSignal) => Promise<T>,
  /** detect: find the family before the task (every command but the link test); family: its options */
  how: { detect?: boolean; family?: Omit<FamilySessionOptions, 'link' | 'reopen'> } = {}
): Promise<T> {
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Interrupted('SIGINT'));
  const onTerminate = () => stop.abort(new Interrupted('SIGTERM'));
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onTerminate);
  const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
  try {
    const device = await DeviceConnection.open(settings, deps, how.family);
    try {
      if (how.detect ?? true) await device.connect();
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
