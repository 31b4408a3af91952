/**
 * What the Firmware page says about the image last put in front of the technician: a picked file, a
 * catalog image or a recently used one. Whatever was chosen last replaces the description, verdict and
 * details, so the page never describes one image while another is chosen.
 */
import type { ImageSummary } from '$lib/platform/web/image-worker/image-summary';
import type { ErrorData } from '$lib/core/errors';
import type { Verdict } from './verdict';

export type FirmwareCheck =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'verifying'; fileName: string; hashed: number; total: number }
  | { phase: 'done'; fileName: string; summary?: ImageSummary; verdict: Verdict }
  /** The check itself could not run (file unreadable, worker failed to start): no verdict at all. */
  | { phase: 'failed'; fileName: string; error: ErrorData };

export const firmwareCheck = $state<{ current: FirmwareCheck }>({ current: { phase: 'idle' } });

export interface Description {
  set(state: FirmwareCheck): void;
  /** false once a newer image is being described: its late results must not choose anything */
  isLatest(): boolean;
}

let latest = 0;

/** Starts describing a new image; the previous one's late results are dropped from then on. */
export function describeNext(): Description {
  const run = ++latest;
  return {
    set: (state) => {
      if (run === latest) firmwareCheck.current = state;
    },
    isLatest: () => run === latest
  };
}
