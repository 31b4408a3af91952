/**
 * Our firmware's console on a multi-drop RS485 bus (docs/rs485.md): it keeps the addressed frames for its
 * own address (the rs485_address setting, read at each start) and for the broadcast address, answers
 * with its own address, and never answers a broadcast: every unit would talk at once. Frames for other
 * units, their answers and other families' traffic are noise to it.
 */
import { AddressedFrameDecoder, BROADCAST_ADDRESS, encodeAddressedFrame } from '../../protocol/rs485/addressed-frame';
import { BMS_SERVER } from '../smp/smp-server';
import type { DeviceProfile, UartIo } from '../device-profile';
import type { EndpointFraming } from '../smp/endpoint-framing';

/** The sequence number's offset in the SMP header (op, flags, len u16, group u16, seq, id). */
const SEQ_OFFSET = 6;

export function addressedConsoleFraming(io: UartIo): EndpointFraming {
  const own = io.address();
  const decoder = new AddressedFrameDecoder({ maxLineLength: io.lineLength() });
  /** sequence numbers of broadcast requests waiting in the device: their answers stay unsent */
  const silent = new Set<number>();
  return {
    push: (bytes) =>
      decoder.push(bytes).flatMap((event) => {
        if (event.type !== 'packet' || (event.address !== own && event.address !== BROADCAST_ADDRESS)) return [];
        const seq = event.packet[SEQ_OFFSET];
        if (event.address === BROADCAST_ADDRESS) silent.add(seq);
        else silent.delete(seq);
        return [event.packet];
      }),
    encode: (packet) => (silent.delete(packet[SEQ_OFFSET]) ? [] : [encodeAddressedFrame(own, packet, { lineLength: io.lineLength() })])
  };
}

/** Our BMS firmware built for a bank's bus. */
export const BUS_BMS_PROFILE: DeviceProfile = { server: BMS_SERVER, firmware: 'bms', uart: addressedConsoleFraming };
