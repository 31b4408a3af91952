import type { ErrorEntry } from '../error-text';

/**
 * Link codes raised while finding and opening a port (spread into LINK_ERRORS by `link-codes.ts`).
 * These are the failures flasher users report most ("Failed to open serial port", missing drivers,
 * USB-CDC boards that vanish on reset), so each one names the likely cause and the exact remedy.
 */
export const LINK_PORT_ERRORS = {
  LINK_NO_PORT_SELECTED: {
    en: {
      summary: 'No port was chosen.',
      diagnosis:
        'The port chooser was closed without a choice. If your adapter was not in the list: the cable may carry power only, the USB-serial driver may be missing (CP210x, CH340/CH343, FTDI, PL2303), or the adapter is not in the suggested list.',
      fix: 'Plug the adapter in with a data cable and open the chooser again; use "Show all ports" if it is still missing, and install the driver of its chip if the list stays empty.'
    },
    fr: {
      summary: "Aucun port n'a été choisi.",
      diagnosis:
        "Le sélecteur de port a été fermé sans choix. Si votre adaptateur n'apparaissait pas : le câble ne transporte peut-être que l'alimentation, le pilote USB-série manque (CP210x, CH340/CH343, FTDI, PL2303), ou l'adaptateur n'est pas dans la liste proposée.",
      fix: "Branchez l'adaptateur avec un câble de données et rouvrez le sélecteur ; utilisez « Afficher tous les ports » s'il manque encore, et installez le pilote de sa puce si la liste reste vide."
    }
  },
  LINK_NOT_SUPPORTED: {
    en: {
      summary: 'This browser cannot talk to serial or USB devices.',
      diagnosis:
        'Web Serial and WebUSB exist only in Chromium-based browsers (Chrome, Edge, Opera) on desktop, in a secure (https) page; Chrome on Android has WebUSB but not Web Serial; Safari and iOS have neither.',
      fix: 'Open this page in Chrome or Edge on a computer, or in Chrome on Android with a USB-OTG adapter, or use the bms-flasher command-line tool.'
    },
    fr: {
      summary: 'Ce navigateur ne peut pas dialoguer avec les appareils série ou USB.',
      diagnosis:
        "Web Serial et WebUSB n'existent que dans les navigateurs basés sur Chromium (Chrome, Edge, Opera) sur ordinateur, dans une page sécurisée (https) ; Chrome sur Android a WebUSB mais pas Web Serial ; Safari et iOS n'ont ni l'un ni l'autre.",
      fix: "Ouvrez cette page dans Chrome ou Edge sur un ordinateur, ou dans Chrome sur Android avec un adaptateur USB-OTG, ou utilisez l'outil en ligne de commande bms-flasher."
    }
  },
  LINK_PICKER_BLOCKED: {
    en: {
      summary: 'The browser refused to show the port chooser.',
      diagnosis:
        'The chooser may only open right after a click, in a secure (https) page, and when the site settings or an embedding page allow serial/USB access.',
      fix: 'Click the Connect button again (do not wait between the click and the chooser), and allow serial/USB access in the site settings.'
    },
    fr: {
      summary: 'Le navigateur a refusé d’afficher le sélecteur de port.',
      diagnosis:
        "Le sélecteur ne s'ouvre que juste après un clic, dans une page sécurisée (https), et si les paramètres du site ou la page englobante autorisent l'accès série/USB.",
      fix: "Cliquez à nouveau sur Connecter (sans attendre entre le clic et le sélecteur), et autorisez l'accès série/USB dans les paramètres du site."
    }
  },
  LINK_PORT_BUSY: {
    en: {
      summary: 'The port is already in use.',
      diagnosis:
        'Another program holds it open: a serial monitor (Arduino IDE, PuTTY, screen, minicom), another tab or window of this tool, or on Linux ModemManager or brltty probing new adapters.',
      fix: 'Close the other program or tab (on Linux: `sudo systemctl stop ModemManager`, and remove brltty if a CH340 keeps disappearing), then connect again.'
    },
    fr: {
      summary: 'Le port est déjà utilisé.',
      diagnosis:
        "Un autre programme le tient ouvert : moniteur série (Arduino IDE, PuTTY, screen, minicom), un autre onglet ou fenêtre de cet outil, ou sous Linux ModemManager ou brltty qui sondent les nouveaux adaptateurs.",
      fix: "Fermez l'autre programme ou onglet (sous Linux : `sudo systemctl stop ModemManager`, et désinstallez brltty si un CH340 disparaît sans cesse), puis reconnectez."
    }
  },
  LINK_OPEN_FAILED: {
    en: {
      summary: 'The operating system could not open the port.',
      diagnosis:
        'On Linux your user is usually not allowed to use serial ports (not in the "dialout" group, or no udev rule); elsewhere the driver is missing or broken, or another program holds the port.',
      fix: 'Linux: run `sudo usermod -aG dialout $USER`, log out and back in, then reconnect. Windows/macOS: install the driver of the adapter chip and close other serial programs.'
    },
    fr: {
      summary: "Le système d'exploitation n'a pas pu ouvrir le port.",
      diagnosis:
        "Sous Linux votre utilisateur n'a généralement pas le droit d'utiliser les ports série (pas dans le groupe « dialout », ou pas de règle udev) ; ailleurs le pilote manque ou est défectueux, ou un autre programme tient le port.",
      fix: "Linux : lancez `sudo usermod -aG dialout $USER`, fermez puis rouvrez la session, et reconnectez. Windows/macOS : installez le pilote de la puce de l'adaptateur et fermez les autres programmes série."
    }
  },
  LINK_PORT_NOT_FOUND: {
    en: {
      summary: 'The serial port does not exist.',
      diagnosis: 'Nothing is connected at that path or COM name: the adapter is unplugged, got another name (ttyUSB1, COM7), or its driver is missing.',
      fix: 'Plug the adapter in, list the ports (`ls /dev/ttyUSB* /dev/ttyACM*` on Linux, Device Manager on Windows) and use the name shown.'
    },
    fr: {
      summary: "Le port série n'existe pas.",
      diagnosis: "Rien n'est branché à ce chemin ou ce nom COM : adaptateur débranché, renommé (ttyUSB1, COM7), ou pilote absent.",
      fix: "Branchez l'adaptateur, listez les ports (`ls /dev/ttyUSB* /dev/ttyACM*` sous Linux, Gestionnaire de périphériques sous Windows) et utilisez le nom affiché."
    }
  },
  LINK_DRIVER_MISSING: {
    en: {
      summary: 'The USB-serial adapter needs its chip driver.',
      diagnosis:
        'This adapter uses a vendor chip (Silicon Labs CP210x, WCH CH340/CH343, FTDI, Prolific PL2303) that the system or this browser cannot drive without its driver: the port list stays empty, or on Android the chip is not a standard CDC-ACM device.',
      fix: 'Install the driver from the chip maker (Silicon Labs "CP210x VCP", WCH "CH341SER"/"CH343SER", FTDI "VCP", Prolific "PL2303"), replug, and retry; on Android use a CDC-ACM adapter or the device\'s native USB port.'
    },
    fr: {
      summary: "L'adaptateur USB-série a besoin du pilote de sa puce.",
      diagnosis:
        "Cet adaptateur utilise une puce de fabricant (Silicon Labs CP210x, WCH CH340/CH343, FTDI, Prolific PL2303) que le système ou ce navigateur ne sait pas piloter sans son pilote : la liste des ports reste vide, ou sous Android la puce n'est pas un périphérique CDC-ACM standard.",
      fix: "Installez le pilote du fabricant de la puce (Silicon Labs « CP210x VCP », WCH « CH341SER »/« CH343SER », FTDI « VCP », Prolific « PL2303 »), rebranchez et réessayez ; sous Android utilisez un adaptateur CDC-ACM ou le port USB natif de l'appareil."
    }
  },
  LINK_DEVICE_LOST_ON_RESET: {
    en: {
      summary: 'The device did not come back after its reset.',
      diagnosis:
        'Devices with a native USB port disconnect and reconnect (re-enumerate) when they reset into or out of the bootloader; it did not reappear in time, or it came back under another identity the browser has not been allowed to use.',
      fix: 'Wait a few seconds and press Reconnect; if the chooser opens, pick the device again (it may show a new name). If it never reappears, power-cycle the BMS.'
    },
    fr: {
      summary: "L'appareil n'est pas revenu après son redémarrage.",
      diagnosis:
        "Les appareils à port USB natif se déconnectent et se reconnectent (ré-énumération) quand ils redémarrent vers ou depuis le chargeur d'amorçage ; il n'est pas réapparu à temps, ou sous une autre identité que le navigateur n'est pas autorisé à utiliser.",
      fix: "Attendez quelques secondes et appuyez sur Reconnecter ; si le sélecteur s'ouvre, choisissez de nouveau l'appareil (son nom peut avoir changé). S'il ne réapparaît jamais, coupez et rétablissez l'alimentation du BMS."
    }
  },
  LINK_INVALID_SETTINGS: {
    en: {
      summary: 'The port settings were refused.',
      diagnosis: 'The adapter or browser does not accept this baud rate, data bits, parity or stop bits combination.',
      fix: 'Choose a standard rate (9600, 19200, 38400, 57600, 115200) and 8N1 unless the device documents otherwise.'
    },
    fr: {
      summary: 'Les réglages du port ont été refusés.',
      diagnosis: "L'adaptateur ou le navigateur n'accepte pas cette combinaison de débit, bits de données, parité ou bits d'arrêt.",
      fix: "Choisissez un débit standard (9600, 19200, 38400, 57600, 115200) et 8N1 sauf indication contraire de l'appareil."
    }
  },
  LINK_USB_ACCESS_DENIED: {
    en: {
      summary: 'The browser was denied access to the USB device.',
      diagnosis:
        'Another driver owns the device: on Windows a serial (CDC) device belongs to the usbser driver and is reachable only through Web Serial; on Linux/Android the kernel driver or another app holds the interface.',
      fix: 'On a computer use the "Serial port" connection instead of "USB"; on Android close other USB apps, replug the device and accept the permission prompt.'
    },
    fr: {
      summary: "Le navigateur s'est vu refuser l'accès au périphérique USB.",
      diagnosis:
        "Un autre pilote possède le périphérique : sous Windows un appareil série (CDC) appartient au pilote usbser et n'est accessible que par Web Serial ; sous Linux/Android le pilote du noyau ou une autre application tient l'interface.",
      fix: "Sur ordinateur, utilisez la connexion « Port série » au lieu de « USB » ; sous Android, fermez les autres applications USB, rebranchez l'appareil et acceptez la demande d'autorisation."
    }
  },
  LINK_USB_NOT_SERIAL: {
    en: {
      summary: 'This USB device is not a serial (CDC-ACM) device.',
      diagnosis: 'It has no CDC data interface with bulk endpoints, so no serial line can be opened on it: probably the wrong device was chosen.',
      fix: 'Choose the BMS or its USB-serial adapter in the list; unplug other USB devices if unsure which one it is.'
    },
    fr: {
      summary: "Ce périphérique USB n'est pas un appareil série (CDC-ACM).",
      diagnosis: "Il n'a pas d'interface de données CDC avec des points de terminaison « bulk » : aucune ligne série ne peut y être ouverte, probablement le mauvais appareil a été choisi.",
      fix: "Choisissez le BMS ou son adaptateur USB-série dans la liste ; débranchez les autres périphériques USB en cas de doute."
    }
  },
  LINK_PTY_UNAVAILABLE: {
    en: {
      summary: 'The pseudo-terminal for the simulator could not be created.',
      diagnosis: 'The simulator needs `socat` to create a pseudo-terminal pair; it is missing, or the link path cannot be written.',
      fix: 'Install socat (`sudo apt-get install socat`) and choose a path in a writable folder, e.g. /tmp/bms-sim.'
    },
    fr: {
      summary: "Le pseudo-terminal du simulateur n'a pas pu être créé.",
      diagnosis: "Le simulateur a besoin de `socat` pour créer une paire de pseudo-terminaux ; il manque, ou le chemin du lien n'est pas accessible en écriture.",
      fix: 'Installez socat (`sudo apt-get install socat`) et choisissez un chemin dans un dossier accessible en écriture, par ex. /tmp/bms-sim.'
    }
  }
} satisfies Record<string, ErrorEntry>;
