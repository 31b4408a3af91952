/** R16 R17: a test mark written by the device whose answer was lost on the line does not end the update. */
import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { runUpdate } from '../run-update';
import { createBench, type Bench } from '../testing/virtual-bench';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});

describe('test mark', () => {
  it('R16 R17 the device writes the test mark but its answer is lost: the image state shows it, the update goes on', async () => {
    const b = await createBench();
    benches.push(b);
    // Found by the fault campaign (bit errors 1e-4 from the test boot on): the tool gave up on a mark the device had taken.
    const session = {
      ...b.session,
      testImage: async (hash: Uint8Array) => {
        await b.session.testImage(hash);
        throw new BmsError('SMP_TIMEOUT', 'no answer to image state within 150 ms (3 attempts)');
      }
    };
    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2 }), b.options({ session }));
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(final.report.log.some((l) => /answer to the test mark was lost/.test(l.message))).toBe(true);
    expect(b.bms.snapshot()).toMatchObject({ nextBoot: 'none', confirmed: true, slots: [{ version: '1.1.0+0' }, expect.anything()] });
  });
});
