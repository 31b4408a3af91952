/** OS group (0) commands as Zephyr's os_mgmt serves them, and MCUboot's in serial recovery. */
import type { CborMap } from '../../protocol/smp/cbor';
import { McubootMode, OsRc, SmpGroup } from '../../protocol/smp/smp-ids';
import type { DeviceContext } from '../device-context';
import { BadRequest, boolField, groupError, ok, textField, type Reply } from './smp-reply';

/** CONFIG_MCUMGR_GRP_OS_RESET_MS: time for the response to leave before the reset. */
export const RESET_DELAY_MS = 250;
/** MCUboot serial recovery: MCUBOOT_SERIAL_MAX_RECEIVE_SIZE and a single buffer. */
export const RECOVERY_LIMITS = { bufSize: 512, bufCount: 1 };

export function echo(_ctx: DeviceContext, body: CborMap): Reply {
  const text = textField(body, 'd');
  if (text === undefined) throw new BadRequest('"d" (text) is required');
  return ok({ r: text });
}

export function reset(ctx: DeviceContext, body: CborMap): Reply {
  boolField(body, 'force');
  ctx.scheduleReset(RESET_DELAY_MS);
  return ok();
}

export function params(ctx: DeviceContext): Reply {
  const limits = ctx.mode === 'recovery' ? RECOVERY_LIMITS : ctx.limits;
  return ok({ buf_size: limits.bufSize, buf_count: limits.bufCount });
}

/** Bootloader info (cmd 8) of an MCUboot built in this mode (enum mcuboot_mode). */
export function bootloaderInfoIn(mode: number): (ctx: DeviceContext, body: CborMap) => Reply {
  return (_ctx, body) => {
    const query = textField(body, 'query');
    if (query === undefined) return ok({ bootloader: 'MCUboot' });
    if (query === 'mode') return ok({ mode });
    return groupError(SmpGroup.os, OsRc.QUERY_YIELDS_NO_ANSWER, `unknown query "${query}"`);
  };
}

export const bootloaderInfo = bootloaderInfoIn(McubootMode.swapUsingMove);
