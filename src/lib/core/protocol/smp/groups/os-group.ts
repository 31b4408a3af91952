/** OS group (0): echo, reset, mcumgr params, OS info, bootloader info (smp_group_0.rst). */
import { isBmsError } from '../../../errors';
import type { CborMap } from '../cbor';
import type { SmpClient, SmpLimits } from '../smp-client';
import { OsCommand, SmpGroup } from '../smp-ids';
import { maybe, need } from './body-fields';

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** resends after a timeout; 0 for a single-shot probe (link test) */
  retries?: number;
}

/** Sends `text` and resolves with the device's echo of it. */
export async function echo(client: SmpClient, text: string, options: CallOptions = {}): Promise<string> {
  const body = await client.request({
    op: 'write',
    group: SmpGroup.os,
    command: OsCommand.echo,
    body: { d: text },
    idempotent: true,
    ...options
  });
  return need(body, 'r', 'string', 'os echo');
}

/**
 * Asks the device to reset. It answers first, then resets; never resent (a late answer to the first
 * request would reset it twice). `force` asks newer Zephyr servers to reset even when a handler objects.
 */
export async function reset(client: SmpClient, options: CallOptions & { force?: boolean } = {}): Promise<void> {
  const { force, ...call } = options;
  await client.request({
    op: 'write',
    group: SmpGroup.os,
    command: OsCommand.reset,
    body: force ? { force: true } : {},
    idempotent: false,
    ...call
  });
}

export interface McumgrParams {
  bufSize: number;
  bufCount: number;
}

export async function params(client: SmpClient, options: CallOptions = {}): Promise<McumgrParams> {
  const body = await client.request({ op: 'read', group: SmpGroup.os, command: OsCommand.params, ...options });
  const bufSize = need(body, 'buf_size', 'number', 'os params');
  const bufCount = need(body, 'buf_count', 'number', 'os params');
  return { bufSize, bufCount };
}

/** `query` "mode" asks MCUboot's mode on Zephyr (answer {"mode": int, "no-downgrade"?: bool}). */
export async function bootloaderInfo(client: SmpClient, query?: string, options: CallOptions = {}): Promise<CborMap> {
  return client.request({
    op: 'read',
    group: SmpGroup.os,
    command: OsCommand.bootloaderInfo,
    body: query === undefined ? {} : { query },
    ...options
  });
}

/**
 * OS/application info (cmd 7), uname-like: each `format` letter adds a word (s kernel name, n node,
 * r release, v version, b build date, m machine, p processor, i hardware platform, o OS, a all).
 */
export async function osInfo(client: SmpClient, format?: string, options: CallOptions = {}): Promise<string> {
  const body = await client.request({
    op: 'read',
    group: SmpGroup.os,
    command: OsCommand.info,
    body: format === undefined ? {} : { format },
    ...options
  });
  return need(body, 'output', 'string', 'os info');
}

export interface BootloaderMode {
  /** the bootloader's name (cmd 8 without a query): "MCUboot" */
  name: string;
  /** enum mcuboot_mode (McubootMode in smp-ids.ts) when the bootloader is MCUboot */
  mode?: number;
  /** MCUboot refuses downgrades */
  noDowngrade?: boolean;
}

/** Bootloader name and, for MCUboot, its mode: whether a fallback (swap with revert) exists at all. */
export async function bootloaderMode(client: SmpClient, options: CallOptions = {}): Promise<BootloaderMode> {
  const name = need(await bootloaderInfo(client, undefined, options), 'bootloader', 'string', 'bootloader info');
  if (name !== 'MCUboot') return { name };
  const body = await bootloaderInfo(client, 'mode', options);
  const mode = need(body, 'mode', 'number', 'bootloader info');
  const noDowngrade = maybe(body, 'no-downgrade', 'boolean', 'bootloader info');
  return noDowngrade === undefined ? { name, mode } : { name, mode, noDowngrade };
}

export interface NegotiatedLimits {
  limits: SmpLimits;
  /** 'device' when OS params answered, 'profile' when the profile defaults stay in force */
  source: 'device' | 'profile';
}

/**
 * Learns buf_size and buf_count from OS params and applies them to the client. MCUboot built without
 * MCUBOOT_BOOT_MGMT_MCUMGR_PARAMS answers ENOTSUP and some old servers stay silent: both keep the
 * profile's values. The line length is never reported by the device, so it stays the profile's.
 */
export async function negotiateLimits(client: SmpClient, options: CallOptions = {}): Promise<NegotiatedLimits> {
  try {
    const { bufSize, bufCount } = await params(client, { timeoutMs: 1500, retries: 1, ...options });
    if (bufSize >= 32 && bufCount >= 1) {
      client.setLimits({ bufSize, bufCount: Math.floor(bufCount) });
      return { limits: client.limits, source: 'device' };
    }
  } catch (error) {
    const fallback = ['SMP_NOT_SUPPORTED', 'SMP_TIMEOUT', 'SMP_DEVICE_ERROR', 'SMP_RESPONSE_INVALID'];
    if (!isBmsError(error) || !fallback.includes(error.code)) throw error;
  }
  return { limits: client.limits, source: 'profile' };
}
