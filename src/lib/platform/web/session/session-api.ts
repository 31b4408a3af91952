/**
 * The contract between the pages and the "session" Web Worker, where the protocol engine runs (SMP
 * client, DeviceSession, runUpdate), so the page never stalls during a transfer.
 *
 * - Every call resolves with a `Result`: Comlink would turn a thrown BmsError into a bare Error and
 *   lose its `code`, so errors come back as `{ ok: false, error: { code, detail } }` (ErrorPanel shows them).
 * - Image buffers are TRANSFERRED: after `preflight` / `startUpdate` the caller's ArrayBuffer is
 *   detached (byteLength 0); pass `buffer.slice(0)` to keep a copy.
 * - Keys and backups cross as plain copies: pass `{ name, publicKey }` objects, not Svelte proxies.
 * - One device at a time: a new connect closes the previous session.
 *
 * Pages use `sessionApi()` from session-client.ts (or the rune store src/lib/ui/session/session.svelte.ts);
 * the worker implements `SessionService` (session-service.ts), which Node tests call directly.
 */
import type { ConfigBackup } from '../../../core/backup/config-backup';
import type { RestorePreview, RestoreResult } from '../../../core/backup/restore-backup';
import type { ErrorData, Result } from '../../../core/errors';
import type { TrustedKey } from '../../../core/image/keys';
import type { LinkInfo } from '../../../core/link/link';
import type { BmsConfig, BmsIdentity, BmsTelemetry } from '../../../core/protocol/smp/groups/bms-group';
import type { CheckResult, CheckStatus } from '../../../core/update/checks/check-result';
import type { ChecklistAnswers, ChecklistItemId, ChecklistRecord } from '../../../core/update/checklist';
import type { FamilyDescription, ImageSlot, LinkProbeReport } from '../../../core/family/device-session';
import type { OperatorReadings } from '../../../core/update/checks/operator-readings';
import type { PreflightReport } from '../../../core/update/run-preflight';
import type { FinalState, LogEntry, PhaseRecord, UpdateState } from '../../../core/update/update-state';
import type { SerialPortLike } from '../links/web-serial-types';
import type { UsbDeviceLike } from '../links/webusb-types';
import type { WebBluetoothOptions } from '../links/web-bluetooth-link';
import type { BluetoothDeviceLike } from '../links/web-bluetooth-types';

export type { RestorePreview, RestoreResult } from '../../../core/backup/restore-backup';

/** What a successful connect learned. */
export interface ConnectedDevice {
  identity: BmsIdentity;
  link: LinkInfo;
  /** transport parameters, for the log: "SMP v2, buffer 384 bytes × 4 (from the device), line 127" */
  connection: string;
  /** the device's family and what the tool can check on it */
  family: FamilyDescription;
}

/** The link test (R06): the round-trip report and its verdict. A device silent at the selected rate
 *  gives `{ ok: false }` with LINK_BAUD_MISMATCH ("device answers at 57600, you selected 115200") or
 *  LINK_NO_ANSWER instead. */
export interface LinkTestOutcome {
  report: LinkProbeReport;
  check: CheckResult;
}

export interface PreflightOptions {
  /**
   * the keys packages may be signed with: built-in plus the user's (plain copies). The session keeps
   * published test keys for the Virtual BMS only, unless `testKeysOnRealPorts` (trust-scope.ts).
   */
  trustedKeys: TrustedKey[];
  /** the developer setting of the Keys page, off by default */
  testKeysOnRealPorts?: boolean;
  /** the operator's answers so far; reviewed into `checklist` / `missing` */
  checklist?: ChecklistAnswers;
  /** SoC and temperature read on site, for a device that cannot measure them (R01, R02) */
  operatorReadings?: OperatorReadings;
}

/** The pre-flight checks (core/update/run-preflight.ts) run on the connected device. Nothing is written. */
export type { PreflightReport } from '../../../core/update/run-preflight';

export interface UpdateRequest {
  /** as for preflight */
  trustedKeys: TrustedKey[];
  testKeysOnRealPorts?: boolean;
  /** the operator's site checklist (R04, R05); `checklist.operator` is the name in the report (R27) */
  checklist: ChecklistAnswers;
  /** as for preflight */
  operatorReadings?: OperatorReadings;
}

