/**
 * ThingSet's 29-bit CAN identifiers (thingset-zephyr-sdk include/thingset/can.h, bus routing scheme):
 *   bits 28–26 priority, 25–24 type, then per type
 *   0 request/response (ISO-TP): target bus (23–20), source bus (19–16), target (15–8), source (7–0), priority 6
 *   1 multi-frame report: source bus (19–16), message no. (15–14), frame kind (13–12), sequence (11–8), source
 *   2 single-frame report: data object id (23–8), source
 *   3 network management: a random byte or the bus (23–16), target (15–8), source (7–0), priority 4
 * Node addresses are 0x01–0xFD; 0xFE is the anonymous sender of an address discovery, 0xFF broadcast.
 */
import { fail } from '../../errors';
import { dataFrame, type CanFrame } from '../../link/can/can-frame';

export const ADDR_MIN = 0x01;
export const ADDR_MAX = 0xfd;
export const ADDR_ANONYMOUS = 0xfe;
export const ADDR_BROADCAST = 0xff;

const TYPE = { reqresp: 0, mfReport: 1, sfReport: 2, network: 3 } as const;
const PRIO_NETWORK = 4;
const PRIO_REQRESP = 6;
const PRIO_REPORT_LOW = 7;

/** Multi-frame report frame kinds (bits 13–12). */
export const MF_KIND = { first: 0, consecutive: 1, last: 2, single: 3 } as const;

export interface CanRoute {
  target: number;
  source: number;
  targetBus?: number;
  sourceBus?: number;
}

export type ThingSetCanId =
  | { type: 'request'; priority: number; target: number; source: number; targetBus: number; sourceBus: number }
  | { type: 'mf-report'; priority: number; source: number; sourceBus: number; messageNo: number; kind: number; sequence: number }
  | { type: 'sf-report'; priority: number; source: number; dataId: number }
  /** target ADDR_BROADCAST: an address claim (data: the EUI-64); otherwise a discovery of `target` by ADDR_ANONYMOUS */
  | { type: 'network'; priority: number; target: number; source: number; variable: number };

function checkAddress(address: number, what: string, allowHost = false): void {
  if (!Number.isInteger(address) || address < (allowHost ? 0 : ADDR_MIN) || address > ADDR_MAX) {
    fail('CAN_FRAME_INVALID', `ThingSet ${what} address 0x${address.toString(16)} is outside 0x01–0xFD`);
  }
}

/** The id of a request from `source` to `target` (and of the answer with the two swapped). */
export function requestId(route: CanRoute): number {
  checkAddress(route.target, 'target', true);
  checkAddress(route.source, 'source', true);
  const tb = (route.targetBus ?? 0) & 0xf;
  const sb = (route.sourceBus ?? 0) & 0xf;
  return ((PRIO_REQRESP << 26) | (TYPE.reqresp << 24) | (tb << 20) | (sb << 16) | (route.target << 8) | route.source) >>> 0;
}

/** The answering direction of a route. */
export function reverse(route: CanRoute): CanRoute {
  return { target: route.source, source: route.target, targetBus: route.sourceBus, sourceBus: route.targetBus };
}

/** An address claim: broadcast, carrying the node's EUI-64. */
export function addressClaimFrame(source: number, eui64: Uint8Array, bus = 0): CanFrame {
  checkAddress(source, 'claimed');
  const id = (PRIO_NETWORK << 26) | (TYPE.network << 24) | (((bus << 4) | bus) << 16) | (ADDR_BROADCAST << 8) | source;
  return dataFrame(id >>> 0, eui64, true);
}

/** An address discovery: an anonymous node asks whether `target` is taken (a random byte keeps ids apart). */
export function addressDiscoveryFrame(target: number, random: number): CanFrame {
  checkAddress(target, 'discovered');
  const id = (PRIO_NETWORK << 26) | (TYPE.network << 24) | ((random & 0xff) << 16) | (target << 8) | ADDR_ANONYMOUS;
  return dataFrame(id >>> 0, [], true);
}

/** One frame of a multi-frame report (≤ 8 data bytes), low report priority as the SDK sends them. */
export function reportFrameId(source: number, messageNo: number, kind: number, sequence: number, bus = 0): number {
  return ((PRIO_REPORT_LOW << 26) | (TYPE.mfReport << 24) | ((bus & 0xf) << 16) | ((messageNo & 3) << 14) | ((kind & 3) << 12) | ((sequence & 0xf) << 8) | source) >>> 0;
}

/** Splits a report message into its frames, as thingset_can_send_report does. */
export function reportFrames(source: number, messageNo: number, message: Uint8Array, bus = 0): CanFrame[] {
  const frames: CanFrame[] = [];
  for (let at = 0, sequence = 0; at < message.length || at === 0; at += 8, sequence += 1) {
    const last = message.length - at <= 8;
    const kind = at === 0 ? (last ? MF_KIND.single : MF_KIND.first) : last ? MF_KIND.last : MF_KIND.consecutive;
    frames.push(dataFrame(reportFrameId(source, messageNo, kind, sequence, bus), message.subarray(at, at + 8), true));
    if (last) break;
  }
  return frames;
}

/** What a 29-bit frame is in ThingSet terms, or undefined for a standard (11-bit) or remote frame. */
export function parseThingSetId(frame: CanFrame): ThingSetCanId | undefined {
  if (!frame.extended || frame.remote) return undefined;
  const id = frame.id;
  const priority = (id >>> 26) & 7;
  const source = id & 0xff;
  switch ((id >>> 24) & 3) {
    case TYPE.reqresp:
      return { type: 'request', priority, target: (id >>> 8) & 0xff, source, targetBus: (id >>> 20) & 0xf, sourceBus: (id >>> 16) & 0xf };
    case TYPE.mfReport:
      return { type: 'mf-report', priority, source, sourceBus: (id >>> 16) & 0xf, messageNo: (id >>> 14) & 3, kind: (id >>> 12) & 3, sequence: (id >>> 8) & 0xf };
    case TYPE.sfReport:
      return { type: 'sf-report', priority, source, dataId: (id >>> 8) & 0xffff };
    default:
      return { type: 'network', priority, target: (id >>> 8) & 0xff, source, variable: (id >>> 16) & 0xff };
  }
}

/** Collects multi-frame reports per sender, as the SDK's receiver does: a gap or a foreign message drops it. */
export class ReportAssembler {
  readonly #open = new Map<number, { messageNo: number; next: number; parts: number[] }>();

  /** The whole report message once its last frame arrived, else undefined. */
  push(id: Extract<ThingSetCanId, { type: 'mf-report' }>, data: Uint8Array): Uint8Array | undefined {
    const starts = id.kind === MF_KIND.first || id.kind === MF_KIND.single;
    let open = this.#open.get(id.source);
    if (starts) {
      open = { messageNo: id.messageNo, next: 0, parts: [] };
      this.#open.set(id.source, open);
    }
    if (!open || open.messageNo !== id.messageNo || (open.next & 0xf) !== id.sequence) {
      this.#open.delete(id.source);
      return undefined;
    }
    open.parts.push(...data);
    open.next += 1;
    if (id.kind === MF_KIND.single || id.kind === MF_KIND.last) {
      this.#open.delete(id.source);
      return Uint8Array.from(open.parts);
    }
    return undefined;
  }
}
