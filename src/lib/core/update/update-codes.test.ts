import { describe, expect, it } from 'vitest';
import { describeError } from '../../i18n/translate';

describe('update error codes', () => {
  it("R21 the seed's three common failures keep its diagnosis and fix (en and fr)", () => {
    const table = [
      ['UPDATE_AUTH_REJECTED', /certificate \/ key chain/, /re-download the firmware from a trusted source/i],
      ['UPDATE_BOOT_LOOP', /hardware compatibility matrix/, /revert to the last stable version/i],
      ['UPDATE_TRANSFER_TIMEOUT', /baud-rate alignment/, /replace the communication cables/i]
    ] as const;
    for (const [code, diagnosis, fix] of table) {
      const text = describeError(code, 'en');
      expect(text.diagnosis, code).toMatch(diagnosis);
      expect(text.fix, code).toMatch(fix);
    }
    expect(describeError('UPDATE_AUTH_REJECTED', 'fr').diagnosis).toMatch(/chaîne de certificats/);
    expect(describeError('UPDATE_BOOT_LOOP', 'fr').fix).toMatch(/dernière version stable/);
    expect(describeError('UPDATE_TRANSFER_TIMEOUT', 'fr').fix).toMatch(/Remplacez les câbles de communication/);
  });
});
