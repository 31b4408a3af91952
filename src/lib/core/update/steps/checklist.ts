import { fail } from '../../errors';
import { checklistItem, checklistItems, reviewChecklist } from '../checklist';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/**
 * R04, R05: the operator's confirmations of what the tool cannot measure, recorded for the report; R14 on
 * a device without an authenticated session: the operator's explicit acknowledgement of it.
 */
export async function checklist(ctx: UpdateContext): Promise<void> {
  const { records, missing } = reviewChecklist(ctx.answers, checklistItems({ auth: ctx.session.auth !== undefined }));
  ctx.checklist = records;
  ctx.emit({ phase: 'checklist', checklist: records });
  for (const r of records) ctx.log(r.confirmed ? 'info' : 'error', text(r.confirmed ? 'log.checklistItem' : 'log.checklistItemMissing', { item: text(checklistItem(r.id).text) }));
  if (missing.includes('no-authentication')) {
    const others = missing.filter((id) => id !== 'no-authentication');
    fail('UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED', `${ctx.session.family.label} has no authenticated maintenance session${others.length ? `; also not confirmed: ${others.join(', ')}` : ''}`);
  }
  if (missing.length > 0) fail('UPDATE_CHECKLIST_INCOMPLETE', `not confirmed: ${missing.join(', ')}`);
  ctx.log('info', text('log.checklistBy', { operator: ctx.answers!.operator, at: ctx.answers!.at }));
}
