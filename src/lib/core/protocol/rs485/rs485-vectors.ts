/**
 * Known-answer vectors of the addressed SMP console frame (docs/rs485.md), computed outside this
 * codebase with Python's base64 and binascii.crc_hqx (CRC-16/XMODEM, seed 0) from the SMP echo vectors
 * of smp-vectors.ts. Used by the codec, the virtual bus and the bus client tests.
 */
import { SMP_VECTORS } from '../smp/smp-vectors';

export interface AddressedFrameVector {
  description: string;
  address: number;
  /** the SMP packet, hex with spaces */
  packet: string;
  /** the frame as a latin-1 string */
  frame: string;
}

export const RS485_VECTORS = {
  echoToUnit5: {
    description: 'echo request {"d": "hi"} for unit 5 (CRC 0xD732 over 05 + packet)',
    address: 5,
    packet: SMP_VECTORS.echoRequest.packet,
    frame: '\x06\x0bABEFCgAABgAAAAChYWRiaGnXMg==\n'
  },
  echoFromUnit5: {
    description: 'the echo answer of unit 5 {"r": "hi"}, carrying its own address',
    address: 5,
    packet: SMP_VECTORS.echoResponse.packet,
    frame: '\x06\x0bABEFCwAABgAAAAChYXJiaGmQbQ==\n'
  },
  echoBroadcast: {
    // CRC-16/XMODEM starts from 0, so a leading 00 does not change it: same CRC as the bare echo.
    description: 'echo request to the broadcast address 0 (CRC 0xE27C)',
    address: 0,
    packet: SMP_VECTORS.echoRequest.packet,
    frame: '\x06\x0bABEACgAABgAAAAChYWRiaGnifA==\n'
  },
  echoToUnit247: {
    description: 'echo request for the highest address, 247 (CRC 0x376E)',
    address: 247,
    packet: SMP_VECTORS.echoRequest.packet,
    frame: '\x06\x0bABH3CgAABgAAAAChYWRiaGk3bg==\n'
  }
} satisfies Record<string, AddressedFrameVector>;
