/**
 * SMP group and command ids and the error-code tables (Zephyr smp_protocol.rst, smp_group_0/1.rst,
 * mgmt_defines.h, img_mgmt.h). The image-group numbers follow the enum order in img_mgmt.h: they are not
 * written explicitly in the source (see the reference notes).
 */
import { BMS_GROUP_ID, BmsCommand } from './groups/bms-group';

export const SmpGroup = {
  os: 0,
  image: 1,
  stat: 2,
  settings: 3,
  fs: 8,
  shell: 9,
  zephyrBasic: 63,
  /** first id reserved for applications; our BMS group is 64 (groups/bms-group.ts) */
  perUser: 64
} as const;

export const OsCommand = {
  echo: 0,
  taskStats: 2,
  reset: 5,
  params: 6,
  /** OS/application info, uname-like (CONFIG_MCUMGR_GRP_OS_INFO) */
  info: 7,
  bootloaderInfo: 8
} as const;

/** os_mgmt_err_code_t: v2 `err.rc` for group 0. */
export const OsRc = { UNKNOWN: 1, INVALID_FORMAT: 2, QUERY_YIELDS_NO_ANSWER: 3 } as const;

/** enum mcuboot_mode, as bootloader info (OS cmd 8, query "mode") reports it. */
export const McubootMode = {
  singleApp: 0,
  swapUsingScratch: 1,
  overwriteOnly: 2,
  swapUsingMove: 3,
  directXip: 4,
  directXipWithRevert: 5,
  ramLoad: 6
} as const;

/** Settings management group (3), smp_group_3.rst. */
export const SettingsCommand = { readWrite: 0, delete: 1, commit: 2, loadSave: 3 } as const;

/** settings_mgmt_ret_code_t: v2 `err.rc` for group 3, in enum order. */
export const SETTINGS_RC_NAMES = [
  'OK',
  'UNKNOWN',
  'KEY_TOO_LONG',
  'KEY_NOT_FOUND',
  'READ_NOT_SUPPORTED',
  'ROOT_KEY_NOT_FOUND',
  'WRITE_NOT_SUPPORTED',
  'DELETE_NOT_SUPPORTED',
  'SAVE_NOT_SUPPORTED'
] as const;
export const SettingsRc = Object.fromEntries(SETTINGS_RC_NAMES.map((name, rc) => [name, rc])) as Record<
  (typeof SETTINGS_RC_NAMES)[number],
  number
>;

/** File management group (8), smp_group_8.rst. */
export const FsCommand = { file: 0, status: 1, hash: 2, supportedHashes: 3, close: 4 } as const;

/** fs_mgmt_err_code_t: v2 `err.rc` for group 8, in enum order. */
export const FS_RC_NAMES = [
  'OK',
  'UNKNOWN',
  'FILE_INVALID_NAME',
  'FILE_NOT_FOUND',
  'FILE_IS_DIRECTORY',
  'FILE_OPEN_FAILED',
  'FILE_SEEK_FAILED',
  'FILE_READ_FAILED',
  'FILE_TRUNCATE_FAILED',
  'FILE_DELETE_FAILED',
  'FILE_WRITE_FAILED',
  'FILE_OFFSET_NOT_VALID',
  'FILE_OFFSET_LARGER_THAN_FILE',
  'CHECKSUM_HASH_NOT_FOUND',
  'MOUNT_POINT_NOT_FOUND',
  'READ_ONLY_FILESYSTEM',
  'FILE_EMPTY'
] as const;
export const FsRc = Object.fromEntries(FS_RC_NAMES.map((name, rc) => [name, rc])) as Record<(typeof FS_RC_NAMES)[number], number>;

export const ImageCommand = {
  state: 0,
  upload: 1,
  erase: 5,
  slotInfo: 6
} as const;

/** `mcumgr_err_t`: the legacy `rc` of v1 responses and of v2 responses to non-group errors. */
export const MgmtRc = {
  OK: 0,
  UNKNOWN: 1,
  NO_MEMORY: 2,
  INVALID: 3,
  TIMEOUT: 4,
  NO_ENTRY: 5,
  BAD_STATE: 6,
  MSG_SIZE: 7,
  NOT_SUPPORTED: 8,
  CORRUPT: 9,
  BUSY: 10,
  ACCESS_DENIED: 11,
  UNSUPPORTED_TOO_OLD: 12,
  UNSUPPORTED_TOO_NEW: 13,
  /** 256 and above: codes of application groups (ours is 256 + BmsGroupRc) */
  PER_USER: 256
} as const;

