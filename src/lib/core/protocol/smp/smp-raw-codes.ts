import type { ErrorEntry } from '../../error-text';

/** Raw (BLE GATT) reassembly errors: packets split across notifications lost their step. */
export const SMP_RAW_ERRORS = {
  SMP_RAW_HEADER_INVALID: {
    en: {
      summary: 'Bytes from the wireless link do not start a management message.',
      diagnosis: 'Part of a message was lost (a notification dropped during a reconnect) or the characteristic is used by something else.',
      fix: 'The request is retried automatically; if it repeats, move closer to the device, or disconnect and reconnect.'
    },
    fr: {
      summary: "Des octets reçus sans fil ne commencent pas un message de gestion.",
      diagnosis: "Une partie d'un message a été perdue (notification abandonnée lors d'une reconnexion) ou la caractéristique est utilisée par autre chose.",
      fix: "La requête est renvoyée automatiquement ; si cela se répète, rapprochez-vous de l'appareil, ou déconnectez puis reconnectez."
    }
  },
  SMP_RAW_PACKET_TOO_LONG: {
    en: {
      summary: 'A management message over the wireless link is longer than allowed.',
      diagnosis: 'The header announces more bytes than the receive buffer holds, so the message is skipped.',
      fix: 'The request is retried automatically; if it repeats, check the buffer size in the device profile.'
    },
    fr: {
      summary: 'Un message de gestion reçu sans fil est plus long que permis.',
      diagnosis: "L'en-tête annonce plus d'octets que le tampon de réception n'en contient, le message est donc ignoré.",
      fix: "La requête est renvoyée automatiquement ; si cela se répète, vérifiez la taille de tampon dans le profil d'appareil."
    }
  }
} satisfies Record<string, ErrorEntry>;
