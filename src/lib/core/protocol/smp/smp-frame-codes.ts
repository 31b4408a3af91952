import type { ErrorEntry } from '../../error-text';

/** Codec and serial-framing errors: a message or frame from the device could not be read. */
export const SMP_FRAME_ERRORS = {
  SMP_CBOR_INVALID: {
    en: {
      summary: 'The device sent a management message that cannot be decoded.',
      diagnosis: 'The CBOR body is malformed, truncated or nested too deeply; the detail gives the offset.',
      fix: 'Retry; if it repeats, check the cable and line settings, then report the device firmware version.'
    },
    fr: {
      summary: "L'appareil a envoyé un message de gestion illisible.",
      diagnosis: "Le corps CBOR est mal formé, tronqué ou trop imbriqué ; le détail donne la position.",
      fix: "Réessayez ; si cela se répète, vérifiez le câble et les réglages de ligne, puis signalez la version du micrologiciel."
    }
  },
  SMP_PACKET_INVALID: {
    en: {
      summary: 'A management packet has an invalid header.',
      diagnosis: 'The 8-byte SMP header announces a length, version or operation that does not match the packet.',
      fix: 'Retry; if it repeats, the device may speak another protocol on this port: check the device profile.'
    },
    fr: {
      summary: "Un paquet de gestion a un en-tête invalide.",
      diagnosis: "L'en-tête SMP de 8 octets annonce une longueur, une version ou une opération qui ne correspond pas au paquet.",
      fix: "Réessayez ; si cela se répète, l'appareil parle peut-être un autre protocole sur ce port : vérifiez le profil d'appareil."
    }
  },
  SMP_FRAME_CRC_MISMATCH: {
    en: {
      summary: 'A serial frame arrived corrupted (checksum mismatch).',
      diagnosis: 'Bits were changed on the line: noise, a long unshielded cable, a ground problem or a baud-rate error.',
      fix: 'The request is retried automatically; if it keeps happening, run the link test and replace the cable.'
    },
    fr: {
      summary: 'Une trame série est arrivée corrompue (somme de contrôle fausse).',
      diagnosis: 'Des bits ont été modifiés sur la ligne : parasites, câble long non blindé, problème de masse ou débit erroné.',
      fix: 'La requête est renvoyée automatiquement ; si cela persiste, lancez le test de liaison et remplacez le câble.'
    }
  },
  SMP_FRAME_BAD_BASE64: {
    en: {
      summary: 'A serial frame contains characters that are not base64.',
      diagnosis: 'Bytes were lost or altered on the line, or log text was printed in the middle of a frame.',
      fix: 'The request is retried automatically; if it repeats, lower the device log level or check the baud rate.'
    },
    fr: {
      summary: 'Une trame série contient des caractères qui ne sont pas du base64.',
      diagnosis: "Des octets ont été perdus ou modifiés sur la ligne, ou du texte de journal a été imprimé au milieu d'une trame.",
      fix: "La requête est renvoyée automatiquement ; si cela se répète, baissez le niveau de journal de l'appareil ou vérifiez le débit."
    }
  },
  SMP_FRAME_LENGTH_MISMATCH: {
    en: {
      summary: 'A serial frame is longer or shorter than it announces.',
      diagnosis: 'Lines of the frame were lost or the device and the tool disagree on the line length.',
      fix: 'The request is retried automatically; check the line length in the device profile (127 by default).'
    },
    fr: {
      summary: "Une trame série est plus longue ou plus courte qu'annoncé.",
      diagnosis: "Des lignes de la trame ont été perdues ou l'appareil et l'outil ne sont pas d'accord sur la longueur de ligne.",
      fix: "La requête est renvoyée automatiquement ; vérifiez la longueur de ligne dans le profil d'appareil (127 par défaut)."
    }
  },
  SMP_FRAME_LINE_TOO_LONG: {
    en: {
      summary: 'A serial line exceeded the maximum line length.',
      diagnosis: 'The newline ending a frame line was lost, or the device uses a longer line than the profile allows.',
      fix: 'Increase the line length in the device profile if the device was configured for it, otherwise check the cable.'
    },
    fr: {
      summary: 'Une ligne série a dépassé la longueur maximale.',
      diagnosis: "Le saut de ligne qui termine une ligne de trame a été perdu, ou l'appareil utilise des lignes plus longues que le profil.",
      fix: "Augmentez la longueur de ligne dans le profil si l'appareil est configuré ainsi, sinon vérifiez le câble."
    }
  },
  SMP_FRAME_TRUNCATED: {
    en: {
      summary: 'A serial frame was cut off by the start of another one.',
      diagnosis: 'The rest of the frame was lost (device reset, buffer overrun or a dropped line).',
      fix: 'The request is retried automatically; if it repeats, check the device power supply and the cable.'
    },
    fr: {
      summary: "Une trame série a été interrompue par le début d'une autre.",
      diagnosis: "La fin de la trame a été perdue (redémarrage de l'appareil, débordement de tampon ou ligne perdue).",
      fix: "La requête est renvoyée automatiquement ; si cela se répète, vérifiez l'alimentation de l'appareil et le câble."
    }
  }
} satisfies Record<string, ErrorEntry>;
