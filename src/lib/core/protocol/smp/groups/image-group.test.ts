import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../../errors';
import { SmpClient } from '../smp-client';
import { FakeSmpDevice } from '../testing/fake-smp-device';
import { ImageCommand, SmpGroup } from '../smp-ids';
import { confirmImage, eraseSlot, readImageState, slotInfo, testImage, uploadBody } from './image-group';
import { SMP_VECTORS } from '../smp-vectors';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const HASH = Uint8Array.from({ length: 32 }, (_, i) => i);

function setup() {
  const device = new FakeSmpDevice();
  const client = new SmpClient(device, { timeoutMs: 60 });
  clients.push(client);
  const state = {
    images: [
      { slot: 0, version: '1.0.0', hash: new Uint8Array(32), bootable: true, confirmed: true, active: true },
      { image: 0, slot: 1, version: '1.1.0', hash: HASH, pending: true, permanent: false }
    ]
  };
  device.on(SmpGroup.image, ImageCommand.state, () => state);
  return { device, client };
}

describe('image group', () => {
  it('reads the slot states with defaults for the flags a device leaves out', async () => {
    const { client } = setup();
    const state = await readImageState(client);
    expect(state.images).toEqual([
      { image: 0, slot: 0, version: '1.0.0', hash: new Uint8Array(32), bootable: true, pending: false, confirmed: true, active: true, permanent: false },
      { image: 0, slot: 1, version: '1.1.0', hash: HASH, bootable: false, pending: true, confirmed: false, active: false, permanent: false }
    ]);
  });

  it('R10 marks an image for test by its hash and confirms with or without a hash', async () => {
    const { device, client } = setup();
    await testImage(client, HASH);
    await confirmImage(client);
    await confirmImage(client, HASH);
    expect(device.received.map((p) => [p.header.op, p.body])).toEqual([
      [2, { hash: HASH, confirm: false }],
      [2, { confirm: true }],
      [2, { hash: HASH, confirm: true }]
    ]);
  });

  it('refuses a state answer of the wrong shape with SMP_RESPONSE_INVALID', async () => {
    const { device, client } = setup();
    device.on(SmpGroup.image, ImageCommand.state, () => ({ images: [{ slot: 0, version: 1 }] }));
    await expect(readImageState(client)).rejects.toThrow(new BmsError('SMP_RESPONSE_INVALID', 'image state: "version" should be a string, got number 1'));
  });

  it('erases a slot and reads slot info', async () => {
    const { device, client } = setup();
    device.on(SmpGroup.image, ImageCommand.erase, () => ({}));
    device.on(SmpGroup.image, ImageCommand.slotInfo, () => ({
      images: [{ image: 0, slots: [{ slot: 0, size: 0x60000 }, { slot: 1, size: 0x60000, upload_image_id: 1 }], max_image_size: 0x5f000 }]
    }));
    await eraseSlot(client, 1);
    expect(device.received.at(-1)?.body).toEqual({ slot: 1 });
    expect(await slotInfo(client)).toEqual({
      images: [{ image: 0, slots: [{ slot: 0, size: 0x60000 }, { slot: 1, size: 0x60000, uploadImageId: 1 }], maxImageSize: 0x5f000 }]
    });
  });

  it('orders upload fields as the known-answer vector does', () => {
    const v = SMP_VECTORS.uploadFirst.body;
    expect(Object.keys(uploadBody({ off: 0, data: v.data, len: v.len, sha: v.sha, image: v.image }))).toEqual(['image', 'len', 'off', 'sha', 'data']);
  });
});
