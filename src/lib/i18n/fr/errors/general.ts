import type { GeneralErrorCode } from '../../../core/general-codes';
import type { ErrorText } from '../../error-text';

export const generalFr = {
  INTERNAL_ERROR: {
    summary: 'Une erreur interne inattendue est survenue.',
    diagnosis: "Le détail indique où elle s'est produite ; rien n'a été confirmé sur l'appareil.",
    fix: "Exportez le journal et signalez-le ; relancez l'opération après reconnexion."
  },
  CANCELLED: {
    summary: "L'opération a été annulée.",
    diagnosis: "Elle a été arrêtée par l'opérateur ou par une règle de sécurité à un point sûr.",
    fix: 'Relancez-la quand tout est prêt.'
  }
} satisfies Record<GeneralErrorCode, ErrorText>;
