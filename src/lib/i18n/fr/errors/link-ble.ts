import type { LinkBleErrorCode } from '../../../core/link/link-ble-codes';
import type { ErrorText } from '../../error-text';

export const linkBleFr = {
  LINK_BLE_NOT_SUPPORTED: {
    summary: 'Ce navigateur ne peut pas communiquer avec des appareils Bluetooth.',
    diagnosis: "Web Bluetooth n'existe que dans les navigateurs Chromium (Chrome, Edge), sur une page sécurisée (https), avec un adaptateur Bluetooth allumé ; Firefox, Safari et iOS ne l'ont pas.",
    fix: 'Allumez le Bluetooth, ou ouvrez cette page dans Chrome ou Edge ; une connexion par câble (RS485 ou USB) fonctionne partout où Web Serial existe.'
  },
  LINK_BLE_NO_DEVICE_SELECTED: {
    summary: "Aucun appareil Bluetooth n'a été choisi.",
    diagnosis: 'Le sélecteur Bluetooth a été fermé sans choix. Seuls les appareils qui annoncent le service de mise à jour sont listés : le BMS est peut-être hors de portée, en veille, ou déjà connecté à un autre téléphone ou ordinateur.',
    fix: 'Réveillez le BMS, rapprochez-vous à quelques mètres, déconnectez les autres applications, puis rouvrez le sélecteur.'
  },
  LINK_BLE_SERVICE_MISSING: {
    summary: "L'appareil Bluetooth n'a pas de service de mise à jour.",
    diagnosis: "Il ne propose pas le service et la caractéristique SMP (mcumgr sur BLE) : c'est un autre appareil, ou son micrologiciel a été construit sans gestion Bluetooth.",
    fix: 'Choisissez le BMS lui-même, ou mettez-le à jour par une connexion câblée.'
  },
  LINK_BLE_GATT_FAILED: {
    summary: "La connexion Bluetooth à l'appareil a échoué.",
    diagnosis: "La connexion, la lecture des services ou l'activation des notifications n'a pas réussi : signal faible, appareil occupé par une autre connexion, ou appairage périmé.",
    fix: "Rapprochez-vous, éteignez puis rallumez le Bluetooth, supprimez l'appareil des réglages Bluetooth du système s'il était appairé, puis reconnectez."
  }
} satisfies Record<LinkBleErrorCode, ErrorText>;
