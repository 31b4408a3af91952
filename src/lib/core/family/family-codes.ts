import type { ErrorEntry } from '../error-text';

/** Codes of the device-family seam: what a family does not offer, and what the procedure needs instead. */
export const FAMILY_ERRORS = {
  FAMILY_NOT_SUPPORTED: {
    en: {
      summary: 'This device does not offer what was asked.',
      diagnosis: 'Its firmware has no such function (for example no settings, no battery readings or no self-test report); the tool cannot do it over this device.',
      fix: 'Use the device family page to see what the tool can check on this device; do this step with the manufacturer\'s own tool or by hand.'
    },
    fr: {
      summary: "Cet appareil ne propose pas ce qui a été demandé.",
      diagnosis: "Son micrologiciel n'a pas cette fonction (par exemple ni réglages, ni mesures de batterie, ni rapport d'autotest) ; l'outil ne peut pas la réaliser sur cet appareil.",
      fix: "Consultez la page Appareil pour voir ce que l'outil peut vérifier sur cet appareil ; faites cette étape avec l'outil du fabricant ou à la main."
    }
  },
  FAMILY_UNKNOWN_DEVICE: {
    en: {
      summary: 'The device answers, but not as any device family the tool knows.',
      diagnosis: 'The SMP server answered the family probes with errors that neither our BMS firmware nor a stock mcumgr server gives.',
      fix: 'Check the port and the baud rate; if the device is right, report its firmware and the detail shown.'
    },
    fr: {
      summary: "L'appareil répond, mais comme aucune famille d'appareils connue de l'outil.",
      diagnosis: "Le serveur SMP a répondu aux sondes de famille par des erreurs que ni notre micrologiciel BMS ni un serveur mcumgr standard ne donnent.",
      fix: "Vérifiez le port et le débit ; si l'appareil est le bon, signalez son micrologiciel et le détail affiché."
    }
  },
  UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED: {
    en: {
      summary: 'This device accepts firmware without an authenticated maintenance session: the operator must acknowledge it first.',
      diagnosis: 'Its firmware has no technician challenge, so anyone on the link can write to it and the tool cannot prove who made the change. Nothing was written.',
      fix: 'If this is intended, acknowledge it: tick the line in the pre-flight checklist, or pass --allow-unauthenticated to the command. The report records the acknowledgement.'
    },
    fr: {
      summary: "Cet appareil accepte un micrologiciel sans session de maintenance authentifiée : l'opérateur doit d'abord le reconnaître.",
      diagnosis: "Son micrologiciel n'a pas de défi technicien : n'importe qui sur la liaison peut y écrire et l'outil ne peut pas prouver qui a fait la modification. Rien n'a été écrit.",
      fix: 'Si c\'est voulu, reconnaissez-le : cochez la ligne dans la liste de contrôle du pré-vol, ou passez --allow-unauthenticated à la commande. Le rapport enregistre cette reconnaissance.'
    }
  },
  UPDATE_OPERATOR_READING_MISSING: {
    en: {
      summary: 'The device cannot measure the pack: the state of charge and temperature must be entered by the operator.',
      diagnosis: 'This firmware has no battery readings, so the charge and temperature limits can only be checked against values read on site. None were given.',
      fix: 'Read the state of charge and the temperature on the pack\'s own display or with a meter and enter them in the pre-flight (CLI: --operator-soc PCT --operator-temp C).'
    },
    fr: {
      summary: "L'appareil ne peut pas mesurer la batterie : l'état de charge et la température doivent être saisis par l'opérateur.",
      diagnosis: "Ce micrologiciel n'a pas de mesures de batterie : les limites de charge et de température ne peuvent être vérifiées que sur des valeurs relevées sur place. Aucune n'a été donnée.",
      fix: "Relevez l'état de charge et la température sur l'afficheur de la batterie ou avec un appareil de mesure et saisissez-les dans le pré-vol (CLI : --operator-soc PCT --operator-temp C)."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type FamilyErrorCode = keyof typeof FAMILY_ERRORS;
