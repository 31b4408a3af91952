/**
 * The LibreSolar firmware's CAN side (thingset-zephyr-sdk can.c with isotp_fast): while the application
 * runs, its CAN controller is on the bus (it acknowledges frames), it claims its stored node address
 * at start-up (type 3, broadcast, data: its EUI-64) and again when an address discovery names it, answers binary ThingSet requests sent to that
 * address over ISO-TP — one exchange per host address, block size 8 and STmin 1 ms as its flow
 * control, a 600-byte receive buffer (CONFIG_THINGSET_CAN_RX_BUF_SIZE: longer requests get OVERFLOW),
 * answers 10 ms after the request (CONFIG_THINGSET_CAN_RESPONSE_DELAY) — and sends the live subset
 * as a multi-frame report every period, 1 ms between frames. Stopped (reset, power cut), it is gone:
 * no acknowledgement, no answer, no report until it starts and claims its address again.
 */
import { BmsError } from '../../errors';
import type { CanChannel, CanFrame } from '../../link/can/can-frame';
import { IsoTpTransport } from '../../link/can/isotp-transport';
import { ADDR_ANONYMOUS, addressClaimFrame, parseThingSetId, reportFrames, requestId } from '../../protocol/thingset/can-ids';
import type { VirtualCanBus } from '../can/virtual-can-bus';

export interface ThingSetCanHost {
  /** the answer to a binary request (run in the device's order of work), undefined for none */
  handle(request: Uint8Array): Promise<Uint8Array | undefined>;
  /** the live subset as a binary report message */
  report(): Uint8Array;
  /** device-clock timer, cancelled by a reset */
  after(ms: number, run: () => void): void;
}

export const RX_BUFFER_SIZE = 600;
const RESPONSE_DELAY_MS = 10;
const FRAME_SEPARATION_MS = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One host's view of the node's controller: the frames of that peer only. */
function peerChannel(channel: CanChannel): CanChannel & { deliver(frame: CanFrame): void; end(error: BmsError): void } {
  const listeners = new Set<{ onFrame: (frame: CanFrame) => void; onEnd?: (error: BmsError) => void }>();
  return {
    bitrate: channel.bitrate,
    send: (frame) => channel.send(frame),
    subscribe(onFrame, onEnd) {
      const entry = { onFrame, onEnd };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    deliver: (frame) => listeners.forEach((l) => l.onFrame(frame)),
    end: (error) => listeners.forEach((l) => l.onEnd?.(error))
  };
}

export class ThingSetCanFace {
  readonly address: number;
  readonly #bus: VirtualCanBus;
  readonly #eui64: Uint8Array;
  readonly #host: ThingSetCanHost;
  readonly #reportPeriodMs: number;
  #controller: (CanChannel & { close(): void }) | undefined;
  #peers = new Map<number, { channel: ReturnType<typeof peerChannel>; transport: IsoTpTransport }>();
  #messageNo = 0;

  constructor(bus: VirtualCanBus, options: { address: number; eui64: Uint8Array; reportPeriodMs: number; host: ThingSetCanHost }) {
    this.#bus = bus;
    this.address = options.address;
    this.#eui64 = options.eui64;
    this.#host = options.host;
    this.#reportPeriodMs = options.reportPeriodMs;
  }

  get running(): boolean {
    return this.#controller !== undefined;
  }

  /** The application starts: controller on, address claim, live reports. */
  start(): void {
    this.stop();
    const controller = this.#bus.channel();
    this.#controller = controller;
    controller.subscribe((frame) => this.#receive(frame));
    void controller.send(addressClaimFrame(this.address, this.#eui64)).catch(() => undefined);
    this.#scheduleReport(controller);
  }

  /** Reset or power cut: the controller leaves the bus mid-exchange. */
  stop(): void {
    const controller = this.#controller;
    this.#controller = undefined;
    for (const { channel, transport } of this.#peers.values()) {
      transport.close();
      channel.end(new BmsError('SLCAN_NOT_OPEN', 'the node reset'));
    }
    this.#peers.clear();
    controller?.close();
  }

  #receive(frame: CanFrame): void {
    const id = parseThingSetId(frame);
    // Someone asks whether our address is taken (address discovery): the claim answers it.
    if (id?.type === 'network' && id.source === ADDR_ANONYMOUS && id.target === this.address) {
      void this.#controller?.send(addressClaimFrame(this.address, this.#eui64)).catch(() => undefined);
      return;
    }
    if (id?.type !== 'request' || id.target !== this.address) return;
    let peer = this.#peers.get(id.source);
    if (!peer) {
      const channel = peerChannel(this.#controller!);
      const route = { target: this.address, source: id.source, targetBus: id.targetBus, sourceBus: id.sourceBus };
      const transport = new IsoTpTransport(channel, {
        rxId: requestId(route),
        txId: requestId({ target: id.source, source: this.address, targetBus: id.sourceBus, sourceBus: id.targetBus }),
        extended: true,
        blockSize: 8,
        stMinMs: FRAME_SEPARATION_MS,
        maxLength: RX_BUFFER_SIZE
      });
      peer = { channel, transport };
      this.#peers.set(id.source, peer);
      void this.#serve(peer.transport, this.#controller!);
    }
    peer.channel.deliver(frame);
  }

  /** One request at a time per host, as the SDK's single receive buffer serves them. */
  async #serve(transport: IsoTpTransport, controller: CanChannel): Promise<void> {
    while (this.#controller === controller) {
      let request: Uint8Array;
      try {
        request = await transport.receive(60_000);
      } catch (error) {
        if ((error as BmsError).code === 'ISOTP_TIMEOUT' || (error as BmsError).code === 'ISOTP_OVERFLOW' || (error as BmsError).code === 'ISOTP_SEQUENCE_ERROR') continue;
        return; // the controller stopped
      }
      const answer = await this.#host.handle(request);
      if (answer === undefined || this.#controller !== controller) continue;
      await sleep(RESPONSE_DELAY_MS);
      if (this.#controller === controller) await transport.send(answer).catch(() => undefined);
    }
  }

  #scheduleReport(controller: CanChannel): void {
    if (this.#reportPeriodMs <= 0) return;
    this.#host.after(this.#reportPeriodMs, () => {
      if (this.#controller !== controller) return;
      void this.#sendReport(controller);
      this.#scheduleReport(controller);
    });
  }

  async #sendReport(controller: CanChannel): Promise<void> {
    const frames = reportFrames(this.address, this.#messageNo, this.#host.report());
    this.#messageNo = (this.#messageNo + 1) & 3;
    for (const frame of frames) {
      if (this.#controller !== controller) return;
      await controller.send(frame).catch(() => undefined);
      await sleep(FRAME_SEPARATION_MS);
    }
  }
}
