/** The trusted keys the app verifies against: built-in ones plus the user's (IndexedDB). */
import { browser } from '$app/environment';
import type { TrustedKey } from '$lib/core/image/keys';
import {
  idbTrustedKeysStore,
  keyEntry,
  type KeyEntry,
  type StoredKey,
  type TrustedKeysStore
} from '$lib/platform/web/storage/trusted-keys-store';
import { BUILT_IN_KEYS } from './built-in-keys';

class TrustedKeys {
  readonly builtIn: readonly KeyEntry[] = BUILT_IN_KEYS.map(keyEntry);
  // Raw state: entries hold Uint8Arrays and go to the worker, which cannot clone Svelte proxies.
  user = $state.raw<StoredKey[]>([]);
  loaded = $state(false);
  readonly all: TrustedKey[] = $derived([...this.builtIn, ...this.user]);
  #store: TrustedKeysStore | undefined;
  #loading: Promise<void> | undefined;

  /** Resolves once the user's keys are read; safe to call from every page that needs them. */
  load(): Promise<void> {
    if (!browser) return Promise.resolve();
    return (this.#loading ??= this.#db()
      .list()
      .then((keys) => {
        this.user = keys;
        this.loaded = true;
      }));
  }

  /** The entry (built-in or user) with the same key, if it is already trusted. */
  find(publicKey: Uint8Array): KeyEntry | undefined {
    const id = keyEntry({ name: '', publicKey }).id;
    return [...this.builtIn, ...this.user].find((key) => key.id === id);
  }

  async add(key: TrustedKey): Promise<StoredKey> {
    const stored = await this.#db().add(key);
    this.user = [...this.user.filter((k) => k.id !== stored.id), stored];
    return stored;
  }

  async remove(id: string): Promise<void> {
    await this.#db().remove(id);
    this.user = this.user.filter((k) => k.id !== id);
  }

  #db(): TrustedKeysStore {
    return (this.#store ??= idbTrustedKeysStore());
  }
}

export const trustedKeys = new TrustedKeys();
