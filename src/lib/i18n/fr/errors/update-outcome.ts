import type { UpdateOutcomeErrorCode } from '../../../core/update/update-outcome-codes';
import type { ErrorText } from '../../error-text';

export const updateOutcomeFr = {
  UPDATE_SAME_IMAGE_RUNNING: {
    summary: "Cette image exacte tourne déjà sur l'appareil.",
    diagnosis: "L'empreinte du paquet est celle du micrologiciel en marche : il n'y a rien à mettre à jour.",
    fix: "Choisissez une autre image si une mise à jour était prévue ; l'appareil n'a besoin de rien."
  },
  UPDATE_STATE_UNKNOWN: {
    summary: "L'outil n'a pas pu relire ce qui tourne sur l'appareil.",
    diagnosis: "Après une écriture l'appareil n'a pas répondu : on ne sait pas quel micrologiciel tourne maintenant.",
    fix: "Rétablissez l'alimentation et le câble, reconnectez-vous et lisez l'appareil (page Appareil ou `bms-flasher info`) ; si seul son chargeur d'amorçage répond, utilisez la récupération."
  }
} satisfies Record<UpdateOutcomeErrorCode, ErrorText>;
