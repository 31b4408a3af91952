/**
 * docs/troubleshooting.md, generated from the error registry and the text catalogs (R21, R23) so the help page, the CLI
 * and the document can never disagree. Regenerate with:
 *   npx tsx -e "import('./troubleshooting-doc.ts').then((m) => process.stdout.write(m.troubleshootingMarkdown()))" > docs/troubleshooting.md
 */
import { ERROR_CODES, rootCauseOf, type RootCause } from '../error-registry';
import { describeError, translate, type Lang } from '../../i18n/translate';

const DOMAINS = [
  ['UPDATE_', 'Update procedure', 'Procédure de mise à jour'],
  ['IMAGE_', 'Firmware package', 'Paquet de micrologiciel'],
  ['LINK_', 'Link (port, cable, line)', 'Liaison (port, câble, ligne)'],
  ['SMP_', 'Management protocol (SMP)', 'Protocole de gestion (SMP)'],
  ['THINGSET_', 'ThingSet protocol (LibreSolar)', 'Protocole ThingSet (LibreSolar)'],
  ['JBD_', 'JBD / Xiaoxiang protocol', 'Protocole JBD / Xiaoxiang'],
  ['MODBUS_', 'Modbus RTU', 'Modbus RTU'],
  ['JK_', 'JK BMS', 'BMS JK'],
  ['DALY_', 'Daly BMS', 'BMS Daly'],
  ['DEVICE_', 'Virtual BMS', 'BMS virtuel'],
  ['CAN_', 'CAN bus', 'Bus CAN'],
  ['SLCAN_', 'USB-CAN adapter (SLCAN)', 'Adaptateur USB-CAN (SLCAN)'],
  ['ISOTP_', 'ISO-TP over CAN', 'ISO-TP sur CAN'],
  ['FOXBMS_', 'foxBMS 2 bootloader', 'Chargeur de démarrage foxBMS 2'],
  ['RS485_', 'RS485 bank', 'Banc RS485'],
  ['', 'General', 'Général']
] as const;

const CAUSES: RootCause[] = ['binary', 'firmware', 'hardware', 'power', 'procedure'];
const causeName = (cause: RootCause, lang: Lang) => translate(lang, `rootCause.${cause}.name`);

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function domainOf(code: string): (typeof DOMAINS)[number] {
  return DOMAINS.find(([prefix]) => prefix !== '' && code.startsWith(prefix)) ?? DOMAINS[DOMAINS.length - 1];
}

function tables(lang: Lang): string[] {
  const codes = Object.keys(ERROR_CODES).sort();
  const head = lang === 'en' ? '| code | what happened | diagnosis | fix | look first at |' : '| code | ce qui s’est passé | diagnostic | solution | chercher d’abord |';
  return DOMAINS.flatMap((domain) => {
    const mine = codes.filter((c) => domainOf(c) === domain);
    if (mine.length === 0) return [];
    const rows = mine.map((code) => {
      const t = describeError(code, lang);
      return `| \`${code}\` | ${cell(t.summary)} | ${cell(t.diagnosis)} | ${cell(t.fix)} | ${causeName(rootCauseOf(code), lang)} |`;
    });
    return [`### ${lang === 'en' ? domain[1] : domain[2]}`, '', head, '|---|---|---|---|---|', ...rows, ''];
  });
}

export function troubleshootingMarkdown(): string {
  const causes = (lang: Lang) => CAUSES.map((c) => `- **${causeName(c, lang)}**: ${translate(lang, `rootCause.${c}`)}`);
  return [
    '# Troubleshooting / Dépannage',
    '',
    '<!-- Generated from src/lib/core/error-registry.ts and src/lib/i18n by src/lib/core/report/troubleshooting-doc.ts: do not edit by hand. -->',
    '',
    'Every error the tool reports has a stable code, a diagnosis and a fix, shown in the app, the CLI and',
    'the update report. This page lists them all. The three common failures of the field procedure (R21):',
    '',
    '| failure | code | diagnosis | fix |',
    '|---|---|---|---|',
    '| authentication rejected | `UPDATE_AUTH_REJECTED` | check the certificate / key chain | re-download the firmware from a trusted source |',
    '| boot loop after update | `UPDATE_BOOT_LOOP` | check the hardware compatibility matrix | revert to the last stable version (automatic, proven in the report) |',
    '| transfer timeout | `UPDATE_TRANSFER_TIMEOUT` | test baud-rate alignment | replace the communication cables |',
    '',
    'Keep the configuration backups at hand (R23): every update saves one first, and `bms-flasher restore`',
    'or the Backups page puts it back. If the device is stuck in its bootloader, use recovery mode over a',
    'wired link to reinstall the last stable version before retrying (R22).',
    '',
    '## Where to look first (R23)',
    '',
    ...causes('en'),
    '',
    '## Error codes',
    '',
    ...tables('en'),
    '## Codes d’erreur (français)',
    '',
    ...causes('fr'),
    '',
    ...tables('fr')
  ].join('\n');
}
