import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fastClock } from '../../../core/update/testing/virtual-bench';
import { memoryBoardSlot, type BoardSlot } from './board-store';
import { defaultConfig } from '../../../core/virtual-bms/bms/config-schema';
import { createVirtualBms } from '../../../core/virtual-bms/virtual-bms';
import { createVirtualBmsService, SITE_SETTINGS, type VirtualBmsService } from './virtual-bms-service';

const appKey = new Uint8Array(32).fill(7);
const services: VirtualBmsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.shutdown();
});

function service(slot: BoardSlot) {
  const s = createVirtualBmsService({ slot, clock: fastClock(10), saveEveryMs: 10, appKey: async () => appKey });
  services.push(s);
  return s;
}

describe('Virtual BMS service', () => {
  it('R14 builds a board on first use with this browser’s key enrolled, and saves it at once', async () => {
    const slot = memoryBoardSlot();
    expect(await service(slot).start()).toMatchObject({ ok: true, value: { model: 'VBMS-16S', firmware: '1.0.0+0', appKeyEnrolled: true } });
    expect(slot.saved).toMatchObject({ enrolled: [bytesToHex(appKey)], wire: { bitErrorRate: 0, deviceBaud: null } });
  });

  it('R09 a new board carries its site settings, not the firmware defaults', async () => {
    const slot = memoryBoardSlot();
    await service(slot).start();
    const saved = createVirtualBms({ state: slot.saved!.state, powerOn: false });
    expect(saved.snapshot().config).toEqual({ ...defaultConfig(), ...SITE_SETTINGS });
    expect(saved.snapshot().config).not.toEqual(defaultConfig());
  });

  it('keeps the knobs across a reload (IndexedDB in the app)', async () => {
    const slot = memoryBoardSlot();
    const first = service(slot);
    await first.start();
    await first.set({ socPm: 150, temperatureDc: 470, failedSensors: [2], stuckCell: 3, responseDelayMs: 40, bitErrorRate: 1e-4, deviceBaud: 57600 });
    await first.shutdown();
    const status = await service(slot).status();
    expect(status).toMatchObject({
      ok: true,
      value: { knobs: { temperatureDc: 470, failedSensors: [2], stuckCell: 3, responseDelayMs: 40, bitErrorRate: 1e-4, deviceBaud: 57600 } }
    });
    expect(status.ok && status.value.knobs.socPm).toBeLessThanOrEqual(150);
  });

  it('a damaged save is reported, never silently replaced; a factory reset is the explicit way out', async () => {
    const slot = memoryBoardSlot();
    await service(slot).start();
    slot.saved = { ...slot.saved!, state: { ...slot.saved!.state, flash: 'garbage' as never } };
    const broken = service(slot);
    expect(await broken.start()).toMatchObject({ ok: false, error: { code: 'DEVICE_STATE_INVALID' } });
    expect(slot.saved.state.flash).toBe('garbage');
    expect(await broken.factoryReset({ enrolAppKey: false })).toMatchObject({ ok: true, value: { appKeyEnrolled: false } });
    expect(await broken.enrolAppKey()).toMatchObject({ ok: true, value: { appKeyEnrolled: true } });
    expect(slot.saved?.enrolled).toEqual([bytesToHex(appKey)]);
  });

  it('R16 lines are counted and cut together; a factory reset cuts them too', async () => {
    const s = service(memoryBoardSlot());
    const a = await s.openLine();
    const b = await s.openLine({ baudRate: 9600, pace: true });
    expect(a).toMatchObject({ ok: true, value: { info: { kind: 'virtual', baudRate: 115200 } } });
    expect(b).toMatchObject({ ok: true, value: { info: { baudRate: 9600, label: 'Virtual BMS line @ 9600 (≠ 115200)' } } });
    expect(await s.status()).toMatchObject({ ok: true, value: { lines: 2 } });
    await s.dropLines();
    await expect.poll(async () => (await s.status()).ok && ((await s.status()) as { value: { lines: number } }).value.lines).toBe(0);
    for (const line of [a, b]) if (line.ok) line.value.port.close();
  });

});
