import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isLineError, isTransportLoss, rootCauseOf, type ErrorCode } from './error-registry';

/**
 * The string sets the registry replaced, frozen as they were (smp-client.ts NON_FATAL_LINK_ERRORS,
 * link-bridge.ts LINE_ERRORS, device-contact.ts TRANSPORT_CODES + the SMP_FRAME_ prefix,
 * root-cause.ts BY_CODE + its prefix rules): the predicates must answer the same for every code.
 */
const OLD_LINE_ERRORS = new Set(['LINK_FRAMING_ERROR', 'LINK_PARITY_ERROR', 'LINK_BUFFER_OVERRUN', 'LINK_BREAK']);
const OLD_NON_FATAL_READ = new Set([...OLD_LINE_ERRORS, 'LINK_TIMEOUT']);
const OLD_TRANSPORT = new Set([
  'LINK_TIMEOUT', 'LINK_DISCONNECTED', 'LINK_DEVICE_LOST_ON_RESET', 'LINK_FRAMING_ERROR', 'LINK_PARITY_ERROR',
  'LINK_BUFFER_OVERRUN', 'LINK_BREAK', 'LINK_WRITE_FAILED', 'SMP_TIMEOUT', 'SMP_UPLOAD_STALLED',
  'SMP_RESPONSE_INVALID', 'SMP_PACKET_INVALID', 'SMP_CBOR_INVALID'
]);
const oldTransport = (code: string) => OLD_TRANSPORT.has(code) || code.startsWith('SMP_FRAME_');
const OLD_BY_CODE: Record<string, string> = {
  UPDATE_SOC_OUT_OF_RANGE: 'power', UPDATE_SUPPLY_UNSTABLE: 'power', UPDATE_DEVICE_LOST: 'power',
  UPDATE_TEMPERATURE_OUT_OF_RANGE: 'procedure', UPDATE_TEMPERATURE_SENSOR_FAILED: 'hardware',
  UPDATE_LINK_TEST_FAILED: 'hardware', UPDATE_TRANSFER_TIMEOUT: 'hardware', UPDATE_DEVICE_CHANGED: 'hardware',
  UPDATE_VERIFY_HASH_MISMATCH: 'hardware', UPDATE_SELF_TEST_FAILED: 'hardware', UPDATE_BALANCE_TEST_FAILED: 'hardware',
  UPDATE_PROTECTIONS_NOT_RESTORED: 'binary', UPDATE_HARDWARE_INCOMPATIBLE: 'binary', UPDATE_BOOTLOADER_TOO_OLD: 'binary',
  UPDATE_DOWNGRADE_BLOCKED: 'binary', UPDATE_AUTH_REJECTED: 'binary', UPDATE_BOOT_LOOP: 'binary',
  UPDATE_IMAGE_NOT_BOOTED: 'binary', UPDATE_CONFIRM_FAILED: 'binary', UPDATE_CONFIG_RESET: 'binary',
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: 'binary', UPDATE_RECOVERY_NOT_ALLOWED: 'binary', UPDATE_FALLBACK_UNPROVEN: 'hardware',
  UPDATE_DEVICE_IN_BOOTLOADER: 'binary', UPDATE_UNCONFIRMED_IMAGE_RUNNING: 'procedure'
};
function oldRootCause(code: string): string {
  if (OLD_BY_CODE[code]) return OLD_BY_CODE[code];
  if (code.startsWith('IMAGE_')) return 'binary';
  if (code.startsWith('LINK_') || code.startsWith('SMP_') || code.startsWith('DEVICE_')) return 'hardware';
  return 'procedure';
}

/** The one deliberate change: a new image that runs but fails points at the firmware, not the cables. */
const FIRMWARE_FAULTS = new Set(['UPDATE_SELF_TEST_FAILED', 'UPDATE_BOOT_LOOP', 'UPDATE_PROTECTIONS_NOT_RESTORED', 'UPDATE_CONFIRM_FAILED']);

/** Domains declared after the registry carry their own attributes (their no-answer and checksum codes are transport losses). */
const LATER_DOMAINS = /^(CAN|SLCAN|ISOTP|FOXBMS|JBD|JK|MODBUS|DALY|THINGSET|RS485)_/;
const all = Object.keys(ERROR_CODES) as ErrorCode[];
/** Codes of the read-back (issue 16) came after the registry too: a state that cannot be read back points at the power. */
const LATER_CODES = new Set(['UPDATE_SAME_IMAGE_RUNNING', 'UPDATE_STATE_UNKNOWN']);
const codes = all.filter((code) => !LATER_DOMAINS.test(code) && !LATER_CODES.has(code));

describe('error code registry', () => {
  it('R15 R16 tells a transport loss (retry after the device is back) from a refusal, like the old sets, for every code', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) expect(isTransportLoss(code), code).toBe(oldTransport(code));
  });

  it('R23 points at the same place to look first as the old table, for every code but the firmware faults', () => {
    for (const code of codes) expect(rootCauseOf(code), code).toBe(FIRMWARE_FAULTS.has(code) ? 'firmware' : oldRootCause(code));
  });

  it('R15 R16 a field or CAN device that stays silent or garbles its answer is a transport loss, its refusals are not', () => {
    const later = all.filter((code) => LATER_DOMAINS.test(code));
    expect(later.length).toBeGreaterThan(40);
    for (const code of later) {
      const lost = /_(NO_ANSWER|NO_REPLY|CHECKSUM|CRC|CRC_MISMATCH|TIMEOUT|ACK_MISSING|ADAPTER_UNPLUGGED)$/.test(code);
      expect(isTransportLoss(code), code).toBe(lost);
      expect(isLineError(code), code).toBe(false);
    }
  });

  it('R16 counts exactly the UART line errors as line errors (the reader goes on), for every code', () => {
    for (const code of codes) {
      expect(isLineError(code), code).toBe(OLD_LINE_ERRORS.has(code));
      // the SMP reader also reads on after a quiet read (smp-client.ts)
      expect(isLineError(code) || code === 'LINK_TIMEOUT', code).toBe(OLD_NON_FATAL_READ.has(code));
    }
  });
});
