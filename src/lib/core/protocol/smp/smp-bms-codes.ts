import type { ErrorEntry } from '../../error-text';

/** BMS-group (64) errors, one per `BmsGroupRc` in groups/bms-group.ts. */
export const SMP_BMS_ERRORS = {
  SMP_BMS_UNKNOWN_SETTING: {
    en: {
      summary: 'The BMS does not know this setting.',
      diagnosis: 'The configuration names a key this firmware version does not have (the detail names it).',
      fix: 'Remove the key or restore a backup made with the same firmware version.'
    },
    fr: {
      summary: 'Le BMS ne connaît pas ce réglage.',
      diagnosis: "La configuration contient une clé absente de cette version du micrologiciel (le détail la nomme).",
      fix: 'Retirez la clé ou restaurez une sauvegarde faite avec la même version du micrologiciel.'
    }
  },
  SMP_BMS_SETTING_OUT_OF_RANGE: {
    en: {
      summary: 'A setting value is outside its allowed range.',
      diagnosis: 'The BMS refused the value; the detail names the key and its range.',
      fix: 'Enter a value within the range shown, then write the configuration again.'
    },
    fr: {
      summary: "Une valeur de réglage sort de sa plage autorisée.",
      diagnosis: 'Le BMS a refusé la valeur ; le détail nomme la clé et sa plage.',
      fix: 'Saisissez une valeur dans la plage indiquée, puis réécrivez la configuration.'
    }
  },
  SMP_BMS_SETTING_CONFLICT: {
    en: {
      summary: 'Some settings contradict each other.',
      diagnosis: 'For example a balancing start voltage above the overvoltage limit.',
      fix: 'Correct the related settings together and write them in one go.'
    },
    fr: {
      summary: 'Certains réglages se contredisent.',
      diagnosis: "Par exemple une tension de début d'équilibrage au-dessus du seuil de surtension.",
      fix: 'Corrigez les réglages liés ensemble et écrivez-les en une fois.'
    }
  },
  SMP_BMS_AUTH_REJECTED: {
    en: {
      summary: 'The BMS rejected the authentication.',
      diagnosis: 'The signature does not verify or your key is not enrolled on this BMS: check the certificate / key chain.',
      fix: 'Use an enrolled technician key; re-download the firmware and keys from a trusted source.'
    },
    fr: {
      summary: "Le BMS a rejeté l'authentification.",
      diagnosis: "La signature n'est pas valide ou votre clé n'est pas enregistrée sur ce BMS : vérifiez la chaîne de certificats / clés.",
      fix: 'Utilisez une clé de technicien enregistrée ; retéléchargez le micrologiciel et les clés depuis une source de confiance.'
    }
  },
  SMP_BMS_AUTH_NO_CHALLENGE: {
    en: {
      summary: 'The authentication challenge expired or was already used.',
      diagnosis: 'A challenge is valid for one answer only, and is lost when the BMS restarts.',
      fix: 'Authenticate again: the tool asks for a fresh challenge.'
    },
    fr: {
      summary: "Le défi d'authentification a expiré ou a déjà servi.",
      diagnosis: 'Un défi ne vaut que pour une réponse et disparaît au redémarrage du BMS.',
      fix: "Authentifiez-vous à nouveau : l'outil demande un nouveau défi."
    }
  },
  SMP_BMS_BALANCE_NOT_POSSIBLE: {
    en: {
      summary: 'The cell-balancing test could not run.',
      diagnosis: 'The pack is not in a state where balancing is allowed (cells too low, too close together, or a protection is active).',
      fix: 'Bring the pack within its balancing conditions (charge it, clear protections) and run the test again.'
    },
    fr: {
      summary: "Le test d'équilibrage des cellules n'a pas pu s'exécuter.",
      diagnosis: "La batterie n'est pas dans un état qui permet l'équilibrage (cellules trop basses, trop proches, ou protection active).",
      fix: "Ramenez la batterie dans ses conditions d'équilibrage (chargez-la, levez les protections) et relancez le test."
    }
  }
} satisfies Record<string, ErrorEntry>;
