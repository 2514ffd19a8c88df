// /thu-tuc — the procedure catalog: a search box, filters (agency, field, level, tier), the number
// found (announced to screen readers), the results and page links. The search and filters live in
// the URL's query string, so results can be shared and the back button goes to the previous search.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ApiErrorBox } from '../components/api_error_box';
import { Pagination } from '../components/pagination';
import { useI18n } from '../i18n/use_i18n';
import { catalogApi, type Agency, type Field, type ProcedureSummary } from '../lib/catalog';
import {
  feeText,
  levelText,
  localName,
  PROCEDURE_TIERS,
  processingTimeText,
  resultCountText,
  tierName,
} from '../lib/catalog_format';
import {
  catalogHref,
  catalogQueryString,
  hasFilters,
  parseCatalogQuery,
  PER_PAGE,
  proceduresApiQuery,
  type CatalogFilters,
} from '../lib/catalog_query';
import { useApi } from '../lib/use_api';
import { navigate, useSearch, type PageProps } from '../router';

interface FilterOptions {
  fields: Field[];
  departments: Agency[];
  districts: Agency[];
}

// The choices for the filters; a list that fails to load leaves its select with "all" only.
async function loadFilterOptions(signal: AbortSignal): Promise<FilterOptions> {
  const orEmpty = <T,>(promise: Promise<{ items: T[] }>) => promise.then((r) => r.items ?? []).catch(() => [] as T[]);
  const [fields, departments, districts] = await Promise.all([
    orEmpty(catalogApi.fields(signal)),
    orEmpty(catalogApi.agencies({ tier: 'department' }, signal)),
    orEmpty(catalogApi.agencies({ tier: 'district' }, signal)),
  ]);
  return { fields, departments, districts };
}

const LEVEL_CHOICES = [2, 3, 4] as const;

