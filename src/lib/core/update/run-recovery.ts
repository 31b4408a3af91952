/**
 * Recovery mode (R22): a device stuck in its bootloader gets the last stable version back over a cable,
 * then the same acceptance as an update (boot sequence, self-test, confirmation proven by a reset) and
 * the same return-to-service checks. There is no fallback: the bootloader had nothing bootable.
 *
 * A device whose application still answers (a bad but running image) is recovered with the normal,
 * fully measured update procedure, reported as a recovery.
 */
import { toErrorData } from '../errors';
import { runProcedure, type Procedure } from './procedure-runner';
import { UPDATE_PROCEDURE } from './run-update';
import { authenticate } from './steps/authenticate';
import { balanceCheck } from './steps/balance-check';
import { checklist } from './steps/checklist';
import { configCheck } from './steps/config-check';
import { confirm } from './steps/confirm';
import { connect } from './steps/connect';
import { identify } from './steps/identify';
import { recoveryBackup } from './steps/recovery-backup';
import { recoveryBoot } from './steps/recovery-boot';
import { recoveryPreflight } from './steps/recovery-preflight';
import { selfTest } from './steps/self-test';
import { transfer } from './steps/transfer';
import { verifyOnDevice } from './steps/verify-on-device';
import type { UpdateOptions } from './update-context';
import type { FinalState } from './update-state';

export const RECOVERY_PROCEDURE: Procedure = {
  kind: 'recovery',
  beforeWrite: [
    ['connect', connect],
    ['identify', identify],
    ['preflight', recoveryPreflight],
    ['checklist', checklist],
    ['authenticate', authenticate],
    ['backup', recoveryBackup]
  ],
  install: [
    ['transfer', transfer],
    ['verify-on-device', verifyOnDevice]
  ],
  acceptance: [
    ['test-boot', recoveryBoot],
    ['self-test', selfTest],
    ['confirm', confirm]
  ],
  returnToService: [
    ['balance-check', balanceCheck],
    ['config-check', configCheck]
  ]
};

/** Reinstalls `image` (the last stable version) on a device in its bootloader, or on a running bad image. */
export async function runRecovery(image: Uint8Array, options: UpdateOptions): Promise<FinalState> {
  let inBootloader = true;
  try {
    inBootloader = (await options.session.identity()).in_bootloader;
  } catch (error) {
    // Unreachable now: the procedure's own connect phase reports it with the link diagnosis.
    options.log?.({ at: new Date((options.now ?? Date.now)()).toISOString(), level: 'warn', phase: 'connect', message: `first contact: ${toErrorData(error).code}` });
  }
  const procedure = inBootloader ? RECOVERY_PROCEDURE : { ...UPDATE_PROCEDURE, kind: 'recovery' as const };
  return runProcedure(procedure, image, options);
}
