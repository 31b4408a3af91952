/**
 * DeviceSession over SMP: the smp helper's client, groups, upload engine and link test, behind the
 * narrow interface the procedure uses. It adds the two things the procedure needs that SMP does not
 * say: when a reset has really happened (the uptime starts again), and a new client on a reopened port
 * after the old one went away (USB re-enumeration on reset or power cut).
 */
import { BmsError, fail, isBmsError, toErrorData } from '../../errors';
import type { Link } from '../../link/link';
import * as bms from '../../protocol/smp/groups/bms-client';
import type { BmsIdentity } from '../../protocol/smp/groups/bms-group';
import { confirmImage, readImageState, testImage, type ImageState } from '../../protocol/smp/groups/image-group';
import { negotiateLimits, reset } from '../../protocol/smp/groups/os-group';
import { testLink, type LinkTestOptions, type LinkTestResult } from '../../protocol/smp/link-test';
import { SmpClient, type SmpClientOptions } from '../../protocol/smp/smp-client';
import { sameBytes } from '../../image/same-bytes';
import { uploadImage, type SmpUploadOptions } from '../../protocol/smp/upload';
import type { DeviceSession, ImageSlot, LinkProbeReport } from '../device-session';
import { wait } from '../../wait';

export interface SmpDeviceSessionOptions {
  link: Link;
  /** Reopens the port after it went away; without it the link must survive resets (UART adapters do). */
  reopen?: () => Promise<Link>;
  client?: SmpClientOptions;
  /** how long the transport-parameters probe may wait (the smp default suits real devices) */
  paramsTimeoutMs?: number;
  upload?: Pick<SmpUploadOptions, 'window' | 'alignment' | 'timeoutMs' | 'firstChunkTimeoutMs'>;
  linkTest?: Omit<LinkTestOptions, 'signal'>;
  /** while waiting for a boot: pause between probes, and how long one probe may take */
  bootPollMs?: number;
  bootProbeTimeoutMs?: number;
  /** device milliseconds per host millisecond: 1 for real hardware; a simulator may run faster */
  deviceClockRate?: number;
  now?: () => number;
}

export interface SmpDeviceSession extends DeviceSession {
  /** the client in use (replaced after a reopen) */
  readonly client: SmpClient;
  close(): Promise<void>;
}

const GONE = new Set(['LINK_DISCONNECTED', 'LINK_CLOSED', 'LINK_DEVICE_LOST_ON_RESET']);

