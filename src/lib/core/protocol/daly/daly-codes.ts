import type { ErrorEntry } from '../../error-text';

/** Daly "BMS Monitor" UART/RS485 protocol errors (13-byte frames). */
export const DALY_ERRORS = {
  DALY_NO_ANSWER: {
    en: {
      summary: 'The Daly BMS did not answer.',
      diagnosis: 'No valid frame came back, even after resending. Usual causes: the wrong host address for the port (0x40 on RS485, 0x80 on UART/Bluetooth), a baud rate other than 9600, swapped wires, or a Daly "Sinowealth" board that speaks another protocol.',
      fix: 'Check which port the adapter is on (RS485 or UART), 9600 8N1 and the wiring, then retry.'
    },
    fr: {
      summary: "Le BMS Daly n'a pas répondu.",
      diagnosis: "Aucune trame valide n'est revenue, même après renvoi. Causes habituelles : mauvaise adresse hôte pour le port (0x40 en RS485, 0x80 en UART/Bluetooth), débit autre que 9600, fils inversés, ou carte Daly « Sinowealth » qui parle un autre protocole.",
      fix: "Vérifiez sur quel port est l'adaptateur (RS485 ou UART), 9600 8N1 et le câblage, puis réessayez."
    }
  },
  DALY_CHECKSUM: {
    en: {
      summary: 'A frame from the Daly BMS arrived corrupted (bad checksum).',
      diagnosis: 'The last byte is not the sum of the twelve before it: noise on the line or a wrong baud rate. Some Daly firmware also sends corrupted cell frames now and then.',
      fix: 'The request is resent automatically; if it repeats, check the cable and the ground.'
    },
    fr: {
      summary: 'Une trame du BMS Daly est arrivée corrompue (somme de contrôle fausse).',
      diagnosis: "Le dernier octet n'est pas la somme des douze précédents : parasites ou mauvais débit. Certains firmwares Daly envoient aussi de temps en temps des trames de cellules corrompues.",
      fix: 'La requête est renvoyée automatiquement ; si cela se répète, vérifiez le câble et la masse.'
    }
  },
  DALY_FRAME_INVALID: {
    en: {
      summary: 'The Daly BMS sent a frame this tool cannot read.',
      diagnosis: 'The frame does not have the fixed 8 data bytes, or a multi-frame answer is missing frames.',
      fix: 'Retry; if it repeats, note the BMS model and report it with the session log.'
    },
    fr: {
      summary: 'Le BMS Daly a envoyé une trame illisible pour cet outil.',
      diagnosis: "La trame n'a pas les 8 octets de données fixes, ou il manque des trames dans une réponse en plusieurs trames.",
      fix: 'Réessayez ; si cela se répète, notez le modèle du BMS et joignez-le au journal de session.'
    }
  },
  DALY_SETTING_INVALID: {
    en: {
      summary: 'A Daly setting is unknown or out of range.',
      diagnosis: 'The name is not one of the Daly settings this tool reads, or the value does not fit its field.',
      fix: 'Check the backup file or the value typed.'
    },
    fr: {
      summary: 'Un réglage Daly est inconnu ou hors limites.',
      diagnosis: "Le nom n'est pas un des réglages Daly lus par cet outil, ou la valeur ne tient pas dans son champ.",
      fix: 'Vérifiez le fichier de sauvegarde ou la valeur saisie.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type DalyErrorCode = keyof typeof DALY_ERRORS;
