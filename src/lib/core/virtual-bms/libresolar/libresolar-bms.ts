/**
 * The virtual LibreSolar BMS: a board (libresolar-boards.ts) with its flash (the virtual BMS's NOR
 * flash model: two MCUboot slots, a settings area), the shared battery model, its MCUboot build
 * (upgrade-only, or swap with revert through the virtual BMS's bootloader) and the bms-firmware
 * application speaking ThingSet text mode on its serial port, with the `#mLive` report every second.
 * A reset (xReset, xBoot + 1 s) takes the board away ~300 ms; the firmware then reloads Conf from its
 * storage and reports the version of the image that really runs.
 */
import { BatteryModel, defaultBatteryState, type BatterySample, type BatteryState } from '../board/battery';
import { runBootloader, type ResetReason } from '../mcuboot/bootloader';
import { readSwapState, setNext, SwapType, swapTypeOf } from '../mcuboot/boot-trailer';
import { PowerDomain, systemClock, type DeviceClock } from '../board/device-clock';
import type { DevicePort } from '../../link/device-port';
import { readFirmwareBehaviour } from '../firmware-behaviour';
import { createFlashLayout, DEFAULT_SLOT_SIZE, type FlashLayout } from '../flash/flash-layout';
import { readSlotInfo } from '../mcuboot/image-slots';
import { VENDOR_TEST_KEY } from '../../image/test-keys';
import type { TrustedKey } from '../../image/keys';
import type { ImageVersion } from '../../image/image-types';
import { parseTextRequest, type TextRequest } from '../../protocol/thingset/text-codec';
import type { BootEvent } from '../../protocol/smp/groups/bms-group';
import { DfuTarget } from './dfu-target';
import { LIBRESOLAR_BOARDS, type BootloaderProfile, type LibreSolarBoard, type LibreSolarBoardId } from './libresolar-boards';
import { loadConf, saveConf, type Conf } from './libresolar-conf';
import { describeVersion, FACTORY_VERSION, makeLibreSolarFirmware } from './libresolar-firmware';
import { buildObjects } from './libresolar-objects';
import { formatReport, processRequest, type TsGroup } from './thingset-objects';
import { binaryReport, processBinaryRequest } from './thingset-binary';
import { ThingSetCanFace } from './thingset-can-face';
import type { VirtualCanBus } from '../can/virtual-can-bus';
import { fail } from '../../errors';
import { ThingSetUart } from './thingset-uart';
import { runUpgradeOnly } from './upgrade-only-boot';

export type LibreSolarStatus = 'off' | 'booting' | 'app' | 'bootloader';

export interface LibreSolarBmsOptions {
  board?: LibreSolarBoardId;
  clock?: DeviceClock;
  /** seeds the battery model's noise (default 1) */
  seed?: number;
  /** root item pNodeID: the board's EUI-64 in hex */
  nodeId?: string;
  /** image in slot 0 at the factory (default: v23.1-94-g9ff895e, signed with the vendor test key) */
  factoryImage?: Uint8Array;
  /** another build of the board's bootloader or firmware, e.g. a firmware that confirms its image */
  bootloader?: Partial<BootloaderProfile>;
  /** keys of a bootloader that checks signatures (default: the virtual vendor test key) */
  embeddedKeys?: TrustedKey[];
  /** `#mLive` period (default 1000 ms, 0: off) */
  reportPeriodMs?: number;
  slotSize?: number;
  battery?: Partial<BatteryState>;
  /** false: stays off until powerOn() */
  powerOn?: boolean;
  /** a CAN board's node on this bus (ThingSet binary over ISO-TP), at its stored address (default 0x01) */
  can?: { bus: VirtualCanBus; address?: number };
}

export interface LibreSolarSnapshot {
  status: LibreSolarStatus;
  /** cFirmwareVersion of the image running now */
  running?: string;
  /** MCUboot's action at the next reset ('revert': the running test image was never confirmed) */
  nextBoot: 'none' | 'test' | 'permanent' | 'revert';
  slots: [string | undefined, string | undefined];
  conf: Conf;
  bootLog: BootEvent[];
  /** request bytes the serial line dropped because they arrived during an answer */
  droppedBytes: number;
}

export interface VirtualLibreSolarBms {
  readonly port: DevicePort;
  readonly board: LibreSolarBoard;
  readonly status: LibreSolarStatus;
  /** the CAN node address, when on a bus */
  readonly canAddress?: number;
  /** turns the battery model's knobs (SoC, current, temperature…) */
  tuneBattery(change: Partial<BatteryState>): void;
  powerOn(): Promise<void>;
  powerOff(): Promise<void>;
  snapshot(): LibreSolarSnapshot;
  /** resolves when every queued device step has run (rejects on a simulator bug) */
  settled(): Promise<void>;
}

