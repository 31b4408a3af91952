import type { SmpSettingsFsErrorCode } from '../../../core/protocol/smp/smp-settings-fs-codes';
import type { ErrorText } from '../../error-text';

export const smpSettingsFsFr = {
  SMP_SETTING_NOT_FOUND: {
    summary: "L'appareil n'a pas de paramètre sous ce nom.",
    diagnosis: "Ce nom n'est pas stocké par ce micrologiciel, ou le paramètre n'a jamais été écrit (sa valeur par défaut s'applique).",
    fix: 'Vérifiez le nom du paramètre dans la documentation du micrologiciel ; le détail le nomme.'
  },
  SMP_SETTING_REFUSED: {
    summary: "L'appareil a refusé de lire, écrire, supprimer ou enregistrer un paramètre.",
    diagnosis: "Le nom est trop long, n'appartient à aucun gestionnaire de paramètres, ou ce gestionnaire n'autorise pas cette opération.",
    fix: 'Lisez le détail : utilisez un nom que le micrologiciel gère, et seulement les opérations que sa documentation autorise.'
  },
  SMP_FILE_NOT_FOUND: {
    summary: "Le fichier n'existe pas sur l'appareil.",
    diagnosis: "Le chemin est faux, le système de fichiers n'est pas monté, ou le micrologiciel garde ses paramètres ailleurs.",
    fix: 'Vérifiez le chemin absolu (par exemple /lfs/settings.txt) dans la documentation du micrologiciel.'
  },
  SMP_FILE_FAILED: {
    summary: "L'appareil n'a pas pu lire ou écrire le fichier.",
    diagnosis: 'Nom ou décalage invalide, système de fichiers en lecture seule ou plein, ou erreur de flash sur l’appareil.',
    fix: "Relancez le transfert depuis le début ; s'il échoue encore, lisez le détail et vérifiez le système de fichiers de l'appareil."
  }
} satisfies Record<SmpSettingsFsErrorCode, ErrorText>;
