/**
 * Our family: the BMS firmware with its maintenance group (SMP group 64) on MCUboot. Every capability of
 * the seam, over the SMP session every SMP family shares (smp-link-session.ts). It adds what SMP does not
 * say: when a reset has really happened (the uptime starts again).
 */
import { fail, isBmsError } from '../../errors';
import * as bms from '../../protocol/smp/groups/bms-client';
import type { BmsIdentity } from '../../protocol/smp/groups/bms-group';
import { reset } from '../../protocol/smp/groups/os-group';
import type { SmpClient } from '../../protocol/smp/smp-client';
import { sameBytes } from '../../image/same-bytes';
import type { DeviceSession, FamilyProfile } from '../device-session';
import { createSmpLinkSession, type BootProbe, type SmpSessionOptions } from '../smp-link-session';

export type SmpDeviceSessionOptions = SmpSessionOptions;

export interface SmpDeviceSession extends DeviceSession {
  /** the client in use (replaced after a reopen) */
  readonly client: SmpClient;
}

/** Our firmware and bootloader: every capability, MCUboot swap with revert and signature check. */
export const BMS_FAMILY: FamilyProfile = {
  id: 'bms',
  label: 'BMS firmware with the maintenance group (SMP group 64)',
  bootloader: { checksSignature: true, fallback: 'swap', source: 'MCUboot swap using move, signature and security counter checked' },
  reports: { serial: true, model: true, hwRev: true, securityCounter: true }
};

export function createSmpDeviceSession(options: SmpDeviceSessionOptions): SmpDeviceSession {
  const smp = createSmpLinkSession(options);
  const { now } = smp;
  /**
   * What proves our reset happened: another image runs (or the bootloader instead of an application),
   * or the uptime is one of a device that started after the reset request. A device in its bootloader
   * has no uptime, so there it must come back running an application (or stay in its bootloader until
   * the deadline, when that answer is taken as the result).
   */
  let resetFrom: { identity: BmsIdentity; uptime?: { ms: number; readAt: number } } | undefined;

  const probeBoot: BootProbe = async (call) => {
    const identity = await bms.identity(smp.client, call);
    if (resetFrom === undefined) return { identity, proven: true };
    const before = resetFrom.identity;
    if (identity.in_bootloader !== before.in_bootloader || !sameBytes(identity.fw_hash, before.fw_hash)) return { identity, proven: true };
    const uptime = resetFrom.uptime;
    if (uptime === undefined) return { identity, proven: false };
    const { uptime_ms } = await bms.telemetry(smp.client, call);
    // Without a reset the uptime is at least U0 + elapsed; after one, at most the elapsed time. The
    // midpoint between both keeps a margin of U0/2 against timer jitter, whatever the probing delays.
    const elapsed = (now() - uptime.readAt) * smp.deviceClockRate;
    return { identity, proven: uptime_ms < uptime.ms / 2 + elapsed };
  };

  return {
    get link() {
      return smp.link.info;
    },
    get client() {
      return smp.client;
    },
    family: BMS_FAMILY,
    connect: () => smp.connect(),
    identity: () => bms.identity(smp.client),
    battery: { telemetry: () => bms.telemetry(smp.client) },
    config: {
      source: 'the BMS configuration (SMP group 64)',
      readConfig: () => bms.readConfig(smp.client),
      writeConfig: (values) => bms.writeConfig(smp.client, values)
    },
    auth: {
      authChallenge: () => bms.authChallenge(smp.client),
      async authRespond(response) {
        try {
          return await bms.authRespond(smp.client, response);
        } catch (error) {
          if (isBmsError(error) && error.code === 'SMP_BMS_AUTH_REJECTED') fail('UPDATE_AUTH_REJECTED', error.detail, error);
          throw error;
        }
      }
    },
    boot: { bootLog: () => bms.bootLog(smp.client) },
    reports: { selfTest: () => bms.selfTest(smp.client), balanceTest: () => bms.balanceTest(smp.client) },
    imageState: smp.imageState,
    // The procedure samples telemetry while the upload runs (R01–R03): one device buffer stays free for it.
    upload: (image, upload) => smp.upload(image, upload, 1),
    testImage: smp.testImage,
    confirm: smp.confirm,
    async reset() {
      const identity = await bms.identity(smp.client);
      resetFrom = identity.in_bootloader ? { identity } : { identity, uptime: { ms: (await bms.telemetry(smp.client)).uptime_ms, readAt: now() } };
      await reset(smp.client);
    },
    async waitForBoot(wanted) {
      try {
        // It answers, only never from a new boot of an application: its bootloader is the answer.
        const identity = await smp.waitForBoot(probeBoot, wanted, { acceptAtDeadline: (identity) => identity.in_bootloader });
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
