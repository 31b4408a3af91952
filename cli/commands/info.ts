/** `bms-flasher info`: who the BMS is, which images it holds, and how the pack is doing (read only). */
import { describeFamily } from '../../src/lib/core/family/device-session';
import { isBmsError } from '../../src/lib/core/errors';
import type { BmsTelemetry } from '../../src/lib/core/protocol/smp/groups/bms-group';
import { readImageState } from '../../src/lib/core/protocol/smp/groups/image-group';
import { parseCommandLine, processIo, runCommand, type CliIo } from '../args';
import { familyLines, identityJson, identityLines, slotJson, slotLines, summarizeTelemetry, telemetryLines } from '../device-text';
import { familyAbilities } from '../../src/lib/core/family/family-abilities';
import { JSON_OPTION, linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE } from './device-options';

export const summary = 'show the device family and what can be checked on it, its identity, image slots and telemetry';

const usage = `usage: bms-flasher info --port PATH [--baud N] [--json]

${DEVICE_USAGE}
  --json          machine-readable output (hashes in hex)

Reads only: the device family (our BMS, a stock MCUboot + mcumgr device) and what the tool can and
cannot check on it, identity (model, serial, hardware revision, bootloader and firmware versions), the image
slots with their versions, hashes and flags, and a telemetry summary. In serial recovery (bootloader
only) there is no telemetry.`;

const options = { ...DEVICE_OPTIONS, ...JSON_OPTION } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const settings = linkSettings(values);
    return withDevice(settings, deps, async (device) => {
      const session = await device.connect();
      const identity = await device.session.identity();
      const family = describeFamily(device.session);
      const { images } = await readImageState(device.client);
      const battery = device.session.battery;
      const telemetry = identity.in_bootloader || !battery ? undefined : await readTelemetry(battery.telemetry());
      const summaryOf = telemetry && summarizeTelemetry(telemetry);
      if (values.json) {
        io.out(
          `${JSON.stringify(
            { link: device.link.info.label, session, family: { ...family, abilities: familyAbilities(family) }, identity: identityJson(identity), images: images.map(slotJson), telemetry: summaryOf ?? null },
            null,
            2
          )}\n`
        );
        return 0;
      }
      const lines = [
        ...familyLines(family),
        '',
        ...identityLines(identity, family.profile.reports),
        `link ${device.link.info.label}: ${session}`,
        '',
        'images:',
        ...slotLines(images),
        '',
        'telemetry:',
        ...(summaryOf ? telemetryLines(summaryOf) : [battery ? '  not available: only the bootloader answers' : '  not available: this device has no battery readings'])
      ];
      io.out(`${lines.join('\n')}\n`);
      return 0;
    });
  });
}

/** Telemetry is an application command: a device that does not know it answers ENOTSUP. */
async function readTelemetry(reading: Promise<BmsTelemetry>): Promise<BmsTelemetry | undefined> {
  try {
    return await reading;
  } catch (error) {
    if (isBmsError(error) && error.code === 'SMP_NOT_SUPPORTED') return undefined;
    throw error;
  }
}
