import type { DeviceErrorCode } from '../../../core/virtual-bms/device-codes';
import type { ErrorText } from '../../error-text';

export const deviceFr = {
  DEVICE_STATE_INVALID: {
    summary: "L'état enregistré du BMS virtuel ne peut pas être chargé.",
    diagnosis: "Le fichier ou l'enregistrement n'est pas un état exporté par cette version du simulateur, ou il a été modifié.",
    fix: "Démarrez un BMS virtuel neuf (état d'usine) ou chargez un état exporté par la même version."
  },
  DEVICE_OPTION_INVALID: {
    summary: 'Les options du BMS virtuel sont invalides.',
    diagnosis: "Une option (numéro de série, révision matérielle, version du chargeur, temps, tailles de tampon, taille d'emplacement) sort de ce que le simulateur accepte.",
    fix: "Corrigez l'option indiquée dans le détail."
  },
  DEVICE_SETTING_UNKNOWN: {
    summary: 'Un paramètre est inconnu de ce BMS.',
    diagnosis: "La clé n'existe pas dans ce firmware (faute de frappe, ou sauvegarde d'un autre firmware ou modèle), ou un paramètre manque.",
    fix: 'Vérifiez le nom de la clé dans la configuration de l’appareil ; ne restaurez que des sauvegardes du même modèle.'
  },
  DEVICE_SETTING_OUT_OF_RANGE: {
    summary: 'La valeur d’un paramètre sort de sa plage autorisée.',
    diagnosis: 'La valeur a le mauvais type ou dépasse les limites acceptées par le BMS (indiquées dans le détail).',
    fix: "Saisissez une valeur dans la plage indiquée ; rien n'a été écrit dans l'appareil."
  },
  DEVICE_SETTING_CONFLICT: {
    summary: 'Deux paramètres se contredisent.',
    diagnosis: "Chaque valeur est dans sa plage mais ensemble elles sont dangereuses, par exemple l'équilibrage démarrerait au-dessus du seuil de surtension.",
    fix: "Modifiez les deux paramètres ensemble pour respecter la règle du détail ; rien n'a été écrit dans l'appareil."
  },
  DEVICE_IMAGE_NO_SECURITY_COUNTER: {
    summary: "Le chargeur d'amorçage a refusé une image sans compteur de sécurité.",
    diagnosis: 'La protection anti-retour matérielle est active : toute image doit porter un TLV SEC_CNT ; celle-ci a été signée sans.',
    fix: 'Signez de nouveau le firmware avec un compteur de sécurité (imgtool --security-counter) puis renvoyez-le.'
  },
  DEVICE_IMAGE_ROLLBACK: {
    summary: "Le chargeur d'amorçage a refusé une image plus ancienne que le niveau de sécurité de l'appareil.",
    diagnosis: "Le compteur de sécurité de l'image est inférieur à celui stocké dans le BMS (protection anti-retour).",
    fix: "Installez une version dont le compteur est au moins celui de l'appareil (visible dans l'identité) ; l'ancien firmware continue de tourner."
  },
  DEVICE_IMAGE_HW_MISMATCH: {
    summary: "Le chargeur d'amorçage a refusé une image prévue pour un autre matériel.",
    diagnosis: "Les révisions matérielles signées dans l'image n'incluent pas celle de ce BMS.",
    fix: 'Consultez la matrice de compatibilité matérielle et téléchargez le paquet de cette révision.'
  },
  DEVICE_IMAGE_MODEL_MISMATCH: {
    summary: "Le chargeur d'amorçage a refusé une image d'un autre modèle de BMS.",
    diagnosis: "Le modèle signé dans l'image n'est pas celui de ce BMS.",
    fix: 'Téléchargez le firmware de ce modèle.'
  },
  DEVICE_IMAGE_BOOTLOADER_TOO_OLD: {
    summary: "Le chargeur d'amorçage est plus ancien que ce qu'exige l'image.",
    diagnosis: "L'image déclare une version minimale du chargeur supérieure à celle de ce BMS.",
    fix: 'Utilisez une version du firmware compatible avec ce chargeur, ou faites mettre à jour le chargeur en atelier.'
  },
  DEVICE_IMAGE_NOT_BOOTABLE: {
    summary: "L'image est marquée non amorçable.",
    diagnosis: "Son en-tête porte l'indicateur NON_BOOTABLE (image de données ou annexe) : le chargeur ne l'exécute jamais.",
    fix: "Envoyez l'image applicative du paquet, pas une image de données."
  },
  DEVICE_IMAGE_NO_SWAP_SPACE: {
    summary: "L'image est trop grande pour l'échange.",
    diagnosis: "Elle tient dans l'emplacement mais pas dans l'espace qu'exige l'échange (un secteur libre sous le trailer) : le chargeur ne peut pas l'installer.",
    fix: "Produisez une image plus petite : l'appareil indique max_image_size dans les informations d'emplacement."
  }
} satisfies Record<DeviceErrorCode, ErrorText>;