export function createSmpDeviceSession(options: SmpDeviceSessionOptions): SmpDeviceSession {
  const now = options.now ?? (() => Date.now());
  let link = options.link;
  let client = new SmpClient(link, options.client);
  /**
   * What proves our reset happened: another image runs (or the bootloader instead of an application),
   * or the uptime is one of a device that started after the reset request. A device in its bootloader
   * has no uptime, so there it must come back running an application (or stay in its bootloader until
   * the deadline, when that answer is taken as the result).
   */
  let resetFrom: { identity: BmsIdentity; uptime?: { ms: number; readAt: number } } | undefined;
  const rate = options.deviceClockRate ?? 1;

  const slotsOf = (state: ImageState): ImageSlot[] =>
    state.images.map((s) => ({ ...s, hash: s.hash ?? new Uint8Array(0) }));

  const negotiate = () => negotiateLimits(client, options.paramsTimeoutMs === undefined ? {} : { timeoutMs: options.paramsTimeoutMs });

  const reconnect = async () => {
    if (!options.reopen) return;
    await client.close();
    link = await options.reopen();
    client = new SmpClient(link, options.client);
    await negotiate();
  };

  /** The identity once the device talks again and, after our reset, has really restarted. */
  const probeBoot = async (signal?: AbortSignal): Promise<{ identity: BmsIdentity; proven: boolean }> => {
    const call = { timeoutMs: options.bootProbeTimeoutMs ?? 1000, retries: 0, signal };
    const identity = await bms.identity(client, call);
    if (resetFrom === undefined) return { identity, proven: true };
    const before = resetFrom.identity;
    if (identity.in_bootloader !== before.in_bootloader || !sameBytes(identity.fw_hash, before.fw_hash)) return { identity, proven: true };
    const uptime = resetFrom.uptime;
    if (uptime === undefined) return { identity, proven: false };
    const { uptime_ms } = await bms.telemetry(client, call);
    // Without a reset the uptime is at least U0 + elapsed; after one, at most the elapsed time. The
    // midpoint between both keeps a margin of U0/2 against timer jitter, whatever the probing delays.
    const elapsed = (now() - uptime.readAt) * rate;
    return { identity, proven: uptime_ms < uptime.ms / 2 + elapsed };
  };

  return {
    get link() {
      return link.info;
    },
    get client() {
      return client;
    },
    async connect() {
      const { limits, source } = await negotiate();
      return `SMP v${client.version === 1 ? 2 : 1}, buffer ${limits.bufSize} bytes × ${limits.bufCount} (${source === 'device' ? 'from the device' : 'profile default'}), line ${limits.lineLength}`;
    },
    identity: () => bms.identity(client),
    telemetry: () => bms.telemetry(client),
    readConfig: () => bms.readConfig(client),
    writeConfig: (values) => bms.writeConfig(client, values),
    authChallenge: () => bms.authChallenge(client),
    async authRespond(response) {
      try {
        return await bms.authRespond(client, response);
      } catch (error) {
        if (isBmsError(error) && error.code === 'SMP_BMS_AUTH_REJECTED') fail('UPDATE_AUTH_REJECTED', error.detail, error);
        throw error;
      }
    },
    imageState: async () => slotsOf(await readImageState(client)),
    async upload(image, { onProgress, signal } = {}) {
      // The procedure samples telemetry while the upload runs (R01–R03): keep one device buffer free for
      // it, as Nordic advises (window = buf_count − 1), or a full window makes the device drop the reading.
      const windowSize = options.upload?.window ?? Math.max(1, client.limits.bufCount - 1);
      await uploadImage(client, image, { ...options.upload, window: windowSize, signal, now, onProgress: (p) => onProgress?.(p.sent, p.total) });
    },
    testImage: async (hash) => slotsOf(await testImage(client, hash)),
    confirm: async () => slotsOf(await confirmImage(client)),
    async reset() {
      const identity = await bms.identity(client);
      resetFrom = identity.in_bootloader ? { identity } : { identity, uptime: { ms: (await bms.telemetry(client)).uptime_ms, readAt: now() } };
      await reset(client);
    },
    async waitForBoot({ timeoutMs, signal }) {
      const deadline = now() + timeoutMs;
      let last: unknown;
      let unproven: BmsIdentity | undefined;
      for (;;) {
        try {
          const { identity, proven } = await probeBoot(signal);
          if (proven) {
            resetFrom = undefined;
            return identity;
          }
          unproven = identity;
        } catch (error) {
          if (signal?.aborted) throw error;
          last = error;
          if (isBmsError(error) && GONE.has(error.code)) {
            await reconnect().catch((reopenError: unknown) => (last = reopenError));
          }
        }
        if (now() >= deadline) {
          resetFrom = undefined;
          // It answers, only never from a new boot of an application: its bootloader is the answer.
          if (unproven?.in_bootloader) return unproven;
          const why = last ? toErrorData(last) : { code: 'no answer', detail: 'the device still reports its old uptime' };
          throw new BmsError('LINK_TIMEOUT', `no boot within ${timeoutMs} ms: ${why.code} ${why.detail}`, { cause: last });
        }
        await wait(options.bootPollMs ?? 200, signal);
      }
    },
    bootLog: () => bms.bootLog(client),
    selfTest: () => bms.selfTest(client),
    balanceTest: () => bms.balanceTest(client),
    linkTest: async () => probeReport(await testLink(client, options.linkTest)),
    close: () => client.close()
  };
}

/** The link test's error counts, sorted into what the R06 check judges. */
function probeReport(result: LinkTestResult): LinkProbeReport {
  const count = (match: (code: string) => boolean) =>
    result.errors.filter((e) => match(e.code)).reduce((sum, e) => sum + e.count, 0);
  const mismatches = count((c) => c === 'SMP_ECHO_MISMATCH');
  return {
    probes: result.rounds,
    ok: result.answered,
    lost: Math.max(0, result.rounds - result.answered - mismatches),
    corrupted: mismatches + count((c) => c.startsWith('SMP_FRAME_') || c === 'SMP_CBOR_INVALID' || c === 'SMP_PACKET_INVALID'),
    lineErrors: count((c) => c.startsWith('LINK_')),
    roundTripMs: result.rttMs,
    baudRate: result.baudRate
  };
}
