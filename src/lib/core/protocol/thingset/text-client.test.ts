/**
 * The ThingSet client against the virtual LibreSolar BMS through the link layer's line model (115200
 * baud, paced): identity, measurements, a settings backup and restore, typed errors, the dropped-line
 * resynchronisation, reports during requests, and complete firmware updates on both bootloaders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { createLibreSolarBms, type LibreSolarBmsOptions, type VirtualLibreSolarBms } from '../../virtual-bms/libresolar/libresolar-bms';
import { makeLibreSolarFirmware } from '../../virtual-bms/libresolar/libresolar-firmware';
import { ThingSetTextClient, type ThingSetReport } from './text-client';
import { readVersionAfterRestart, readVersionWhenReady, requestBoot, transferImage } from './thingset-dfu';
import type { JsonObject } from './text-codec';
import { OBSERVED_DFU_CHUNK_LIMIT as LIMIT, DFU_WRITE_BEFORE_INIT } from './thingset-vectors';

const SLOT = 0x10000;
const open: { client: ThingSetTextClient; link: PacedLink; bms: VirtualLibreSolarBms }[] = [];
afterEach(async () => {
  for (const { client, link, bms } of open.splice(0)) {
    await client.close();
    await link.close();
    await bms.powerOff();
  }
});

async function connect(options: LibreSolarBmsOptions = {}, timeoutMs = 300) {
  const bms = createLibreSolarBms({ slotSize: SLOT, ...options });
  const link = connectPacedLink(bms.port);
  const client = new ThingSetTextClient(link, { timeoutMs });
  open.push({ client, link, bms });
  await readVersionWhenReady(client);
  return { bms, link, client };
}

const image = (version: string, extra: Parameters<typeof makeLibreSolarFirmware>[0] = { version }) =>
  makeLibreSolarFirmware({ slotSize: SLOT, ...extra, version });

describe('ThingSet text client against the virtual LibreSolar BMS', () => {
  it('R09 reads identity, node id and the battery readings of the pre-flight', async () => {
    const { client } = await connect();
    expect(await client.get('Device')).toMatchObject({ cManufacturer: 'Libre Solar', cDeviceType: 'BMS 16S100 SC', cHardwareVersion: 'v0.2', cFirmwareVersion: 'v23.1-94-g9ff895e' });
    expect(await client.get('pNodeID')).toBe('3F8C21D0B7A45E19');
    const meas = (await client.get('Meas')) as JsonObject;
    expect(Object.keys(meas)).toEqual([
      'rPackVoltage_V', 'rStackVoltage_V', 'rPackCurrent_A', 'rCellTemps_degC', 'rICTemp_degC', 'rMOSFETTemp_degC', 'rSOC_pct',
      'rErrorFlags', 'rBmsState', 'rCellVoltages_V', 'rCellAvgVoltage_V', 'rCellMinVoltage_V', 'rCellMaxVoltage_V', 'rBalancingStatus'
    ]);
    const cells = meas.rCellVoltages_V as number[];
    expect(cells).toHaveLength(16);
    expect(meas.rPackVoltage_V as number).toBeCloseTo(cells.reduce((a, b) => a + b, 0), 1);
    expect(meas.rSOC_pct).toBe(55);
    expect(await client.fetch('Meas', ['rSOC_pct', 'rErrorFlags'])).toEqual([55, 0]);
  });

  it('R09 backs up Conf, changes a setting, restores the backup and reads back equal', async () => {
    const { client } = await connect();
    const backup = (await client.get('Conf')) as JsonObject;
    const settings = Object.fromEntries(Object.entries(backup).filter(([name]) => name.startsWith('s')));
    expect(Object.keys(settings).length).toBeGreaterThanOrEqual(20);
    await client.update('Conf', { sNominalCapacity_Ah: 123.4, sBalIdleDelay_s: 900 });
    expect(await client.fetch('Conf', ['sNominalCapacity_Ah', 'sBalIdleDelay_s'])).toEqual([123.4, 900]);
    const changed = Object.entries((await client.get('Conf')) as JsonObject).filter(([name, v]) => name in settings && v !== settings[name]);
    await client.update('Conf', Object.fromEntries(changed.map(([name]) => [name, settings[name]])));
    expect(await client.get('Conf')).toEqual(backup);
  });

  it('R21 maps :A3 on a read-only item and :A4 on an unknown path to typed errors with the device message', async () => {
    const { client } = await connect();
    await expect(client.update('Meas', { rSOC_pct: 10 })).rejects.toMatchObject({ code: 'THINGSET_FORBIDDEN', detail: expect.stringContaining('Item rSOC_pct is read-only') });
    await expect(client.get('Meas/rNothing')).rejects.toMatchObject({ code: 'THINGSET_NOT_FOUND', detail: expect.stringContaining('Invalid endpoint') });
    expect(await client.get('Meas/rSOC_pct')).toBe(55);
  });

  it('R16 resynchronises with a bare newline when the device dropped the request line', async () => {
    const { client, link } = await connect();
    // Another program's line lands while the device answers: the device drops it and marks the next line.
    await link.write(new TextEncoder().encode('?Device\n?Device\n'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = client.stats.resyncs;
    expect(await client.get('Meas/rSOC_pct')).toBe(55);
    expect(client.stats.resyncs - before).toBeGreaterThanOrEqual(1);
  });

  it('R16 a pulled cable fails the pending request with the link error at once, not after the retries', async () => {
    const { client, link, bms } = await connect({}, 5000);
    await bms.powerOff();
    const pending = client.get('Meas/rSOC_pct');
    setTimeout(() => link.disconnect('cable pulled'), 50);
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('R16 keeps #mLive reports apart from answers and hands them to the listener', async () => {
    const { client } = await connect({ reportPeriodMs: 100 });
    const reports: ThingSetReport[] = [];
    client.onReport((report) => reports.push(report));
    for (let i = 0; i < 40; i += 1) expect(await client.get('Meas/rSOC_pct')).toBe(55);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports[0]).toMatchObject({ path: 'mLive', values: { Meas: { rSOC_pct: 55 } } });
    expect(client.stats.badLines).toBe(0);
  });

  it('R16 skips the firmware log lines printed before an answer', async () => {
    const { client, bms } = await connect();
    let wire = '';
    bms.port.onTransmit((bytes) => (wire += new TextDecoder().decode(bytes)));
    expect(await client.exec('Device/xDebugPrintRegisters')).toBeUndefined();
    expect(wire).toMatch(/<inf> bms_ic: .*\r\n:84 [0-9A-F]{8}#\r\n$/);
    expect(client.stats.badLines).toBe(0);
  });

  it('R16 refuses chunks above 255 bytes: the device answers :AD for 256, the DFU helper never sends them', async () => {
    const { client } = await connect({}, 3000);
    const b64 = (n: number) => btoa(String.fromCharCode(...new Uint8Array(n).fill(7)));
    expect(await client.exec('DFU/xWrite', [b64(8)])).toBe(DFU_WRITE_BEFORE_INIT);
    expect(await client.exec('DFU/xInit')).toBe(0);
    expect(await client.exec('DFU/xWrite', [b64(LIMIT)])).toBe(0);
    await expect(client.exec('DFU/xWrite', [b64(LIMIT + 1)])).rejects.toMatchObject({ code: 'THINGSET_REQUEST_TOO_LARGE' });
    await expect(transferImage(client, new Uint8Array(600), { chunkSize: LIMIT + 1 })).rejects.toMatchObject({ code: 'THINGSET_REQUEST_TOO_LARGE' });
  });

  it('R16 R17 R19 updates a stock 16S100-SC (swap) through DFU; its firmware never confirms, so the next reset reverts', async () => {
    const { client, bms } = await connect({}, 3000);
    const progress: number[] = [];
    await transferImage(client, image('23.2.7+12345678'), { onProgress: (sent) => progress.push(sent) });
    expect(progress.at(-1)).toBe(image('23.2.7+12345678').length);
    await requestBoot(client);
    expect(await readVersionAfterRestart(client)).toBe('v23.2-7-g0bc614e');
    expect(bms.snapshot()).toMatchObject({ nextBoot: 'revert', bootLog: expect.arrayContaining([expect.objectContaining({ phase: 'swap' })]) });
    await client.exec('Device/xReset', [], { expectAnswer: false });
    expect(await readVersionAfterRestart(client)).toBe('v23.1-94-g9ff895e');
  });

  it('R10 R17 a 16S100-SC build whose firmware confirms itself keeps the new version across a reset', async () => {
    const { client, bms } = await connect({ bootloader: { firmwareConfirms: true } }, 3000);
    await transferImage(client, image('23.3.0'));
    await requestBoot(client);
    expect(await readVersionAfterRestart(client)).toBe('v23.3');
    expect(bms.snapshot().nextBoot).toBe('none');
    await client.exec('Device/xReset', [], { expectAnswer: false });
    expect(await readVersionAfterRestart(client)).toBe('v23.3');
    expect(bms.snapshot().slots[1]).toBe('v23.1-94-g9ff895e'); // the previous image waits in slot 1
  });

  it('R19 never claims an update the bootloader refused: a corrupted image leaves the old version running', async () => {
    const { client, bms } = await connect({ board: 'bms-c1' }, 3000);
    const bad = image('24.0.0');
    bad[0x300] ^= 0x01;
    await transferImage(client, bad);
    await requestBoot(client);
    expect(await readVersionAfterRestart(client)).toBe('v23.1-94-g9ff895e');
    expect(bms.snapshot().bootLog.map((e) => e.phase)).toContain('image_rejected');
  });

  const unsigned = () => image('24.1.0', { version: '24.1.0', signingKey: null });

  it('R11 BMS-C1 (upgrade-only, no signature type) boots an unsigned image: the tool must not promise a signature check', async () => {
    const c1 = await connect({ board: 'bms-c1' }, 3000);
    await transferImage(c1.client, unsigned());
    await requestBoot(c1.client);
    expect(await readVersionAfterRestart(c1.client)).toBe('v24.1');
    expect(c1.bms.snapshot().slots[1]).toBeUndefined(); // upgrade-only keeps no copy of the old image
  });

  it('R11 the 16S100-SC swapping bootloader refuses an unsigned image and keeps the old firmware', async () => {
    const sc = await connect({ board: '16s100-sc' }, 3000);
    await transferImage(sc.client, unsigned());
    await requestBoot(sc.client);
    expect(await readVersionAfterRestart(sc.client)).toBe('v23.1-94-g9ff895e');
  });

  it('R19 a boot-looping image: the swapping 16S100-SC reverts to the old version, BMS-C1 (no revert) never answers again', async () => {
    const looping = () => image('26.0.0', { version: '26.0.0', behaviour: { bootLoop: true } });
    const sc = await connect({}, 3000);
    await transferImage(sc.client, looping());
    await requestBoot(sc.client);
    expect(await readVersionAfterRestart(sc.client)).toBe('v23.1-94-g9ff895e');
    expect(sc.bms.snapshot().bootLog.map((e) => e.phase)).toContain('revert');
    const c1 = await connect({ board: 'bms-c1' }, 3000);
    await transferImage(c1.client, looping());
    await requestBoot(c1.client);
    await expect(readVersionAfterRestart(c1.client, { withinMs: 4000 })).rejects.toMatchObject({ code: 'THINGSET_NO_ANSWER' });
    expect(c1.bms.snapshot()).toMatchObject({ status: 'booting', slots: ['v26.0', undefined] });
  });

  it('R16 stops a transfer on abort with CANCELLED and the running firmware untouched', async () => {
    const { client, bms } = await connect({}, 3000);
    const stop = new AbortController();
    const run = transferImage(client, image('25.0.0'), { signal: stop.signal, onProgress: (sent) => sent > 1000 && stop.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(bms.snapshot().running).toBe('v23.1-94-g9ff895e');
    // Starting again from xInit (which erases the slot) completes cleanly.
    await transferImage(client, image('25.0.0'));
    await requestBoot(client);
    expect(await readVersionAfterRestart(client)).toBe('v25.0');
  });

  it('R16 R21 never returns a damaged value over a noisy line: the CRC catches it, reads are repeated, the rest are typed errors', async () => {
    const bms = createLibreSolarBms({ slotSize: SLOT, reportPeriodMs: 0 });
    const link = connectPacedLink(bms.port, { bitErrorRate: 4e-4, seed: 11 });
    const client = new ThingSetTextClient(link, { timeoutMs: 150 });
    open.push({ client, link, bms });
    await readVersionWhenReady(client);
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      try {
        outcomes.push(String(await client.get('Meas/rSOC_pct')));
      } catch (error) {
        outcomes.push((error as { code: string }).code);
      }
    }
    expect(outcomes.every((o) => o === '55' || o.startsWith('THINGSET_'))).toBe(true);
    expect(outcomes.filter((o) => o === '55').length).toBeGreaterThan(30);
    expect(client.stats.badLines + client.stats.resyncs).toBeGreaterThan(0);
  });
});
