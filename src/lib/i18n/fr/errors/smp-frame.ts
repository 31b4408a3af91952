import type { SmpFrameErrorCode } from '../../../core/protocol/smp/smp-frame-codes';
import type { ErrorText } from '../../error-text';

export const smpFrameFr = {
  SMP_CBOR_INVALID: {
    summary: "L'appareil a envoyé un message de gestion illisible.",
    diagnosis: 'Le corps CBOR est mal formé, tronqué ou trop imbriqué ; le détail donne la position.',
    fix: 'Réessayez ; si cela se répète, vérifiez le câble et les réglages de ligne, puis signalez la version du micrologiciel.'
  },
  SMP_PACKET_INVALID: {
    summary: 'Un paquet de gestion a un en-tête invalide.',
    diagnosis: "L'en-tête SMP de 8 octets annonce une longueur, une version ou une opération qui ne correspond pas au paquet.",
    fix: "Réessayez ; si cela se répète, l'appareil parle peut-être un autre protocole sur ce port : vérifiez le profil d'appareil."
  },
  SMP_FRAME_CRC_MISMATCH: {
    summary: 'Une trame série est arrivée corrompue (somme de contrôle fausse).',
    diagnosis: 'Des bits ont été modifiés sur la ligne : parasites, câble long non blindé, problème de masse ou débit erroné.',
    fix: 'La requête est renvoyée automatiquement ; si cela persiste, lancez le test de liaison et remplacez le câble.'
  },
  SMP_FRAME_BAD_BASE64: {
    summary: 'Une trame série contient des caractères qui ne sont pas du base64.',
    diagnosis: "Des octets ont été perdus ou modifiés sur la ligne, ou du texte de journal a été imprimé au milieu d'une trame.",
    fix: "La requête est renvoyée automatiquement ; si cela se répète, baissez le niveau de journal de l'appareil ou vérifiez le débit."
  },
  SMP_FRAME_LENGTH_MISMATCH: {
    summary: "Une trame série est plus longue ou plus courte qu'annoncé.",
    diagnosis: "Des lignes de la trame ont été perdues ou l'appareil et l'outil ne sont pas d'accord sur la longueur de ligne.",
    fix: "La requête est renvoyée automatiquement ; vérifiez la longueur de ligne dans le profil d'appareil (127 par défaut)."
  },
  SMP_FRAME_LINE_TOO_LONG: {
    summary: 'Une ligne série a dépassé la longueur maximale.',
    diagnosis: "Le saut de ligne qui termine une ligne de trame a été perdu, ou l'appareil utilise des lignes plus longues que le profil.",
    fix: "Augmentez la longueur de ligne dans le profil si l'appareil est configuré ainsi, sinon vérifiez le câble."
  },
  SMP_FRAME_TRUNCATED: {
    summary: "Une trame série a été interrompue par le début d'une autre.",
    diagnosis: "La fin de la trame a été perdue (redémarrage de l'appareil, débordement de tampon ou ligne perdue).",
    fix: "La requête est renvoyée automatiquement ; si cela se répète, vérifiez l'alimentation de l'appareil et le câble."
  }
} satisfies Record<SmpFrameErrorCode, ErrorText>;
