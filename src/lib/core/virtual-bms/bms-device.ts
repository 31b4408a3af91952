/**
 * The virtual BMS board: persistent parts (flash, the battery it sits on, hardware faults) and RAM
 * state that every reset or power cut wipes (upload and technician sessions, running firmware, boot
 * log, UART buffers). Every event (bytes in, timers, control calls) runs as one task on a single queue,
 * like code on the MCU; a PowerLoss thrown by the flash at any point turns the board off at once.
 */
import type { TrustedKey } from '../image/keys';
import type { BmsConfig, BootEvent } from '../protocol/smp/groups/bms-group';
import type { DevicePort, GattEndpoint } from '../link/device-port';
import { consoleFraming, rawFraming } from './smp/endpoint-framing';
import { AuthSessions, type AuthTiming } from './bms/auth';
import { BatteryModel } from './board/battery';
import { runBootloader, type FlashPhase, type ResetReason } from './mcuboot/bootloader';
import { setNext, readSwapState } from './mcuboot/boot-trailer';
import { defaultConfig } from './bms/config-schema';
import { loadConfig, saveConfig } from './bms/config-store';
import type { DeviceContext, RunningFirmware } from './device-context';
import type { SmpLimits } from '../protocol/smp/smp-client-types';
import { PowerDomain, type DeviceClock } from './board/device-clock';
import type { DeviceIdentity } from './board/device-identity';
import type { DeviceProfile } from './device-profile';
import { readFirmwareBehaviour } from './firmware-behaviour';
import { FIRMWARE_TIMING, startFirmware } from './firmware-runtime';
import { FlashFault, PowerLoss } from './flash/flash';
import type { FlashLayout } from './flash/flash-layout';
import { UploadSession } from './smp/image-upload';
import { BroadcastReceiver } from './bms/broadcast-upload';
import { RECOVERY_LIMITS } from './smp/os-handlers';
import { createFaultState, faultHook, type FaultState } from './flash/power-faults';
import { runSelfTest, type InterfaceFaults } from './board/self-test';
import { BMS_SERVER, handleSmpRequest } from './smp/smp-server';
import type { SmpPacket } from '../protocol/smp/smp-packet';
import { SmpUart } from './smp/smp-uart';
import { readTrusted, type TrustedData } from './mcuboot/trusted-storage';

export type PowerStatus = 'off' | 'booting' | 'app' | 'recovery';

/** From the end of the bootloader until MCUboot's serial recovery listens. */
const RECOVERY_START_MS = 20;
/**
 * A flash error inside MCUboot ends in a panic (FIH_PANIC spins); the board's independent watchdog, which
 * the bootloader feeds only while it makes progress, then resets it. The swap status in the trailer was
 * not advanced for the failed step, so the next boot resumes the swap from there.
 */
const BOOTLOADER_WATCHDOG_MS = 500;

export interface BmsDeviceSetup {
  clock: DeviceClock;
  layout: FlashLayout;
  identity: DeviceIdentity;
  embeddedKeys: TrustedKey[];
  limits: SmpLimits;
  battery: BatteryModel;
  interfaceFaults: InterfaceFaults;
  authTiming?: AuthTiming;
  /** ATT payload per GATT notification (default 20: the BLE default MTU of 23 minus 3) */
  gattNotifySize?: number;
  /** firmware and bootloader (default: our BMS) */
  profile?: DeviceProfile;
}

const BMS_PROFILE: DeviceProfile = { server: BMS_SERVER, firmware: 'bms' };

export class BmsDevice implements DeviceContext, DevicePort {
  readonly layout: FlashLayout;
  readonly identity: DeviceIdentity;
  readonly embeddedKeys: TrustedKey[];
  readonly battery: BatteryModel;
  readonly interfaceFaults: InterfaceFaults;
  readonly faults: FaultState;
  limits: SmpLimits;
  recoveryButton = false;
  responseDelayMs = 0;

  status: PowerStatus = 'off';
  upload = new UploadSession();
  broadcast = new BroadcastReceiver();
  auth: AuthSessions;
  running: RunningFirmware | undefined;
  bootLog: BootEvent[] = [];
  bootCount = 0;

