/**
 * The record of a bank campaign (docs/rs485.md), kept in a store after every unit so that a campaign
 * cut short (power cut, closed tab, Ctrl-C) resumes where it stopped: units already updated are not
 * touched again. It is also the campaign report: per unit, the outcome, the versions before and after
 * as read back from the unit, durations and readings.
 */
import type { ErrorData } from '../../errors';
import type { RecordStore } from '../../backup/record-store';
import type { UnitReadings } from '../../protocol/rs485/scan-bus';
import type { ChecklistAnswers } from '../checklist';
import type { UpdateOutcome } from '../update-state';

export type CampaignUnitOutcome = UpdateOutcome | 'missing';

export interface CampaignUnitRecord {
  address: number;
  outcome: CampaignUnitOutcome;
  serial?: string;
  versionBefore?: string;
  /** read back from the unit after its procedure */
  versionAfter?: string;
  /** the running image is confirmed (read back) */
  confirmed?: boolean;
  /** how the image reached it */
  transfer: 'broadcast' | 'unit-by-unit';
  durationMs: number;
  /** the procedure's transfer phase on this unit */
  transferMs?: number;
  readings?: UnitReadings;
  reportId?: string;
  error?: ErrorData;
}

export type CampaignStatus = 'running' | 'complete' | 'stopped' | 'interrupted';

export interface CampaignRecord {
  id: string;
  /** SHA-256 of the image file, hex: a resume must bring the same file */
  imageSha: string;
  imageVersion: string;
  addresses: number[];
  continueOnFailure: boolean;
  status: CampaignStatus;
  startedAt: string;
  updatedAt: string;
  checklist: ChecklistAnswers;
  /** the image's trip to every broadcast-capable unit at once, when there was one */
  broadcastMs?: number;
  /** the latest result of each unit reached, in campaign order */
  units: CampaignUnitRecord[];
}

const STATUSES: readonly CampaignStatus[] = ['running', 'complete', 'stopped', 'interrupted'];

function isCampaignRecord(value: unknown): value is CampaignRecord {
  const v = value as Partial<CampaignRecord> | undefined;
  return (
    typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.imageSha === 'string' && Array.isArray(v.addresses) &&
    Array.isArray(v.units) && STATUSES.includes(v.status as CampaignStatus)
  );
}

export interface CampaignStore {
  load(id: string): Promise<CampaignRecord | undefined>;
  save(record: CampaignRecord): Promise<void>;
}

export function createCampaignStore(records: RecordStore): CampaignStore {
  return {
    async load(id) {
      const value = await records.get(id);
      return isCampaignRecord(value) ? value : undefined;
    },
    save: (record) => records.put(record.id, record)
  };
}

/** The unit's entry, replacing an earlier attempt. */
export function putUnit(record: CampaignRecord, unit: CampaignUnitRecord): void {
  record.units = [...record.units.filter((u) => u.address !== unit.address), unit].sort(
    (a, b) => record.addresses.indexOf(a.address) - record.addresses.indexOf(b.address)
  );
}
