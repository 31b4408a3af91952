import type { LinkBleErrorCode } from '../../../core/link/link-ble-codes';
import type { ErrorText } from '../../error-text';

export const linkBleEn = {
  LINK_BLE_NOT_SUPPORTED: {
    summary: 'This browser cannot talk to Bluetooth devices.',
    diagnosis: 'Web Bluetooth exists only in Chromium-based browsers (Chrome, Edge) in a secure (https) page, with a Bluetooth adapter switched on; Firefox, Safari and iOS have none.',
    fix: 'Switch Bluetooth on, or open this page in Chrome or Edge; a cable connection (RS485 or USB) works everywhere Web Serial does.'
  },
  LINK_BLE_NO_DEVICE_SELECTED: {
    summary: 'No Bluetooth device was chosen.',
    diagnosis: 'The Bluetooth chooser was closed without a choice. Only devices that advertise the firmware update service are listed: the BMS may be out of range, asleep, or already connected to another phone or computer.',
    fix: 'Wake the BMS, move within a few metres, disconnect other apps from it, and open the chooser again.'
  },
  LINK_BLE_SERVICE_MISSING: {
    summary: 'The Bluetooth device has no firmware update service.',
    diagnosis: 'It does not offer the SMP service and characteristic (mcumgr over BLE): it is another device, or its firmware was built without Bluetooth management.',
    fix: 'Choose the BMS itself, or update it over a cable connection.'
  },
  LINK_BLE_GATT_FAILED: {
    summary: 'The Bluetooth connection to the device failed.',
    diagnosis: 'Connecting, reading the services or switching on notifications did not succeed: weak signal, a device busy with another connection, or a stale pairing.',
    fix: 'Move closer, switch Bluetooth off and on, remove the device from the system Bluetooth settings if it was paired, then connect again.'
  }
} satisfies Record<LinkBleErrorCode, ErrorText>;
