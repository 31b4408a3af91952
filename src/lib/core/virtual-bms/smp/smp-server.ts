/**
 * The device's SMP command router: decoded request → handler → response packet. The response keeps the
 * request's version and sequence number with the op turned into its response; errors are v1 `rc` or v2
 * `err {group, rc}` by the request's version bits (Zephyr smp.c). A command no route serves answers
 * rc 8 ENOTSUP. In serial recovery only the bootloader's commands exist and, as MCUboot's boot_serial,
 * it answers `rc` only. What the firmware serves is a profile: our BMS (group 64; writes that change the
 * device need a technician session, R14, else rc 11 EACCESSDENIED) or a stock mcumgr build
 * (virtual-bms/mcumgr/: no group 64, no authentication, zcbor's indefinite-length maps).
 */
import type { CborMap } from '../../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand } from '../../protocol/smp/groups/bms-group';
import { ImageCommand, ImageRc, MgmtRc, OsCommand, SmpGroup } from '../../protocol/smp/smp-ids';
import { SmpOp, encodePacket, type SmpHeader, type SmpPacket } from '../../protocol/smp/smp-packet';
import * as bms from '../bms/bms-handlers';
import { broadcastChunk, broadcastStatus } from '../bms/broadcast-upload';
import type { DeviceContext } from '../device-context';
import { handleUpload } from './image-upload';
import { eraseSlot, slotInfo, stateRead, stateWrite } from './image-state';
import * as os from './os-handlers';
import { BadRequest, badRequestReply, mgmtError, type Reply } from './smp-reply';

export type Handler = (ctx: DeviceContext, body: CborMap) => Reply;
export interface Route {
  read?: Handler;
  write?: Handler;
}
export type RouteTable = Record<string, Route>;

export const routeKey = (group: number, command: number) => `${group}:${command}`;
const key = routeKey;

export interface SmpServerProfile {
  /** what the application serves */
  app: RouteTable;
  /** what MCUboot's serial recovery serves */
  recovery: RouteTable;
  /** writes refused without a technician session; undefined: the firmware has no authentication */
  protectedWrites?: ReadonlySet<string>;
  /** zcbor's default encoding: every map and array of a response with indefinite length */
  indefiniteMaps?: boolean;
  /** the v1 `rc` of a group error, for groups this profile adds (their *_mgmt_translate_error_code) */
  legacyRc?: Partial<Record<number, (rc: number) => number>>;
}

/** OS and image commands of the application and of MCUboot's recovery alike. */
export const OS_IMAGE_ROUTES: RouteTable = {
  [key(SmpGroup.os, OsCommand.echo)]: { read: os.echo, write: os.echo },
  [key(SmpGroup.os, OsCommand.reset)]: { write: os.reset },
  [key(SmpGroup.os, OsCommand.params)]: { read: os.params },
  [key(SmpGroup.os, OsCommand.bootloaderInfo)]: { read: os.bootloaderInfo },
  [key(SmpGroup.image, ImageCommand.upload)]: { write: handleUpload },
  [key(SmpGroup.image, ImageCommand.slotInfo)]: { read: slotInfo }
};

/** The application's image-state and erase commands. */
export const APP_IMAGE_ROUTES: RouteTable = {
  [key(SmpGroup.image, ImageCommand.state)]: { read: stateRead, write: stateWrite },
  [key(SmpGroup.image, ImageCommand.erase)]: { write: eraseSlot }
};

/** MCUboot's serial recovery (boot_serial.c): OS and image commands, image state read-only. */
export const RECOVERY_ROUTES: RouteTable = {
  ...OS_IMAGE_ROUTES,
  [key(SmpGroup.image, ImageCommand.state)]: { read: stateRead }
};

/** Our BMS group commands that our bootloader's recovery serves too. */
const BMS_BOOT_ROUTES: RouteTable = {
  [key(BMS_GROUP_ID, BmsCommand.identity)]: { read: bms.identity },
  [key(BMS_GROUP_ID, BmsCommand.auth)]: { read: bms.authChallenge, write: bms.authRespond },
  [key(BMS_GROUP_ID, BmsCommand.bootLog)]: { read: bms.bootLog }
};

const BMS_APP_ROUTES: RouteTable = {
  [key(BMS_GROUP_ID, BmsCommand.telemetry)]: { read: bms.telemetry },
  [key(BMS_GROUP_ID, BmsCommand.config)]: { read: bms.configRead, write: bms.configWrite },
  [key(BMS_GROUP_ID, BmsCommand.selfTest)]: { read: bms.selfTest },
  [key(BMS_GROUP_ID, BmsCommand.balanceTest)]: { write: bms.balanceTest },
  [key(BMS_GROUP_ID, BmsCommand.bcastChunk)]: { write: broadcastChunk },
  [key(BMS_GROUP_ID, BmsCommand.bcastStatus)]: { read: broadcastStatus }
};

