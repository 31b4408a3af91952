import type { IsoTpErrorCode } from '../../../core/link/can/isotp-codes';
import type { ErrorText } from '../../error-text';

export const isotpFr = {
  ISOTP_TIMEOUT: {
    summary: 'Un message CAN segmenté s’est arrêté en route.',
    diagnosis: "Un temporisateur ISO-TP a expiré : l'adaptateur n'a pas pu émettre une trame (N_As), le nœud n'a pas envoyé de contrôle de flux (N_Bs), ou la trame consécutive suivante n'est pas venue (N_Cr). Causes habituelles : bus chargé, nœud occupé à écrire la flash, ou mauvaise adresse de nœud.",
    fix: "Réessayez ; si cela se répète, réduisez la charge du bus (arrêtez les autres outils) et vérifiez l'adresse du nœud et le débit."
  },
  ISOTP_OVERFLOW: {
    summary: "Le nœud n'a pas la place pour ce message.",
    diagnosis: 'Le récepteur a répondu à la première trame par l’état de flux OVERFLOW : le message dépasse son tampon.',
    fix: "Envoyez des morceaux plus petits : la taille vient du profil d'appareil ; vérifiez qu'elle correspond au micrologiciel."
  },
  ISOTP_SEQUENCE_ERROR: {
    summary: 'Un message CAN segmenté est arrivé dans le désordre.',
    diagnosis: "Une trame consécutive portait un mauvais numéro de séquence : trame perdue (tampon de réception de l'adaptateur plein) ou deux émetteurs sur le même identifiant.",
    fix: "Réessayez ; si cela se répète, fermez les autres programmes qui lisent l'adaptateur et vérifiez qu'aucun autre outil ne parle au nœud."
  },
  ISOTP_FRAME_INVALID: {
    summary: 'Une trame CAN ne respecte pas ISO-TP.',
    diagnosis: 'Type de trame inconnu, longueur qui ne tient pas dans la trame, état de flux réservé, ou message plus long que le tampon de réception.',
    fix: "Vérifiez l'adresse du nœud (un autre protocole peut utiliser ces identifiants) et que le micrologiciel y parle ISO-TP."
  },
  ISOTP_WAIT_LIMIT: {
    summary: "Le nœud a demandé d'attendre trop longtemps.",
    diagnosis: 'Le récepteur a envoyé plus de trames de contrôle de flux WAIT que permis sans jamais autoriser la suite : il est bloqué ou surchargé.',
    fix: 'Coupez puis rétablissez l’alimentation du BMS, puis réessayez.'
  }
} satisfies Record<IsoTpErrorCode, ErrorText>;