export type StateListener = (state: UpdateState, timeline: PhaseRecord[]) => void;
export type LogListener = (entry: LogEntry) => void;

/** Told to the page when the connection changes outside of its own calls. */
export type SessionEvent =
  /** the device went away (cable pulled, power lost); calls fail until a new connect */
  | { type: 'disconnected'; error: ErrorData }
  /** the link was reopened by the session itself (after a reset or a dropped link, R16) */
  | { type: 'reconnected'; link: LinkInfo };
export type SessionEventListener = (event: SessionEvent) => void;

/** The session calls every page uses once connected (identical on the page and in the worker). */
export interface DeviceCalls {
  /** Closes the session and releases the port (Web Serial / WebUSB port, Bluetooth connection or virtual line). */
  disconnect(): Promise<Result<void>>;
  identity(): Promise<Result<BmsIdentity>>;
  telemetry(): Promise<Result<BmsTelemetry>>;
  /** The image slots (SMP image state): active, pending, confirmed (R10). */
  imageState(): Promise<Result<ImageSlot[]>>;
  /** Echo round trips, baud diagnosis when nothing answers (R06). */
  linkTest(): Promise<Result<LinkTestOutcome>>;
  /** The pre-flight checks for `image` (transferred), without writing anything. */
  preflight(image: ArrayBuffer, options: PreflightOptions): Promise<Result<PreflightReport>>;
  /**
   * Runs the whole update (runUpdate) with this browser's technician key (technician-key.ts) and the
   * IndexedDB backup and report stores. `onState` gets every state with the phase timeline, `onLog`
   * every log line (R16). Resolves with the final state (its report is saved); `{ ok: false }` only when
   * it could not start (not connected, another update running).
   */
  startUpdate(image: ArrayBuffer, request: UpdateRequest, onState?: StateListener, onLog?: LogListener): Promise<Result<FinalState>>;
  /** Asks the running update to stop safely (it decides where: a stop is never mid-write unrecoverable). */
  cancel(): Promise<void>;
  readConfig(): Promise<Result<BmsConfig>>;
  /** What restoring `backup` would change on the connected device (UPDATE_BACKUP_WRONG_DEVICE otherwise). */
  previewRestore(backup: ConfigBackup): Promise<Result<RestorePreview>>;
  /** Writes the backup's settings back (authenticated, read back and compared) (R09, R23). */
  restoreBackup(backup: ConfigBackup): Promise<Result<RestoreResult>>;
}

/** What the pages call (session-client.ts). */
export interface SessionApi extends DeviceCalls {
  /** One click: starts (or reuses) the in-browser Virtual BMS and connects to it. */
  connectVirtual(options?: { baudRate?: number }): Promise<Result<ConnectedDevice>>;
  /** Opens a Web Serial port (from choosePort / findGrantedPort) at `baudRate` and connects. */
  connectSerial(port: SerialPortLike, baudRate: number): Promise<Result<ConnectedDevice>>;
  /** Opens a WebUSB CDC-ACM device (from chooseUsbSerialDevice) at `baudRate` and connects. */
  connectUsb(device: UsbDeviceLike, baudRate: number): Promise<Result<ConnectedDevice>>;
  /**
   * Connects over Bluetooth LE to a device from chooseBluetoothDevice (SMP GATT, raw framing). A wireless
   * link: safety-critical images are refused (R13). A dropped connection is re-established to the same
   * device without the chooser.
   */
  connectBluetooth(device: BluetoothDeviceLike, options?: WebBluetoothOptions): Promise<Result<ConnectedDevice>>;
  /** Called on disconnects and reconnects; returns its removal. */
  onEvent(listener: SessionEventListener): () => void;
}

/** What the worker implements (session-service.ts): the device calls plus a byte port to talk over. */
export interface SessionService extends DeviceCalls {
  /**
   * Connects over `port`, a MessagePort carrying the link's bytes (link-bridge.ts; the page side runs
   * `pumpLinkToMessagePort`). `reopen` gives a fresh port after the link went away (a reset that
   * re-enumerates USB, a dropped line); `onEvent` hears disconnects and reconnects.
   */
  connectPort(port: MessagePort, info: LinkInfo, onEvent?: SessionEventListener, reopen?: () => Promise<MessagePort>): Promise<Result<ConnectedDevice>>;
}
