/**
 * R10, R16: the image goes to the inactive bank with live progress. A lost link (cable, power loss,
 * device reset) is survived: wait for the device, make sure it is the same one, authenticate again
 * and let the upload carry on from the offset the device reports (from 0 after a reset).
 */
import { BmsError, fail, toErrorData } from '../../errors';
import { authenticate } from '../authenticate';
import { isTransportLoss, waitForDevice } from '../device-contact';
import type { UpdateContext } from '../update-context';
import type { TransferPause } from '../update-state';
import { transferMonitor } from './transfer-monitor';

export async function transfer(ctx: UpdateContext): Promise<void> {
  const total = ctx.image.length;
  const startedAt = ctx.now();
  let sent = 0;
  let restarts = 0;
  let paused: TransferPause | undefined;
  const draw = () => {
    const seconds = (ctx.now() - startedAt) / 1000;
    const bytesPerSecond = seconds > 0 ? Math.round(sent / seconds) : 0;
    ctx.emit({ phase: 'transfer', sent, total, bytesPerSecond, paused, restarts });
  };
  const beforeChunk = transferMonitor(ctx, (pause) => {
    paused = pause;
    draw();
  });
  draw();
  ctx.log('info', `sending ${total} bytes to the inactive bank`);
  for (;;) {
    try {
      await ctx.session.upload(ctx.image, {
        signal: ctx.signal,
        beforeChunk,
        onProgress: (done) => {
          sent = done;
          draw();
        }
      });
      break;
    } catch (error) {
      if (!isTransportLoss(error) || ctx.signal?.aborted) throw error;
      const { code, detail } = toErrorData(error);
      if (restarts >= ctx.timings.maxLinkLosses) {
        const final = code === 'LINK_DISCONNECTED' ? 'UPDATE_DEVICE_LOST' : 'UPDATE_TRANSFER_TIMEOUT';
        fail(final, `at byte ${sent} of ${total} after ${restarts} restarts: ${code} ${detail}`, error);
      }
      restarts += 1;
      ctx.warn(`link lost at byte ${sent} (${code}); waiting for the device (restart ${restarts} of ${ctx.timings.maxLinkLosses})`);
      draw();
      await recover(ctx, error as BmsError);
    }
  }
  const seconds = (ctx.now() - startedAt) / 1000;
  ctx.log('info', `${total} bytes sent in ${seconds.toFixed(1)} s${restarts ? ` with ${restarts} restart(s)` : ''}`);
}

/** After a loss: the same device must answer, still running its confirmed firmware, in a new session. */
async function recover(ctx: UpdateContext, loss: BmsError): Promise<void> {
  const identity = await waitForDevice(ctx, `after ${loss.code} during the transfer`);
  if (identity.in_bootloader) fail('UPDATE_DEVICE_IN_BOOTLOADER', `${identity.serial} came back in its bootloader after ${loss.code}`);
  ctx.log('info', `${identity.serial} answers again, running ${identity.fw_version}`);
  await authenticate(ctx.session, ctx.signer, identity.serial);
}
