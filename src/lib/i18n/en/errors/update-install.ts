import type { UpdateInstallErrorCode } from '../../../core/update/update-install-codes';
import type { ErrorText } from '../../error-text';

export const updateInstallEn = {
  UPDATE_TECHNICIAN_KEY_MISSING: {
    summary: 'No technician key is available to open an authenticated session.',
    diagnosis: 'The BMS only accepts writes from an enrolled technician key; none was given or found.',
    fix: 'Create or import your technician key (Settings, or --key technician.pem) and have it enrolled on the BMS.'
  },
  UPDATE_AUTH_REJECTED: {
    summary: 'Authentication rejected: the BMS refused the session.',
    diagnosis: 'Check the certificate / key chain: the technician key must be enrolled on this BMS and the package signed by a key the BMS trusts.',
    fix: 'Re-download the firmware from a trusted source, and use a technician key enrolled on this BMS. Nothing was written.'
  },
  UPDATE_TRANSFER_TIMEOUT: {
    summary: 'Transfer timeout: the device stopped answering while the firmware was sent.',
    diagnosis: 'Test baud-rate alignment: a rate mismatch or a noisy line loses packets until the transfer times out.',
    fix: 'Replace the communication cables, check the baud rate on both sides, then start again; the running firmware is untouched.'
  },
  UPDATE_DEVICE_LOST: {
    summary: 'The device disconnected and did not come back in time.',
    diagnosis: 'Power loss, a pulled cable or a reset during the operation; the bootloader keeps a bootable image in one bank.',
    fix: 'Restore power and the cable, reconnect, check the device state, then restart the update (or use recovery mode).'
  },
  UPDATE_DEVICE_CHANGED: {
    summary: 'A different device answered after reconnecting.',
    diagnosis: 'The serial number is not the one the update started with (another node on the bus, or another port).',
    fix: 'Reconnect the original device alone on the link and start again.'
  },
  UPDATE_VERIFY_HASH_MISMATCH: {
    summary: 'The image stored on the device does not match the package.',
    diagnosis: 'The hash reported by the device for the new bank differs from the signed hash: bytes were corrupted on the way or in flash.',
    fix: 'Do not activate it: start the update again; if it repeats, replace the cable and check the supply.'
  }
} satisfies Record<UpdateInstallErrorCode, ErrorText>;
