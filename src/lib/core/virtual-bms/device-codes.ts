import type { ErrorEntry } from '../error-text';

/**
 * Error codes raised by the device layer, with their user text (English and French). The DEVICE_IMAGE_*
 * codes are the virtual BMS bootloader's reasons for refusing an image; they appear at the start of the
 * `image_rejected` boot-log detail ("DEVICE_IMAGE_ROLLBACK: …"), next to the IMAGE_* codes of the
 * signature check.
 */
export const DEVICE_ERRORS = {
  DEVICE_STATE_INVALID: {
    en: {
      summary: 'The saved virtual BMS state cannot be loaded.',
      diagnosis: 'The file or stored record is not a state exported by this version of the simulator, or it was edited.',
      fix: 'Start a fresh virtual BMS (factory state) or load a state exported by the same version.'
    },
    fr: {
      summary: "L'état enregistré du BMS virtuel ne peut pas être chargé.",
      diagnosis: "Le fichier ou l'enregistrement n'est pas un état exporté par cette version du simulateur, ou il a été modifié.",
      fix: "Démarrez un BMS virtuel neuf (état d'usine) ou chargez un état exporté par la même version."
    }
  },
  DEVICE_OPTION_INVALID: {
    en: {
      summary: 'The virtual BMS options are invalid.',
      diagnosis: 'An option (serial, hardware revision, bootloader version, timing, buffer sizes, slot size) is outside what the simulator supports.',
      fix: 'Correct the option named in the detail.'
    },
    fr: {
      summary: 'Les options du BMS virtuel sont invalides.',
      diagnosis: "Une option (numéro de série, révision matérielle, version du chargeur, temps, tailles de tampon, taille d'emplacement) sort de ce que le simulateur accepte.",
      fix: "Corrigez l'option indiquée dans le détail."
    }
  },
  DEVICE_SETTING_UNKNOWN: {
    en: {
      summary: 'A setting is not known to this BMS.',
      diagnosis: 'The key does not exist in this firmware (typo, or a backup from another firmware or model), or a setting is missing.',
      fix: 'Check the key name against the device configuration; restore only backups taken from the same model.'
    },
    fr: {
      summary: "Un paramètre est inconnu de ce BMS.",
      diagnosis: "La clé n'existe pas dans ce firmware (faute de frappe, ou sauvegarde d'un autre firmware ou modèle), ou un paramètre manque.",
      fix: 'Vérifiez le nom de la clé dans la configuration de l’appareil ; ne restaurez que des sauvegardes du même modèle.'
    }
  },
  DEVICE_SETTING_OUT_OF_RANGE: {
    en: {
      summary: 'A setting value is outside its allowed range.',
      diagnosis: 'The value has the wrong type or lies outside the limits the BMS accepts (shown in the detail).',
      fix: 'Enter a value inside the range shown; nothing was written to the device.'
    },
    fr: {
      summary: 'La valeur d’un paramètre sort de sa plage autorisée.',
      diagnosis: 'La valeur a le mauvais type ou dépasse les limites acceptées par le BMS (indiquées dans le détail).',
      fix: "Saisissez une valeur dans la plage indiquée ; rien n'a été écrit dans l'appareil."
    }
  },
  DEVICE_SETTING_CONFLICT: {
    en: {
      summary: 'Two settings contradict each other.',
      diagnosis: 'Each value is in range but together they are unsafe, e.g. balancing would start above the overvoltage trip.',
      fix: 'Change both settings together so the rule in the detail holds; nothing was written to the device.'
    },
    fr: {
      summary: 'Deux paramètres se contredisent.',
      diagnosis: "Chaque valeur est dans sa plage mais ensemble elles sont dangereuses, par exemple l'équilibrage démarrerait au-dessus du seuil de surtension.",
      fix: "Modifiez les deux paramètres ensemble pour respecter la règle du détail ; rien n'a été écrit dans l'appareil."
    }
  },
  DEVICE_IMAGE_NO_SECURITY_COUNTER: {
    en: {
      summary: 'The bootloader refused an image without a security counter.',
      diagnosis: 'Hardware rollback protection is on, so every image must carry a SEC_CNT TLV; this one was signed without it.',
      fix: 'Re-sign the firmware with a security counter (imgtool --security-counter) and upload it again.'
    },
    fr: {
      summary: "Le chargeur d'amorçage a refusé une image sans compteur de sécurité.",
      diagnosis: "La protection anti-retour matérielle est active : toute image doit porter un TLV SEC_CNT ; celle-ci a été signée sans.",
      fix: 'Signez de nouveau le firmware avec un compteur de sécurité (imgtool --security-counter) puis renvoyez-le.'
    }
  },
  DEVICE_IMAGE_ROLLBACK: {
    en: {
      summary: 'The bootloader refused an image older than the device security level.',
      diagnosis: "The image's security counter is lower than the counter stored in the BMS (anti-rollback, R25).",
      fix: 'Install a version whose security counter is at least the device one (shown in the identity); the previous firmware keeps running.'
    },
    fr: {
      summary: "Le chargeur d'amorçage a refusé une image plus ancienne que le niveau de sécurité de l'appareil.",
      diagnosis: "Le compteur de sécurité de l'image est inférieur à celui stocké dans le BMS (anti-retour, R25).",
      fix: "Installez une version dont le compteur est au moins celui de l'appareil (visible dans l'identité) ; l'ancien firmware continue de tourner."
    }
  },
  DEVICE_IMAGE_HW_MISMATCH: {
    en: {
      summary: 'The bootloader refused an image built for other hardware.',
      diagnosis: "The hardware revisions signed into the image do not include this BMS's revision.",
      fix: 'Check the hardware compatibility matrix and download the package for this revision.'
    },
    fr: {
      summary: "Le chargeur d'amorçage a refusé une image prévue pour un autre matériel.",
      diagnosis: "Les révisions matérielles signées dans l'image n'incluent pas celle de ce BMS.",
      fix: 'Consultez la matrice de compatibilité matérielle et téléchargez le paquet de cette révision.'
    }
  },
  DEVICE_IMAGE_MODEL_MISMATCH: {
    en: {
      summary: 'The bootloader refused an image for another BMS model.',
      diagnosis: 'The model signed into the image is not this BMS model.',
      fix: 'Download the firmware for this model.'
    },
    fr: {
      summary: "Le chargeur d'amorçage a refusé une image d'un autre modèle de BMS.",
      diagnosis: "Le modèle signé dans l'image n'est pas celui de ce BMS.",
      fix: 'Téléchargez le firmware de ce modèle.'
    }
  },
  DEVICE_IMAGE_BOOTLOADER_TOO_OLD: {
    en: {
      summary: 'The bootloader is older than the image requires.',
      diagnosis: 'The image declares a minimum bootloader version above the one in this BMS.',
      fix: 'Use a firmware release that supports this bootloader, or have the bootloader updated in a workshop.'
    },
    fr: {
      summary: "Le chargeur d'amorçage est plus ancien que ce qu'exige l'image.",
      diagnosis: "L'image déclare une version minimale du chargeur supérieure à celle de ce BMS.",
      fix: 'Utilisez une version du firmware compatible avec ce chargeur, ou faites mettre à jour le chargeur en atelier.'
    }
  },
  DEVICE_IMAGE_NOT_BOOTABLE: {
    en: {
      summary: 'The image is marked as not bootable.',
      diagnosis: 'Its header carries the NON_BOOTABLE flag (a data or companion image), so the bootloader never runs it.',
      fix: 'Upload the application image of the package, not a data image.'
    },
    fr: {
      summary: "L'image est marquée non amorçable.",
      diagnosis: "Son en-tête porte l'indicateur NON_BOOTABLE (image de données ou annexe) : le chargeur ne l'exécute jamais.",
      fix: "Envoyez l'image applicative du paquet, pas une image de données."
    }
  },
  DEVICE_IMAGE_NO_SWAP_SPACE: {
    en: {
      summary: 'The image is too large for the swap.',
      diagnosis: 'It fits the slot but not the space a swap needs (one spare sector below the trailer), so the bootloader cannot install it.',
      fix: 'Build a smaller image: the device reports max_image_size in the image slot information.'
    },
    fr: {
      summary: "L'image est trop grande pour l'échange.",
      diagnosis: "Elle tient dans l'emplacement mais pas dans l'espace qu'exige l'échange (un secteur libre sous le trailer) : le chargeur ne peut pas l'installer.",
      fix: "Produisez une image plus petite : l'appareil indique max_image_size dans les informations d'emplacement."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type DeviceErrorCode = keyof typeof DEVICE_ERRORS;
