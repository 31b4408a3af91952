/**
 * Settings management (SMP group 3, Zephyr settings_mgmt, smp_group_3.rst) over a small settings
 * subsystem: values are opaque byte strings under "root/name" keys. A write changes the running value
 * only; save (cmd 3, write) stores the running values in flash, load (cmd 3, read) reads them back; a
 * reset drops what was not saved, as Zephyr's settings do.
 */
import type { CborMap } from '../../protocol/smp/cbor';
import { MgmtRc, SettingsCommand, SettingsRc, SmpGroup } from '../../protocol/smp/smp-ids';
import type { DeviceContext } from '../device-context';
import { routeKey, type RouteTable } from '../smp/smp-server';
import { BadRequest, bytesField, groupError, ok, textField, uintField, type Reply } from '../smp/smp-reply';

/** CONFIG_SETTINGS_MGMT_NAME_LEN-ish: longer names are refused with KEY_TOO_LONG. */
const MAX_NAME = 32;

export class SettingsStore {
  /** what save wrote to flash: survives resets */
  readonly saved: Map<string, Uint8Array>;
  #running = new Map<string, Uint8Array>();
  #boot = -1;
  readonly #roots: Set<string>;

  constructor(initial: Record<string, Uint8Array>) {
    this.saved = new Map(Object.entries(initial).map(([name, value]) => [name, value.slice()]));
    this.#roots = new Set([...this.saved.keys()].map(rootOf));
  }

  /** The running values of this boot (loaded from flash at start). */
  running(ctx: DeviceContext): Map<string, Uint8Array> {
    if (this.#boot !== ctx.bootCount) {
      this.#boot = ctx.bootCount;
      this.load();
    }
    return this.#running;
  }

  load(): void {
    this.#running = new Map([...this.saved].map(([name, value]) => [name, value.slice()]));
  }

  save(ctx: DeviceContext): void {
    this.saved.clear();
    for (const [name, value] of this.running(ctx)) this.saved.set(name, value.slice());
  }

  /** Only keys under a registered handler (a root) exist: others are ROOT_KEY_NOT_FOUND. */
  hasRoot(name: string): boolean {
    return this.#roots.has(rootOf(name));
  }
}

const rootOf = (name: string) => name.split('/')[0];
const settingsError = (rc: number, rsn: string) => groupError(SmpGroup.settings, rc, rsn);

function nameOf(body: CborMap): string {
  const name = textField(body, 'name');
  if (name === undefined || name === '') throw new BadRequest('"name" (text) is required');
  return name;
}

function checked(store: SettingsStore, name: string): Reply | undefined {
  if (name.length > MAX_NAME) return settingsError(SettingsRc.KEY_TOO_LONG, `name longer than ${MAX_NAME}`);
  if (!store.hasRoot(name)) return settingsError(SettingsRc.ROOT_KEY_NOT_FOUND, `no settings handler for "${name}"`);
  return undefined;
}

/** settings_mgmt_translate_error_code: the v1 `rc` of a settings error. */
export function settingsLegacyRc(rc: number): number {
  if (rc === SettingsRc.KEY_TOO_LONG) return MgmtRc.INVALID;
  if (rc === SettingsRc.KEY_NOT_FOUND || rc === SettingsRc.ROOT_KEY_NOT_FOUND) return MgmtRc.NO_ENTRY;
  if (rc >= SettingsRc.READ_NOT_SUPPORTED) return MgmtRc.NOT_SUPPORTED;
  return MgmtRc.UNKNOWN;
}

export function settingsRoutes(store: SettingsStore): RouteTable {
  const read = (ctx: DeviceContext, body: CborMap): Reply => {
    const name = nameOf(body);
    const maxSize = uintField(body, 'max_size');
    const refused = checked(store, name);
    if (refused) return refused;
    const value = store.running(ctx).get(name);
    if (!value) return settingsError(SettingsRc.KEY_NOT_FOUND, `no setting "${name}"`);
    return ok({ val: maxSize === undefined ? value : value.subarray(0, maxSize) });
  };
  const write = (ctx: DeviceContext, body: CborMap): Reply => {
    const name = nameOf(body);
    const value = bytesField(body, 'val');
    if (value === undefined) throw new BadRequest('"val" (bytes) is required');
    const refused = checked(store, name);
    if (refused) return refused;
    store.running(ctx).set(name, value.slice());
    return ok();
  };
  const remove = (ctx: DeviceContext, body: CborMap): Reply => {
    const name = nameOf(body);
    const refused = checked(store, name);
    if (refused) return refused;
    if (!store.running(ctx).delete(name)) return settingsError(SettingsRc.KEY_NOT_FOUND, `no setting "${name}"`);
    return ok();
  };
  return {
    [routeKey(SmpGroup.settings, SettingsCommand.readWrite)]: { read, write },
    [routeKey(SmpGroup.settings, SettingsCommand.delete)]: { write: remove },
    [routeKey(SmpGroup.settings, SettingsCommand.commit)]: { write: () => ok() },
    [routeKey(SmpGroup.settings, SettingsCommand.loadSave)]: {
      read: (ctx) => {
        store.running(ctx);
        store.load();
        return ok();
      },
      write: (ctx) => {
        store.save(ctx);
        return ok();
      }
    }
  };
}
