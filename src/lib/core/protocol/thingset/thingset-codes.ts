import type { ErrorEntry } from '../../error-text';

/**
 * ThingSet failures: the device's error status codes (spec "Status codes": 0xA0–0xC3, shown as `:A3` in
 * text mode) and what the client detects itself (checksums, JSON, silence, DFU results).
 */
export const THINGSET_ERRORS = {
  THINGSET_BAD_REQUEST: {
    en: {
      summary: 'The BMS did not understand a request (status A0).',
      diagnosis: 'The request line was malformed or its values have the wrong type for the item.',
      fix: 'Check the tool and firmware versions match; if it repeats, save the session log and report it.'
    },
    fr: {
      summary: "Le BMS n'a pas compris une requête (statut A0).",
      diagnosis: "La ligne de requête était mal formée ou ses valeurs n'ont pas le bon type pour l'élément.",
      fix: "Vérifiez que les versions de l'outil et du firmware correspondent ; si cela se répète, enregistrez le journal de session et signalez-le."
    }
  },
  THINGSET_UNAUTHORIZED: {
    en: {
      summary: 'The BMS asks for authentication before this request (status A1).',
      diagnosis: 'The item is protected: it can only be read or written after logging in with the maker or expert password.',
      fix: 'Authenticate with the right access level, then repeat the operation.'
    },
    fr: {
      summary: "Le BMS exige une authentification avant cette requête (statut A1).",
      diagnosis: "L'élément est protégé : il ne peut être lu ou écrit qu'après connexion avec le mot de passe fabricant ou expert.",
      fix: "Authentifiez-vous avec le bon niveau d'accès, puis recommencez l'opération."
    }
  },
  THINGSET_FORBIDDEN: {
    en: {
      summary: 'The BMS refused to change a read-only item (status A3).',
      diagnosis: 'Measurements and identity items can only be read; the device names the item in its answer.',
      fix: 'Leave that item out of the settings you write (a backup restore skips read-only items).'
    },
    fr: {
      summary: 'Le BMS a refusé de modifier un élément en lecture seule (statut A3).',
      diagnosis: "Les mesures et les éléments d'identité ne peuvent qu'être lus ; l'appareil nomme l'élément dans sa réponse.",
      fix: "Retirez cet élément des réglages à écrire (une restauration de sauvegarde ignore les éléments en lecture seule)."
    }
  },
  THINGSET_NOT_FOUND: {
    en: {
      summary: 'The BMS has no item at this path (status A4).',
      diagnosis: 'The path or item name does not exist in this firmware (another firmware version, or a typing error).',
      fix: 'Read the parent group to see the items this firmware offers, then use one of those names.'
    },
    fr: {
      summary: "Le BMS n'a aucun élément à ce chemin (statut A4).",
      diagnosis: "Le chemin ou le nom d'élément n'existe pas dans ce firmware (autre version du firmware, ou faute de frappe).",
      fix: 'Lisez le groupe parent pour voir les éléments de ce firmware, puis utilisez un de ces noms.'
    }
  },
  THINGSET_REQUEST_TOO_LARGE: {
    en: {
      summary: 'A request was larger than the BMS accepts (status AD).',
      diagnosis: 'A firmware data chunk above 255 bytes, or a request line longer than the receive buffer.',
      fix: 'Send smaller pieces: firmware chunks of at most 255 bytes, fewer settings per write.'
    },
    fr: {
      summary: 'Une requête dépassait la taille acceptée par le BMS (statut AD).',
      diagnosis: 'Un bloc de firmware de plus de 255 octets, ou une ligne de requête plus longue que le tampon de réception.',
      fix: 'Envoyez des morceaux plus petits : blocs de firmware de 255 octets au plus, moins de réglages par écriture.'
    }
  },
  THINGSET_STATUS_ERROR: {
    en: {
      summary: 'The BMS answered a request with an error status.',
      diagnosis: 'The status code and the message of the device are in the detail (e.g. C0 internal error, A5 method not allowed, A9 conflict).',
      fix: 'Repeat the operation once; if the same status comes back, note it and contact the firmware maintainer.'
    },
    fr: {
      summary: "Le BMS a répondu à une requête par un statut d'erreur.",
      diagnosis: "Le code de statut et le message de l'appareil figurent dans le détail (ex. C0 erreur interne, A5 méthode non permise, A9 conflit).",
      fix: "Recommencez l'opération une fois ; si le même statut revient, notez-le et contactez le mainteneur du firmware."
    }
  },
  THINGSET_CRC_MISMATCH: {
    en: {
      summary: 'A line from the BMS failed its checksum.',
      diagnosis: 'Bytes were changed or lost on the serial line (noise, a loose cable, a wrong baud rate).',
      fix: 'Check the cable and its shield, keep it away from power wiring, and check the line runs at 115200 baud.'
    },
    fr: {
      summary: "Une ligne reçue du BMS a échoué à sa somme de contrôle.",
      diagnosis: 'Des octets ont été modifiés ou perdus sur la ligne série (parasites, câble mal branché, mauvais débit).',
      fix: "Vérifiez le câble et son blindage, éloignez-le du câblage de puissance, et vérifiez que la ligne tourne à 115200 bauds."
    }
  },
  THINGSET_JSON_INVALID: {
    en: {
      summary: 'The BMS sent data the tool cannot read.',
      diagnosis: 'The body of an answer or report is not valid JSON although its checksum is correct: a firmware fault.',
      fix: 'Save the session log and report it with the firmware version; other operations may still work.'
    },
    fr: {
      summary: "Le BMS a envoyé des données que l'outil ne sait pas lire.",
      diagnosis: "Le corps d'une réponse ou d'un rapport n'est pas du JSON valide alors que sa somme de contrôle est correcte : défaut du firmware.",
      fix: "Enregistrez le journal de session et signalez-le avec la version du firmware ; les autres opérations peuvent encore fonctionner."
    }
  },
  THINGSET_LINE_INVALID: {
    en: {
      summary: 'A ThingSet message is malformed.',
      diagnosis: 'A line or binary message does not follow the ThingSet format (missing status code, bad path, truncated data).',
      fix: 'Check that the port is connected to a ThingSet device at the right baud rate.'
    },
    fr: {
      summary: 'Un message ThingSet est mal formé.',
      diagnosis: 'Une ligne ou un message binaire ne suit pas le format ThingSet (code de statut absent, chemin invalide, données tronquées).',
      fix: "Vérifiez que le port est relié à un appareil ThingSet au bon débit."
    }
  },
  THINGSET_NO_ANSWER: {
    en: {
      summary: 'The BMS did not answer a request.',
      diagnosis:
        'On serial the device drops a line that arrives while it is answering, so the request was repeated after a resynchronisation; a second silence, or silence on CAN, means it is off, rebooting, at another node address or not a ThingSet device.',
      fix: 'Check power and cable, wait a few seconds if the BMS is restarting, then reconnect.'
    },
    fr: {
      summary: "Le BMS n'a pas répondu à une requête.",
      diagnosis:
        "Sur liaison série l'appareil ignore une ligne qui arrive pendant qu'il répond, la requête a donc été répétée après une resynchronisation ; un second silence, ou un silence sur CAN, signifie qu'il est éteint, en redémarrage, à une autre adresse de nœud ou n'est pas un appareil ThingSet.",
      fix: "Vérifiez l'alimentation et le câble, attendez quelques secondes si le BMS redémarre, puis reconnectez."
    }
  },
  THINGSET_DFU_FAILED: {
    en: {
      summary: 'The BMS refused a firmware transfer step.',
      diagnosis: 'A DFU function returned an error number (-16: write before init; other values: flash erase or write failed).',
      fix: 'Start the transfer again from the beginning; if the flash error repeats, stop and have the board inspected.'
    },
    fr: {
      summary: 'Le BMS a refusé une étape du transfert de firmware.',
      diagnosis: "Une fonction DFU a renvoyé un numéro d'erreur (-16 : écriture avant init ; autres valeurs : effacement ou écriture de la flash en échec).",
      fix: "Relancez le transfert depuis le début ; si l'erreur de flash se répète, arrêtez et faites contrôler la carte."
    }
  },
  THINGSET_DFU_REFUSED: {
    en: {
      summary: 'The BMS restarted but does not run the new firmware: its bootloader refused the image.',
      diagnosis:
        'The transfer completed, but after the restart the BMS reports another firmware version than the image sent: the bootloader found the image invalid (hash or signature) and kept the old firmware, or the board reverted it.',
      fix: 'Check that the image is built for this board and signed for its bootloader, then run the update again; the BMS keeps working with its previous firmware meanwhile.'
    },
    fr: {
      summary: "Le BMS a redémarré mais n'exécute pas le nouveau firmware : son bootloader a refusé l'image.",
      diagnosis:
        "Le transfert s'est terminé, mais après le redémarrage le BMS annonce une autre version que l'image envoyée : le bootloader a jugé l'image invalide (empreinte ou signature) et gardé l'ancien firmware, ou la carte l'a rétabli.",
      fix: "Vérifiez que l'image est construite pour cette carte et signée pour son bootloader, puis relancez la mise à jour ; le BMS continue de fonctionner avec son firmware précédent."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type ThingSetErrorCode = keyof typeof THINGSET_ERRORS;
