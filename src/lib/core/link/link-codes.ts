import type { ErrorEntry } from '../error-text';
import { LINK_PORT_ERRORS } from './link-port-codes';
import { LINK_SESSION_ERRORS } from './link-session-codes';
import { LINK_BLE_ERRORS } from './link-ble-codes';

/**
 * Error codes raised by the link layer, with their user text (English and French). Codes raised while
 * bytes flow live here; codes raised while finding and opening a port live in `link-port-codes.ts`.
 */
export const LINK_ERRORS = {
  ...LINK_PORT_ERRORS,
  ...LINK_SESSION_ERRORS,
  ...LINK_BLE_ERRORS,
  LINK_TIMEOUT: {
    en: {
      summary: 'The device did not answer in time.',
      diagnosis:
        'No byte arrived within the time limit. Usual causes: a baud-rate mismatch, swapped RS485 A/B wires, a missing common ground, or the device is not powered or not in its update mode.',
      fix: 'Run the link test to check the baud rate, check the A/B wiring and the ground, then replace the cable if it still fails.'
    },
    fr: {
      summary: "L'appareil n'a pas répondu à temps.",
      diagnosis:
        "Aucun octet n'est arrivé dans le délai. Causes habituelles : débit (baud) différent, fils RS485 A/B inversés, masse commune absente, ou appareil non alimenté ou pas en mode mise à jour.",
      fix: 'Lancez le test de liaison pour vérifier le débit, contrôlez le câblage A/B et la masse, puis changez le câble si le problème persiste.'
    }
  },
  LINK_CLOSED: {
    en: {
      summary: 'The connection was closed by this application.',
      diagnosis: 'The port was released (operator action or end of the operation) while a read or write was waiting.',
      fix: 'Reconnect to the device and start the operation again.'
    },
    fr: {
      summary: 'La connexion a été fermée par cette application.',
      diagnosis:
        "Le port a été libéré (action de l'opérateur ou fin de l'opération) pendant qu'une lecture ou une écriture attendait.",
      fix: "Reconnectez l'appareil et relancez l'opération."
    }
  },
  LINK_DISCONNECTED: {
    en: {
      summary: 'The device went away.',
      diagnosis:
        'The USB adapter or device disappeared: cable pulled or loose, USB hub power loss, the device rebooted, or the laptop suspended the USB port.',
      fix: 'Reconnect the cable (directly to the computer, not through a hub), keep the computer awake, then resume: the update restarts safely from the last confirmed point.'
    },
    fr: {
      summary: "L'appareil a disparu.",
      diagnosis:
        "L'adaptateur USB ou l'appareil a disparu : câble débranché ou mal enfoncé, coupure d'alimentation du hub USB, redémarrage de l'appareil, ou mise en veille du port USB par l'ordinateur.",
      fix: "Rebranchez le câble (directement sur l'ordinateur, sans hub), empêchez la mise en veille, puis reprenez : la mise à jour repart sans risque du dernier point confirmé."
    }
  },
  LINK_FRAMING_ERROR: {
    en: {
      summary: 'A byte arrived with a bad stop bit (framing error).',
      diagnosis:
        'The receiver saw a start bit but no stop bit where it expected one: almost always a baud-rate mismatch, sometimes electrical noise or a missing RS485 termination.',
      fix: 'Run the link test to find the device baud rate; on RS485 fit 120 Ω termination at both ends of the bus and use twisted pair.'
    },
    fr: {
      summary: "Un octet est arrivé avec un bit d'arrêt invalide (erreur de trame).",
      diagnosis:
        "Le récepteur a vu un bit de départ mais pas de bit d'arrêt au bon endroit : presque toujours un débit (baud) différent, parfois du bruit électrique ou une terminaison RS485 absente.",
      fix: 'Lancez le test de liaison pour trouver le débit de l’appareil ; en RS485, posez une terminaison de 120 Ω aux deux extrémités du bus et utilisez une paire torsadée.'
    }
  },
  LINK_PARITY_ERROR: {
    en: {
      summary: 'A byte arrived with a wrong parity bit.',
      diagnosis: 'The parity setting (none / even / odd) differs between the tool and the device, or the line is noisy.',
      fix: 'Use the parity the device documents (SMP over serial uses 8N1: 8 data bits, no parity, 1 stop bit) and check the cable shield and ground.'
    },
    fr: {
      summary: 'Un octet est arrivé avec un bit de parité faux.',
      diagnosis: "Le réglage de parité (aucune / paire / impaire) diffère entre l'outil et l'appareil, ou la ligne est bruitée.",
      fix: "Utilisez la parité documentée par l'appareil (SMP sur liaison série utilise 8N1 : 8 bits, sans parité, 1 bit d'arrêt) et vérifiez le blindage et la masse du câble."
    }
  },
  LINK_BUFFER_OVERRUN: {
    en: {
      summary: 'Received bytes were lost because a buffer overflowed.',
      diagnosis:
        'Bytes arrived faster than they were read: the computer was busy, the browser tab was in the background, or the line rate is too high for the adapter.',
      fix: 'Keep the tab in the foreground and retry; if it repeats, choose a lower baud rate.'
    },
    fr: {
      summary: "Des octets reçus ont été perdus : un tampon a débordé.",
      diagnosis:
        "Les octets sont arrivés plus vite qu'ils n'étaient lus : ordinateur occupé, onglet du navigateur en arrière-plan, ou débit trop élevé pour l'adaptateur.",
      fix: "Gardez l'onglet au premier plan et réessayez ; si cela se répète, choisissez un débit plus bas."
    }
  },
  LINK_BREAK: {
    en: {
      summary: 'The line was held low for longer than a byte (break condition).',
      diagnosis:
        'The device sent a break, or the receive wire is shorted or disconnected (an idle UART line must be high), or the RS485 A/B wires are swapped.',
      fix: 'Check the RX wire and the RS485 A/B polarity, then retry; a single break during a device reboot is harmless.'
    },
    fr: {
      summary: "La ligne est restée à l'état bas plus longtemps qu'un octet (condition « break »).",
      diagnosis:
        "L'appareil a envoyé un break, ou le fil de réception est coupé ou en court-circuit (une ligne UART au repos est à l'état haut), ou les fils RS485 A/B sont inversés.",
      fix: "Vérifiez le fil RX et la polarité A/B du RS485, puis réessayez ; un break isolé pendant un redémarrage de l'appareil est sans conséquence."
    }
  },
  LINK_WRITE_FAILED: {
    en: {
      summary: 'Bytes could not be sent to the device.',
      diagnosis: 'The operating system or the adapter refused the write: the adapter is failing, or it is being unplugged.',
      fix: 'Reconnect the adapter and resume; if it repeats, try another USB port or adapter.'
    },
    fr: {
      summary: "Les octets n'ont pas pu être envoyés à l'appareil.",
      diagnosis: "Le système ou l'adaptateur a refusé l'écriture : adaptateur défaillant ou en cours de débranchement.",
      fix: "Rebranchez l'adaptateur et reprenez ; si cela se répète, essayez un autre port USB ou un autre adaptateur."
    }
  },
  LINK_SIGNALS_FAILED: {
    en: {
      summary: 'The DTR/RTS control lines could not be set.',
      diagnosis:
        'The adapter or its driver refused the request. Some USB-CDC devices and older browser versions do not support control lines.',
      fix: 'Reset the device by hand (reset button or power cycle) into its update mode, then connect again; updating the browser can help.'
    },
    fr: {
      summary: 'Les lignes de contrôle DTR/RTS n’ont pas pu être positionnées.',
      diagnosis:
        "L'adaptateur ou son pilote a refusé la demande. Certains appareils USB-CDC et d'anciennes versions de navigateur ne gèrent pas ces lignes.",
      fix: "Redémarrez l'appareil à la main (bouton reset ou coupure d'alimentation) en mode mise à jour, puis reconnectez ; mettre le navigateur à jour peut aider."
    }
  },
  // Added by the smp helper for the link test (R06): raised by src/lib/core/protocol/smp/link-test.ts.
  LINK_BAUD_MISMATCH: {
    en: {
      summary: 'The device answers at another baud rate than the one selected.',
      diagnosis: 'The tool and the device must use the same line rate; the detail gives the rate the device answered at.',
      fix: 'Select the baud rate the device answers at (or set the device to yours), then run the link test again.'
    },
    fr: {
      summary: "L'appareil répond à un autre débit que celui choisi.",
      diagnosis: "L'outil et l'appareil doivent utiliser le même débit ; le détail donne le débit auquel l'appareil a répondu.",
      fix: "Choisissez le débit auquel l'appareil répond (ou réglez l'appareil sur le vôtre), puis relancez le test de liaison."
    }
  },
  LINK_NO_ANSWER: {
    en: {
      summary: 'The device does not answer at any usual baud rate.',
      diagnosis:
        'No echo came back: the device is off or not in its update mode, RS485 A/B are swapped, the ground is missing, or another device protocol runs on this port.',
      fix: 'Check power and wiring (A/B, ground), put the device in update mode, then run the link test again; replace the cable if it still fails.'
    },
    fr: {
      summary: "L'appareil ne répond à aucun débit usuel.",
      diagnosis:
        "Aucun écho n'est revenu : appareil éteint ou hors mode mise à jour, fils RS485 A/B inversés, masse absente, ou autre protocole sur ce port.",
      fix: "Vérifiez l'alimentation et le câblage (A/B, masse), mettez l'appareil en mode mise à jour, puis relancez le test ; remplacez le câble si cela échoue encore."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type LinkErrorCode = keyof typeof LINK_ERRORS;
