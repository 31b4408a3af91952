import type { ErrorEntry } from '../error-text';

/**
 * Codes raised while authenticating and writing the new image (R14, R16, R21). The three failures of
 * the seed's troubleshooting table keep its wording: authentication rejected → check the certificate /
 * key chain → re-download the firmware from a trusted source; transfer timeout → test baud-rate
 * alignment → replace the communication cables.
 */
export const UPDATE_INSTALL_ERRORS = {
  UPDATE_TECHNICIAN_KEY_MISSING: {
    en: {
      summary: 'No technician key is available to open an authenticated session.',
      diagnosis: 'The BMS only accepts writes from an enrolled technician key; none was given or found.',
      fix: 'Create or import your technician key (Settings, or --key technician.pem) and have it enrolled on the BMS.'
    },
    fr: {
      summary: "Aucune clé de technicien n'est disponible pour ouvrir une session authentifiée.",
      diagnosis: "Le BMS n'accepte d'écriture que d'une clé de technicien enrôlée ; aucune n'a été fournie ni trouvée.",
      fix: 'Créez ou importez votre clé de technicien (Réglages, ou --key technicien.pem) et faites-la enrôler sur le BMS.'
    }
  },
  UPDATE_AUTH_REJECTED: {
    en: {
      summary: 'Authentication rejected: the BMS refused the session.',
      diagnosis:
        'Check the certificate / key chain: the technician key must be enrolled on this BMS and the package signed by a key the BMS trusts.',
      fix: 'Re-download the firmware from a trusted source, and use a technician key enrolled on this BMS. Nothing was written.'
    },
    fr: {
      summary: "Rejet de l'authentification : le BMS a refusé la session.",
      diagnosis:
        'Vérifiez la chaîne de certificats numériques : la clé de technicien doit être enrôlée sur ce BMS et le paquet signé par une clé de confiance du BMS.',
      fix: "Téléchargez à nouveau le micrologiciel depuis une source fiable et utilisez une clé de technicien enrôlée sur ce BMS. Rien n'a été écrit."
    }
  },
  UPDATE_TRANSFER_TIMEOUT: {
    en: {
      summary: 'Transfer timeout: the device stopped answering while the firmware was sent.',
      diagnosis: 'Test baud-rate alignment: a rate mismatch or a noisy line loses packets until the transfer times out.',
      fix: 'Replace the communication cables, check the baud rate on both sides, then start again; the running firmware is untouched.'
    },
    fr: {
      summary: "Délai d'expiration du transfert : l'appareil ne répond plus pendant l'envoi du micrologiciel.",
      diagnosis:
        "Testez l'alignement du débit en bauds : un débit différent ou une ligne parasitée fait perdre des paquets jusqu'à l'expiration du transfert.",
      fix: "Remplacez les câbles de communication, vérifiez le débit des deux côtés, puis relancez ; le micrologiciel en service n'est pas touché."
    }
  },
  UPDATE_DEVICE_LOST: {
    en: {
      summary: 'The device disconnected and did not come back in time.',
      diagnosis: 'Power loss, a pulled cable or a reset during the operation; the bootloader keeps a bootable image in one bank.',
      fix: 'Restore power and the cable, reconnect, check the device state, then restart the update (or use recovery mode).'
    },
    fr: {
      summary: "L'appareil s'est déconnecté et n'est pas revenu à temps.",
      diagnosis:
        "Coupure d'alimentation, câble débranché ou redémarrage pendant l'opération ; le chargeur d'amorçage garde une image amorçable dans une banque.",
      fix: "Rétablissez l'alimentation et le câble, reconnectez, vérifiez l'état de l'appareil puis relancez la mise à jour (ou le mode de récupération)."
    }
  },
  UPDATE_DEVICE_CHANGED: {
    en: {
      summary: 'A different device answered after reconnecting.',
      diagnosis: 'The serial number is not the one the update started with (another node on the bus, or another port).',
      fix: 'Reconnect the original device alone on the link and start again.'
    },
    fr: {
      summary: 'Un autre appareil a répondu après la reconnexion.',
      diagnosis: "Le numéro de série n'est pas celui du début de la mise à jour (autre nœud sur le bus, ou autre port).",
      fix: "Reconnectez l'appareil d'origine seul sur la liaison et relancez."
    }
  },
  UPDATE_VERIFY_HASH_MISMATCH: {
    en: {
      summary: 'The image stored on the device does not match the package.',
      diagnosis: 'The hash reported by the device for the new bank differs from the signed hash: bytes were corrupted on the way or in flash.',
      fix: 'Do not activate it: start the update again; if it repeats, replace the cable and check the supply.'
    },
    fr: {
      summary: "L'image enregistrée sur l'appareil ne correspond pas au paquet.",
      diagnosis:
        "L'empreinte donnée par l'appareil pour la nouvelle banque diffère de l'empreinte signée : des octets ont été corrompus en route ou en flash.",
      fix: "Ne l'activez pas : relancez la mise à jour ; si cela se répète, remplacez le câble et vérifiez l'alimentation."
    }
  }
} satisfies Record<string, ErrorEntry>;
