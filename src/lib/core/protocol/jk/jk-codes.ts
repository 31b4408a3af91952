import type { ErrorEntry } from '../../error-text';

/** JK (Jikong) errors: the JK-PB register map over Modbus and the BLE records. */
export const JK_ERRORS = {
  JK_NO_ANSWER: {
    en: {
      summary: 'The JK BMS did not answer over Bluetooth.',
      diagnosis: 'No complete record came back after the command was resent: the BMS is asleep or out of range, another phone app holds the connection, or it is not a JK.',
      fix: 'Close the JK app on other phones, wake the BMS (press its button or apply charge), move closer, then retry.'
    },
    fr: {
      summary: "Le BMS JK n'a pas répondu en Bluetooth.",
      diagnosis: "Aucun enregistrement complet n'est revenu après renvoi de la commande : BMS en veille ou hors de portée, application JK d'un autre téléphone déjà connectée, ou ce n'est pas un JK.",
      fix: "Fermez l'application JK sur les autres téléphones, réveillez le BMS (bouton ou mise en charge), rapprochez-vous, puis réessayez."
    }
  },
  JK_UPDATE_REGISTER_REFUSED: {
    en: {
      summary: 'Writing the JK firmware-update register is refused.',
      diagnosis: 'Register 0x1626 starts the JK updater; reports say the unit can hang there, and this tool cannot flash JK firmware, so it never writes it.',
      fix: 'Nothing to do: settings are written elsewhere. Use the vendor tool for JK firmware.'
    },
    fr: {
      summary: "L'écriture du registre de mise à jour JK est refusée.",
      diagnosis: "Le registre 0x1626 lance le programme de mise à jour JK ; des rapports indiquent que la carte peut y rester bloquée, et cet outil ne sait pas flasher un JK, il ne l'écrit donc jamais.",
      fix: "Rien à faire : les réglages s'écrivent ailleurs. Utilisez l'outil du fabricant pour le firmware JK."
    }
  },
  JK_CHECKSUM: {
    en: {
      summary: 'A JK Bluetooth record arrived corrupted (bad checksum).',
      diagnosis: 'The last byte of the 300-byte record is not the sum of the others: a notification was lost or reordered.',
      fix: 'The record is requested again automatically; if it repeats, move closer to the BMS.'
    },
    fr: {
      summary: 'Un enregistrement Bluetooth JK est arrivé corrompu (somme de contrôle fausse).',
      diagnosis: "Le dernier octet de l'enregistrement de 300 octets n'est pas la somme des autres : une notification a été perdue ou désordonnée.",
      fix: "L'enregistrement est redemandé automatiquement ; si cela se répète, rapprochez-vous du BMS."
    }
  },
  JK_FRAME_INVALID: {
    en: {
      summary: 'The JK BMS sent data this tool cannot read.',
      diagnosis: 'A record has an unknown type or length, or a register block is shorter than its layout: another JK generation or firmware.',
      fix: 'Note the JK model and firmware version (Device page) and report them with the session log.'
    },
    fr: {
      summary: 'Le BMS JK a envoyé des données illisibles pour cet outil.',
      diagnosis: "Un enregistrement a un type ou une longueur inconnus, ou un bloc de registres est plus court que prévu : autre génération ou firmware JK.",
      fix: 'Notez le modèle et la version du JK (page Appareil) et joignez-les au journal de session.'
    }
  },
  JK_SETTING_INVALID: {
    en: {
      summary: 'A JK setting is unknown or out of range.',
      diagnosis: 'The name is not one of the JK-PB settings registers, or the value does not fit its 32-bit register.',
      fix: 'Check the backup file or the value typed: values are in the unit shown next to each setting.'
    },
    fr: {
      summary: 'Un réglage JK est inconnu ou hors limites.',
      diagnosis: "Le nom n'est pas un registre de réglage JK-PB, ou la valeur ne tient pas dans son registre 32 bits.",
      fix: "Vérifiez le fichier de sauvegarde ou la valeur saisie : les valeurs sont dans l'unité indiquée à côté de chaque réglage."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type JkErrorCode = keyof typeof JK_ERRORS;
