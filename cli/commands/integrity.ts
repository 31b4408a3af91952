/** `bms-flasher integrity`: are the installed images ones the tool verified? (R26) */
import { basename } from 'node:path';
import { verifyImage } from '../../src/lib/core/image/verify-image';
import { checkInstalledImages, knownFromReports, knownFromVerified } from '../../src/lib/core/update/integrity';
import { parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, loadTrustedKeys, openStores } from './device-options';

export const summary = "check the hashes of the BMS's installed images against verified, signed packages";

const usage = `usage: bms-flasher integrity --port PATH [--baud N] [--image FILE --trust KEY]...

${DEVICE_USAGE}
  --image FILE    a signed package the device may run (repeat); verified with the trusted keys first
  --trust FILE    a developer public key (repeat); DATA/trusted-keys/*.pem too
Packages of past updates (DATA/reports) are known too. Exit 1 when the running image is unknown.`;

const options = { ...DEVICE_OPTIONS, image: { type: 'string', multiple: true }, trust: { type: 'string', multiple: true } } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const trusted = loadTrustedKeys(values.trust ?? [], values);
    const known = knownFromReports(await openStores(values).reports.list());
    for (const path of values.image ?? []) known.push(knownFromVerified(await verifyImage(readBytes(path), trusted), basename(path)));
    return withDevice(linkSettings(values), deps, async ({ session }) => {
      const entries = await checkInstalledImages(session, known);
      for (const e of entries) {
        const flags = [e.active && 'running', e.confirmed && 'confirmed'].filter(Boolean).join(', ');
        io.out(`${e.status.toUpperCase().padEnd(4)} slot ${e.slot} ${e.version} ${e.hash}${flags ? ` (${flags})` : ''}\n     ${e.reason}\n`);
      }
      return entries.some((e) => e.status === 'fail') ? 1 : 0;
    });
  });
}