export function CatalogPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const filters = useMemo(() => parseCatalogQuery(search), [search]);
  const key = catalogQueryString(filters);
  const results = useApi((signal) => catalogApi.procedures(proceduresApiQuery(filters), signal), [key]);
  const options = useApi(loadFilterOptions, []);

  // What the person is choosing; applied (written to the URL) on submit. A draft belongs to the
  // URL it was made on: after the back button (a new URL) the form shows that URL's filters.
  // Any change of URL drops an unapplied draft, so coming back to a URL never revives one.
  const [edit, setEdit] = useState<{ key: string; draft: CatalogFilters } | null>(null);
  useEffect(() => {
    setEdit((current) => (current && current.key !== key ? null : current));
  }, [key]);
  const draft = edit && edit.key === key ? edit.draft : filters;
  const setDraft = (next: CatalogFilters) => setEdit({ key, draft: next });

  const apply = (event: Event) => {
    event.preventDefault();
    const href = catalogHref({ ...draft, page: 1 });
    if (href !== location.pathname + location.search) navigate(href);
  };
  const set =
    (name: keyof Omit<CatalogFilters, 'page'>) =>
    (event: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [name]: event.currentTarget.value });

  // Folded on a phone (results first), open on a wider screen or when a filter is set.
  const activeFilters = [filters.agency, filters.field, filters.level, filters.tier].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilters > 0 || isWideScreen());

  const data = results.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.per_page || PER_PAGE))) : 1;
  const status = results.loading
    ? t('catalog.loading')
    : results.error
      ? t('catalog.failed')
      : data
        ? resultCountText(data.total, locale)
        : '';

  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('catalog.lead')}</p>

      <form class="search-form" role="search" action="/thu-tuc" method="get" onSubmit={apply}>
        <label class="label label--bold" for="catalog-q">
          {t('catalog.search_label')}
        </label>
        <p class="hint" id="catalog-q-hint">
          {t('catalog.search_hint')}
        </p>
        <div class="search-box">
          <input
            class="input search-box__input"
            type="search"
            id="catalog-q"
            name="q"
            value={draft.q}
            maxLength={200}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="catalog-q-hint"
            onInput={set('q')}
          />
          <button class="button search-box__button" type="submit">
            {t('catalog.search_button')}
          </button>
        </div>
      </form>

      <div class="catalog">
        <form class="catalog__filters" aria-labelledby="filters-heading" onSubmit={apply}>
          <details class="filters" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
            <summary class="filters__summary">
              <h2 id="filters-heading" class="heading-m filters__title">
                {t('catalog.filters_heading')}
              </h2>
              {activeFilters > 0 && (
                <span class="filters__count">{t('catalog.filters_active', { n: activeFilters })}</span>
              )}
            </summary>
            <div class="form-group">
              <label class="label" for="filter-agency">
                {t('catalog.filter_agency')}
              </label>
              <select class="select" id="filter-agency" name="agency" value={draft.agency} onChange={set('agency')}>
                <option value="">{t('catalog.any_agency')}</option>
                {options.data && options.data.departments.length > 0 && (
                  <optgroup label={t('catalog.agency_group_departments')}>
                    {options.data.departments.map((a) => (
                      <option key={a.code} value={a.code}>
                        {localName(a, locale)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {options.data && options.data.districts.length > 0 && (
                  <optgroup label={t('catalog.agency_group_districts')}>
                    {options.data.districts.map((a) => (
                      <option key={a.code} value={a.code}>
                        {localName(a, locale)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {draft.agency && options.data && !hasAgency(options.data, draft.agency) && (
                  <option value={draft.agency}>{draft.agency}</option>
                )}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="filter-field">
                {t('catalog.filter_field')}
              </label>
              <select class="select" id="filter-field" name="field" value={draft.field} onChange={set('field')}>
                <option value="">{t('catalog.any_field')}</option>
                {options.data?.fields.map((f) => (
                  <option key={f.key} value={f.key}>
                    {localName(f, locale)}
                  </option>
                ))}
                {draft.field && options.data && !options.data.fields.some((f) => f.key === draft.field) && (
                  <option value={draft.field}>{draft.field}</option>
                )}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="filter-level">
                {t('catalog.filter_level')}
              </label>
              <select class="select" id="filter-level" name="level" value={draft.level} onChange={set('level')}>
                <option value="">{t('catalog.any_level')}</option>
                {LEVEL_CHOICES.map((level) => (
                  <option key={level} value={String(level)}>
                    {levelText(level, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="filter-tier">
                {t('catalog.filter_tier')}
              </label>
              <select class="select" id="filter-tier" name="tier" value={draft.tier} onChange={set('tier')}>
                <option value="">{t('catalog.any_tier')}</option>
                {PROCEDURE_TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {tierName(tier, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div class="button-row">
              <button class="button button--secondary" type="submit">
                {t('catalog.apply')}
              </button>
              {hasFilters(filters) && <a href="/thu-tuc">{t('catalog.clear')}</a>}
            </div>
          </details>
        </form>

        <section class="catalog__results" aria-labelledby="results-heading">
          <h2 id="results-heading" class="visually-hidden">
            {t('catalog.results_heading')}
          </h2>
          <p class="result-count" role="status">
            {status}
          </p>
          {results.error && <ApiErrorBox error={results.error} />}
          {!results.error && data && (
            <div aria-busy={results.loading ? 'true' : undefined} class={results.loading ? 'is-loading' : undefined}>
              {data.total === 0 ? (
                <p>{t('catalog.no_results_hint')}</p>
              ) : (
                <ul class="result-list">
                  {data.items.map((item) => (
                    <ResultItem key={item.code} item={item} />
                  ))}
                </ul>
              )}
              <Pagination
                page={data.page || filters.page}
                pageCount={pageCount}
                hrefFor={(page) => catalogHref({ ...filters, page })}
              />
            </div>
          )}
        </section>
      </div>
    </>
  );
}

function isWideScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(min-width: 40.0625em)').matches;
}

function hasAgency(options: FilterOptions, code: string): boolean {
  return options.departments.some((a) => a.code === code) || options.districts.some((a) => a.code === code);
}

function ResultItem({ item }: { item: ProcedureSummary }) {
  const { t, locale } = useI18n();
  return (
    <li class="result">
      <h3 class="heading-m result__title">
        <a href={`/thu-tuc/${encodeURIComponent(item.code)}`}>{localName(item, locale)}</a>
      </h3>
      <dl class="result__meta">
        <div>
          <dt>{t('procedure.field')}</dt>
          <dd>{localName(item.field, locale)}</dd>
        </div>
        <div>
          <dt>{t('procedure.level')}</dt>
          <dd>{levelText(item.level, locale)}</dd>
        </div>
        <div>
          <dt>{t('procedure.time')}</dt>
          <dd>{processingTimeText(item.processing_time, locale)}</dd>
        </div>
        <div>
          <dt>{t('procedure.fee')}</dt>
          <dd>{feeText(item.fee, locale)}</dd>
        </div>
        <div>
          <dt>{t('procedure.tiers')}</dt>
          <dd>{(item.tiers?.length ? item.tiers : [item.tier]).map((tier) => tierName(tier, locale)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('procedure.code')}</dt>
          <dd>{item.code}</dd>
        </div>
      </dl>
    </li>
  );
}
