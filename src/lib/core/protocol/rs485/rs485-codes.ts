import type { ErrorEntry } from '../../error-text';

/** RS485 bus errors: unit addresses, the broadcast transfer and bank campaigns (docs/rs485.md). */
export const RS485_ERRORS = {
  RS485_ADDRESS_INVALID: {
    en: {
      summary: 'This is not a unit address on the RS485 bus.',
      diagnosis: 'Units are numbered 1 to 247 (as Modbus slave ids); 0 is the broadcast address, to which no unit answers.',
      fix: 'Give the address set on the unit (its RS485 address setting or DIP switches), between 1 and 247.'
    },
    fr: {
      summary: "Ce n'est pas une adresse d'unité sur le bus RS485.",
      diagnosis: "Les unités sont numérotées de 1 à 247 (comme les esclaves Modbus) ; 0 est l'adresse de diffusion, à laquelle aucune unité ne répond.",
      fix: "Indiquez l'adresse réglée sur l'unité (son réglage d'adresse RS485 ou ses micro-interrupteurs), entre 1 et 247."
    }
  },
  RS485_BROADCAST_INCOMPLETE: {
    en: {
      summary: 'A unit still misses parts of the image sent to the whole bank.',
      diagnosis: 'After the broadcast and several rounds of resending the missing parts, the unit still reports gaps: a noisy segment of the bus, a loose terminator, or a unit that restarted during the transfer.',
      fix: 'Nothing was activated. Check the bus wiring and termination near this unit; the campaign sends it the image on its own.'
    },
    fr: {
      summary: "Une unité n'a toujours pas toutes les parties de l'image envoyée à tout le parc.",
      diagnosis: "Après la diffusion et plusieurs renvois des parties manquantes, l'unité signale encore des trous : segment de bus bruité, terminaison desserrée, ou unité redémarrée pendant le transfert.",
      fix: "Rien n'a été activé. Vérifiez le câblage et la terminaison du bus près de cette unité ; la campagne lui envoie l'image seule."
    }
  },
  RS485_CAMPAIGN_MISMATCH: {
    en: {
      summary: 'The campaign to resume was started with another image.',
      diagnosis: 'A campaign record names the image it installs; resuming it with a different file would mix firmware versions across the bank.',
      fix: 'Resume with the same image file, or start a new campaign for the new image.'
    },
    fr: {
      summary: 'La campagne à reprendre a été lancée avec une autre image.',
      diagnosis: "Un enregistrement de campagne nomme l'image qu'il installe ; la reprendre avec un autre fichier mélangerait des versions de micrologiciel dans le parc.",
      fix: 'Reprenez avec le même fichier image, ou lancez une nouvelle campagne pour la nouvelle image.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type Rs485ErrorCode = keyof typeof RS485_ERRORS;
