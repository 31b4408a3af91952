import type { UpdatePreflightErrorCode } from '../../../core/update/update-preflight-codes';
import type { ErrorText } from '../../error-text';

export const updatePreflightFr = {
  UPDATE_SOC_OUT_OF_RANGE: {
    summary: "L'état de charge de la batterie est hors de la plage 20–80 %.",
    diagnosis: "Hors de cette plage, une chute de tension (batterie presque vide) ou un déclenchement de protection (presque pleine) peut interrompre l'écriture en flash.",
    fix: 'Chargez ou déchargez le pack entre 20 et 80 % puis relancez ; la mise à jour se met en pause seule si elle sort de la plage.'
  },
  UPDATE_TEMPERATURE_OUT_OF_RANGE: {
    summary: 'Un capteur de température indique une valeur hors de 0–45 °C.',
    diagnosis: "En dessous de zéro ou au-dessus de 45 °C, l'écriture en flash et le comportement des cellules ne sont pas fiables ; des données peuvent être corrompues.",
    fix: "Laissez le pack revenir à température ambiante (au-dessus de 0 °C, en dessous de 45 °C), à l'abri du soleil et des chauffages, puis relancez."
  },
  UPDATE_TEMPERATURE_SENSOR_FAILED: {
    summary: 'Un capteur de température ne répond pas.',
    diagnosis: "Sans tous les capteurs, l'outil ne peut pas garantir que le pack reste entre 0 et 45 °C pendant la mise à jour.",
    fix: 'Vérifiez le connecteur et le câblage du capteur (le détail le nomme), réparez-le, puis relancez.'
  },
  UPDATE_SUPPLY_UNSTABLE: {
    summary: "La tension d'alimentation n'est pas assez stable pour une mise à jour.",
    diagnosis: "Les mesures d'alimentation varient ou dérivent au-delà de la limite (voir les mesures) : source faible, connexion d'alimentation desserrée ou charge qui commute à proximité.",
    fix: "Utilisez une source d'alimentation fiable, resserrez les connexions, arrêtez les grosses charges ou chargeurs, puis relancez."
  },
  UPDATE_LINK_TEST_FAILED: {
    summary: "Le test de liaison a échoué : la ligne n'est pas assez fiable pour envoyer le micrologiciel.",
    diagnosis: "Des sondes ont été perdues ou corrompues (voir les compteurs d'erreurs). Cause habituelle : l'outil et l'appareil n'utilisent pas le même débit, ou le câble est parasité.",
    fix: 'Réglez le même débit des deux côtés, vérifiez le câblage RS485 A/B et la terminaison, puis remplacez le câble de communication.'
  },
  UPDATE_HARDWARE_INCOMPATIBLE: {
    summary: "Ce paquet de micrologiciel n'est pas prévu pour ce matériel.",
    diagnosis: "Le paquet ne mentionne pas le modèle ou la révision matérielle de l'appareil dans sa matrice de compatibilité (ou n'en mentionne aucune).",
    fix: 'Procurez-vous auprès du fabricant le paquet prévu pour ce modèle et cette révision matérielle.'
  },
  UPDATE_BOOTLOADER_TOO_OLD: {
    summary: "Le chargeur d'amorçage de l'appareil est plus ancien que ce que demande ce micrologiciel.",
    diagnosis: "Le paquet déclare une version minimale du chargeur d'amorçage que l'appareil n'a pas.",
    fix: "Mettez d'abord à jour le chargeur d'amorçage selon la procédure du fabricant, ou choisissez un micrologiciel compatible avec celui-ci."
  },
  UPDATE_DOWNGRADE_BLOCKED: {
    summary: "Ce micrologiciel est moins sûr que celui auquel l'appareil fait confiance (anti-retour arrière).",
    diagnosis: "Le compteur de sécurité du paquet est inférieur à celui enregistré dans l'appareil ; le chargeur d'amorçage le refuserait de toute façon.",
    fix: "Installez une version dont le compteur de sécurité est au moins égal à celui de l'appareil (le détail montre les deux)."
  },
  UPDATE_SAFETY_CRITICAL_OVER_WIRELESS: {
    summary: 'Un micrologiciel critique pour la sécurité ne peut pas être installé par une liaison sans fil.',
    diagnosis: 'Le paquet est marqué critique pour la sécurité (IEC 61508) ; les mises à jour à distance (OTA) sont réservées aux mises à jour non critiques.',
    fix: 'Branchez une interface filaire (RS485, CAN ou USB) et relancez.'
  },
  UPDATE_CHECKLIST_INCOMPLETE: {
    summary: "La liste de contrôle du site n'est pas entièrement confirmée.",
    diagnosis: "L'outil ne peut pas mesurer ces conditions (matériaux inflammables, source d'alimentation fiable) ; l'opérateur doit confirmer chacune.",
    fix: 'Vérifiez le site, confirmez chaque point de la liste, puis relancez.'
  },
  UPDATE_UNCONFIRMED_IMAGE_RUNNING: {
    summary: "L'appareil exécute un micrologiciel encore à l'essai (non confirmé).",
    diagnosis: "Une mise à jour précédente s'est arrêtée entre le démarrage d'essai et la confirmation ; écrire l'autre banque maintenant effacerait le retour arrière.",
    fix: "Redémarrez l'appareil pour qu'il revienne à son micrologiciel confirmé précédent, vérifiez la version, puis relancez la mise à jour."
  },
  UPDATE_DEVICE_IN_BOOTLOADER: {
    summary: "L'appareil n'exécute que son chargeur d'amorçage : aucun micrologiciel valide ne tourne.",
    diagnosis: "Une mise à jour précédente a été interrompue ou l'image installée a été refusée ; une mise à jour normale ne peut pas avoir lieu.",
    fix: 'Utilisez le mode de récupération sur une liaison filaire pour réinstaller la dernière version stable, puis relancez la mise à jour.'
  }
} satisfies Record<UpdatePreflightErrorCode, ErrorText>;
