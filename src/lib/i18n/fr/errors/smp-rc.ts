import type { SmpRcErrorCode } from '../../../core/protocol/smp/smp-rc-codes';
import type { ErrorText } from '../../error-text';

export const smpRcFr = {
  SMP_ACCESS_DENIED: {
    summary: "L'appareil a refusé la commande : accès refusé.",
    diagnosis: "La commande demande une session authentifiée (ou l'appareil la bloque dans son état actuel).",
    fix: 'Authentifiez-vous avec votre clé de technicien, puis relancez la commande.'
  },
  SMP_BAD_STATE: {
    summary: "L'appareil ne peut pas faire cela dans son état actuel.",
    diagnosis: "Par exemple effacer un emplacement dont l'image est déjà marquée pour test, ou transférer pendant un autre transfert.",
    fix: "Lisez l'état des images, redémarrez l'appareil si une mise à jour est en attente, puis réessayez."
  },
  SMP_NOT_SUPPORTED: {
    summary: "L'appareil ne prend pas en charge cette commande.",
    diagnosis: "Son micrologiciel ou son chargeur d'amorçage ne l'implémente pas (la récupération série MCUboot n'en gère que quelques-unes).",
    fix: "Utilisez une commande prise en charge, ou mettez d'abord le micrologiciel à jour ; le détail nomme la commande."
  },
  SMP_INVALID_ARGUMENT: {
    summary: "L'appareil a rejeté une valeur de la requête.",
    diagnosis: 'Un champ manque ou sort de la plage de cet appareil (p. ex. premier bloc de transfert sans longueur).',
    fix: "Vérifiez que le profil correspond à l'appareil ; signalez le détail si l'outil l'a envoyé."
  },
  SMP_NO_MEMORY: {
    summary: "L'appareil manque de mémoire pour cette requête.",
    diagnosis: "La requête ou sa réponse ne tient pas dans les tampons de l'appareil.",
    fix: "Baissez la taille de tampon dans le profil d'appareil, redémarrez l'appareil et réessayez."
  },
  SMP_MESSAGE_TOO_LARGE: {
    summary: "La requête est plus grande que ce que l'appareil accepte.",
    diagnosis: "La taille de tampon du profil dépasse celle avec laquelle l'appareil a été construit.",
    fix: "Baissez la taille de tampon dans le profil d'appareil (512 octets pour la récupération série MCUboot) et réessayez."
  },
  SMP_BUSY: {
    summary: "L'appareil est occupé.",
    diagnosis: 'Une autre opération est en cours (effacement flash, redémarrage, autre client).',
    fix: "Attendez quelques secondes et réessayez ; vérifiez qu'aucun autre outil n'est connecté."
  },
  SMP_NOT_FOUND: {
    summary: "L'appareil n'a pas cette entrée.",
    diagnosis: "L'élément demandé (image, emplacement, fichier ou réglage) n'existe pas sur cet appareil.",
    fix: "Relisez l'état de l'appareil et choisissez un élément existant."
  },
  SMP_DEVICE_ERROR: {
    summary: "L'appareil a signalé une erreur.",
    diagnosis: "Le détail donne le groupe et le code d'erreur numérique renvoyés par l'appareil.",
    fix: 'Réessayez une fois ; si cela se répète, exportez le journal et signalez-le avec la version du micrologiciel.'
  }
} satisfies Record<SmpRcErrorCode, ErrorText>;
