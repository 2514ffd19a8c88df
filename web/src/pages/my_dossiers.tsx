// /ho-so-cua-toi — where citizens and businesses land after signing in: their dossiers (drafts to
// resume, submitted ones to follow) with status, code, procedure and dates.
import { RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import type { Locale } from '../i18n';
import { OFFICER_HOME, type User } from '../lib/auth';
import { localName } from '../lib/catalog_format';
import { dossiersApi, paths, type DossierSummary } from '../lib/dossiers';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/use_api';
import { ApiErrorBox } from '../components/api_error_box';
import { Pagination } from '../components/pagination';
import { useSearch, type PageProps } from '../router';

// Dossiers per page of the list; the page is `?trang=N` so every page has its own address.
export const MY_DOSSIERS_PER_PAGE = 20;

export function pageFromSearch(search: string): number {
  const n = Number(new URLSearchParams(search).get('trang'));
  return Number.isInteger(n) && n > 1 ? Math.min(n, 10000) : 1;
}

export function MyDossiersPage({ title }: PageProps) {
  return <RequireLogin>{(user) => <MyDossiers title={title} user={user} />}</RequireLogin>;
}

export function statusLabel(d: { status_label: string; status_label_en: string; status: string }, locale: Locale): string {
  return (locale === 'en' ? d.status_label_en : d.status_label) || d.status;
}

// The colour of a status tag: drafts grey, waiting for the applicant orange, ended red/green.
export function statusClass(status: string): string {
  if (status === 'draft') return 'tag tag--grey';
  if (status === 'awaiting_supplement') return 'tag tag--orange';
  if (['withdrawn', 'refused', 'not_received', 'not_eligible'].includes(status)) return 'tag tag--red';
  if (['issued', 'handled', 'approved', 'returned'].includes(status)) return 'tag tag--green';
  return 'tag tag--pending';
}

function MyDossiers({ title, user }: { title: string; user: User }) {
  const { t, locale } = useI18n();
  const applicant = user.kind !== 'officer';
  const page = pageFromSearch(useSearch());
  const list = useApi(
    (signal) =>
      applicant
        ? dossiersApi.list({ page, per_page: MY_DOSSIERS_PER_PAGE }, signal)
        : Promise.resolve({ items: [], total: 0 }),
    [applicant, page],
  );
  const pageCount = Math.max(1, Math.ceil((list.data?.total ?? 0) / MY_DOSSIERS_PER_PAGE));
  const items = list.data?.items ?? [];
  // A server without the dossiers API (404) simply has none to show.
  const noApi = list.error?.status === 404;
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
      {list.error && !noApi && <ApiErrorBox error={list.error} />}
      {applicant && list.loading && !list.data && (
        <p class="loading" role="status">
          {t('dossier.loading')}
        </p>
      )}
      {applicant && ((list.data && items.length === 0) || noApi) && (
        <section class="empty-state" aria-labelledby="dossiers-empty">
          <h2 id="dossiers-empty" class="heading-l">
            {t('my_dossiers.empty_heading')}
          </h2>
          <p>{t('my_dossiers.empty_text')}</p>
        </section>
      )}
      {items.length > 0 && (
        <section aria-labelledby="dossiers-list">
          <h2 id="dossiers-list" class="heading-l">
            {t('my_dossiers.list_heading', { n: list.data?.total ?? items.length })}
          </h2>
          <table class="table table--stack dossier-table">
              <caption class="visually-hidden">{t('my_dossiers.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('my_dossiers.col_code')}</th>
                  <th scope="col">{t('my_dossiers.col_procedure')}</th>
                  <th scope="col">{t('my_dossiers.col_status')}</th>
                  <th scope="col">{t('my_dossiers.col_date')}</th>
                  <th scope="col">{t('my_dossiers.col_due')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <DossierRow key={d.id} d={d} locale={locale} />
                ))}
              </tbody>
          </table>
          <Pagination page={page} pageCount={pageCount} hrefFor={(n) => (n > 1 ? `/ho-so-cua-toi?trang=${n}` : '/ho-so-cua-toi')} />
        </section>
      )}
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

function DossierRow({ d, locale }: { d: DossierSummary; locale: Locale }) {
  const { t } = useI18n();
  const draft = d.status === 'draft';
  return (
    <tr>
      <td data-label={t('my_dossiers.col_code')} class="table__main">
        {draft ? (
          <a href={paths.section(d.id, 1)}>
            {t('my_dossiers.resume_draft')}
            <span class="visually-hidden"> {localName(d.procedure, locale)}</span>
          </a>
        ) : (
          <a href={paths.dossier(d.id)} class="nowrap">
            {d.code}
          </a>
        )}
      </td>
      <td data-label={t('my_dossiers.col_procedure')} class="dossier-table__procedure">
        {localName(d.procedure, locale)}
        <div class="hint-inline">{localName(d.agency, locale)}</div>
      </td>
      <td data-label={t('my_dossiers.col_status')} class="dossier-table__status">
        <strong class={statusClass(d.status)}>{statusLabel(d, locale)}</strong>
      </td>
      <td data-label={t('my_dossiers.col_date')} class="nowrap">
        {draft ? t('my_dossiers.saved_on', { date: formatDate(d.updated_at) }) : formatDate(d.submitted_at)}
      </td>
      <td data-label={t('my_dossiers.col_due')} class="nowrap">
        {formatDate(d.due_at) || '—'}
      </td>
    </tr>
  );
}
