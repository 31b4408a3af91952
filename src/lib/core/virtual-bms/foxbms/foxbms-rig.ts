/**
 * A foxBMS 2 node on a virtual bus with a virtual SLCAN adapter, and our SLCAN driver opened on it: the
 * whole CAN path of a technician's laptop, for tests and the simulator. Unpaced by default (fast tests);
 * `pace: true` gives every frame its wire time at the bus rate.
 */
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { SlcanAdapter } from '../../link/can/slcan-adapter';
import { VirtualCanBus } from '../can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../can/virtual-slcan-adapter';
import { FoxBmsNode, type FoxBmsNodeOptions } from './foxbms-node';

export interface FoxRig {
  bus: VirtualCanBus;
  node: FoxBmsNode;
  device: VirtualSlcanAdapter;
  link: PacedLink;
  adapter: SlcanAdapter;
  close(): Promise<void>;
}

export async function startFoxRig(options: { pace?: boolean; bitrate?: number; node?: FoxBmsNodeOptions } = {}): Promise<FoxRig> {
  const bitrate = options.bitrate ?? 500_000;
  const bus = new VirtualCanBus({ bitrate, pace: options.pace });
  const node = new FoxBmsNode(bus, options.node);
  const device = new VirtualSlcanAdapter(bus);
  const link = connectPacedLink(device, { pace: false, label: 'virtual SLCAN adapter' });
  // Unpaced, the driver need not hold frames back for the adapter's FIFO either.
  const adapter = await SlcanAdapter.open(link, { bitrate, txBufferFrames: options.pace ? undefined : Number.POSITIVE_INFINITY });
  return {
    bus,
    node,
    device,
    link,
    adapter,
    async close() {
      node.powerOff();
      await adapter.close();
    }
  };
}
