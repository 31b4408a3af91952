import type { JkErrorCode } from '../../../core/protocol/jk/jk-codes';
import type { ErrorText } from '../../error-text';

export const jkFr = {
  JK_NO_ANSWER: {
    summary: "Le BMS JK n'a pas répondu en Bluetooth.",
    diagnosis: "Aucun enregistrement complet n'est revenu après renvoi de la commande : BMS en veille ou hors de portée, application JK d'un autre téléphone déjà connectée, ou ce n'est pas un JK.",
    fix: "Fermez l'application JK sur les autres téléphones, réveillez le BMS (bouton ou mise en charge), rapprochez-vous, puis réessayez."
  },
  JK_UPDATE_REGISTER_REFUSED: {
    summary: "L'écriture du registre de mise à jour JK est refusée.",
    diagnosis: "Le registre 0x1626 lance le programme de mise à jour JK ; des rapports indiquent que la carte peut y rester bloquée, et cet outil ne sait pas flasher un JK, il ne l'écrit donc jamais.",
    fix: "Rien à faire : les réglages s'écrivent ailleurs. Utilisez l'outil du fabricant pour le firmware JK."
  },
  JK_CHECKSUM: {
    summary: 'Un enregistrement Bluetooth JK est arrivé corrompu (somme de contrôle fausse).',
    diagnosis: "Le dernier octet de l'enregistrement de 300 octets n'est pas la somme des autres : une notification a été perdue ou désordonnée.",
    fix: "L'enregistrement est redemandé automatiquement ; si cela se répète, rapprochez-vous du BMS."
  },
  JK_FRAME_INVALID: {
    summary: 'Le BMS JK a envoyé des données illisibles pour cet outil.',
    diagnosis: 'Un enregistrement a un type ou une longueur inconnus, ou un bloc de registres est plus court que prévu : autre génération ou firmware JK.',
    fix: 'Notez le modèle et la version du JK (page Appareil) et joignez-les au journal de session.'
  },
  JK_SETTING_INVALID: {
    summary: 'Un réglage JK est inconnu ou hors limites.',
    diagnosis: "Le nom n'est pas un registre de réglage JK-PB, ou la valeur ne tient pas dans son registre 32 bits.",
    fix: "Vérifiez le fichier de sauvegarde ou la valeur saisie : les valeurs sont dans l'unité indiquée à côté de chaque réglage."
  }
} satisfies Record<JkErrorCode, ErrorText>;
