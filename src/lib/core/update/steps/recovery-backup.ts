import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/**
 * R22, R23: the bootloader cannot read the settings, so nothing new can be saved; the latest backup of
 * this device is the reference the settings are compared with once the firmware runs again.
 */
export async function recoveryBackup(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'backup' });
  const [latest] = await ctx.store.backups.list(ctx.before!.serial);
  if (!latest) {
    ctx.warn(text('log.noBackupRecovery', { serial: ctx.before!.serial }));
    return;
  }
  ctx.backup = latest;
  ctx.emit({ phase: 'backup', backupId: latest.id });
  ctx.log('info', text('log.backupReference', { id: latest.id, version: latest.fwVersion }));
}
