import type { DalyErrorCode } from '../../../core/protocol/daly/daly-codes';
import type { ErrorText } from '../../error-text';

export const dalyFr = {
  DALY_NO_ANSWER: {
    summary: "Le BMS Daly n'a pas répondu.",
    diagnosis: "Aucune trame valide n'est revenue, même après renvoi. Causes habituelles : mauvaise adresse hôte pour le port (0x40 en RS485, 0x80 en UART/Bluetooth), débit autre que 9600, fils inversés, ou carte Daly « Sinowealth » qui parle un autre protocole.",
    fix: "Vérifiez sur quel port est l'adaptateur (RS485 ou UART), 9600 8N1 et le câblage, puis réessayez."
  },
  DALY_CHECKSUM: {
    summary: 'Une trame du BMS Daly est arrivée corrompue (somme de contrôle fausse).',
    diagnosis: "Le dernier octet n'est pas la somme des douze précédents : parasites ou mauvais débit. Certains firmwares Daly envoient aussi de temps en temps des trames de cellules corrompues.",
    fix: 'La requête est renvoyée automatiquement ; si cela se répète, vérifiez le câble et la masse.'
  },
  DALY_FRAME_INVALID: {
    summary: 'Le BMS Daly a envoyé une trame illisible pour cet outil.',
    diagnosis: "La trame n'a pas les 8 octets de données fixes, ou il manque des trames dans une réponse en plusieurs trames.",
    fix: 'Réessayez ; si cela se répète, notez le modèle du BMS et joignez-le au journal de session.'
  },
  DALY_SETTING_INVALID: {
    summary: 'Un réglage Daly est inconnu ou hors limites.',
    diagnosis: "Le nom n'est pas un des réglages Daly lus par cet outil, ou la valeur ne tient pas dans son champ.",
    fix: 'Vérifiez le fichier de sauvegarde ou la valeur saisie.'
  }
} satisfies Record<DalyErrorCode, ErrorText>;
