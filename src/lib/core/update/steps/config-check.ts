import { diffConfig } from '../../backup/config-diff';
import type { UpdateContext } from '../update-context';

/**
 * The settings after the update against the backup: new firmware may reset or migrate some. The
 * differences go into the report and the UI offers restoreBackup(); nothing is written here.
 */
export async function configCheck(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'config-check' });
  const access = ctx.session.config;
  if (!ctx.backup || !access) {
    ctx.warn('no backup of this device to compare the settings with');
    return;
  }
  const changes = diffConfig(await access.readConfig(), ctx.backup!.config);
  ctx.configChanges = changes;
  ctx.emit({ phase: 'config-check', changes });
  if (changes.length === 0) {
    ctx.log('info', 'settings identical to the backup');
    return;
  }
  ctx.warn(`UPDATE_CONFIG_RESET: ${changes.length} setting(s) differ from backup ${ctx.backup!.id}: ${changes.map((c) => c.key).join(', ')}; restore is offered`);
}
