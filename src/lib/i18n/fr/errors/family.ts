import type { FamilyErrorCode } from '../../../core/family/family-codes';
import type { ErrorText } from '../../error-text';

export const familyFr = {
  FAMILY_NOT_SUPPORTED: {
    summary: "Cet appareil ne propose pas ce qui a été demandé.",
    diagnosis: "Son micrologiciel n'a pas cette fonction (par exemple ni réglages, ni mesures de batterie, ni rapport d'autotest) ; l'outil ne peut pas la réaliser sur cet appareil.",
    fix: "Consultez la page Appareil pour voir ce que l'outil peut vérifier sur cet appareil ; faites cette étape avec l'outil du fabricant ou à la main."
  },
  FAMILY_UNKNOWN_DEVICE: {
    summary: "L'appareil répond, mais comme aucune famille d'appareils connue de l'outil.",
    diagnosis: "Le serveur SMP a répondu aux sondes de famille par des erreurs que ni notre micrologiciel BMS ni un serveur mcumgr standard ne donnent.",
    fix: "Vérifiez le port et le débit ; si l'appareil est le bon, signalez son micrologiciel et le détail affiché."
  },
  UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED: {
    summary: "Cet appareil accepte un micrologiciel sans session de maintenance authentifiée : l'opérateur doit d'abord le reconnaître.",
    diagnosis: "Son micrologiciel n'a pas de défi technicien : n'importe qui sur la liaison peut y écrire et l'outil ne peut pas prouver qui a fait la modification. Rien n'a été écrit.",
    fix: 'Si c\'est voulu, reconnaissez-le : cochez la ligne dans la liste de contrôle du pré-vol, ou passez --allow-unauthenticated à la commande. Le rapport enregistre cette reconnaissance.'
  },
  UPDATE_OPERATOR_READING_MISSING: {
    summary: "L'appareil ne peut pas mesurer la batterie : l'état de charge et la température doivent être saisis par l'opérateur.",
    diagnosis: "Ce micrologiciel n'a pas de mesures de batterie : les limites de charge et de température ne peuvent être vérifiées que sur des valeurs relevées sur place. Aucune n'a été donnée.",
    fix: "Relevez l'état de charge et la température sur l'afficheur de la batterie ou avec un appareil de mesure et saisissez-les dans le pré-vol (CLI : --operator-soc PCT --operator-temp C)."
  }
} satisfies Record<FamilyErrorCode, ErrorText>;
