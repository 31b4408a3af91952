/**
 * The trusted keys the app verifies against: the built-in published test keys (trust-scope.ts), which
 * can be turned off but not removed, plus the user's keys (IndexedDB). Which of them apply depends on
 * the device: the test keys sign firmware for the Virtual BMS only, unless the developer setting says
 * otherwise. The session worker applies the same rule again on its side, where the link is known.
 */
import { browser } from '$app/environment';
import type { TrustedKey } from '$lib/core/image/keys';
import { PUBLISHED_TEST_KEYS, keysForTarget, trustTargetOf, type ScopedKeys, type TrustTarget } from '$lib/core/update/trust-scope';
import {
  idbTrustedKeysStore,
  keyEntry,
  type KeyEntry,
  type StoredKey,
  type TrustedKeysStore
} from '$lib/platform/web/storage/trusted-keys-store';
import { deviceConnection } from '../session/session.svelte';

const SETTINGS_KEY = 'bms-flasher.trust';

interface TrustSettings {
  /** ids of built-in keys the user turned off */
  off: string[];
  testKeysOnRealPorts: boolean;
}

/** What the pre-flight and the update send to the session worker. */
export interface TrustRequest {
  trustedKeys: TrustedKey[];
  testKeysOnRealPorts: boolean;
}

class TrustedKeys {
  /** shipped with the app: today only the published test keys; a deployment adds its vendors' keys */
  readonly builtIn: readonly KeyEntry[] = PUBLISHED_TEST_KEYS.map(keyEntry);
  // Raw state: entries hold Uint8Arrays and go to the worker, which cannot clone Svelte proxies.
  user = $state.raw<StoredKey[]>([]);
  loaded = $state(false);
  settings = $state.raw<TrustSettings>(readSettings());
  /** every key turned on, for any device */
  readonly all: TrustedKey[] = $derived([...this.builtIn.filter((key) => this.isOn(key)), ...this.user]);
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

  isOn(key: KeyEntry): boolean {
    return !this.settings.off.includes(key.id);
  }

  /** The device the keys are for now: a connected real port, else the Virtual BMS. */
  get target(): TrustTarget {
    const link = deviceConnection.link;
    return deviceConnection.status !== 'disconnected' && link ? trustTargetOf(link) : 'virtual';
  }

  /** The keys that apply to `target` (the current device by default), and the test keys left out. */
  scoped(target: TrustTarget = this.target): ScopedKeys {
    return keysForTarget(target, this.all, this.settings);
  }

  request(): TrustRequest {
    return { trustedKeys: this.all.map(({ name, publicKey }) => ({ name, publicKey })), testKeysOnRealPorts: this.settings.testKeysOnRealPorts };
  }

  setOn(key: KeyEntry, on: boolean): void {
    const off = this.settings.off.filter((id) => id !== key.id);
    this.#save({ ...this.settings, off: on ? off : [...off, key.id] });
  }

  setTestKeysOnRealPorts(allowed: boolean): void {
    this.#save({ ...this.settings, testKeysOnRealPorts: allowed });
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

  #save(settings: TrustSettings): void {
    this.settings = settings;
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    } catch {
      // Storage disabled: the setting lasts for this visit only.
    }
  }

  #db(): TrustedKeysStore {
    return (this.#store ??= idbTrustedKeysStore());
  }
}

/** Defaults (every built-in key on, test keys for the Virtual BMS only) unless the user changed them. */
function readSettings(): TrustSettings {
  const defaults: TrustSettings = { off: [], testKeysOnRealPorts: false };
  if (!browser) return defaults;
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<TrustSettings> | null;
    return {
      off: Array.isArray(stored?.off) ? stored.off.filter((id) => typeof id === 'string') : [],
      testKeysOnRealPorts: stored?.testKeysOnRealPorts === true
    };
  } catch {
    return defaults;
  }
}

export const trustedKeys = new TrustedKeys();
