import type { ErrorEntry } from '../error-text';

/** Link codes of the app's device session (spread into LINK_ERRORS by `link-codes.ts`). */
export const LINK_SESSION_ERRORS = {
  LINK_NOT_CONNECTED: {
    en: {
      summary: 'No device is connected.',
      diagnosis: 'The action needs a device, but no connection is open: none was chosen yet, or the last one was closed or lost.',
      fix: 'Open the Connect page and connect to the device (or to the Virtual BMS), then try again.'
    },
    fr: {
      summary: "Aucun appareil n'est connecté.",
      diagnosis:
        "L'action a besoin d'un appareil, mais aucune connexion n'est ouverte : aucun n'a encore été choisi, ou la dernière connexion a été fermée ou perdue.",
      fix: "Ouvrez la page Connexion et connectez l'appareil (ou le BMS virtuel), puis réessayez."
    }
  }
} satisfies Record<string, ErrorEntry>;
