/**
 * The device commands as a technician runs them, against the virtual BMS (through the link layer's
 * line model, injected where the serial port would be opened), with a data folder of their own.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../src/lib/core/image/test-keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../../src/lib/core/virtual-bms/virtual-bms';
import { privateKeyToPem, publicKeyToPem } from '../../src/lib/core/image/keys';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { BENCH_SESSION, BENCH_TIMINGS, fastClock, untilRunning } from '../../src/lib/core/update/testing/virtual-bench';
import type { DeviceCommandDeps } from '../open-link';

const SPEED = 10;

export interface CliRun {
  code: number;
  out: string;
  err: string;
  progress: string;
}

type Command = { run: (argv: string[], io: never, deps: never) => Promise<number> };

export interface CliBench {
  dir: string;
  bms: VirtualBms;
  /** --port and --data for this bench */
  common(): string[];
  /** --trust with the virtual BMS vendor key */
  trust(): string[];
  cli(command: Command, argv: string[], extra?: Partial<DeviceCommandDeps>): Promise<CliRun>;
  close(): Promise<void>;
}

export async function createCliBench(options: VirtualBmsOptions = {}): Promise<CliBench> {
  const dir = await mkdtemp(join(tmpdir(), 'bms-cli-'));
  const bms = createVirtualBms({ clock: fastClock(SPEED), ...options });
  await untilRunning(bms);
  await writeFile(join(dir, 'technician.pem'), privateKeyToPem(TECHNICIAN_TEST_SECRET_KEY));
  await writeFile(join(dir, 'vendor.pub.pem'), publicKeyToPem(VENDOR_TEST_KEY.publicKey));
  const deps = (): DeviceCommandDeps & { timings: typeof BENCH_TIMINGS } => ({
    openLink: async () => connectPacedLink(bms.port, { pace: false }),
    session: { ...BENCH_SESSION, deviceClockRate: SPEED },
    timings: BENCH_TIMINGS
  });
  return {
    dir,
    bms,
    common: () => ['--port', 'virtual', '--data', dir],
    trust: () => ['--trust', join(dir, 'vendor.pub.pem')],
    async cli(command, argv, extra = {}) {
      const result = { code: -1, out: '', err: '', progress: '' };
      const io = { out: (t: string) => (result.out += t), err: (t: string) => (result.err += t), progress: { write: (t: string) => (result.progress += t), isTTY: false } };
      result.code = await command.run(argv, io as never, { ...deps(), ...extra } as never);
      return result;
    },
    async close() {
      await bms.powerOff();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
