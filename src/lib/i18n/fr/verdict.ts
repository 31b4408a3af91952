import type { enVerdict } from '../en/verdict';

/** Ce qui a été relu sur l'appareil à la fin, et le verdict qui en découle ; voir messages.ts. */
export const frVerdict: Record<keyof typeof enVerdict, string> = {
  'readBack.bootloader': "seul son chargeur d'amorçage répond",
  'readBack.identity': '{version} ({hash}…), {state}',
  'readBack.confirmed': 'confirmé',
  'readBack.selfConfirmed': 'confirmé par son propre autotest',
  'readBack.onTest': "à l'essai, non confirmé : sa prochaine réinitialisation revient à l'autre banque",
  'readBack.pending': "{state} ; {version} est marqué pour un démarrage d'essai à sa prochaine réinitialisation",
  'readBack.previous': "{version} (le micrologiciel d'avant), {state}",
  'readBack.package': '{version} (le nouveau micrologiciel), {state}',
  'readBack.other': '{version}, {state}',
  'readBack.at': '{running}, relu le {at}',
  'readBack.none': "non relu : l'appareil n'a pas répondu, on ne sait pas ce qu'il exécute",
  'readBack.notRead': "non lu (rien n'a été écrit)",

  'verdict.runs': "l'appareil exécute {running}",
  'verdict.silent': "l'appareil n'a pas répondu : on ne sait pas ce qu'il exécute",
  'verdict.updated': 'OK : {version} tourne et est confirmé',
  'verdict.updatedNotReady': 'OK : {version} tourne et est confirmé\nPAS prêt pour la remise en service : voir le problème ci-dessous',
  'verdict.settingsChanged':
    'MIS À JOUR, RÉGLAGES MODIFIÉS : {runs}, mais {count} réglage(s) diffèrent de la sauvegarde {backup}.\nRestaurez-les avant la remise en service du pack (bms-flasher restore avec cette sauvegarde). Remise en service : pas encore.',
  'verdict.unfinished': "NON TERMINÉ : {runs} ; la procédure s'est arrêtée avant de prouver que le pack peut être remis en service.",
  'verdict.rolledBack': 'RETOUR ARRIÈRE : {runs}, prouvé par relecture.',
  'verdict.blocked': "BLOQUÉ avant toute écriture : l'appareil est inchangé.",
  'verdict.blockedRuns': "BLOQUÉ avant toute écriture : l'appareil est inchangé (il exécute {running}).",
  'verdict.aborted': 'INTERROMPU avant activation : {runs}.',
  'verdict.stopped': "ARRÊTÉ : {runs} ; rien d'autre n'a été fait.",
  'verdict.stoppedBeforeWrite': "ARRÊTÉ avant toute écriture : l'appareil est inchangé.",
  'verdict.stoppedBeforeWriteRuns': "ARRÊTÉ avant toute écriture : l'appareil est inchangé (il exécute {running}).",
  'verdict.failed': "NON PROUVÉ : {runs}. Utilisez d'abord la récupération."
};
