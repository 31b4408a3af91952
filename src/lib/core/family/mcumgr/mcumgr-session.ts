/**
 * Stock MCUboot + mcumgr devices (Zephyr smp_svr, nRF Connect SDK, Mynewt; device-families.md §1): the
 * OS and image groups only, no battery readings, no authentication, no self-test. What the device is, is
 * learnt on connect from what its build enables: OS info (cmd 7) for the board, bootloader info (cmd 8)
 * for the MCUboot mode, which says whether a fallback bank exists, mcumgr params (cmd 6) for the buffers,
 * and whether the settings (3) or file-system (8) groups answer. Without params, small packets one at a
 * time are the safe choice (a 384-byte buffer is common; no answer gives no count).
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { isBmsError } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import type { BmsConfig } from '../../protocol/smp/groups/bms-group';
import { downloadFile, fileStatus, uploadFile } from '../../protocol/smp/groups/fs-group';
import { eraseSlot, readImageState } from '../../protocol/smp/groups/image-group';
import { bootloaderMode, osInfo, reset, type CallOptions } from '../../protocol/smp/groups/os-group';
import { readSetting, saveSettings, writeSetting } from '../../protocol/smp/groups/settings-group';
import type { SmpClient } from '../../protocol/smp/smp-client';
import type { SmpLimits } from '../../protocol/smp/smp-client-types';
import { McubootMode } from '../../protocol/smp/smp-ids';
import type { BootloaderGuarantees, ConfigAccess, DeviceIdentity, DeviceSession, FamilyProfile } from '../device-session';
import { createSmpLinkSession, type BootProbe, type SmpSessionOptions } from '../smp-link-session';

export interface McumgrSessionOptions extends SmpSessionOptions {
  /** settings to back up through the settings group, which cannot list its names over SMP */
  settingNames?: string[];
  /** files to back up through the file-system group */
  files?: string[];
}

export interface McumgrSession extends DeviceSession {
  readonly client: SmpClient;
  /** what the settings and file-system groups offer, learnt on connect */
  readonly groups: { settings: boolean; fs: boolean };
}

/** Without OS params: one request at a time, in packets that fit the smallest common buffer. */
export const UNREPORTED_LIMITS: Partial<SmpLimits> = { bufSize: 256, bufCount: 1 };

const SWAP_MODES: ReadonlySet<number> = new Set([McubootMode.swapUsingScratch, McubootMode.swapUsingMove, McubootMode.directXipWithRevert]);
const MODE_NAMES: Record<number, string> = {
  [McubootMode.singleApp]: 'single application',
  [McubootMode.swapUsingScratch]: 'swap using scratch',
  [McubootMode.overwriteOnly]: 'overwrite only',
  [McubootMode.swapUsingMove]: 'swap using move',
  [McubootMode.directXip]: 'direct XIP',
  [McubootMode.directXipWithRevert]: 'direct XIP with revert',
  [McubootMode.ramLoad]: 'RAM load'
};

const LABEL = 'stock MCUboot + mcumgr device';

/** Some builds leave a command out: rc 8 (or silence from old servers) means "not in this build". */
async function optional<T>(ask: () => Promise<T>): Promise<T | undefined> {
  try {
    return await ask();
  } catch (error) {
    if (isBmsError(error) && ['SMP_NOT_SUPPORTED', 'SMP_TIMEOUT', 'SMP_DEVICE_ERROR'].includes(error.code)) return undefined;
    throw error;
  }
}

/** Whether a group answers at all: a missing name is an answer, rc 8 is not. */
async function groupAnswers(ask: () => Promise<unknown>): Promise<boolean> {
  try {
    await ask();
    return true;
  } catch (error) {
    if (isBmsError(error) && (error.code === 'SMP_NOT_SUPPORTED' || error.code === 'SMP_TIMEOUT')) return false;
    if (isBmsError(error)) return true;
    throw error;
  }
}

