import type { UpdateInstallErrorCode } from '../../../core/update/update-install-codes';
import type { ErrorText } from '../../error-text';

export const updateInstallFr = {
  UPDATE_TECHNICIAN_KEY_MISSING: {
    summary: "Aucune clé de technicien n'est disponible pour ouvrir une session authentifiée.",
    diagnosis: "Le BMS n'accepte d'écriture que d'une clé de technicien enrôlée ; aucune n'a été fournie ni trouvée.",
    fix: 'Créez ou importez votre clé de technicien (Réglages, ou --key technicien.pem) et faites-la enrôler sur le BMS.'
  },
  UPDATE_AUTH_REJECTED: {
    summary: "Rejet de l'authentification : le BMS a refusé la session.",
    diagnosis: 'Vérifiez la chaîne de certificats numériques : la clé de technicien doit être enrôlée sur ce BMS et le paquet signé par une clé de confiance du BMS.',
    fix: "Téléchargez à nouveau le micrologiciel depuis une source fiable et utilisez une clé de technicien enrôlée sur ce BMS. Rien n'a été écrit."
  },
  UPDATE_TRANSFER_TIMEOUT: {
    summary: "Délai d'expiration du transfert : l'appareil ne répond plus pendant l'envoi du micrologiciel.",
    diagnosis: "Testez l'alignement du débit en bauds : un débit différent ou une ligne parasitée fait perdre des paquets jusqu'à l'expiration du transfert.",
    fix: "Remplacez les câbles de communication, vérifiez le débit des deux côtés, puis relancez ; le micrologiciel en service n'est pas touché."
  },
  UPDATE_DEVICE_LOST: {
    summary: "L'appareil s'est déconnecté et n'est pas revenu à temps.",
    diagnosis: "Coupure d'alimentation, câble débranché ou redémarrage pendant l'opération ; le chargeur d'amorçage garde une image amorçable dans une banque.",
    fix: "Rétablissez l'alimentation et le câble, reconnectez, vérifiez l'état de l'appareil puis relancez la mise à jour (ou le mode de récupération)."
  },
  UPDATE_DEVICE_CHANGED: {
    summary: 'Un autre appareil a répondu après la reconnexion.',
    diagnosis: "Le numéro de série n'est pas celui du début de la mise à jour (autre nœud sur le bus, ou autre port).",
    fix: "Reconnectez l'appareil d'origine seul sur la liaison et relancez."
  },
  UPDATE_VERIFY_HASH_MISMATCH: {
    summary: "L'image enregistrée sur l'appareil ne correspond pas au paquet.",
    diagnosis: "L'empreinte donnée par l'appareil pour la nouvelle banque diffère de l'empreinte signée : des octets ont été corrompus en route ou en flash.",
    fix: "Ne l'activez pas : relancez la mise à jour ; si cela se répète, remplacez le câble et vérifiez l'alimentation."
  }
} satisfies Record<UpdateInstallErrorCode, ErrorText>;
