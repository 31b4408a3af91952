import type { Rs485ErrorCode } from '../../../core/protocol/rs485/rs485-codes';
import type { ErrorText } from '../../error-text';

export const rs485Fr = {
  RS485_ADDRESS_INVALID: {
    summary: "Ce n'est pas une adresse d'unité sur le bus RS485.",
    diagnosis: "Les unités sont numérotées de 1 à 247 (comme les esclaves Modbus) ; 0 est l'adresse de diffusion, à laquelle aucune unité ne répond.",
    fix: "Indiquez l'adresse réglée sur l'unité (son réglage d'adresse RS485 ou ses micro-interrupteurs), entre 1 et 247."
  },
  RS485_BROADCAST_INCOMPLETE: {
    summary: "Une unité n'a toujours pas toutes les parties de l'image envoyée à tout le parc.",
    diagnosis: "Après la diffusion et plusieurs renvois des parties manquantes, l'unité signale encore des trous : segment de bus bruité, terminaison desserrée, ou unité redémarrée pendant le transfert.",
    fix: "Rien n'a été activé. Vérifiez le câblage et la terminaison du bus près de cette unité ; la campagne lui envoie l'image seule."
  },
  RS485_CAMPAIGN_MISMATCH: {
    summary: 'La campagne à reprendre a été lancée avec une autre image.',
    diagnosis: "Un enregistrement de campagne nomme l'image qu'il installe ; la reprendre avec un autre fichier mélangerait des versions de micrologiciel dans le parc.",
    fix: 'Reprenez avec le même fichier image, ou lancez une nouvelle campagne pour la nouvelle image.'
  }
} satisfies Record<Rs485ErrorCode, ErrorText>;
