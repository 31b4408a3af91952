/**
 * `bms-flasher upload`: sends a signed image to the BMS's inactive slot (R10) with a progress bar
 * (R16). Upload only: marking it for test and resetting are `state --test` and `reset`. The upload
 * always opens with the file's SHA-256, so running the command again after an interruption resumes
 * from the offset the device reports; a link that drops during the upload is reopened and resumed the
 * same way without the operator's help.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { isBmsError } from '../../src/lib/core/errors';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { formatVersion } from '../../src/lib/core/image/version';
import { uploadImage, type UploadResult } from '../../src/lib/core/protocol/smp/upload';
import type { TechnicianSigner } from '../../src/lib/core/family/technician-signer';
import { parseCommandLine, parseInteger, processIo, readBytes, runCommand, type CliIo } from '../args';
import { JSON_OPTION, KEY_OPTION, linkSettings, withDevice, type DeviceCommandDeps, type DeviceConnection } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, loadTechnician } from './device-options';
import { formatClock, formatSize } from '../../src/lib/core/format';
import { createProgressBar, type ProgressOutput } from '../progress-bar';

export const summary = 'upload a signed image to the inactive slot (resumable, with progress)';

const usage = `usage: bms-flasher upload --port PATH [--baud N] [--key technician.pem] [--window N] [--json] image.img

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --allow-unauthenticated  write to a device without an authenticated session (stock mcumgr)
  --window N      requests in flight, default the buffer count the BMS reports
  --json          machine-readable result

Writes the image to the slot the bootloader will test at the next reset; nothing runs it yet.
Interrupted (Ctrl-C, cable pulled)? Run the same command again: it resumes where the BMS stopped.`;

const options = { ...DEVICE_OPTIONS, ...KEY_OPTION, ...JSON_OPTION, window: { type: 'string', short: 'w' } } as const;

/** Failures after which the port is reopened (if it went away) and the upload resumed from the device's offset. */
const RESUMABLE = new Set(['LINK_DISCONNECTED', 'LINK_CLOSED', 'SMP_TIMEOUT']);
const GONE = new Set(['LINK_DISCONNECTED', 'LINK_CLOSED']);
const MAX_RESUMES = 5;
const REOPEN_TIMEOUT_MS = 15_000;

/** Where the bar goes; a test replaces it. */
export interface UploadIo extends CliIo {
  progress?: ProgressOutput;
}

export function run(argv: string[], io: UploadIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const settings = linkSettings(values);
    const window = parseInteger(values.window, 'window');
    const file = readBytes(positionals[0]);
    // Refuse what is not an MCUboot image before touching the device.
    const image = parseImage(file);
    const signer = await loadTechnician(values.key, values);
    const progress = io.progress ?? { write: (text: string) => process.stderr.write(text), isTTY: process.stderr.isTTY, columns: process.stderr.columns };
    return withDevice(settings, deps, async (device, signal) => {
      await device.connect();
      const allowUnauthenticated = values['allow-unauthenticated'] ?? false;
      await device.authenticate(signer, allowUnauthenticated);
      const outcome = await uploadResuming(device, file, { signer, allowUnauthenticated, signal, window, progress, io });
      const hash = image.imageHash ? bytesToHex(image.imageHash) : undefined;
      const { result, resumes } = outcome;
      if (values.json) {
        io.out(`${JSON.stringify({ file: positionals[0], version: formatVersion(image.header.version), hash: hash ?? null, resumes, ...result }, null, 2)}\n`);
        return 0;
      }
      const seconds = result.durationMs / 1000;
      io.out(
        `uploaded ${positionals[0]}: ${formatSize(result.total)}, version ${formatVersion(image.header.version)}\n` +
          `  ${formatSize(result.total - result.resumedFrom)} sent in ${formatClock(seconds)} (${formatSize(result.bytesPerSecond)}/s)` +
          `${result.resumedFrom > 0 ? `, resumed from ${result.resumedFrom} bytes` : ''}` +
          `${resumes > 0 ? `, ${resumes} reconnection${resumes > 1 ? 's' : ''}` : ''}` +
          `${result.retries > 0 ? `, ${result.retries} retries` : ''}\n` +
          `  chunks of ${result.chunkSize} bytes, ${result.window} in flight\n` +
          (hash ? `next: bms-flasher state --port ${settings.port} --key KEY --test ${hash}\n` : '')
      );
      return 0;
    });
  });
}

interface ResumeOptions {
  signer: TechnicianSigner | undefined;
  allowUnauthenticated: boolean;
  signal: AbortSignal;
  window: number | undefined;
  progress: ProgressOutput;
  io: CliIo;
}

async function uploadResuming(device: DeviceConnection, file: Uint8Array, options: ResumeOptions): Promise<{ result: UploadResult; resumes: number }> {
  const bar = createProgressBar(options.progress, { label: 'upload' });
  try {
    for (let resumes = 0; ; resumes++) {
      try {
        const result = await uploadImage(device.client, file, { window: options.window, signal: options.signal, onProgress: (p) => bar.update(p) });
        return { result, resumes };
      } catch (error) {
        if (options.signal.aborted) {
          options.progress.write('\ninterrupted: run the same command again to continue from where the BMS stopped\n');
          throw error;
        }
        if (!isBmsError(error) || !RESUMABLE.has(error.code) || resumes >= MAX_RESUMES) throw error;
        options.progress.write(`\n${error.code}: ${error.detail}; ${GONE.has(error.code) ? 'reopening the port and ' : ''}resuming…\n`);
        if (GONE.has(error.code)) await device.reopen(REOPEN_TIMEOUT_MS, options.signal);
        // Sessions survive a lost cable but not a reset; authenticating again costs one round trip.
        await device.authenticate(options.signer, options.allowUnauthenticated);
      }
    }
  } finally {
    bar.finish();
  }
}
