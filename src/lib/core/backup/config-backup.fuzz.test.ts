/**
 * R09 R11 robustness of backup import: a backup file is whatever the user picks, so any text, any JSON
 * and a real backup with fields damaged end in a checked backup or UPDATE_BACKUP_INVALID; a backup that
 * was accepted exports and imports back to itself.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectTypedRejection, fuzzOptions } from '../../testing/fuzz';
import { exportBackupJson, importBackupJson, makeBackup, validateBackup } from './config-backup';

const identity = fc.record({ serial: fc.string({ minLength: 1 }), model: fc.string({ minLength: 1 }), hw_rev: fc.string({ minLength: 1 }), fw_version: fc.string({ minLength: 1 }) });
const config = fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string({ maxLength: 64 })), { minKeys: 1, maxKeys: 8 });
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const backup = fc.tuple(identity, config, date).map(([id, c, d]) => makeBackup({ ...id } as Parameters<typeof makeBackup>[0], c, d));
const field = fc.constantFrom('format', 'id', 'serial', 'model', 'hwRev', 'fwVersion', 'takenAt', 'config', '__proto__', 'toString');

const load = (text: string) => expectTypedRejection(() => importBackupJson(text), 'UPDATE_BACKUP_INVALID');

describe('R09 R11 fuzz: backup files on import', () => {
  it('any text, and any JSON value: a checked backup or UPDATE_BACKUP_INVALID', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.jsonValue(), (text, value) => {
        load(text);
        load(JSON.stringify(value));
      }),
      fuzzOptions(500, 0xbac)
    );
  });

  it('a real backup with fields replaced by any JSON value or cut short: checked or refused, and what passes round-trips', () => {
    fc.assert(
      fc.property(backup, fc.dictionary(field, fc.jsonValue(), { maxKeys: 3 }), fc.nat(), (good, changes, cut) => {
        const text = JSON.stringify({ ...good, ...changes });
        for (const candidate of [text, text.slice(0, cut % (text.length + 1))]) {
          const loaded = load(candidate);
          if (loaded) expect(importBackupJson(exportBackupJson(loaded))).toEqual(loaded);
        }
      }),
      fuzzOptions(400, 0xbac)
    );
  });

  it('stored records of any shape (IndexedDB) are checked the same way', () => {
    fc.assert(fc.property(fc.anything(), (value) => void expectTypedRejection(() => validateBackup(value), 'UPDATE_BACKUP_INVALID')), fuzzOptions(300, 0xbac));
  });

  it('every backup made from a device exports and imports back to itself', () => {
    fc.assert(
      fc.property(backup, (good) => {
        expect(importBackupJson(exportBackupJson(good))).toEqual(good);
      }),
      fuzzOptions(200, 0xbac)
    );
  });
});
