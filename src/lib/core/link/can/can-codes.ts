import type { ErrorEntry } from '../../error-text';

/** CAN bus and SLCAN (Lawicel) adapter errors: what a technician sees when the USB-CAN path fails. */
export const CAN_ERRORS = {
  CAN_BUS_OFF: {
    en: {
      summary: 'The CAN adapter went bus-off and stopped sending.',
      diagnosis:
        'Too many transmit errors: no other node acknowledges the frames (device unpowered or not on the bus), a wrong bit rate, a missing 120 Ω termination, or CAN-H / CAN-L swapped.',
      fix: 'Check that the BMS is powered, that both bus ends carry 120 Ω (about 60 Ω between CAN-H and CAN-L with power off), the wiring and the bit rate, then reconnect the adapter.'
    },
    fr: {
      summary: "L'adaptateur CAN est passé en bus-off et n'émet plus.",
      diagnosis:
        "Trop d'erreurs d'émission : aucun autre nœud n'acquitte les trames (appareil non alimenté ou absent du bus), débit différent, terminaison 120 Ω absente, ou CAN-H / CAN-L inversés.",
      fix: "Vérifiez que le BMS est alimenté, que les deux extrémités du bus ont 120 Ω (environ 60 Ω entre CAN-H et CAN-L hors tension), le câblage et le débit, puis reconnectez l'adaptateur."
    }
  },
  CAN_TIMEOUT: {
    en: {
      summary: 'The expected CAN frame did not arrive in time.',
      diagnosis: 'The node did not answer: wrong bit rate, node unpowered or busy, wrong node address, or a frame lost on a heavily loaded bus.',
      fix: 'Check the bit rate and the node address, that the BMS is powered, then retry.'
    },
    fr: {
      summary: "La trame CAN attendue n'est pas arrivée à temps.",
      diagnosis: "Le nœud n'a pas répondu : débit différent, nœud non alimenté ou occupé, mauvaise adresse de nœud, ou trame perdue sur un bus très chargé.",
      fix: "Vérifiez le débit et l'adresse du nœud, que le BMS est alimenté, puis réessayez."
    }
  },
  CAN_FRAME_INVALID: {
    en: {
      summary: 'A CAN frame is not valid.',
      diagnosis: 'The identifier is out of range (11-bit ≤ 0x7FF, 29-bit ≤ 0x1FFFFFFF) or the frame carries more than 8 data bytes (classic CAN).',
      fix: 'This is a program error: report it with the detail shown.'
    },
    fr: {
      summary: "Une trame CAN n'est pas valide.",
      diagnosis: "L'identifiant est hors plage (11 bits ≤ 0x7FF, 29 bits ≤ 0x1FFFFFFF) ou la trame porte plus de 8 octets de données (CAN classique).",
      fix: 'Il s’agit d’une erreur du programme : signalez-la avec le détail affiché.'
    }
  },
  CAN_BITRATE_UNSUPPORTED: {
    en: {
      summary: 'The USB-CAN adapter cannot use this bit rate.',
      diagnosis: 'SLCAN adapters offer fixed rates only: 10, 20, 50, 100, 125, 250, 500, 800 kbit/s and 1 Mbit/s (S0–S8).',
      fix: 'Choose the bit rate the BMS uses from the list (foxBMS 2: 500 kbit/s).'
    },
    fr: {
      summary: "L'adaptateur USB-CAN ne peut pas utiliser ce débit.",
      diagnosis: 'Les adaptateurs SLCAN n’offrent que des débits fixes : 10, 20, 50, 100, 125, 250, 500, 800 kbit/s et 1 Mbit/s (S0–S8).',
      fix: 'Choisissez dans la liste le débit utilisé par le BMS (foxBMS 2 : 500 kbit/s).'
    }
  },
  SLCAN_COMMAND_REFUSED: {
    en: {
      summary: 'The USB-CAN adapter refused a command.',
      diagnosis:
        'The adapter answered with an error (BEL): a setting changed while the channel is open, a frame sent while it is closed, or a full transmit buffer.',
      fix: 'Disconnect and reconnect; if it repeats, update the adapter firmware or use another SLCAN adapter.'
    },
    fr: {
      summary: "L'adaptateur USB-CAN a refusé une commande.",
      diagnosis:
        "L'adaptateur a répondu par une erreur (BEL) : réglage modifié canal ouvert, trame envoyée canal fermé, ou tampon d'émission plein.",
      fix: "Déconnectez puis reconnectez ; si cela se répète, mettez à jour le micrologiciel de l'adaptateur ou utilisez un autre adaptateur SLCAN."
    }
  },
  SLCAN_NOT_OPEN: {
    en: {
      summary: 'The CAN channel is not open.',
      diagnosis: 'Frames were sent or awaited before the adapter was opened at a bit rate, or after it was closed.',
      fix: 'Connect again: the channel is opened at the chosen bit rate when connecting.'
    },
    fr: {
      summary: "Le canal CAN n'est pas ouvert.",
      diagnosis: "Des trames ont été envoyées ou attendues avant l'ouverture de l'adaptateur à un débit, ou après sa fermeture.",
      fix: 'Reconnectez-vous : le canal est ouvert au débit choisi lors de la connexion.'
    }
  },
  SLCAN_NO_REPLY: {
    en: {
      summary: 'The serial port does not answer like an SLCAN (USB-CAN) adapter.',
      diagnosis: 'No answer to the version request: this port is another device, the adapter runs candleLight/gs_usb firmware instead of SLCAN, or the serial speed is wrong.',
      fix: 'Pick the USB-CAN adapter in the port list; check that it runs SLCAN firmware (CANable: slcan firmware).'
    },
    fr: {
      summary: 'Le port série ne répond pas comme un adaptateur SLCAN (USB-CAN).',
      diagnosis: "Pas de réponse à la demande de version : ce port est un autre appareil, l'adaptateur a un micrologiciel candleLight/gs_usb au lieu de SLCAN, ou la vitesse série est fausse.",
      fix: "Choisissez l'adaptateur USB-CAN dans la liste des ports ; vérifiez qu'il a un micrologiciel SLCAN (CANable : firmware slcan)."
    }
  },
  SLCAN_ADAPTER_UNPLUGGED: {
    en: {
      summary: 'The USB-CAN adapter was unplugged.',
      diagnosis: 'The serial port disappeared while frames were flowing: cable pulled, USB hub lost power, or the computer suspended the port.',
      fix: 'Plug the adapter back in and connect again; an interrupted foxBMS transfer must be started again from the beginning.'
    },
    fr: {
      summary: "L'adaptateur USB-CAN a été débranché.",
      diagnosis: "Le port série a disparu pendant l'échange : câble arraché, concentrateur USB sans alimentation, ou port suspendu par l'ordinateur.",
      fix: "Rebranchez l'adaptateur et reconnectez-vous ; un transfert foxBMS interrompu doit être recommencé depuis le début."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type CanErrorCode = keyof typeof CAN_ERRORS;
