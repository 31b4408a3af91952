import type { ErrorEntry } from '../error-text';

/**
 * Codes of what the tool finds when it reads the device back after the event: a refusal of an image
 * that already runs, and a device whose state could not be read back at all.
 */
export const UPDATE_OUTCOME_ERRORS = {
  UPDATE_SAME_IMAGE_RUNNING: {
    en: {
      summary: 'This exact image already runs on the device.',
      diagnosis: 'The package hash equals the hash of the running firmware: there is nothing to update.',
      fix: 'Choose another image if an update was intended; the device needs nothing.'
    },
    fr: {
      summary: "Cette image exacte tourne déjà sur l'appareil.",
      diagnosis: "L'empreinte du paquet est celle du micrologiciel en marche : il n'y a rien à mettre à jour.",
      fix: "Choisissez une autre image si une mise à jour était prévue ; l'appareil n'a besoin de rien."
    }
  },
  UPDATE_STATE_UNKNOWN: {
    en: {
      summary: 'The tool could not read back what the device runs.',
      diagnosis: 'After something was written the device did not answer, so which firmware runs now is not known.',
      fix: 'Restore power and the cable, reconnect and read the device (Device page or `bms-flasher info`); if only its bootloader answers, use recovery.'
    },
    fr: {
      summary: "L'outil n'a pas pu relire ce qui tourne sur l'appareil.",
      diagnosis: "Après une écriture l'appareil n'a pas répondu : on ne sait pas quel micrologiciel tourne maintenant.",
      fix: "Rétablissez l'alimentation et le câble, reconnectez-vous et lisez l'appareil (page Appareil ou `bms-flasher info`) ; si seul son chargeur d'amorçage répond, utilisez la récupération."
    }
  }
} satisfies Record<string, ErrorEntry>;
