/** The client's raw framing (BLE GATT): bare packets out, notifications reassembled by header length. */
import { afterEach, describe, expect, it } from 'vitest';
import { ByteQueue } from '../../link/byte-queue';
import type { Link, LinkInfo } from '../../link/link';
import { maxChunkData, SERIAL_FRAME_OVERHEAD, framingOverhead } from './chunk-size';
import { echo } from './groups/os-group';
import { splitPacket } from './raw-packet';
import { SmpClient } from './smp-client';
import { decodePacket, encodePacket, SmpOp } from './smp-packet';

/** A link that answers every echo request with its text, in notifications of `piece` bytes. */
function echoLink(kind: LinkInfo['kind'], piece: number) {
  const queue = new ByteQueue();
  const written: Uint8Array[] = [];
  const link: Link = {
    info: { kind, wired: kind !== 'ble', label: 'test' },
    async write(bytes) {
      written.push(bytes.slice());
      const { header, body } = decodePacket(bytes);
      const response = encodePacket({ ...header, op: SmpOp.writeResponse, body: { r: body.d as string } });
      for (const part of splitPacket(response, piece)) queue.push(part);
    },
    read: (options) => queue.read(options),
    close: async () => {},
    onDisconnect: () => () => {}
  };
  return { link, written };
}

const clients: SmpClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

describe('SMP client raw framing', () => {
  it('defaults to raw framing on a BLE link and console framing elsewhere', () => {
    const ble = new SmpClient(echoLink('ble', 20).link);
    const serial = new SmpClient(echoLink('web-serial', 20).link);
    clients.push(ble, serial);
    expect(ble.framing).toBe('raw');
    expect(serial.framing).toBe('console');
  });

  it('sends bare packets and reassembles answers split into 3-byte notifications', async () => {
    const { link, written } = echoLink('ble', 3);
    const client = new SmpClient(link, { timeoutMs: 500 });
    clients.push(client);
    const answers = await Promise.all([echo(client, 'first'), echo(client, 'second'.repeat(20))]);
    expect(answers).toEqual(['first', 'second'.repeat(20)]);
    // A bare SMP header, not the console start marker 06 09.
    expect(written[0][0]).toBe((1 << 3) | SmpOp.write);
    expect(decodePacket(written[0]).body).toEqual({ d: 'first' });
    expect(client.stats.badFrames).toBe(0);
  });

  it('raw chunks use the whole buf_size, console chunks leave room for length and CRC', () => {
    expect(framingOverhead('raw')).toBe(0);
    expect(framingOverhead('console')).toBe(SERIAL_FRAME_OVERHEAD);
    const fields = { off: 100_000 };
    const raw = maxChunkData({ bufSize: 256, fields, overhead: framingOverhead('raw') });
    const console = maxChunkData({ bufSize: 256, fields, overhead: framingOverhead('console') });
    expect(raw - console).toBe(SERIAL_FRAME_OVERHEAD);
  });
});
