/**
 * File management group (8, smp_group_8.rst): whole-file download and upload in chunks, and file
 * status. The device answers each download chunk with its offset (and the file length on the first);
 * an upload starts at off 0 with the length, then continues where the device says it is.
 * Errors are typed: SMP_FILE_NOT_FOUND, SMP_FILE_FAILED, SMP_NOT_SUPPORTED without a file-system group.
 */
import { fail } from '../../../errors';
import type { SmpClient } from '../smp-client';
import { FsCommand, SmpGroup } from '../smp-ids';
import { maybe, need } from './body-fields';
import type { CallOptions } from './os-group';

/** CBOR and SMP overhead of an upload request besides name and data (off, len, keys, header). */
const UPLOAD_OVERHEAD = 40;

export async function fileStatus(client: SmpClient, name: string, options: CallOptions = {}): Promise<{ len: number }> {
  const body = await client.request({ op: 'read', group: SmpGroup.fs, command: FsCommand.status, body: { name }, ...options });
  return { len: need(body, 'len', 'number', 'fs status') };
}

/** Downloads a whole file; `onProgress` gets the bytes received so far and the length. */
export async function downloadFile(
  client: SmpClient,
  name: string,
  options: CallOptions & { onProgress?: (done: number, total: number) => void } = {}
): Promise<Uint8Array> {
  const { onProgress, ...call } = options;
  const what = 'fs download';
  const parts: Uint8Array[] = [];
  let total: number | undefined;
  let off = 0;
  for (;;) {
    const body = await client.request({ op: 'read', group: SmpGroup.fs, command: FsCommand.file, body: { off, name }, ...call });
    const at = need(body, 'off', 'number', what);
    const data = need(body, 'data', 'bytes', what);
    if (off === 0) total = need(body, 'len', 'number', what);
    else maybe(body, 'len', 'number', what);
    if (at !== off) fail('SMP_RESPONSE_INVALID', `${what}: asked for offset ${off}, got ${at}`);
    parts.push(data);
    off += data.length;
    const length = total as number;
    onProgress?.(off, length);
    if (off >= length) break;
    if (data.length === 0) fail('SMP_RESPONSE_INVALID', `${what}: no data at offset ${off} of ${length}`);
  }
  const out = new Uint8Array(off);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out.subarray(0, total);
}

/** Uploads a whole file (replacing it), in chunks that fit the device's buffer. */
export async function uploadFile(client: SmpClient, name: string, bytes: Uint8Array, options: CallOptions = {}): Promise<void> {
  const nameBytes = new TextEncoder().encode(name).length;
  const chunk = client.limits.bufSize - UPLOAD_OVERHEAD - nameBytes;
  if (chunk < 16) fail('SMP_UPLOAD_BUFFER_TOO_SMALL', `buffer of ${client.limits.bufSize} bytes leaves ${chunk} for file data`);
  let off = 0;
  do {
    const data = bytes.subarray(off, off + chunk);
    const body = await client.request({
      op: 'write',
      group: SmpGroup.fs,
      command: FsCommand.file,
      body: off === 0 ? { off, data, name, len: bytes.length } : { off, data, name },
      ...options
    });
    const next = need(body, 'off', 'number', 'fs upload');
    if (next !== off + data.length) fail('SMP_RESPONSE_INVALID', `fs upload: sent up to ${off + data.length}, device at ${next}`);
    off = next;
  } while (off < bytes.length);
}
