/** The fault panel's state: the board's status and the controls, run in the Virtual BMS worker. */
import type { PowerLossTrigger } from '$lib/core/virtual-bms/virtual-bms';
import { toErrorData, type ErrorData, type Result } from '$lib/core/errors';
import { virtualBms, type VirtualBmsKnobs, type VirtualBmsStatus, type VirtualFamily } from '$lib/platform/web/virtual-bms/virtual-bms-client';
import type { MessageKey } from '../../i18n/translate';
import { deviceConnection } from '../session/session.svelte';

class VirtualBmsPanel {
  status = $state.raw<VirtualBmsStatus | undefined>();
  error = $state.raw<ErrorData | undefined>();
  /** what the last control did, for the live region */
  done = $state<MessageKey | undefined>();
  busy = $state(false);

  load(): Promise<void> {
    return this.#run(() => virtualBms().status());
  }

  set(knobs: Partial<VirtualBmsKnobs>): Promise<void> {
    return this.#run(() => virtualBms().set(knobs), 'vbms.applied');
  }

  powerCycle = () => this.#run(() => virtualBms().powerCycle(), 'vbms.done');
  pullCable = () => this.#run(() => virtualBms().dropLines(), 'vbms.done');
  enrol = () => this.#run(() => virtualBms().enrolAppKey(), 'vbms.done');
  factoryReset = async (enrolAppKey: boolean, family: VirtualFamily = 'bms') => {
    await this.#run(() => virtualBms().factoryReset({ enrolAppKey, family }), 'vbms.done');
    // A new board on a cut line: the session to the old one is closed, and the pages say why.
    if (!this.error && deviceConnection.link?.kind === 'virtual') await deviceConnection.factoryResetDone();
  };
  powerLossAt = (trigger: PowerLossTrigger) => this.#run(() => virtualBms().powerLossAt(trigger), 'vbms.armed');

  async #run(call: () => Promise<Result<VirtualBmsStatus>>, done?: MessageKey): Promise<void> {
    this.busy = true;
    this.done = undefined;
    try {
      const result = await call();
      if (result.ok) {
        this.status = result.value;
        this.error = undefined;
        this.done = done;
      } else {
        this.error = result.error;
      }
    } catch (error) {
      this.error = toErrorData(error);
    } finally {
      this.busy = false;
    }
  }
}

export const virtualBmsPanel = new VirtualBmsPanel();
