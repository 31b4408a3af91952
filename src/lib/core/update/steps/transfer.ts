/**
 * R10, R16: the image goes to the inactive bank with live progress, while the pack is watched
 * (transfer-monitor.ts). The upload resumes from the device's offset each time it is called again, which
 * serves both a hold (pack out of band) and a lost link (cable, power cut, reset): then we wait for the
 * device, make sure it is the same one, authenticate again and carry on (from 0 after a reset).
 */
import { BmsError, fail, toErrorData } from '../../errors';
import type { CheckResult } from '../checks/check-result';
import { renewSession } from './authenticate';
import { lostInTransit, waitForDevice } from '../device-contact';
import type { UpdateContext } from '../update-context';
import type { LinkLoss, TransferPause } from '../update-state';
import { holdUntilSafe, watchConditions } from './transfer-monitor';
import { fixed, text, type MessageKey } from '../../../i18n/translate';

export async function transfer(ctx: UpdateContext): Promise<void> {
  const total = ctx.image.length;
  const startedAt = ctx.now();
  let sent = 0;
  let restarts = 0;
  let paused: TransferPause | undefined;
  let lost: LinkLoss | undefined;
  const draw = () => {
    const seconds = (ctx.now() - startedAt) / 1000;
    const bytesPerSecond = seconds > 0 ? Math.round(sent / seconds) : 0;
    ctx.emit({ phase: 'transfer', sent, total, bytesPerSecond, paused, lost, restarts });
  };
  draw();
  ctx.log('info', text('log.sending', { total }));
  // The upload learns of a loss only once its retries are spent: a stall is shown at once instead.
  let lastAck = ctx.now();
  const stallWatch = setInterval(() => {
    if (lost || paused || ctx.now() - lastAck < 2 * ctx.timings.monitorIntervalMs) return;
    lost = { cause: 'no-answer', since: ctx.iso() };
    draw();
  }, ctx.timings.monitorIntervalMs);
  try {
    await sendAll();
  } finally {
    clearInterval(stallWatch);
  }
  if (lost) {
    lost = undefined;
    draw();
  }
  const seconds = (ctx.now() - startedAt) / 1000;
  ctx.log('info', text(restarts ? 'log.sentRestarts' : 'log.sent', { total, seconds: fixed(seconds, 1), restarts }));

  async function sendAll(): Promise<void> {
    for (;;) {
      const run = await uploadWatched(ctx, (done) => {
        sent = done;
        lastAck = ctx.now();
        if (lost?.waitingMs === undefined) lost = undefined;
        draw();
      });
      if (run.done) break;
      if (run.outOfBand) {
        await holdUntilSafe(ctx, run.outOfBand, sent, (pause) => {
          paused = pause;
          draw();
        });
        lastAck = ctx.now();
        continue;
      }
      const error = run.error;
      // A refusal for want of a session means the device reset (a power cut it came back from quickly).
      const sessionLost = error instanceof BmsError && error.code === 'SMP_ACCESS_DENIED';
      if (!(lostInTransit(error) || sessionLost) || ctx.signal?.aborted) throw error;
      const { code, detail } = toErrorData(error);
      if (restarts >= ctx.timings.maxLinkLosses) {
        const final = code === 'LINK_DISCONNECTED' ? 'UPDATE_DEVICE_LOST' : 'UPDATE_TRANSFER_TIMEOUT';
        fail(final, `at byte ${sent} of ${total} after ${restarts} restarts: ${code} ${detail}`, error);
      }
      restarts += 1;
      lost = { cause: lossCause(code), code, since: ctx.iso(), waitingMs: ctx.timings.bootTimeoutMs };
      ctx.warn(text('log.linkLostAt', { cause: text(LOSS_TEXT[lost.cause]), sent, code, restart: restarts, max: ctx.timings.maxLinkLosses }));
      draw();
      await recover(ctx, error as BmsError);
      lost = undefined;
      lastAck = ctx.now();
      draw();
    }
  }
}

/**
 * What the loss looked like from here. A device that refuses the next chunk for want of a session has
 * restarted (power loss or reset) and forgot it; a closed line is a cable or port gone; anything else
 * is silence.
 */
function lossCause(code: string): LinkLoss['cause'] {
  if (code === 'SMP_ACCESS_DENIED') return 'restarted';
  if (code === 'LINK_DISCONNECTED' || code === 'LINK_DEVICE_LOST_ON_RESET' || code === 'LINK_WRITE_FAILED') return 'disconnected';
  return 'no-answer';
}

const LOSS_TEXT: Record<LinkLoss['cause'], MessageKey> = {
  restarted: 'log.loss.restarted',
  disconnected: 'log.loss.disconnected',
  'no-answer': 'log.loss.noAnswer'
};

type UploadRun = { done: true; outOfBand?: undefined } | { done: false; outOfBand?: CheckResult[]; error?: unknown };

/** One upload call with the pack watched beside it; leaving the band stops it at a chunk boundary. */
async function uploadWatched(ctx: UpdateContext, onProgress: (sent: number) => void): Promise<UploadRun> {
  const stop = new AbortController();
  const cancel = () => stop.abort();
  ctx.signal?.addEventListener('abort', cancel, { once: true });
  const watchDone = new AbortController();
  let outOfBand: CheckResult[] | undefined;
  // A bootloader, or a firmware without battery readings, has nothing to watch: the operator checked the
  // pack before (R22, operator readings) and the pre-flight said it is not watched.
  if (ctx.before!.in_bootloader || !ctx.session.battery) watchDone.abort();
  const watcher = watchConditions(ctx, watchDone.signal).then((bad) => {
    if (bad) {
      outOfBand = bad;
      stop.abort();
    }
  });
  try {
    await ctx.session.upload(ctx.image, { signal: stop.signal, onProgress: (done) => onProgress(done) });
    return { done: true };
  } catch (error) {
    if (outOfBand && !ctx.signal?.aborted) return { done: false, outOfBand };
    return { done: false, error };
  } finally {
    ctx.signal?.removeEventListener('abort', cancel);
    // Not awaited: a reading still in flight must not delay the recovery; its verdict is ignored now.
    watchDone.abort();
    void watcher;
  }
}

/** After a loss: the same device must answer, still running its confirmed firmware, in a new session. */
async function recover(ctx: UpdateContext, loss: BmsError): Promise<void> {
  const identity = await waitForDevice(ctx, text('log.why.afterLoss', { code: loss.code }));
  if (identity.in_bootloader && !ctx.before!.in_bootloader) {
    fail('UPDATE_DEVICE_IN_BOOTLOADER', `${identity.serial} came back in its bootloader after ${loss.code}`);
  }
  ctx.log('info', text('log.answersAgain', { serial: identity.serial, version: identity.fw_version }));
  await renewSession(ctx, identity.serial);
}
