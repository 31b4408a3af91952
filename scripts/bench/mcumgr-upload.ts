/**
 * Upload to a stock MCUboot + mcumgr device (the virtual smp_svr room) through the stock family's session,
 * over the paced 8N1 line in real time: with mcumgr params the window is the device's buf_count; without
 * them (a build without CONFIG_MCUMGR_GRP_OS_MCUMGR_PARAMS) the family falls back to 256-byte packets one
 * at a time (the family's settings, the client's upload engine). The protocol-bound maximum is computed
 * from the exact request bytes of the windowed run.
 * BENCH_MCUMGR_CASE picks baud and size, e.g. "115200:64K" (default).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { createMcumgrSession } from '../../src/lib/core/family/mcumgr/mcumgr-session';
import { mcumgrProfile } from '../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';
import { uploadImage } from '../../src/lib/core/protocol/smp/upload';
import { MIB, type BenchModule, type BenchRow } from './bench-types';
import { parseCases, requestLineBytes } from './upload';
import { benchImage, bootVirtualBms, deviceAtBaud } from './virtual-rig';

const KIB = 1024;
let notes: string[] = [];

async function measure(baud: number, image: Uint8Array, params: boolean) {
  const dev = await bootVirtualBms({ profile: mcumgrProfile({ params, shell: false }) });
  const link = connectPacedLink(deviceAtBaud(dev.port, baud), { baudRate: baud });
  const session = createMcumgrSession({ link });
  try {
    await session.connect();
    let firstAt: number | undefined;
    let firstSent = 0;
    const started = performance.now();
    // The family's upload window: the device's whole buf_count (nothing is sampled beside it on this family).
    const limits = session.client.limits;
    const result = await uploadImage(session.client, image, {
      window: limits.bufCount,
      onProgress: (p) => {
        if (firstAt === undefined) {
          firstAt = performance.now();
          firstSent = p.sent;
        }
      }
    });
    const ended = performance.now();
    return { result, streamBytes: image.length - firstSent, streamMs: ended - (firstAt ?? started), totalMs: ended - started, limits };
  } finally {
    await session.close();
    await link.close();
  }
}

export const mcumgrUploadBench: BenchModule = {
  name: 'mcumgr-upload',
  baseline: 'stop-and-wait (no params)',
  describe: () =>
    [
      `Stock mcumgr room (smp_svr profile, bare SMP UART) over the paced 8N1 line in real time, Node ${process.version}, ` +
        `through the stock family's upload. "window from buf_count" = mcumgr params answered (buf 384×4); ` +
        `"stop-and-wait (no params)" = params not in the build: 256-byte packets, one at a time; "protocol max" from the ` +
        `exact request bytes of the windowed run. MB/s after the first chunk (the slot erase is device time).`,
      ...notes
    ].join('\n'),
  async run() {
    notes = [];
    const rows: BenchRow[] = [];
    for (const { baud, size } of parseCases(process.env.BENCH_MCUMGR_CASE ?? '115200:64K')) {
      const image = benchImage(size);
      const label = `${baud} baud ${size >= MIB ? `${size / MIB} MiB` : `${size / KIB} KiB`}`;
      const slow = await measure(baud, image, false);
      const fast = await measure(baud, image, true);
      // The windowed run's chunks, framed exactly as the client frames them.
      const bytes = requestLineBytes(image, fast.result, fast.limits.lineLength, sha256(image));
      const maxMs = (bytes.rest / (baud / 10)) * 1000;
      rows.push({ case: label, method: 'protocol max', bytes: fast.streamBytes, ms: maxMs });
      rows.push({ case: label, method: 'stop-and-wait (no params)', bytes: slow.streamBytes, ms: slow.streamMs });
      rows.push({ case: label, method: `window from buf_count ×${fast.limits.bufCount}`, bytes: fast.streamBytes, ms: fast.streamMs });
      notes.push(
        `- ${label}: windowed/max ${((maxMs / fast.streamMs) * 100).toFixed(1)} %, windowed/stop-and-wait ${(slow.streamMs / fast.streamMs).toFixed(2)}×; ` +
          `whole upload incl. erase: windowed ${(fast.totalMs / 1000).toFixed(1)} s, stop-and-wait ${(slow.totalMs / 1000).toFixed(1)} s`
      );
    }
    return rows;
  }
};

