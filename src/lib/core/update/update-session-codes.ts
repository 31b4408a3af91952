import type { ErrorEntry } from '../error-text';

/** Update codes of the app's device session (spread into UPDATE_ERRORS by `update-codes.ts`). */
export const UPDATE_SESSION_ERRORS = {
  UPDATE_ALREADY_RUNNING: {
    en: {
      summary: 'An update is already running on this device.',
      diagnosis: 'A second update was asked for while the first one still runs; two transfers at once would fight over the same bank.',
      fix: 'Wait for the running update to finish, or stop it safely first, then start again.'
    },
    fr: {
      summary: 'Une mise à jour est déjà en cours sur cet appareil.',
      diagnosis:
        'Une seconde mise à jour a été demandée pendant que la première tourne encore ; deux transferts simultanés se disputeraient la même banque.',
      fix: "Attendez la fin de la mise à jour en cours, ou arrêtez-la d'abord sans risque, puis recommencez."
    }
  }
} satisfies Record<string, ErrorEntry>;
