import type { UpdatePreflightErrorCode } from '../../../core/update/update-preflight-codes';
import type { ErrorText } from '../../error-text';

export const updatePreflightEn = {
  UPDATE_SOC_OUT_OF_RANGE: {
    summary: 'The battery state of charge is outside 20–80 %.',
    diagnosis: 'Outside this band a voltage drop (nearly empty) or a protection trip (nearly full) can interrupt the flash write.',
    fix: 'Charge or discharge the pack into 20–80 % and start again; the update pauses by itself if it leaves the band.'
  },
  UPDATE_TEMPERATURE_OUT_OF_RANGE: {
    summary: 'A temperature sensor reads outside 0–45 °C.',
    diagnosis: 'Below freezing or above 45 °C, flash writes and cell behaviour are unreliable and data can be corrupted.',
    fix: 'Let the pack reach room temperature (above 0 °C, below 45 °C), away from sun and heaters, then start again.'
  },
  UPDATE_TEMPERATURE_SENSOR_FAILED: {
    summary: 'A temperature sensor does not answer.',
    diagnosis: 'Without every sensor the tool cannot prove the pack stays within 0–45 °C during the update.',
    fix: 'Check the sensor connector and wiring (the detail names the sensor), repair it, then start again.'
  },
  UPDATE_SUPPLY_UNSTABLE: {
    summary: 'The supply voltage is not stable enough for an update.',
    diagnosis: 'The supply readings spread or drift beyond the limit (see the readings): a weak source, a loose power connection or a load switching nearby.',
    fix: 'Use a reliable power source, tighten the power connections, stop large loads or chargers, then start again.'
  },
  UPDATE_LINK_TEST_FAILED: {
    summary: 'The link test failed: the line is not reliable enough to send firmware.',
    diagnosis: 'Probes were lost or corrupted (see the error counters). Usual cause: the tool and the device use different baud rates, or the cable is noisy.',
    fix: 'Set the same baud rate on both sides, check the RS485 A/B wiring and termination, then replace the communication cable.'
  },
  UPDATE_HARDWARE_INCOMPATIBLE: {
    summary: 'This firmware package is not made for this hardware.',
    diagnosis: 'The package does not list the device model or hardware revision in its compatibility matrix (or lists none).',
    fix: 'Get the firmware package built for this model and hardware revision from the manufacturer.'
  },
  UPDATE_BOOTLOADER_TOO_OLD: {
    summary: "The device's bootloader is older than this firmware requires.",
    diagnosis: 'The package declares a minimum bootloader version that the device does not have.',
    fix: 'Update the bootloader first with the manufacturer procedure, or choose a firmware that supports this bootloader.'
  },
  UPDATE_DOWNGRADE_BLOCKED: {
    summary: 'This firmware is less secure than the one the device trusts (anti-rollback).',
    diagnosis: "The package's security counter is lower than the counter stored in the device; the bootloader would refuse it anyway.",
    fix: 'Install a version whose security counter is at least the device value (the detail shows both).'
  },
  UPDATE_SAFETY_CRITICAL_OVER_WIRELESS: {
    summary: 'A safety-critical firmware cannot be installed over a wireless link.',
    diagnosis: 'The package is marked safety-critical (IEC 61508); remote (OTA) updates are limited to non-critical ones.',
    fix: 'Connect with a wired interface (RS485, CAN or USB) and start again.'
  },
  UPDATE_CHECKLIST_INCOMPLETE: {
    summary: 'The site checklist is not fully confirmed.',
    diagnosis: 'The tool cannot measure these conditions (flammable material, reliable power source); the operator must confirm each.',
    fix: 'Check the site, confirm every item of the checklist, then start again.'
  },
  UPDATE_UNCONFIRMED_IMAGE_RUNNING: {
    summary: 'The device runs a firmware that is still on test (not confirmed).',
    diagnosis: 'A previous update stopped between test boot and confirmation; writing the other bank now would erase the way back.',
    fix: 'Reset the device so it returns to its previous confirmed firmware, check the version, then start the update again.'
  },
  UPDATE_DEVICE_IN_BOOTLOADER: {
    summary: 'The device runs only its bootloader: no valid firmware is running.',
    diagnosis: 'A previous update was interrupted or the installed image was rejected; a normal update cannot run now.',
    fix: 'Use recovery mode over a wired link to reinstall the last stable version, then retry the update.'
  }
} satisfies Record<UpdatePreflightErrorCode, ErrorText>;
