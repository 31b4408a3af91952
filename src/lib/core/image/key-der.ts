/**
 * Ed25519 keys in DER, as imgtool (Python cryptography) writes them: PKCS#8 PrivateKeyInfo and X.509
 * SubjectPublicKeyInfo (RFC 8410). A tiny bounded DER reader checks the structure instead of trusting
 * fixed offsets, so a wrong or damaged key gets a precise message.
 */
import { fail } from '../errors';
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { ED25519_KEY_SIZE } from './ed25519';

/** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) … }: 12 bytes, then the key. */
const SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);
/** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING … } }: 16 bytes, then the seed. */
const PKCS8_PREFIX = Uint8Array.of(
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
);
const ED25519_OID = '2b6570';
const KNOWN_OIDS: Record<string, string> = {
  '2b6570': 'Ed25519',
  '2b6571': 'Ed448',
  '2b656e': 'X25519 (an encryption key, not a signing key)',
  '2a8648ce3d0201': 'ECDSA (EC public key)',
  '2a864886f70d010101': 'RSA'
};
const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, OID: 0x06, SEQUENCE: 0x30 } as const;

interface DerNode {
  tag: number;
  start: number;
  end: number;
}

function readNode(der: Uint8Array, offset: number, limit: number, what: string): DerNode {
  if (offset + 2 > limit) fail('IMAGE_KEY_INVALID', `${what}: DER element at byte ${offset} is cut short`);
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2 || start + count > limit) {
      fail('IMAGE_KEY_INVALID', `${what}: bad DER length at byte ${offset + 1}`);
    }
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | der[start++];
  }
  if (start + length > limit) fail('IMAGE_KEY_INVALID', `${what}: DER element at byte ${offset} runs past its container`);
  return { tag, start, end: start + length };
}

function children(der: Uint8Array, parent: DerNode, what: string): DerNode[] {
  const nodes: DerNode[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const node = readNode(der, at, parent.end, what);
    nodes.push(node);
    at = node.end;
  }
  return nodes;
}

function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) {
    const found = node ? `0x${node.tag.toString(16)}` : 'nothing';
    fail('IMAGE_KEY_INVALID', `${what}: expected DER tag 0x${tag.toString(16)}, found ${found}`);
  }
  return node;
}

function root(der: Uint8Array, what: string): DerNode[] {
  const top = expectTag(readNode(der, 0, der.length, what), TAG.SEQUENCE, what);
  if (top.end !== der.length) fail('IMAGE_KEY_INVALID', `${what}: ${der.length - top.end} stray bytes after the key`);
  return children(der, top, what);
}

function expectEd25519Algorithm(der: Uint8Array, node: DerNode | undefined, what: string): void {
  const algorithm = children(der, expectTag(node, TAG.SEQUENCE, what), what);
  const oid = expectTag(algorithm[0], TAG.OID, what);
  const oidHex = bytesToHex(der.subarray(oid.start, oid.end));
  if (oidHex !== ED25519_OID) {
    fail('IMAGE_KEY_UNSUPPORTED', `${what} is ${KNOWN_OIDS[oidHex] ?? `algorithm OID ${oidHex}`}, not Ed25519`);
  }
}

/** The 32-byte seed from PKCS#8 v1 (imgtool, OpenSSL) or v2 (with optional attributes/public key). */
export function decodePkcs8(der: Uint8Array): Uint8Array {
  const what = 'PKCS#8 private key';
  const [version, algorithm, privateKey] = root(der, what);
  const v = expectTag(version, TAG.INTEGER, what);
  if (v.end - v.start !== 1 || der[v.start] > 1) fail('IMAGE_KEY_INVALID', `${what}: unknown version`);
  expectEd25519Algorithm(der, algorithm, what);
  const outer = expectTag(privateKey, TAG.OCTET_STRING, what);
  const inner = expectTag(readNode(der, outer.start, outer.end, what), TAG.OCTET_STRING, what);
  if (inner.end - inner.start !== ED25519_KEY_SIZE || inner.end !== outer.end) {
    fail('IMAGE_KEY_INVALID', `${what}: seed has ${inner.end - inner.start} bytes, expected ${ED25519_KEY_SIZE}`);
  }
  return der.slice(inner.start, inner.end);
}

export function decodeSpki(der: Uint8Array): Uint8Array {
  const what = 'public key';
  const [algorithm, bits] = root(der, what);
  expectEd25519Algorithm(der, algorithm, what);
  const key = expectTag(bits, TAG.BIT_STRING, what);
  if (key.end - key.start !== ED25519_KEY_SIZE + 1 || der[key.start] !== 0) {
    fail('IMAGE_KEY_INVALID', `${what}: key bit string has ${key.end - key.start} bytes, expected 33 starting with 0`);
  }
  return der.slice(key.start + 1, key.end);
}

/** The 44-byte DER SubjectPublicKeyInfo that MCUboot's KEYHASH hashes and its PUBKEY TLV carries. */
export function encodeSpki(publicKey: Uint8Array): Uint8Array {
  return concat(SPKI_PREFIX, publicKey);
}

export function encodePkcs8(secretKey: Uint8Array): Uint8Array {
  return concat(PKCS8_PREFIX, secretKey);
}

function concat(prefix: Uint8Array, key: Uint8Array): Uint8Array {
  if (key.length !== ED25519_KEY_SIZE) fail('IMAGE_KEY_INVALID', `Ed25519 key has ${key.length} bytes, expected 32`);
  return concatBytes(prefix, key);
}
