import type { SmpRawErrorCode } from '../../../core/protocol/smp/smp-raw-codes';
import type { ErrorText } from '../../error-text';

export const smpRawFr = {
  SMP_RAW_HEADER_INVALID: {
    summary: 'Des octets reçus sans fil ne commencent pas un message de gestion.',
    diagnosis: "Une partie d'un message a été perdue (notification abandonnée lors d'une reconnexion) ou la caractéristique est utilisée par autre chose.",
    fix: "La requête est renvoyée automatiquement ; si cela se répète, rapprochez-vous de l'appareil, ou déconnectez puis reconnectez."
  },
  SMP_RAW_PACKET_TOO_LONG: {
    summary: 'Un message de gestion reçu sans fil est plus long que permis.',
    diagnosis: "L'en-tête annonce plus d'octets que le tampon de réception n'en contient, le message est donc ignoré.",
    fix: "La requête est renvoyée automatiquement ; si cela se répète, vérifiez la taille de tampon dans le profil d'appareil."
  }
} satisfies Record<SmpRawErrorCode, ErrorText>;
