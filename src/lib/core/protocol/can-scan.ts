/**
 * What is on a CAN bus, from the frames it carries: ThingSet nodes (LibreSolar) by their address claims
 * and live reports (29-bit ids), a foxBMS 2 master by its application's DBC telemetry (11-bit ids) or
 * by its bootloader's answers to the status probe. Listening sends nothing; identities (a GET of each
 * ThingSet node's Device group), address discoveries and the foxBMS probe are sent only when requested.
 */
import { isBmsError } from '../errors';
import type { CanChannel } from '../link/can/can-frame';
import { ThingSetCanBus, type ThingSetCanNode } from './thingset/can-client';
import type { JsonValue } from './thingset/text-codec';
import { findMessage } from './foxbms/foxbms-dbc';
import { FoxBmsBootloaderClient } from './foxbms/foxbms-client';
import { FoxId } from './foxbms/foxbms-frames';

export interface ScannedThingSetNode extends ThingSetCanNode {
  /** the node's Device group, when asked */
  identity?: Record<string, JsonValue>;
  /** why the identity could not be read */
  error?: string;
}

export interface ScannedFoxBms {
  /** DBC messages of the running application seen, by name */
  applicationMessages: string[];
  /** bootloader frames seen (answers to a probe, the power-on burst) */
  bootloaderIds: number[];
  /** the probe's answer: bootloader version, when probed and answered */
  bootloaderVersion?: string;
}

export interface CanScanResult {
  frames: number;
  thingset: ScannedThingSetNode[];
  foxbms?: ScannedFoxBms;
  /** standard ids no known protocol explains (hex) */
  unknownIds: string[];
}

export interface CanScanOptions {
  /** how long to listen (a ThingSet node reports once a second); default 2500 ms */
  listenMs?: number;
  /** GET Device from each ThingSet node found */
  identify?: boolean;
  /** send the foxBMS bootloader status probe (three standard frames on 0x400) */
  probeFoxBms?: boolean;
  /** ThingSet addresses to ask for with an address discovery when they were not heard (quiet nodes) */
  discover?: number[];
}

const BOOTLOADER_IDS = new Set<number>([FoxId.versionInfo, FoxId.acknowledge, FoxId.dataTransferInfo, FoxId.fsmStates]);
const hexId = (id: number) => `0x${id.toString(16).toUpperCase().padStart(3, '0')}`;

export async function scanCanBus(channel: CanChannel, options: CanScanOptions = {}): Promise<CanScanResult> {
  const thingset = new ThingSetCanBus(channel);
  const fox: ScannedFoxBms = { applicationMessages: [], bootloaderIds: [] };
  const unknown = new Set<string>();
  let frames = 0;
  const stop = channel.subscribe((frame) => {
    frames += 1;
    if (frame.extended) return; // ThingSet's (the bus reader above sorts them out)
    const message = findMessage(frame.id);
    if (message && !fox.applicationMessages.includes(message.name)) fox.applicationMessages.push(message.name);
    else if (BOOTLOADER_IDS.has(frame.id) && !fox.bootloaderIds.includes(frame.id)) fox.bootloaderIds.push(frame.id);
    else if (!message && !BOOTLOADER_IDS.has(frame.id) && frame.id !== FoxId.actionRequest) unknown.add(hexId(frame.id));
  });
  try {
    if (options.probeFoxBms) {
      const client = new FoxBmsBootloaderClient(channel, { statusMs: 300, appProbeMs: 0 });
      const probe = await client.probe().catch(() => undefined);
      client.close();
      const v = probe?.version;
      if (v) fox.bootloaderVersion = `${v.major}.${v.minor}.${v.patch}`;
    }
    await new Promise((resolve) => setTimeout(resolve, options.listenMs ?? 2500));
    for (const address of options.discover ?? []) {
      if (!thingset.nodes().some((node) => node.address === address)) await thingset.discover(address);
    }
    const nodes: ScannedThingSetNode[] = thingset.nodes();
    if (options.identify) {
      for (const node of nodes) {
        try {
          node.identity = (await thingset.client(node.address, 1000).get('Device')) as Record<string, JsonValue>;
        } catch (error) {
          node.error = isBmsError(error) ? `${error.code}: ${error.detail}` : String(error);
        }
      }
    }
    const seenFox = fox.applicationMessages.length > 0 || fox.bootloaderIds.length > 0;
    return { frames, thingset: nodes, foxbms: seenFox ? fox : undefined, unknownIds: [...unknown].sort() };
  } finally {
    stop();
    thingset.close();
  }
}
