/** `bms-flasher restore`: put a configuration backup back, after showing what changes (R09, R23). */
import { importBackupJson } from '../../src/lib/core/backup/config-backup';
import type { ConfigChange } from '../../src/lib/core/backup/config-diff';
import { previewRestore, restoreBackup } from '../../src/lib/core/backup/restore-backup';
import { parseCommandLine, processIo, readText, runCommand, type CliIo } from '../args';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, askYes, loadTechnician } from './device-options';

export const summary = 'restore a configuration backup onto the BMS, with a preview of the changes';

const usage = `usage: bms-flasher restore --port PATH [--baud N] [--key technician.pem] [--yes] backup.json

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --yes           write without asking after the preview
Only the settings that differ are written; the device checks every value before storing anything.`;

const options = { ...DEVICE_OPTIONS, key: { type: 'string', short: 'k' }, yes: { type: 'boolean', short: 'y' } } as const;

export function describeChange(c: ConfigChange): string {
  if (c.kind === 'changed') return `  ${c.key}: ${c.device} → ${c.backup}`;
  if (c.kind === 'missing-on-device') return `  ${c.key}: not a setting of the running firmware (backup ${c.backup}), skipped`;
  return `  ${c.key}: new in the running firmware (${c.device}), left as is`;
}

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const backup = importBackupJson(readText(positionals[0]));
    const signer = await loadTechnician(values.key, values);
    return withDevice(linkSettings(values), deps, async ({ session }) => {
      const preview = await previewRestore(session, backup);
      io.out(`backup ${backup.id} → ${preview.device.model} ${preview.device.serial}\n`);
      if (preview.changes.length === 0) {
        io.out('the device already has these settings: nothing to write\n');
        return 0;
      }
      io.out(`${preview.changes.map(describeChange).join('\n')}\n`);
      if (!values.yes && !(await askYes(io, `write ${Object.keys(preview.writes).length} setting(s)?`))) {
        io.out('nothing written\n');
        return 1;
      }
      const result = await restoreBackup(session, backup, signer);
      io.out(`restored ${result.written.length} setting(s); the device now matches the backup${result.remaining.length ? ` except ${result.remaining.length} setting(s) the firmware does not share` : ''}\n`);
      return 0;
    });
  });
}
