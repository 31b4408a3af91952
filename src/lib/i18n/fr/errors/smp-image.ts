import type { SmpImageErrorCode } from '../../../core/protocol/smp/smp-image-codes';
import type { ErrorText } from '../../error-text';

export const smpImageFr = {
  SMP_IMAGE_NO_FREE_SLOT: {
    summary: "L'appareil n'a pas d'emplacement libre pour le nouveau micrologiciel.",
    diagnosis: 'La banque inactive contient une image marquée pour test ou en service.',
    fix: "Redémarrez l'appareil pour terminer ou annuler la mise à jour en attente, puis effacez l'emplacement inactif et réessayez."
  },
  SMP_IMAGE_FLASH_FAILED: {
    summary: "L'appareil n'a pas pu lire, écrire ou effacer sa mémoire flash.",
    diagnosis: "Une opération flash a échoué : flash usée ou protégée, ou chute d'alimentation pendant l'écriture.",
    fix: "Vérifiez l'alimentation et réessayez une fois ; si cela échoue encore, la carte doit être réparée (le micrologiciel en service est intact)."
  },
  SMP_IMAGE_INVALID: {
    summary: "L'appareil a rejeté l'image du micrologiciel comme invalide.",
    diagnosis: "Son en-tête, ses TLV ou son empreinte ne sont pas valides sur l'appareil : transfert corrompu ou fichier d'un autre appareil.",
    fix: "Retéléchargez le micrologiciel depuis une source de confiance et vérifiez qu'il est prévu pour ce modèle."
  },
  SMP_IMAGE_TOO_LARGE: {
    summary: "L'image du micrologiciel est plus grande que l'emplacement de l'appareil.",
    diagnosis: 'Le fichier est prévu pour un appareil avec plus de flash, ou le découpage des emplacements diffère.',
    fix: 'Utilisez le micrologiciel construit pour cette révision matérielle exacte.'
  },
  SMP_IMAGE_VERSION_NOT_NEWER: {
    summary: "L'appareil refuse cette version : il en exécute déjà une plus récente.",
    diagnosis: 'Le transfert demandait une mise à niveau uniquement, et le micrologiciel en service a une version supérieure.',
    fix: 'Choisissez un micrologiciel plus récent ; pour revenir à une version stable antérieure, utilisez la procédure de récupération.'
  },
  SMP_IMAGE_ALREADY_PENDING: {
    summary: "Une mise à jour est déjà en attente sur l'appareil.",
    diagnosis: "Une image a été marquée pour test et l'appareil n'a pas redémarré depuis.",
    fix: "Redémarrez l'appareil pour lancer l'image en attente (ou la laisser revenir en arrière), puis recommencez."
  },
  SMP_IMAGE_CONFIRM_DENIED: {
    summary: "L'appareil a refusé de confirmer ou d'activer cette image.",
    diagnosis: "Seule l'image en service peut être confirmée, et une image confirmée ne peut pas repasser en test.",
    fix: "Lisez l'état des images : confirmez après le redémarrage sur le nouveau micrologiciel et la réussite de son autotest."
  },
  SMP_IMAGE_OFFSET_INVALID: {
    summary: "L'appareil a rejeté la position ou la taille des données du micrologiciel.",
    diagnosis: "L'appareil et l'outil ne sont plus d'accord sur la position du transfert, ou les données dépassent la longueur annoncée.",
    fix: "Relancez la mise à jour ; l'outil reprend le transfert à la position demandée par l'appareil."
  },
  SMP_IMAGE_HASH_NOT_FOUND: {
    summary: "Aucune image de l'appareil n'a cette empreinte.",
    diagnosis: "L'image à tester ou confirmer n'est pas (ou plus) dans un emplacement : transfert incomplet ou effacé.",
    fix: 'Transférez à nouveau le micrologiciel, puis marquez-le pour test.'
  },
  SMP_IMAGE_INVALID_SLOT: {
    summary: "L'appareil n'a pas cet emplacement d'image.",
    diagnosis: "Le numéro d'emplacement n'est pas valide pour cet appareil (les appareils à un seul emplacement n'acceptent que le principal).",
    fix: "Vérifiez le profil d'appareil : utilisez les numéros donnés par les informations d'emplacement."
  }
} satisfies Record<SmpImageErrorCode, ErrorText>;
