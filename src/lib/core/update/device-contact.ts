/**
 * Getting the device back after a reset, a power loss or a pulled cable (R15, R16), and telling such
 * losses apart from answers the device really meant (a refusal is not retried).
 */
import { isTransportLoss } from '../error-registry';
import { BmsError, fail, toErrorData } from '../errors';
import type { BmsIdentity } from '../protocol/smp/groups/bms-group';
import type { UpdateContext } from './update-context';
import { render, text, type Text } from '../../i18n/translate';

/** True when the error says the bytes did not get through, not that the device refused something. */
export function lostInTransit(error: unknown): boolean {
  return error instanceof BmsError && isTransportLoss(error.code);
}

/** Waits for the device to answer again and checks it is the same one (another node could answer on a bus). */
export async function waitForDevice(ctx: UpdateContext, why: Text): Promise<BmsIdentity> {
  let identity: BmsIdentity;
  try {
    identity = await ctx.session.waitForBoot({ timeoutMs: ctx.timings.bootTimeoutMs, signal: ctx.signal });
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    const { code, detail } = toErrorData(error);
    fail('UPDATE_DEVICE_LOST', `${render(why, 'en')}: no answer within ${ctx.timings.bootTimeoutMs} ms (${code}: ${detail})`, error);
  }
  if (ctx.before && identity.serial !== ctx.before.serial) {
    fail('UPDATE_DEVICE_CHANGED', `expected serial ${ctx.before.serial}, ${identity.serial} answered`);
  }
  return identity;
}

/** The device's identity now: asked directly, or after waiting for it when the link was lost. */
export async function reachDevice(ctx: UpdateContext, why: Text): Promise<BmsIdentity> {
  try {
    return await ctx.session.identity();
  } catch (error) {
    if (!lostInTransit(error)) throw error;
    ctx.log('warn', text('log.noAnswerWaiting', { why, code: toErrorData(error).code }));
    return waitForDevice(ctx, why);
  }
}

/**
 * Runs `attempt`, and after a link loss waits for the device and runs it again (at most maxLinkLosses
 * times). Each attempt must start by checking what the device runs, since a power cut may have reset it.
 */
export async function surviveLoss<T>(ctx: UpdateContext, what: Text, attempt: () => Promise<T>): Promise<T> {
  for (let losses = 0; ; losses += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostInTransit(error) || losses >= ctx.timings.maxLinkLosses || ctx.signal?.aborted) throw error;
      ctx.warn(text('log.linkLostWaiting', { what, code: toErrorData(error).code }));
      await waitForDevice(ctx, what);
    }
  }
}
