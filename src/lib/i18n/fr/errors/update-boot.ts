import type { UpdateBootErrorCode } from '../../../core/update/update-boot-codes';
import type { ErrorText } from '../../error-text';

export const updateBootFr = {
  UPDATE_BOOT_LOOP: {
    summary: 'Boucle de démarrage après mise à jour : le nouveau micrologiciel redémarre sans cesse.',
    diagnosis: 'Vérifiez la matrice de compatibilité matérielle : une non-concordance de version entre micrologiciel et matériel le fait redémarrer avant d’être prêt.',
    fix: "Revenez à la dernière version stable (l'appareil le fait seul ; le rapport en donne la preuve), puis procurez-vous le bon micrologiciel."
  },
  UPDATE_IMAGE_NOT_BOOTED: {
    summary: "L'appareil n'a pas démarré le nouveau micrologiciel.",
    diagnosis: "Le chargeur d'amorçage a refusé la nouvelle image (signature, clé ou compteur de sécurité) et a gardé la précédente.",
    fix: "Vérifiez que le paquet est signé par une clé de confiance du chargeur d'amorçage ; le micrologiciel précédent continue de tourner."
  },
  UPDATE_PROTECTIONS_NOT_RESTORED: {
    summary: "Les protections n'ont pas été réactivées après le redémarrage.",
    diagnosis: 'La séquence de démarrage doit être protections désactivées → nouveau micrologiciel chargé → protections réactivées ; une étape manque ou les protections restent suspendues.',
    fix: "L'appareil revient au micrologiciel précédent ; transmettez le journal de démarrage (dans le rapport) au fournisseur du micrologiciel."
  },
  UPDATE_SELF_TEST_FAILED: {
    summary: "L'auto-test du nouveau micrologiciel a échoué.",
    diagnosis: "L'étalonnage de tension (±0,5 %), les capteurs de température, le RS485 ou le CAN n'ont pas réussi (voir les éléments).",
    fix: "L'appareil revient seul au micrologiciel précédent. Regardez d'abord le micrologiciel : cette carte passait les mêmes contrôles avec la version précédente, un élément en échec signifie donc le plus souvent que la nouvelle image le lit mal ; envoyez le rapport à l'éditeur du micrologiciel. Ne vérifiez le câblage de l'élément que s'il échoue aussi avec la version précédente."
  },
  UPDATE_CONFIRM_FAILED: {
    summary: "Le nouveau micrologiciel n'a pas pu être rendu permanent.",
    diagnosis: "L'appareil a refusé de confirmer l'image en service, ou l'indique toujours comme non confirmée.",
    fix: "L'appareil reviendra en arrière à son prochain redémarrage ; consultez le rapport puis relancez la mise à jour."
  },
  UPDATE_FALLBACK_UNPROVEN: {
    summary: "L'appareil n'est pas revenu à son micrologiciel précédent.",
    diagnosis: "Après l'échec, la version ou l'empreinte relue diffère de celle d'avant la mise à jour.",
    fix: 'Ne remettez pas le pack en service : utilisez le mode de récupération en filaire pour réinstaller la dernière version stable.'
  },
  UPDATE_BALANCE_TEST_FAILED: {
    summary: "L'équilibrage des cellules ne fonctionne pas correctement.",
    diagnosis: "Une résistance d'équilibrage n'a pas fait baisser sa cellule pendant le test (voir les cellules).",
    fix: "Ne remettez pas le pack en service ; vérifiez le circuit d'équilibrage et les fils de mesure des cellules."
  },
  UPDATE_CONFIG_RESET: {
    summary: 'Certains réglages diffèrent de la sauvegarde après la mise à jour.',
    diagnosis: 'Le nouveau micrologiciel a réinitialisé ou converti des réglages (voir les différences).',
    fix: 'Examinez les différences et restaurez la sauvegarde si les anciennes valeurs sont les bonnes.'
  },
  UPDATE_RECOVERY_NOT_ALLOWED: {
    summary: "La récupération avec cette image n'est pas autorisée.",
    diagnosis: "La récupération exige une liaison filaire et une image dont le compteur de sécurité n'est pas inférieur à celui de l'appareil.",
    fix: 'Branchez-vous en RS485, CAN ou USB et utilisez la dernière version stable signée pour ce niveau de sécurité.'
  },
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: {
    summary: "Une image installée ne correspond à aucune image signée connue de l'outil.",
    diagnosis: "Son empreinte n'est celle d'aucun paquet vérifié : elle a peut-être été modifiée ou vient d'une autre source.",
    fix: "Chargez le paquet signé qu'elle devrait être, ou réinstallez une version de confiance ; signalez-le si ce n'était pas prévu."
  }
} satisfies Record<UpdateBootErrorCode, ErrorText>;
