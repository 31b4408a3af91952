/**
 * The device-family seam: what the update procedure, a backup restore and the tools need from a device,
 * split into capabilities a family may or may not have. A family is one folder (family/<name>/) that
 * builds a DeviceSession over a Link; the procedure looks at which capabilities are present and composes
 * itself from them (update/steps/), so a missing one is never skipped in silence: it becomes an operator
 * reading, an explicit acknowledgement, or a line that says what could not be checked.
 *
 * Every method rejects with a BmsError; a family translates protocol errors into update codes where the
 * procedure must react to them (e.g. UPDATE_AUTH_REJECTED).
 */
import { fail } from '../errors';
import type { LinkInfo } from '../link/link';
import type {
  AuthChallenge,
  AuthGranted,
  AuthResponse,
  BalanceTestReport,
  BmsConfig,
  BmsIdentity,
  BmsTelemetry,
  BootEvent,
  SelfTestReport
} from '../protocol/smp/groups/bms-group';

/**
 * Who the device is and what it runs. Families that do not report a field leave it empty ('' or 0)
 * and say so in `FamilyProfile.reports`: an empty serial means "not reported", never "no serial".
 */
export type DeviceIdentity = BmsIdentity;

/** One entry of the SMP image state (image group, command 0). */
export interface ImageSlot {
  image: number;
  slot: number;
  version: string;
  hash: Uint8Array;
  bootable: boolean;
  pending: boolean;
  confirmed: boolean;
  active: boolean;
  permanent: boolean;
}

/** Round-trip probes sent before any firmware byte (R06). */
export interface LinkProbeReport {
  probes: number;
  /** probes answered intact */
  ok: number;
  /** probes never answered */
  lost: number;
  /** probes answered with corrupted bytes (CRC, base64, framing) */
  corrupted: number;
  /** line errors reported by the port (framing, parity, overrun) during the test */
  lineErrors: number;
  roundTripMs: { min: number; avg: number; max: number };
  /** the host's line rate, when the link has one */
  baudRate?: number;
}

export interface UploadOptions {
  /** bytes acknowledged by the device so far */
  onProgress?: (sent: number, total: number) => void;
  /**
   * Stops the upload with CANCELLED. The device keeps every whole chunk it acknowledged, so calling
   * upload again resumes from its offset: this is how the procedure holds a transfer (R01–R03).
   */
  signal?: AbortSignal;
}

/** The known families; a new one adds its name here and its folder under family/. */
export type FamilyId = 'bms' | 'mcumgr';

/** What the device's bootloader guarantees, whatever the application does. */
export interface BootloaderGuarantees {
  /** the bootloader refuses an image whose signature it cannot verify (false also when unknown) */
  checksSignature: boolean;
  /**
   * 'swap': a test boot keeps the previous image in the other bank and a reset without confirm brings
   * it back (MCUboot swap with revert); 'overwrite': the new image replaces the old one or is never
   * started, so there is nothing to fall back to; 'unknown': the device does not say, treated as overwrite.
   */
  fallback: 'swap' | 'overwrite' | 'unknown';
  /** how the tool knows, for the operator: "MCUboot mode 3 (swap using move), from the device" */
  source: string;
}

/** A family's name and the guarantees its bootloader gives; the capabilities are the session's fields. */
export interface FamilyProfile {
  id: FamilyId;
  /** for people: "our BMS firmware", "stock MCUboot + mcumgr (Zephyr smp_svr)" */
  label: string;
  bootloader: BootloaderGuarantees;
  /** identity fields this family reports (others are left empty) */
  reports: { serial: boolean; model: boolean; hwRev: boolean; securityCounter: boolean };
}

/** Battery readings: SoC, temperatures, pack and supply voltage, cells, balancing. */
export interface BatteryReadings {
  telemetry(): Promise<BmsTelemetry>;
}

/** Configuration read and write. `source` says where the settings live, for the operator. */
export interface ConfigAccess {
  readonly source: string;
  readConfig(): Promise<BmsConfig>;
  /** Writes some settings; returns the whole configuration after the write. */
  writeConfig(values: BmsConfig): Promise<BmsConfig>;
}

