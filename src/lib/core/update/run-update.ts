/**
 * THE safe update procedure (GitHub issue 5), as named phases run in order by procedure-runner.ts:
 *
 *   before any write   connect → identify → preflight → checklist → authenticate → backup   (fail: blocked)
 *   install            transfer → verify-on-device                                          (fail: aborted)
 *   acceptance         test-boot → self-test → confirm                     (fail: fallback → rolled-back)
 *   return to service  balance-check, config-check                 (issues recorded, update stays done)
 *   always             report
 *
 * See docs/update-procedure.md.
 */
import type { UpdateOptions } from './update-context';
import { runProcedure, type Procedure } from './procedure-runner';
import type { FinalState } from './update-state';
import { authenticate } from './steps/authenticate';
import { backup } from './steps/backup';
import { balanceCheck } from './steps/balance-check';
import { checklist } from './steps/checklist';
import { configCheck } from './steps/config-check';
import { confirm } from './steps/confirm';
import { connect } from './steps/connect';
import { fallback } from './steps/fallback';
import { identify } from './steps/identify';
import { preflight } from './steps/preflight';
import { selfTest } from './steps/self-test';
import { testBoot } from './steps/test-boot';
import { transfer } from './steps/transfer';
import { verifyOnDevice } from './steps/verify-on-device';

export const UPDATE_PROCEDURE: Procedure = {
  kind: 'update',
  beforeWrite: [
    ['connect', connect],
    ['identify', identify],
    ['preflight', preflight],
    ['checklist', checklist],
    ['authenticate', authenticate],
    ['backup', backup]
  ],
  install: [
    ['transfer', transfer],
    ['verify-on-device', verifyOnDevice]
  ],
  acceptance: [
    ['test-boot', testBoot],
    ['self-test', selfTest],
    ['confirm', confirm]
  ],
  fallback,
  returnToService: [
    ['balance-check', balanceCheck],
    ['config-check', configCheck]
  ]
};

/** Updates the connected device with `image` (the signed MCUboot file); never throws. */
export function runUpdate(image: Uint8Array, options: UpdateOptions): Promise<FinalState> {
  return runProcedure(UPDATE_PROCEDURE, image, options);
}
