import type { ErrorEntry } from '../error-text';

/**
 * Codes of the checks that run before any byte is written (R01–R07, R13, R14, R25). Each blocks the
 * update on its own, so each says exactly what to change on site.
 */
export const UPDATE_PREFLIGHT_ERRORS = {
  UPDATE_SOC_OUT_OF_RANGE: {
    en: {
      summary: 'The battery state of charge is outside 20–80 %.',
      diagnosis:
        'Outside this band a voltage drop (nearly empty) or a protection trip (nearly full) can interrupt the flash write.',
      fix: 'Charge or discharge the pack into 20–80 % and start again; the update pauses by itself if it leaves the band.'
    },
    fr: {
      summary: "L'état de charge de la batterie est hors de la plage 20–80 %.",
      diagnosis:
        "Hors de cette plage, une chute de tension (batterie presque vide) ou un déclenchement de protection (presque pleine) peut interrompre l'écriture en flash.",
      fix: 'Chargez ou déchargez le pack entre 20 et 80 % puis relancez ; la mise à jour se met en pause seule si elle sort de la plage.'
    }
  },
  UPDATE_TEMPERATURE_OUT_OF_RANGE: {
    en: {
      summary: 'A temperature sensor reads outside 0–45 °C.',
      diagnosis: 'Below freezing or above 45 °C, flash writes and cell behaviour are unreliable and data can be corrupted.',
      fix: 'Let the pack reach room temperature (above 0 °C, below 45 °C), away from sun and heaters, then start again.'
    },
    fr: {
      summary: 'Un capteur de température indique une valeur hors de 0–45 °C.',
      diagnosis:
        "En dessous de zéro ou au-dessus de 45 °C, l'écriture en flash et le comportement des cellules ne sont pas fiables ; des données peuvent être corrompues.",
      fix: "Laissez le pack revenir à température ambiante (au-dessus de 0 °C, en dessous de 45 °C), à l'abri du soleil et des chauffages, puis relancez."
    }
  },
  UPDATE_TEMPERATURE_SENSOR_FAILED: {
    en: {
      summary: 'A temperature sensor does not answer.',
      diagnosis: 'Without every sensor the tool cannot prove the pack stays within 0–45 °C during the update.',
      fix: 'Check the sensor connector and wiring (the detail names the sensor), repair it, then start again.'
    },
    fr: {
      summary: 'Un capteur de température ne répond pas.',
      diagnosis:
        "Sans tous les capteurs, l'outil ne peut pas garantir que le pack reste entre 0 et 45 °C pendant la mise à jour.",
      fix: 'Vérifiez le connecteur et le câblage du capteur (le détail le nomme), réparez-le, puis relancez.'
    }
  },
  UPDATE_SUPPLY_UNSTABLE: {
    en: {
      summary: 'The supply voltage is not stable enough for an update.',
      diagnosis:
        'The supply readings spread or drift beyond the limit (see the readings): a weak source, a loose power connection or a load switching nearby.',
      fix: 'Use a reliable power source, tighten the power connections, stop large loads or chargers, then start again.'
    },
    fr: {
      summary: "La tension d'alimentation n'est pas assez stable pour une mise à jour.",
      diagnosis:
        "Les mesures d'alimentation varient ou dérivent au-delà de la limite (voir les mesures) : source faible, connexion d'alimentation desserrée ou charge qui commute à proximité.",
      fix: "Utilisez une source d'alimentation fiable, resserrez les connexions, arrêtez les grosses charges ou chargeurs, puis relancez."
    }
  },
  UPDATE_LINK_TEST_FAILED: {
    en: {
      summary: 'The link test failed: the line is not reliable enough to send firmware.',
      diagnosis:
        'Probes were lost or corrupted (see the error counters). Usual cause: the tool and the device use different baud rates, or the cable is noisy.',
      fix: 'Set the same baud rate on both sides, check the RS485 A/B wiring and termination, then replace the communication cable.'
    },
    fr: {
      summary: "Le test de liaison a échoué : la ligne n'est pas assez fiable pour envoyer le micrologiciel.",
      diagnosis:
        "Des sondes ont été perdues ou corrompues (voir les compteurs d'erreurs). Cause habituelle : l'outil et l'appareil n'utilisent pas le même débit, ou le câble est parasité.",
      fix: 'Réglez le même débit des deux côtés, vérifiez le câblage RS485 A/B et la terminaison, puis remplacez le câble de communication.'
    }
  },
  UPDATE_HARDWARE_INCOMPATIBLE: {
    en: {
      summary: 'This firmware package is not made for this hardware.',
      diagnosis:
        'The package does not list the device model or hardware revision in its compatibility matrix (or lists none).',
      fix: 'Get the firmware package built for this model and hardware revision from the manufacturer.'
    },
    fr: {
      summary: "Ce paquet de micrologiciel n'est pas prévu pour ce matériel.",
      diagnosis:
        "Le paquet ne mentionne pas le modèle ou la révision matérielle de l'appareil dans sa matrice de compatibilité (ou n'en mentionne aucune).",
      fix: 'Procurez-vous auprès du fabricant le paquet prévu pour ce modèle et cette révision matérielle.'
    }
  },
  UPDATE_BOOTLOADER_TOO_OLD: {
    en: {
      summary: "The device's bootloader is older than this firmware requires.",
      diagnosis: 'The package declares a minimum bootloader version that the device does not have.',
      fix: 'Update the bootloader first with the manufacturer procedure, or choose a firmware that supports this bootloader.'
    },
    fr: {
      summary: "Le chargeur d'amorçage de l'appareil est plus ancien que ce que demande ce micrologiciel.",
      diagnosis: "Le paquet déclare une version minimale du chargeur d'amorçage que l'appareil n'a pas.",
      fix: "Mettez d'abord à jour le chargeur d'amorçage selon la procédure du fabricant, ou choisissez un micrologiciel compatible avec celui-ci."
    }
  },
  UPDATE_DOWNGRADE_BLOCKED: {
    en: {
      summary: 'This firmware is less secure than the one the device trusts (anti-rollback).',
      diagnosis:
        "The package's security counter is lower than the counter stored in the device; the bootloader would refuse it anyway.",
      fix: 'Install a version whose security counter is at least the device value (the detail shows both).'
    },
    fr: {
      summary: "Ce micrologiciel est moins sûr que celui auquel l'appareil fait confiance (anti-retour arrière).",
      diagnosis:
        "Le compteur de sécurité du paquet est inférieur à celui enregistré dans l'appareil ; le chargeur d'amorçage le refuserait de toute façon.",
      fix: "Installez une version dont le compteur de sécurité est au moins égal à celui de l'appareil (le détail montre les deux)."
    }
  },
  UPDATE_SAFETY_CRITICAL_OVER_WIRELESS: {
    en: {
      summary: 'A safety-critical firmware cannot be installed over a wireless link.',
      diagnosis: 'The package is marked safety-critical (IEC 61508); remote (OTA) updates are limited to non-critical ones.',
      fix: 'Connect with a wired interface (RS485, CAN or USB) and start again.'
    },
    fr: {
      summary: 'Un micrologiciel critique pour la sécurité ne peut pas être installé par une liaison sans fil.',
      diagnosis:
        'Le paquet est marqué critique pour la sécurité (IEC 61508) ; les mises à jour à distance (OTA) sont réservées aux mises à jour non critiques.',
      fix: 'Branchez une interface filaire (RS485, CAN ou USB) et relancez.'
    }
  },
  UPDATE_CHECKLIST_INCOMPLETE: {
    en: {
      summary: 'The site checklist is not fully confirmed.',
      diagnosis: 'The tool cannot measure these conditions (flammable material, reliable power source); the operator must confirm each.',
      fix: 'Check the site, confirm every item of the checklist, then start again.'
    },
    fr: {
      summary: "La liste de contrôle du site n'est pas entièrement confirmée.",
      diagnosis:
        "L'outil ne peut pas mesurer ces conditions (matériaux inflammables, source d'alimentation fiable) ; l'opérateur doit confirmer chacune.",
      fix: 'Vérifiez le site, confirmez chaque point de la liste, puis relancez.'
    }
  },
  UPDATE_UNCONFIRMED_IMAGE_RUNNING: {
    en: {
      summary: 'The device runs a firmware that is still on test (not confirmed).',
      diagnosis:
        'A previous update stopped between test boot and confirmation; writing the other bank now would erase the way back.',
      fix: 'Reset the device so it returns to its previous confirmed firmware, check the version, then start the update again.'
    },
    fr: {
      summary: "L'appareil exécute un micrologiciel encore à l'essai (non confirmé).",
      diagnosis:
        "Une mise à jour précédente s'est arrêtée entre le démarrage d'essai et la confirmation ; écrire l'autre banque maintenant effacerait le retour arrière.",
      fix: "Redémarrez l'appareil pour qu'il revienne à son micrologiciel confirmé précédent, vérifiez la version, puis relancez la mise à jour."
    }
  },
  UPDATE_DEVICE_IN_BOOTLOADER: {
    en: {
      summary: 'The device runs only its bootloader: no valid firmware is running.',
      diagnosis: 'A previous update was interrupted or the installed image was rejected; a normal update cannot run now.',
      fix: 'Use recovery mode over a wired link to reinstall the last stable version, then retry the update.'
    },
    fr: {
      summary: "L'appareil n'exécute que son chargeur d'amorçage : aucun micrologiciel valide ne tourne.",
      diagnosis:
        "Une mise à jour précédente a été interrompue ou l'image installée a été refusée ; une mise à jour normale ne peut pas avoir lieu.",
      fix: 'Utilisez le mode de récupération sur une liaison filaire pour réinstaller la dernière version stable, puis relancez la mise à jour.'
    }
  }
} satisfies Record<string, ErrorEntry>;
