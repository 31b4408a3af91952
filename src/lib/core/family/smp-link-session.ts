/**
 * What every SMP family shares (our BMS and stock mcumgr): the client over a link, the transport limits,
 * a new client on a reopened port after the old one went away (USB re-enumeration on reset or power
 * cut), the wait for a boot, the image group and the link test. Each family adds how it proves that a
 * reset really happened and the capabilities its firmware has.
 */
import { BmsError, isBmsError, toErrorData } from '../errors';
import type { Link } from '../link/link';
import { confirmImage, readImageState, testImage, type ImageState } from '../protocol/smp/groups/image-group';
import { negotiateLimits, type CallOptions, type NegotiatedLimits } from '../protocol/smp/groups/os-group';
import { testLink, type LinkTestOptions, type LinkTestResult } from '../protocol/smp/link-test';
import { SmpClient, type SmpClientOptions } from '../protocol/smp/smp-client';
import type { SmpLimits } from '../protocol/smp/smp-client-types';
import { uploadImage, type SmpUploadOptions } from '../protocol/smp/upload';
import { wait } from '../wait';
import type { DeviceIdentity, ImageSlot, LinkProbeReport, UploadOptions } from './device-session';

export interface SmpSessionOptions {
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

/** One look at a device that answers again: its identity, and whether it proves a new boot. */
export type BootProbe = (call: CallOptions, silenceSeen: boolean) => Promise<{ identity: DeviceIdentity; proven: boolean }>;

const GONE = new Set(['LINK_DISCONNECTED', 'LINK_CLOSED', 'LINK_DEVICE_LOST_ON_RESET']);

export function slotsOf(state: ImageState): ImageSlot[] {
  return state.images.map((s) => ({ ...s, hash: s.hash ?? new Uint8Array(0) }));
}

export function createSmpLinkSession(options: SmpSessionOptions) {
  const now = options.now ?? (() => Date.now());
  let link = options.link;
  let client = new SmpClient(link, options.client);
  /** limits to apply when the device does not say (OS params missing); the family's safe default */
  let fallbackLimits: Partial<SmpLimits> | undefined;
  let negotiated: NegotiatedLimits | undefined;

  const negotiate = async (): Promise<NegotiatedLimits> => {
    const result = await negotiateLimits(client, options.paramsTimeoutMs === undefined ? {} : { timeoutMs: options.paramsTimeoutMs });
    if (result.source === 'profile' && fallbackLimits) client.setLimits(fallbackLimits);
    negotiated = { limits: client.limits, source: result.source };
    return negotiated;
  };

  const reconnect = async () => {
    if (!options.reopen) return;
    await client.close();
    link = await options.reopen();
    client = new SmpClient(link, options.client);
    await negotiate();
  };

  return {
    now,
    deviceClockRate: options.deviceClockRate ?? 1,
    get link() {
      return link;
    },
    get client() {
      return client;
    },
    get negotiated() {
      return negotiated;
    },
    /** Used when OS params does not answer (stock devices without CONFIG_MCUMGR_GRP_OS_MCUMGR_PARAMS). */
    useWhenUnreported(limits: Partial<SmpLimits>) {
      fallbackLimits = limits;
    },
    async connect(): Promise<string> {
      const { limits, source } = await negotiate();
      return `SMP v${client.version === 1 ? 2 : 1}, buffer ${limits.bufSize} bytes × ${limits.bufCount} (${source === 'device' ? 'from the device' : 'not reported: safe default'}), line ${limits.lineLength}`;
    },
    imageState: async () => slotsOf(await readImageState(client)),
    testImage: async (hash: Uint8Array) => slotsOf(await testImage(client, hash)),
    confirm: async () => slotsOf(await confirmImage(client)),
    async upload(image: Uint8Array, { onProgress, signal }: UploadOptions = {}, keepFree: number) {
      // A procedure that samples readings while the upload runs keeps one device buffer free for them, as
      // Nordic advises (window = buf_count − 1); one request at a time where the device has a single buffer.
      const windowSize = options.upload?.window ?? Math.max(1, client.limits.bufCount - keepFree);
      await uploadImage(client, image, { ...options.upload, window: windowSize, signal, now, onProgress: (p) => onProgress?.(p.sent, p.total) });
    },
    /**
     * Probes until `probe` proves a new boot, reopening the port when it went away. At the deadline an
     * answer `acceptAtDeadline` takes is the result (a bootloader that answers); otherwise LINK_TIMEOUT.
     * `untilSilentPollMs`: a family whose proof is the device falling silent probes back to back until
     * it did, or a quick reboot could fall between two probes and never be seen.
     */
    async waitForBoot(
      probe: BootProbe,
      { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
      how: { acceptAtDeadline?: (identity: DeviceIdentity) => boolean; untilSilentPollMs?: number } = {}
    ): Promise<DeviceIdentity> {
      const deadline = now() + timeoutMs;
      let last: unknown;
      let unproven: DeviceIdentity | undefined;
      let silenceSeen = false;
      for (;;) {
        try {
          const { identity, proven } = await probe({ timeoutMs: options.bootProbeTimeoutMs ?? 1000, retries: 0, signal }, silenceSeen);
          if (proven) return identity;
          unproven = identity;
        } catch (error) {
          if (signal?.aborted) throw error;
          last = error;
          silenceSeen = true;
          if (isBmsError(error) && GONE.has(error.code)) {
            await reconnect().catch((reopenError: unknown) => (last = reopenError));
          }
        }
        if (now() >= deadline) {
          if (unproven && how.acceptAtDeadline?.(unproven)) return unproven;
          const why = last ? toErrorData(last) : { code: 'no answer', detail: 'the device answered throughout and never restarted' };
          throw new BmsError('LINK_TIMEOUT', `no boot within ${timeoutMs} ms: ${why.code} ${why.detail}`, { cause: last });
        }
        const poll = options.bootPollMs ?? 200;
        await wait(silenceSeen ? poll : Math.min(poll, how.untilSilentPollMs ?? poll), signal);
      }
    },
    linkTest: async () => probeReport(await testLink(client, options.linkTest)),
    close: () => client.close()
  };
}

export type SmpLinkSession = ReturnType<typeof createSmpLinkSession>;

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
