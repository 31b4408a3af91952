/**
 * The virtual smart BMS as seen from outside: a DevicePort (the bytes of its RS485/USB UART, SMP serial
 * framing) and a control panel for tests, demos and the UI: power, device-side faults, battery and
 * hardware knobs, technician enrolment, and a JSON state for persistence (a file in Node, IndexedDB in
 * the browser). Link-level faults (bit errors, baud garbage, pacing, cable pulls) belong to the link
 * wrapper in src/lib/core/link/, not here.
 */
import { fail } from '../errors';
import type { TrustedKey } from '../image/keys';
import { formatVersion } from '../image/version';
import type { BmsConfig, BootEvent } from '../protocol/smp/groups/bms-group';
import { DEFAULT_AUTH_TIMING, type AuthTiming } from './bms/auth';
import { BatteryModel, defaultBatteryState, type BatteryState } from './board/battery';
import { BmsDevice, type PowerStatus } from './bms-device';
import { applyConfigUpdate, defaultConfig } from './bms/config-schema';
import { saveConfig } from './bms/config-store';
import type { FlashPhase } from './mcuboot/bootloader';
import { SwapType, readSwapState, swapTypeOf } from './mcuboot/boot-trailer';
import type { SmpLimits } from '../protocol/smp/smp-client-types';
import { systemClock, type DeviceClock } from './board/device-clock';
import { resolveIdentity, type DeviceIdentity } from './board/device-identity';
import type { DevicePort, GattEndpoint } from '../link/device-port';
import type { DeviceProfile } from './device-profile';
import { makeTestFirmware } from './firmware-behaviour';
import { createFlashLayout, DEFAULT_SLOT_SIZE, type FlashLayout } from './flash/flash-layout';
import { readSlotInfo } from './mcuboot/image-slots';
import type { PowerLossTrigger } from './flash/power-faults';
import type { InterfaceFaults } from './board/self-test';
import { TECHNICIAN_TEST_PUBLIC_KEY, VENDOR_TEST_KEY } from '../image/test-keys';
import { readTrusted, writeTrusted } from './mcuboot/trusted-storage';
import { importState, exportFlashState, savedSlotSize, type VirtualBmsState } from './virtual-bms-state';

export type { VirtualBmsState } from './virtual-bms-state';
export type { PowerLossTrigger } from './flash/power-faults';
export type { PowerStatus } from './bms-device';

export interface VirtualBmsOptions {
  /** default: the system clock; tests pass createManualClock() */
  clock?: DeviceClock;
  /** seeds the battery model's noise (default 1) */
  seed?: number;
  model?: string;
  serial?: string;
  hwRev?: string;
  /** "major.minor.revision" (default 2.1.0) */
  bootloaderVersion?: string;
  /** public keys built into the bootloader (default: the vendor test key) */
  embeddedKeys?: TrustedKey[];
  /** technician keys enrolled at the factory (default: the technician test key) */
  technicianKeys?: Uint8Array[];
  /** image programmed into slot 0 at the factory (default: test firmware 1.0.0, security counter 1) */
  factoryImage?: Uint8Array;
  /**
   * Settings written at the factory over the firmware defaults (a site's commissioning), checked as a
   * config write over SMP is; default: none, the board keeps the firmware defaults.
   */
  factoryConfig?: Record<string, unknown>;
  /**
   * Bytes per image slot, a multiple of 4 KiB (default 128 KiB). The largest image the device takes is the
   * slot minus its trailer sectors and the spare sector swap-using-move needs (max_image_size).
   */
  slotSize?: number;
  /** SMP transport limits (default buf_size 384, buf_count 4, line length 127, as a Zephyr app) */
  smp?: Partial<SmpLimits>;
  authTiming?: Partial<AuthTiming>;
  /** a state from exportState(): flash (with its slot size), identity, keys and battery come from it */
  state?: VirtualBmsState;
  /** false: the device stays off until powerOn() (default true) */
  powerOn?: boolean;
  /** its firmware and bootloader (default: our BMS); the rooms of virtual-bms/ pass theirs */
  profile?: DeviceProfile;
}

export interface SlotSnapshot {
  version: string;
  hash: Uint8Array;
}

export interface VirtualBmsSnapshot {
  status: PowerStatus;
  slots: [SlotSnapshot | undefined, SlotSnapshot | undefined];
  /** the next boot's MCUboot swap type: 'none' | 'test' | 'permanent' | 'revert' */
  nextBoot: 'none' | 'test' | 'permanent' | 'revert';
  /** slot 0 confirmed (image_ok set, or no trailer magic) */
  confirmed: boolean;
  securityCounter: number;
  config: BmsConfig;
  bootLog: BootEvent[];
}

