import type { SmpErrorCode } from '../../../core/protocol/smp/smp-codes';
import type { ErrorText } from '../../error-text';

export const smpFr = {
  SMP_TIMEOUT: {
    summary: "L'appareil n'a pas répondu à temps à une requête de gestion.",
    diagnosis: 'La requête a été envoyée (et renvoyée) sans réponse : débit ou longueur de ligne différents, câble mal branché, appareil occupé à effacer la flash, ou appareil hors de son mode mise à jour.',
    fix: 'Lancez le test de liaison pour vérifier le débit, vérifiez le câble, puis réessayez ; un transfert interrompu reprend là où il s’est arrêté.'
  },
  SMP_RESPONSE_INVALID: {
    summary: "L'appareil a répondu par un message inattendu.",
    diagnosis: 'Un champ manque ou a un mauvais type : le micrologiciel parle peut-être une autre version du protocole.',
    fix: "Vérifiez que le profil d'appareil correspond, mettez l'outil à jour et signalez le détail si cela persiste."
  },
  SMP_UPLOAD_STALLED: {
    summary: 'Le transfert du micrologiciel ne progresse plus.',
    diagnosis: "L'appareil redemande sans cesse les mêmes données ou recommence le transfert : trames perdues sur la ligne, ou redémarrages de l'appareil (alimentation).",
    fix: "Vérifiez la tension d'alimentation et le câble, baissez le débit, puis relancez la mise à jour : elle reprend là où elle s'est arrêtée."
  },
  SMP_UPLOAD_BUFFER_TOO_SMALL: {
    summary: "Le tampon de réception de l'appareil est trop petit pour transporter des données.",
    diagnosis: "La taille de tampon donnée par l'appareil ou son profil ne laisse aucune place aux données après les champs de la requête.",
    fix: "Vérifiez la taille de tampon dans le profil d'appareil (512 octets pour la récupération série MCUboot)."
  },
  SMP_ECHO_MISMATCH: {
    summary: "L'appareil a renvoyé d'autres données que celles envoyées.",
    diagnosis: "Des octets ont été modifiés sur la ligne sans que la somme de contrôle le détecte, ou l'appareil a répondu à une autre requête.",
    fix: 'Remplacez le câble, vérifiez la masse et le blindage, puis relancez le test de liaison.'
  }
} satisfies Record<SmpErrorCode, ErrorText>;
