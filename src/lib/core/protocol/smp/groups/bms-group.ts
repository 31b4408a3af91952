/**
 * The BMS management group: a user group (SMP reserves ids >= 64 for applications) spoken by the
 * virtual BMS and by real controllers running our firmware. Bodies are CBOR maps; physical values are
 * integers in milli / deci units so that no CBOR float is needed on a microcontroller.
 */
export const BMS_GROUP_ID = 64;

export const BmsCommand = {
  /** read → BmsIdentity */
  identity: 0,
  /** read → BmsTelemetry */
  telemetry: 1,
  /** read → { config: BmsConfig }; write { config: Partial<BmsConfig> } → { config: BmsConfig } */
  config: 2,
  /** read → SelfTestReport (of the last boot) */
  selfTest: 3,
  /** write {} → BalanceTestReport (runs the cell-balancing test, R20; takes a few seconds) */
  balanceTest: 4,
  /** read → AuthChallenge; write AuthResponse → AuthGranted (R14) */
  auth: 5,
  /** read → { events: BootEvent[] } (the reboot sequence of the last boot, R17) */
  bootLog: 6,
  /**
   * RS485 broadcast transfer (docs/rs485.md), where the identity lists the "bcast" capability: write
   * { off, data, len, sha, blk } starts (off 0) or continues an image sent to many units at once; every
   * chunk but the last, which completes the image through the image group's upload. → { missing }
   */
  bcastChunk: 7,
  /** read → BroadcastStatus */
  bcastStatus: 8
} as const;

/** Extensions a firmware announces in its identity (`caps`). */
export const BmsCapability = {
  /** takes an image broadcast to the whole bus (BmsCommand.bcastChunk / bcastStatus) */
  broadcast: 'bcast'
} as const;

/** What a unit holds of a broadcast image. */
export interface BroadcastStatus {
  /** image length; 0 when no broadcast was started since the last reset */
  len: number;
  /** chunk size */
  blk: number;
  /** SHA-256 of the image file, as the upload's `sha` */
  sha: Uint8Array;
  /** offsets of chunks still missing (the first 64) */
  missing: number[];
  /** every broadcast chunk is in: an image upload with the same sha resumes before the last chunk */
  ready: boolean;
}

/** Group error codes (v2 `err.rc` with group 64, v1 `rc` = 256 + value, as Zephyr's MGMT_ERR_EPERUSER). */
export const BmsGroupRc = {
  OK: 0,
  UNKNOWN: 1,
  /** A config key that does not exist; `rsn` names it. */
  UNKNOWN_SETTING: 2,
  /** A config value outside its allowed range or of the wrong type; `rsn` names the key and range. */
  SETTING_OUT_OF_RANGE: 3,
  /** Settings that contradict each other (e.g. balance start above overvoltage). */
  SETTING_CONFLICT: 4,
  /** Signature over the challenge does not verify, or the key is not enrolled. */
  AUTH_REJECTED: 5,
  /** No challenge was issued or it expired (one use only). */
  AUTH_NO_CHALLENGE: 6,
  /** The balancing test could not run (pack not in a state where balancing is allowed). */
  BALANCE_NOT_POSSIBLE: 7
} as const;

export interface BmsIdentity {
  model: string;
  serial: string;
  hw_rev: string;
  /** "major.minor.revision" of the bootloader */
  bl_version: string;
  /** running firmware version "major.minor.revision+build" */
  fw_version: string;
  /** image hash (SHA256 TLV) of the running firmware */
  fw_hash: Uint8Array;
  /** the security counter stored in the device's trusted storage (anti-rollback, R25) */
  sec_cnt: number;
  /** true when no valid application runs and only the bootloader answers (recovery, R22) */
  in_bootloader: boolean;
  /** extensions this firmware implements (BmsCapability); absent on older firmware */
  caps?: string[];
}

export interface BmsTelemetry {
  /** state of charge in 0.1 % (permille) */
  soc_pm: number;
  pack_mv: number;
  /** supply / pack voltage measured at the BMS input, in mV (R03) */
  supply_mv: number;
  /** positive = charging */
  current_ma: number;
  cells_mv: number[];
  /** temperature sensors in 0.1 °C; null for a sensor that does not answer */
  temps_dc: (number | null)[];
  /** per-cell bleed resistor state */
  balancing: boolean[];
  /** bit flags, see ProtectionFlag */
  protections: number;
  chg_fet: boolean;
  dsg_fet: boolean;
  cycles: number;
  uptime_ms: number;
}

export const ProtectionFlag = {
  cellOvervoltage: 1 << 0,
  cellUndervoltage: 1 << 1,
  overTemperature: 1 << 2,
  underTemperature: 1 << 3,
  overCurrentCharge: 1 << 4,
  overCurrentDischarge: 1 << 5,
  shortCircuit: 1 << 6,
  /** protections deliberately disabled during the reboot into new firmware (R17) */
  protectionsSuspended: 1 << 7
} as const;

/** Every setting is an integer (units in the key name) or a short string. */
export type BmsConfig = Record<string, number | string>;

export interface SelfTestItem {
  /** 'voltage_calibration' | 'temperature_sensors' | 'rs485' | 'can' */
  name: string;
  pass: boolean;
  /** measured value, e.g. worst calibration error in 0.01 % or the failing sensor index */
  value: number;
  /** the limit it was compared against, same unit */
  limit: number;
  detail: string;
}

export interface SelfTestReport {
  /** false until the running firmware has finished its self-test after boot */
  done: boolean;
  pass: boolean;
  items: SelfTestItem[];
}

export interface BalanceCellResult {
  index: number;
  before_mv: number;
  after_mv: number;
  /** whether the bleed resistor was seen to pull the cell down */
  ok: boolean;
}

export interface BalanceTestReport {
  pass: boolean;
  cells: BalanceCellResult[];
}

export interface AuthChallenge {
  /** 32 fresh random bytes, valid for one response */
  nonce: Uint8Array;
  serial: string;
}

export interface AuthResponse {
  /** raw 32-byte Ed25519 public key of the technician */
  pubkey: Uint8Array;
  /** Ed25519 signature over authMessage(nonce, serial) */
  sig: Uint8Array;
}

export interface AuthGranted {
  /** the session ends after this many seconds without a write, or on reset */
  idle_timeout_s: number;
}

/** What the technician signs: a domain tag so the signature cannot be replayed elsewhere. */
export function authMessage(nonce: Uint8Array, serial: string): Uint8Array {
  const tag = new TextEncoder().encode('bms-flasher/auth/v1');
  const serialBytes = new TextEncoder().encode(serial);
  const out = new Uint8Array(tag.length + nonce.length + serialBytes.length);
  out.set(tag, 0);
  out.set(nonce, tag.length);
  out.set(serialBytes, tag.length + nonce.length);
  return out;
}

export interface BootEvent {
  /** milliseconds since the reset that started this boot */
  t_ms: number;
  /**
   * 'reset' | 'protections_off' | 'image_check' | 'swap' | 'revert' | 'firmware_loaded' | 'protections_on' | 'self_test' | 'image_rejected' | 'boot_loop'
   * | 'recovery' (recovery button held: serial recovery) | 'config_reset' (the firmware reset the settings to its defaults);
   * an 'image_rejected' detail starts with the error code ("DEVICE_IMAGE_ROLLBACK: …"), see docs/virtual-bms.md
   */
  phase: string;
  detail: string;
}
