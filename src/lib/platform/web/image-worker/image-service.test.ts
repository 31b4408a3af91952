import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { parsePublicKeyPem } from '../../../core/image/keys';
import { imageService, type ImageService } from './image-service';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imgtool/${name}`));
const testKey = { name: 'imgtool test key', publicKey: parsePublicKeyPem(readFileSync('tests/fixtures/imgtool/ed25519.pub.pem', 'utf8')) };
const SIGNED = 'app-ed25519-v1.2.3+4-sc5.bin';

/** The same structured-clone boundary a Worker has, over a MessageChannel inside this process. */
function connect(): { remote: Comlink.Remote<ImageService>; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(imageService, port1 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<ImageService>(port2 as unknown as Comlink.Endpoint);
  return { remote, close: () => (port1.close(), port2.close()) };
}

let close = () => {};
afterEach(() => close());

const transferred = (bytes: Uint8Array) => {
  const buffer = bytes.slice().buffer;
  return Comlink.transfer(buffer, [buffer]);
};

describe('image worker service across a message boundary', () => {
  it('R11 verifies the imgtool image against its key and names the signer', async () => {
    const link = connect();
    close = link.close;
    const result = await link.remote.verifyImage(transferred(fixture(SIGNED)), [testKey]);
    expect(result).toMatchObject({
      ok: true,
      value: {
        digest: 'ce173793833cf82c2c6cb3468714c3718d60b16b6b2adbc4a010863a7a5ca28f',
        signer: { name: 'imgtool test key', keyHash: '5dde4e4e16ac2087d097355312c1c2861e9996019131ba1bc4f434628ed55acb' },
        image: { version: '1.2.3+4', securityCounter: 5, imageSize: 1000, signed: true }
      }
    });
  });

  it('R08 keeps the error code of a tampered image (IMAGE_HASH_MISMATCH) on the way back', async () => {
    const link = connect();
    close = link.close;
    const tampered = fixture(SIGNED);
    tampered[0x200 + 10] ^= 0x01;
    const result = await link.remote.verifyImage(transferred(tampered), [testKey]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IMAGE_HASH_MISMATCH');
      expect(result.error.detail).not.toBe('');
    }
  });

  it('R11 reports an unknown key and a non-image file with their codes', async () => {
    const link = connect();
    close = link.close;
    expect(await link.remote.verifyImage(transferred(fixture(SIGNED)), [])).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_UNKNOWN_KEY' }
    });
    expect(await link.remote.inspectImage(transferred(fixture('app.bin')))).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_BAD_MAGIC' }
    });
  });

  it('inspects without verifying and reports hashing progress up to the hashed length', async () => {
    const link = connect();
    close = link.close;
    const summary = await link.remote.inspectImage(transferred(fixture(SIGNED)));
    expect(summary).toMatchObject({ ok: true, value: { version: '1.2.3+4', fileSize: 1668, keyHash: expect.any(String) } });
    const seen: Array<[number, number]> = [];
    const done = await link.remote.verifyImage(
      transferred(fixture(SIGNED)),
      [testKey],
      Comlink.proxy((hashed: number, total: number) => void seen.push([hashed, total]))
    );
    expect(done.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10)); // progress messages are fire-and-forget
    expect(seen.at(-1)).toEqual([0x5f4, 0x5f4]);
  });
});
