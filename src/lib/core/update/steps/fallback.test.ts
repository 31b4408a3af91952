/** R19: a rollback is only claimed when the device is back where it was, nothing armed for the next reset. */
import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { runUpdate } from '../run-update';
import { createBench, type Bench } from '../testing/virtual-bench';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});

describe('fallback proof', () => {
  it('R19 the previous image runs but the new one is still marked for a test boot (the reset request lost): not a proven rollback', async () => {
    const b = await createBench();
    benches.push(b);
    // The device takes the test mark, then every reset request is lost on the line: it never resets.
    const session = { ...b.session, reset: async () => Promise.reject(new BmsError('SMP_TIMEOUT', 'no answer to os reset (simulated loss)')) };
    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2 }), b.options({ session }));
    expect(b.bms.snapshot().nextBoot).toBe('test');
    expect(final).toMatchObject({ phase: 'failed', outcome: 'failed', error: { code: 'UPDATE_FALLBACK_UNPROVEN' } });
    expect(final.phase === 'failed' && final.error.detail).toMatch(/1\.1\.0 is still marked for a test boot/);
  });
});
