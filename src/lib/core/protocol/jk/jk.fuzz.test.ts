/**
 * R11 robustness of the JK-PB protocols: register blocks of any content read over Modbus, and BLE
 * notifications of any content and split, never crash the client; noise never piles up; the BMS side's
 * command decoder copes with hostile writes; records and settings round-trip through their encoders.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cuts, decodeInPieces, expectTypedRejection, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import {
  decodeJkBleCellInfo,
  decodeJkBleCommands,
  decodeJkBleDeviceInfo,
  decodeJkBleRecords,
  decodeJkBleSettings,
  encodeJkBleCommand,
  encodeJkBleSettings,
  JK_BLE_RECORD_SIZE,
  type JkBleRecord
} from './jk-ble';
import { bytesToRegisters, decodeData, decodeInfo, decodeSettings, encodeSettings, JK_SETTINGS, registersToBytes, type JkSettings } from './jk-registers';

const HEADER = [0x55, 0xaa, 0xeb, 0x90, 0xaa, 0x55, 0x90];
const settings: fc.Arbitrary<JkSettings> = fc.record(
  Object.fromEntries(JK_SETTINGS.map((x) => [x.name, x.signed ? fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff }) : fc.integer({ min: 0, max: 0xffff_ffff })]))
);

describe('R11 fuzz: JK-PB register blocks and BLE records', () => {
  it('register blocks of any length and content: a reading or a JK_ error', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 130 }), (registers) => {
        const bytes = registersToBytes(registers);
        expect(bytesToRegisters(bytes)).toEqual(registers);
        expectTypedRejection(() => decodeSettings(bytes), 'JK_');
        expectTypedRejection(() => decodeInfo(bytes), 'JK_');
        const data = expectTypedRejection(() => decodeData(bytes), 'JK_');
        if (data) expect(data.cellsMv.length).toBeLessThanOrEqual(32);
      }),
      fuzzOptions(400, 0x1c)
    );
  });

  it('the settings block and the BLE settings record round-trip every value', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 0, max: 255 }), (values, counter) => {
        expect(decodeSettings(encodeSettings(values))).toEqual(values);
        const [record] = decodeJkBleRecords(encodeJkBleSettings(counter, values)).frames;
        expect(decodeJkBleSettings(record)).toEqual(values);
      }),
      fuzzOptions(200, 0x1c)
    );
  });

  it('notifications of random bytes in random pieces: no crash, only JK_ errors, at most one record pending', () => {
    fc.assert(
      fc.property(hostileBytes(HEADER, 900), cuts(), (bytes, at) => {
        decodeInPieces(decodeJkBleRecords, piecesOf(bytes, at), { codePrefix: 'JK_', maxPending: JK_BLE_RECORD_SIZE });
        decodeInPieces(decodeJkBleCommands, piecesOf(bytes, at), { codePrefix: 'JK_', maxPending: 20 });
      }),
      fuzzOptions(300, 0x1c)
    );
  });

  it('records with a valid checksum and random content: decoded or refused with a JK_ error', () => {
    const record = fc.record({ type: fc.integer({ min: 0, max: 5 }), counter: fc.integer({ min: 0, max: 255 }), bytes: fc.uint8Array({ minLength: JK_BLE_RECORD_SIZE, maxLength: JK_BLE_RECORD_SIZE }) });
    fc.assert(
      fc.property(record, (r: JkBleRecord) => {
        const cells = expectTypedRejection(() => decodeJkBleCellInfo(r), 'JK_');
        if (cells) expect(cells.cellsMv.length).toBeLessThanOrEqual(24);
        expectTypedRejection(() => decodeJkBleDeviceInfo(r), 'JK_');
        expectTypedRejection(() => decodeJkBleSettings(r), 'JK_');
      }),
      fuzzOptions(300, 0x1c)
    );
  });

  it('commands between noise and split anywhere decode to the same commands', () => {
    const command = fc.record({ command: fc.integer({ min: 0, max: 255 }), value: fc.integer({ min: 0, max: 0xffff_ffff }) });
    const noise = hostileBytes([0x55, 0x90], 30).map((b) => b.filter((x) => x !== 0xaa));
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, command), { maxLength: 4 }), cuts(), (items, at) => {
        const wire = Uint8Array.from(items.flatMap(([n, c]) => [...n, ...encodeJkBleCommand(c.command, c.value)]));
        expect(decodeInPieces(decodeJkBleCommands, piecesOf(wire, at), { codePrefix: 'JK_', maxPending: 20 }).frames).toEqual(items.map(([, c]) => c));
      }),
      fuzzOptions(300, 0x1c)
    );
  });
});
