/**
 * The device families the fault campaign flashes, one entry each. An entry opens a rig (a virtual device
 * of that family behind the unpaced line model, the session the procedure drives, memory stores) and
 * says what the family's bootloader can promise: with a fallback bank (MCUboot swap with revert) a fault
 * ends on the new image proven or the old one; without one, the campaign records what it sees and the
 * pre-flight warning is the mitigation.
 *
 * Today one family can be flashed end to end through runUpdate: ours (SMP + group 64 on MCUboot). Stock
 * mcumgr and LibreSolar (ThingSet DFU) become entries here once their device sessions sit behind the
 * family seam.
 */
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { createSmpDeviceSession, type SmpDeviceSession } from '../../family/bms/smp-device-session';
import type { DeviceSession } from '../../family/device-session';
import type { VirtualBms } from '../../virtual-bms/virtual-bms';
import type { UpdateOptions, UpdateStores } from '../update-context';
import { BENCH_SESSION, createBench } from './virtual-bench';

export interface CampaignRig {
  readonly bms: VirtualBms;
  /** the cable in use (replaced by reattach) */
  readonly link: PacedLink;
  readonly session: DeviceSession;
  /** the tool's stores: they outlive a reattach, as IndexedDB outlives a tab and files a process */
  readonly store: UpdateStores;
  /** device milliseconds per host millisecond */
  readonly speed: number;
  options(overrides?: Partial<UpdateOptions>): UpdateOptions;
  /** A new cable and session to the same device, the old ones dropped: a replug, a reloaded tab, a new CLI. */
  reattach(): Promise<void>;
  close(): Promise<void>;
}

export interface CampaignFamily {
  name: string;
  /** the bootloader keeps the previous image and falls back to it by itself */
  fallbackBank: boolean;
  open(seed: number): Promise<CampaignRig>;
  /** the update under test (version 1.1.0 over the factory 1.0.0) */
  readonly image: Uint8Array;
  /** the same version, built to crash before it confirms itself */
  readonly bootLoopImage: Uint8Array;
}

/** Device clock speed-up: boots, self-tests and the balancing test take milliseconds; every exchange stays real. */
const SPEED = 30;

/** A commissioned pack's settings, unlike the firmware defaults, so a reset to defaults cannot pass for kept settings. */
const SITE_SETTINGS = { device_name: 'Pack 7', cell_ov_mv: 3600, balance_start_mv: 3450 };

function bmsFamily(): CampaignFamily {
  const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 16_000 });
  const bootLoopImage = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 16_000, behaviour: { bootLoop: true } });
  return {
    name: 'bms (SMP + MCUboot swap)',
    fallbackBank: true,
    image,
    bootLoopImage,
    async open(seed) {
      const bench = await createBench({ speed: SPEED, bms: { seed, factoryConfig: SITE_SETTINGS }, link: { seed } });
      let link: PacedLink = bench.link;
      let session: SmpDeviceSession = bench.session;
      const drop = async () => {
        await session.close().catch(() => {});
        await link.close().catch(() => {});
      };
      const rig: CampaignRig = {
        bms: bench.bms,
        get link() {
          return link;
        },
        get session() {
          return session;
        },
        store: bench.store,
        speed: SPEED,
        options: (overrides = {}) => bench.options({ session, ...overrides }),
        async reattach() {
          await drop();
          link = connectPacedLink(bench.bms.port, { pace: false, seed });
          session = createSmpDeviceSession({
            link,
            ...BENCH_SESSION,
            // Several runs share a loaded host: an answer the host's scheduler delivers late is not a lost one.
            linkTest: { ...BENCH_SESSION.linkTest, timeoutMs: 500 },
            client: { ...BENCH_SESSION.client, timeoutMs: 400, framing: 'console' },
            deviceClockRate: SPEED
          });
        },
        async close() {
          await drop();
          await bench.bms.powerOff();
        }
      };
      await rig.reattach();
      return rig;
    }
  };
}

export const CAMPAIGN_FAMILIES: readonly CampaignFamily[] = [bmsFamily()];
