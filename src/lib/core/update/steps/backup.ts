/**
 * R09: every setting saved locally before anything is written, then proven: the stored copy is read
 * back and compared with a second reading of the device. No backup, no update.
 */
import { makeBackup, type ConfigBackup } from '../../backup/config-backup';
import { diffConfig } from '../../backup/config-diff';
import { fail, toErrorData } from '../../errors';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

export async function backup(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'backup' });
  const access = ctx.session.config;
  if (!access) {
    ctx.warn(`this device exposes no settings (${ctx.session.family.label}): there is nothing to back up`);
    return;
  }
  const config = await access.readConfig();
  const backup = makeBackup(ctx.before!, config, new Date(ctx.now()));
  let stored: ConfigBackup;
  try {
    await ctx.store.backups.save(backup);
    stored = await ctx.store.backups.get(backup.id);
  } catch (error) {
    fail('UPDATE_BACKUP_FAILED', `saving backup ${backup.id} failed: ${toErrorData(error).detail}`, error);
  }
  const reread = await access.readConfig();
  const changes = diffConfig(reread, stored.config);
  if (changes.length > 0) {
    fail('UPDATE_BACKUP_FAILED', `the saved copy differs from the device on ${changes.map((c) => c.key).join(', ')}`);
  }
  ctx.backup = stored;
  ctx.emit({ phase: 'backup', backupId: stored.id });
  ctx.log('info', text('log.backupSaved', { id: stored.id, count: Object.keys(stored.config).length }), access.source);
}
