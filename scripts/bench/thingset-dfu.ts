/**
 * ThingSet DFU throughput over serial: the virtual LibreSolar BMS flashed through the paced UART line
 * at 115200 baud (8N1) with base64 `!DFU/xWrite` lines of 255 bytes, one request in flight (the device
 * drops input while it answers). The protocol-bound maximum is the line time of the exact request and
 * answer lines (`:84 0 …#`); the measured rate also pays the device's flash programming of each chunk.
 * Measured from the first xWrite to the last answer: xInit's slot erase is device time, not protocol.
 */
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { base64Encode } from '../../src/lib/core/protocol/smp/base64';
import { encodeTextRequest, withCrc } from '../../src/lib/core/protocol/thingset/text-codec';
import { ThingSetTextClient } from '../../src/lib/core/protocol/thingset/text-client';
import { DFU_MAX_CHUNK, readVersionWhenReady, transferImage } from '../../src/lib/core/protocol/thingset/thingset-dfu';
import { createLibreSolarBms } from '../../src/lib/core/virtual-bms/libresolar/libresolar-bms';
import type { BenchModule, BenchRow } from './bench-types';
import { benchImage } from './virtual-rig';

const BAUD = 115200;
const SIZE = 48 * 1024;
const SLOT = 0x10000;

function lineBytes(image: Uint8Array): number {
  const answer = `${withCrc(':84 0')}\r\n`.length;
  let total = 0;
  for (let at = 0; at < image.length; at += DFU_MAX_CHUNK) {
    const data = new TextDecoder().decode(base64Encode(image.subarray(at, at + DFU_MAX_CHUNK)));
    total += encodeTextRequest({ op: 'exec', path: 'DFU/xWrite', args: [data] }).length + answer;
  }
  return total;
}

export const thingsetDfuBench: BenchModule = {
  name: 'thingset-dfu',
  baseline: 'protocol bound',
  describe: () =>
    `${SIZE / 1024} KiB through !DFU/xWrite (255-byte base64 chunks) to the virtual LibreSolar BMS at ${BAUD} baud, paced 8N1; ` +
    "'protocol bound' is the line time of the exact request and answer lines, the ratio column is the share of it reached",
  async run(): Promise<BenchRow[]> {
    const image = benchImage(SIZE);
    const bms = createLibreSolarBms({ slotSize: SLOT, reportPeriodMs: 0 });
    const link = connectPacedLink(bms.port, { baudRate: BAUD });
    const client = new ThingSetTextClient(link, { timeoutMs: 1000 });
    try {
      await readVersionWhenReady(client);
      let started = 0;
      let ended = 0;
      await transferImage(client, image, {
        onProgress: (sent) => {
          // The first progress call follows the first chunk's answer: time the chunks after it.
          if (started === 0) started = performance.now();
          if (sent === image.length) ended = performance.now();
        }
      });
      const streamed = image.length - DFU_MAX_CHUNK;
      const boundMs = ((lineBytes(image.subarray(DFU_MAX_CHUNK)) * 10) / BAUD) * 1000;
      return [
        { case: `${SIZE / 1024} KiB @ ${BAUD}`, method: 'protocol bound', bytes: streamed, ms: boundMs },
        { case: `${SIZE / 1024} KiB @ ${BAUD}`, method: 'thingset client', bytes: streamed, ms: ended - started }
      ];
    } finally {
      await client.close();
      await link.close();
      await bms.powerOff();
    }
  }
};
