// /can-bo — "Bàn làm việc", where officers land after signing in: who they are (agency, unit,
// roles) and links by role: the dossiers waiting for them (with counts: by status, due soon,
// overdue) for the roles that handle dossiers, user management for an agency's IT officer and the
// city admin, the rollout page for the city admin.
import { RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import { hasRole, localRefName, roleLabel, type User } from '../lib/auth';
import { useApi } from '../lib/use_api';
import {
  EMPTY_INBOX_FILTERS,
  HANDLING_ROLES,
  INBOX_PATH,
  inboxHref,
  statusChips,
  totalCount,
  workflowLabel,
  workspaceApi,
} from '../lib/workspace';
import type { PageProps } from '../router';

export function OfficerDeskPage({ title }: PageProps) {
  return <RequireLogin kinds={['officer']}>{(user) => <OfficerDesk title={title} user={user} />}</RequireLogin>;
}

interface Task {
  href: string;
  label: string;
  text: string;
}

function OfficerDesk({ title, user }: { title: string; user: User }) {
  const { t, locale } = useI18n();
  const cityAdmin = hasRole(user, 'city_admin');
  const tasks: Task[] = [];
  if (cityAdmin || hasRole(user, 'agency_it')) {
    tasks.push({ href: '/quan-tri/can-bo', label: t('desk.users_link'), text: t('desk.users_text') });
  }
  if (cityAdmin) {
    tasks.push({ href: '/quan-tri/trien-khai', label: t('desk.rollout_link'), text: t('desk.rollout_text') });
  }
  tasks.push({ href: '/thu-tuc', label: t('desk.catalog_link'), text: t('desk.catalog_text') });
  tasks.push({ href: '/tai-khoan', label: t('desk.account_link'), text: t('desk.account_text') });
  const roles = [...new Set(user.roles.map((grant) => roleLabel(grant, locale)))];

  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('desk.greeting', { name: user.full_name || user.username })}</p>

      <section aria-labelledby="desk-details">
        <h2 id="desk-details" class="heading-l">
          {t('desk.details_heading')}
        </h2>
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('account.agency')}</dt>
            <dd class="summary-list__value">{user.agency ? localRefName(user.agency, locale) : t('desk.all_city')}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('account.unit')}</dt>
            <dd class="summary-list__value">{user.unit ? localRefName(user.unit, locale) : t('desk.no_unit')}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('account.roles')}</dt>
            <dd class="summary-list__value">
              {roles.length === 1 ? (
                roles[0]
              ) : (
                <ul class="plain-list">
                  {roles.map((role) => (
                    <li key={role}>{role}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="desk-tasks">
        <h2 id="desk-tasks" class="heading-l">
          {t('desk.tasks_heading')}
        </h2>
        {hasRole(user, ...HANDLING_ROLES) && <InboxCard />}
        <ul class="task-list task-list--desk">
          {tasks.map((task) => (
            <li key={task.href} class="task-card">
              <h3 class="heading-m">
                <a href={task.href}>{task.label}</a>
              </h3>
              <p>{task.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

// "Hồ sơ cần xử lý": how many dossiers wait, by status, and how many are due soon or overdue.
function InboxCard() {
  const { t } = useI18n();
  const counts = useApi(async (signal) => {
    const [all, soon, overdue] = await Promise.all([
      workspaceApi.inbox({ ...EMPTY_INBOX_FILTERS }, signal),
      workspaceApi.inbox({ ...EMPTY_INBOX_FILTERS, due: 'soon' }, signal),
      workspaceApi.inbox({ ...EMPTY_INBOX_FILTERS, due: 'overdue' }, signal),
    ]);
    return { counts: all.counts, soon: soon.total, overdue: overdue.total };
  }, []);
  const data = counts.data;
  const total = data ? totalCount(data.counts) : 0;
  return (
    <div class="task-card task-card--inbox">
      <h3 class="heading-m">
        <a href={INBOX_PATH}>{t('desk.inbox_link')}</a>
      </h3>
      <p>{t('desk.inbox_text')}</p>
      {counts.error && <p>{t('desk.inbox_failed')}</p>}
      {data && (
        <>
          <p class="desk-count" data-testid="desk-inbox-count">
            <strong>{total > 0 ? t('desk.inbox_count', { n: total }) : t('desk.inbox_none')}</strong>
            {data.overdue > 0 && (
              <>
                {' '}
                <a class="tag tag--red" href={inboxHref({ due: 'overdue' })}>
                  {t('desk.inbox_overdue', { n: data.overdue })}
                </a>
              </>
            )}
            {data.soon > 0 && (
              <>
                {' '}
                <a class="tag tag--orange" href={inboxHref({ due: 'soon' })}>
                  {t('desk.inbox_soon', { n: data.soon })}
                </a>
              </>
            )}
          </p>
          {total > 0 && (
            <ul class="link-list" aria-label={t('desk.inbox_by_status')}>
              {statusChips(data.counts).map((chip) => (
                <li key={chip.status}>
                  <a href={inboxHref({ status: chip.status })}>
                    {workflowLabel('state', chip.status, t)}: {chip.count}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
