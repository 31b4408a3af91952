import type { UpdateContext } from '../update-context';

/** First contact over the link the platform opened: transport parameters, for the log. */
export async function connect(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'connect' });
  ctx.connection = await ctx.session.connect();
  ctx.log('info', `connected over ${ctx.session.link.label}: ${ctx.connection}`);
}
