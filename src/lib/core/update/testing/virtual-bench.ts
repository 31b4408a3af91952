/**
 * A bench for tests (and demos): the real virtual BMS behind the link layer's line model, the SMP
 * session adapter, memory stores and the test keys. The device runs on a clock `speed` times faster
 * than real time, so a boot, a self-test or the 3 s balancing test take milliseconds, while every
 * protocol exchange stays real.
 */
import { createBackupStore } from '../../backup/backup-store';
import { createMemoryRecordStore } from '../../backup/record-store';
import type { DeviceClock } from '../../virtual-bms/board/device-clock';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../image/test-keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../../virtual-bms/virtual-bms';
import type { Link } from '../../link/link';
import { connectPacedLink, type PacedLink, type PacedLinkOptions } from '../../link/paced-link';
import { createReportStore } from '../../report/update-report';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../checklist';
import type { SafetyLimits } from '../checks/safety-limits';
import { createSmpDeviceSession, type SmpDeviceSession, type SmpDeviceSessionOptions } from '../../family/bms/smp-device-session';
import { secretKeySigner, type TechnicianSigner } from '../../family/technician-signer';
import type { UpdateOptions, UpdateStores } from '../update-context';
import type { UpdateTimings } from '../update-timings';

/** Device time runs `speed` times faster than the host's. */
export function fastClock(speed: number): DeviceClock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * speed,
    setTimeout: (run, ms) => setTimeout(run, ms / speed),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  };
}

export const BENCH_TIMINGS: UpdateTimings = {
  monitorIntervalMs: 5,
  pausePollMs: 10,
  pauseTimeoutMs: 1_000,
  bootTimeoutMs: 3_000,
  selfTestTimeoutMs: 2_000,
  selfTestPollMs: 10,
  maxLinkLosses: 3
};

/** Session timeouts sized for the virtual BMS on the same host: a lost answer costs milliseconds, not seconds. */
export const BENCH_SESSION = {
  client: { timeoutMs: 150, retries: 2 },
  paramsTimeoutMs: 150,
  upload: { timeoutMs: 300, firstChunkTimeoutMs: 1_000 },
  linkTest: { rounds: 5, timeoutMs: 100 },
  bootPollMs: 5,
  bootProbeTimeoutMs: 100
} satisfies Omit<SmpDeviceSessionOptions, 'link' | 'reopen'>;

export const BENCH_LIMITS: Partial<SafetyLimits> = { supplySampleIntervalMs: 2 };

export interface BenchOptions {
  bms?: VirtualBmsOptions;
  link?: PacedLinkOptions;
  /** present the link as Bluetooth (R13) */
  wireless?: boolean;
  speed?: number;
}

export interface Bench {
  bms: VirtualBms;
  link: PacedLink;
  session: SmpDeviceSession;
  store: UpdateStores;
  signer: TechnicianSigner;
  checklist: ChecklistAnswers;
  /** runUpdate options with everything in place; override what a test changes */
  options(overrides?: Partial<UpdateOptions>): UpdateOptions;
  close(): Promise<void>;
}

export async function createBench(options: BenchOptions = {}): Promise<Bench> {
  const speed = options.speed ?? 10;
  const bms = createVirtualBms({ clock: fastClock(speed), ...options.bms });
  const link = connectPacedLink(bms.port, { pace: false, ...options.link });
  const presented: Link = options.wireless ? asWireless(link) : link;
  const session = createSmpDeviceSession({
    link: presented,
    ...BENCH_SESSION,
    // A simulated Bluetooth link is still the serial line underneath: keep its console framing.
    client: { ...BENCH_SESSION.client, framing: 'console' },
    deviceClockRate: speed
  });
  await untilRunning(bms, 3_000, true);
  const store: UpdateStores = {
    backups: createBackupStore(createMemoryRecordStore()),
    reports: createReportStore(createMemoryRecordStore())
  };
  const signer = secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'bench technician');
  const checklist: ChecklistAnswers = { operator: 'bench operator', confirmed: CHECKLIST_ITEMS.map((i) => i.id), at: new Date().toISOString() };
  return {
    bms,
    link,
    session,
    store,
    signer,
    checklist,
    options: (overrides = {}) => ({
      session,
      store,
      trustedKeys: [VENDOR_TEST_KEY],
      technicianKey: signer,
      checklist,
      limits: BENCH_LIMITS,
      timings: BENCH_TIMINGS,
      tool: 'bms-flasher (test bench)',
      ...overrides
    }),
    async close() {
      await session.close();
      await link.close();
      await bms.powerOff();
    }
  };
}

/** The same line presented as a Bluetooth link, for the over-the-air rules (R13). */
function asWireless(link: Link): Link {
  return {
    info: { ...link.info, kind: 'ble', wired: false, label: `BLE (simulated) ${link.info.label}` },
    write: (bytes) => link.write(bytes),
    read: (readOptions) => link.read(readOptions),
    close: () => link.close(),
    onDisconnect: (listener) => link.onDisconnect(listener)
  };
}

/**
 * Waits for the board itself (not the link, which a test may have mismatched) to run its application,
 * or its serial recovery when `orRecovery`.
 */
export async function untilRunning(bms: VirtualBms, timeoutMs = 3_000, orRecovery = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (bms.status !== 'app' && !(orRecovery && bms.status === 'recovery')) {
    if (Date.now() > deadline) throw new Error(`the virtual BMS is ${bms.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
