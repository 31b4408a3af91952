import type { FoxBmsErrorCode } from '../../../core/protocol/foxbms/foxbms-codes';
import type { ErrorText } from '../../error-text';

export const foxbmsFr = {
  FOXBMS_NO_BOOTLOADER: {
    summary: 'Le chargeur de démarrage foxBMS ne répond pas.',
    diagnosis: "Aucune réponse d'état sur 0x495 / 0x490 / 0x410. Le chargeur n'écoute que pendant les 500 ms qui suivent la mise sous tension ; ensuite il lance l'application. Ou le débit n'est pas 500 kbit/s, ou le BMS n'est pas alimenté.",
    fix: "Lancez d'abord la mise à jour, puis coupez et rétablissez l'alimentation du BMS : l'outil interroge en continu et attrape le chargeur à la mise sous tension."
  },
  FOXBMS_APP_RUNNING: {
    summary: "L'application foxBMS tourne, pas son chargeur de démarrage.",
    diagnosis: "Le BMS diffuse sa trame d'état (0x220) : la fenêtre de 500 ms du chargeur après la mise sous tension est passée.",
    fix: "Lancez la mise à jour, puis coupez et rétablissez l'alimentation du BMS pour attraper le chargeur dans sa fenêtre."
  },
  FOXBMS_ACK_MISSING: {
    summary: "Le chargeur foxBMS n'a pas acquitté une étape.",
    diagnosis: "L'acquittement attendu (0x480) n'est pas arrivé, même après renvoi : des trames se perdent (débordement de l'adaptateur, erreurs de bus) ou le chargeur a quitté le transfert.",
    fix: "Recommencez la mise à jour depuis le début ; si cela se répète, vérifiez la terminaison du bus et fermez les autres programmes qui utilisent l'adaptateur."
  },
  FOXBMS_REFUSED: {
    summary: 'Le chargeur foxBMS a refusé les données.',
    diagnosis: "Il a répondu Non : la taille du programme ou le nombre de boucles ne correspond pas à sa carte mémoire, ou le CRC-64 d'un secteur de flash ou de la table des vecteurs ne correspond pas à ce qu'il a reçu. Le secteur n'est pas conservé.",
    fix: "Le transfert est relancé automatiquement ; s'il échoue encore, reconstruisez le .bin (compilation waf de foxBMS) et vérifiez qu'il est destiné à cette carte."
  },
  FOXBMS_STATE_UNEXPECTED: {
    summary: "Le chargeur foxBMS n'est pas dans l'état attendu.",
    diagnosis: "Sa machine d'états (0x495) indique une autre étape que celle attendue par le transfert, ou son état d'erreur : un transfert précédent a été interrompu.",
    fix: "L'outil réinitialise d'abord le chargeur ; si ce message reste, coupez et rétablissez l'alimentation du BMS et recommencez."
  },
  FOXBMS_NO_VALID_PROGRAM: {
    summary: "Aucune application foxBMS valide n'est en flash.",
    diagnosis: "Le chargeur a refusé de lancer l'application : aucune n'a été écrite, ou son CRC-64 ne correspond plus (transfert interrompu). Il n'y a pas de seconde banque de secours.",
    fix: "Flashez de nouveau l'application ; le BMS reste dans son chargeur jusqu'à la fin d'un transfert."
  },
  FOXBMS_IMAGE_INVALID: {
    summary: "Ce fichier n'est pas un binaire d'application foxBMS 2.",
    diagnosis: 'Un .bin foxBMS commence à 0x0001FFE0 par la table des vecteurs de 32 octets, puis le programme ; il doit dépasser la table des vecteurs et tenir dans la zone application de 0x3E0000 octets.',
    fix: 'Utilisez le foxbms.bin produit par la compilation foxBMS (waf build_app_embedded), pas le .elf ni le .hex.'
  }
} satisfies Record<FoxBmsErrorCode, ErrorText>;
