import { enDevice } from './device';
import { enUpdate } from './update';
import { enChecks } from './checks';
import { enLog } from './log';
import { enVerdict } from './verdict';
import { enReport } from './report';

/**
 * English user text. Keys are grouped by page (the shell and small pages here; the device and update
 * flows in device.ts and update.ts); `{name}` placeholders are filled by `t(key, params)`.
 * fr/messages.ts must define exactly the same keys (its type is derived from this object).
 */
export const en = {
  'app.name': 'BMS Flasher',
  'app.tagline': 'Safe firmware updates for smart battery management systems.',

  'nav.label': 'Main',
  'nav.skip': 'Skip to content',
  'nav.firmware': 'Firmware',
  'nav.keys': 'Keys',
  'nav.help': 'Help',

  'lang.label': 'Language',

  'error.code': 'Error code',
  'error.detail': 'Detail',
  'error.diagnosis': 'Diagnosis',
  'error.fix': 'What to do',

  'rootCause.binary': 'The binary: check the package signature, its key chain and its compatibility matrix.',
  'rootCause.firmware':
    'The firmware: the new image reached the device and runs, but misbehaves on this board. Look first at the image itself (its release notes and known issues for this hardware, the self-test detail) and report it to the firmware vendor; the cables are not the cause.',
  'rootCause.hardware': 'The hardware: run the interface diagnostics (link test), check cables, wiring and the device.',
  'rootCause.power': 'The power: watch the supply readings and the state of charge during the transfer; use a stable source.',
  'rootCause.procedure': 'The procedure: a condition of the site or of the operation; follow the fix.',
  'rootCause.binary.name': 'binary',
  'rootCause.firmware.name': 'firmware',
  'rootCause.hardware.name': 'hardware',
  'rootCause.power.name': 'power',
  'rootCause.procedure.name': 'procedure',

  'home.intro':
    'Check a firmware image before it goes near a battery: its hash, its signature and the hardware it is built for. Everything runs in this browser, also offline once loaded.',
  'home.start': 'Check a firmware image',
  'home.keys': 'Manage trusted keys',

  'nav.connect': 'Connect',
  'nav.device': 'Device',
  'nav.backups': 'Backups',
  'nav.reports': 'Reports',

  'home.newcomer': 'New here? Try everything on the Virtual BMS: a simulated battery controller that runs in this browser, no hardware needed.',
  'home.connect': 'Connect to a BMS',

  'firmware.title': 'Firmware',
  'firmware.intro':
    'Pick or drop an MCUboot image. Its hash and its Ed25519 signature are checked against your trusted keys before anything else.',
  'firmware.pick': 'Firmware image file',
  'firmware.drop': 'or drop the file here',
  'firmware.reading': 'Reading {name}…',
  'firmware.verifying': 'Verifying {name}…',
  'firmware.progress': 'Hashed {done} of {total}',
  'firmware.details': 'Image details',
  'firmware.file': 'File',
  'firmware.version': 'Version',
  'firmware.size': 'Image size',
  'firmware.fileSize': 'File size',
  'firmware.securityCounter': 'Security counter',
  'firmware.imageHash': 'Image hash (SHA-256)',
  'firmware.keyHash': 'Key hash',
  'firmware.model': 'BMS model',
  'firmware.hwRevisions': 'Hardware revisions',
  'firmware.minBootloader': 'Minimum bootloader',
  'firmware.safetyCritical': 'Safety-critical',
  'firmware.notDeclared': 'not declared',
  'firmware.yes': 'yes',
  'firmware.no': 'no',

  'verdict.trusted': 'Trusted',
  'verdict.trustedText': 'The hash matches and the signature comes from a trusted key.',
  'verdict.signer': 'Signed by',
  'verdict.fingerprint': 'Key fingerprint',
  'verdict.untrusted': 'Untrusted key',
  'verdict.untrustedText':
    'The image is intact, but it is signed by a key that is not in your trusted keys. Do not install it unless you add that key on purpose.',
  'verdict.unsigned': 'Unsigned',
  'verdict.unsignedText': 'The image has no signature, so its origin cannot be proven.',
  'verdict.corrupt': 'Corrupt',
  'verdict.corruptText': 'A check failed; this image must not be installed.',
  'verdict.keysLink': 'Manage trusted keys',

  'keys.title': 'Trusted keys',
  'keys.intro':
    'Firmware is trusted only when it is signed by one of these Ed25519 keys. Built-in keys ship with the app; the keys you add are kept in this browser.',
  'keys.builtIn': 'Built-in',
  'keys.yours': 'Added by you',
  'keys.none': 'You have not added any key.',
  'keys.fingerprint': 'Fingerprint',
  'keys.remove': 'Remove {name}',
  'keys.add': 'Add a key',
  'keys.name': 'Name',
  'keys.pem': 'Public key (PEM)',
  'keys.pemFile': 'or pick a .pem file',
  'keys.save': 'Add key',
  'keys.added': 'Key "{name}" added.',
  'keys.removed': 'Key "{name}" removed.',
  'keys.duplicate': 'This key is already trusted as "{name}".',
  'keys.nameMissing': 'Give the key a name.',
  'keys.loading': 'Loading your keys…',

  'help.title': 'Help',
  'help.intro': 'Each problem the app detects has a code, what it means, what to check and what to do.',
  'help.errors': 'Error codes',
  'help.speed': 'Hashing speed in this browser',
  'help.speedIntro':
    'Measures SHA-256 in the background worker: the browser’s built-in WebCrypto against the JavaScript fallback.',
  'help.speedRun': 'Measure',
  'help.speedRunning': 'Measuring…',
  'help.speedMethod': 'Method',
  'help.speedSize': 'Size',
  'help.speedRate': 'Speed',

  'catalog.title': 'Firmware catalog',
  'catalog.forDevice': 'Images made for {model}, hardware revision {rev}.',
  'catalog.allDevices': 'Connect a device to see only the images made for it.',
  'catalog.unavailable':
    'The catalog could not be loaded. You can still pick a file above or use a recently used image.',
  'catalog.loading': 'Loading the catalog…',
  'catalog.others': 'Images for other hardware ({count})',
  'catalog.revisions': 'Hardware revisions',
  'catalog.securityCounter': 'Security counter',
  'catalog.size': 'Size',
  'catalog.released': 'Released',
  'catalog.safetyCritical': 'Safety-critical',
  'catalog.safetyCriticalText': 'yes: wired links only (RS485, CAN, USB)',
  'catalog.use': 'Use for the update',
  'catalog.opening': 'Downloading and verifying…',
  'catalog.chosen': 'Chosen ✔',
  'catalog.offline': 'Could not download it: there is no network and this image was never opened in this browser.',
  'catalog.httpError': 'Could not download it (the server answered {status}).',
  'catalog.recent': 'Recently used images',
  'catalog.recentNone': 'Images you open are kept here, so an update also works without network.',
  'catalog.lastUsed': 'used {when}',
  'catalog.useRecent': 'Use {name}',
  'catalog.forget': 'Forget {name}',
  'catalog.chosenTitle': 'Chosen for the update',
  'catalog.chosenText': 'version {version}, signed by {signer}, verified.',
  'catalog.toPreflight': 'Continue to the pre-flight checks',
  'catalog.noneChosen':
    'No image chosen for the update yet: use one from the catalog or the recently used ones, or pick a file.',
  // Firmware page description and trust scope of the test keys (ux)
  'verdict.chosenSubject': '{name}: chosen for the update.',
  'verdict.refusedSubject': '{name}: not chosen for the update. {reason} ({code})',
  'verdict.testKeyVirtualOnly': 'Signed with a published test key: accepted for the Virtual BMS only, refused on a real port.',
  'verdict.testKeyEverywhere': 'Signed with a published test key: accepted on real ports too, because of your developer setting.',
  'keys.builtInIntro':
    'Anyone can sign firmware with these published test keys, so on a real BMS they prove nothing. They can be turned off, not removed.',
  'keys.testKey': 'Published test key',
  'keys.appliesTo': 'Applies to',
  'keys.virtualOnly': 'the Virtual BMS only',
  'keys.virtualAndReal': 'the Virtual BMS and real ports',
  'keys.off': 'nothing (turned off)',
  'keys.trustToggle': 'Trust {name}',
  'keys.turnedOn': 'Key "{name}" turned on.',
  'keys.turnedOff': 'Key "{name}" turned off: no device trusts it now.',
  'keys.byDevice': 'Which keys apply to which device',
  'keys.deviceVirtual': 'Virtual BMS',
  'keys.deviceReal': 'Real ports (USB-serial, USB, Bluetooth)',
  'keys.connectedNow': '(connected now)',
  'keys.noKeys': 'no key: every image is refused',
  'keys.devSetting':
    'Developer setting: also trust the published test keys on real ports (a development board only, never a pack in service)',
  // Catalog order and warnings (ux)
  'catalog.testsTitle': 'Test and fault-demonstration builds ({count})',
  'catalog.testsIntro':
    'Built to show what the tool does when an update goes wrong (failed self-test, boot loop, refused downgrade). Never for a pack in service.',
  'catalog.testBuild': 'Test build',
  'catalog.resetsSettings': 'Resets the settings',
  'catalog.resetsSettingsWhy':
    'The settings return to their defaults at first start (bus address, CAN id, name): the pack may no longer answer on its bus until you restore the backup.',
  'catalog.needsBootloader': 'Needs bootloader {version}',
  'catalog.needsBootloaderWhy':
    'This device’s bootloader is {installed}; this release needs {required} or newer, so the pre-flight will refuse it.',
  'catalog.confirmCaveat': 'Read the warning above: choose this image only if that is what you mean to install.',
  'catalog.useAnyway': 'Use it anyway',
  'catalog.cancelChoice': 'Cancel',
  // Virtual BMS line timing (ux)
  'vbms.unpaced': 'Unpaced line: bytes arrive at once instead of at the baud rate (faster than any real cable; for quick demos)',
  // Help: how-tos and error search (ux)
  'help.howTos': 'How to',
  'help.search': 'Search the error codes',
  'help.searchHint': 'a code (BAD_MAGIC) or words (baud, self-test)',
  'help.matches': '{count} code(s) match.',
  'help.noMatch': 'No error code matches "{query}".',
  ...enDevice,
  ...enUpdate,
  ...enChecks,
  ...enLog,
  ...enVerdict,
  ...enReport
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
