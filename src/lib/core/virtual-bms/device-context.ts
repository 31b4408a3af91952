/**
 * What the SMP command handlers see of the device: its flash, its RAM state (upload session, technician
 * session, the firmware's self-test), its sensors and its settings. The virtual BMS implements it; the
 * handlers stay plain functions of (context, request) → reply.
 */
import type { ParsedImage } from '../image/image-types';
import type { BmsConfig, BootEvent, SelfTestReport } from '../protocol/smp/groups/bms-group';
import type { SmpLimits } from '../protocol/smp/smp-client-types';
import type { AuthSessions } from './bms/auth';
import type { BatteryModel } from './board/battery';
import type { FlashPhase } from './mcuboot/bootloader';
import type { DeviceIdentity } from './board/device-identity';
import type { FirmwareBehaviour } from './firmware-behaviour';
import type { FlashLayout } from './flash/flash-layout';
import type { UploadSession } from './smp/image-upload';
import type { BroadcastReceiver } from './bms/broadcast-upload';
import type { InterfaceFaults } from './board/self-test';
import type { TrustedData } from './mcuboot/trusted-storage';

export interface RunningFirmware {
  image: ParsedImage;
  signer: string;
  behaviour: FirmwareBehaviour;
  selfTest: SelfTestReport;
}

export interface DeviceContext {
  /** 'recovery': only the bootloader answers (nothing bootable, or the recovery button) */
  readonly mode: 'app' | 'recovery';
  readonly layout: FlashLayout;
  readonly identity: DeviceIdentity;
  readonly limits: SmpLimits;
  readonly upload: UploadSession;
  /** an image broadcast to the RS485 bank (bms/broadcast-upload.ts) */
  readonly broadcast: BroadcastReceiver;
  readonly auth: AuthSessions;
  readonly running: RunningFirmware | undefined;
  readonly bootLog: readonly BootEvent[];
  readonly battery: BatteryModel;
  readonly interfaceFaults: InterfaceFaults;
  config(): BmsConfig;
  writeConfig(config: BmsConfig): void;
  trusted(): TrustedData;
  uptimeMs(): number;
  /** resets since power-up of the simulator: RAM that handlers keep belongs to one boot */
  readonly bootCount: number;
  setPhase(phase: FlashPhase): void;
  /** The reset SMP asks for: after the response has gone out, as Zephyr's os_mgmt does. */
  scheduleReset(afterMs: number): void;
}