/** Zephyr start-up and the BMS IC set-up until the ThingSet port listens: ~300 ms with the bootloader. */
const APP_START_MS = 260;
/** TS_ID_SUBSET_LIVE: the id of the `mLive` subset heading the binary report */
const LIVE_SUBSET_ID = 0x31;
/** a BOOT_LOOP image dies before its ThingSet server runs; the watchdog resets the MCU */
const CRASH_MS = 120;
const BAUD = 115200;
let factoryImage: Uint8Array | undefined;

class LibreSolarDevice implements DevicePort {
  readonly baudRate = BAUD;
  readonly board: LibreSolarBoard;
  readonly layout: FlashLayout;
  readonly battery: BatteryModel;
  status: LibreSolarStatus = 'off';
  bootLog: BootEvent[] = [];
  running: ImageVersion | undefined;
  conf: Conf;
  readonly uart: ThingSetUart;
  readonly #clock: DeviceClock;
  readonly #power: PowerDomain;
  readonly #keys: TrustedKey[];
  readonly #reportPeriodMs: number;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  readonly #root: TsGroup;
  readonly #live: TsGroup[];
  readonly #dfu: DfuTarget;
  readonly can: ThingSetCanFace | undefined;
  #tasks: Promise<void> = Promise.resolve();
  #failure: unknown;
  #sample: BatterySample | undefined;

  constructor(options: LibreSolarBmsOptions) {
    const board = LIBRESOLAR_BOARDS[options.board ?? '16s100-sc'];
    this.board = { ...board, bootloader: { ...board.bootloader, ...options.bootloader } };
    this.#clock = options.clock ?? systemClock;
    this.#power = new PowerDomain(this.#clock);
    this.#keys = options.embeddedKeys ?? [VENDOR_TEST_KEY];
    this.#reportPeriodMs = options.reportPeriodMs ?? 1000;
    this.layout = createFlashLayout(options.slotSize ?? DEFAULT_SLOT_SIZE);
    factoryImage ??= makeLibreSolarFirmware({ version: FACTORY_VERSION });
    const image = options.factoryImage ?? factoryImage;
    const padded = new Uint8Array(Math.ceil(image.length / 8) * 8).fill(0xff);
    padded.set(image);
    this.layout.primary.program(0, padded);
    this.battery = new BatteryModel({ ...defaultBatteryState(this.#clock.now()), ...options.battery }, () => this.#clock.now(), options.seed ?? 1);
    this.conf = loadConf(this.layout.config);
    this.#dfu = new DfuTarget(this.layout.secondary);
    this.uart = new ThingSetUart({
      handle: (message) => this.#handle(message),
      transmit: (bytes) => this.#listeners.forEach((listener) => listener(bytes.slice())),
      after: (ms, run) => this.#after(ms, run),
      takeBusyMs: () => this.layout.flash.takeBusyMs(),
      baudRate: BAUD
    });
    const objects = buildObjects({
      board: this.board,
      nodeId: options.nodeId ?? '3F8C21D0B7A45E19',
      firmwareVersion: () => (this.running ? describeVersion(this.running) : ''),
      sample: () => (this.#sample ??= this.battery.sample(this.board.cellCount, this.conf.sNominalCapacity_Ah * 1000)),
      conf: this.conf,
      saveConf: () => saveConf(this.layout.config, this.conf),
      dfu: this.#dfu,
      input: { chgEnable: true, disEnable: true },
      reboot: (afterMs) => this.#after(afterMs, () => this.#boot('software')),
      log: (line) => this.uart.log(line)
    });
    this.#root = objects.root;
    this.#live = objects.live;
    if (options.can) {
      if (!this.board.can) fail('INTERNAL_ERROR', `the ${this.board.deviceType} has no CAN interface`);
      const nodeId = options.nodeId ?? '3F8C21D0B7A45E19';
      this.can = new ThingSetCanFace(options.can.bus, {
        address: options.can.address ?? 0x01,
        eui64: Uint8Array.from(nodeId.match(/../g)!, (pair) => parseInt(pair, 16)),
        reportPeriodMs: this.#reportPeriodMs,
        host: {
          handle: (request) => this.#handleBinary(request),
          report: () => {
            this.#sample = undefined;
            return binaryReport(LIVE_SUBSET_ID, this.#live);
          },
          after: (ms, run) => this.#after(ms, run)
        }
      });
    }
  }

  /** A binary request, in the device's order of work; the answer leaves once flash work is done. */
  #handleBinary(request: Uint8Array): Promise<Uint8Array | undefined> {
    return new Promise((resolve) => {
      void this.run(() => {
        if (this.status !== 'app') return resolve(undefined);
        this.#sample = undefined;
        let answer: Uint8Array | undefined;
        try {
          answer = processBinaryRequest(this.#root, request);
        } catch (error) {
          resolve(undefined);
          throw error;
        }
        this.#after(this.layout.flash.takeBusyMs(), () => resolve(answer));
      });
    });
  }

  receive(bytes: Uint8Array): void {
    const copy = bytes.slice();
    void this.run(() => {
      if (this.status === 'app') this.uart.receive(copy);
    });
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  run(step: () => void | Promise<void>): Promise<void> {
    const next = this.#tasks.then(step).catch((error: unknown) => {
      this.#failure ??= error;
    });
    this.#tasks = next;
    return next;
  }

  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.#tasks;
      await seen;
    } while (seen !== this.#tasks);
    if (this.#failure !== undefined) throw this.#failure;
  }

  powerOn(): Promise<void> {
    return this.run(() => (this.status === 'off' ? this.#boot('power_on') : undefined));
  }

  powerOff(): Promise<void> {
    return this.run(() => this.#cut('off'));
  }

  #after(ms: number, run: () => void | Promise<void>): void {
    this.#power.after(ms, () => void this.run(run));
  }

  #handle(message: string): string | undefined {
    this.#sample = undefined;
    let request: TextRequest;
    try {
      request = parseTextRequest(message);
    } catch {
      return ':A0'; // the library's answer to a line it cannot parse
    }
    return processRequest(this.#root, request);
  }

  #cut(status: LibreSolarStatus): void {
    this.#power.cutAll();
    this.status = status;
    this.running = undefined;
    this.uart.reset();
    this.can?.stop();
  }

  async #boot(reason: ResetReason): Promise<void> {
    this.#cut('booting');
    this.bootLog = [{ t_ms: 0, phase: 'reset', detail: `reset cause: ${reason}` }];
    const result = await this.#runBootloader(reason);
    this.bootLog.push(...result.events);
    if (!result.version || !result.payload) {
      this.#after(result.elapsedMs, () => {
        this.status = 'bootloader';
      });
      return;
    }
    const { version, payload } = result;
    if (readFirmwareBehaviour(payload).bootLoop) {
      this.#after(result.elapsedMs + CRASH_MS, () => this.#boot('watchdog'));
      return;
    }
    this.#after(result.elapsedMs + APP_START_MS, () => this.#start(version));
  }

  async #runBootloader(reason: ResetReason): Promise<{ events: BootEvent[]; elapsedMs: number; version?: ImageVersion; payload?: Uint8Array }> {
    const { bootloader } = this.board;
    if (bootloader.mode === 'upgrade-only') {
      const result = await runUpgradeOnly(this.layout, bootloader.checksSignature ? this.#keys : undefined);
      return { ...result, ...result.running };
    }
    const result = await runBootloader({
      layout: this.layout,
      policy: { keys: this.#keys, model: this.board.deviceType, hwRev: this.board.hardwareVersion, bootloaderVersion: { major: 1, minor: 10, revision: 0, build: 0 } },
      resetReason: reason,
      recoveryButton: false,
      setPhase: () => {}
    });
    const image = result.mode === 'app' ? result.running?.image : undefined;
    return { events: result.events, elapsedMs: result.elapsedMs, version: image?.header.version, payload: image?.payload };
  }

  #start(version: ImageVersion): void {
    this.running = version;
    this.conf = Object.assign(this.conf, loadConf(this.layout.config));
    this.status = 'app';
    this.can?.start();
    // Only a firmware built to confirm itself does; stock bms-firmware leaves a test image unconfirmed.
    const primary = readSwapState(this.layout.primary);
    if (this.board.bootloader.firmwareConfirms && primary.magic === 'good' && primary.imageOk === 'unset') setNext(this.layout.primary, true, true);
    this.#scheduleReport();
  }

  #scheduleReport(): void {
    if (this.#reportPeriodMs <= 0) return;
    this.#after(this.#reportPeriodMs, () => {
      this.#sample = undefined;
      this.uart.report(`#mLive ${formatReport(this.#live)}`);
      this.#scheduleReport();
    });
  }
}

