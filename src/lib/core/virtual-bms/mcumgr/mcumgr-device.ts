/**
 * The virtual BMS as a stock MCUboot + mcumgr device: Zephyr's smp_svr sample on the same board
 * (device-families.md §1). Same flash, bootloader and SMP OS / image handlers as our BMS, configured
 * the way that firmware is built: no BMS group (a read of group 64 answers rc 8), no authentication,
 * no battery readings, zcbor's indefinite-length maps, the shell sharing the UART, an image erase that
 * may clear a pending slot 1 (CONFIG_MCUMGR_GRP_IMG_ALLOW_ERASE_PENDING), and firmware that never
 * confirms itself. Options choose what a given build enables.
 */
import type { CborMap } from '../../protocol/smp/cbor';
import { ImageCommand, McubootMode, OsCommand, OsRc, SmpGroup } from '../../protocol/smp/smp-ids';
import type { DeviceContext } from '../device-context';
import type { DeviceProfile } from '../device-profile';
import { eraseSlotHandler } from '../smp/image-state';
import { bootloaderInfoIn } from '../smp/os-handlers';
import { groupError, ok, textField, type Reply } from '../smp/smp-reply';
import { APP_IMAGE_ROUTES, OS_IMAGE_ROUTES, RECOVERY_ROUTES, routeKey, type RouteTable } from '../smp/smp-server';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../virtual-bms';
import { consoleFraming } from '../smp/endpoint-framing';
import { FileStore, fsLegacyRc, fsRoutes } from './fs-handlers';
import { SettingsStore, settingsLegacyRc, settingsRoutes } from './settings-handlers';
import { shellConsole, type ShellOptions } from './shell-console';

export interface McumgrDeviceOptions extends Omit<VirtualBmsOptions, 'profile' | 'technicianKeys' | 'authTiming'> {
  /** false: a bootloader that never swaps; slot 1 stays pending and slot 0 runs again (default true) */
  swap?: boolean;
  /**
   * true: the bootloader checks what stock MCUboot checks (header, hash, signature by its key), so images
   * signed with `bms-flasher sign` without our security counter or metadata TLVs boot (default false:
   * the board's bootloader with this product's checks)
   */
  plainImageCheck?: boolean;
  /** OS cmd 6, mcumgr params (CONFIG_MCUMGR_GRP_OS_MCUMGR_PARAMS); without it, rc 8 (default true) */
  params?: boolean;
  /** OS cmd 7 and 8, OS and bootloader info (CONFIG_MCUMGR_GRP_OS_INFO / _BOOTLOADER_INFO) (default true) */
  info?: boolean;
  /** settings group (3) with these values (default: no settings group) */
  settings?: Record<string, Uint8Array>;
  /** file-system group (8) with these files (default: no file-system group) */
  files?: Record<string, Uint8Array>;
  /** the shell on the UART (default) or false for the bare SMP UART transport */
  shell?: ShellOptions | false;
}

/** Settings a small product keeps (CONFIG_SETTINGS): opaque little-endian values, as its code stores them. */
export function exampleSettings(): Record<string, Uint8Array> {
  const u16 = (n: number) => Uint8Array.of(n & 0xff, n >> 8);
  return {
    'app/name': new TextEncoder().encode('smp_svr'),
    'bms/cell_ov_mv': u16(4200),
    'bms/cell_uv_mv': u16(2800),
    'bms/balance_mv': u16(10)
  };
}

/** The same settings as a file a product keeps on its little file system (fs group). */
export function exampleSettingsFile(): Record<string, Uint8Array> {
  return { '/lfs/settings.txt': new TextEncoder().encode('cell_ov_mv=4200\ncell_uv_mv=2800\nbalance_mv=10\n') };
}

/** What smp_svr's application logs at start. */
const BOOT_LOG = ['smp_sample: build time: Dec  3 2026 10:00:00', 'smp_sample: SMP server ready on the shell UART'];

/** uname-like answer of OS info (cmd 7), one word a format letter (os_mgmt.c os_mgmt_info). */
const INFO_FIELDS: Record<string, string> = {
  s: 'Zephyr',
  n: 'unknown',
  r: '3.4.99',
  v: 'zephyr-v3.4.0-5678-g0123456789ab',
  b: 'Dec  3 2026 10:00:00',
  m: 'arm',
  p: 'cortex-m4',
  i: 'bms_board',
  o: 'Zephyr'
};

function osInfo(_ctx: DeviceContext, body: CborMap): Reply {
  const format = textField(body, 'format') ?? 's';
  const letters = format.includes('a') ? Object.keys(INFO_FIELDS) : [...format];
  const unknown = letters.find((letter) => !(letter in INFO_FIELDS));
  if (unknown !== undefined) return groupError(SmpGroup.os, OsRc.INVALID_FORMAT, `format letter "${unknown}"`);
  return ok({ output: letters.map((letter) => INFO_FIELDS[letter]).join(' ') });
}

function routesOf(options: McumgrDeviceOptions): { app: RouteTable; legacyRc: Record<number, (rc: number) => number> } {
  const key = routeKey;
  const app: RouteTable = {
    ...OS_IMAGE_ROUTES,
    ...APP_IMAGE_ROUTES,
    [key(SmpGroup.image, ImageCommand.erase)]: { write: eraseSlotHandler({ allowPending: true }) }
  };
  if (options.params === false) delete app[key(SmpGroup.os, OsCommand.params)];
  if (options.info === false) delete app[key(SmpGroup.os, OsCommand.bootloaderInfo)];
  else {
    app[key(SmpGroup.os, OsCommand.info)] = { read: osInfo };
    const mode = options.swap === false ? McubootMode.singleApp : McubootMode.swapUsingMove;
    app[key(SmpGroup.os, OsCommand.bootloaderInfo)] = { read: bootloaderInfoIn(mode) };
  }
  const legacyRc: Record<number, (rc: number) => number> = {};
  if (options.settings) {
    Object.assign(app, settingsRoutes(new SettingsStore(options.settings)));
    legacyRc[SmpGroup.settings] = settingsLegacyRc;
  }
  if (options.files) {
    Object.assign(app, fsRoutes(new FileStore(options.files)));
    legacyRc[SmpGroup.fs] = fsLegacyRc;
  }
  return { app, legacyRc };
}

export function mcumgrProfile(options: McumgrDeviceOptions = {}): DeviceProfile {
  const { app, legacyRc } = routesOf(options);
  const shell = options.shell ?? {};
  return {
    server: { app, recovery: RECOVERY_ROUTES, indefiniteMaps: true, legacyRc },
    uart: shell === false ? (io) => consoleFraming(io.lineLength) : (io) => shellConsole(io, { bootLog: BOOT_LOG, ...shell }),
    firmware: 'stock',
    swap: options.swap,
    plainImageCheck: options.plainImageCheck
  };
}

/** A stock mcumgr device on the virtual board; `port` is its UART, as for our BMS. */
export function createMcumgrDevice(options: McumgrDeviceOptions = {}): VirtualBms {
  return createVirtualBms({ ...options, profile: mcumgrProfile(options) });
}
