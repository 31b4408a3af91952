/**
 * A battery bank's update over one RS485 bus: 8 virtual units of our BMS at 115200 baud on the virtual
 * half-duplex bus (wire time, 1 ms unit turnaround, one request in flight), each through the whole safe
 * procedure. Measured: the image transfer of the campaign (the broadcast, plus every unit's own
 * transfer phase) against one unit's transfer alone, unit by unit vs broadcast.
 */
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { ourUnits } from '../../src/lib/core/update/testing/bank-rig';
import { runCampaign } from '../../src/lib/core/update/campaign/run-campaign';
import { createBankBench } from '../../src/lib/core/update/testing/bank-bench';
import type { BenchModule, BenchRow } from './bench-types';

const BAUD = 115200;
const UNITS = 8;
const SIZE = 32 * 1024;
/** Device time runs this many times faster (boots, flash erases): BENCH_DEVICE_SPEED, default 10. */
const DEVICE_SPEED = Number(process.env.BENCH_DEVICE_SPEED ?? 10);

/** Transfer time of a campaign: the broadcast (if any) plus each unit's transfer phase. */
async function campaignTransferMs(units: number, broadcast: boolean, image: Uint8Array): Promise<number> {
  const bench = createBankBench(ourUnits(units), { baudRate: BAUD, speed: DEVICE_SPEED });
  try {
    await bench.rig.ready();
    const record = await runCampaign(bench.campaign(image, { broadcast }));
    const failed = record.units.filter((u) => u.outcome !== 'updated');
    if (record.status !== 'complete' || failed.length > 0) throw new Error(`campaign ${record.status}: ${JSON.stringify(failed)}`);
    return (record.broadcastMs ?? 0) + record.units.reduce((sum, u) => sum + (u.transferMs ?? 0), 0);
  } finally {
    await bench.stop();
  }
}

let summary = '';

export const bankBench: BenchModule = {
  name: 'bank',
  baseline: 'one unit',
  describe: () =>
    `${SIZE / 1024} KiB image, ${UNITS} units of our BMS on the virtual RS485 bus at ${BAUD} baud (8N1, half duplex, 1 ms turnaround), device time ×${DEVICE_SPEED}, ` +
    `the whole safe procedure on each unit; times are the transfer only (broadcast + each unit's transfer phase). ${summary}`,
  async run(): Promise<BenchRow[]> {
    const image = makeTestFirmware({ version: '1.1.0', size: SIZE });
    const one = await campaignTransferMs(1, false, image);
    const unitByUnit = await campaignTransferMs(UNITS, false, image);
    const broadcast = await campaignTransferMs(UNITS, true, image);
    summary = `Campaign ÷ one unit: unit by unit ${(unitByUnit / one).toFixed(2)}×, broadcast ${(broadcast / one).toFixed(2)}× (target ≤ 1.5×).`;
    return [
      { case: `${UNITS} units`, method: 'one unit', bytes: image.length, ms: one },
      { case: `${UNITS} units`, method: 'unit by unit', bytes: image.length * UNITS, ms: unitByUnit },
      { case: `${UNITS} units`, method: 'broadcast', bytes: image.length * UNITS, ms: broadcast }
    ];
  }
};
