/**
 * One reconnecting connection to a device, used by the CLI and the app's session worker alike: the
 * platform opens links (a serial port by path, a Web Serial port, a bridged MessagePort), this finds the
 * family on connect (detect-family.ts), and reopens the port when it went away (USB re-enumeration on
 * reset, a power cut, a restarted simulator) for the session's own wait for a boot and on request.
 */
import { isBmsError } from '../errors';
import type { Link } from '../link/link';
import { createSmpDeviceSession } from './bms/smp-device-session';
import { detectFamily, type FamilySessionOptions } from './detect-family';
import type { DeviceSession } from './device-session';
import { wait } from '../wait';
import { isTransportLoss } from '../error-registry';

export interface DeviceConnectionOptions {
  /** opens the link; called again to reopen it after it went away */
  openLink: () => Promise<Link>;
  /** tuning of the family sessions (timeouts, upload window) and the settings a stock device keeps */
  session?: Omit<FamilySessionOptions, 'link' | 'reopen'>;
  /** how long the session's own reopen (after a reset) keeps trying (default 5 s) */
  reopenTimeoutMs?: number;
  /** called with every link the connection opens after the first */
  onReopen?: (link: Link) => void;
  /** false: the platform cannot open the port again (the sessions then rely on a link that survives resets) */
  reopenable?: boolean;
}

/** Pause between attempts to reopen a port that went away. */
const REOPEN_POLL_MS = 250;

export class DeviceConnection {
  readonly #options: DeviceConnectionOptions;
  #link: Link;
  #session?: DeviceSession;
  #connection = '';

  private constructor(options: DeviceConnectionOptions, link: Link) {
    this.#options = options;
    this.#link = link;
  }

  static async open(options: DeviceConnectionOptions): Promise<DeviceConnection> {
    return new DeviceConnection(options, await options.openLink());
  }

  get link(): Link {
    return this.#link;
  }

  /** The family's session, once connect() found the family. */
  get session(): DeviceSession {
    if (!this.#session) throw new Error('DeviceConnection.session read before connect()');
    return this.#session;
  }

  /** what connect() learnt, for the log */
  get connection(): string {
    return this.#connection;
  }

  /**
   * Finds the family and learns the transport limits. A silent device gets the link test at once: it
   * tells a baud-rate mismatch (and the rate the device answers at) from no device at all (R06).
   */
  async connect(): Promise<string> {
    await this.#session?.close();
    try {
      const found = await detectFamily(this.#sessionOptions());
      this.#session = found.session;
      this.#connection = found.connection;
      return found.connection;
    } catch (error) {
      if (!isBmsError(error) || !isTransportLoss(error.code)) throw error;
      const probe = createSmpDeviceSession(this.#sessionOptions());
      try {
        await probe.linkTest();
      } finally {
        await probe.close();
      }
      throw error;
    }
  }

  /** After the port went away: a new link (retried until `timeoutMs`), the family found again. */
  async reopen(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await this.#session?.close();
    await this.#link.close();
    this.#link = await this.#retryOpen(timeoutMs, signal);
    this.#options.onReopen?.(this.#link);
    await this.connect();
  }

  async close(): Promise<void> {
    await this.#session?.close();
    await this.#link.close();
  }

  #sessionOptions(): FamilySessionOptions {
    return {
      ...this.#options.session,
      link: this.#link,
      // The session's wait for a boot reopens through us, so every holder sees the same link.
      reopen: this.#options.reopenable === false ? undefined : async () => {
        await this.#link.close();
        this.#link = await this.#retryOpen(this.#options.reopenTimeoutMs ?? 5000);
        this.#options.onReopen?.(this.#link);
        return this.#link;
      }
    };
  }

  async #retryOpen(timeoutMs: number, signal?: AbortSignal): Promise<Link> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.#options.openLink();
      } catch (error) {
        if (signal?.aborted || Date.now() + REOPEN_POLL_MS > deadline || !isBmsError(error)) throw error;
        await wait(REOPEN_POLL_MS, signal);
      }
    }
  }
}
