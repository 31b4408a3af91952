/**
 * The Firmware page's job for a picked file: read it, inspect and verify it in the image worker, then
 * make it the chosen image when it is trusted, or leave no image chosen when it is refused (R08, R11).
 */
import { toErrorData } from '$lib/core/errors';
import { explainWithheld } from '$lib/core/update/trust-scope';
import { imageWorker } from '$lib/platform/web/image-worker/image-worker-client';
import { imageChoice } from '../catalog/image-choice.svelte';
import { trustedKeys } from '../keys/trusted-keys.svelte';
import { describeNext } from './description.svelte';
import { verdictOf } from './verdict';

export { firmwareCheck, type FirmwareCheck } from './description.svelte';

export async function checkFirmware(file: File): Promise<void> {
  const description = describeNext();
  const { set } = description;
  const fileName = file.name;
  set({ phase: 'reading', fileName });
  try {
    const [buffer] = await Promise.all([file.arrayBuffer(), trustedKeys.load()]);
    const scoped = trustedKeys.scoped();
    set({ phase: 'verifying', fileName, hashed: 0, total: buffer.byteLength });
    const bytes = new Uint8Array(buffer.slice(0));
    const worker = imageWorker();
    // Both calls transfer their buffer to the worker, so inspection gets its own copy.
    const [inspected, verified] = await Promise.all([
      worker.inspectImage(buffer.slice(0)),
      worker.verifyImage(buffer, scoped.keys, (hashed, total) =>
        set({ phase: 'verifying', fileName, hashed, total })
      )
    ]);
    // A test key withheld for this device is named, rather than "unknown key".
    const verdict = verdictOf(verified.ok ? verified : { ok: false, error: await explainWithheld(verified.error, bytes, scoped.withheld) });
    if (!description.isLatest()) return;
    set({ phase: 'done', fileName, summary: inspected.ok ? inspected.value : undefined, verdict });
    if (verdict.kind === 'trusted') await imageChoice.chooseFile(bytes, fileName, verdict.verified);
    else imageChoice.clear();
  } catch (error) {
    set({ phase: 'failed', fileName, error: toErrorData(error) });
    if (description.isLatest()) imageChoice.clear();
  }
}
