/**
 * The session service over a Bluetooth link (R13), wired as the page wires it: the Web Bluetooth link on
 * the page side (here over the stand-in BluetoothDevice and the virtual BMS GATT endpoint), its bytes
 * bridged by a MessagePort to the service, which picks raw SMP framing from the link kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupStore } from '../../../core/backup/backup-store';
import { createMemoryRecordStore } from '../../../core/backup/record-store';
import { makeTestFirmware } from '../../../core/virtual-bms/firmware-behaviour';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../../core/image/test-keys';
import { createVirtualBms } from '../../../core/virtual-bms/virtual-bms';
import { createReportStore } from '../../../core/report/update-report';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../../../core/update/checklist';
import { secretKeySigner } from '../../../core/family/technician-signer';
import { BENCH_LIMITS, BENCH_SESSION, BENCH_TIMINGS, fastClock, untilRunning } from '../../../core/update/testing/virtual-bench';
import { buildCatalog } from '../../../../../scripts/catalog/build-catalog';
import { FakeBluetoothDevice } from '../testing/fake-bluetooth-device';
import { openWebBluetoothLink } from '../links/web-bluetooth-link';
import { pumpLinkToMessagePort, type BridgePort } from './link-bridge';
import { createSessionService } from './session-service';

// Over Bluetooth the tool sees a real port, where the published test keys are withheld (R24): the
// bench's images are signed with one, so the test turns on the developer setting that trusts them.
const trust = { trustedKeys: [VENDOR_TEST_KEY], testKeysOnRealPorts: true };
const checklist: ChecklistAnswers = { operator: 'Ada', confirmed: CHECKLIST_ITEMS.map((i) => i.id), at: '2025-01-01T00:00:00.000Z' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connectOverBluetooth() {
  const bms = createVirtualBms({ clock: fastClock(10) });
  await untilRunning(bms);
  const stores = { backups: createBackupStore(createMemoryRecordStore()), reports: createReportStore(createMemoryRecordStore()) };
  const service = createSessionService({
    stores,
    technicianKey: async () => secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'bench technician'),
    tool: 'bms-flasher (Bluetooth session test)',
    session: BENCH_SESSION,
    timings: BENCH_TIMINGS,
    limits: BENCH_LIMITS
  });
  const link = await openWebBluetoothLink(new FakeBluetoothDevice(bms.gatt, { name: 'VBMS' }));
  const channel = new MessageChannel();
  pumpLinkToMessagePort(link, channel.port1 as unknown as BridgePort);
  cleanups.push(() => bms.powerOff(), () => service.disconnect());
  const connected = await service.connectPort(channel.port2, { ...link.info });
  return { bms, service, stores, connected };
}

describe('session service over Web Bluetooth', () => {
  it('R13 refuses the safety-critical catalog image over Bluetooth, nothing written; a normal image updates', async () => {
    const { bms, service, stores, connected } = await connectOverBluetooth();
    expect(connected).toMatchObject({ ok: true, value: { identity: { serial: 'VB2400001' }, link: { kind: 'ble', wired: false } } });

    const { catalog, files } = buildCatalog();
    const entry = catalog.images.find((image) => image.safetyCritical)!;
    const critical = files.find((file) => file.path === entry.path)!.bytes;
    const refused = await service.startUpdate(critical.slice().buffer, { ...trust, checklist });
    expect(refused).toMatchObject({ ok: true, value: { phase: 'failed', outcome: 'blocked', error: { code: 'UPDATE_SAFETY_CRITICAL_OVER_WIRELESS' } } });
    expect(bms.flashOps().upload ?? 0).toBe(0);
    expect(await stores.backups.list()).toEqual([]);

    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 12_000 });
    const final = await service.startUpdate(image.slice().buffer, { ...trust, checklist });
    if (!final.ok) throw new Error(final.error.code);
    if (final.value.phase === 'failed') throw new Error(`${final.value.error.code} ${final.value.error.detail}`);
    expect(final.value).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(final.value.report.checks.find((check) => check.id === 'interface')).toMatchObject({ status: 'warn' });
    expect(await service.identity()).toMatchObject({ ok: true, value: { fw_version: '1.1.0+0', sec_cnt: 2 } });
  });
});
