/**
 * A foxBMS 2 master board on the virtual CAN bus: at power-on its bootloader sends the boot burst and
 * listens for 500 ms (MAIN_TIME_OUT_us); if no request arrived it starts the application, which then
 * broadcasts its telemetry every cycle. A flashed program runs only after the bootloader has stored it
 * and its CRC-64 still matches the flash: what runs is what was really written. Single slot: a reset
 * request erases the application.
 */
import { BatteryModel, defaultBatteryState, type BatterySample } from '../board/battery';
import { systemClock, type DeviceClock } from '../board/device-clock';
import type { CanFrame } from '../../link/can/can-frame';
import type { BusAttachment, VirtualCanBus } from '../can/virtual-can-bus';
import { applicationFrames } from './foxbms-application';
import { FoxBootloader, type BootloaderOutcome } from './foxbms-bootloader';
import { FoxFlash } from './foxbms-flash';

export const POWER_ON_WINDOW_MS = 500;

export interface FoxBmsNodeOptions {
  clock?: DeviceClock;
  /** Shared with other rooms of the virtual BMS; a fresh seeded model by default. */
  battery?: BatteryModel;
  cellCount?: number;
  capacityMah?: number;
  /** Telemetry broadcast period of the application. */
  cyclePeriodMs?: number;
  /** An MCU reset takes this long before the bootloader runs again. */
  resetMs?: number;
}

export type FoxNodeMode = 'off' | 'bootloader' | 'application';

export class FoxBmsNode {
  readonly flash = new FoxFlash();
  readonly battery: BatteryModel;
  mode: FoxNodeMode = 'off';
  /** The sample behind the last telemetry cycle the application sent. */
  lastSample: BatterySample | undefined;
  /** Times the application was started (power-on window elapsed or run request). */
  appStarts = 0;
  readonly #clock: DeviceClock;
  readonly #attachment: BusAttachment;
  readonly #options: Required<Omit<FoxBmsNodeOptions, 'clock' | 'battery'>>;
  #bootloader: FoxBootloader | undefined;
  #timers = new Set<unknown>();

  constructor(bus: VirtualCanBus, options: FoxBmsNodeOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.battery = options.battery ?? new BatteryModel(defaultBatteryState(this.#clock.now()), () => this.#clock.now(), 0xf0b5);
    this.#options = {
      cellCount: options.cellCount ?? 16,
      capacityMah: options.capacityMah ?? 100_000,
      cyclePeriodMs: options.cyclePeriodMs ?? 100,
      resetMs: options.resetMs ?? 20
    };
    this.#attachment = bus.attach({ receive: (frame) => this.#receive(frame) });
  }

  /** The bootloader's state machine while it runs (for tests and the simulator panel). */
  get bootloader(): FoxBootloader | undefined {
    return this.#bootloader;
  }

  powerOn(): void {
    if (this.mode !== 'off') return;
    this.mode = 'bootloader';
    this.#bootloader = new FoxBootloader(this.flash, (frame) => this.#send(frame));
    this.#bootloader.bootBurst();
    this.#after(POWER_ON_WINDOW_MS, () => this.#outcome(this.#bootloader?.powerOnWindowElapsed() ?? 'stay'));
  }

  powerOff(): void {
    for (const handle of this.#timers) this.#clock.clearTimeout(handle);
    this.#timers.clear();
    this.mode = 'off';
    this.#bootloader = undefined;
  }

  #send(frame: CanFrame): void {
    if (this.mode !== 'off') this.#attachment.send(frame);
  }

  #after(ms: number, run: () => void): void {
    const handle = this.#clock.setTimeout(() => {
      this.#timers.delete(handle);
      run();
    }, ms);
    this.#timers.add(handle);
  }

  #receive(frame: CanFrame): void {
    // The application ignores bootloader requests: only a power cycle brings the bootloader back.
    if (this.mode === 'bootloader' && this.#bootloader) this.#outcome(this.#bootloader.receive(frame));
  }

  #outcome(outcome: BootloaderOutcome): void {
    if (outcome === 'reboot') {
      this.powerOff();
      this.mode = 'bootloader'; // the MCU is resetting: nothing answers until the bootloader is back
      this.#bootloader = undefined;
      this.#after(this.#options.resetMs, () => {
        this.mode = 'off';
        this.powerOn();
      });
    } else if (outcome === 'run-app') this.#startApplication();
  }

  #startApplication(): void {
    this.mode = 'application';
    this.#bootloader = undefined;
    this.appStarts += 1;
    const cycle = () => {
      if (this.mode !== 'application') return;
      this.lastSample = this.battery.sample(this.#options.cellCount, this.#options.capacityMah);
      for (const frame of applicationFrames(this.lastSample)) this.#send(frame);
      this.#after(this.#options.cyclePeriodMs, cycle);
    };
    cycle();
  }
}
