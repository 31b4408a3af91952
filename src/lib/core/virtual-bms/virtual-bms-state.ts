/**
 * The virtual BMS as JSON: everything that survives a power cut (flash contents, the identity and keys
 * fixed at the factory, the battery and hardware faults). RAM is not saved: loading a state is a power
 * cycle. Validated on import, since it may come from a file the user picked.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { fail } from '../errors';
import type { TrustedKey } from '../image/keys';
import { formatBootloaderVersion, resolveIdentity, type DeviceIdentity } from './board/device-identity';
import type { BatteryState } from './board/battery';
import type { FlashImage } from './flash/flash';
import { DEFAULT_SLOT_SIZE, slotSizeProblem, type FlashLayout } from './flash/flash-layout';
import type { InterfaceFaults } from './board/self-test';

export const VIRTUAL_BMS_STATE_FORMAT = 'bms-flasher/virtual-bms/v1';

export interface VirtualBmsState {
  format: typeof VIRTUAL_BMS_STATE_FORMAT;
  identity: { model: string; serial: string; hwRev: string; bootloaderVersion: string };
  embeddedKeys: { name: string; publicKey: string }[];
  /** bytes per image slot: sector numbers in `flash` depend on it (absent in states saved before slots were sized: 128 KiB) */
  slotSize?: number;
  flash: FlashImage;
  battery: BatteryState;
  interfaceFaults: InterfaceFaults;
  recoveryButton: boolean;
}

interface ExportSource {
  layout: FlashLayout;
  identity: DeviceIdentity;
  embeddedKeys: readonly TrustedKey[];
  interfaceFaults: InterfaceFaults;
  recoveryButton: boolean;
}

/** The battery's SoC is re-anchored to "now" so the saved state does not depend on the clock. */
export function exportFlashState(device: ExportSource, battery: BatteryState, socPm: number): VirtualBmsState {
  return {
    format: VIRTUAL_BMS_STATE_FORMAT,
    identity: {
      model: device.identity.model,
      serial: device.identity.serial,
      hwRev: device.identity.hwRev,
      bootloaderVersion: formatBootloaderVersion(device.identity.bootloaderVersion)
    },
    embeddedKeys: device.embeddedKeys.map((k) => ({ name: k.name, publicKey: bytesToHex(k.publicKey) })),
    slotSize: device.layout.primary.size,
    flash: device.layout.flash.export(),
    battery: { ...battery, socPm, atMs: 0, failedSensors: [...battery.failedSensors] },
    interfaceFaults: { ...device.interfaceFaults },
    recoveryButton: device.recoveryButton
  };
}

export interface RestoredState {
  identity: DeviceIdentity;
  embeddedKeys: TrustedKey[];
  batteryState: BatteryState;
  interfaceFaults: InterfaceFaults;
  recoveryButton: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The slot size the saved flash was laid out with, so its sectors land in the same partitions. */
export function savedSlotSize(value: unknown): number {
  const saved = isObject(value) && value.slotSize !== undefined ? value.slotSize : DEFAULT_SLOT_SIZE;
  const problem = typeof saved === 'number' ? slotSizeProblem(saved) : 'slotSize is not a number';
  if (problem) fail('DEVICE_STATE_INVALID', problem);
  return saved as number;
}

export function importState(value: unknown, layout: FlashLayout, nowMs: number): RestoredState {
  const invalid = (why: string): never => fail('DEVICE_STATE_INVALID', why);
  if (!isObject(value) || value.format !== VIRTUAL_BMS_STATE_FORMAT) invalid(`format is not "${VIRTUAL_BMS_STATE_FORMAT}"`);
  const state = value as unknown as VirtualBmsState;
  if (!isObject(state.identity) || !Array.isArray(state.embeddedKeys) || !isObject(state.flash) || !isObject(state.battery)) {
    invalid('identity, embeddedKeys, flash or battery is missing');
  }
  const numbers = ['socPm', 'currentMa', 'ambientDc', 'rippleMv', 'dropMv', 'dropChance', 'calibrationErrorCpct', 'cycles'] as const;
  for (const key of numbers) if (typeof state.battery[key] !== 'number') invalid(`battery.${key} is not a number`);
  const embeddedKeys = state.embeddedKeys.map((k) => {
    if (!isObject(k) || typeof k.name !== 'string' || typeof k.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(k.publicKey)) {
      return invalid('an embedded key is not { name, publicKey: 64 hex digits }');
    }
    return { name: k.name, publicKey: hexToBytes(k.publicKey) };
  });
  layout.flash.import(state.flash);
  return {
    identity: resolveIdentity(state.identity),
    embeddedKeys,
    batteryState: {
      ...state.battery,
      atMs: nowMs,
      failedSensors: Array.isArray(state.battery.failedSensors) ? state.battery.failedSensors.filter(Number.isInteger) : [],
      stuckCell: Number.isInteger(state.battery.stuckCell) ? state.battery.stuckCell : null
    },
    interfaceFaults: { rs485: state.interfaceFaults?.rs485 === true, can: state.interfaceFaults?.can === true },
    recoveryButton: state.recoveryButton === true
  };
}