  readonly #clock: DeviceClock;
  readonly #power: PowerDomain;
  readonly #uart: SmpUart;
  /** the BLE SMP characteristic: the same handlers, raw packets (only the application runs BLE) */
  readonly #gatt: SmpUart;
  readonly gatt: GattEndpoint;
  readonly #authTiming: AuthTiming | undefined;
  readonly #profile: DeviceProfile;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  #tasks: Promise<void> = Promise.resolve();
  #failure: unknown;
  #bootAt = 0;
  #uartBaud: number;

  constructor(setup: BmsDeviceSetup) {
    this.layout = setup.layout;
    this.identity = setup.identity;
    this.embeddedKeys = setup.embeddedKeys;
    this.limits = setup.limits;
    this.battery = setup.battery;
    this.interfaceFaults = setup.interfaceFaults;
    this.#clock = setup.clock;
    this.#authTiming = setup.authTiming;
    this.#profile = setup.profile ?? BMS_PROFILE;
    const profile = this.#profile;
    this.#power = new PowerDomain(setup.clock);
    this.auth = new AuthSessions(() => this.#clock.now(), this.#authTiming);
    this.faults = createFaultState(this.layout.secondary.offset);
    this.layout.flash.hook = (op) => faultHook(this.faults, op);
    this.#uartBaud = this.config().rs485_baud as number;
    const endpoint = {
      handle: (packet: SmpPacket) => handleSmpRequest(this, packet, profile.server),
      after: (ms: number, run: () => void) => this.#after(ms, run),
      extraDelayMs: () => this.responseDelayMs
    };
    const transmit = (bytes: Uint8Array) => this.#listeners.forEach((listener) => listener(bytes.slice()));
    const lineLength = () => this.limits.lineLength;
    this.#uart = new SmpUart({
      ...endpoint,
      limits: () => (this.status === 'recovery' ? { ...RECOVERY_LIMITS, lineLength: this.limits.lineLength } : this.limits),
      transmit,
      // MCUboot's serial recovery speaks bare console frames whatever the application's UART does.
      framing: () =>
        profile.uart && this.status !== 'recovery' ? profile.uart({ lineLength, transmit, uptimeMs: () => this.uptimeMs(), address: () => this.config().rs485_address as number }) : consoleFraming(lineLength)
    });
    const notifySize = setup.gattNotifySize ?? 20;
    const notifyListeners = new Set<(bytes: Uint8Array) => void>();
    this.#gatt = new SmpUart({
      ...endpoint,
      limits: () => this.limits,
      transmit: (bytes) => notifyListeners.forEach((listener) => listener(bytes.slice())),
      framing: () => rawFraming(notifySize)
    });
    this.gatt = {
      notifySize,
      write: (bytes) => {
        const copy = bytes.slice();
        void this.run(() => {
          if (this.status === 'app') this.#gatt.receive(copy);
        });
      },
      onNotify: (listener) => {
        notifyListeners.add(listener);
        return () => notifyListeners.delete(listener);
      }
    };
  }

  // ---- DevicePort: the UART as the outside world sees it

  get baudRate(): number {
    return this.#uartBaud;
  }

  receive(bytes: Uint8Array): void {
    const copy = bytes.slice();
    void this.run(() => {
      if (this.status === 'app' || this.status === 'recovery') this.#uart.receive(copy);
    });
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- DeviceContext: what the command handlers use

  get mode(): 'app' | 'recovery' {
    return this.status === 'recovery' ? 'recovery' : 'app';
  }

  config(): BmsConfig {
    return loadConfig(this.layout.config);
  }

  writeConfig(config: BmsConfig): void {
    saveConfig(this.layout.config, config);
  }

  trusted(): TrustedData {
    return readTrusted(this.layout.trusted);
  }

  uptimeMs(): number {
    return this.#clock.now() - this.#bootAt;
  }

  setPhase(phase: FlashPhase): void {
    this.faults.phase = phase;
  }

  scheduleReset(afterMs: number): void {
    this.#after(afterMs, () => this.#boot('software'));
  }

  // ---- power and tasks

  /** Queues a step; every device event goes through here so steps never interleave. */
  run(step: () => void | Promise<void>): Promise<void> {
    const next = this.#tasks.then(step).catch((error: unknown) => {
      if (error instanceof PowerLoss) this.#powerLost();
      else this.#failure ??= error;
    });
    this.#tasks = next;
    return next;
  }

  /** Resolves once every queued step has run; rejects if one failed unexpectedly (a simulator bug). */
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
    return this.run(() => this.#cut());
  }

  #after(ms: number, run: () => void | Promise<void>): void {
    this.#power.after(ms, () => void this.run(run));
  }

  #cut(): void {
    this.#power.cutAll();
    this.status = 'off';
    this.running = undefined;
    this.bootLog = [];
    this.upload.reset();
    this.broadcast.reset();
    this.#uart.reset();
    this.#gatt.reset();
  }

  #powerLost(): void {
    const restore = this.faults.fired?.restoreAfterMs;
    this.faults.fired = undefined;
    this.#cut();
    if (restore !== undefined) this.#power.after(restore, () => void this.powerOn());
  }

  async #boot(reason: ResetReason): Promise<void> {
    this.#cut();
    this.status = 'booting';
    this.bootCount += 1;
    this.#bootAt = this.#clock.now();
    this.auth = new AuthSessions(() => this.#clock.now(), this.#authTiming);
    this.#uartBaud = this.config().rs485_baud as number;
    this.bootLog = [{ t_ms: 0, phase: 'reset', detail: `reset cause: ${reason}` }];
    let result: Awaited<ReturnType<typeof runBootloader>>;
    try {
      result = await runBootloader({
        layout: this.layout,
        policy: { keys: this.embeddedKeys, model: this.identity.model, hwRev: this.identity.hwRev, bootloaderVersion: this.identity.bootloaderVersion, plain: this.#profile.plainImageCheck },
        resetReason: reason,
        recoveryButton: this.recoveryButton,
        swap: this.#profile.swap,
        setPhase: (phase) => this.setPhase(phase)
      });
    } catch (error) {
      if (!(error instanceof FlashFault)) throw error;
      this.bootLog.push({ t_ms: 0, phase: 'panic', detail: `${error.message}: bootloader halted, watchdog reset` });
      this.#after(BOOTLOADER_WATCHDOG_MS, () => this.#boot('watchdog'));
      return;
    }
    this.bootLog.push(...result.events);
    if (result.mode === 'recovery' || !result.running) {
      this.#after(result.elapsedMs + RECOVERY_START_MS, () => {
        this.status = 'recovery';
        this.#uart.reset();
      });
      return;
    }
    const running: RunningFirmware = {
      ...result.running,
      behaviour: readFirmwareBehaviour(result.running.image.payload),
      selfTest: { done: false, pass: false, items: [] }
    };
    this.#after(result.elapsedMs, () => {
      this.running = running;
      if (this.#profile.firmware === 'stock') this.#startStockFirmware();
      else this.#startFirmware(running);
    });
  }

  /** An SMP server and its console, nothing else: no protections, no self-test, no self-confirmation. */
  #startStockFirmware(): void {
    this.#after(FIRMWARE_TIMING.smpReadyMs, () => {
      this.status = 'app';
      this.#uart.started();
    });
  }

  #startFirmware(running: RunningFirmware): void {
    const primary = this.layout.primary;
    startFirmware(
      {
        after: (ms, run) => this.#after(ms, run),
        log: (phase, detail) => this.bootLog.push({ t_ms: Math.round(this.uptimeMs()), phase, detail }),
        runSelfTest: () => {
          const config = this.config();
          const sample = this.battery.sample(config.cell_count as number, config.capacity_mah as number);
          return runSelfTest({ sample, config, faults: this.interfaceFaults, firmwareFailures: running.behaviour.selfTestFailures });
        },
        isConfirmed: () => {
          const state = readSwapState(primary);
          return state.magic !== 'good' || state.imageOk === 'set';
        },
        confirm: () => {
          this.setPhase('confirm');
          setNext(primary, true, true);
        },
        resetConfig: () => {
          if (JSON.stringify(this.config()) === JSON.stringify(defaultConfig())) return false;
          this.setPhase('config');
          this.writeConfig(defaultConfig());
          return true;
        },
        smpReady: () => {
          this.status = 'app';
        },
        reset: (reason) => this.#boot(reason)
      },
      running
    );
  }
}