export function createMcumgrSession(options: McumgrSessionOptions): McumgrSession {
  const smp = createSmpLinkSession(options);
  smp.useWhenUnreported(UNREPORTED_LIMITS);
  let model = '';
  let bootloader = '';
  let guarantees: BootloaderGuarantees = { checksSignature: false, fallback: 'unknown', source: 'bootloader info not reported' };
  const groups = { settings: false, fs: false };
  let config: ConfigAccess | undefined;
  /** the image that ran when we asked for a reset: another one, or a silence, proves the new boot */
  let resetFrom: Uint8Array | undefined;

  const identify = async (call: CallOptions = {}): Promise<DeviceIdentity> => {
    const images = (await readImageState(smp.client, call)).images;
    const active = images.find((s) => s.active);
    return {
      model,
      serial: '',
      hw_rev: '',
      bl_version: bootloader,
      fw_version: active?.version ?? '',
      fw_hash: active?.hash ?? new Uint8Array(0),
      sec_cnt: 0,
      in_bootloader: active === undefined
    };
  };

  const learn = async () => {
    const client = smp.client;
    model = (await optional(() => osInfo(client, 'i'))) ?? '';
    const boot = await optional(() => bootloaderMode(client));
    if (boot) {
      const mode = boot.mode === undefined ? '' : ` mode ${boot.mode} (${MODE_NAMES[boot.mode] ?? 'unknown'})`;
      bootloader = `${boot.name}${mode}`;
      const fallback = boot.mode === undefined ? 'unknown' : SWAP_MODES.has(boot.mode) ? 'swap' : 'overwrite';
      // Whether MCUboot was built with a signature key is not reported: never assumed.
      guarantees = { checksSignature: false, fallback, source: `${bootloader}, from the device` };
    }
    groups.settings = (options.settingNames?.length ?? 0) > 0 && (await groupAnswers(() => readSetting(client, options.settingNames![0])));
    groups.fs = (options.files?.length ?? 0) > 0 && (await groupAnswers(() => fileStatus(client, options.files![0])));
    config = groups.settings || groups.fs ? configAccess() : undefined;
  };

  const configAccess = (): ConfigAccess => ({
    source: [groups.settings && 'the settings group (SMP group 3)', groups.fs && 'files on the file-system group (SMP group 8)'].filter(Boolean).join(' and '),
    async readConfig() {
      const values: BmsConfig = {};
      // Values are opaque bytes the firmware defines: kept as hex, compared and restored byte for byte.
      if (groups.settings) for (const name of options.settingNames ?? []) values[name] = bytesToHex((await readSetting(smp.client, name)).value);
      if (groups.fs) for (const path of options.files ?? []) values[`file:${path}`] = bytesToHex(await downloadFile(smp.client, path));
      return values;
    },
    async writeConfig(values) {
      let settingsWritten = false;
      for (const [key, value] of Object.entries(values)) {
        const bytes = hexToBytes(String(value));
        if (key.startsWith('file:')) await uploadFile(smp.client, key.slice(5), bytes);
        else {
          await writeSetting(smp.client, key, bytes);
          settingsWritten = true;
        }
      }
      // A written setting is lost at the next reset unless saved.
      if (settingsWritten) await saveSettings(smp.client);
      return this.readConfig();
    }
  });

  const probeBoot: BootProbe = async (call, silenceSeen) => {
    const identity = await identify(call);
    // smp_svr has no uptime: the device falling silent (it answers the reset, then reboots) or another
    // image running is what proves the reset happened; an answer from the old boot proves nothing.
    const proven = resetFrom === undefined || silenceSeen || !sameBytes(identity.fw_hash, resetFrom);
    return { identity, proven };
  };

  return {
    get link() {
      return smp.link.info;
    },
    get client() {
      return smp.client;
    },
    get family(): FamilyProfile {
      return { id: 'mcumgr', label: LABEL, bootloader: guarantees, reports: { serial: false, model: model !== '', hwRev: false, securityCounter: false } };
    },
    get config() {
      return config;
    },
    groups,
    async connect() {
      const line = await smp.connect();
      await learn();
      return `${line}; ${bootloader || 'bootloader not reported'}`;
    },
    identity: () => identify(),
    imageState: smp.imageState,
    async upload(image, upload) {
      // A pending slot 1 (an earlier test that never booted) refuses a new upload (rc 6 / no free slot):
      // erase it first, which the stock server allows (CONFIG_MCUMGR_GRP_IMG_ALLOW_ERASE_PENDING).
      const slots = await smp.imageState();
      if (slots.some((s) => s.slot === 1 && s.pending && !s.active)) await eraseSlot(smp.client, 1);
      // Nothing is sampled beside the upload on this family: the whole device window is the upload's.
      await smp.upload(image, upload, 0);
    },
    testImage: smp.testImage,
    confirm: smp.confirm,
    async reset() {
      resetFrom = (await identify()).fw_hash;
      await reset(smp.client);
    },
    async waitForBoot(wanted) {
      try {
        const identity = await smp.waitForBoot(probeBoot, wanted, { untilSilentPollMs: 0 });
        resetFrom = undefined;
        return identity;
      } catch (error) {
        // A stop cut the wait short: the reset is still on its way, and the next wait must see it through.
        if (!wanted.signal?.aborted) resetFrom = undefined;
        throw error;
      }
    },
    linkTest: smp.linkTest,
    close: smp.close
  };
}
