/**
 * The keys a user adds, kept in IndexedDB (idb-keyval) under their MCUboot key hash, so adding the same
 * key twice is one entry. Opened lazily: pages are prerendered where IndexedDB does not exist.
 */
import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import { bytesToHex } from '@noble/hashes/utils.js';
import { keyFingerprint, keyHashOf, type TrustedKey } from '../../../core/image/keys';

/** A trusted key with what the UI shows and stores it by. */
export interface KeyEntry extends TrustedKey {
  /** Hex of the MCUboot KEYHASH (SHA-256 of the DER public key): the entry's identity. */
  id: string;
  fingerprint: string;
}

export interface StoredKey extends KeyEntry {
  /** ISO 8601 time it was added (audit trail, R27). */
  addedAt: string;
}

export interface TrustedKeysStore {
  list(): Promise<StoredKey[]>;
  add(key: TrustedKey): Promise<StoredKey>;
  remove(id: string): Promise<void>;
}

export function keyEntry(key: TrustedKey): KeyEntry {
  return {
    name: key.name,
    publicKey: key.publicKey,
    id: bytesToHex(keyHashOf(key.publicKey)),
    fingerprint: keyFingerprint(key.publicKey)
  };
}

export function idbTrustedKeysStore(): TrustedKeysStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('bms-flasher-trusted-keys', 'keys'));
  return {
    async list() {
      const all = await values<StoredKey>(db());
      return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    },
    async add(key) {
      const entry: StoredKey = { ...keyEntry(key), addedAt: new Date().toISOString() };
      await set(entry.id, entry, db());
      return entry;
    },
    async remove(id) {
      await del(id, db());
    }
  };
}
