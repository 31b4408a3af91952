import type { CanErrorCode } from '../../../core/link/can/can-codes';
import type { ErrorText } from '../../error-text';

export const canFr = {
  CAN_BUS_OFF: {
    summary: "L'adaptateur CAN est passé en bus-off et n'émet plus.",
    diagnosis: "Trop d'erreurs d'émission : aucun autre nœud n'acquitte les trames (appareil non alimenté ou absent du bus), débit différent, terminaison 120 Ω absente, ou CAN-H / CAN-L inversés.",
    fix: "Vérifiez que le BMS est alimenté, que les deux extrémités du bus ont 120 Ω (environ 60 Ω entre CAN-H et CAN-L hors tension), le câblage et le débit, puis reconnectez l'adaptateur."
  },
  CAN_TIMEOUT: {
    summary: "La trame CAN attendue n'est pas arrivée à temps.",
    diagnosis: "Le nœud n'a pas répondu : débit différent, nœud non alimenté ou occupé, mauvaise adresse de nœud, ou trame perdue sur un bus très chargé.",
    fix: "Vérifiez le débit et l'adresse du nœud, que le BMS est alimenté, puis réessayez."
  },
  CAN_FRAME_INVALID: {
    summary: "Une trame CAN n'est pas valide.",
    diagnosis: "L'identifiant est hors plage (11 bits ≤ 0x7FF, 29 bits ≤ 0x1FFFFFFF) ou la trame porte plus de 8 octets de données (CAN classique).",
    fix: 'Il s’agit d’une erreur du programme : signalez-la avec le détail affiché.'
  },
  CAN_BITRATE_UNSUPPORTED: {
    summary: "L'adaptateur USB-CAN ne peut pas utiliser ce débit.",
    diagnosis: 'Les adaptateurs SLCAN n’offrent que des débits fixes : 10, 20, 50, 100, 125, 250, 500, 800 kbit/s et 1 Mbit/s (S0–S8).',
    fix: 'Choisissez dans la liste le débit utilisé par le BMS (foxBMS 2 : 500 kbit/s).'
  },
  SLCAN_COMMAND_REFUSED: {
    summary: "L'adaptateur USB-CAN a refusé une commande.",
    diagnosis: "L'adaptateur a répondu par une erreur (BEL) : réglage modifié canal ouvert, trame envoyée canal fermé, ou tampon d'émission plein.",
    fix: "Déconnectez puis reconnectez ; si cela se répète, mettez à jour le micrologiciel de l'adaptateur ou utilisez un autre adaptateur SLCAN."
  },
  SLCAN_NOT_OPEN: {
    summary: "Le canal CAN n'est pas ouvert.",
    diagnosis: "Des trames ont été envoyées ou attendues avant l'ouverture de l'adaptateur à un débit, ou après sa fermeture.",
    fix: 'Reconnectez-vous : le canal est ouvert au débit choisi lors de la connexion.'
  },
  SLCAN_NO_REPLY: {
    summary: 'Le port série ne répond pas comme un adaptateur SLCAN (USB-CAN).',
    diagnosis: "Pas de réponse à la demande de version : ce port est un autre appareil, l'adaptateur a un micrologiciel candleLight/gs_usb au lieu de SLCAN, ou la vitesse série est fausse.",
    fix: "Choisissez l'adaptateur USB-CAN dans la liste des ports ; vérifiez qu'il a un micrologiciel SLCAN (CANable : firmware slcan)."
  },
  SLCAN_ADAPTER_UNPLUGGED: {
    summary: "L'adaptateur USB-CAN a été débranché.",
    diagnosis: "Le port série a disparu pendant l'échange : câble arraché, concentrateur USB sans alimentation, ou port suspendu par l'ordinateur.",
    fix: "Rebranchez l'adaptateur et reconnectez-vous ; un transfert foxBMS interrompu doit être recommencé depuis le début."
  }
} satisfies Record<CanErrorCode, ErrorText>;
