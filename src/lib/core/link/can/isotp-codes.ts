import type { ErrorEntry } from '../../error-text';

/** ISO 15765-2 (ISO-TP) transport errors: a message segmented over CAN frames did not get through. */
export const ISOTP_ERRORS = {
  ISOTP_TIMEOUT: {
    en: {
      summary: 'A segmented CAN message stopped half-way.',
      diagnosis:
        'An ISO-TP timer ran out: the adapter could not send a frame (N_As), the node sent no flow control (N_Bs), or the next consecutive frame did not come (N_Cr). Usual causes: a loaded bus, a node busy writing flash, or a wrong node address.',
      fix: 'Retry; if it repeats, lower the bus load (stop other tools on the bus) and check the node address and bit rate.'
    },
    fr: {
      summary: 'Un message CAN segmenté s’est arrêté en route.',
      diagnosis:
        "Un temporisateur ISO-TP a expiré : l'adaptateur n'a pas pu émettre une trame (N_As), le nœud n'a pas envoyé de contrôle de flux (N_Bs), ou la trame consécutive suivante n'est pas venue (N_Cr). Causes habituelles : bus chargé, nœud occupé à écrire la flash, ou mauvaise adresse de nœud.",
      fix: "Réessayez ; si cela se répète, réduisez la charge du bus (arrêtez les autres outils) et vérifiez l'adresse du nœud et le débit."
    }
  },
  ISOTP_OVERFLOW: {
    en: {
      summary: 'The node has no room for this message.',
      diagnosis: 'The receiver answered the first frame with flow status OVERFLOW: the message is longer than its buffer.',
      fix: 'Send smaller pieces: the chunk size is taken from the device profile; check that it matches the firmware.'
    },
    fr: {
      summary: "Le nœud n'a pas la place pour ce message.",
      diagnosis: 'Le récepteur a répondu à la première trame par l’état de flux OVERFLOW : le message dépasse son tampon.',
      fix: "Envoyez des morceaux plus petits : la taille vient du profil d'appareil ; vérifiez qu'elle correspond au micrologiciel."
    }
  },
  ISOTP_SEQUENCE_ERROR: {
    en: {
      summary: 'A segmented CAN message arrived out of order.',
      diagnosis: 'A consecutive frame carried the wrong sequence number: a frame was lost (adapter receive buffer full) or two senders use the same identifier.',
      fix: 'Retry; if it repeats, close other programs that read the adapter and check that no other tool talks to the node.'
    },
    fr: {
      summary: 'Un message CAN segmenté est arrivé dans le désordre.',
      diagnosis: "Une trame consécutive portait un mauvais numéro de séquence : trame perdue (tampon de réception de l'adaptateur plein) ou deux émetteurs sur le même identifiant.",
      fix: "Réessayez ; si cela se répète, fermez les autres programmes qui lisent l'adaptateur et vérifiez qu'aucun autre outil ne parle au nœud."
    }
  },
  ISOTP_FRAME_INVALID: {
    en: {
      summary: 'A CAN frame does not follow ISO-TP.',
      diagnosis: 'Unknown frame type, a length that does not fit the frame, a reserved flow status, or a message longer than the receive buffer.',
      fix: 'Check the node address (another protocol may use these identifiers) and that the firmware speaks ISO-TP on them.'
    },
    fr: {
      summary: 'Une trame CAN ne respecte pas ISO-TP.',
      diagnosis: "Type de trame inconnu, longueur qui ne tient pas dans la trame, état de flux réservé, ou message plus long que le tampon de réception.",
      fix: "Vérifiez l'adresse du nœud (un autre protocole peut utiliser ces identifiants) et que le micrologiciel y parle ISO-TP."
    }
  },
  ISOTP_WAIT_LIMIT: {
    en: {
      summary: 'The node kept asking to wait.',
      diagnosis: 'The receiver sent more flow-control WAIT frames than allowed without ever saying continue: it is stuck or overloaded.',
      fix: 'Power-cycle the BMS, then retry.'
    },
    fr: {
      summary: "Le nœud a demandé d'attendre trop longtemps.",
      diagnosis: "Le récepteur a envoyé plus de trames de contrôle de flux WAIT que permis sans jamais autoriser la suite : il est bloqué ou surchargé.",
      fix: 'Coupez puis rétablissez l’alimentation du BMS, puis réessayez.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type IsoTpErrorCode = keyof typeof ISOTP_ERRORS;
