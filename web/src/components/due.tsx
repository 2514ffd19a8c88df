// The time left on a dossier: "Còn 3,5 ngày làm việc" and, when it matters, a visible tag
// "Sắp đến hạn" (orange) or "Quá hạn" (red) — plain text, so screen readers read it as it is shown.
import { useI18n } from '../i18n/use_i18n';
import type { MessageKey } from '../i18n';
import { daysLeft, dueFlagOf, type WorkflowFields } from '../lib/workspace';

export function DueCell({ item }: { item: Pick<WorkflowFields, 'working_days_left' | 'paused' | 'due_flag'> }) {
  const { t, locale } = useI18n();
  const flag = dueFlagOf(item);
  const left = daysLeft(item, locale);
  return (
    <span class="due">
      {flag && <strong class={`tag ${flag === 'overdue' ? 'tag--red' : 'tag--orange'} due__flag`}>{t(`due.${flag}`)}</strong>}
      <span class="due__days">{t(`days.${left.kind}` as MessageKey, { days: left.days })}</span>
    </span>
  );
}
