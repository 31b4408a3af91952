import type { SmpBmsErrorCode } from '../../../core/protocol/smp/smp-bms-codes';
import type { ErrorText } from '../../error-text';

export const smpBmsFr = {
  SMP_BMS_UNKNOWN_SETTING: {
    summary: 'Le BMS ne connaît pas ce réglage.',
    diagnosis: 'La configuration contient une clé absente de cette version du micrologiciel (le détail la nomme).',
    fix: 'Retirez la clé ou restaurez une sauvegarde faite avec la même version du micrologiciel.'
  },
  SMP_BMS_SETTING_OUT_OF_RANGE: {
    summary: 'Une valeur de réglage sort de sa plage autorisée.',
    diagnosis: 'Le BMS a refusé la valeur ; le détail nomme la clé et sa plage.',
    fix: 'Saisissez une valeur dans la plage indiquée, puis réécrivez la configuration.'
  },
  SMP_BMS_SETTING_CONFLICT: {
    summary: 'Certains réglages se contredisent.',
    diagnosis: "Par exemple une tension de début d'équilibrage au-dessus du seuil de surtension.",
    fix: 'Corrigez les réglages liés ensemble et écrivez-les en une fois.'
  },
  SMP_BMS_AUTH_REJECTED: {
    summary: "Le BMS a rejeté l'authentification.",
    diagnosis: "La signature n'est pas valide ou votre clé n'est pas enregistrée sur ce BMS : vérifiez la chaîne de certificats / clés.",
    fix: 'Utilisez une clé de technicien enregistrée ; retéléchargez le micrologiciel et les clés depuis une source de confiance.'
  },
  SMP_BMS_AUTH_NO_CHALLENGE: {
    summary: "Le défi d'authentification a expiré ou a déjà servi.",
    diagnosis: 'Un défi ne vaut que pour une réponse et disparaît au redémarrage du BMS.',
    fix: "Authentifiez-vous à nouveau : l'outil demande un nouveau défi."
  },
  SMP_BMS_BALANCE_NOT_POSSIBLE: {
    summary: "Le test d'équilibrage des cellules n'a pas pu s'exécuter.",
    diagnosis: "La batterie n'est pas dans un état qui permet l'équilibrage (cellules trop basses, trop proches, ou protection active).",
    fix: "Ramenez la batterie dans ses conditions d'équilibrage (chargez-la, levez les protections) et relancez le test."
  }
} satisfies Record<SmpBmsErrorCode, ErrorText>;
