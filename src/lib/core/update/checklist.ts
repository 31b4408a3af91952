/**
 * What the tool cannot measure and the operator confirms on site (R04), plus the choice of physical
 * interface (R05). The answers go into the update report with their time (R27).
 */
import { translate, type MessageKey } from '../../i18n/translate';

export type ChecklistItemId = 'no-flammables' | 'reliable-power' | 'interface-suits-site' | 'no-authentication';

export interface ChecklistItem {
  id: ChecklistItemId;
  requirement: string;
  /** the sentence the operator confirms (i18n/<lang>/update.ts) */
  text: MessageKey;
}

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  { id: 'no-flammables', requirement: 'R04', text: 'checklist.noFlammables' },
  { id: 'reliable-power', requirement: 'R04', text: 'checklist.reliablePower' },
  { id: 'interface-suits-site', requirement: 'R05', text: 'checklist.interfaceSuitsSite' }
];

/**
 * R14 on a device without an authenticated maintenance session (stock mcumgr): the tool cannot prove who
 * writes, so the operator acknowledges it explicitly; the report keeps the acknowledgement.
 */
export const NO_AUTHENTICATION_ITEM: ChecklistItem = { id: 'no-authentication', requirement: 'R14', text: 'checklist.noAuthentication' };

/** The items a device needs: the site checklist, plus the acknowledgement where nobody is authenticated. */
export function checklistItems(device: { auth: boolean } = { auth: true }): readonly ChecklistItem[] {
  return device.auth ? CHECKLIST_ITEMS : [...CHECKLIST_ITEMS, NO_AUTHENTICATION_ITEM];
}

/** The operator's answers: which items were confirmed, by whom, and when. */
export interface ChecklistAnswers {
  operator: string;
  confirmed: ChecklistItemId[];
  /** ISO 8601 time the operator confirmed */
  at: string;
}

export interface ChecklistRecord {
  id: ChecklistItemId;
  requirement: string;
  text: string;
  confirmed: boolean;
}

export const checklistItem = (id: ChecklistItemId): ChecklistItem => checklistItems({ auth: false }).find((item) => item.id === id)!;

/** The checklist as recorded in the report; `missing` lists the unconfirmed items. */
export function reviewChecklist(
  answers: ChecklistAnswers | undefined,
  items: readonly ChecklistItem[] = CHECKLIST_ITEMS
): { records: ChecklistRecord[]; missing: ChecklistItemId[] } {
  const confirmed = new Set(answers?.confirmed ?? []);
  const records = items.map((item) => ({
    id: item.id,
    requirement: item.requirement,
    text: translate('en', item.text),
    confirmed: confirmed.has(item.id)
  }));
  return { records, missing: records.filter((r) => !r.confirmed).map((r) => r.id) };
}

/** R05: which interface to use and why, for the UI's interface picker and the docs. */
export const INTERFACE_ADVICE = {
  rs485: {
    en: 'RS485: industrial multi-node systems, 10–100 kbit/s, up to 1.2 km, isolated; physical access control.',
    fr: "RS485 : systèmes industriels multi-nœuds, 10–100 kbit/s, jusqu'à 1,2 km, isolé ; contrôle d'accès physique."
  },
  can: {
    en: 'CAN bus: vehicle integration, about 1 Mbit/s, built-in error detection and deterministic error handling.',
    fr: 'Bus CAN : intégration véhicule, environ 1 Mbit/s, détection d’erreurs intégrée et gestion déterministe des erreurs.'
  },
  usb: {
    en: 'USB: lab work and emergency single-unit recovery when the network is not available; air-gapped.',
    fr: "USB : laboratoire et récupération d'urgence d'un seul appareil quand le réseau n'est pas disponible ; isolé du réseau."
  }
} as const;
