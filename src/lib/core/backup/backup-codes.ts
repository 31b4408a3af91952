import type { ErrorEntry } from '../error-text';

/** Codes of configuration backup and restore (R09, R23); they belong to the update domain. */
export const UPDATE_BACKUP_ERRORS = {
  UPDATE_BACKUP_FAILED: {
    en: {
      summary: 'The configuration backup could not be made, so nothing was written.',
      diagnosis: 'Reading the settings, saving them locally or reading the saved copy back failed or gave different values.',
      fix: 'Check the link and the browser / disk storage space, then start again: no backup, no update.'
    },
    fr: {
      summary: "La sauvegarde de la configuration n'a pas pu être faite ; rien n'a été écrit.",
      diagnosis:
        'La lecture des réglages, leur enregistrement local ou la relecture de la copie a échoué ou donné des valeurs différentes.',
      fix: "Vérifiez la liaison et l'espace de stockage du navigateur / disque, puis relancez : pas de sauvegarde, pas de mise à jour."
    }
  },
  UPDATE_BACKUP_INVALID: {
    en: {
      summary: 'This file is not a valid configuration backup.',
      diagnosis: 'A required field is missing or a setting has a value that is neither a number nor a short text.',
      fix: 'Choose a backup file exported by bms-flasher (JSON), unmodified.'
    },
    fr: {
      summary: "Ce fichier n'est pas une sauvegarde de configuration valide.",
      diagnosis: "Un champ obligatoire manque ou un réglage a une valeur qui n'est ni un nombre ni un texte court.",
      fix: 'Choisissez un fichier de sauvegarde exporté par bms-flasher (JSON), non modifié.'
    }
  },
  UPDATE_BACKUP_NOT_FOUND: {
    en: {
      summary: 'No backup was found.',
      diagnosis: 'The backup was deleted, or was made in another browser or on another computer.',
      fix: 'Import the exported backup file, or make a new backup.'
    },
    fr: {
      summary: "Aucune sauvegarde n'a été trouvée.",
      diagnosis: 'La sauvegarde a été supprimée, ou faite dans un autre navigateur ou sur un autre ordinateur.',
      fix: 'Importez le fichier de sauvegarde exporté, ou faites une nouvelle sauvegarde.'
    }
  },
  UPDATE_BACKUP_WRONG_DEVICE: {
    en: {
      summary: 'This backup belongs to another device.',
      diagnosis: 'Its serial number differs from the connected BMS; other calibration and limits could be unsafe here.',
      fix: "Choose the backup of this device's serial number."
    },
    fr: {
      summary: 'Cette sauvegarde appartient à un autre appareil.',
      diagnosis: "Son numéro de série diffère de celui du BMS connecté ; d'autres étalonnages et limites pourraient y être dangereux.",
      fix: 'Choisissez la sauvegarde correspondant au numéro de série de cet appareil.'
    }
  },
  UPDATE_BACKUP_WRONG_MODEL: {
    en: {
      summary: 'This backup was made on another BMS model.',
      diagnosis: 'Its model differs from the connected BMS: the same setting names can mean other limits there, so nothing is written.',
      fix: 'Choose a backup made on this model, or set the values by hand after checking each one.'
    },
    fr: {
      summary: 'Cette sauvegarde vient d’un autre modèle de BMS.',
      diagnosis: "Son modèle diffère de celui du BMS connecté : les mêmes réglages peuvent y fixer d'autres limites, donc rien n'est écrit.",
      fix: 'Choisissez une sauvegarde faite sur ce modèle, ou saisissez les valeurs à la main après les avoir vérifiées.'
    }
  },
  UPDATE_RESTORE_MISMATCH: {
    en: {
      summary: 'After restoring, the device settings still differ from the backup.',
      diagnosis: 'The device refused or changed some values (see the differences), e.g. a setting the new firmware no longer has.',
      fix: 'Review the differences; set the remaining values by hand or with the manufacturer tool.'
    },
    fr: {
      summary: 'Après la restauration, les réglages de l’appareil diffèrent encore de la sauvegarde.',
      diagnosis:
        "L'appareil a refusé ou modifié certaines valeurs (voir les différences), par exemple un réglage que le nouveau micrologiciel n'a plus.",
      fix: 'Examinez les différences ; réglez les valeurs restantes à la main ou avec l’outil du fabricant.'
    }
  }
} satisfies Record<string, ErrorEntry>;
