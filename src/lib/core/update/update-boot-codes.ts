import type { ErrorEntry } from '../error-text';

/**
 * Codes raised after the transfer: test boot, self-test, fallback, return to service, recovery and
 * integrity (R17–R22, R26). Boot loop keeps the seed's wording: check the hardware compatibility
 * matrix → revert to the last stable version.
 */
export const UPDATE_BOOT_ERRORS = {
  UPDATE_BOOT_LOOP: {
    en: {
      summary: 'Boot loop after update: the new firmware keeps restarting.',
      diagnosis: 'Check the hardware compatibility matrix: a version mismatch between firmware and hardware makes it reset before it is ready.',
      fix: 'Revert to the last stable version (the device does it by itself; the report shows the proof), then get the matching firmware.'
    },
    fr: {
      summary: 'Boucle de démarrage après mise à jour : le nouveau micrologiciel redémarre sans cesse.',
      diagnosis:
        'Vérifiez la matrice de compatibilité matérielle : une non-concordance de version entre micrologiciel et matériel le fait redémarrer avant d’être prêt.',
      fix: "Revenez à la dernière version stable (l'appareil le fait seul ; le rapport en donne la preuve), puis procurez-vous le bon micrologiciel."
    }
  },
  UPDATE_IMAGE_NOT_BOOTED: {
    en: {
      summary: 'The device did not start the new firmware.',
      diagnosis: "The bootloader refused the new image (signature, key or security counter) and kept the previous one.",
      fix: 'Check that the package is signed by a key the bootloader trusts; the previous firmware keeps running.'
    },
    fr: {
      summary: "L'appareil n'a pas démarré le nouveau micrologiciel.",
      diagnosis:
        "Le chargeur d'amorçage a refusé la nouvelle image (signature, clé ou compteur de sécurité) et a gardé la précédente.",
      fix: "Vérifiez que le paquet est signé par une clé de confiance du chargeur d'amorçage ; le micrologiciel précédent continue de tourner."
    }
  },
  UPDATE_PROTECTIONS_NOT_RESTORED: {
    en: {
      summary: 'The protections were not shown re-enabled after the reboot.',
      diagnosis: 'The boot sequence must go protections off → new firmware loaded → protections on; a step is missing or protections stay suspended.',
      fix: 'The device falls back to the previous firmware; report the boot log (in the report) to the firmware supplier.'
    },
    fr: {
      summary: "Les protections n'ont pas été réactivées après le redémarrage.",
      diagnosis:
        'La séquence de démarrage doit être protections désactivées → nouveau micrologiciel chargé → protections réactivées ; une étape manque ou les protections restent suspendues.',
      fix: "L'appareil revient au micrologiciel précédent ; transmettez le journal de démarrage (dans le rapport) au fournisseur du micrologiciel."
    }
  },
  UPDATE_SELF_TEST_FAILED: {
    en: {
      summary: 'The self-test of the new firmware failed.',
      diagnosis: 'Voltage calibration (±0.5 %), temperature sensors, RS485 or CAN did not pass (see the items).',
      fix: 'The device falls back to the previous firmware by itself; check the failing item before trying again.'
    },
    fr: {
      summary: "L'auto-test du nouveau micrologiciel a échoué.",
      diagnosis: "L'étalonnage de tension (±0,5 %), les capteurs de température, le RS485 ou le CAN n'ont pas réussi (voir les éléments).",
      fix: "L'appareil revient seul au micrologiciel précédent ; vérifiez l'élément en échec avant de réessayer."
    }
  },
  UPDATE_CONFIRM_FAILED: {
    en: {
      summary: 'The new firmware could not be made permanent.',
      diagnosis: 'The device refused to confirm the running image, or still reports it as unconfirmed.',
      fix: 'The device will revert at its next reset; check the report, then retry the update.'
    },
    fr: {
      summary: "Le nouveau micrologiciel n'a pas pu être rendu permanent.",
      diagnosis: "L'appareil a refusé de confirmer l'image en service, ou l'indique toujours comme non confirmée.",
      fix: "L'appareil reviendra en arrière à son prochain redémarrage ; consultez le rapport puis relancez la mise à jour."
    }
  },
  UPDATE_FALLBACK_UNPROVEN: {
    en: {
      summary: 'The device did not return to its previous firmware.',
      diagnosis: 'After the failure, the running version or hash read back differs from the one before the update.',
      fix: 'Do not return the pack to service: use recovery mode over a wired link to reinstall the last stable version.'
    },
    fr: {
      summary: "L'appareil n'est pas revenu à son micrologiciel précédent.",
      diagnosis: "Après l'échec, la version ou l'empreinte relue diffère de celle d'avant la mise à jour.",
      fix: 'Ne remettez pas le pack en service : utilisez le mode de récupération en filaire pour réinstaller la dernière version stable.'
    }
  },
  UPDATE_BALANCE_TEST_FAILED: {
    en: {
      summary: 'Cell balancing does not work correctly.',
      diagnosis: 'A bleed resistor did not pull its cell down during the balancing test (see the cells).',
      fix: 'Do not return the pack to service; check the balancing circuit and the cell sense wires.'
    },
    fr: {
      summary: "L'équilibrage des cellules ne fonctionne pas correctement.",
      diagnosis: "Une résistance d'équilibrage n'a pas fait baisser sa cellule pendant le test (voir les cellules).",
      fix: "Ne remettez pas le pack en service ; vérifiez le circuit d'équilibrage et les fils de mesure des cellules."
    }
  },
  UPDATE_CONFIG_RESET: {
    en: {
      summary: 'Some settings differ from the backup after the update.',
      diagnosis: 'The new firmware reset or migrated settings (see the differences).',
      fix: 'Review the differences and restore the backup if the old values are the right ones.'
    },
    fr: {
      summary: 'Certains réglages diffèrent de la sauvegarde après la mise à jour.',
      diagnosis: 'Le nouveau micrologiciel a réinitialisé ou converti des réglages (voir les différences).',
      fix: 'Examinez les différences et restaurez la sauvegarde si les anciennes valeurs sont les bonnes.'
    }
  },
  UPDATE_RECOVERY_NOT_ALLOWED: {
    en: {
      summary: 'Recovery with this image is not allowed.',
      diagnosis: 'Recovery needs a wired link and an image whose security counter is not lower than the device value.',
      fix: 'Connect with RS485, CAN or USB and use the last stable version signed for this security level.'
    },
    fr: {
      summary: "La récupération avec cette image n'est pas autorisée.",
      diagnosis:
        "La récupération exige une liaison filaire et une image dont le compteur de sécurité n'est pas inférieur à celui de l'appareil.",
      fix: 'Branchez-vous en RS485, CAN ou USB et utilisez la dernière version stable signée pour ce niveau de sécurité.'
    }
  },
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: {
    en: {
      summary: 'An installed image does not match any signed image this tool knows.',
      diagnosis: 'Its hash is not the hash of a verified package: it may be modified or come from another source.',
      fix: 'Load the signed package it should be, or reinstall a trusted version; report it if it was not expected.'
    },
    fr: {
      summary: "Une image installée ne correspond à aucune image signée connue de l'outil.",
      diagnosis: "Son empreinte n'est celle d'aucun paquet vérifié : elle a peut-être été modifiée ou vient d'une autre source.",
      fix: "Chargez le paquet signé qu'elle devrait être, ou réinstallez une version de confiance ; signalez-le si ce n'était pas prévu."
    }
  }
} satisfies Record<string, ErrorEntry>;
