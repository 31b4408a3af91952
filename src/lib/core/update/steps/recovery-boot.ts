import { renewSession } from './authenticate';
import type { UpdateContext } from '../update-context';
import { inspectBoot, resetAndWait } from './test-boot';
import { text } from '../../../i18n/translate';

/** R22: the bootloader wrote the primary slot; a reset must start it, through the whole boot sequence (R17). */
export async function recoveryBoot(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'test-boot', events: [] });
  // The reset is a protected write; the session may have idled out during a slow transfer.
  await renewSession(ctx);
  ctx.log('info', text('log.recoveryReset'));
  await inspectBoot(ctx, await resetAndWait(ctx, text('log.why.resetOutOfBootloader')));
}
