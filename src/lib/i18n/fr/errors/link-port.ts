import type { LinkPortErrorCode } from '../../../core/link/link-port-codes';
import type { ErrorText } from '../../error-text';

export const linkPortFr = {
  LINK_NO_PORT_SELECTED: {
    summary: "Aucun port n'a été choisi.",
    diagnosis: "Le sélecteur de port a été fermé sans choix. Si votre adaptateur n'apparaissait pas : le câble ne transporte peut-être que l'alimentation, le pilote USB-série manque (CP210x, CH340/CH343, FTDI, PL2303), ou l'adaptateur n'est pas dans la liste proposée.",
    fix: "Branchez l'adaptateur avec un câble de données et rouvrez le sélecteur ; utilisez « Afficher tous les ports » s'il manque encore, et installez le pilote de sa puce si la liste reste vide."
  },
  LINK_NOT_SUPPORTED: {
    summary: 'Ce navigateur ne peut pas dialoguer avec les appareils série ou USB.',
    diagnosis: "Web Serial et WebUSB n'existent que dans les navigateurs basés sur Chromium (Chrome, Edge, Opera) sur ordinateur, dans une page sécurisée (https) ; Chrome sur Android a WebUSB mais pas Web Serial ; Safari et iOS n'ont ni l'un ni l'autre.",
    fix: "Ouvrez cette page dans Chrome ou Edge sur un ordinateur, ou dans Chrome sur Android avec un adaptateur USB-OTG, ou utilisez l'outil en ligne de commande bms-flasher."
  },
  LINK_PICKER_BLOCKED: {
    summary: 'Le navigateur a refusé d’afficher le sélecteur de port.',
    diagnosis: "Le sélecteur ne s'ouvre que juste après un clic, dans une page sécurisée (https), et si les paramètres du site ou la page englobante autorisent l'accès série/USB.",
    fix: "Cliquez à nouveau sur Connecter (sans attendre entre le clic et le sélecteur), et autorisez l'accès série/USB dans les paramètres du site."
  },
  LINK_PORT_BUSY: {
    summary: 'Le port est déjà utilisé.',
    diagnosis: 'Un autre programme le tient ouvert : moniteur série (Arduino IDE, PuTTY, screen, minicom), un autre onglet ou fenêtre de cet outil, ou sous Linux ModemManager ou brltty qui sondent les nouveaux adaptateurs.',
    fix: "Fermez l'autre programme ou onglet (sous Linux : `sudo systemctl stop ModemManager`, et désinstallez brltty si un CH340 disparaît sans cesse), puis reconnectez."
  },
  LINK_OPEN_FAILED: {
    summary: "Le système d'exploitation n'a pas pu ouvrir le port.",
    diagnosis: "Sous Linux votre utilisateur n'a généralement pas le droit d'utiliser les ports série (pas dans le groupe « dialout », ou pas de règle udev) ; ailleurs le pilote manque ou est défectueux, ou un autre programme tient le port.",
    fix: "Linux : lancez `sudo usermod -aG dialout $USER`, fermez puis rouvrez la session, et reconnectez. Windows/macOS : installez le pilote de la puce de l'adaptateur et fermez les autres programmes série."
  },
  LINK_PORT_NOT_FOUND: {
    summary: "Le port série n'existe pas.",
    diagnosis: "Rien n'est branché à ce chemin ou ce nom COM : adaptateur débranché, renommé (ttyUSB1, COM7), ou pilote absent.",
    fix: "Branchez l'adaptateur, listez les ports (`ls /dev/ttyUSB* /dev/ttyACM*` sous Linux, Gestionnaire de périphériques sous Windows) et utilisez le nom affiché."
  },
  LINK_DRIVER_MISSING: {
    summary: "L'adaptateur USB-série a besoin du pilote de sa puce.",
    diagnosis: "Cet adaptateur utilise une puce de fabricant (Silicon Labs CP210x, WCH CH340/CH343, FTDI, Prolific PL2303) que le système ou ce navigateur ne sait pas piloter sans son pilote : la liste des ports reste vide, ou sous Android la puce n'est pas un périphérique CDC-ACM standard.",
    fix: "Installez le pilote du fabricant de la puce (Silicon Labs « CP210x VCP », WCH « CH341SER »/« CH343SER », FTDI « VCP », Prolific « PL2303 »), rebranchez et réessayez ; sous Android utilisez un adaptateur CDC-ACM ou le port USB natif de l'appareil."
  },
  LINK_DEVICE_LOST_ON_RESET: {
    summary: "L'appareil n'est pas revenu après son redémarrage.",
    diagnosis: "Les appareils à port USB natif se déconnectent et se reconnectent (ré-énumération) quand ils redémarrent vers ou depuis le chargeur d'amorçage ; il n'est pas réapparu à temps, ou sous une autre identité que le navigateur n'est pas autorisé à utiliser.",
    fix: "Attendez quelques secondes et appuyez sur Reconnecter ; si le sélecteur s'ouvre, choisissez de nouveau l'appareil (son nom peut avoir changé). S'il ne réapparaît jamais, coupez et rétablissez l'alimentation du BMS."
  },
  LINK_INVALID_SETTINGS: {
    summary: 'Les réglages du port ont été refusés.',
    diagnosis: "L'adaptateur ou le navigateur n'accepte pas cette combinaison de débit, bits de données, parité ou bits d'arrêt.",
    fix: "Choisissez un débit standard (9600, 19200, 38400, 57600, 115200) et 8N1 sauf indication contraire de l'appareil."
  },
  LINK_USB_ACCESS_DENIED: {
    summary: "Le navigateur s'est vu refuser l'accès au périphérique USB.",
    diagnosis: "Un autre pilote possède le périphérique : sous Windows un appareil série (CDC) appartient au pilote usbser et n'est accessible que par Web Serial ; sous Linux/Android le pilote du noyau ou une autre application tient l'interface.",
    fix: "Sur ordinateur, utilisez la connexion « Port série » au lieu de « USB » ; sous Android, fermez les autres applications USB, rebranchez l'appareil et acceptez la demande d'autorisation."
  },
  LINK_USB_NOT_SERIAL: {
    summary: "Ce périphérique USB n'est pas un appareil série (CDC-ACM).",
    diagnosis: "Il n'a pas d'interface de données CDC avec des points de terminaison « bulk » : aucune ligne série ne peut y être ouverte, probablement le mauvais appareil a été choisi.",
    fix: 'Choisissez le BMS ou son adaptateur USB-série dans la liste ; débranchez les autres périphériques USB en cas de doute.'
  },
  LINK_PTY_UNAVAILABLE: {
    summary: "Le pseudo-terminal du simulateur n'a pas pu être créé.",
    diagnosis: "Le simulateur a besoin de `socat` pour créer une paire de pseudo-terminaux ; il manque, ou le chemin du lien n'est pas accessible en écriture.",
    fix: 'Installez socat (`sudo apt-get install socat`) et choisissez un chemin dans un dossier accessible en écriture, par ex. /tmp/bms-sim.'
  }
} satisfies Record<LinkPortErrorCode, ErrorText>;
