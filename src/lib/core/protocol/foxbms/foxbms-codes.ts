import type { ErrorEntry } from '../../error-text';

/** foxBMS 2 bootloader errors (CAN, 11-bit ids 0x400–0x495). */
export const FOXBMS_ERRORS = {
  FOXBMS_NO_BOOTLOADER: {
    en: {
      summary: 'The foxBMS bootloader does not answer.',
      diagnosis:
        'No status answer on 0x495 / 0x490 / 0x410. The bootloader only listens during the 500 ms after power-on; after that it starts the application. Or the bit rate is not 500 kbit/s, or the BMS is not powered.',
      fix: 'Start the update first, then switch the BMS supply off and on: the tool keeps asking and catches the bootloader when it powers up.'
    },
    fr: {
      summary: 'Le chargeur de démarrage foxBMS ne répond pas.',
      diagnosis:
        "Aucune réponse d'état sur 0x495 / 0x490 / 0x410. Le chargeur n'écoute que pendant les 500 ms qui suivent la mise sous tension ; ensuite il lance l'application. Ou le débit n'est pas 500 kbit/s, ou le BMS n'est pas alimenté.",
      fix: "Lancez d'abord la mise à jour, puis coupez et rétablissez l'alimentation du BMS : l'outil interroge en continu et attrape le chargeur à la mise sous tension."
    }
  },
  FOXBMS_APP_RUNNING: {
    en: {
      summary: 'The foxBMS application is running, not its bootloader.',
      diagnosis: 'The BMS broadcasts its state frame (0x220): the 500 ms bootloader window after power-on has passed.',
      fix: 'Start the update, then power-cycle the BMS so that the bootloader is caught within its window.'
    },
    fr: {
      summary: "L'application foxBMS tourne, pas son chargeur de démarrage.",
      diagnosis: "Le BMS diffuse sa trame d'état (0x220) : la fenêtre de 500 ms du chargeur après la mise sous tension est passée.",
      fix: "Lancez la mise à jour, puis coupez et rétablissez l'alimentation du BMS pour attraper le chargeur dans sa fenêtre."
    }
  },
  FOXBMS_ACK_MISSING: {
    en: {
      summary: 'The foxBMS bootloader did not acknowledge a step.',
      diagnosis: 'An expected acknowledge (0x480) did not arrive, even after resending: frames are being lost (adapter overrun, bus errors) or the bootloader left the transfer.',
      fix: 'Retry the update from the beginning; if it repeats, check the bus termination and close other programs using the adapter.'
    },
    fr: {
      summary: "Le chargeur foxBMS n'a pas acquitté une étape.",
      diagnosis: "L'acquittement attendu (0x480) n'est pas arrivé, même après renvoi : des trames se perdent (débordement de l'adaptateur, erreurs de bus) ou le chargeur a quitté le transfert.",
      fix: "Recommencez la mise à jour depuis le début ; si cela se répète, vérifiez la terminaison du bus et fermez les autres programmes qui utilisent l'adaptateur."
    }
  },
  FOXBMS_REFUSED: {
    en: {
      summary: 'The foxBMS bootloader refused the data.',
      diagnosis:
        'It answered No: the program size or loop count does not fit its memory map, or the CRC-64 of a flash sector or of the vector table does not match what it received. The sector is not kept.',
      fix: 'The transfer is retried automatically; if it still fails, rebuild the .bin (foxBMS waf build) and check that it is meant for this board.'
    },
    fr: {
      summary: 'Le chargeur foxBMS a refusé les données.',
      diagnosis:
        "Il a répondu Non : la taille du programme ou le nombre de boucles ne correspond pas à sa carte mémoire, ou le CRC-64 d'un secteur de flash ou de la table des vecteurs ne correspond pas à ce qu'il a reçu. Le secteur n'est pas conservé.",
      fix: "Le transfert est relancé automatiquement ; s'il échoue encore, reconstruisez le .bin (compilation waf de foxBMS) et vérifiez qu'il est destiné à cette carte."
    }
  },
  FOXBMS_STATE_UNEXPECTED: {
    en: {
      summary: 'The foxBMS bootloader is not in the expected state.',
      diagnosis: 'Its state machine (0x495) reports another step than the one the transfer expects, or its error state: a previous transfer was interrupted.',
      fix: 'The tool resets the bootloader first; if this message stays, power-cycle the BMS and start again.'
    },
    fr: {
      summary: "Le chargeur foxBMS n'est pas dans l'état attendu.",
      diagnosis: "Sa machine d'états (0x495) indique une autre étape que celle attendue par le transfert, ou son état d'erreur : un transfert précédent a été interrompu.",
      fix: "L'outil réinitialise d'abord le chargeur ; si ce message reste, coupez et rétablissez l'alimentation du BMS et recommencez."
    }
  },
  FOXBMS_NO_VALID_PROGRAM: {
    en: {
      summary: 'No valid foxBMS application is in flash.',
      diagnosis: 'The bootloader refused to start the application: none was written, or its CRC-64 no longer matches (an interrupted transfer). There is no second bank to fall back to.',
      fix: 'Flash the application again; the BMS stays in its bootloader until a transfer completes.'
    },
    fr: {
      summary: "Aucune application foxBMS valide n'est en flash.",
      diagnosis: "Le chargeur a refusé de lancer l'application : aucune n'a été écrite, ou son CRC-64 ne correspond plus (transfert interrompu). Il n'y a pas de seconde banque de secours.",
      fix: "Flashez de nouveau l'application ; le BMS reste dans son chargeur jusqu'à la fin d'un transfert."
    }
  },
  FOXBMS_IMAGE_INVALID: {
    en: {
      summary: 'This file is not a foxBMS 2 application binary.',
      diagnosis: 'A foxBMS .bin starts at 0x0001FFE0 with the 32-byte vector table, then the program; it must be longer than the vector table and fit the 0x3E0000-byte application area.',
      fix: 'Use the foxbms.bin produced by the foxBMS build (waf build_app_embedded), not the .elf or .hex.'
    },
    fr: {
      summary: "Ce fichier n'est pas un binaire d'application foxBMS 2.",
      diagnosis: 'Un .bin foxBMS commence à 0x0001FFE0 par la table des vecteurs de 32 octets, puis le programme ; il doit dépasser la table des vecteurs et tenir dans la zone application de 0x3E0000 octets.',
      fix: 'Utilisez le foxbms.bin produit par la compilation foxBMS (waf build_app_embedded), pas le .elf ni le .hex.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type FoxBmsErrorCode = keyof typeof FOXBMS_ERRORS;
