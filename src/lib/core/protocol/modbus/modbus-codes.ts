import type { ErrorEntry } from '../../error-text';

/** Modbus RTU errors: silence, CRC, and the standard exception responses (Modbus application protocol §7). */
export const MODBUS_ERRORS = {
  MODBUS_NO_ANSWER: {
    en: {
      summary: 'The Modbus device did not answer.',
      diagnosis: 'No valid reply came back from this slave address, even after resending. Usual causes: a wrong slave address or baud rate, RS485 A/B swapped, or a missing termination on a long bus.',
      fix: 'Check the slave address set on the BMS (its DIP switches or app), the baud rate (115200 for JK-PB) and the A/B wiring, then retry.'
    },
    fr: {
      summary: "L'appareil Modbus n'a pas répondu.",
      diagnosis: "Aucune réponse valide n'est revenue de cette adresse esclave, même après renvoi. Causes habituelles : adresse esclave ou débit faux, A/B RS485 inversés, ou terminaison absente sur un bus long.",
      fix: "Vérifiez l'adresse esclave réglée sur le BMS (interrupteurs DIP ou application), le débit (115200 pour un JK-PB) et le câblage A/B, puis réessayez."
    }
  },
  MODBUS_CRC: {
    en: {
      summary: 'A Modbus reply arrived corrupted (bad CRC).',
      diagnosis: 'The CRC-16 of the reply does not match its bytes: noise, a wrong baud rate, or two slaves answering at once.',
      fix: 'The request is resent automatically; if it repeats, check the termination, the ground and that each slave has its own address.'
    },
    fr: {
      summary: 'Une réponse Modbus est arrivée corrompue (CRC faux).',
      diagnosis: 'Le CRC-16 de la réponse ne correspond pas à ses octets : parasites, mauvais débit, ou deux esclaves qui répondent en même temps.',
      fix: "La requête est renvoyée automatiquement ; si cela se répète, vérifiez la terminaison, la masse et que chaque esclave a sa propre adresse."
    }
  },
  MODBUS_FRAME_INVALID: {
    en: {
      summary: 'A Modbus reply does not match the request.',
      diagnosis: 'The reply has the right CRC but the wrong length or content for the function asked (a firmware that answers differently).',
      fix: 'Retry; if it repeats, note the BMS model and firmware version and report them with the session log.'
    },
    fr: {
      summary: 'Une réponse Modbus ne correspond pas à la requête.',
      diagnosis: 'La réponse a un CRC juste mais une longueur ou un contenu faux pour la fonction demandée (firmware qui répond autrement).',
      fix: 'Réessayez ; si cela se répète, notez le modèle et la version du BMS et joignez-les au journal de session.'
    }
  },
  MODBUS_ILLEGAL_FUNCTION: {
    en: {
      summary: 'The device does not support this Modbus function (exception 01).',
      diagnosis: 'The BMS answered with exception code 1: it does not implement the function (JK-PB, for instance, writes only with function 16).',
      fix: 'This is a tool/firmware mismatch, not a wiring fault: report the BMS model and firmware version.'
    },
    fr: {
      summary: "L'appareil ne gère pas cette fonction Modbus (exception 01).",
      diagnosis: "Le BMS a répondu avec l'exception 1 : il n'implémente pas la fonction (un JK-PB, par exemple, n'écrit qu'avec la fonction 16).",
      fix: "C'est une incompatibilité outil/firmware, pas un défaut de câblage : signalez le modèle et la version du BMS."
    }
  },
  MODBUS_ILLEGAL_ADDRESS: {
    en: {
      summary: 'The device has no such Modbus register (exception 02).',
      diagnosis: 'The BMS answered with exception code 2: the register range asked does not exist on this model or firmware.',
      fix: 'Check that the right BMS family is selected; report the model and firmware version if it is.'
    },
    fr: {
      summary: "L'appareil n'a pas ce registre Modbus (exception 02).",
      diagnosis: "Le BMS a répondu avec l'exception 2 : la plage de registres demandée n'existe pas sur ce modèle ou ce firmware.",
      fix: 'Vérifiez que la bonne famille de BMS est choisie ; sinon signalez le modèle et la version du firmware.'
    }
  },
  MODBUS_ILLEGAL_VALUE: {
    en: {
      summary: 'The device refused the value written (exception 03).',
      diagnosis: 'The BMS answered with exception code 3: the value or the register count is outside what it accepts.',
      fix: 'Check the setting against the limits in the BMS manual, then retry.'
    },
    fr: {
      summary: "L'appareil a refusé la valeur écrite (exception 03).",
      diagnosis: "Le BMS a répondu avec l'exception 3 : la valeur ou le nombre de registres sort de ce qu'il accepte.",
      fix: 'Vérifiez le réglage par rapport aux limites du manuel du BMS, puis réessayez.'
    }
  },
  MODBUS_DEVICE_FAILURE: {
    en: {
      summary: 'The device reported an internal failure (Modbus exception 04 or higher).',
      diagnosis: 'The BMS answered with a server-failure or busy exception: it could not carry out the request.',
      fix: 'Wait a few seconds and retry; if it persists, power-cycle the BMS.'
    },
    fr: {
      summary: "L'appareil a signalé une panne interne (exception Modbus 04 ou plus).",
      diagnosis: "Le BMS a répondu par une exception de panne ou d'occupation : il n'a pas pu exécuter la requête.",
      fix: 'Attendez quelques secondes et réessayez ; si cela persiste, coupez et remettez le BMS sous tension.'
    }
  }
} satisfies Record<string, ErrorEntry>;

export type ModbusErrorCode = keyof typeof MODBUS_ERRORS;
