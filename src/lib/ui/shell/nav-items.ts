import type { MessageKey } from '../../i18n/translate';

/** Pages in the main navigation, in the order of the procedure. Add a line when a page exists. */
export const NAV_ITEMS: readonly { path: string; label: MessageKey }[] = [
  { path: '/connect/', label: 'nav.connect' },
  { path: '/device/', label: 'nav.device' },
  { path: '/firmware/', label: 'nav.firmware' },
  { path: '/backups/', label: 'nav.backups' },
  { path: '/reports/', label: 'nav.reports' },
  { path: '/keys/', label: 'nav.keys' },
  { path: '/help/', label: 'nav.help' }
];
