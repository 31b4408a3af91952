import { lostInTransit } from '../device-contact';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/**
 * First contact over the link the platform opened. A device that stays silent gets the link test at
 * once: it tells a baud-rate mismatch (and the rate the device answers at) from no device at all (R06).
 */
export async function connect(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'connect' });
  ctx.connection = await ctx.session.connect();
  try {
    await ctx.session.identity();
  } catch (error) {
    if (!lostInTransit(error)) throw error;
    ctx.log('warn', text('log.noAnswerLinkTest'));
    await ctx.session.linkTest();
    throw error;
  }
  ctx.log('info', text('log.connected', { link: ctx.session.link.label }), ctx.connection);
}
