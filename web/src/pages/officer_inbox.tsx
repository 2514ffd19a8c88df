// /can-bo/ho-so — "Hồ sơ cần xử lý": the dossiers waiting for the signed-in officer or their unit
// (GET /api/v1/inbox), soonest due first. Counts by status as chips, filters (procedure, due soon,
// overdue), a search by code or applicant name (accent-insensitive on the server), pages; each row
// says the due time (dd/mm/yyyy HH:mm) and the working days left, with a visible "Sắp đến hạn" /
// "Quá hạn" tag. The filters are the URL, so the back button and bookmarks work.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiErrorBox } from '../components/api_error_box';
import { DueCell } from '../components/due';
import { Pagination } from '../components/pagination';
import { RequireLogin } from '../components/require_login';
import { TableScroll } from '../components/table_scroll';
import { useI18n } from '../i18n/use_i18n';
import { catalogApi } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import { agencyCodeOf, type User } from '../lib/auth';
import { formatDateTimeDmy } from '../lib/format';
import { useApi } from '../lib/use_api';
import {
  HANDLING_ROLES,
  INBOX_PER_PAGE,
  inboxDossierPath,
  inboxHref,
  inboxQueryString,
  MAX_INBOX_QUERY,
  parseInboxQuery,
  statusChips,
  totalCount,
  workflowLabel,
  workspaceApi,
  type InboxFilters,
  type InboxItem,
} from '../lib/workspace';
import { navigate, useSearch, type PageProps } from '../router';
import { statusClass } from './my_dossiers';

export function OfficerInboxPage({ title }: PageProps) {
  return (
    <RequireLogin kinds={['officer']} roles={HANDLING_ROLES}>
      {(user) => <Inbox title={title} user={user} />}
    </RequireLogin>
  );
}

