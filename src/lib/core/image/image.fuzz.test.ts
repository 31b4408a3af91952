/**
 * R08 R11 robustness: 10,000 hostile inputs (random bytes, truncations, oversized length fields,
 * random TLV areas behind a valid header) and one 16 MiB image are each rejected with a BmsError, never another exception
 * and never a hang. Deterministic seed so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { SIGNED, fixture, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import { BmsError } from '../errors';
import { fuzzOptions } from '../../testing/fuzz';
import { parsePublicKeyPem } from './keys';
import { parseImage } from './parse-image';
import { signImage } from './sign-image';
import { parseVersion } from './version';
import { verifyImage } from './verify-image';

const trusted = [{ name: 'vendor', publicKey: parsePublicKeyPem(fixtureText('ed25519.pub.pem')) }];
const signed = fixture(SIGNED);
const RUNS = 2500;

/**
 * parseImage may accept a structurally sound input (it checks no hash), verifyImage never may: no random
 * input carries a matching SHA-256 and a trusted signature. Both may only fail with an IMAGE_ BmsError.
 */
async function expectRejected(bytes: Uint8Array): Promise<void> {
  for (const attempt of [async () => parseImage(bytes), () => verifyImage(bytes, trusted)]) {
    try {
      await attempt();
    } catch (error) {
      if (!(error instanceof BmsError)) throw error;
      expect(error.code).toMatch(/^IMAGE_/);
      continue;
    }
    expect(attempt, 'verifyImage accepted a hostile input').not.toBe(verifyImage);
  }
}

function withHeader(fields: { hdrSize: number; protSize: number; imgSize: number }, tail: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(32 + tail.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x96f3b83d, true);
  view.setUint16(8, fields.hdrSize, true);
  view.setUint16(10, fields.protSize, true);
  view.setUint32(12, fields.imgSize, true);
  bytes.set(tail, 32);
  return bytes;
}

describe('R08 R11 fuzz: 10,000 malformed images are rejected with a BmsError', () => {
  const opts = fuzzOptions(RUNS, 0x0b5a);

  it('random bytes of any length', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), expectRejected), opts);
  });

  it('truncations of a valid signed image', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: signed.length - 1 }), (n) => expectRejected(signed.slice(0, n))), opts);
  });

  it('an oversized (16 MiB) image is hashed in bounded chunks and refused only for being unsigned', async () => {
    const big = signImage(new Uint8Array(16 * 1024 * 1024).fill(0x5a), null, { version: parseVersion('1.0.0'), headerSize: 0x200, align: 4 });
    await expect(verifyImage(big, trusted)).rejects.toThrow(/^IMAGE_UNSIGNED/);
  });

  it('valid magic with oversized or inconsistent size fields', async () => {
    const fields = fc.record({
      hdrSize: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 31, 32, 0x200)),
      protSize: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 1, 4, 12)),
      imgSize: fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 64 }))
    });
    await fc.assert(fc.asyncProperty(fields, fc.uint8Array({ maxLength: 512 }), (f, tail) => expectRejected(withHeader(f, tail))), opts);
  });

  it('a valid header followed by TLV areas of known and random types, half with a correct SHA-256', async () => {
    const types = fc.oneof(fc.constantFrom(0x01, 0x02, 0x10, 0x11, 0x22, 0x24, 0x25, 0x50, 0xb5a0, 0xb5a1, 0xb5a2, 0xb5a3), fc.integer({ min: 0, max: 0xffff }));
    const sizes = fc.constantFrom(1, 4, 8, 32, 44, 64).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
    const tlvList = fc.array(fc.record({ type: types, data: fc.oneof(sizes, fc.uint8Array({ maxLength: 80 })) }), { maxLength: 6 });
    // Mostly honest area totals, so the walk reaches the TLVs instead of stopping at the info header.
    const total = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) });
    const input = fc.record({
      payload: fc.uint8Array({ maxLength: 64 }),
      prot: fc.option(fc.record({ tlvs: tlvList, total })),
      unprot: fc.record({ tlvs: tlvList, total }),
      // A correct hash TLV first lets the input reach key selection and signature checks.
      validHash: fc.boolean()
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ payload, prot, unprot, validHash }) => {
        const protBytes = prot ? encodeArea(0x6908, prot.tlvs, prot.total) : new Uint8Array(0);
        const unprotTlvs = validHash ? [{ type: 0x10, data: new Uint8Array(32) }, ...unprot.tlvs] : unprot.tlvs;
        const tail = new Uint8Array([...payload, ...protBytes, ...encodeArea(0x6907, unprotTlvs, unprot.total)]);
        const image = withHeader({ hdrSize: 32, protSize: protBytes.length, imgSize: payload.length }, tail);
        const hashedLength = 32 + payload.length + protBytes.length;
        if (validHash) image.set(sha256(image.subarray(0, hashedLength)), hashedLength + 8);
        await expectRejected(image);
      }),
      opts
    );
  });
});

function encodeArea(magic: number, tlvs: Array<{ type: number; data: Uint8Array }>, total?: number): Uint8Array {
  const size = 4 + tlvs.reduce((sum, t) => sum + 4 + t.data.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, magic, true);
  view.setUint16(2, total ?? size, true);
  let at = 4;
  for (const t of tlvs) {
    view.setUint16(at, t.type, true);
    view.setUint16(at + 2, t.data.length, true);
    bytes.set(t.data, at + 4);
    at += 4 + t.data.length;
  }
  return bytes;
}
