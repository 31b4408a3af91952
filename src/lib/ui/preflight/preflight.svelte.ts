/**
 * The Pre-flight page's state: the checks measured on the connected device for the chosen image, and
 * the operator's checklist and name (kept while the technician moves between pages, until an update starts).
 */
import { toErrorData, type ErrorData } from '$lib/core/errors';
import type { ChecklistAnswers, ChecklistItemId } from '$lib/core/update/checklist';
import type { OperatorReadings } from '$lib/core/update/checks/operator-readings';
import type { DeviceCalls, PreflightReport } from '$lib/platform/web/session/session-api';
import type { TrustRequest } from '../keys/trusted-keys.svelte';

class Preflight {
  report = $state.raw<PreflightReport | undefined>(undefined);
  /** the pre-flight call itself failed (no session, worker error) */
  failure = $state.raw<ErrorData | undefined>(undefined);
  checking = $state(false);
  /** the image the report is about: a new choice needs new checks */
  imageId = $state<string | undefined>(undefined);
  confirmed = $state<ChecklistItemId[]>([]);
  operator = $state('');
  /** a device without battery readings: SoC (%) and temperature (°C) read on site, as typed */
  socPct = $state('');
  tempC = $state('');

  async run(api: DeviceCalls, image: { id: string; buffer: ArrayBuffer }, trust: TrustRequest): Promise<void> {
    this.checking = true;
    this.failure = undefined;
    try {
      const result = await api.preflight(image.buffer, { ...trust, checklist: this.answers(), operatorReadings: this.readings() });
      if (result.ok) this.report = result.value;
      else this.failure = result.error;
      this.imageId = image.id;
    } catch (error) {
      this.failure = toErrorData(error);
    } finally {
      this.checking = false;
    }
  }

  /** The operator's readings when both are numbers; the pre-flight says what is missing otherwise. */
  readings(): OperatorReadings | undefined {
    const number = (text: string) => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));
    const reading = { socPct: number(this.socPct), tempC: number(this.tempC) };
    return Number.isFinite(reading.socPct) && Number.isFinite(reading.tempC) ? reading : undefined;
  }

  /**
   * R04: the site is checked for each update, so the ticks and the name do not carry over to the next
   * one; the checks are measured afresh too (the device was reset and runs something else). The
   * operator's readings go too: they were true of that moment.
   */
  clearAfterStart(): void {
    this.confirmed = [];
    this.operator = '';
    this.socPct = '';
    this.tempC = '';
    this.report = undefined;
    this.imageId = undefined;
  }

  answers(): ChecklistAnswers {
    return { operator: this.operator.trim(), confirmed: [...this.confirmed], at: new Date().toISOString() };
  }
}

export const preflight = new Preflight();
