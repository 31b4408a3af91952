import type { ThingSetErrorCode } from '../../../core/protocol/thingset/thingset-codes';
import type { ErrorText } from '../../error-text';

export const thingsetFr = {
  THINGSET_BAD_REQUEST: {
    summary: "Le BMS n'a pas compris une requête (statut A0).",
    diagnosis: "La ligne de requête était mal formée ou ses valeurs n'ont pas le bon type pour l'élément.",
    fix: "Vérifiez que les versions de l'outil et du firmware correspondent ; si cela se répète, enregistrez le journal de session et signalez-le."
  },
  THINGSET_UNAUTHORIZED: {
    summary: 'Le BMS exige une authentification avant cette requête (statut A1).',
    diagnosis: "L'élément est protégé : il ne peut être lu ou écrit qu'après connexion avec le mot de passe fabricant ou expert.",
    fix: "Authentifiez-vous avec le bon niveau d'accès, puis recommencez l'opération."
  },
  THINGSET_FORBIDDEN: {
    summary: 'Le BMS a refusé de modifier un élément en lecture seule (statut A3).',
    diagnosis: "Les mesures et les éléments d'identité ne peuvent qu'être lus ; l'appareil nomme l'élément dans sa réponse.",
    fix: 'Retirez cet élément des réglages à écrire (une restauration de sauvegarde ignore les éléments en lecture seule).'
  },
  THINGSET_NOT_FOUND: {
    summary: "Le BMS n'a aucun élément à ce chemin (statut A4).",
    diagnosis: "Le chemin ou le nom d'élément n'existe pas dans ce firmware (autre version du firmware, ou faute de frappe).",
    fix: 'Lisez le groupe parent pour voir les éléments de ce firmware, puis utilisez un de ces noms.'
  },
  THINGSET_REQUEST_TOO_LARGE: {
    summary: 'Une requête dépassait la taille acceptée par le BMS (statut AD).',
    diagnosis: 'Un bloc de firmware de plus de 255 octets, ou une ligne de requête plus longue que le tampon de réception.',
    fix: 'Envoyez des morceaux plus petits : blocs de firmware de 255 octets au plus, moins de réglages par écriture.'
  },
  THINGSET_STATUS_ERROR: {
    summary: "Le BMS a répondu à une requête par un statut d'erreur.",
    diagnosis: "Le code de statut et le message de l'appareil figurent dans le détail (ex. C0 erreur interne, A5 méthode non permise, A9 conflit).",
    fix: "Recommencez l'opération une fois ; si le même statut revient, notez-le et contactez le mainteneur du firmware."
  },
  THINGSET_CRC_MISMATCH: {
    summary: 'Une ligne reçue du BMS a échoué à sa somme de contrôle.',
    diagnosis: 'Des octets ont été modifiés ou perdus sur la ligne série (parasites, câble mal branché, mauvais débit).',
    fix: 'Vérifiez le câble et son blindage, éloignez-le du câblage de puissance, et vérifiez que la ligne tourne à 115200 bauds.'
  },
  THINGSET_JSON_INVALID: {
    summary: "Le BMS a envoyé des données que l'outil ne sait pas lire.",
    diagnosis: "Le corps d'une réponse ou d'un rapport n'est pas du JSON valide alors que sa somme de contrôle est correcte : défaut du firmware.",
    fix: 'Enregistrez le journal de session et signalez-le avec la version du firmware ; les autres opérations peuvent encore fonctionner.'
  },
  THINGSET_LINE_INVALID: {
    summary: 'Un message ThingSet est mal formé.',
    diagnosis: 'Une ligne ou un message binaire ne suit pas le format ThingSet (code de statut absent, chemin invalide, données tronquées).',
    fix: 'Vérifiez que le port est relié à un appareil ThingSet au bon débit.'
  },
  THINGSET_NO_ANSWER: {
    summary: "Le BMS n'a pas répondu à une requête.",
    diagnosis:
      "Sur liaison série l'appareil ignore une ligne qui arrive pendant qu'il répond, la requête a donc été répétée après une resynchronisation ; un second silence, ou un silence sur CAN, signifie qu'il est éteint, en redémarrage, à une autre adresse de nœud ou n'est pas un appareil ThingSet.",
    fix: "Vérifiez l'alimentation et le câble, attendez quelques secondes si le BMS redémarre, puis reconnectez."
  },
  THINGSET_DFU_REFUSED: {
    summary: "Le BMS a redémarré mais n'exécute pas le nouveau firmware : son bootloader a refusé l'image.",
    diagnosis:
      "Le transfert s'est terminé, mais après le redémarrage le BMS annonce une autre version que l'image envoyée : le bootloader a jugé l'image invalide (empreinte ou signature) et gardé l'ancien firmware, ou la carte l'a rétabli.",
    fix: "Vérifiez que l'image est construite pour cette carte et signée pour son bootloader, puis relancez la mise à jour ; le BMS continue de fonctionner avec son firmware précédent."
  },

  THINGSET_DFU_FAILED: {
    summary: 'Le BMS a refusé une étape du transfert de firmware.',
    diagnosis: "Une fonction DFU a renvoyé un numéro d'erreur (-16 : écriture avant init ; autres valeurs : effacement ou écriture de la flash en échec).",
    fix: "Relancez le transfert depuis le début ; si l'erreur de flash se répète, arrêtez et faites contrôler la carte."
  }
} satisfies Record<ThingSetErrorCode, ErrorText>;