/** The authenticated maintenance session (R14): a challenge signed by an enrolled technician key. */
export interface MaintenanceAuth {
  authChallenge(): Promise<AuthChallenge>;
  /** UPDATE_AUTH_REJECTED when the device refuses the signature or the key. */
  authRespond(response: AuthResponse): Promise<AuthGranted>;
}

/** The firmware's own self-test and balance test reports (R18, R20). */
export interface DeviceReports {
  selfTest(): Promise<SelfTestReport>;
  balanceTest(): Promise<BalanceTestReport>;
}

/** The bootloader's and the firmware's log of the last boot (R17). */
export interface BootLogReader {
  bootLog(): Promise<BootEvent[]>;
}

/** Image slots and transfer: every family the procedure can update has them. */
export interface ImageTransfer {
  imageState(): Promise<ImageSlot[]>;
  /** Writes the image to the inactive bank (R10), resuming from the offset the device reports. */
  upload(image: Uint8Array, options?: UploadOptions): Promise<void>;
  /** Marks the uploaded image for one test boot (reverts on the next reset unless confirmed, with a swap). */
  testImage(hash: Uint8Array): Promise<ImageSlot[]>;
  /** Confirms the running image (makes the test permanent). */
  confirm(): Promise<ImageSlot[]>;
  /** Asks the device to reset; resolves once the request is accepted (the device may already be gone). */
  reset(): Promise<void>;
  /**
   * After a reset, a power loss or a disconnect: waits (reopening the link if the platform can) until
   * the device answers again, and returns its identity.
   */
  waitForBoot(options: { timeoutMs: number; signal?: AbortSignal }): Promise<DeviceIdentity>;
}

/** What every family offers: who it is, a line test, and a way to close. */
export interface FamilySession {
  readonly link: LinkInfo;
  readonly family: FamilyProfile;
  /** First contact: negotiates transport parameters; returns a line for the log. */
  connect(): Promise<string>;
  identity(): Promise<DeviceIdentity>;
  linkTest(): Promise<LinkProbeReport>;
  close(): Promise<void>;
  // The optional capabilities: absent means the device cannot do it, and the procedure says so.
  readonly battery?: BatteryReadings;
  readonly config?: ConfigAccess;
  readonly auth?: MaintenanceAuth;
  readonly reports?: DeviceReports;
  readonly boot?: BootLogReader;
}

/** A device the safe procedure can update. */
export interface DeviceSession extends FamilySession, ImageTransfer {}

/** Which capabilities a session has, as plain data for the UI and the CLI (crosses the worker boundary). */
export interface FamilyDescription {
  profile: FamilyProfile;
  battery: boolean;
  config?: string;
  auth: boolean;
  selfTest: boolean;
  bootLog: boolean;
}

export function describeFamily(session: FamilySession): FamilyDescription {
  return {
    profile: session.family,
    battery: session.battery !== undefined,
    ...(session.config ? { config: session.config.source } : {}),
    auth: session.auth !== undefined,
    selfTest: session.reports !== undefined,
    bootLog: session.boot !== undefined
  };
}

type Capability = 'battery' | 'config' | 'auth' | 'reports' | 'boot';
const CAPABILITY_WORDS: Record<Capability, string> = {
  battery: 'battery readings',
  config: 'settings',
  auth: 'authenticated maintenance session',
  reports: 'self-test or balance test report',
  boot: 'boot log'
};

/** The capability a caller cannot do without; FAMILY_NOT_SUPPORTED, naming the family, when it is absent. */
export function need<K extends Capability>(session: FamilySession, name: K): NonNullable<FamilySession[K]> {
  const found = session[name];
  if (found === undefined) fail('FAMILY_NOT_SUPPORTED', `${session.family.label}: this device exposes no ${CAPABILITY_WORDS[name]}`);
  return found as NonNullable<FamilySession[K]>;
}
