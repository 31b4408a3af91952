/**
 * `bms-flasher linktest`: the link test to run before any firmware byte is sent (R06): echo round trips
 * give the round-trip time, losses and line errors; when nothing answers, the usual rates are probed
 * and the mismatch is named ("device answers at 57600, you selected 115200").
 */
import { testLink } from '../../src/lib/core/protocol/smp/link-test';
import { parseCommandLine, parseInteger, processIo, runCommand, type CliIo } from '../args';
import { JSON_OPTION, linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE } from './device-options';

export const summary = 'test the link: round-trip time, losses, and which baud rate the device answers at';

const usage = `usage: bms-flasher linktest --port PATH [--baud N] [--rounds 10] [--json]

${DEVICE_USAGE}
  --rounds N      echo round trips, default 10
  --json          machine-readable output

Exit 0 when every echo came back intact; 1 when some were lost or corrupted, nothing answered, or the
device answers at another baud rate (named in the message).`;

const options = { ...DEVICE_OPTIONS, ...JSON_OPTION, rounds: { type: 'string', short: 'n' } } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const settings = linkSettings(values);
    const rounds = parseInteger(values.rounds, 'rounds') ?? 10;
    return withDevice(settings, deps, async (device, signal) => {
      // No OS params probe first (device.connect()): at a wrong rate it would only time out.
      const result = await testLink(device.client, { rounds, signal });
      const healthy = result.answered === result.rounds && result.errors.length === 0;
      if (values.json) {
        io.out(`${JSON.stringify({ link: device.link.info.label, healthy, ...result }, null, 2)}\n`);
        return healthy ? 0 : 1;
      }
      const { min, avg, max } = result.rttMs;
      const errors = result.errors.map((e) => `${e.code} ×${e.count}`).join(', ') || 'none';
      io.out(
        `link test on ${device.link.info.label}: ${result.answered}/${result.rounds} echoes answered, ` +
          `loss ${(result.lossRate * 100).toFixed(1)} %\n` +
          `round trip min ${min} ms, avg ${avg} ms, max ${max} ms\n` +
          `errors: ${errors}\n` +
          (healthy ? 'OK: the link is ready for a transfer\n' : 'UNRELIABLE: check the cable, the adapter and the baud rate before a transfer\n')
      );
      return healthy ? 0 : 1;
    }, { detect: false });
  });
}
