import { diffConfig } from '../../backup/config-diff';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/**
 * The settings after the update against the backup: new firmware may reset or migrate some. The
 * differences go into the report and the UI offers restoreBackup(); nothing is written here.
 */
export async function configCheck(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'config-check' });
  const access = ctx.session.config;
  if (!ctx.backup || !access) {
    ctx.warn(text('log.noBackupCompare'));
    return;
  }
  const changes = diffConfig(await access.readConfig(), ctx.backup!.config);
  ctx.configChanges = changes;
  ctx.emit({ phase: 'config-check', changes });
  if (changes.length === 0) {
    ctx.log('info', text('log.settingsIdentical'));
    return;
  }
  ctx.warn(text('log.settingsDiffer', { count: changes.length, id: ctx.backup!.id, keys: changes.map((c) => c.key).join(', ') }));
}
