import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../../core/backup/config-backup';
import { createBackupStore } from '../../../core/backup/backup-store';
import { createMemoryRecordStore } from '../../../core/backup/record-store';
import { makeTestFirmware } from '../../../core/virtual-bms/firmware-behaviour';
import { VENDOR_TEST_KEY } from '../../../core/image/test-keys';
import { createReportStore } from '../../../core/report/update-report';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../../../core/update/checklist';
import { BENCH_LIMITS, BENCH_SESSION, BENCH_TIMINGS, fastClock } from '../../../core/update/testing/virtual-bench';
import type { LinkInfo } from '../../../core/link/link';
import type { UpdateStores } from '../../../core/update/update-context';
import type { UpdateState } from '../../../core/update/update-state';
import { createTechnicianKey, loadTechnicianKey, type KeyPairSlot } from '../storage/technician-key';
import { memoryBoardSlot, type BoardSlot } from '../virtual-bms/board-store';
import { createVirtualBmsService, type VirtualBmsService } from '../virtual-bms/virtual-bms-service';
import type { SessionEvent, SessionService } from './session-api';
import { createSessionService } from './session-service';
import { checkText } from '../../../core/update/checks/check-result';

const trustedKeys = [VENDOR_TEST_KEY];
const checklist: ChecklistAnswers = { operator: 'Ada', confirmed: CHECKLIST_ITEMS.map((i) => i.id), at: '2025-01-01T00:00:00.000Z' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function keySlot(): KeyPairSlot {
  const map = new Map();
  return { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), del: async (k) => void map.delete(k) };
}

interface Rig {
  vbms: VirtualBmsService;
  service: SessionService;
  stores: UpdateStores;
  board: BoardSlot;
  events: SessionEvent[];
  /** `as` relabels the line, e.g. as a USB-serial adapter */
  connect(options?: { baudRate?: number; as?: Partial<LinkInfo> }): ReturnType<SessionService['connectPort']>;
}

/**
 * The two workers' modules, wired as the page wires them, with a WebCrypto technician key. The line is
 * unpaced (the panel's option) unless `paced`: these tests are about the procedure, not line time.
 */
async function rig(board: BoardSlot = memoryBoardSlot(), { paced = false } = {}): Promise<Rig> {
  const keys = keySlot();
  await createTechnicianKey('This browser', keys);
  const vbms = createVirtualBmsService({
    slot: board,
    clock: fastClock(10),
    saveEveryMs: 20,
    appKey: async () => (await loadTechnicianKey(keys))!.publicKey
  });
  const stores = { backups: createBackupStore(createMemoryRecordStore()), reports: createReportStore(createMemoryRecordStore()) };
  const service = createSessionService({
    stores,
    technicianKey: () => loadTechnicianKey(keys),
    tool: 'bms-flasher (session test)',
    // A paced line takes real line time: device-like timeouts instead of the bench's short ones.
    session: paced ? { ...BENCH_SESSION, client: { timeoutMs: 2_000, retries: 0 }, paramsTimeoutMs: 2_000 } : BENCH_SESSION,
    timings: BENCH_TIMINGS,
    limits: BENCH_LIMITS
  });
  cleanups.push(() => vbms.shutdown(), () => service.disconnect());
  const events: SessionEvent[] = [];
  const line = async (options?: { baudRate?: number }) => {
    const opened = await vbms.openLine(options);
    if (!opened.ok) throw new Error(opened.error.code);
    return opened.value;
  };
  await vbms.start();
  if (!paced) await vbms.set({ unpaced: true });
  return {
    vbms,
    service,
    stores,
    board,
    events,
    async connect(options) {
      const { port, info } = await line(options);
      return service.connectPort(port, { ...info, ...options?.as }, (event) => void events.push(event), async () => (await line(options)).port);
    }
  };
}

