/**
 * A bank campaign (docs/rs485.md): the chosen units of one RS485 bus updated with one image, under one
 * site checklist, each through the full safe procedure (runUpdate) in turn over its addressed link.
 * Where units announce the broadcast extension the image first travels once to all of them, so each
 * unit's own transfer phase only completes it. The campaign stops at the first unit that is not
 * updated unless told to continue, records every unit as it finishes, and a later call with the
 * campaign's id resumes it: units already updated are not touched again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fail, isBmsError, toErrorData } from '../../errors';
import type { DeviceSession } from '../../family/device-session';
import { authenticate } from '../../family/authenticate';
import { parseImage } from '../../image/parse-image';
import { formatVersion } from '../../image/version';
import { broadcastImage } from '../../protocol/rs485/broadcast-upload';
import type { Rs485Bus } from '../../protocol/rs485/rs485-bus';
import { BmsCapability } from '../../protocol/smp/groups/bms-group';
import { toHex } from '../../protocol/smp/hex';
import type { SmpClient } from '../../protocol/smp/smp-client';
import type { ChecklistAnswers } from '../checklist';
import { runUpdate } from '../run-update';
import type { UpdateOptions } from '../update-context';
import { putUnit, type CampaignRecord, type CampaignStore, type CampaignUnitRecord } from './campaign-record';

/** One unit as the campaign reaches it: the procedure's session and, for our family, its SMP client. */
export interface CampaignUnitAccess {
  session: DeviceSession;
  /** our family's client on the unit's addressed link (for the broadcast transfer) */
  smp?: SmpClient;
  close(): Promise<void>;
}

export type CampaignEvent =
  /** the image went once to `units` units; `ready` of them hold it all but its last chunk */
  | { type: 'broadcast'; units: number; ready: number; ms: number }
  | { type: 'unit-start'; address: number }
  | { type: 'unit-done'; unit: CampaignUnitRecord };

