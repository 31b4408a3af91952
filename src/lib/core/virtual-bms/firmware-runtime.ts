/**
 * What the BMS application does after the bootloader jumps to it (R17–R19): re-enable the
 * protections, start the SMP server, run the self-test, then confirm itself (boot_set_confirmed) when
 * the test passes. A failing self-test on a test image is not confirmed and the firmware resets, so
 * the bootloader reverts to the previous firmware (R19). Marker payloads change this behaviour
 * (firmware-behaviour.ts): crash before confirming, reset the settings, leave confirmation to the tool.
 */
import type { SelfTestReport } from '../protocol/smp/groups/bms-group';
import type { ResetReason } from './mcuboot/bootloader';
import type { RunningFirmware } from './device-context';

export const FIRMWARE_TIMING = {
  /** settings read and, with RESET_CONFIG, rewritten */
  configMs: 5,
  protectionsOnMs: 40,
  /** a BOOT_LOOP firmware dies here, before its SMP server runs */
  crashMs: 70,
  smpReadyMs: 100,
  selfTestMs: 300,
  /** a failed test image lets the tool read the report, then resets for the revert */
  failResetMs: 1000
};

export interface FirmwareHost {
  /** runs `run` after this many ms (a device timer: a reset or power cut cancels it) */
  after(ms: number, run: () => void | Promise<void>): void;
  log(phase: string, detail: string): void;
  runSelfTest(): SelfTestReport;
  /** boot_is_img_confirmed */
  isConfirmed(): boolean;
  confirm(): void;
  /** writes the defaults; false when they were already in place */
  resetConfig(): boolean;
  smpReady(): void;
  reset(reason: ResetReason): Promise<void>;
}

export function startFirmware(host: FirmwareHost, running: RunningFirmware): void {
  const { behaviour } = running;
  const t = FIRMWARE_TIMING;
  if (behaviour.resetConfig) {
    host.after(t.configMs, () => {
      if (host.resetConfig()) host.log('config_reset', 'settings layout not recognised: all settings reset to this firmware\'s defaults');
    });
  }
  host.after(t.protectionsOnMs, () => host.log('protections_on', 'protection firmware running: cell, temperature and current limits enforced'));
  if (behaviour.bootLoop) {
    host.after(t.crashMs, () => host.reset('watchdog'));
    return;
  }
  host.after(t.smpReadyMs, () => host.smpReady());
  host.after(t.selfTestMs, () => {
    const report = host.runSelfTest();
    running.selfTest = report;
    const confirmed = host.isConfirmed();
    const failed = report.items.filter((item) => !item.pass).map((item) => item.name);
    if (report.pass) {
      if (!confirmed && !behaviour.manualConfirm) host.confirm();
      const note = confirmed ? 'image already confirmed' : behaviour.manualConfirm ? 'waiting for the tool to confirm the image' : 'image confirmed';
      host.log('self_test', `pass; ${note}`);
      return;
    }
    if (confirmed) {
      host.log('self_test', `fail: ${failed.join(', ')}; the image is confirmed, so it keeps running with the fault reported`);
      return;
    }
    host.log('self_test', `fail: ${failed.join(', ')}; image not confirmed, resetting so the bootloader reverts`);
    host.after(t.failResetMs, () => host.reset('software'));
  });
}
