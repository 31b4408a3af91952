/**
 * A virtual BMS on a simulated UART line, ready for uploads: booted, reached through a paced link at a
 * chosen rate, with an authenticated SMP session (R14) and the device's buffer limits learnt. Shared by
 * the upload benchmark and the upload resilience tests.
 */
import type { DevicePort } from '../../src/lib/core/link/device-port';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_SECRET_KEY } from '../../src/lib/core/image/test-keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../../src/lib/core/virtual-bms/virtual-bms';
import { signImage } from '../../src/lib/core/image/sign-image';
import { connectPacedLink, type PacedLink, type PacedLinkOptions } from '../../src/lib/core/link/paced-link';
import { seededRandom } from '../../src/lib/core/link/seeded-random';
import type { SmpClientOptions } from '../../src/lib/core/protocol/smp/smp-client';
import { authenticate } from '../../src/lib/core/family/authenticate';
import { createSmpDeviceSession, type SmpDeviceSession } from '../../src/lib/core/family/bms/smp-device-session';
import { secretKeySigner } from '../../src/lib/core/family/technician-signer';

/** Boots a virtual BMS (e.g. with other SMP buffers or slot size) and waits until its application answers. */
export async function bootVirtualBms(options: Omit<VirtualBmsOptions, 'clock'> = {}, timeoutMs = 5000): Promise<VirtualBms> {
  const bms = createVirtualBms(options);
  const deadline = Date.now() + timeoutMs;
  while (bms.status !== 'app') {
    if (Date.now() > deadline) throw new Error(`the virtual BMS did not boot within ${timeoutMs} ms (status ${bms.status})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return bms;
}

/**
 * The device's UART at another rate than its RS485 setting (whose range stops at 115200): a USB-serial
 * bridge or a faster UART. Only the line rate changes; bytes go to the same device.
 */
export function deviceAtBaud(port: DevicePort, baudRate: number): DevicePort {
  return { receive: (bytes) => port.receive(bytes), onTransmit: (listener) => port.onTransmit(listener), baudRate };
}

export interface RigSession {
  link: PacedLink;
  session: SmpDeviceSession;
  close(): Promise<void>;
}

/** A paced link to `port`, a session on it, authenticated with the technician test key and with limits learnt. */
export async function openRigSession(port: DevicePort, link: PacedLinkOptions = {}, client: SmpClientOptions = {}): Promise<RigSession> {
  const paced = connectPacedLink(port, link);
  const session = createSmpDeviceSession({ link: paced, client });
  try {
    await session.connect();
    const { serial } = await session.identity();
    await authenticate(session, secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'technician (test key)'), serial);
  } catch (error) {
    await session.close();
    await paced.close();
    throw error;
  }
  return {
    link: paced,
    session,
    async close() {
      await session.close();
      await paced.close();
    }
  };
}

/** A signed MCUboot image of `size` payload bytes (seeded, incompressible), version 2.0.0. */
export function benchImage(size: number, seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const payload = Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
  return signImage(payload, VENDOR_TEST_SECRET_KEY, {
    version: { major: 2, minor: 0, revision: 0, build: 0 },
    securityCounter: 2,
    headerSize: 0x200,
    align: 8,
    metadata: { model: 'VBMS-16S', hwRevisions: ['B'], safetyCritical: false }
  });
}