describe('session service against the Virtual BMS', () => {
  it('R14 first use enrols this browser’s key; connect gives identity, telemetry, slots and a clean link test (R06)', async () => {
    const r = await rig();
    expect(await r.vbms.status()).toMatchObject({ ok: true, value: { appKeyEnrolled: true, serial: 'VB2400001' } });
    const connected = await r.connect();
    expect(connected).toMatchObject({ ok: true, value: { identity: { model: 'VBMS-16S', serial: 'VB2400001' }, link: { kind: 'virtual', wired: true } } });
    expect(await r.service.telemetry()).toMatchObject({ ok: true, value: { cells_mv: expect.any(Array), soc_pm: expect.any(Number) } });
    expect(await r.service.imageState()).toMatchObject({ ok: true, value: [{ slot: 0, version: '1.0.0', active: true, confirmed: true }] });
    const test = await r.service.linkTest();
    expect(test).toMatchObject({ ok: true, value: { report: { probes: 5, ok: 5 }, check: { id: 'link', status: 'pass' } } });
  });

  it('R06 a device UART at another rate is named at connect: LINK_BAUD_MISMATCH with both rates', async () => {
    const r = await rig();
    await r.vbms.set({ deviceBaud: 57600 });
    const connected = await r.connect();
    expect(connected).toMatchObject({ ok: false, error: { code: 'LINK_BAUD_MISMATCH' } });
    expect(!connected.ok && connected.error.detail).toContain('57600');
    expect(await r.service.identity()).toMatchObject({ ok: false, error: { code: 'LINK_NOT_CONNECTED' } });
  });

  it('R01 R02 fault panel knobs reach the telemetry: SoC 15 %, a failed sensor', async () => {
    const r = await rig();
    await r.connect();
    await r.vbms.set({ socPm: 150, failedSensors: [1] });
    const t = await r.service.telemetry();
    if (!t.ok) throw new Error(t.error.code);
    expect(t.value.soc_pm).toBeGreaterThanOrEqual(149);
    expect(t.value.soc_pm).toBeLessThanOrEqual(150);
    expect(t.value.temps_dc[1]).toBeNull();
  });

  it('R01 pre-flight refuses a low SoC with the procedure’s own checks and writes nothing', async () => {
    const r = await rig();
    await r.connect();
    await r.vbms.set({ socPm: 150 });
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 1 });
    const report = await r.service.preflight(image.slice().buffer, { trustedKeys, checklist: { ...checklist, confirmed: ['no-flammables'] } });
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value).toMatchObject({ status: 'fail', blocking: { code: 'UPDATE_SOC_OUT_OF_RANGE' }, missing: ['reliable-power', 'interface-suits-site'] });
    const soc = report.value.checks.find((c) => c.id === 'soc')!;
    expect(soc.status).toBe('fail');
    expect(checkText(soc, 'en').measured).toBe('15.0 %');
    expect(checkText(soc, 'fr').measured).toBe('15,0 %');
    expect(report.value.checks.find((c) => c.id === 'package')?.status).toBe('pass');
    expect(report.value.checks.find((c) => c.id === 'supply')?.readings).toHaveLength(5);
    expect(await r.stores.backups.list()).toEqual([]);
    expect(await r.stores.reports.list()).toEqual([]);
    const slots = await r.service.imageState();
    expect(slots.ok && slots.value.map((s) => s.slot)).toEqual([0]);
  });

  it('R09 R14 R27 full update through the bridge with the WebCrypto key: updated, report and backup saved, board saved', async () => {
    const board = memoryBoardSlot();
    const r = await rig(board);
    await r.connect();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 20_000 });
    const states: UpdateState[] = [];
    let duringTransfer: ReturnType<SessionService['telemetry']> | undefined;
    const final = await r.service.startUpdate(image.slice().buffer, { trustedKeys, checklist }, (state) => {
      states.push(state);
      if (state.phase === 'transfer') duringTransfer ??= r.service.telemetry();
    });
    if (!final.ok) throw new Error(final.error.code);
    if (final.value.phase === 'failed') throw new Error(`${final.value.error.code} ${final.value.error.detail}`);
    expect(final.value).toMatchObject({ phase: 'done', outcome: 'updated', report: { operator: 'Ada', technician: { name: 'This browser' } } });
    expect(states.some((s) => s.phase === 'transfer')).toBe(true);
    // The page's reading during the transfer is the procedure's own (no extra request on the line).
    expect(await duringTransfer).toMatchObject({ ok: true, value: { cells_mv: expect.any(Array) } });
    expect(await r.stores.reports.list()).toHaveLength(1);
    expect(await r.stores.backups.list()).toHaveLength(1);
    expect(await r.service.identity()).toMatchObject({ ok: true, value: { fw_version: '1.1.0+0', sec_cnt: 2 } });

    // The page reloads: a new worker on the same IndexedDB board finds the new firmware running.
    await r.vbms.shutdown();
    const again = await rig(board);
    expect(await again.vbms.status()).toMatchObject({ ok: true, value: { firmware: '1.1.0+0', appKeyEnrolled: false } });
  });

  it('errors keep their codes: not connected, a second update while one runs', async () => {
    const r = await rig();
    expect(await r.service.telemetry()).toMatchObject({ ok: false, error: { code: 'LINK_NOT_CONNECTED' } });
    await r.connect();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 1 });
    const first = r.service.startUpdate(image.slice().buffer, { trustedKeys, checklist });
    const second = await r.service.startUpdate(image.slice().buffer, { trustedKeys, checklist });
    expect(second).toMatchObject({ ok: false, error: { code: 'UPDATE_ALREADY_RUNNING' } });
    await r.service.cancel();
    expect(await first).toMatchObject({ ok: true, value: { phase: 'failed', error: { code: 'CANCELLED' } } });
  });

  it('R19 Stop after the new image booted: the device is left alone and the result is what it runs, read back', async () => {
    // Before: the Stop button was refused after activation and a stop ran the fallback regardless.
    const r = await rig();
    await r.connect();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2 });
    const final = await r.service.startUpdate(image.slice().buffer, { trustedKeys, checklist }, (state) => {
      if (state.phase === 'test-boot' && state.events.length > 0) void r.service.cancel();
    });
    if (!final.ok) throw new Error(final.error.code);
    expect(final.value).toMatchObject({ phase: 'failed', outcome: 'cancelled', error: { code: 'CANCELLED' } });
    expect(final.value.report.phases.some((p) => p.phase === 'fallback')).toBe(false);
    const board = await r.vbms.status();
    const device = await r.service.identity();
    if (!board.ok || !device.ok) throw new Error('no read-back');
    expect(final.value.report.firmwareAfter).toMatchObject({ version: board.value.firmware, confirmed: true });
    expect(device.value.fw_version).toBe('1.1.0+0');
    expect(board.value.nextBoot).toBe('none');
  });

  it('R16 a cut line is told to the page as a disconnect', async () => {
    const r = await rig();
    await r.connect();
    await r.vbms.dropLines();
    await expect.poll(() => r.events.map((e) => e.type)).toEqual(['disconnected']);
    expect(r.events[0]).toMatchObject({ error: { code: 'LINK_DISCONNECTED' } });
  });

  it('R16 a line pulled mid-transfer is reopened by the session and the update still completes', async () => {
    const r = await rig();
    await r.connect();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 1, size: 40_000 });
    let pulled = false;
    const final = await r.service.startUpdate(image.slice().buffer, { trustedKeys, checklist }, (state) => {
      if (!pulled && state.phase === 'transfer' && state.sent > state.total / 3) {
        pulled = true;
        void r.vbms.dropLines();
      }
    });
    expect(pulled).toBe(true);
    expect(final).toMatchObject({ ok: true, value: { phase: 'done', outcome: 'updated' } });
    expect(r.events.map((e) => e.type)).toEqual(expect.arrayContaining(['disconnected', 'reconnected']));
    expect(await r.service.identity()).toMatchObject({ ok: true, value: { fw_version: '1.1.0+0' } });
  });

  it('R09 R23 a backup is previewed, then restored with the WebCrypto key and read back', async () => {
    const r = await rig();
    const connected = await r.connect();
    if (!connected.ok) throw new Error(connected.error.code);
    const config = await r.service.readConfig();
    if (!config.ok) throw new Error(config.error.code);
    const key = Object.keys(config.value).find((k) => k === 'capacity_mah')!;
    const backup = makeBackup(connected.value.identity, { ...config.value, [key]: (config.value[key] as number) + 1000 }, new Date());
    expect(await r.service.previewRestore(backup)).toMatchObject({ ok: true, value: { writes: { [key]: expect.any(Number) } } });
    expect(await r.service.restoreBackup(backup)).toMatchObject({ ok: true, value: { written: [key] } });
    expect(await r.service.readConfig()).toMatchObject({ ok: true, value: { [key]: backup.config[key] } });
  });
});

