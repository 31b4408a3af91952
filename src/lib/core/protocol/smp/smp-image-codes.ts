import type { ErrorEntry } from '../../error-text';

/** Image-group (1) errors from SMP v2 `err.rc` (img_mgmt_err_code_t) that a technician can act on. */
export const SMP_IMAGE_ERRORS = {
  SMP_IMAGE_NO_FREE_SLOT: {
    en: {
      summary: 'The device has no free slot for the new firmware.',
      diagnosis: 'The inactive bank holds an image marked for test or in use.',
      fix: 'Reset the device to finish or cancel the pending update, then erase the inactive slot and retry.'
    },
    fr: {
      summary: "L'appareil n'a pas d'emplacement libre pour le nouveau micrologiciel.",
      diagnosis: "La banque inactive contient une image marquée pour test ou en service.",
      fix: "Redémarrez l'appareil pour terminer ou annuler la mise à jour en attente, puis effacez l'emplacement inactif et réessayez."
    }
  },
  SMP_IMAGE_FLASH_FAILED: {
    en: {
      summary: 'The device could not read, write or erase its flash memory.',
      diagnosis: 'A flash operation failed: worn or protected flash, or a supply drop during the write.',
      fix: 'Check the supply, retry the update once; if it fails again the board needs service (the running firmware is untouched).'
    },
    fr: {
      summary: "L'appareil n'a pas pu lire, écrire ou effacer sa mémoire flash.",
      diagnosis: "Une opération flash a échoué : flash usée ou protégée, ou chute d'alimentation pendant l'écriture.",
      fix: "Vérifiez l'alimentation et réessayez une fois ; si cela échoue encore, la carte doit être réparée (le micrologiciel en service est intact)."
    }
  },
  SMP_IMAGE_INVALID: {
    en: {
      summary: 'The device rejected the firmware image as invalid.',
      diagnosis: 'Its header, TLVs or hash do not check out on the device: a corrupted transfer or a file for another device.',
      fix: 'Download the firmware again from a trusted source and check that it is made for this device model.'
    },
    fr: {
      summary: "L'appareil a rejeté l'image du micrologiciel comme invalide.",
      diagnosis: "Son en-tête, ses TLV ou son empreinte ne sont pas valides sur l'appareil : transfert corrompu ou fichier d'un autre appareil.",
      fix: "Retéléchargez le micrologiciel depuis une source de confiance et vérifiez qu'il est prévu pour ce modèle."
    }
  },
  SMP_IMAGE_TOO_LARGE: {
    en: {
      summary: 'The firmware image is larger than the device slot.',
      diagnosis: 'The file is made for a device with more flash, or the slot layout differs.',
      fix: 'Use the firmware built for this exact hardware revision.'
    },
    fr: {
      summary: "L'image du micrologiciel est plus grande que l'emplacement de l'appareil.",
      diagnosis: "Le fichier est prévu pour un appareil avec plus de flash, ou le découpage des emplacements diffère.",
      fix: 'Utilisez le micrologiciel construit pour cette révision matérielle exacte.'
    }
  },
  SMP_IMAGE_VERSION_NOT_NEWER: {
    en: {
      summary: 'The device refuses this version: it already runs a newer one.',
      diagnosis: 'The upload asked for an upgrade only, and the running firmware has a higher version.',
      fix: 'Choose a newer firmware; to go back to an older stable version use the recovery procedure.'
    },
    fr: {
      summary: "L'appareil refuse cette version : il en exécute déjà une plus récente.",
      diagnosis: "Le transfert demandait une mise à niveau uniquement, et le micrologiciel en service a une version supérieure.",
      fix: 'Choisissez un micrologiciel plus récent ; pour revenir à une version stable antérieure, utilisez la procédure de récupération.'
    }
  },
  SMP_IMAGE_ALREADY_PENDING: {
    en: {
      summary: 'An update is already pending on the device.',
      diagnosis: 'An image was marked for test and the device has not been reset since.',
      fix: 'Reset the device to boot the pending image (or let it revert), then start again.'
    },
    fr: {
      summary: "Une mise à jour est déjà en attente sur l'appareil.",
      diagnosis: "Une image a été marquée pour test et l'appareil n'a pas redémarré depuis.",
      fix: "Redémarrez l'appareil pour lancer l'image en attente (ou la laisser revenir en arrière), puis recommencez."
    }
  },
  SMP_IMAGE_CONFIRM_DENIED: {
    en: {
      summary: 'The device refused to confirm or activate this image.',
      diagnosis: 'Only the running image can be confirmed, and a confirmed image cannot be set back to test.',
      fix: 'Read the image state: confirm after rebooting into the new firmware and after its self-test passes.'
    },
    fr: {
      summary: "L'appareil a refusé de confirmer ou d'activer cette image.",
      diagnosis: "Seule l'image en service peut être confirmée, et une image confirmée ne peut pas repasser en test.",
      fix: "Lisez l'état des images : confirmez après le redémarrage sur le nouveau micrologiciel et la réussite de son autotest."
    }
  },
  SMP_IMAGE_OFFSET_INVALID: {
    en: {
      summary: 'The device rejected the position or size of the firmware data.',
      diagnosis: 'The device and the tool lost track of the upload offset, or the data runs past the announced length.',
      fix: 'Start the update again; the tool restarts the transfer from the offset the device asks for.'
    },
    fr: {
      summary: "L'appareil a rejeté la position ou la taille des données du micrologiciel.",
      diagnosis: "L'appareil et l'outil ne sont plus d'accord sur la position du transfert, ou les données dépassent la longueur annoncée.",
      fix: "Relancez la mise à jour ; l'outil reprend le transfert à la position demandée par l'appareil."
    }
  },
  SMP_IMAGE_HASH_NOT_FOUND: {
    en: {
      summary: 'No image on the device has this hash.',
      diagnosis: 'The image to test or confirm is not (or no longer) in a slot: the upload did not complete or was erased.',
      fix: 'Upload the firmware again, then mark it for test.'
    },
    fr: {
      summary: "Aucune image de l'appareil n'a cette empreinte.",
      diagnosis: "L'image à tester ou confirmer n'est pas (ou plus) dans un emplacement : transfert incomplet ou effacé.",
      fix: 'Transférez à nouveau le micrologiciel, puis marquez-le pour test.'
    }
  },
  SMP_IMAGE_INVALID_SLOT: {
    en: {
      summary: 'The device has no such image slot.',
      diagnosis: 'The slot number is not valid for this device layout (single-slot devices only accept uploads to their primary slot).',
      fix: 'Check the device profile: use the slot numbers reported by slot info.'
    },
    fr: {
      summary: "L'appareil n'a pas cet emplacement d'image.",
      diagnosis: "Le numéro d'emplacement n'est pas valide pour cet appareil (les appareils à un seul emplacement n'acceptent que le principal).",
      fix: "Vérifiez le profil d'appareil : utilisez les numéros donnés par les informations d'emplacement."
    }
  }
} satisfies Record<string, ErrorEntry>;
