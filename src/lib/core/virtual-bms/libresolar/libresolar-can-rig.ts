/**
 * A LibreSolar CAN board on a virtual bus with a virtual SLCAN adapter, and our SLCAN driver opened on
 * it: the technician's CAN path for tests and the simulator (as foxbms-rig.ts does for foxBMS).
 */
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { SlcanAdapter } from '../../link/can/slcan-adapter';
import { VirtualCanBus } from '../can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../can/virtual-slcan-adapter';
import { createLibreSolarBms, type LibreSolarBmsOptions, type VirtualLibreSolarBms } from './libresolar-bms';

export interface LibreSolarCanRig {
  bus: VirtualCanBus;
  bms: VirtualLibreSolarBms;
  device: VirtualSlcanAdapter;
  link: PacedLink;
  adapter: SlcanAdapter;
  close(): Promise<void>;
}

export async function startLibreSolarCanRig(options: { bitrate?: number; pace?: boolean; bms?: Omit<LibreSolarBmsOptions, 'can'>; address?: number } = {}): Promise<LibreSolarCanRig> {
  const bitrate = options.bitrate ?? 500_000;
  const bus = new VirtualCanBus({ bitrate, pace: options.pace });
  // The adapter joins the bus first, so the node's address claim at start-up is acknowledged and seen.
  const device = new VirtualSlcanAdapter(bus);
  const link = connectPacedLink(device, { pace: false, label: 'virtual SLCAN adapter' });
  const adapter = await SlcanAdapter.open(link, { bitrate, txBufferFrames: options.pace ? undefined : Number.POSITIVE_INFINITY });
  const bms = createLibreSolarBms({ board: 'bms-c1', ...options.bms, can: { bus, address: options.address } });
  return {
    bus,
    bms,
    device,
    link,
    adapter,
    async close() {
      await bms.powerOff();
      await adapter.close();
    }
  };
}
