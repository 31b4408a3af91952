/**
 * The short how-tos on the Help page, in English and French: what a technician needs on a first visit
 * or when something went wrong. Each step names the page and button as the app shows them, and says
 * only what the app does (checked against the pages, the update procedure and the CLI's --help).
 */
import { INTERFACE_ADVICE } from '$lib/core/update/checklist';
import type { Lang } from '../../i18n/translate';

export interface HowTo {
  id: string;
  title: string;
  steps: string[];
}

type Text = Record<Lang, { title: string; steps: string[] }>;

const HOW_TOS: { id: string; text: Text }[] = [
  {
    id: 'first-update',
    text: {
      en: {
        title: 'Your first update',
        steps: [
          'New to the tool? Run the whole flow once on the Virtual BMS (Connect → Try without hardware — Virtual BMS): nothing can be damaged.',
          'Connect: choose the interface (see "Choosing the interface") and the baud rate the BMS is set to, then connect. The Device page shows the model, hardware revision, firmware and bootloader.',
          'Firmware: choose the release at the top of the catalog (the releases made for this device come first; test builds are listed apart), or pick a signed file. Go on only if the verdict says Trusted.',
          'Pre-flight: every measured check must pass (charge 20–80 %, temperature 0–45 °C, a steady supply, a clean link test). Tick the site checklist and write your name: it goes into the report.',
          'Update: the settings are backed up first, then the image goes to the inactive bank, the BMS test-boots it and runs its self-test. The tool confirms the new firmware, or returns to the previous one by itself. Do not unplug while the banner says so.',
          'Result: read the verdict and what the device reports now. The report stays on the Reports page (print or export it).'
        ]
      },
      fr: {
        title: 'Votre première mise à jour',
        steps: [
          "Première fois ? Faites tout le parcours une fois sur le BMS virtuel (Connexion → Essayer sans matériel — BMS virtuel) : rien ne peut être abîmé.",
          "Connexion : choisissez l'interface (voir « Choisir l'interface ») et le débit en bauds réglé sur le BMS, puis connectez-vous. La page Appareil montre le modèle, la révision matérielle, le firmware et le chargeur d'amorçage.",
          "Micrologiciel : choisissez la version en tête du catalogue (les versions faites pour cet appareil d'abord ; les versions de test sont à part) ou un fichier signé. Continuez seulement si le verdict dit « De confiance ».",
          "Contrôle préalable : chaque mesure doit passer (charge 20–80 %, température 0–45 °C, alimentation stable, test de liaison propre). Cochez la liste du site et écrivez votre nom : il figure dans le rapport.",
          "Mise à jour : les réglages sont sauvegardés d'abord, puis l'image va dans la banque inactive, le BMS la démarre à l'essai et fait son autotest. L'outil confirme le nouveau firmware, ou revient seul au précédent. Ne débranchez rien tant que le bandeau le demande.",
          "Résultat : lisez le verdict et ce que l'appareil indique maintenant. Le rapport reste sur la page Rapports (à imprimer ou exporter)."
        ]
      }
    }
  },
  {
    id: 'stuck-device',
    text: {
      en: {
        title: 'A stuck device, recovery',
        steps: [
          'During an update the firmware that ran before stays in its own bank until the new one has proven itself: an interrupted transfer or a failed self-test leaves it in place.',
          'Link lost during the transfer: leave the pack powered. The tool reopens the link and resumes where the BMS stopped; if it cannot, connect again and start the update again: the transfer resumes.',
          'The BMS no longer answers: power-cycle it. The bootloader starts the confirmed firmware again; a new image that was never confirmed does not stay in service.',
          'Connect over a cable and open the Device page: the image slots say which version runs and whether it is confirmed.',
          'If the Device page says "Only the bootloader answers (recovery mode)", a normal update is refused (UPDATE_DEVICE_IN_BOOTLOADER). Reinstall the last stable release over a cable with the command line: bms-flasher upload --port PORT IMAGE, then bms-flasher reset --port PORT, then bms-flasher info --port PORT to see what runs. Then update again from here.',
          'Search the error code the tool showed above: each one says what to check first.'
        ]
      },
      fr: {
        title: 'Appareil bloqué, récupération',
        steps: [
          "Pendant une mise à jour, le firmware d'avant reste dans sa propre banque tant que le nouveau n'a pas fait ses preuves : un transfert interrompu ou un autotest en échec le laisse en place.",
          "Liaison perdue pendant le transfert : laissez la batterie alimentée. L'outil rouvre la liaison et reprend là où le BMS s'est arrêté ; sinon, reconnectez-vous et relancez la mise à jour : le transfert reprend.",
          "Le BMS ne répond plus : coupez puis remettez son alimentation. Le chargeur d'amorçage redémarre le firmware confirmé ; une nouvelle image jamais confirmée ne reste pas en service.",
          "Connectez-vous par câble et ouvrez la page Appareil : les emplacements d'image disent quelle version tourne et si elle est confirmée.",
          "Si la page Appareil indique « Seul le chargeur d'amorçage répond (mode récupération) », une mise à jour normale est refusée (UPDATE_DEVICE_IN_BOOTLOADER). Réinstallez la dernière version stable par câble avec la ligne de commande : bms-flasher upload --port PORT IMAGE, puis bms-flasher reset --port PORT, puis bms-flasher info --port PORT pour voir ce qui tourne. Refaites ensuite la mise à jour ici.",
          "Cherchez ci-dessus le code d'erreur affiché par l'outil : chacun dit quoi vérifier d'abord."
        ]
      }
    }
  },
  {
    id: 'restore-settings',
    text: {
      en: {
        title: 'Restoring the settings',
        steps: [
          'Every update backs up all the device settings first. They are on the Backups page, per device serial; "Export to a file" keeps a copy on a disk or a shared folder, "Import a backup file" brings one back.',
          'Connect the device, open Backups and choose its backup: "Compare with the device and restore" lists every difference.',
          '"Restore" writes the differing settings with your technician key, reads them back and compares: the page says which were restored.',
          'Settings that the running firmware no longer has (or has added) cannot be written: they are listed apart.',
          'A release marked "Resets the settings" in the catalog returns them to their defaults (bus address, CAN id, name): restore them before the pack goes back into service, or it may not answer on its bus.'
        ]
      },
      fr: {
        title: 'Restaurer les réglages',
        steps: [
          "Chaque mise à jour sauvegarde d'abord tous les réglages de l'appareil. Ils sont sur la page Sauvegardes, par numéro de série ; « Exporter vers un fichier » en garde une copie sur un disque ou un dossier partagé, « Importer un fichier de sauvegarde » la ramène.",
          "Connectez l'appareil, ouvrez Sauvegardes et choisissez sa sauvegarde : « Comparer avec l’appareil et restaurer » liste chaque différence.",
          "« Restaurer » écrit les réglages différents avec votre clé de technicien, les relit et compare : la page dit lesquels ont été restaurés.",
          "Les réglages que le firmware en service n'a plus (ou a ajoutés) ne peuvent pas être écrits : ils sont listés à part.",
          "Une version marquée « Réinitialise les réglages » dans le catalogue les remet aux valeurs par défaut (adresse de bus, identifiant CAN, nom) : restaurez-les avant de remettre la batterie en service, sinon elle peut ne plus répondre sur son bus."
        ]
      }
    }
  },
  {
    id: 'choose-interface',
    text: {
      en: {
        title: 'Choosing the interface',
        steps: [
          INTERFACE_ADVICE.rs485.en,
          INTERFACE_ADVICE.can.en,
          INTERFACE_ADVICE.usb.en,
          'On the Connect page: "USB-serial adapter" for RS485 or a CAN gateway, "USB device" for a BMS with native USB, "Bluetooth" over the air (safety-critical firmware is refused there: use a cable).',
          'The baud rate must match the BMS setting. If it does not, the link test says so and names the rate the BMS answers at.'
        ]
      },
      fr: {
        title: "Choisir l'interface",
        steps: [
          INTERFACE_ADVICE.rs485.fr,
          INTERFACE_ADVICE.can.fr,
          INTERFACE_ADVICE.usb.fr,
          "Sur la page Connexion : « Adaptateur USB-série » pour le RS485 ou une passerelle CAN, « Appareil USB » pour un BMS à USB natif, « Bluetooth » sans fil (un firmware critique pour la sécurité y est refusé : prenez un câble).",
          "Le débit en bauds doit être celui du BMS. Sinon, le test de liaison le signale et donne le débit auquel le BMS répond."
        ]
      }
    }
  }
];

export function howTos(lang: Lang): HowTo[] {
  return HOW_TOS.map(({ id, text }) => ({ id, ...text[lang] }));
}
