/**
 * The running "firmware" of the virtual BMS is the payload of the image in slot 0. A test payload can
 * carry ASCII markers that make it misbehave the way real broken firmware does (docs/virtual-bms.md):
 *   BMSSIM:SELFTEST_FAIL=<item>   its self-test reports <item> failed (voltage_calibration,
 *                                 temperature_sensors, rs485, can) → not confirmed → reverted (R19)
 *   BMSSIM:BOOT_LOOP              crashes (watchdog reset) before its SMP server starts and before
 *                                 confirming itself → the bootloader reverts a test image
 *   BMSSIM:RESET_CONFIG           resets the settings to its defaults at start (incompatible layout)
 *   BMSSIM:MANUAL_CONFIRM         does not confirm itself after a passing self-test; the tool must
 *   BMSSIM:NO_BROADCAST           an older firmware without the RS485 broadcast transfer (docs/rs485.md)
 * makeTestFirmware builds signed images with such payloads for tests and demos.
 */
import { seededRandom } from '../link/seeded-random';
import type { BmsMetadata, ImageVersion } from '../image/image-types';
import { signImage } from '../image/sign-image';
import { parseVersion } from '../image/version';
import { DEFAULT_IDENTITY } from './board/device-identity';
import { DEFAULT_SLOT_SIZE, WRITE_ALIGN } from './flash/flash-layout';
import { VENDOR_TEST_SECRET_KEY } from '../image/test-keys';

export const SELF_TEST_ITEMS = ['voltage_calibration', 'temperature_sensors', 'rs485', 'can'] as const;
export type SelfTestItemName = (typeof SELF_TEST_ITEMS)[number];

export interface FirmwareBehaviour {
  selfTestFailures: SelfTestItemName[];
  bootLoop: boolean;
  resetConfig: boolean;
  manualConfirm: boolean;
  noBroadcast: boolean;
}

const PREFIX = 'BMSSIM:';
const PREFIX_BYTES = new TextEncoder().encode(PREFIX);

function markerAt(payload: Uint8Array, at: number): string {
  let end = at;
  while (end < payload.length && payload[end] >= 0x21 && payload[end] <= 0x7e) end += 1;
  return new TextDecoder().decode(payload.subarray(at, end));
}

export function readFirmwareBehaviour(payload: Uint8Array): FirmwareBehaviour {
  const behaviour: FirmwareBehaviour = { selfTestFailures: [], bootLoop: false, resetConfig: false, manualConfirm: false, noBroadcast: false };
  for (let i = 0; i + PREFIX_BYTES.length <= payload.length; i += 1) {
    if (!PREFIX_BYTES.every((b, k) => payload[i + k] === b)) continue;
    const marker = markerAt(payload, i + PREFIX_BYTES.length);
    const [name, value] = marker.split('=', 2);
    if (name === 'BOOT_LOOP') behaviour.bootLoop = true;
    else if (name === 'RESET_CONFIG') behaviour.resetConfig = true;
    else if (name === 'MANUAL_CONFIRM') behaviour.manualConfirm = true;
    else if (name === 'NO_BROADCAST') behaviour.noBroadcast = true;
    else if (name === 'SELFTEST_FAIL' && (SELF_TEST_ITEMS as readonly string[]).includes(value)) {
      behaviour.selfTestFailures.push(value as SelfTestItemName);
    }
  }
  return behaviour;
}

function markersOf(behaviour: Partial<FirmwareBehaviour>): string[] {
  const markers = (behaviour.selfTestFailures ?? []).map((item) => `SELFTEST_FAIL=${item}`);
  if (behaviour.bootLoop) markers.push('BOOT_LOOP');
  if (behaviour.resetConfig) markers.push('RESET_CONFIG');
  if (behaviour.manualConfirm) markers.push('MANUAL_CONFIRM');
  if (behaviour.noBroadcast) markers.push('NO_BROADCAST');
  return markers.map((m) => `${PREFIX}${m}`);
}

/** A banner, the markers, then seeded filler up to `size` bytes (firmware-sized, deterministic). */
export function makeTestFirmwarePayload(version: string, behaviour: Partial<FirmwareBehaviour> = {}, size = 4096): Uint8Array {
  const text = new TextEncoder().encode(`virtual BMS firmware ${version}\n${markersOf(behaviour).join('\n')}\n`);
  const payload = new Uint8Array(Math.max(size, text.length));
  payload.set(text);
  const random = seededRandom([...version].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  // Filler avoids 'B' (0x42) so it can never spell a marker.
  for (let i = text.length; i < payload.length; i += 1) {
    const byte = Math.floor(random() * 256);
    payload[i] = byte === 0x42 ? 0x43 : byte;
  }
  return payload;
}

export interface TestFirmwareOptions {
  /** "1.2.3" or "1.2.3+4" */
  version: string;
  /** default 1; null leaves the SEC_CNT TLV out */
  securityCounter?: number | null;
  behaviour?: Partial<FirmwareBehaviour>;
  /** payload size in bytes (default 4096) */
  size?: number;
  /** default: this model and hardware revision, not safety-critical */
  metadata?: Partial<BmsMetadata>;
  /** default: the vendor test key; null makes an unsigned image */
  signingKey?: Uint8Array | null;
  /** imgtool --pad --confirm: a whole-slot image whose trailer asks for a permanent swap */
  confirm?: boolean;
  /** imgtool --slot-size: the slot the image must fit (and is padded to with `confirm`); default 128 KiB */
  slotSize?: number;
}

export function makeTestFirmware(options: TestFirmwareOptions): Uint8Array {
  const version: ImageVersion = parseVersion(options.version);
  const payload = makeTestFirmwarePayload(options.version, options.behaviour, options.size);
  const metadata: Partial<BmsMetadata> = {
    model: DEFAULT_IDENTITY.model,
    hwRevisions: [DEFAULT_IDENTITY.hwRev],
    safetyCritical: false,
    ...options.metadata
  };
  return signImage(payload, options.signingKey === undefined ? VENDOR_TEST_SECRET_KEY : options.signingKey, {
    version,
    securityCounter: options.securityCounter === null ? undefined : (options.securityCounter ?? 1),
    headerSize: 0x200,
    slotSize: options.slotSize ?? DEFAULT_SLOT_SIZE,
    align: WRITE_ALIGN,
    confirm: options.confirm,
    metadata
  });
}