export interface BatteryKnobs {
  setSoc(permille: number): void;
  /** mA, positive = charging */
  setCurrent(milliamps: number): void;
  /** 0.1 °C, all sensors */
  setTemperature(deciCelsius: number): void;
  failTemperatureSensor(index: number, failed?: boolean): void;
  setSupplyInstability(instability: { rippleMv?: number; dropMv?: number; dropChance?: number }): void;
  /** a cell whose bleed resistor has no effect, or null */
  setStuckCell(index: number | null): void;
  /** cell ADC gain error in 0.01 % (self-test limit 50) */
  setCalibrationError(centiPercent: number): void;
  readonly state: Readonly<BatteryState>;
}

export interface VirtualBms {
  readonly port: DevicePort;
  /** the SMP characteristic of its BLE interface (application only; recovery is serial) */
  readonly gatt: GattEndpoint;
  readonly identity: DeviceIdentity;
  readonly embeddedKeys: readonly TrustedKey[];
  readonly status: PowerStatus;
  readonly battery: BatteryKnobs;
  powerOn(): Promise<void>;
  powerOff(): Promise<void>;
  powerCycle(): Promise<void>;
  /** Cuts the power during a flash operation; the device stays off unless restoreAfterMs is given. */
  powerLossAt(trigger: PowerLossTrigger): void;
  /** The next `count` flash operations of `phase` fail (FLASH_WRITE_FAILED / FLASH_ERASE_FAILED). */
  failFlashOperations(phase: FlashPhase, count: number): void;
  /** Flash operations done so far, per stage (to aim powerLossAt). */
  flashOps(): Partial<Record<FlashPhase, number>>;
  /** Hold the recovery button: the next reset enters MCUboot serial recovery. */
  setRecoveryButton(held: boolean): void;
  /** A slow device: extra delay before every SMP response. */
  setResponseDelay(ms: number): void;
  setInterfaceFault(iface: keyof InterfaceFaults, faulty: boolean): void;
  enrolTechnicianKey(publicKey: Uint8Array): Promise<void>;
  snapshot(): VirtualBmsSnapshot;
  exportState(): VirtualBmsState;
  /** Resolves when every queued device step has run (rejects on a simulator bug). */
  settled(): Promise<void>;
}

const DEFAULT_LIMITS: SmpLimits = { bufSize: 384, bufCount: 4, lineLength: 127 };
let defaultFactoryImage: Uint8Array | undefined;

function manufacture(layout: FlashLayout, image: Uint8Array, technicianKeys: Uint8Array[], config?: Record<string, unknown>): void {
  if (config) saveConfig(layout.config, applyConfigUpdate(defaultConfig(), config));
  const padded = new Uint8Array(Math.ceil(image.length / layout.primary.writeAlign) * layout.primary.writeAlign).fill(0xff);
  padded.set(image);
  layout.primary.program(0, padded);
  writeTrusted(layout.trusted, { securityCounter: 0, technicianKeys });
}

function checkLimits(limits: SmpLimits): SmpLimits {
  const { bufSize, bufCount, lineLength } = limits;
  if (!Number.isInteger(bufSize) || bufSize < 64 || bufSize > 65535) fail('DEVICE_OPTION_INVALID', `buf_size ${bufSize} must be 64 to 65535`);
  if (!Number.isInteger(bufCount) || bufCount < 1 || bufCount > 64) fail('DEVICE_OPTION_INVALID', `buf_count ${bufCount} must be 1 to 64`);
  if (!Number.isInteger(lineLength) || lineLength < 16 || lineLength > 8192) fail('DEVICE_OPTION_INVALID', `line length ${lineLength} must be 16 to 8192`);
  return limits;
}

function slotSizeOf(options: VirtualBmsOptions): number {
  if (!options.state) return options.slotSize ?? DEFAULT_SLOT_SIZE;
  const saved = savedSlotSize(options.state);
  if (options.slotSize !== undefined && options.slotSize !== saved) {
    fail('DEVICE_OPTION_INVALID', `slot size ${options.slotSize} differs from the ${saved} bytes of the saved state`);
  }
  return saved;
}

