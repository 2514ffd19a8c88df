// /can-bo — "Bàn làm việc", where officers land after signing in: who they are (agency, unit,
// roles) and links by role: user management for an agency's IT officer and the city admin, the
// rollout page for the city admin. Their dossier queues arrive with a later release.
import { RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import { hasRole, localRefName, roleLabel, type User } from '../lib/auth';
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
        <div class="inset">
          <p>{t('desk.dossiers_soon')}</p>
        </div>
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
