import type { LinkErrorCode } from '../../../core/link/link-codes';
import type { ErrorText } from '../../error-text';

export const linkFr = {
  LINK_TIMEOUT: {
    summary: "L'appareil n'a pas répondu à temps.",
    diagnosis: "Aucun octet n'est arrivé dans le délai. Causes habituelles : débit (baud) différent, fils RS485 A/B inversés, masse commune absente, ou appareil non alimenté ou pas en mode mise à jour.",
    fix: 'Lancez le test de liaison pour vérifier le débit, contrôlez le câblage A/B et la masse, puis changez le câble si le problème persiste.'
  },
  LINK_CLOSED: {
    summary: 'La connexion a été fermée par cette application.',
    diagnosis: "Le port a été libéré (action de l'opérateur ou fin de l'opération) pendant qu'une lecture ou une écriture attendait.",
    fix: "Reconnectez l'appareil et relancez l'opération."
  },
  LINK_DISCONNECTED: {
    summary: "L'appareil a disparu.",
    diagnosis: "L'adaptateur USB ou l'appareil a disparu : câble débranché ou mal enfoncé, coupure d'alimentation du hub USB, redémarrage de l'appareil, ou mise en veille du port USB par l'ordinateur.",
    fix: "Rebranchez le câble (directement sur l'ordinateur, sans hub), empêchez la mise en veille, puis reprenez : la mise à jour repart sans risque du dernier point confirmé."
  },
  LINK_FRAMING_ERROR: {
    summary: "Un octet est arrivé avec un bit d'arrêt invalide (erreur de trame).",
    diagnosis: "Le récepteur a vu un bit de départ mais pas de bit d'arrêt au bon endroit : presque toujours un débit (baud) différent, parfois du bruit électrique ou une terminaison RS485 absente.",
    fix: 'Lancez le test de liaison pour trouver le débit de l’appareil ; en RS485, posez une terminaison de 120 Ω aux deux extrémités du bus et utilisez une paire torsadée.'
  },
  LINK_PARITY_ERROR: {
    summary: 'Un octet est arrivé avec un bit de parité faux.',
    diagnosis: "Le réglage de parité (aucune / paire / impaire) diffère entre l'outil et l'appareil, ou la ligne est bruitée.",
    fix: "Utilisez la parité documentée par l'appareil (SMP sur liaison série utilise 8N1 : 8 bits, sans parité, 1 bit d'arrêt) et vérifiez le blindage et la masse du câble."
  },
  LINK_BUFFER_OVERRUN: {
    summary: 'Des octets reçus ont été perdus : un tampon a débordé.',
    diagnosis: "Les octets sont arrivés plus vite qu'ils n'étaient lus : ordinateur occupé, onglet du navigateur en arrière-plan, ou débit trop élevé pour l'adaptateur.",
    fix: "Gardez l'onglet au premier plan et réessayez ; si cela se répète, choisissez un débit plus bas."
  },
  LINK_BREAK: {
    summary: "La ligne est restée à l'état bas plus longtemps qu'un octet (condition « break »).",
    diagnosis: "L'appareil a envoyé un break, ou le fil de réception est coupé ou en court-circuit (une ligne UART au repos est à l'état haut), ou les fils RS485 A/B sont inversés.",
    fix: "Vérifiez le fil RX et la polarité A/B du RS485, puis réessayez ; un break isolé pendant un redémarrage de l'appareil est sans conséquence."
  },
  LINK_WRITE_FAILED: {
    summary: "Les octets n'ont pas pu être envoyés à l'appareil.",
    diagnosis: "Le système ou l'adaptateur a refusé l'écriture : adaptateur défaillant ou en cours de débranchement.",
    fix: "Rebranchez l'adaptateur et reprenez ; si cela se répète, essayez un autre port USB ou un autre adaptateur."
  },
  LINK_SIGNALS_FAILED: {
    summary: 'Les lignes de contrôle DTR/RTS n’ont pas pu être positionnées.',
    diagnosis: "L'adaptateur ou son pilote a refusé la demande. Certains appareils USB-CDC et d'anciennes versions de navigateur ne gèrent pas ces lignes.",
    fix: "Redémarrez l'appareil à la main (bouton reset ou coupure d'alimentation) en mode mise à jour, puis reconnectez ; mettre le navigateur à jour peut aider."
  },
  LINK_BAUD_MISMATCH: {
    summary: "L'appareil répond à un autre débit que celui choisi.",
    diagnosis: "L'outil et l'appareil doivent utiliser le même débit ; le détail donne le débit auquel l'appareil a répondu.",
    fix: "Choisissez le débit auquel l'appareil répond (ou réglez l'appareil sur le vôtre), puis relancez le test de liaison."
  },
  LINK_NO_ANSWER: {
    summary: "L'appareil ne répond à aucun débit usuel.",
    diagnosis: "Aucun écho n'est revenu : appareil éteint ou hors mode mise à jour, fils RS485 A/B inversés, masse absente, ou autre protocole sur ce port.",
    fix: "Vérifiez l'alimentation et le câblage (A/B, masse), mettez l'appareil en mode mise à jour, puis relancez le test ; remplacez le câble si cela échoue encore."
  }
} satisfies Record<LinkErrorCode, ErrorText>;
