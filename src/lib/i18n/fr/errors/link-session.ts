import type { LinkSessionErrorCode } from '../../../core/link/link-session-codes';
import type { ErrorText } from '../../error-text';

export const linkSessionFr = {
  LINK_NOT_CONNECTED: {
    summary: "Aucun appareil n'est connecté.",
    diagnosis: "L'action a besoin d'un appareil, mais aucune connexion n'est ouverte : aucun n'a encore été choisi, ou la dernière connexion a été fermée ou perdue.",
    fix: "Ouvrez la page Connexion et connectez l'appareil (ou le BMS virtuel), puis réessayez."
  }
} satisfies Record<LinkSessionErrorCode, ErrorText>;
