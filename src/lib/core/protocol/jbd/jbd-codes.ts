import type { ErrorEntry } from '../../error-text';

/** JBD / Xiaoxiang general protocol errors (UART/RS485, 9600 8N1). */
export const JBD_ERRORS = {
  JBD_NO_ANSWER: {
    en: {
      summary: 'The JBD BMS did not answer.',
      diagnosis:
        'No valid frame came back, even after resending (a sleeping unit ignores the first frame). Usual causes: the line is not at 9600 baud, RX/TX or RS485 A/B swapped, the BMS is not JBD/Xiaoxiang, or the Bluetooth dongle still holds the UART.',
      fix: 'Check 9600 8N1, the wiring and the ground, unplug the Bluetooth dongle from the UART port, then retry.'
    },
    fr: {
      summary: "Le BMS JBD n'a pas répondu.",
      diagnosis:
        "Aucune trame valide n'est revenue, même après renvoi (une carte en veille ignore la première trame). Causes habituelles : ligne pas à 9600 bauds, RX/TX ou A/B RS485 inversés, BMS qui n'est pas un JBD/Xiaoxiang, ou module Bluetooth encore branché sur l'UART.",
      fix: "Vérifiez 9600 8N1, le câblage et la masse, débranchez le module Bluetooth du port UART, puis réessayez."
    }
  },
  JBD_CHECKSUM: {
    en: {
      summary: 'A frame from the JBD BMS arrived corrupted (bad checksum).',
      diagnosis: 'The 16-bit checksum does not match the bytes: noise on the line, a wrong baud rate, or two devices talking at once.',
      fix: 'The request is resent automatically; if it repeats, shorten or shield the cable and check the ground and the termination.'
    },
    fr: {
      summary: 'Une trame du BMS JBD est arrivée corrompue (somme de contrôle fausse).',
      diagnosis: 'La somme de contrôle 16 bits ne correspond pas aux octets : parasites sur la ligne, mauvais débit, ou deux appareils qui parlent en même temps.',
      fix: "La requête est renvoyée automatiquement ; si cela se répète, raccourcissez ou blindez le câble et vérifiez la masse et la terminaison."
    }
  },
  JBD_FRAME_INVALID: {
    en: {
      summary: 'The JBD BMS sent a frame this tool cannot read.',
      diagnosis: 'The frame is too short for its register, or its end byte is wrong: a firmware with another layout, or bytes lost on the line.',
      fix: 'Retry; if it repeats, note the BMS model and firmware version and report them with the session log.'
    },
    fr: {
      summary: 'Le BMS JBD a envoyé une trame illisible pour cet outil.',
      diagnosis: "La trame est trop courte pour son registre, ou son octet de fin est faux : firmware avec une autre disposition, ou octets perdus sur la ligne.",
      fix: 'Réessayez ; si cela se répète, notez le modèle et la version du BMS et joignez-les au journal de session.'
    }
  },
  JBD_ERROR_STATUS: {
    en: {
      summary: 'The JBD BMS refused the request.',
      diagnosis: 'The answer carries an error status (0x80). Settings are read and written only in factory mode, and a password-protected unit refuses factory mode until the password is given.',
      fix: 'Retry the operation (it enters factory mode itself); if a password was set with the vendor app, clear it there first.'
    },
    fr: {
      summary: 'Le BMS JBD a refusé la requête.',
      diagnosis: "La réponse porte un état d'erreur (0x80). Les réglages ne se lisent et ne s'écrivent qu'en mode usine, et une carte protégée par mot de passe refuse le mode usine sans ce mot de passe.",
      fix: "Relancez l'opération (elle passe elle-même en mode usine) ; si un mot de passe a été défini avec l'application du fabricant, supprimez-le d'abord."
    }
  },
  JBD_SETTING_INVALID: {
    en: {
      summary: 'A JBD setting is unknown or out of range.',
      diagnosis: 'The name is not one of the EEPROM settings, or the value does not fit its 16-bit register.',
      fix: 'Check the backup file or the value typed: values are in the register unit shown next to each setting.'
    },
    fr: {
      summary: 'Un réglage JBD est inconnu ou hors limites.',
      diagnosis: "Le nom n'est pas un réglage de l'EEPROM, ou la valeur ne tient pas dans son registre 16 bits.",
      fix: "Vérifiez le fichier de sauvegarde ou la valeur saisie : les valeurs sont dans l'unité du registre indiquée à côté de chaque réglage."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type JbdErrorCode = keyof typeof JBD_ERRORS;
