import type { ErrorEntry } from '../error-text';

/** Codes raised while finding and opening a Bluetooth Low Energy (Web Bluetooth) link. */
export const LINK_BLE_ERRORS = {
  LINK_BLE_NOT_SUPPORTED: {
    en: {
      summary: 'This browser cannot talk to Bluetooth devices.',
      diagnosis: 'Web Bluetooth exists only in Chromium-based browsers (Chrome, Edge) in a secure (https) page, with a Bluetooth adapter switched on; Firefox, Safari and iOS have none.',
      fix: 'Switch Bluetooth on, or open this page in Chrome or Edge; a cable connection (RS485 or USB) works everywhere Web Serial does.'
    },
    fr: {
      summary: 'Ce navigateur ne peut pas communiquer avec des appareils Bluetooth.',
      diagnosis: "Web Bluetooth n'existe que dans les navigateurs Chromium (Chrome, Edge), sur une page sécurisée (https), avec un adaptateur Bluetooth allumé ; Firefox, Safari et iOS ne l'ont pas.",
      fix: 'Allumez le Bluetooth, ou ouvrez cette page dans Chrome ou Edge ; une connexion par câble (RS485 ou USB) fonctionne partout où Web Serial existe.'
    }
  },
  LINK_BLE_NO_DEVICE_SELECTED: {
    en: {
      summary: 'No Bluetooth device was chosen.',
      diagnosis: 'The Bluetooth chooser was closed without a choice. Only devices that advertise the firmware update service are listed: the BMS may be out of range, asleep, or already connected to another phone or computer.',
      fix: 'Wake the BMS, move within a few metres, disconnect other apps from it, and open the chooser again.'
    },
    fr: {
      summary: "Aucun appareil Bluetooth n'a été choisi.",
      diagnosis: "Le sélecteur Bluetooth a été fermé sans choix. Seuls les appareils qui annoncent le service de mise à jour sont listés : le BMS est peut-être hors de portée, en veille, ou déjà connecté à un autre téléphone ou ordinateur.",
      fix: "Réveillez le BMS, rapprochez-vous à quelques mètres, déconnectez les autres applications, puis rouvrez le sélecteur."
    }
  },
  LINK_BLE_SERVICE_MISSING: {
    en: {
      summary: 'The Bluetooth device has no firmware update service.',
      diagnosis: 'It does not offer the SMP service and characteristic (mcumgr over BLE): it is another device, or its firmware was built without Bluetooth management.',
      fix: 'Choose the BMS itself, or update it over a cable connection.'
    },
    fr: {
      summary: "L'appareil Bluetooth n'a pas de service de mise à jour.",
      diagnosis: "Il ne propose pas le service et la caractéristique SMP (mcumgr sur BLE) : c'est un autre appareil, ou son micrologiciel a été construit sans gestion Bluetooth.",
      fix: 'Choisissez le BMS lui-même, ou mettez-le à jour par une connexion câblée.'
    }
  },
  LINK_BLE_GATT_FAILED: {
    en: {
      summary: 'The Bluetooth connection to the device failed.',
      diagnosis: 'Connecting, reading the services or switching on notifications did not succeed: weak signal, a device busy with another connection, or a stale pairing.',
      fix: 'Move closer, switch Bluetooth off and on, remove the device from the system Bluetooth settings if it was paired, then connect again.'
    },
    fr: {
      summary: "La connexion Bluetooth à l'appareil a échoué.",
      diagnosis: "La connexion, la lecture des services ou l'activation des notifications n'a pas réussi : signal faible, appareil occupé par une autre connexion, ou appairage périmé.",
      fix: "Rapprochez-vous, éteignez puis rallumez le Bluetooth, supprimez l'appareil des réglages Bluetooth du système s'il était appairé, puis reconnectez."
    }
  }
} satisfies Record<string, ErrorEntry>;
