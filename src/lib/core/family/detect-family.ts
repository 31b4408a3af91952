/**
 * Which family a device is, found on connect with cheap probes, and its session. Over SMP one read of
 * our group 64 tells: an identity → our BMS; rc 8 → a stock mcumgr server (probe-family.ts). A silent
 * device is not guessed at: the error goes to the caller, which runs the link test.
 *
 * Extension point: a family that speaks another protocol (ThingSet text for LibreSolar, the field BMS
 * protocols) adds a detector to DETECTORS: a cheap probe over the link that returns its session, or
 * undefined when the device is not of its kind. Detectors are tried in order; the first match wins.
 */
import { fail } from '../errors';
import { probeSmpFamily } from '../protocol/smp/probe-family';
import { createSmpDeviceSession } from './bms/smp-device-session';
import type { DeviceSession } from './device-session';
import { createMcumgrSession, type McumgrSessionOptions } from './mcumgr/mcumgr-session';

/** Everything a family's session may use; each family reads its own part. */
export type FamilySessionOptions = McumgrSessionOptions;

export interface DetectedDevice {
  session: DeviceSession;
  /** the transport parameters and what was learnt, for the log */
  connection: string;
}

export interface FamilyDetector {
  name: string;
  detect(options: FamilySessionOptions): Promise<DetectedDevice | undefined>;
}

/** SMP: our BMS group first (our firmware answers it, also from its bootloader), then stock mcumgr. */
const SMP_DETECTOR: FamilyDetector = {
  name: 'SMP (our BMS group, stock mcumgr)',
  async detect(options) {
    const bms = createSmpDeviceSession(options);
    let handedOver = false;
    try {
      const connection = await bms.connect();
      const probe = await probeSmpFamily(bms.client);
      if (probe.family === 'bms') {
        handedOver = true;
        return { session: bms, connection };
      }
    } finally {
      if (!handedOver) await bms.close();
    }
    const mcumgr = createMcumgrSession(options);
    try {
      return { session: mcumgr, connection: await mcumgr.connect() };
    } catch (error) {
      await mcumgr.close();
      throw error;
    }
  }
};

export const DETECTORS: readonly FamilyDetector[] = [SMP_DETECTOR];

export async function detectFamily(options: FamilySessionOptions, detectors: readonly FamilyDetector[] = DETECTORS): Promise<DetectedDevice> {
  for (const detector of detectors) {
    const found = await detector.detect(options);
    if (found) return found;
  }
  fail('FAMILY_UNKNOWN_DEVICE', `no detector recognised the device (${detectors.map((d) => d.name).join(', ')})`);
}
