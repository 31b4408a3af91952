/**
 * File management (SMP group 8, Zephyr fs_mgmt, smp_group_8.rst) over a small file system in flash.
 * Download answers a chunk from `off` (with `len` on the first); upload at off 0 creates or truncates
 * the file and later chunks must continue where the last ended (Zephyr keeps one upload context).
 */
import type { CborMap } from '../../protocol/smp/cbor';
import { FsCommand, FsRc, MgmtRc, SmpGroup } from '../../protocol/smp/smp-ids';
import type { DeviceContext } from '../device-context';
import { routeKey, type RouteTable } from '../smp/smp-server';
import { BadRequest, bytesField, groupError, ok, textField, uintField, type Reply } from '../smp/smp-reply';

/** Room for the header and the other response fields in the device's buffer. */
const DOWNLOAD_OVERHEAD = 64;

export class FileStore {
  readonly files: Map<string, Uint8Array>;
  /** the one upload in progress (fs_mgmt_ctxt): file and next offset */
  upload: { name: string; off: number; len: number } | undefined;

  constructor(initial: Record<string, Uint8Array>) {
    this.files = new Map(Object.entries(initial).map(([name, bytes]) => [name, bytes.slice()]));
  }
}

const fsError = (rc: number, rsn: string) => groupError(SmpGroup.fs, rc, rsn);

function pathOf(body: CborMap): string {
  const name = textField(body, 'name');
  if (name === undefined) throw new BadRequest('"name" (text) is required');
  return name;
}

/** fs_mgmt_translate_error_code: the v1 `rc` of a file-system error. */
export function fsLegacyRc(rc: number): number {
  if (rc === FsRc.FILE_NOT_FOUND || rc === FsRc.MOUNT_POINT_NOT_FOUND) return MgmtRc.NO_ENTRY;
  if (rc === FsRc.FILE_INVALID_NAME || rc === FsRc.FILE_OFFSET_NOT_VALID || rc === FsRc.FILE_OFFSET_LARGER_THAN_FILE) {
    return MgmtRc.INVALID;
  }
  if (rc === FsRc.READ_ONLY_FILESYSTEM) return MgmtRc.ACCESS_DENIED;
  return MgmtRc.UNKNOWN;
}

export function fsRoutes(store: FileStore): RouteTable {
  const download = (ctx: DeviceContext, body: CborMap): Reply => {
    const name = pathOf(body);
    const off = uintField(body, 'off') ?? 0;
    if (!name.startsWith('/')) return fsError(FsRc.FILE_INVALID_NAME, 'the name must be an absolute path');
    const file = store.files.get(name);
    if (!file) return fsError(FsRc.FILE_NOT_FOUND, `no file ${name}`);
    if (off > file.length) return fsError(FsRc.FILE_OFFSET_LARGER_THAN_FILE, `offset ${off} beyond ${file.length} bytes`);
    const data = file.subarray(off, off + Math.max(32, ctx.limits.bufSize - DOWNLOAD_OVERHEAD));
    return ok(off === 0 ? { off, data, len: file.length } : { off, data });
  };
  const upload = (_ctx: DeviceContext, body: CborMap): Reply => {
    const name = pathOf(body);
    const off = uintField(body, 'off');
    const data = bytesField(body, 'data');
    const len = uintField(body, 'len');
    if (off === undefined || data === undefined) throw new BadRequest('"off" and "data" are required');
    if (!name.startsWith('/')) return fsError(FsRc.FILE_INVALID_NAME, 'the name must be an absolute path');
    if (off === 0) {
      if (len === undefined) throw new BadRequest('"len" is required with off 0');
      store.upload = { name, off: 0, len };
      store.files.set(name, new Uint8Array(0));
    }
    const session = store.upload;
    if (!session || session.name !== name || session.off !== off) {
      return fsError(FsRc.FILE_OFFSET_NOT_VALID, `expected offset ${session?.name === name ? session.off : 0}`);
    }
    if (off + data.length > session.len) return fsError(FsRc.FILE_WRITE_FAILED, 'data beyond the announced length');
    const before = store.files.get(name) ?? new Uint8Array(0);
    const after = new Uint8Array(before.length + data.length);
    after.set(before);
    after.set(data, before.length);
    store.files.set(name, after);
    session.off += data.length;
    if (session.off === session.len) store.upload = undefined;
    return ok({ off: off + data.length });
  };
  const status = (_ctx: DeviceContext, body: CborMap): Reply => {
    const name = pathOf(body);
    const file = store.files.get(name);
    return file ? ok({ len: file.length }) : fsError(FsRc.FILE_NOT_FOUND, `no file ${name}`);
  };
  return {
    [routeKey(SmpGroup.fs, FsCommand.file)]: { read: download, write: upload },
    [routeKey(SmpGroup.fs, FsCommand.status)]: { read: status }
  };
}
