import type { ModbusErrorCode } from '../../../core/protocol/modbus/modbus-codes';
import type { ErrorText } from '../../error-text';

export const modbusFr = {
  MODBUS_NO_ANSWER: {
    summary: "L'appareil Modbus n'a pas répondu.",
    diagnosis: "Aucune réponse valide n'est revenue de cette adresse esclave, même après renvoi. Causes habituelles : adresse esclave ou débit faux, A/B RS485 inversés, ou terminaison absente sur un bus long.",
    fix: "Vérifiez l'adresse esclave réglée sur le BMS (interrupteurs DIP ou application), le débit (115200 pour un JK-PB) et le câblage A/B, puis réessayez."
  },
  MODBUS_CRC: {
    summary: 'Une réponse Modbus est arrivée corrompue (CRC faux).',
    diagnosis: 'Le CRC-16 de la réponse ne correspond pas à ses octets : parasites, mauvais débit, ou deux esclaves qui répondent en même temps.',
    fix: 'La requête est renvoyée automatiquement ; si cela se répète, vérifiez la terminaison, la masse et que chaque esclave a sa propre adresse.'
  },
  MODBUS_FRAME_INVALID: {
    summary: 'Une réponse Modbus ne correspond pas à la requête.',
    diagnosis: 'La réponse a un CRC juste mais une longueur ou un contenu faux pour la fonction demandée (firmware qui répond autrement).',
    fix: 'Réessayez ; si cela se répète, notez le modèle et la version du BMS et joignez-les au journal de session.'
  },
  MODBUS_ILLEGAL_FUNCTION: {
    summary: "L'appareil ne gère pas cette fonction Modbus (exception 01).",
    diagnosis: "Le BMS a répondu avec l'exception 1 : il n'implémente pas la fonction (un JK-PB, par exemple, n'écrit qu'avec la fonction 16).",
    fix: "C'est une incompatibilité outil/firmware, pas un défaut de câblage : signalez le modèle et la version du BMS."
  },
  MODBUS_ILLEGAL_ADDRESS: {
    summary: "L'appareil n'a pas ce registre Modbus (exception 02).",
    diagnosis: "Le BMS a répondu avec l'exception 2 : la plage de registres demandée n'existe pas sur ce modèle ou ce firmware.",
    fix: 'Vérifiez que la bonne famille de BMS est choisie ; sinon signalez le modèle et la version du firmware.'
  },
  MODBUS_ILLEGAL_VALUE: {
    summary: "L'appareil a refusé la valeur écrite (exception 03).",
    diagnosis: "Le BMS a répondu avec l'exception 3 : la valeur ou le nombre de registres sort de ce qu'il accepte.",
    fix: 'Vérifiez le réglage par rapport aux limites du manuel du BMS, puis réessayez.'
  },
  MODBUS_DEVICE_FAILURE: {
    summary: "L'appareil a signalé une panne interne (exception Modbus 04 ou plus).",
    diagnosis: "Le BMS a répondu par une exception de panne ou d'occupation : il n'a pas pu exécuter la requête.",
    fix: 'Attendez quelques secondes et réessayez ; si cela persiste, coupez et remettez le BMS sous tension.'
  }
} satisfies Record<ModbusErrorCode, ErrorText>;