function Inbox({ title, user }: { title: string; user: User }) {
  const { t } = useI18n();
  const search = useSearch();
  const filters = useMemo(() => parseInboxQuery(search), [search]);
  const key = inboxQueryString(filters);
  const results = useApi((signal) => workspaceApi.inbox(filters, signal), [key]);
  // The counts by status of the whole inbox (the server counts all the caller's work, unfiltered).
  const counts = results.data?.counts;

  const agencyCode = agencyCodeOf(user.agency);
  const agency = useApi(
    (signal) => (agencyCode ? catalogApi.agency(agencyCode, signal) : Promise.resolve(undefined)),
    [agencyCode ?? ''],
  );
  const procedures = agency.data?.procedures_online ?? [];

  // The form's draft, reset whenever the URL changes.
  const [draft, setDraft] = useState<InboxFilters>(filters);
  useEffect(() => setDraft(filters), [key]);
  const apply = (event: Event) => {
    event.preventDefault();
    const href = inboxHref({ ...draft, status: filters.status, page: 1 });
    if (href !== location.pathname + location.search) navigate(href);
  };

  const data = results.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.per_page || INBOX_PER_PAGE))) : 1;
  const filtered = !!(filters.q || filters.procedure || filters.due || filters.status);
  const status = results.loading
    ? t('inbox.loading')
    : results.error
      ? t('inbox.failed')
      : data
        ? data.total === 0
          ? t('inbox.count_none')
          : t('inbox.count', { n: data.total })
        : '';

  return (
    <>
      <p class="back-link-row back-link-row--top">
        <a class="back-link" href="/can-bo">
          {t('inbox.back_to_desk')}
        </a>
      </p>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('inbox.lead')}</p>

      <form class="search-form" role="search" action="/can-bo/ho-so" method="get" onSubmit={apply}>
        <label class="label label--bold" for="inbox-q">
          {t('inbox.search_label')}
        </label>
        <p class="hint" id="inbox-q-hint">
          {t('inbox.search_hint')}
        </p>
        <div class="search-box">
          <input
            class="input search-box__input"
            type="search"
            id="inbox-q"
            name="q"
            value={draft.q}
            maxLength={MAX_INBOX_QUERY}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="inbox-q-hint"
            onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
          <button class="button search-box__button" type="submit">
            {t('inbox.search_button')}
          </button>
        </div>
      </form>

      {counts && (
        <nav class="chips" aria-label={t('inbox.status_nav')}>
          <ul class="chips__list">
            <li>
              <a
                class="chip"
                href={inboxHref({ ...filters, status: '', page: 1 })}
                aria-current={filters.status ? undefined : 'true'}
              >
                {t('inbox.status_all')} <span class="chip__count">{totalCount(counts)}</span>
              </a>
            </li>
            {statusChips(counts).map((chip) => (
              <li key={chip.status}>
                <a
                  class="chip"
                  href={inboxHref({ ...filters, status: chip.status, page: 1 })}
                  aria-current={filters.status === chip.status ? 'true' : undefined}
                >
                  {workflowLabel('state', chip.status, t)} <span class="chip__count">{chip.count}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <form class="inbox-filters" aria-labelledby="inbox-filters-heading" onSubmit={apply}>
        <h2 class="heading-m" id="inbox-filters-heading">
          {t('inbox.filters_heading')}
        </h2>
        <div class="inbox-filters__fields">
          <div class="form-group">
            <label class="label" for="inbox-procedure">
              {t('inbox.filter_procedure')}
            </label>
            <select
              class="select"
              id="inbox-procedure"
              name="procedure"
              value={draft.procedure}
              onChange={(e) => setDraft({ ...draft, procedure: e.currentTarget.value })}
            >
              <option value="">{t('inbox.any_procedure')}</option>
              {procedures.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
              {draft.procedure && !procedures.some((p) => p.code === draft.procedure) && (
                <option value={draft.procedure}>{draft.procedure}</option>
              )}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="inbox-due">
              {t('inbox.filter_due')}
            </label>
            <select
              class="select"
              id="inbox-due"
              name="due"
              value={draft.due}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft({ ...draft, due: v === 'soon' || v === 'overdue' ? v : '' });
              }}
            >
              <option value="">{t('inbox.any_due')}</option>
              <option value="soon">{t('inbox.due_soon')}</option>
              <option value="overdue">{t('inbox.due_overdue')}</option>
            </select>
          </div>
        </div>
        <div class="button-row">
          <button class="button button--secondary" type="submit">
            {t('inbox.apply')}
          </button>
          {filtered && <a href="/can-bo/ho-so">{t('inbox.clear')}</a>}
        </div>
      </form>

      <section aria-labelledby="inbox-results-heading">
        <h2 id="inbox-results-heading" class="visually-hidden">
          {t('inbox.table_label')}
        </h2>
        <p class="result-count" role="status">
          {status}
        </p>
        {results.error && <ApiErrorBox error={results.error} />}
        {!results.error && data && (
          <div aria-busy={results.loading ? 'true' : undefined} class={results.loading ? 'is-loading' : undefined}>
            {data.items.length === 0 ? (
              <p class="empty-state">{filtered ? t('inbox.empty_filtered') : t('inbox.empty')}</p>
            ) : (
              <TableScroll label={t('inbox.table_label')}>
                <table class="table table--stack table--inbox">
                  <caption class="table__caption visually-hidden">{t('inbox.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('inbox.col_code')}</th>
                      <th scope="col">{t('inbox.col_applicant')}</th>
                      <th scope="col">{t('inbox.col_procedure')}</th>
                      <th scope="col">{t('inbox.col_status')}</th>
                      <th scope="col">{t('inbox.col_due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <InboxRow key={item.id} item={item} />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <Pagination
              page={data.page || filters.page}
              pageCount={pageCount}
              hrefFor={(page) => inboxHref({ ...filters, page })}
            />
          </div>
        )}
      </section>
    </>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const { t, locale } = useI18n();
  const label = (locale === 'en' ? item.status_label_en : item.status_label) || workflowLabel('state', item.status, t);
  return (
    <tr>
      <th scope="row">
        <a class="nowrap" href={inboxDossierPath(item.id)}>
          {item.code ?? `#${item.id}`}
        </a>
      </th>
      <td class="inbox__applicant" data-label={t('inbox.col_applicant')}>
        {item.applicant_name ?? ''}
      </td>
      <td class="inbox__procedure" data-label={t('inbox.col_procedure')}>
        {localName(item.procedure, locale)}
      </td>
      <td class="inbox__status" data-label={t('inbox.col_status')}>
        <span>
          <strong class={statusClass(item.status)}>{label}</strong>
          {item.assignee && <span class="hint-inline inbox__assignee">{t('inbox.assignee', { name: item.assignee })}</span>}
        </span>
      </td>
      <td class="inbox__due" data-label={t('inbox.col_due')}>
        <span class="due-block">
          {item.due_at && <span class="nowrap">{formatDateTimeDmy(item.due_at)}</span>}
          <DueCell item={item} />
        </span>
      </td>
    </tr>
  );
}
