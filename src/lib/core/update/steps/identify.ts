import { bytesToHex } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** Who the device is and what it runs; the reference every later proof compares against. */
export async function identify(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'identify' });
  const id = await ctx.session.identity();
  ctx.before = id;
  ctx.log(
    'info',
    text('log.identity', {
      model: id.model,
      serial: id.serial,
      rev: id.hw_rev,
      bootloader: id.bl_version,
      version: id.fw_version,
      hash: bytesToHex(id.fw_hash).slice(0, 16),
      counter: id.sec_cnt
    })
  );
  if (id.in_bootloader && ctx.kind === 'update') fail('UPDATE_DEVICE_IN_BOOTLOADER', `${id.serial} answers from its bootloader only`);
  ctx.slotsBefore = await ctx.session.imageState();
}
