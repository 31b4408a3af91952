/** Typed calls of the BMS management group (groups/bms-group.ts). */
import type { CborMap } from '../cbor';
import { LONG_TIMEOUT_MS, type SmpClient } from '../smp-client';
import {
  BMS_GROUP_ID,
  BmsCommand,
  type AuthChallenge,
  type AuthGranted,
  type AuthResponse,
  type BalanceTestReport,
  type BmsConfig,
  type BmsIdentity,
  type BmsTelemetry,
  type BootEvent,
  type SelfTestReport
} from './bms-group';
import { need, needList, needMaps } from './body-fields';
import type { CallOptions } from './os-group';

type Command = (typeof BmsCommand)[keyof typeof BmsCommand];

async function read(client: SmpClient, command: Command, options: CallOptions): Promise<CborMap> {
  return client.request({ op: 'read', group: BMS_GROUP_ID, command, ...options });
}

export async function identity(client: SmpClient, options: CallOptions = {}): Promise<BmsIdentity> {
  const body = await read(client, BmsCommand.identity, options);
  const what = 'bms identity';
  return {
    model: need(body, 'model', 'string', what),
    serial: need(body, 'serial', 'string', what),
    hw_rev: need(body, 'hw_rev', 'string', what),
    bl_version: need(body, 'bl_version', 'string', what),
    fw_version: need(body, 'fw_version', 'string', what),
    fw_hash: need(body, 'fw_hash', 'bytes', what),
    sec_cnt: need(body, 'sec_cnt', 'number', what),
    in_bootloader: need(body, 'in_bootloader', 'boolean', what),
    // Older firmware announces no extensions.
    ...(body.caps === undefined ? {} : { caps: needList(body, 'caps', 'string', what) })
  };
}

export async function telemetry(client: SmpClient, options: CallOptions = {}): Promise<BmsTelemetry> {
  const body = await read(client, BmsCommand.telemetry, options);
  const what = 'bms telemetry';
  return {
    soc_pm: need(body, 'soc_pm', 'number', what),
    pack_mv: need(body, 'pack_mv', 'number', what),
    supply_mv: need(body, 'supply_mv', 'number', what),
    current_ma: need(body, 'current_ma', 'number', what),
    cells_mv: needList(body, 'cells_mv', 'number', what),
    temps_dc: needList(body, 'temps_dc', 'number', what, true),
    balancing: needList(body, 'balancing', 'boolean', what),
    protections: need(body, 'protections', 'number', what),
    chg_fet: need(body, 'chg_fet', 'boolean', what),
    dsg_fet: need(body, 'dsg_fet', 'boolean', what),
    cycles: need(body, 'cycles', 'number', what),
    uptime_ms: need(body, 'uptime_ms', 'number', what)
  };
}

function parseConfig(body: CborMap, what: string): BmsConfig {
  const config = need(body, 'config', 'map', what);
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'number' && typeof value !== 'string') need(config, key, 'number', what);
  }
  return config as BmsConfig;
}

export async function readConfig(client: SmpClient, options: CallOptions = {}): Promise<BmsConfig> {
  return parseConfig(await read(client, BmsCommand.config, options), 'bms config');
}

/** Writes some settings (the device checks ranges and conflicts) and resolves with the whole new config. */
export async function writeConfig(client: SmpClient, changes: Partial<BmsConfig>, options: CallOptions = {}): Promise<BmsConfig> {
  const config = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as BmsConfig;
  const body = await client.request({
    op: 'write',
    group: BMS_GROUP_ID,
    command: BmsCommand.config,
    body: { config },
    // Writing the same values twice leaves the same configuration.
    idempotent: true,
    ...options
  });
  return parseConfig(body, 'bms config write');
}

export async function selfTest(client: SmpClient, options: CallOptions = {}): Promise<SelfTestReport> {
  const what = 'bms selfTest';
  const body = await read(client, BmsCommand.selfTest, options);
  return {
    done: need(body, 'done', 'boolean', what),
    pass: need(body, 'pass', 'boolean', what),
    items: needMaps(body, 'items', what).map((item) => ({
      name: need(item, 'name', 'string', what),
      pass: need(item, 'pass', 'boolean', what),
      value: need(item, 'value', 'number', what),
      limit: need(item, 'limit', 'number', what),
      detail: need(item, 'detail', 'string', what)
    }))
  };
}

/** Runs the cell-balancing test (R20): takes a few seconds; never resent (it would run twice). */
export async function balanceTest(client: SmpClient, options: CallOptions = {}): Promise<BalanceTestReport> {
  const what = 'bms balanceTest';
  const body = await client.request({
    op: 'write',
    group: BMS_GROUP_ID,
    command: BmsCommand.balanceTest,
    body: {},
    idempotent: false,
    timeoutMs: LONG_TIMEOUT_MS,
    ...options
  });
  return {
    pass: need(body, 'pass', 'boolean', what),
    cells: needMaps(body, 'cells', what).map((cell) => ({
      index: need(cell, 'index', 'number', what),
      before_mv: need(cell, 'before_mv', 'number', what),
      after_mv: need(cell, 'after_mv', 'number', what),
      ok: need(cell, 'ok', 'boolean', what)
    }))
  };
}

/** A fresh challenge; not resent, because each request replaces the previous challenge on the device. */
export async function authChallenge(client: SmpClient, options: CallOptions = {}): Promise<AuthChallenge> {
  const what = 'bms auth challenge';
  const body = await client.request({ op: 'read', group: BMS_GROUP_ID, command: BmsCommand.auth, retries: 0, ...options });
  return { nonce: need(body, 'nonce', 'bytes', what), serial: need(body, 'serial', 'string', what) };
}

/** Answers the challenge (R14); a challenge is valid for one answer, so this is never resent. */
export async function authRespond(client: SmpClient, response: AuthResponse, options: CallOptions = {}): Promise<AuthGranted> {
  const body = await client.request({
    op: 'write',
    group: BMS_GROUP_ID,
    command: BmsCommand.auth,
    body: { pubkey: response.pubkey, sig: response.sig },
    idempotent: false,
    ...options
  });
  return { idle_timeout_s: need(body, 'idle_timeout_s', 'number', 'bms auth') };
}

export async function bootLog(client: SmpClient, options: CallOptions = {}): Promise<BootEvent[]> {
  const what = 'bms bootLog';
  const body = await read(client, BmsCommand.bootLog, options);
  return needMaps(body, 'events', what).map((event) => ({
    t_ms: need(event, 't_ms', 'number', what),
    phase: need(event, 'phase', 'string', what),
    detail: need(event, 'detail', 'string', what)
  }));
}
