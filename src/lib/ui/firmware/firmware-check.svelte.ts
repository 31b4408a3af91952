/** The Firmware page's job: read a picked file, then inspect and verify it in the image worker. */
import { toErrorData, type ErrorData } from '$lib/core/errors';
import type { ImageSummary } from '$lib/platform/web/image-worker/image-summary';
import { imageWorker } from '$lib/platform/web/image-worker/image-worker-client';
import { trustedKeys } from '../keys/trusted-keys.svelte';
import { verdictOf, type Verdict } from './verdict';

export type FirmwareCheck =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'verifying'; fileName: string; hashed: number; total: number }
  | { phase: 'done'; fileName: string; summary?: ImageSummary; verdict: Verdict }
  /** The check itself could not run (file unreadable, worker failed to start): no verdict at all. */
  | { phase: 'failed'; fileName: string; error: ErrorData };

export const firmwareCheck = $state<{ current: FirmwareCheck }>({ current: { phase: 'idle' } });

let latest = 0;

export async function checkFirmware(file: File): Promise<void> {
  const run = ++latest;
  // A newer pick wins: results of an older file arriving late are dropped.
  const set = (state: FirmwareCheck) => {
    if (run === latest) firmwareCheck.current = state;
  };
  const fileName = file.name;
  set({ phase: 'reading', fileName });
  try {
    const [buffer] = await Promise.all([file.arrayBuffer(), trustedKeys.load()]);
    set({ phase: 'verifying', fileName, hashed: 0, total: buffer.byteLength });
    const worker = imageWorker();
    // Both calls transfer their buffer to the worker, so inspection gets its own copy.
    const [inspected, verified] = await Promise.all([
      worker.inspectImage(buffer.slice(0)),
      worker.verifyImage(buffer, trustedKeys.all, (hashed, total) =>
        set({ phase: 'verifying', fileName, hashed, total })
      )
    ]);
    set({
      phase: 'done',
      fileName,
      summary: inspected.ok ? inspected.value : undefined,
      verdict: verdictOf(verified)
    });
  } catch (error) {
    set({ phase: 'failed', fileName, error: toErrorData(error) });
  }
}