/** Writes that change the device: refused without a technician session. */
const PROTECTED_WRITES = new Set([
  key(SmpGroup.os, OsCommand.reset),
  key(SmpGroup.image, ImageCommand.state),
  key(SmpGroup.image, ImageCommand.upload),
  key(SmpGroup.image, ImageCommand.erase),
  key(BMS_GROUP_ID, BmsCommand.config),
  key(BMS_GROUP_ID, BmsCommand.balanceTest),
  key(BMS_GROUP_ID, BmsCommand.bcastChunk)
]);

/** Our BMS firmware: group 64, technician sessions, definite-length CBOR. */
export const BMS_SERVER: SmpServerProfile = {
  app: { ...OS_IMAGE_ROUTES, ...APP_IMAGE_ROUTES, ...BMS_BOOT_ROUTES, ...BMS_APP_ROUTES },
  recovery: { ...RECOVERY_ROUTES, ...BMS_BOOT_ROUTES },
  protectedWrites: PROTECTED_WRITES
};

/** img_mgmt_translate_error_code: the v1 `rc` of an image-group error. */
function imageLegacyRc(rc: number): number {
  if (rc === ImageRc.NO_IMAGE || rc === ImageRc.NO_TLVS) return MgmtRc.NO_ENTRY;
  if (rc === ImageRc.NO_FREE_SLOT || rc === ImageRc.CURRENT_VERSION_IS_NEWER || rc === ImageRc.IMAGE_ALREADY_PENDING) {
    return MgmtRc.BAD_STATE;
  }
  if (rc === ImageRc.NO_FREE_MEMORY) return MgmtRc.NO_MEMORY;
  const invalid = [
    ImageRc.INVALID_SLOT,
    ImageRc.INVALID_PAGE_OFFSET,
    ImageRc.INVALID_OFFSET,
    ImageRc.INVALID_LENGTH,
    ImageRc.INVALID_IMAGE_HEADER,
    ImageRc.INVALID_HASH,
    ImageRc.INVALID_FLASH_ADDRESS
  ];
  return invalid.includes(rc) ? MgmtRc.INVALID : MgmtRc.UNKNOWN;
}

/** The `rc` a v1 client (or MCUboot's recovery) gets for a group error. */
export function legacyRc(group: number, rc: number, profile: SmpServerProfile = BMS_SERVER): number {
  const translate = profile.legacyRc?.[group];
  if (translate) return translate(rc);
  if (group === SmpGroup.image) return imageLegacyRc(rc);
  if (group === BMS_GROUP_ID) return MgmtRc.PER_USER + rc;
  // os_mgmt_translate_error_code: INVALID_FORMAT → EINVAL, the "no answer" family → ENOENT.
  if (group === SmpGroup.os) return rc === 2 ? MgmtRc.INVALID : rc >= 3 ? MgmtRc.NO_ENTRY : MgmtRc.UNKNOWN;
  return MgmtRc.UNKNOWN;
}

function replyBody(header: SmpHeader, reply: Reply, recovery: boolean, profile: SmpServerProfile): CborMap {
  const withReason = (body: CborMap, rsn: string | undefined) => (rsn === undefined ? body : { ...body, rsn });
  if (reply.kind === 'ok') return reply.body;
  if (reply.kind === 'rc') return withReason({ rc: reply.rc }, reply.rsn);
  if (header.version === 1 && !recovery) return withReason({ err: { group: reply.group, rc: reply.rc } }, reply.rsn);
  return withReason({ rc: legacyRc(reply.group, reply.rc, profile) }, reply.rsn);
}

export interface SmpAnswer {
  response: Uint8Array;
  /** simulated processing time (flash erases and writes, the balance test) */
  busyMs: number;
}

/** Handles one request; responses (op 1 or 3) sent to the device are ignored, as Zephyr does. */
export function handleSmpRequest(ctx: DeviceContext, packet: SmpPacket, profile: SmpServerProfile = BMS_SERVER): SmpAnswer | undefined {
  const { header, body } = packet;
  if (header.op !== SmpOp.read && header.op !== SmpOp.write) return undefined;
  const recovery = ctx.mode === 'recovery';
  const id = key(header.group, header.command);
  const route = (recovery ? profile.recovery : profile.app)[id];
  const handler = header.op === SmpOp.read ? route?.read : route?.write;
  const guarded = header.op === SmpOp.write && profile.protectedWrites?.has(id) === true;
  let reply: Reply;
  if (!handler) {
    reply = mgmtError(MgmtRc.NOT_SUPPORTED);
  } else if (guarded && !ctx.auth.active) {
    reply = mgmtError(MgmtRc.ACCESS_DENIED, 'a technician session is required (BMS group 64, command 5)');
  } else {
    if (guarded) ctx.auth.touch();
    try {
      reply = handler(ctx, body);
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      reply = badRequestReply(error);
    }
  }
  const busyMs = (reply.kind === 'ok' ? (reply.busyMs ?? 0) : 0) + ctx.layout.flash.takeBusyMs();
  const op = header.op === SmpOp.read ? SmpOp.readResponse : SmpOp.writeResponse;
  const response = encodePacket(
    {
      version: header.version,
      op,
      group: header.group,
      seq: header.seq,
      command: header.command,
      body: replyBody(header, reply, recovery, profile)
    },
    { indefinite: profile.indefiniteMaps }
  );
  return { response, busyMs };
}
