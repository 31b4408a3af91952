/**
 * Runs callbacks at absolute times with a single timer, in time order (ties in the order they were
 * added). The paced link schedules thousands of byte deliveries; one timer keeps them ordered even when
 * the host clamps or rounds timer delays (browsers clamp nested timers to 4 ms), and absolute targets
 * keep the average rate exact because a late timer never delays the ones after it.
 */
export class Timeline {
  #events: { at: number; run: () => void }[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  now(): number {
    return this.#now();
  }

  at(time: number, run: () => void): void {
    let index = this.#events.length;
    while (index > 0 && this.#events[index - 1].at > time) index -= 1;
    this.#events.splice(index, 0, { at: time, run });
    if (index === 0) this.#arm();
  }

  /** Drops every pending callback. */
  clear(): void {
    this.#events = [];
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const head = this.#events[0];
    if (!head) return;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, head.at - this.#now()));
  }

  #fire(): void {
    this.#timer = undefined;
    // Timers have millisecond granularity and may fire a fraction early: run what is due within 1 ms.
    const due = this.#now() + 1;
    while (this.#events.length > 0 && this.#events[0].at <= due) this.#events.shift()!.run();
    if (this.#timer === undefined) this.#arm();
  }
}