/** Names as in `mgmt_defines.h`, for logs and error details. */
export const MGMT_RC_NAMES: Record<number, string> = {
  0: 'MGMT_ERR_EOK',
  1: 'MGMT_ERR_EUNKNOWN',
  2: 'MGMT_ERR_ENOMEM',
  3: 'MGMT_ERR_EINVAL',
  4: 'MGMT_ERR_ETIMEOUT',
  5: 'MGMT_ERR_ENOENT',
  6: 'MGMT_ERR_EBADSTATE',
  7: 'MGMT_ERR_EMSGSIZE',
  8: 'MGMT_ERR_ENOTSUP',
  9: 'MGMT_ERR_ECORRUPT',
  10: 'MGMT_ERR_EBUSY',
  11: 'MGMT_ERR_EACCESSDENIED',
  12: 'MGMT_ERR_UNSUPPORTED_TOO_OLD',
  13: 'MGMT_ERR_UNSUPPORTED_TOO_NEW'
};

/** `img_mgmt_err_code_t`: v2 `err.rc` for group 1, counted from 0 in enum order. */
export const IMAGE_RC_NAMES = [
  'OK',
  'UNKNOWN',
  'FLASH_CONFIG_QUERY_FAIL',
  'NO_IMAGE',
  'NO_TLVS',
  'INVALID_TLV',
  'TLV_MULTIPLE_HASHES_FOUND',
  'TLV_INVALID_SIZE',
  'HASH_NOT_FOUND',
  'NO_FREE_SLOT',
  'FLASH_OPEN_FAILED',
  'FLASH_READ_FAILED',
  'FLASH_WRITE_FAILED',
  'FLASH_ERASE_FAILED',
  'INVALID_SLOT',
  'NO_FREE_MEMORY',
  'FLASH_CONTEXT_ALREADY_SET',
  'FLASH_CONTEXT_NOT_SET',
  'FLASH_AREA_DEVICE_NULL',
  'INVALID_PAGE_OFFSET',
  'INVALID_OFFSET',
  'INVALID_LENGTH',
  'INVALID_IMAGE_HEADER',
  'INVALID_IMAGE_HEADER_MAGIC',
  'INVALID_HASH',
  'INVALID_FLASH_ADDRESS',
  'VERSION_GET_FAILED',
  'CURRENT_VERSION_IS_NEWER',
  'IMAGE_ALREADY_PENDING',
  'INVALID_IMAGE_VECTOR_TABLE',
  'INVALID_IMAGE_TOO_LARGE',
  'INVALID_IMAGE_DATA_OVERRUN',
  'IMAGE_CONFIRMATION_DENIED',
  'IMAGE_SETTING_TEST_TO_ACTIVE_DENIED'
] as const;

export type ImageRcName = (typeof IMAGE_RC_NAMES)[number];

/** The image-group rc as a name-to-number table, e.g. ImageRc.NO_FREE_SLOT === 9. */
export const ImageRc = Object.fromEntries(IMAGE_RC_NAMES.map((name, rc) => [name, rc])) as Record<ImageRcName, number>;

export function mgmtRcName(rc: number): string {
  if (rc >= MgmtRc.PER_USER) return `MGMT_ERR_PERUSER+${rc - MgmtRc.PER_USER}`;
  return MGMT_RC_NAMES[rc] ?? `rc ${rc}`;
}

export function imageRcName(rc: number): string {
  return IMAGE_RC_NAMES[rc] ?? `rc ${rc}`;
}

const COMMAND_NAMES: Record<number, [string, Record<number, string>]> = {
  [SmpGroup.os]: ['os', invert(OsCommand)],
  [SmpGroup.image]: ['image', invert(ImageCommand)],
  [SmpGroup.settings]: ['settings', invert(SettingsCommand)],
  [SmpGroup.fs]: ['fs', invert(FsCommand)],
  [BMS_GROUP_ID]: ['bms', invert(BmsCommand)]
};

function invert(table: Record<string, number>): Record<number, string> {
  return Object.fromEntries(Object.entries(table).map(([name, id]) => [id, name]));
}

/** "image upload", "bms config", or "group 9 command 0" for ids we do not name: for logs and error details. */
export function describeCommand(group: number, command: number): string {
  const entry = COMMAND_NAMES[group];
  const name = entry?.[1][command];
  return entry && name ? `${entry[0]} ${name}` : `group ${group} command ${command}`;
}