function nextBootOf(layout: FlashLayout): LibreSolarSnapshot['nextBoot'] {
  const type = swapTypeOf(readSwapState(layout.primary), readSwapState(layout.secondary));
  return type === SwapType.TEST ? 'test' : type === SwapType.PERM ? 'permanent' : type === SwapType.REVERT ? 'revert' : 'none';
}

export function createLibreSolarBms(options: LibreSolarBmsOptions = {}): VirtualLibreSolarBms {
  const device = new LibreSolarDevice(options);
  if (options.powerOn !== false) void device.powerOn();
  const slotVersion = (info: ReturnType<typeof readSlotInfo>) => (info ? describeVersion(info.version) : undefined);
  return {
    port: device,
    board: device.board,
    canAddress: device.can?.address,
    get status() {
      return device.status;
    },
    tuneBattery: (change) => device.battery.update(device.conf.sNominalCapacity_Ah * 1000, change),
    powerOn: () => device.powerOn(),
    powerOff: () => device.powerOff(),
    snapshot: () => ({
      status: device.status,
      running: device.running && describeVersion(device.running),
      nextBoot: nextBootOf(device.layout),
      slots: [slotVersion(readSlotInfo(device.layout.primary)), slotVersion(readSlotInfo(device.layout.secondary))],
      conf: { ...device.conf },
      bootLog: device.bootLog.map((e) => ({ ...e })),
      droppedBytes: device.uart.dropped
    }),
    settled: () => device.settled()
  };
}