export interface CampaignOptions {
  image: Uint8Array;
  /** units to update, in order (ignored on resume: the record's own) */
  addresses: number[];
  bus: Rs485Bus;
  openUnit(address: number): Promise<CampaignUnitAccess>;
  /** everything runUpdate needs but the session, checklist and signal */
  update: Omit<UpdateOptions, 'session' | 'checklist' | 'signal'>;
  /** one site checklist for the whole bank */
  checklist: ChecklistAnswers;
  store: CampaignStore;
  /** the id of an earlier campaign to resume */
  resume?: string;
  continueOnFailure?: boolean;
  /** false: every unit gets the image on its own (default: broadcast where units support it) */
  broadcast?: boolean;
  signal?: AbortSignal;
  now?: () => number;
  onEvent?: (event: CampaignEvent) => void;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignRecord> {
  const now = options.now ?? (() => Date.now());
  const record = await openRecord(options, now);
  const save = async () => {
    record.updatedAt = new Date(now()).toISOString();
    await options.store.save(record);
  };
  record.status = 'running';
  await save();
  const todo = record.addresses.filter((a) => record.units.find((u) => u.address === a)?.outcome !== 'updated');
  const open = new Map<number, CampaignUnitAccess>();
  const access = async (address: number) => open.get(address) ?? open.set(address, await options.openUnit(address)).get(address)!;
  try {
    const broadcastTo = options.broadcast === false ? new Set<number>() : await broadcast(options, todo, access, record, now);
    for (const address of todo) {
      if (options.signal?.aborted) {
        record.status = 'interrupted';
        return record;
      }
      options.onEvent?.({ type: 'unit-start', address });
      const unit = await updateUnit(options, address, await access(address), broadcastTo.has(address), now);
      putUnit(record, unit);
      await save();
      options.onEvent?.({ type: 'unit-done', unit });
      if (options.signal?.aborted && unit.outcome !== 'updated') {
        record.status = 'interrupted';
        return record;
      }
      if (unit.outcome !== 'updated' && !record.continueOnFailure) {
        record.status = 'stopped';
        return record;
      }
    }
    record.status = record.units.every((u) => u.outcome === 'updated') && record.units.length === record.addresses.length ? 'complete' : 'stopped';
    return record;
  } finally {
    await save();
    await Promise.all([...open.values()].map((unit) => unit.close()));
  }
}

async function openRecord(options: CampaignOptions, now: () => number): Promise<CampaignRecord> {
  const imageSha = toHex(sha256(options.image));
  if (options.resume) {
    const saved = await options.store.load(options.resume);
    if (!saved) fail('RS485_CAMPAIGN_MISMATCH', `no campaign ${options.resume} in the store`);
    if (saved.imageSha !== imageSha) fail('RS485_CAMPAIGN_MISMATCH', `campaign ${saved.id} installs ${saved.imageVersion} (sha ${saved.imageSha.slice(0, 16)}…), not this file`);
    return saved;
  }
  const startedAt = new Date(now()).toISOString();
  return {
    id: `bank-${startedAt}`,
    imageSha,
    imageVersion: formatVersion(parseImage(options.image).header.version),
    addresses: [...options.addresses],
    continueOnFailure: options.continueOnFailure ?? false,
    status: 'running',
    startedAt,
    updatedAt: startedAt,
    checklist: options.checklist,
    units: []
  };
}

/**
 * The image once for every unit that announces the extension and lets the technician in; returns the
 * units that hold it all but its last chunk. Any unit left out simply gets the whole image in its turn.
 */
async function broadcast(
  options: CampaignOptions,
  todo: number[],
  access: (address: number) => Promise<CampaignUnitAccess>,
  record: CampaignRecord,
  now: () => number
): Promise<Set<number>> {
  const targets: { address: number; client: SmpClient }[] = [];
  for (const address of todo) {
    try {
      const unit = await access(address);
      const id = await unit.session.identity();
      if (!unit.smp || id.in_bootloader || !id.caps?.includes(BmsCapability.broadcast)) continue;
      await authenticate(unit.session, options.update.technicianKey, id.serial);
      targets.push({ address, client: unit.smp });
    } catch (error) {
      // A unit that does not answer now is dealt with (and reported) in its own turn.
      if (!isBmsError(error)) throw error;
    }
  }
  // One unit gains nothing from a broadcast: its own upload is the same trip.
  if (targets.length < 2) return new Set();
  const started = now();
  const result = await broadcastImage(options.bus, targets, options.image, { signal: options.signal });
  record.broadcastMs = now() - started;
  const ready = result.units.filter((u) => u.ready).map((u) => u.address);
  options.onEvent?.({ type: 'broadcast', units: targets.length, ready: ready.length, ms: record.broadcastMs });
  return new Set(ready);
}

async function updateUnit(options: CampaignOptions, address: number, unit: CampaignUnitAccess, viaBroadcast: boolean, now: () => number): Promise<CampaignUnitRecord> {
  const started = now();
  const transfer = viaBroadcast ? 'broadcast' : 'unit-by-unit';
  const before = await unit.session.identity().catch(() => undefined);
  if (!before) return { address, outcome: 'missing', transfer, durationMs: now() - started, error: { code: 'UPDATE_DEVICE_LOST', detail: `unit ${address} does not answer on the bus` } };
  const final = await runUpdate(options.image, { ...options.update, session: unit.session, checklist: options.checklist, signal: options.signal });
  const report = final.report;
  const record: CampaignUnitRecord = {
    address,
    outcome: final.outcome,
    serial: before.serial,
    versionBefore: before.fw_version,
    transfer,
    durationMs: now() - started,
    transferMs: report.phases.find((p) => p.phase === 'transfer')?.durationMs,
    reportId: report.id,
    error: final.phase === 'failed' ? final.error : final.cause
  };
  // What the unit runs now, read back rather than taken from the procedure's word.
  try {
    const after = await unit.session.identity();
    const slots = await unit.session.imageState();
    // A family without battery readings has none to record.
    const readings = await unit.session.battery?.telemetry();
    record.versionAfter = after.fw_version;
    record.confirmed = slots.some((s) => s.slot === 0 && s.active && s.confirmed);
    if (readings) record.readings = { socPm: readings.soc_pm, packMv: readings.pack_mv, currentMa: readings.current_ma };
  } catch (error) {
    record.error ??= toErrorData(error);
  }
  return record;
}
