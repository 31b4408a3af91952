/**
 * `bms-flasher reset`: asks the BMS to reboot (a test image is swapped in then, R17) and waits until it
 * answers again with a restarted uptime, then shows what runs. Reset is a write: it needs --key (R14).
 */
import { parseCommandLine, parseInteger, processIo, runCommand, type CliIo } from '../args';
import { identityJson, identityLines } from '../device-text';
import { JSON_OPTION, KEY_OPTION, linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, loadTechnician } from './device-options';

export const summary = 'reboot the BMS and wait until it answers again';

const usage = `usage: bms-flasher reset --port PATH [--baud N] [--key technician.pem] [--wait-s 60] [--json]

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --allow-unauthenticated  write to a device without an authenticated session (stock mcumgr)
  --wait-s N      how long to wait for the BMS to answer again (a swap takes a while), default 60
  --json          machine-readable output
Shows the firmware the BMS runs once it is back.`;

const options = { ...DEVICE_OPTIONS, ...KEY_OPTION, ...JSON_OPTION, 'wait-s': { type: 'string' } } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const settings = linkSettings(values);
    const waitMs = (parseInteger(values['wait-s'], 'wait-s') ?? 60) * 1000;
    const signer = await loadTechnician(values.key, values);
    return withDevice(settings, deps, async (device, signal) => {
      await device.connect();
      await device.authenticate(signer, values['allow-unauthenticated'] ?? false);
      const started = Date.now();
      await device.session.reset();
      const identity = await device.session.waitForBoot({ timeoutMs: waitMs, signal });
      const seconds = (Date.now() - started) / 1000;
      if (values.json) {
        io.out(`${JSON.stringify({ rebootSeconds: seconds, identity: identityJson(identity) }, null, 2)}\n`);
      } else {
        io.out(`reset: the BMS answered again after ${seconds.toFixed(1)} s\n${identityLines(identity).join('\n')}\n`);
      }
      return 0;
    });
  });
}
