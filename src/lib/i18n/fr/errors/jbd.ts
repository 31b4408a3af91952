import type { JbdErrorCode } from '../../../core/protocol/jbd/jbd-codes';
import type { ErrorText } from '../../error-text';

export const jbdFr = {
  JBD_NO_ANSWER: {
    summary: "Le BMS JBD n'a pas répondu.",
    diagnosis: "Aucune trame valide n'est revenue, même après renvoi (une carte en veille ignore la première trame). Causes habituelles : ligne pas à 9600 bauds, RX/TX ou A/B RS485 inversés, BMS qui n'est pas un JBD/Xiaoxiang, ou module Bluetooth encore branché sur l'UART.",
    fix: 'Vérifiez 9600 8N1, le câblage et la masse, débranchez le module Bluetooth du port UART, puis réessayez.'
  },
  JBD_CHECKSUM: {
    summary: 'Une trame du BMS JBD est arrivée corrompue (somme de contrôle fausse).',
    diagnosis: 'La somme de contrôle 16 bits ne correspond pas aux octets : parasites sur la ligne, mauvais débit, ou deux appareils qui parlent en même temps.',
    fix: 'La requête est renvoyée automatiquement ; si cela se répète, raccourcissez ou blindez le câble et vérifiez la masse et la terminaison.'
  },
  JBD_FRAME_INVALID: {
    summary: 'Le BMS JBD a envoyé une trame illisible pour cet outil.',
    diagnosis: 'La trame est trop courte pour son registre, ou son octet de fin est faux : firmware avec une autre disposition, ou octets perdus sur la ligne.',
    fix: 'Réessayez ; si cela se répète, notez le modèle et la version du BMS et joignez-les au journal de session.'
  },
  JBD_ERROR_STATUS: {
    summary: 'Le BMS JBD a refusé la requête.',
    diagnosis: "La réponse porte un état d'erreur (0x80). Les réglages ne se lisent et ne s'écrivent qu'en mode usine, et une carte protégée par mot de passe refuse le mode usine sans ce mot de passe.",
    fix: "Relancez l'opération (elle passe elle-même en mode usine) ; si un mot de passe a été défini avec l'application du fabricant, supprimez-le d'abord."
  },
  JBD_SETTING_INVALID: {
    summary: 'Un réglage JBD est inconnu ou hors limites.',
    diagnosis: "Le nom n'est pas un réglage de l'EEPROM, ou la valeur ne tient pas dans son registre 16 bits.",
    fix: "Vérifiez le fichier de sauvegarde ou la valeur saisie : les valeurs sont dans l'unité du registre indiquée à côté de chaque réglage."
  }
} satisfies Record<JbdErrorCode, ErrorText>;
