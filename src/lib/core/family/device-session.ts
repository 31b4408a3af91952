/**
 * Exactly what the update procedure and a backup restore need from a device, and nothing more. The SMP
 * adapter (bms/smp-device-session.ts) implements it over a Link; keeping it narrow lets the procedure be read
 * without knowing SMP, and keeps the transport (serial, USB, BLE, virtual) out of every step.
 * Every method rejects with a BmsError; the adapter translates protocol errors into update codes
 * where the procedure must react to them (e.g. UPDATE_AUTH_REJECTED).
 */
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

export interface DeviceSession {
  readonly link: LinkInfo;
  /** First contact: negotiates transport parameters; returns a line for the log. */
  connect(): Promise<string>;
  identity(): Promise<BmsIdentity>;
  telemetry(): Promise<BmsTelemetry>;
  readConfig(): Promise<BmsConfig>;
  /** Writes some settings; returns the whole configuration after the write. */
  writeConfig(values: BmsConfig): Promise<BmsConfig>;
  authChallenge(): Promise<AuthChallenge>;
  /** UPDATE_AUTH_REJECTED when the device refuses the signature or the key. */
  authRespond(response: AuthResponse): Promise<AuthGranted>;
  imageState(): Promise<ImageSlot[]>;
  /** Writes the image to the inactive bank (R10), resuming from the offset the device reports. */
  upload(image: Uint8Array, options?: UploadOptions): Promise<void>;
  /** Marks the uploaded image for one test boot (reverts on the next reset unless confirmed). */
  testImage(hash: Uint8Array): Promise<ImageSlot[]>;
  /** Confirms the running image (makes the test permanent). */
  confirm(): Promise<ImageSlot[]>;
  /** Asks the device to reset; resolves once the request is accepted (the device may already be gone). */
  reset(): Promise<void>;
  /**
   * After a reset, a power loss or a disconnect: waits (reopening the link if the platform can) until
   * the device answers again, and returns its identity.
   */
  waitForBoot(options: { timeoutMs: number; signal?: AbortSignal }): Promise<BmsIdentity>;
  bootLog(): Promise<BootEvent[]>;
  selfTest(): Promise<SelfTestReport>;
  balanceTest(): Promise<BalanceTestReport>;
  linkTest(): Promise<LinkProbeReport>;
}
