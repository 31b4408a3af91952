import type { ErrorEntry } from '../../error-text';

/** Errors of the settings (3) and file-system (8) groups, where a device keeps its configuration. */
export const SMP_SETTINGS_FS_ERRORS = {
  SMP_SETTING_NOT_FOUND: {
    en: {
      summary: 'The device has no setting under this name.',
      diagnosis: 'The name is not one this firmware stores, or the setting was never written (its default applies).',
      fix: 'Check the setting name against the firmware documentation; the detail names the setting.'
    },
    fr: {
      summary: "L'appareil n'a pas de paramètre sous ce nom.",
      diagnosis: "Ce nom n'est pas stocké par ce micrologiciel, ou le paramètre n'a jamais été écrit (sa valeur par défaut s'applique).",
      fix: 'Vérifiez le nom du paramètre dans la documentation du micrologiciel ; le détail le nomme.'
    }
  },
  SMP_SETTING_REFUSED: {
    en: {
      summary: 'The device refused to read, write, delete or save a setting.',
      diagnosis: 'The name is too long, belongs to no settings handler, or that handler does not allow this operation.',
      fix: 'Read the detail: use a name the firmware handles, and only the operations its documentation allows.'
    },
    fr: {
      summary: "L'appareil a refusé de lire, écrire, supprimer ou enregistrer un paramètre.",
      diagnosis: "Le nom est trop long, n'appartient à aucun gestionnaire de paramètres, ou ce gestionnaire n'autorise pas cette opération.",
      fix: "Lisez le détail : utilisez un nom que le micrologiciel gère, et seulement les opérations que sa documentation autorise."
    }
  },
  SMP_FILE_NOT_FOUND: {
    en: {
      summary: 'The file does not exist on the device.',
      diagnosis: 'The path is wrong, the file system is not mounted, or the firmware keeps its settings elsewhere.',
      fix: 'Check the absolute path (for example /lfs/settings.txt) against the firmware documentation.'
    },
    fr: {
      summary: "Le fichier n'existe pas sur l'appareil.",
      diagnosis: "Le chemin est faux, le système de fichiers n'est pas monté, ou le micrologiciel garde ses paramètres ailleurs.",
      fix: 'Vérifiez le chemin absolu (par exemple /lfs/settings.txt) dans la documentation du micrologiciel.'
    }
  },
  SMP_FILE_FAILED: {
    en: {
      summary: 'The device could not read or write the file.',
      diagnosis: 'An invalid name or offset, a read-only or full file system, or a flash error on the device.',
      fix: 'Retry the transfer from the start; if it fails again, read the detail and check the device file system.'
    },
    fr: {
      summary: "L'appareil n'a pas pu lire ou écrire le fichier.",
      diagnosis: 'Nom ou décalage invalide, système de fichiers en lecture seule ou plein, ou erreur de flash sur l’appareil.',
      fix: "Relancez le transfert depuis le début ; s'il échoue encore, lisez le détail et vérifiez le système de fichiers de l'appareil."
    }
  }
} satisfies Record<string, ErrorEntry>;
