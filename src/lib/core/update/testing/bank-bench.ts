/**
 * A bank of virtual units on one RS485 bus with everything a campaign needs: the host's bus client, a
 * session per unit over its addressed link, memory stores and the test keys (tests and `npm run bench`).
 */
import { createBackupStore } from '../../backup/backup-store';
import { createMemoryRecordStore } from '../../backup/record-store';
import { createSmpDeviceSession } from '../../family/bms/smp-device-session';
import { secretKeySigner } from '../../family/technician-signer';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../image/test-keys';
import { createReportStore } from '../../report/update-report';
import type { BankUnitSpec } from '../../virtual-bms/bus/bank';
import { bankRig, type BankRig } from './bank-rig';
import { createCampaignStore } from '../campaign/campaign-record';
import type { CampaignOptions, CampaignUnitAccess } from '../campaign/run-campaign';
import { CHECKLIST_ITEMS } from '../checklist';
import { BENCH_LIMITS, BENCH_SESSION, BENCH_TIMINGS } from './virtual-bench';

export interface BankBench {
  rig: BankRig;
  /** runCampaign options for these units; override what a test changes */
  campaign(image: Uint8Array, overrides?: Partial<CampaignOptions>): CampaignOptions;
  stop(): Promise<void>;
}

export function createBankBench(specs: BankUnitSpec[], options: { baudRate?: number; speed?: number } = {}): BankBench {
  const speed = options.speed ?? 10;
  const rig = bankRig(specs, { baudRate: options.baudRate, speed });
  const update: CampaignOptions['update'] = {
    store: { backups: createBackupStore(createMemoryRecordStore()), reports: createReportStore(createMemoryRecordStore()) },
    trustedKeys: [VENDOR_TEST_KEY],
    technicianKey: secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'bank technician'),
    limits: BENCH_LIMITS,
    timings: BENCH_TIMINGS,
    tool: 'bms-flasher (bank bench)'
  };
  const store = createCampaignStore(createMemoryRecordStore());
  const openUnit = async (address: number): Promise<CampaignUnitAccess> => {
    const session = createSmpDeviceSession({ link: rig.host.unit(address), ...BENCH_SESSION, client: { timeoutMs: 400, retries: 2 }, deviceClockRate: speed });
    return { session, smp: session.client, close: () => session.close() };
  };
  return {
    rig,
    campaign: (image, overrides = {}) => ({
      image,
      addresses: rig.units.flatMap((u) => (u.address === undefined ? [] : [u.address])),
      bus: rig.host,
      openUnit,
      update,
      checklist: { operator: 'bank operator', confirmed: CHECKLIST_ITEMS.map((i) => i.id), at: new Date().toISOString() },
      store,
      ...overrides
    }),
    stop: () => rig.stop()
  };
}
