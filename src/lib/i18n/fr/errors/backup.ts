import type { BackupErrorCode } from '../../../core/backup/backup-codes';
import type { ErrorText } from '../../error-text';

export const backupFr = {
  UPDATE_BACKUP_FAILED: {
    summary: "La sauvegarde de la configuration n'a pas pu être faite ; rien n'a été écrit.",
    diagnosis: 'La lecture des réglages, leur enregistrement local ou la relecture de la copie a échoué ou donné des valeurs différentes.',
    fix: "Vérifiez la liaison et l'espace de stockage du navigateur / disque, puis relancez : pas de sauvegarde, pas de mise à jour."
  },
  UPDATE_BACKUP_INVALID: {
    summary: "Ce fichier n'est pas une sauvegarde de configuration valide.",
    diagnosis: "Un champ obligatoire manque ou un réglage a une valeur qui n'est ni un nombre ni un texte court.",
    fix: 'Choisissez un fichier de sauvegarde exporté par bms-flasher (JSON), non modifié.'
  },
  UPDATE_BACKUP_NOT_FOUND: {
    summary: "Aucune sauvegarde n'a été trouvée.",
    diagnosis: 'La sauvegarde a été supprimée, ou faite dans un autre navigateur ou sur un autre ordinateur.',
    fix: 'Importez le fichier de sauvegarde exporté, ou faites une nouvelle sauvegarde.'
  },
  UPDATE_BACKUP_WRONG_DEVICE: {
    summary: 'Cette sauvegarde appartient à un autre appareil.',
    diagnosis: "Son numéro de série diffère de celui du BMS connecté ; d'autres étalonnages et limites pourraient y être dangereux.",
    fix: 'Choisissez la sauvegarde correspondant au numéro de série de cet appareil.'
  },
  UPDATE_RESTORE_MISMATCH: {
    summary: 'Après la restauration, les réglages de l’appareil diffèrent encore de la sauvegarde.',
    diagnosis: "L'appareil a refusé ou modifié certaines valeurs (voir les différences), par exemple un réglage que le nouveau micrologiciel n'a plus.",
    fix: 'Examinez les différences ; réglez les valeurs restantes à la main ou avec l’outil du fabricant.'
  }
} satisfies Record<BackupErrorCode, ErrorText>;
