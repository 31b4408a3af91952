/**
 * The running update as the pages see it: the latest state, the phase timeline, the live log and, at
 * the end, the final state with its report. It lives outside the pages so that moving to the Result page
 * (or away and back) neither loses nor restarts anything.
 */
import { deviceConnection } from '../session/session.svelte';
import { toErrorData, type ErrorData } from '$lib/core/errors';
import type { BootEvent } from '$lib/core/protocol/smp/groups/bms-group';
import type { FinalState, LogEntry, PhaseRecord, UpdateState } from '$lib/core/update/update-state';
import type { DeviceCalls, UpdateRequest } from '$lib/platform/web/session/session-api';

class UpdateRun {
  state = $state.raw<UpdateState | undefined>(undefined);
  timeline = $state.raw<PhaseRecord[]>([]);
  log = $state.raw<LogEntry[]>([]);
  /** the last transfer state and the last boot log, kept after their phase ended */
  transfer = $state.raw<Extract<UpdateState, { phase: 'transfer' }> | undefined>(undefined);
  bootEvents = $state.raw<BootEvent[]>([]);
  final = $state.raw<FinalState | undefined>(undefined);
  /** the update could not even start (no session, another update running) */
  failure = $state.raw<ErrorData | undefined>(undefined);
  running = $state(false);
  cancelling = $state(false);

  /** Resolves with the final state, or undefined when the update could not start. */
  async start(api: DeviceCalls, image: ArrayBuffer, request: UpdateRequest): Promise<FinalState | undefined> {
    if (this.running) return undefined;
    this.state = undefined;
    this.timeline = [];
    this.log = [];
    this.transfer = undefined;
    this.bootEvents = [];
    this.final = undefined;
    this.failure = undefined;
    this.cancelling = false;
    this.running = true;
    try {
      const result = await api.startUpdate(
        image,
        request,
        (state, timeline) => {
          this.state = state;
          this.timeline = timeline;
          if (state.phase === 'transfer') this.transfer = state;
          if (state.phase === 'test-boot' && state.events.length > 0) this.bootEvents = state.events;
        },
        (entry) => {
          this.log = [...this.log, entry];
        }
      );
      if (!result.ok) {
        this.failure = result.error;
        return undefined;
      }
      this.final = result.value;
      this.state = result.value;
      // The device was reset (maybe several times) and runs something else now: read it again.
      void deviceConnection.refreshIdentity();
      return result.value;
    } catch (error) {
      this.failure = toErrorData(error);
      return undefined;
    } finally {
      this.running = false;
    }
  }

  async cancel(api: DeviceCalls): Promise<void> {
    this.cancelling = true;
    await api.cancel();
  }
}

export const updateRun = new UpdateRun();
