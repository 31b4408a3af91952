import type { UpdateSessionErrorCode } from '../../../core/update/update-session-codes';
import type { ErrorText } from '../../error-text';

export const updateSessionFr = {
  UPDATE_ALREADY_RUNNING: {
    summary: 'Une mise à jour est déjà en cours sur cet appareil.',
    diagnosis: 'Une seconde mise à jour a été demandée pendant que la première tourne encore ; deux transferts simultanés se disputeraient la même banque.',
    fix: "Attendez la fin de la mise à jour en cours, ou arrêtez-la d'abord sans risque, puis recommencez."
  }
} satisfies Record<UpdateSessionErrorCode, ErrorText>;
