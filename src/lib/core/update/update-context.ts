/**
 * What runUpdate is given (the platform, passed in) and what the steps learn on the way. Each step
 * reads what earlier steps recorded here and adds its own facts; the report is built from it.
 */
import type { BackupStore } from '../backup/backup-store';
import type { ConfigBackup } from '../backup/config-backup';
import type { ConfigChange } from '../backup/config-diff';
import type { ErrorData } from '../errors';
import type { Sha256 } from '../image/hash-image';
import type { TrustedKey } from '../image/keys';
import type { VerifiedImage } from '../image/verify-image';
import type { ReportStore } from '../report/update-report';
import type { BalanceTestReport, BmsIdentity, BootEvent, SelfTestReport } from '../protocol/smp/groups/bms-group';
import type { CheckResult } from './checks/check-result';
import type { SafetyLimits } from './checks/safety-limits';
import type { OperatorReadings } from './checks/operator-readings';
import type { ChecklistAnswers, ChecklistRecord } from './checklist';
import type { DeviceSession, ImageSlot } from '../family/device-session';
import type { TechnicianSigner } from '../family/technician-signer';
import type { UpdateTimings } from './update-timings';
import type { LogEntry, LogLevel, PhaseName, PhaseRecord, TransferPause, UpdateState } from './update-state';
import type { Text } from '../../i18n/translate';

export interface UpdateStores {
  backups: BackupStore;
  reports: ReportStore;
}

export interface UpdateOptions {
  session: DeviceSession;
  store: UpdateStores;
  /** the developer keys packages must be signed with (R11, R24) */
  trustedKeys: TrustedKey[];
  /** trusted elsewhere but not for this device (published test keys on a real port): named when they signed the package */
  withheldKeys?: TrustedKey[];
  /** the technician's key for the authenticated session (R14); missing → UPDATE_TECHNICIAN_KEY_MISSING */
  technicianKey?: TechnicianSigner;
  /** the operator's site checklist (R04, R05); the operator's name goes into the report */
  checklist?: ChecklistAnswers;
  /** SoC and temperature read on site, for a device without battery readings (R01, R02) */
  operatorReadings?: OperatorReadings;
  /** called for every state change, with the phases so far */
  onState?: (state: UpdateState, timeline: readonly PhaseRecord[]) => void;
  /** called for every log line as it happens (R16) */
  log?: (entry: LogEntry) => void;
  /** milliseconds since the epoch; injectable for reports with fixed times */
  now?: () => number;
  signal?: AbortSignal;
  limits?: Partial<SafetyLimits>;
  timings?: Partial<UpdateTimings>;
  /** the SHA-256 used to verify the package (WebCrypto in the browser); noble by default */
  sha256?: Sha256;
  /** recorded in the report, e.g. "bms-flasher 0.1.0 (web)" */
  tool?: string;
}

export interface UpdateContext {
  /** a normal update, or recovery of a device stuck in its bootloader (R22) */
  readonly kind: 'update' | 'recovery';
  readonly image: Uint8Array;
  readonly session: DeviceSession;
  readonly store: UpdateStores;
  readonly trustedKeys: TrustedKey[];
  readonly withheldKeys: TrustedKey[];
  readonly signer?: TechnicianSigner;
  readonly answers?: ChecklistAnswers;
  readonly operatorReadings?: OperatorReadings;
  readonly limits: SafetyLimits;
  readonly timings: UpdateTimings;
  readonly signal?: AbortSignal;
  readonly sha256?: Sha256;
  readonly now: () => number;
  /** ISO 8601 of now() */
  iso(): string;
  /** a Text is kept with the entry and shown in the reader's language; a string is technical detail */
  log(level: LogLevel, message: Text | string, detail?: string): void;
  /** marks the running phase as passed with warnings (and logs why) */
  warn(message: Text | string): void;
  emit(state: UpdateState): void;
  wait(ms: number): Promise<void>;

  // Facts, in the order the steps learn them.
  connection?: string;
  before?: BmsIdentity;
  slotsBefore?: ImageSlot[];
  verified?: VerifiedImage;
  checks: CheckResult[];
  /** mean supply voltage measured in pre-flight: the reference during the transfer (R03) */
  supplyBaselineMv?: number;
  checklist: ChecklistRecord[];
  backup?: ConfigBackup;
  pauses: TransferPause[];
  bootLog: BootEvent[];
  selfTest?: SelfTestReport;
  after?: BmsIdentity;
  /** whether the image running at the end is confirmed, once a step proved it */
  afterConfirmed?: boolean;
  /** when the device was read back at the end (after and afterConfirmed are that reading) */
  readBackAt?: string;
  /** the version marked for a test boot at the next reset, when the read-back found one */
  pendingAfter?: string;
  balanceTest?: BalanceTestReport;
  configChanges?: ConfigChange[];
  /** why the new image was abandoned (fallback) or why the device may not return to service */
  cause?: ErrorData;
}
