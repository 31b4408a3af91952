import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupStore } from '../../../core/backup/backup-store';
import { createMemoryRecordStore } from '../../../core/backup/record-store';
import { createReportStore } from '../../../core/report/update-report';
import { fastClock } from '../../../core/update/testing/virtual-bench';
import { memoryBoardSlot } from '../virtual-bms/board-store';
import { TECHNICIAN_TEST_PUBLIC_KEY } from '../../../core/image/test-keys';
import { createVirtualBmsService } from '../virtual-bms/virtual-bms-service';
import type { SessionEvent, SessionService } from './session-api';
import { createSessionService } from './session-service';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The worker boundary without a Worker: Comlink over a MessageChannel, as between the page and the worker. */
function overComlink(service: SessionService): SessionService {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(service, port1);
  const remote = Comlink.wrap<SessionService>(port2);
  closers.push(() => {
    remote[Comlink.releaseProxy]();
    port1.close();
  });
  return remote as unknown as SessionService;
}

describe('session service across Comlink', () => {
  it('error codes survive the trip (a thrown BmsError would arrive as a bare Error)', async () => {
    const stores = { backups: createBackupStore(createMemoryRecordStore()), reports: createReportStore(createMemoryRecordStore()) };
    const remote = overComlink(createSessionService({ stores, technicianKey: async () => undefined, tool: 'test' }));
    expect(await remote.telemetry()).toEqual({ ok: false, error: { code: 'LINK_NOT_CONNECTED', detail: 'no device session is open' } });
  });

  it('a transferred line port and proxied listeners work: connect, read, hear the cut', async () => {
    const vbms = createVirtualBmsService({ slot: memoryBoardSlot(), clock: fastClock(10), appKey: async () => TECHNICIAN_TEST_PUBLIC_KEY });
    closers.push(() => vbms.shutdown());
    const stores = { backups: createBackupStore(createMemoryRecordStore()), reports: createReportStore(createMemoryRecordStore()) };
    const service = createSessionService({ stores, technicianKey: async () => undefined, tool: 'test', session: { paramsTimeoutMs: 200 } });
    closers.push(() => service.disconnect());
    const remote = overComlink(service);
    const line = await vbms.openLine();
    if (!line.ok) throw new Error(line.error.code);
    const events: SessionEvent[] = [];
    const connected = await remote.connectPort(
      Comlink.transfer(line.value.port, [line.value.port]),
      line.value.info,
      Comlink.proxy((event: SessionEvent) => void events.push(event))
    );
    expect(connected).toMatchObject({ ok: true, value: { identity: { serial: 'VB2400001' } } });
    await vbms.dropLines();
    await expect.poll(() => events.map((e) => e.type)).toEqual(['disconnected']);
  });
});
