import type { SmpImageErrorCode } from '../../../core/protocol/smp/smp-image-codes';
import type { ErrorText } from '../../error-text';

export const smpImageEn = {
  SMP_IMAGE_NO_FREE_SLOT: {
    summary: 'The device has no free slot for the new firmware.',
    diagnosis: 'The inactive bank holds an image marked for test or in use.',
    fix: 'Reset the device to finish or cancel the pending update, then erase the inactive slot and retry.'
  },
  SMP_IMAGE_FLASH_FAILED: {
    summary: 'The device could not read, write or erase its flash memory.',
    diagnosis: 'A flash operation failed: worn or protected flash, or a supply drop during the write.',
    fix: 'Check the supply, retry the update once; if it fails again the board needs service (the running firmware is untouched).'
  },
  SMP_IMAGE_INVALID: {
    summary: 'The device rejected the firmware image as invalid.',
    diagnosis: 'Its header, TLVs or hash do not check out on the device: a corrupted transfer or a file for another device.',
    fix: 'Download the firmware again from a trusted source and check that it is made for this device model.'
  },
  SMP_IMAGE_TOO_LARGE: {
    summary: 'The firmware image is larger than the device slot.',
    diagnosis: 'The file is made for a device with more flash, or the slot layout differs.',
    fix: 'Use the firmware built for this exact hardware revision.'
  },
  SMP_IMAGE_VERSION_NOT_NEWER: {
    summary: 'The device refuses this version: it already runs a newer one.',
    diagnosis: 'The upload asked for an upgrade only, and the running firmware has a higher version.',
    fix: 'Choose a newer firmware; to go back to an older stable version use the recovery procedure.'
  },
  SMP_IMAGE_ALREADY_PENDING: {
    summary: 'An update is already pending on the device.',
    diagnosis: 'An image was marked for test and the device has not been reset since.',
    fix: 'Reset the device to boot the pending image (or let it revert), then start again.'
  },
  SMP_IMAGE_CONFIRM_DENIED: {
    summary: 'The device refused to confirm or activate this image.',
    diagnosis: 'Only the running image can be confirmed, and a confirmed image cannot be set back to test.',
    fix: 'Read the image state: confirm after rebooting into the new firmware and after its self-test passes.'
  },
  SMP_IMAGE_OFFSET_INVALID: {
    summary: 'The device rejected the position or size of the firmware data.',
    diagnosis: 'The device and the tool lost track of the upload offset, or the data runs past the announced length.',
    fix: 'Start the update again; the tool restarts the transfer from the offset the device asks for.'
  },
  SMP_IMAGE_HASH_NOT_FOUND: {
    summary: 'No image on the device has this hash.',
    diagnosis: 'The image to test or confirm is not (or no longer) in a slot: the upload did not complete or was erased.',
    fix: 'Upload the firmware again, then mark it for test.'
  },
  SMP_IMAGE_INVALID_SLOT: {
    summary: 'The device has no such image slot.',
    diagnosis: 'The slot number is not valid for this device layout (single-slot devices only accept uploads to their primary slot).',
    fix: 'Check the device profile: use the slot numbers reported by slot info.'
  }
} satisfies Record<SmpImageErrorCode, ErrorText>;
