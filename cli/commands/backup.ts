/** `bms-flasher backup`: every setting of the BMS saved locally and to a file of your choice (R09, R23). */
import { need } from '../../src/lib/core/family/device-session';
import { backupFileName, exportBackupJson, makeBackup } from '../../src/lib/core/backup/config-backup';
import { parseCommandLine, processIo, runCommand, writeOutput, type CliIo } from '../args';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, openStores } from './device-options';

export const summary = 'save every setting of the BMS locally and to a JSON file';

const usage = `usage: bms-flasher backup --port PATH [--baud N] [--out FILE]

${DEVICE_USAGE}
  --out FILE      also export the backup to FILE (external disk, shared folder); default: a file named
                  after the serial and time in the current folder`;

const options = { ...DEVICE_OPTIONS, out: { type: 'string', short: 'o' } } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    return withDevice(linkSettings(values), deps, async ({ session }) => {
      const identity = await session.identity();
      const backup = makeBackup(identity, await need(session, 'config').readConfig(), new Date());
      const { backups } = openStores(values);
      await backups.save(backup);
      // What is exported is the copy read back from the store: proof it was kept.
      const stored = await backups.get(backup.id);
      const path = values.out ?? backupFileName(stored);
      writeOutput(path, exportBackupJson(stored));
      io.out(
        `backup ${stored.id}: ${Object.keys(stored.config).length} settings of ${identity.model} ${identity.serial} ` +
          `(firmware ${identity.fw_version})\n  kept locally and written to ${path}\n`
      );
      return 0;
    });
  });
}
