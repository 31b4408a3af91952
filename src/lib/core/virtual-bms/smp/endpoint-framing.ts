/**
 * How a device SMP endpoint cuts bytes into packets and a response into transmissions: console frames
 * on the UART, bare packets in GATT notifications on BLE (smp-mcuboot.md §2.5).
 */
import { encodeSerialFrames, SerialFrameDecoder } from '../../protocol/smp/serial-frame';
import { RawPacketReassembler, splitPacket } from '../../protocol/smp/raw-packet';

export interface EndpointFraming {
  /** complete packets found in the bytes received so far */
  push(bytes: Uint8Array): Uint8Array[];
  /** one response as the transmissions that carry it */
  encode(packet: Uint8Array): Uint8Array[];
  /** the application came up on this endpoint (a shell prints its banner and prompt) */
  started?(): void;
}

/** Lines longer than the device's line buffer are lost, as a Zephyr UART driver drops them. */
export function consoleFraming(lineLength: () => number): EndpointFraming {
  const decoder = new SerialFrameDecoder({ maxLineLength: lineLength() });
  return {
    push: (bytes) => decoder.push(bytes).flatMap((event) => (event.type === 'packet' ? [event.packet] : [])),
    encode: (packet) => [encodeSerialFrames(packet, { lineLength: lineLength() })]
  };
}

/** `notifySize` is the ATT payload of one notification: the negotiated MTU minus 3. */
export function rawFraming(notifySize: number): EndpointFraming {
  const reassembler = new RawPacketReassembler();
  return {
    push: (bytes) => reassembler.push(bytes).flatMap((event) => (event.type === 'packet' ? [event.packet] : [])),
    encode: (packet) => splitPacket(packet, notifySize)
  };
}
