import { fail } from '../../errors';
import { checklistItem, reviewChecklist } from '../checklist';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** R04, R05: the operator's confirmations of what the tool cannot measure, recorded for the report. */
export async function checklist(ctx: UpdateContext): Promise<void> {
  const { records, missing } = reviewChecklist(ctx.answers);
  ctx.checklist = records;
  ctx.emit({ phase: 'checklist', checklist: records });
  for (const r of records) ctx.log(r.confirmed ? 'info' : 'error', text(r.confirmed ? 'log.checklistItem' : 'log.checklistItemMissing', { item: text(checklistItem(r.id).text) }));
  if (missing.length > 0) fail('UPDATE_CHECKLIST_INCOMPLETE', `not confirmed: ${missing.join(', ')}`);
  ctx.log('info', text('log.checklistBy', { operator: ctx.answers!.operator, at: ctx.answers!.at }));
}
