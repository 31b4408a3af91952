import type { ErrorEntry } from '../../error-text';
import { SMP_FRAME_ERRORS } from './smp-frame-codes';
import { SMP_RC_ERRORS } from './smp-rc-codes';
import { SMP_IMAGE_ERRORS } from './smp-image-codes';
import { SMP_BMS_ERRORS } from './smp-bms-codes';
import { SMP_RAW_ERRORS } from './smp-raw-codes';
import { SMP_SETTINGS_FS_ERRORS } from './smp-settings-fs-codes';

/**
 * Error codes raised by the smp layer, with their user text (English and French). The families live in
 * their own files: framing/codec, device rc (mcumgr_err_t), image group, BMS group; the client's own
 * codes are here.
 */
export const SMP_ERRORS = {
  ...SMP_FRAME_ERRORS,
  ...SMP_RC_ERRORS,
  ...SMP_IMAGE_ERRORS,
  ...SMP_BMS_ERRORS,
  ...SMP_RAW_ERRORS,
  ...SMP_SETTINGS_FS_ERRORS,
  SMP_TIMEOUT: {
    en: {
      summary: 'The device did not answer a management request in time.',
      diagnosis:
        'The request was sent (and resent) without an answer: baud-rate or line-length mismatch, a loose cable, a device busy erasing flash, or a device that is not in its update mode.',
      fix: 'Run the link test to check the baud rate, check the cable, then retry; an interrupted upload resumes where it stopped.'
    },
    fr: {
      summary: "L'appareil n'a pas répondu à temps à une requête de gestion.",
      diagnosis:
        "La requête a été envoyée (et renvoyée) sans réponse : débit ou longueur de ligne différents, câble mal branché, appareil occupé à effacer la flash, ou appareil hors de son mode mise à jour.",
      fix: 'Lancez le test de liaison pour vérifier le débit, vérifiez le câble, puis réessayez ; un transfert interrompu reprend là où il s’est arrêté.'
    }
  },
  SMP_RESPONSE_INVALID: {
    en: {
      summary: 'The device answered with an unexpected message.',
      diagnosis: 'A field is missing or has the wrong type: the device firmware may speak another version of the protocol.',
      fix: 'Check that the device profile matches the device, update the tool, and report the detail if it persists.'
    },
    fr: {
      summary: "L'appareil a répondu par un message inattendu.",
      diagnosis: "Un champ manque ou a un mauvais type : le micrologiciel parle peut-être une autre version du protocole.",
      fix: "Vérifiez que le profil d'appareil correspond, mettez l'outil à jour et signalez le détail si cela persiste."
    }
  },
  SMP_UPLOAD_STALLED: {
    en: {
      summary: 'The firmware upload stopped making progress.',
      diagnosis:
        'The device keeps asking for the same data or restarts the upload: frames are lost on the line, or the device resets during the transfer (power supply).',
      fix: 'Check the supply voltage and the cable, lower the baud rate, then start the update again: it resumes where it stopped.'
    },
    fr: {
      summary: 'Le transfert du micrologiciel ne progresse plus.',
      diagnosis:
        "L'appareil redemande sans cesse les mêmes données ou recommence le transfert : trames perdues sur la ligne, ou redémarrages de l'appareil (alimentation).",
      fix: "Vérifiez la tension d'alimentation et le câble, baissez le débit, puis relancez la mise à jour : elle reprend là où elle s'est arrêtée."
    }
  },
  SMP_UPLOAD_BUFFER_TOO_SMALL: {
    en: {
      summary: "The device's receive buffer is too small to carry firmware data.",
      diagnosis: 'The buffer size from the device or its profile leaves no room for data after the request fields.',
      fix: 'Check the buffer size in the device profile (512 bytes for MCUboot serial recovery).'
    },
    fr: {
      summary: "Le tampon de réception de l'appareil est trop petit pour transporter des données.",
      diagnosis: "La taille de tampon donnée par l'appareil ou son profil ne laisse aucune place aux données après les champs de la requête.",
      fix: "Vérifiez la taille de tampon dans le profil d'appareil (512 octets pour la récupération série MCUboot)."
    }
  },
  SMP_ECHO_MISMATCH: {
    en: {
      summary: 'The device echoed different data than was sent.',
      diagnosis: 'Bytes were altered on the line while the checksum still matched, or the device answered another request.',
      fix: 'Replace the cable, check the ground and shielding, and run the link test again.'
    },
    fr: {
      summary: "L'appareil a renvoyé d'autres données que celles envoyées.",
      diagnosis: "Des octets ont été modifiés sur la ligne sans que la somme de contrôle le détecte, ou l'appareil a répondu à une autre requête.",
      fix: 'Remplacez le câble, vérifiez la masse et le blindage, puis relancez le test de liaison.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type SmpErrorCode = keyof typeof SMP_ERRORS;
