/** The page's side of the Virtual BMS worker: one board for the whole app, started on first use. */
import * as Comlink from 'comlink';
import { crashGuard } from '../session/worker-guard';
import type { VirtualBmsService } from './virtual-bms-service';

export type { LineOptions, VirtualBmsKnobs, VirtualBmsLine, VirtualBmsStatus, VirtualFamily } from './virtual-bms-service';

function startVirtualBmsWorker(): VirtualBmsService {
  const worker = new Worker(new URL('./virtual-bms-worker.ts', import.meta.url), { type: 'module' });
  // Every method already returns a promise of plain data, so the remote has the service's own type
  // (Comlink's Remote<> would split each Result union into a union of promises).
  const remote = Comlink.wrap<VirtualBmsService>(worker) as unknown as VirtualBmsService;
  const guard = crashGuard(worker, 'Virtual BMS');
  return {
    start: () => guard(remote.start()),
    status: () => guard(remote.status()),
    openLine: (options) => guard(remote.openLine(options)),
    set: (knobs) => guard(remote.set(knobs)),
    powerCycle: () => guard(remote.powerCycle()),
    powerLossAt: (trigger) => guard(remote.powerLossAt(trigger)),
    dropLines: () => guard(remote.dropLines()),
    factoryReset: (options) => guard(remote.factoryReset(options)),
    enrolAppKey: () => guard(remote.enrolAppKey()),
    shutdown: () => guard(remote.shutdown())
  };
}

let shared: VirtualBmsService | undefined;

/** The app's Virtual BMS (never started during prerendering: call it from the browser only). */
export function virtualBms(): VirtualBmsService {
  return (shared ??= startVirtualBmsWorker());
}
