import type { ErrorEntry } from './error-text';

export const GENERAL_ERRORS = {
  INTERNAL_ERROR: {
    en: {
      summary: 'An unexpected internal error occurred.',
      diagnosis: 'The detail shows where it happened; nothing was confirmed on the device.',
      fix: 'Export the log and report it; retry the operation after reconnecting.'
    },
    fr: {
      summary: 'Une erreur interne inattendue est survenue.',
      diagnosis: "Le détail indique où elle s'est produite ; rien n'a été confirmé sur l'appareil.",
      fix: "Exportez le journal et signalez-le ; relancez l'opération après reconnexion."
    }
  },
  CANCELLED: {
    en: {
      summary: 'The operation was cancelled.',
      diagnosis: 'It was stopped by the operator or by a safety rule at a safe point.',
      fix: 'Start it again when ready.'
    },
    fr: {
      summary: "L'opération a été annulée.",
      diagnosis: "Elle a été arrêtée par l'opérateur ou par une règle de sécurité à un point sûr.",
      fix: 'Relancez-la quand tout est prêt.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type GeneralErrorCode = keyof typeof GENERAL_ERRORS;