describe('session service: the published test keys stay with the Virtual BMS (R11, R24)', () => {
  // The same simulator behind a link that says it is a USB-serial adapter: the session must treat it
  // as real hardware, whatever keys the page hands over.
  const realPort = { kind: 'web-serial', label: 'CP2102 (10c4:ea60) @ 115200' } as const;
  const image = () => makeTestFirmware({ version: '1.1.0', securityCounter: 1 }).slice().buffer;

  it('R11 R24 on a real port an image signed only by the virtual BMS test key is refused in pre-flight, the key named', async () => {
    const r = await rig();
    expect(await r.connect({ as: realPort })).toMatchObject({ ok: true, value: { link: { kind: 'web-serial' } } });
    const report = await r.service.preflight(image(), { trustedKeys, checklist });
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.blocking).toMatchObject({ code: 'IMAGE_UNKNOWN_KEY' });
    const pkg = report.value.checks.find((c) => c.id === 'package');
    expect(pkg).toMatchObject({ status: 'fail', code: 'IMAGE_UNKNOWN_KEY' });
    expect(checkText(pkg!, 'en').reason).toContain('virtual BMS vendor (test key)');
  });

  it('R11 R24 on a real port the update itself is blocked before any write', async () => {
    const r = await rig();
    await r.connect({ as: realPort });
    const final = await r.service.startUpdate(image(), { trustedKeys, checklist });
    expect(final).toMatchObject({ ok: true, value: { phase: 'failed', error: { code: 'IMAGE_UNKNOWN_KEY' } } });
    const slots = await r.service.imageState();
    expect(slots.ok && slots.value.map((s) => s.slot)).toEqual([0]);
  });

  it('R24 the explicit developer setting lets a real port accept the test key; the Virtual BMS accepts it by default', async () => {
    const r = await rig();
    await r.connect({ as: realPort });
    const allowed = await r.service.preflight(image(), { trustedKeys, checklist, testKeysOnRealPorts: true });
    expect(allowed.ok && allowed.value.checks.find((c) => c.id === 'package')?.status).toBe('pass');
    await r.connect();
    const virtual = await r.service.preflight(image(), { trustedKeys, checklist });
    expect(virtual.ok && virtual.value.checks.find((c) => c.id === 'package')?.status).toBe('pass');
  });
});

describe('session service: the Virtual BMS line takes the time a cable would (R06, R16)', () => {
  /** The quickest of three identity reads (same request and answer each time), in ms. */
  const identityMs = async (r: Rig) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      expect(await r.service.identity()).toMatchObject({ ok: true });
      times.push(performance.now() - started);
    }
    return Math.min(...times);
  };

  it('R06 R16 paced at the chosen baud by default; the panel’s "unpaced" makes the same line instant at once', async () => {
    const r = await rig(memoryBoardSlot(), { paced: true });
    await r.vbms.set({ deviceBaud: 9600 });
    expect(await r.connect({ baudRate: 9600 })).toMatchObject({ ok: true, value: { link: { baudRate: 9600 } } });
    // An identity exchange is ~250 bytes of base64 lines on the wire: ~260 ms at 9600 baud (8N1).
    const paced = await identityMs(r);
    expect(paced).toBeGreaterThanOrEqual(150);
    // Applies to the open line: no reconnect needed. Minimums: load can stall a read, never shorten one.
    await r.vbms.set({ unpaced: true });
    expect(await identityMs(r)).toBeLessThan(paced / 3);
  });
});
