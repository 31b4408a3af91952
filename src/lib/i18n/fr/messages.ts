import type { Messages } from '../en/messages';
import { frDevice } from './device';
import { frUpdate } from './update';
import { frChecks } from './checks';
import { frLog } from './log';
import { frVerdict } from './verdict';
import { frReport } from './report';

/** Texte français (les techniciens de la procédure d'origine travaillent en français). */
export const fr: Messages = {
  'app.name': 'BMS Flasher',
  'app.tagline': 'Mises à jour sûres du logiciel des systèmes de gestion de batterie.',

  'nav.label': 'Principale',
  'nav.skip': 'Aller au contenu',
  'nav.firmware': 'Micrologiciel',
  'nav.keys': 'Clés',
  'nav.help': 'Aide',

  'lang.label': 'Langue',

  'error.code': "Code d'erreur",
  'error.detail': 'Détail',
  'error.diagnosis': 'Diagnostic',
  'error.fix': 'Que faire',

  'rootCause.binary': 'Le binaire : vérifiez la signature du paquet, sa chaîne de clés et sa matrice de compatibilité.',
  'rootCause.firmware':
    "Le micrologiciel : la nouvelle image a atteint l'appareil et tourne, mais se comporte mal sur cette carte. Regardez d'abord l'image elle-même (notes de version et problèmes connus pour ce matériel, détail de l'autotest) et signalez-le à l'éditeur du micrologiciel ; les câbles ne sont pas en cause.",
  'rootCause.hardware': "Le matériel : lancez les diagnostics d'interface (test de liaison), vérifiez câbles, câblage et appareil.",
  'rootCause.power':
    "L'alimentation : surveillez les mesures d'alimentation et l'état de charge pendant le transfert ; utilisez une source stable.",
  'rootCause.procedure': "La procédure : une condition du site ou de l'opération ; suivez la solution.",
  'rootCause.binary.name': 'binaire',
  'rootCause.firmware.name': 'micrologiciel',
  'rootCause.hardware.name': 'matériel',
  'rootCause.power.name': 'alimentation',
  'rootCause.procedure.name': 'procédure',

  'home.intro':
    "Contrôlez une image de micrologiciel avant qu'elle n'approche une batterie : son empreinte, sa signature et le matériel visé. Tout se passe dans ce navigateur, même hors ligne une fois chargé.",
  'home.start': 'Contrôler une image',
  'home.keys': 'Gérer les clés de confiance',

  'nav.connect': 'Connexion',
  'nav.device': 'Appareil',
  'nav.backups': 'Sauvegardes',
  'nav.reports': 'Rapports',

  'home.newcomer': 'Nouveau ? Essayez tout sur le BMS virtuel : un contrôleur de batterie simulé qui tourne dans ce navigateur, sans matériel.',
  'home.connect': 'Se connecter à un BMS',

  'firmware.title': 'Micrologiciel',
  'firmware.intro':
    "Choisissez ou déposez une image MCUboot. Son empreinte et sa signature Ed25519 sont vérifiées avec vos clés de confiance avant toute autre chose.",
  'firmware.pick': 'Fichier image du micrologiciel',
  'firmware.drop': 'ou déposez le fichier ici',
  'firmware.reading': 'Lecture de {name}…',
  'firmware.verifying': 'Vérification de {name}…',
  'firmware.progress': '{done} sur {total} hachés',
  'firmware.details': "Détails de l'image",
  'firmware.file': 'Fichier',
  'firmware.version': 'Version',
  'firmware.size': "Taille de l'image",
  'firmware.fileSize': 'Taille du fichier',
  'firmware.securityCounter': 'Compteur de sécurité',
  'firmware.imageHash': "Empreinte de l'image (SHA-256)",
  'firmware.keyHash': 'Empreinte de la clé',
  'firmware.model': 'Modèle de BMS',
  'firmware.hwRevisions': 'Révisions matérielles',
  'firmware.minBootloader': 'Chargeur de démarrage minimal',
  'firmware.safetyCritical': 'Critique pour la sécurité',
  'firmware.notDeclared': 'non déclaré',
  'firmware.yes': 'oui',
  'firmware.no': 'non',

  'verdict.trusted': 'De confiance',
  'verdict.trustedText': "L'empreinte correspond et la signature vient d'une clé de confiance.",
  'verdict.signer': 'Signée par',
  'verdict.fingerprint': 'Empreinte de la clé',
  'verdict.untrusted': 'Clé non reconnue',
  'verdict.untrustedText':
    "L'image est intacte, mais elle est signée par une clé absente de vos clés de confiance. Ne l'installez pas, sauf si vous ajoutez cette clé en connaissance de cause.",
  'verdict.unsigned': 'Non signée',
  'verdict.unsignedText': "L'image n'a pas de signature : son origine ne peut pas être prouvée.",
  'verdict.corrupt': 'Corrompue',
  'verdict.corruptText': 'Un contrôle a échoué ; cette image ne doit pas être installée.',
  'verdict.keysLink': 'Gérer les clés de confiance',

  'keys.title': 'Clés de confiance',
  'keys.intro':
    "Un micrologiciel n'est reconnu que s'il est signé par l'une de ces clés Ed25519. Les clés intégrées sont livrées avec l'application ; celles que vous ajoutez restent dans ce navigateur.",
  'keys.builtIn': 'Intégrées',
  'keys.yours': 'Ajoutées par vous',
  'keys.none': "Vous n'avez ajouté aucune clé.",
  'keys.fingerprint': 'Empreinte',
  'keys.remove': 'Retirer {name}',
  'keys.add': 'Ajouter une clé',
  'keys.name': 'Nom',
  'keys.pem': 'Clé publique (PEM)',
  'keys.pemFile': 'ou choisissez un fichier .pem',
  'keys.save': 'Ajouter la clé',
  'keys.added': 'Clé « {name} » ajoutée.',
  'keys.removed': 'Clé « {name} » retirée.',
  'keys.duplicate': 'Cette clé est déjà reconnue sous le nom « {name} ».',
  'keys.nameMissing': 'Donnez un nom à la clé.',
  'keys.loading': 'Chargement de vos clés…',

  'help.title': 'Aide',
  'help.intro':
    "Chaque problème détecté par l'application a un code, ce qu'il signifie, ce qu'il faut vérifier et ce qu'il faut faire.",
  'help.errors': "Codes d'erreur",
  'help.speed': 'Vitesse de hachage dans ce navigateur',
  'help.speedIntro':
    "Mesure SHA-256 dans le worker d'arrière-plan : WebCrypto, intégré au navigateur, contre la version JavaScript de secours.",
  'help.speedRun': 'Mesurer',
  'help.speedRunning': 'Mesure en cours…',
  'help.speedMethod': 'Méthode',
  'help.speedSize': 'Taille',
  'help.speedRate': 'Vitesse',

  'catalog.title': 'Catalogue de micrologiciels',
  'catalog.forDevice': 'Images faites pour {model}, révision matérielle {rev}.',
  'catalog.allDevices': 'Connectez un appareil pour ne voir que les images faites pour lui.',
  'catalog.unavailable':
    'Le catalogue n\'a pas pu être chargé. Vous pouvez encore choisir un fichier ci-dessus ou une image récemment utilisée.',
  'catalog.loading': 'Chargement du catalogue…',
  'catalog.others': 'Images pour un autre matériel ({count})',
  'catalog.revisions': 'Révisions matérielles',
  'catalog.securityCounter': 'Compteur de sécurité',
  'catalog.size': 'Taille',
  'catalog.released': 'Publiée le',
  'catalog.safetyCritical': 'Critique pour la sécurité',
  'catalog.safetyCriticalText': 'oui : liaisons filaires uniquement (RS485, CAN, USB)',
  'catalog.use': 'Utiliser pour la mise à jour',
  'catalog.opening': 'Téléchargement et vérification…',
  'catalog.chosen': 'Choisie ✔',
  'catalog.offline':
    'Téléchargement impossible : pas de réseau, et cette image n\'a jamais été ouverte dans ce navigateur.',
  'catalog.httpError': 'Téléchargement impossible (le serveur a répondu {status}).',
  'catalog.recent': 'Images récemment utilisées',
  'catalog.recentNone': 'Les images que vous ouvrez sont gardées ici : une mise à jour fonctionne aussi sans réseau.',
  'catalog.lastUsed': 'utilisée le {when}',
  'catalog.useRecent': 'Utiliser {name}',
  'catalog.forget': 'Oublier {name}',
  'catalog.chosenTitle': 'Choisie pour la mise à jour',
  'catalog.chosenText': 'version {version}, signée par {signer}, vérifiée.',
  'catalog.toPreflight': 'Continuer vers les vérifications préalables',
  'catalog.noneChosen':
    'Aucune image choisie pour la mise à jour : prenez-en une du catalogue ou des images récentes, ou choisissez un fichier.',
  // Description de la page Micrologiciel et portée des clés de test (ux)
  'verdict.chosenSubject': '{name} : choisi pour la mise à jour.',
  'verdict.refusedSubject': '{name} : non retenu pour la mise à jour. {reason} ({code})',
  'verdict.testKeyVirtualOnly': 'Signé avec une clé de test publiée : accepté pour le BMS virtuel seulement, refusé sur un port réel.',
  'verdict.testKeyEverywhere': 'Signé avec une clé de test publiée : accepté aussi sur les ports réels, à cause de votre réglage développeur.',
  'keys.builtInIntro':
    "N'importe qui peut signer un firmware avec ces clés de test publiées : sur un vrai BMS, elles ne prouvent rien. On peut les désactiver, pas les supprimer.",
  'keys.testKey': 'Clé de test publiée',
  'keys.appliesTo': "S'applique à",
  'keys.virtualOnly': 'le BMS virtuel seulement',
  'keys.virtualAndReal': 'le BMS virtuel et les ports réels',
  'keys.off': 'rien (désactivée)',
  'keys.trustToggle': 'Faire confiance à {name}',
  'keys.turnedOn': 'Clé « {name} » activée.',
  'keys.turnedOff': 'Clé « {name} » désactivée : aucun appareil ne lui fait plus confiance.',
  'keys.byDevice': "Quelles clés s'appliquent à quel appareil",
  'keys.deviceVirtual': 'BMS virtuel',
  'keys.deviceReal': 'Ports réels (adaptateur USB-série, USB, Bluetooth)',
  'keys.connectedNow': '(connecté)',
  'keys.noKeys': 'aucune clé : toute image est refusée',
  'keys.devSetting':
    "Réglage développeur : faire aussi confiance aux clés de test publiées sur les ports réels (carte de développement seulement, jamais une batterie en service)",
  // Ordre du catalogue et avertissements (ux)
  'catalog.testsTitle': 'Versions de test et de démonstration de pannes ({count})',
  'catalog.testsIntro':
    "Faites pour montrer ce que fait l'outil quand une mise à jour tourne mal (autotest en échec, boucle de démarrage, retour arrière refusé). Jamais pour une batterie en service.",
  'catalog.testBuild': 'Version de test',
  'catalog.resetsSettings': 'Réinitialise les réglages',
  'catalog.resetsSettingsWhy':
    "Les réglages reviennent aux valeurs par défaut au premier démarrage (adresse de bus, identifiant CAN, nom) : la batterie peut ne plus répondre sur son bus tant que vous n'avez pas restauré la sauvegarde.",
  'catalog.needsBootloader': "Demande le chargeur d'amorçage {version}",
  'catalog.needsBootloaderWhy':
    "Le chargeur d'amorçage de cet appareil est en {installed} ; cette version demande {required} ou plus récent, le contrôle préalable la refusera donc.",
  'catalog.confirmCaveat': "Lisez l'avertissement ci-dessus : ne choisissez cette image que si c'est bien celle que vous voulez installer.",
  'catalog.useAnyway': 'La choisir quand même',
  'catalog.cancelChoice': 'Annuler',
  // Cadence de la ligne du BMS virtuel (ux)
  'vbms.unpaced': "Ligne sans cadence : les octets arrivent d'un coup au lieu de suivre le débit en bauds (plus rapide que tout câble réel ; pour les démonstrations rapides)",
  // Aide : fiches pratiques et recherche des erreurs (ux)
  'help.howTos': 'Comment faire',
  'help.search': "Chercher dans les codes d'erreur",
  'help.searchHint': 'un code (BAD_MAGIC) ou des mots (débit, autotest)',
  'help.matches': '{count} code(s) correspondent.',
  'help.noMatch': "Aucun code d'erreur ne correspond à « {query} ».",
  ...frDevice,
  ...frUpdate,
  ...frChecks,
  ...frLog,
  ...frVerdict,
  ...frReport
};