export function createVirtualBms(options: VirtualBmsOptions = {}): VirtualBms {
  const clock = options.clock ?? systemClock;
  const layout = createFlashLayout(slotSizeOf(options));
  let identity: DeviceIdentity;
  let embeddedKeys: TrustedKey[];
  let batteryState: BatteryState;
  let interfaceFaults: InterfaceFaults = { rs485: false, can: false };
  let recoveryButton = false;
  if (options.state) {
    const restored = importState(options.state, layout, clock.now());
    ({ identity, embeddedKeys, batteryState, interfaceFaults, recoveryButton } = restored);
  } else {
    identity = resolveIdentity(options);
    embeddedKeys = options.embeddedKeys ?? [VENDOR_TEST_KEY];
    batteryState = defaultBatteryState(clock.now());
    defaultFactoryImage ??= makeTestFirmware({ version: '1.0.0', securityCounter: 1 });
    manufacture(layout, options.factoryImage ?? defaultFactoryImage, options.technicianKeys ?? [TECHNICIAN_TEST_PUBLIC_KEY], options.factoryConfig);
  }
  const device = new BmsDevice({
    clock,
    layout,
    identity,
    embeddedKeys,
    limits: checkLimits({ ...DEFAULT_LIMITS, ...options.smp }),
    battery: new BatteryModel(batteryState, () => clock.now(), options.seed ?? 1),
    interfaceFaults,
    authTiming: { ...DEFAULT_AUTH_TIMING, ...options.authTiming },
    profile: options.profile
  });
  device.recoveryButton = recoveryButton;
  if (options.powerOn !== false) void device.powerOn();
  return facade(device);
}

function facade(device: BmsDevice): VirtualBms {
  const capacity = () => device.config().capacity_mah as number;
  const tune = (change: Partial<BatteryState>) => device.battery.update(capacity(), change);
  const battery: BatteryKnobs = {
    setSoc: (permille) => tune({ socPm: permille }),
    setCurrent: (milliamps) => tune({ currentMa: milliamps }),
    setTemperature: (deciCelsius) => tune({ ambientDc: deciCelsius }),
    failTemperatureSensor: (index, failed = true) => {
      const others = device.battery.state.failedSensors.filter((i) => i !== index);
      tune({ failedSensors: failed ? [...others, index] : others });
    },
    setSupplyInstability: (instability) => tune(instability),
    setStuckCell: (index) => tune({ stuckCell: index }),
    setCalibrationError: (centiPercent) => tune({ calibrationErrorCpct: centiPercent }),
    get state() {
      return device.battery.state;
    }
  };
  return {
    port: device,
    gatt: device.gatt,
    identity: device.identity,
    embeddedKeys: device.embeddedKeys,
    get status() {
      return device.status;
    },
    battery,
    powerOn: () => device.powerOn(),
    powerOff: () => device.powerOff(),
    powerCycle: async () => {
      await device.powerOff();
      await device.powerOn();
    },
    powerLossAt: (trigger) => {
      device.faults.trigger = trigger;
      device.faults.seen = 0;
    },
    failFlashOperations: (phase, count) => {
      device.faults.failures = { phase, count };
    },
    flashOps: () => ({ ...device.faults.opsByPhase }),
    setRecoveryButton: (held) => {
      device.recoveryButton = held;
    },
    setResponseDelay: (ms) => {
      device.responseDelayMs = ms;
    },
    setInterfaceFault: (iface, faulty) => {
      device.interfaceFaults[iface] = faulty;
    },
    enrolTechnicianKey: (publicKey) =>
      device.run(() => {
        const trusted = readTrusted(device.layout.trusted);
        device.setPhase('trusted');
        writeTrusted(device.layout.trusted, { ...trusted, technicianKeys: [...trusted.technicianKeys, publicKey.slice()] });
      }),
    snapshot: () => snapshotOf(device),
    exportState: () =>
      exportFlashState(device, device.battery.state, device.battery.socPm(capacity())),
    settled: () => device.settled()
  };
}

function snapshotOf(device: BmsDevice): VirtualBmsSnapshot {
  const { primary, secondary } = device.layout;
  const slot = (info: ReturnType<typeof readSlotInfo>): SlotSnapshot | undefined =>
    info && { version: formatVersion(info.version), hash: info.hash };
  const pri = readSwapState(primary);
  const type = swapTypeOf(pri, readSwapState(secondary));
  const names = { [SwapType.TEST]: 'test', [SwapType.PERM]: 'permanent', [SwapType.REVERT]: 'revert' } as const;
  return {
    status: device.status,
    slots: [slot(readSlotInfo(primary)), slot(readSlotInfo(secondary))],
    nextBoot: names[type as keyof typeof names] ?? 'none',
    confirmed: pri.magic !== 'good' || pri.imageOk === 'set',
    securityCounter: readTrusted(device.layout.trusted).securityCounter,
    config: device.config(),
    bootLog: device.bootLog.map((e) => ({ ...e }))
  };
}
