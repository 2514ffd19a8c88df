// /ho-so-cua-toi — where citizens and businesses land after signing in. Their dossiers will be
// listed here once online submission exists; until then it says so and points to the catalog.
import { RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import { OFFICER_HOME, type User } from '../lib/auth';
import type { PageProps } from '../router';

export function MyDossiersPage({ title }: PageProps) {
  return <RequireLogin>{(user) => <MyDossiers title={title} user={user} />}</RequireLogin>;
}

function MyDossiers({ title, user }: { title: string; user: User }) {
  const { t } = useI18n();
  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('my_dossiers.greeting', { name: user.full_name || user.username })}</p>
      {user.kind === 'officer' && (
        <div class="inset inset--top">
          <p>
            {t('my_dossiers.officer_note')} <a href={OFFICER_HOME}>{t('desk.title')}</a>
          </p>
        </div>
      )}
      <section class="empty-state" aria-labelledby="dossiers-empty">
        <h2 id="dossiers-empty" class="heading-l">
          {t('my_dossiers.empty_heading')}
        </h2>
        <p>{t('my_dossiers.empty_text')}</p>
      </section>
      <section aria-labelledby="dossiers-start">
        <h2 id="dossiers-start" class="heading-l">
          {t('my_dossiers.start_heading')}
        </h2>
        <p>{t('my_dossiers.start_text')}</p>
        <p>
          <a class="button" href="/thu-tuc">
            {t('my_dossiers.catalog_link')}
          </a>
        </p>
        <ul class="link-list">
          <li>
            <a href="/tra-cuu">{t('my_dossiers.lookup_link')}</a>
          </li>
          <li>
            <a href="/tai-khoan">{t('my_dossiers.account_link')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
