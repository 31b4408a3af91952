import type { ErrorEntry } from '../../error-text';

/** Errors the device reports with a legacy `rc` (mcumgr_err_t), shared by every group. */
export const SMP_RC_ERRORS = {
  SMP_ACCESS_DENIED: {
    en: {
      summary: 'The device refused the command: access denied.',
      diagnosis: 'The command needs an authenticated session (or the device locks it in its current state).',
      fix: 'Authenticate with your technician key first, then retry the command.'
    },
    fr: {
      summary: "L'appareil a refusé la commande : accès refusé.",
      diagnosis: "La commande demande une session authentifiée (ou l'appareil la bloque dans son état actuel).",
      fix: 'Authentifiez-vous avec votre clé de technicien, puis relancez la commande.'
    }
  },
  SMP_BAD_STATE: {
    en: {
      summary: 'The device cannot do this in its current state.',
      diagnosis: 'For example, erasing a slot that holds an image already marked for test, or uploading while another upload runs.',
      fix: 'Read the image state, reset the device if an update is pending, then retry.'
    },
    fr: {
      summary: "L'appareil ne peut pas faire cela dans son état actuel.",
      diagnosis: "Par exemple effacer un emplacement dont l'image est déjà marquée pour test, ou transférer pendant un autre transfert.",
      fix: "Lisez l'état des images, redémarrez l'appareil si une mise à jour est en attente, puis réessayez."
    }
  },
  SMP_NOT_SUPPORTED: {
    en: {
      summary: 'The device does not support this command.',
      diagnosis: 'Its firmware or bootloader does not implement it (MCUboot serial recovery supports only a few commands).',
      fix: 'Use a command the device supports, or update its firmware first; the detail names the command.'
    },
    fr: {
      summary: "L'appareil ne prend pas en charge cette commande.",
      diagnosis: "Son micrologiciel ou son chargeur d'amorçage ne l'implémente pas (la récupération série MCUboot n'en gère que quelques-unes).",
      fix: "Utilisez une commande prise en charge, ou mettez d'abord le micrologiciel à jour ; le détail nomme la commande."
    }
  },
  SMP_INVALID_ARGUMENT: {
    en: {
      summary: 'The device rejected a value in the request.',
      diagnosis: 'A field is missing or out of range for this device (e.g. a first upload chunk without its length).',
      fix: 'Check the device profile matches the device; report the detail if the tool sent it.'
    },
    fr: {
      summary: "L'appareil a rejeté une valeur de la requête.",
      diagnosis: "Un champ manque ou sort de la plage de cet appareil (p. ex. premier bloc de transfert sans longueur).",
      fix: "Vérifiez que le profil correspond à l'appareil ; signalez le détail si l'outil l'a envoyé."
    }
  },
  SMP_NO_MEMORY: {
    en: {
      summary: 'The device ran out of memory for this request.',
      diagnosis: 'The request or its answer does not fit the device buffers.',
      fix: 'Lower the buffer size in the device profile, reset the device, and retry.'
    },
    fr: {
      summary: "L'appareil manque de mémoire pour cette requête.",
      diagnosis: "La requête ou sa réponse ne tient pas dans les tampons de l'appareil.",
      fix: "Baissez la taille de tampon dans le profil d'appareil, redémarrez l'appareil et réessayez."
    }
  },
  SMP_MESSAGE_TOO_LARGE: {
    en: {
      summary: 'The request is larger than the device accepts.',
      diagnosis: 'The buffer size in the device profile is larger than what the device was built with.',
      fix: 'Lower the buffer size in the device profile (512 bytes for MCUboot serial recovery) and retry.'
    },
    fr: {
      summary: "La requête est plus grande que ce que l'appareil accepte.",
      diagnosis: "La taille de tampon du profil dépasse celle avec laquelle l'appareil a été construit.",
      fix: "Baissez la taille de tampon dans le profil d'appareil (512 octets pour la récupération série MCUboot) et réessayez."
    }
  },
  SMP_BUSY: {
    en: {
      summary: 'The device is busy.',
      diagnosis: 'Another operation is running (flash erase, a reset in progress, another client).',
      fix: 'Wait a few seconds and retry; make sure no other tool is connected to the device.'
    },
    fr: {
      summary: "L'appareil est occupé.",
      diagnosis: "Une autre opération est en cours (effacement flash, redémarrage, autre client).",
      fix: "Attendez quelques secondes et réessayez ; vérifiez qu'aucun autre outil n'est connecté."
    }
  },
  SMP_NOT_FOUND: {
    en: {
      summary: 'The device has no such entry.',
      diagnosis: 'The requested item (image, slot, file or setting) does not exist on this device.',
      fix: 'Read the device state again and pick an existing item.'
    },
    fr: {
      summary: "L'appareil n'a pas cette entrée.",
      diagnosis: "L'élément demandé (image, emplacement, fichier ou réglage) n'existe pas sur cet appareil.",
      fix: "Relisez l'état de l'appareil et choisissez un élément existant."
    }
  },
  SMP_DEVICE_ERROR: {
    en: {
      summary: 'The device reported an error.',
      diagnosis: 'The detail gives the group and the numeric error code the device returned.',
      fix: 'Retry once; if it repeats, export the log and report it with the device firmware version.'
    },
    fr: {
      summary: "L'appareil a signalé une erreur.",
      diagnosis: "Le détail donne le groupe et le code d'erreur numérique renvoyés par l'appareil.",
      fix: "Réessayez une fois ; si cela se répète, exportez le journal et signalez-le avec la version du micrologiciel."
    }
  }
} satisfies Record<string, ErrorEntry>;
