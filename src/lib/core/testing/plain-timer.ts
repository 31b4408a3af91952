/**
 * A control for timing tests on a busy machine: a plain timer of `ms`, started beside the measured work,
 * resolves with the wall time it really took. Its lateness is what the machine's scheduling costs at
 * that moment, so "the work took at most the control plus X" holds under any load, where a fixed bound
 * (e.g. "under 1.25 × expected") fails as soon as other processes take the cores.
 */
export function plainTimer(ms: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - started), ms));
}
