/**
 * Time for the virtual BMS, injected so tests are repeatable: the system clock in the app and the CLI,
 * a manual clock in tests (advance() runs due timers in time order). PowerDomain groups the device's
 * timers so a power cut cancels every one of them, as it stops every task on the MCU.
 */
export interface DeviceClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: DeviceClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export interface ManualClock extends DeviceClock {
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Timers not yet run. */
  readonly pending: number;
  /** ms until the earliest timer, or undefined when none is pending */
  nextTimerIn(): number | undefined;
}

export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: [number, { at: number; run: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = end;
    },
    get pending() {
      return timers.size;
    },
    nextTimerIn() {
      let earliest: number | undefined;
      for (const { at } of timers.values()) if (earliest === undefined || at < earliest) earliest = at;
      return earliest === undefined ? undefined : Math.max(0, earliest - now);
    }
  };
}

/** The device's timers; cutAll() is what a power loss or reset does to them. */
export class PowerDomain {
  readonly clock: DeviceClock;
  readonly #handles = new Set<unknown>();

  constructor(clock: DeviceClock) {
    this.clock = clock;
  }

  after(ms: number, run: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.#handles.delete(handle);
      run();
    }, ms);
    this.#handles.add(handle);
  }

  cutAll(): void {
    for (const handle of this.#handles) this.clock.clearTimeout(handle);
    this.#handles.clear();
  }
}
