/**
 * `bms-flasher state`: shows the image slots, marks an uploaded image for a test boot (it reverts on
 * the next reset unless confirmed), or confirms the running image (R10). Writes need --key (R14).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail } from '../../src/lib/core/errors';
import { confirmImage, readImageState, testImage, type ImageSlotState } from '../../src/lib/core/protocol/smp/groups/image-group';
import { UsageError, parseCommandLine, processIo, runCommand, type CliIo } from '../args';
import { slotJson, slotLines } from '../device-text';
import { JSON_OPTION, KEY_OPTION, linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE, loadTechnician } from './device-options';

export const summary = 'show the image slots, mark an image for test (--test HASH) or confirm the running one';

const usage = `usage: bms-flasher state --port PATH [--baud N] [--json]
       bms-flasher state --port PATH [--key technician.pem] --test HASH
       bms-flasher state --port PATH [--key technician.pem] --confirm

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --allow-unauthenticated  write to a device without an authenticated session (stock mcumgr)
  --test HASH     boot the image with this hash once at the next reset; it reverts unless confirmed.
                  HASH is the image hash shown by info/upload (a unique prefix of 8+ hex digits will do)
  --confirm       keep the running image for good (after its test boot went well)
  --json          machine-readable output
--test and --confirm write to the BMS: they need an enrolled technician key.`;

const options = {
  ...DEVICE_OPTIONS,
  ...KEY_OPTION,
  ...JSON_OPTION,
  test: { type: 'string', short: 't' },
  confirm: { type: 'boolean' }
} as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const settings = linkSettings(values);
    if (values.test !== undefined && values.confirm) throw new UsageError('give either --test HASH or --confirm, not both');
    if (values.test !== undefined && !/^[0-9a-f]{8,64}$/i.test(values.test)) {
      throw new UsageError(`--test "${values.test}" is not an image hash (8 to 64 hex digits)`);
    }
    const writing = values.test !== undefined || values.confirm === true;
    const signer = writing ? await loadTechnician(values.key, values) : undefined;
    return withDevice(settings, deps, async (device) => {
      await device.connect();
      let images = (await readImageState(device.client)).images;
      let action = '';
      if (writing) {
        await device.authenticate(signer, values['allow-unauthenticated'] ?? false);
        if (values.test !== undefined) {
          const slot = findByHash(images, values.test);
          images = (await testImage(device.client, slot.hash!)).images;
          action = `slot ${slot.slot} (${slot.version}) will boot for a test at the next reset: run \`bms-flasher reset\`, check it, then \`state --confirm\``;
        } else {
          images = (await confirmImage(device.client)).images;
          action = 'the running image is confirmed: it stays after the next reset';
        }
      }
      if (values.json) {
        io.out(`${JSON.stringify({ images: images.map(slotJson), ...(action ? { done: action } : {}) }, null, 2)}\n`);
      } else {
        io.out(`images:\n${slotLines(images).join('\n')}\n${action ? `\n${action}\n` : ''}`);
      }
      return 0;
    });
  });
}

/** The slot whose hash is `hex` or starts with it; a prefix must match exactly one slot. */
function findByHash(images: ImageSlotState[], hex: string): ImageSlotState {
  const wanted = hex.toLowerCase();
  const found = images.filter((s) => s.hash && bytesToHex(s.hash).startsWith(wanted));
  if (found.length === 1) return found[0];
  const known = images.map((s) => `slot ${s.slot}: ${s.hash ? bytesToHex(s.hash) : 'no hash'}`).join('; ');
  return fail(
    'SMP_IMAGE_HASH_NOT_FOUND',
    found.length === 0 ? `no slot holds an image with hash ${hex} (${known})` : `hash prefix ${hex} matches ${found.length} slots: give more digits`
  );
}
