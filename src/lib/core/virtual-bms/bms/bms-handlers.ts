/**
 * The BMS management group (group 64, src/lib/core/protocol/smp/groups/bms-group.ts) as the firmware serves it.
 * In serial recovery only identity, auth and the boot log answer: the bootloader has no battery code.
 */
import { isBmsError } from '../../errors';
import type { CborMap } from '../../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsGroupRc, type BmsIdentity } from '../../protocol/smp/groups/bms-group';
import { formatVersion } from '../../image/version';
import { applyConfigUpdate } from './config-schema';
import type { DeviceContext } from '../device-context';
import { formatBootloaderVersion } from '../board/device-identity';
import { readSlotInfo } from '../mcuboot/image-slots';
import { buildTelemetry, protectionFlags } from '../board/telemetry';
import { runBalanceTest } from '../board/self-test';
import { capabilities } from './broadcast-upload';
import { bytesField, groupError, mapField, ok, BadRequest, type Reply } from '../smp/smp-reply';

const bmsError = (rc: number, rsn: string) => groupError(BMS_GROUP_ID, rc, rsn);

/** Bleeding each cell in turn and watching it sag takes a few seconds. */
export const BALANCE_TEST_MS = 3000;

export function identity(ctx: DeviceContext): Reply {
  const slot0 = readSlotInfo(ctx.layout.primary);
  const running = ctx.running?.image;
  const body: BmsIdentity = {
    model: ctx.identity.model,
    serial: ctx.identity.serial,
    hw_rev: ctx.identity.hwRev,
    bl_version: formatBootloaderVersion(ctx.identity.bootloaderVersion),
    fw_version: running ? formatVersion(running.header.version) : slot0 ? formatVersion(slot0.version) : '',
    fw_hash: running?.imageHash ?? slot0?.hash ?? new Uint8Array(0),
    sec_cnt: ctx.trusted().securityCounter,
    in_bootloader: ctx.mode === 'recovery',
    caps: capabilities(ctx)
  };
  return ok({ ...body });
}

function sample(ctx: DeviceContext) {
  const config = ctx.config();
  return ctx.battery.sample(config.cell_count as number, config.capacity_mah as number);
}

export function telemetry(ctx: DeviceContext): Reply {
  return ok({ ...buildTelemetry(sample(ctx), ctx.config(), ctx.uptimeMs()) });
}

export function configRead(ctx: DeviceContext): Reply {
  return ok({ config: ctx.config() });
}

const SETTING_RC = {
  DEVICE_SETTING_UNKNOWN: BmsGroupRc.UNKNOWN_SETTING,
  DEVICE_SETTING_OUT_OF_RANGE: BmsGroupRc.SETTING_OUT_OF_RANGE,
  DEVICE_SETTING_CONFLICT: BmsGroupRc.SETTING_CONFLICT
} as Record<string, number>;

export function configWrite(ctx: DeviceContext, body: CborMap): Reply {
  const update = mapField(body, 'config');
  if (!update) throw new BadRequest('"config" (a map of settings) is required');
  try {
    const next = applyConfigUpdate(ctx.config(), update);
    ctx.setPhase('config');
    ctx.writeConfig(next);
    return ok({ config: next });
  } catch (error) {
    if (isBmsError(error) && SETTING_RC[error.code] !== undefined) return bmsError(SETTING_RC[error.code], error.detail);
    throw error;
  }
}

export function selfTest(ctx: DeviceContext): Reply {
  const report = ctx.running?.selfTest ?? { done: false, pass: false, items: [] };
  return ok({ ...report, items: report.items.map((item) => ({ ...item })) });
}

export function balanceTest(ctx: DeviceContext): Reply {
  const config = ctx.config();
  const measured = sample(ctx);
  const flags = protectionFlags(measured, config);
  if (flags !== 0) {
    return bmsError(BmsGroupRc.BALANCE_NOT_POSSIBLE, `a protection is active (flags 0x${flags.toString(16)}); balancing is disabled`);
  }
  const report = runBalanceTest(measured.cells_mv, ctx.battery.state.stuckCell);
  return ok({ pass: report.pass, cells: report.cells.map((c) => ({ ...c })) }, BALANCE_TEST_MS);
}

export function authChallenge(ctx: DeviceContext): Reply {
  return ok({ ...ctx.auth.challenge(ctx.identity.serial) });
}

export function authRespond(ctx: DeviceContext, body: CborMap): Reply {
  const pubkey = bytesField(body, 'pubkey');
  const sig = bytesField(body, 'sig');
  if (!pubkey || !sig) throw new BadRequest('"pubkey" and "sig" (byte strings) are required');
  const outcome = ctx.auth.respond({ pubkey, sig }, ctx.identity.serial, ctx.trusted().technicianKeys);
  if (!outcome.ok) return bmsError(outcome.rc, outcome.reason);
  return ok({ ...outcome.granted });
}

export function bootLog(ctx: DeviceContext): Reply {
  return ok({ events: ctx.bootLog.map((e) => ({ ...e })) });
}
