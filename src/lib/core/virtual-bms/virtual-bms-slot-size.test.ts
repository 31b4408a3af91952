import { describe, expect, it } from 'vitest';
import type { CborMap } from '../protocol/smp/cbor';
import { ImageCommand, ImageRc, SmpGroup } from '../protocol/smp/smp-ids';
import { makeTestFirmware } from './firmware-behaviour';
import { DEFAULT_SLOT_SIZE } from './flash/flash-layout';
import { authenticate, resetAndWait, startVirtualBms, uploadImage, type SmpHarness } from './testing/smp-harness';
import { createVirtualBms } from './virtual-bms';

const SLOT_512K = 0x80000;
/** Large SMP buffers so 256 KiB moves in about a hundred requests. */
const BIG_BUFFERS = { bufSize: 4096 };

const slots = async (smp: SmpHarness) => (await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[];

describe('virtual BMS slot size', () => {
  it('R10 a board with 512 KiB slots takes, swaps in and boots a 256 KiB image that the default board refuses', async () => {
    const big = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 256 * 1024, slotSize: SLOT_512K });
    const standard = await startVirtualBms({ smp: BIG_BUFFERS });
    await authenticate(standard.smp);
    expect((await uploadImage(standard.smp, big, { chunk: 3000 })).body).toMatchObject({
      err: { group: SmpGroup.image, rc: ImageRc.INVALID_IMAGE_TOO_LARGE }
    });

    const { bms, smp } = await startVirtualBms({ slotSize: SLOT_512K, smp: BIG_BUFFERS });
    expect((await smp.request(SmpGroup.image, ImageCommand.slotInfo, 'read')).body).toEqual({
      // one trailer sector (3 status entries × 128 sectors × 8 bytes) and swap-using-move's spare sector
      images: [{ image: 0, slots: [{ slot: 0, size: SLOT_512K }, { slot: 1, size: SLOT_512K }], max_image_size: 0x7e000 }]
    });
    await authenticate(smp);
    expect((await uploadImage(smp, big, { chunk: 3000 })).body.off).toBe(big.length);
    const hash = (await slots(smp))[1].hash as Uint8Array;
    await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash, confirm: false });
    await resetAndWait(smp);
    expect((await slots(smp))[0]).toMatchObject({ slot: 0, version: '1.1.0', hash, active: true, confirmed: true });

    // A saved board keeps its layout: the state says which partition each sector belongs to.
    const state = JSON.parse(JSON.stringify(bms.exportState()));
    expect(state.slotSize).toBe(SLOT_512K);
    const restored = await startVirtualBms({ state });
    expect(restored.bms.snapshot().slots.map((s) => s?.version)).toEqual(['1.1.0+0', '1.0.0+0']);
    expect(restored.bms.snapshot().confirmed).toBe(true);
  });

  it('refuses slots that are not whole sectors or out of range, and a slot size the saved state contradicts', () => {
    for (const slotSize of [0x20001, 0x4000, 0x2000000, Number.NaN]) {
      expect(() => createVirtualBms({ slotSize, powerOn: false }), String(slotSize)).toThrow(/DEVICE_OPTION_INVALID/);
    }
    const state = createVirtualBms({ powerOn: false }).exportState();
    expect(state.slotSize).toBe(DEFAULT_SLOT_SIZE);
    expect(() => createVirtualBms({ state, slotSize: SLOT_512K, powerOn: false })).toThrow(/DEVICE_OPTION_INVALID/);
    expect(() => createVirtualBms({ state: { ...state, slotSize: 'big' as never }, powerOn: false })).toThrow(/DEVICE_STATE_INVALID/);
    // States saved before slots were sized have none: they were laid out with 128 KiB slots.
    const { slotSize: _, ...older } = state;
    expect(createVirtualBms({ state: older, powerOn: false }).exportState().slotSize).toBe(DEFAULT_SLOT_SIZE);
  });
});
