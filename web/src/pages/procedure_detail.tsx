// /thu-tuc/{code} — one procedure in full: level, time, fee, applicants, where it is handled and
// where it is online (with a picker: "is it online at my district/ward?"), the papers to prepare,
// form templates, the result and the legal basis. `?agency=CODE` in the URL keeps the picker's
// choice shareable.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import type { MessageKey } from '../i18n';
import { ApiErrorBox } from '../components/api_error_box';
import { useI18n } from '../i18n/use_i18n';
import { formatDate, formatMoney } from '../lib/format';
import { catalogApi, type Agency, type OnlineHere, type ProcedureDetail } from '../lib/catalog';
import {
  applicantName,
  componentKindName,
  feeItemAmount,
  feeText,
  fileTypesText,
  isFree,
  levelText,
  localName,
  processingTimeText,
  sizeText,
  tierName,
  workflowText,
} from '../lib/catalog_format';
import { useApi, type Loaded } from '../lib/use_api';
import { paths } from '../lib/dossiers';
import { usePageTitle } from '../page_title';
import { navigate, useSearch, type PageProps } from '../router';

// More agencies than this are folded away behind a "show" toggle.
const ONLINE_LIST_OPEN_LIMIT = 12;

function agencyParam(search: string): string {
  return (new URLSearchParams(search).get('agency') ?? '').trim();
}

export function ProcedureDetailPage({ params, title }: PageProps) {
  const { t, locale } = useI18n();
  const code = params['code'] ?? '';
  const search = useSearch();
  const agency = agencyParam(search);
  const loaded = useApi((signal) => catalogApi.procedure(code, undefined, signal), [code]);
  // The same procedure seen from one agency: only its online_here is used. A separate request, so
  // an unknown agency in the URL costs the answer to the picker, not the page.
  const here = useApi<OnlineHere | undefined>(
    (signal) =>
      agency ? catalogApi.procedure(code, agency, signal).then((p) => p.online_here) : Promise.resolve(undefined),
    [code, agency],
  );
  const procedure = loaded.data && loaded.data.code === code ? loaded.data : undefined;
  usePageTitle(procedure ? localName(procedure, locale) : null);

  const notFound = loaded.error?.status === 404;
  return (
    <>
      <h1 class="heading-xl">
        {procedure ? (
          <>
            <span class="caption">{t('procedure.caption')}</span>
            {localName(procedure, locale)}
          </>
        ) : notFound ? (
          t('procedure.not_found')
        ) : (
          title
        )}
      </h1>
      {!procedure && loaded.loading && (
        <p role="status" class="loading">
          {t('procedure.loading')}
        </p>
      )}
      {!procedure && notFound && <p>{t('procedure.not_found_text', { code })}</p>}
      {!procedure && loaded.error && !notFound && <ApiErrorBox error={loaded.error} />}
      {procedure && <ProcedureBody procedure={procedure} agency={agency} here={here} />}
      <p class="back-link-row">
        <a href="/thu-tuc">{t('procedure.back')}</a>
      </p>
    </>
  );
}

function ProcedureBody({
  procedure,
  agency,
  here,
}: {
  procedure: ProcedureDetail;
  agency: string;
  here: Loaded<OnlineHere | undefined>;
}) {
  const { t, locale } = useI18n();
  const templates = procedure.components.filter((c) => c.template);
  const tiers = procedure.tiers?.length ? procedure.tiers : [procedure.tier];
  return (
    <>
      <dl class="summary-list">
        <SummaryRow label={t('procedure.code')}>{procedure.code}</SummaryRow>
        <SummaryRow label={t('procedure.field')}>{localName(procedure.field, locale)}</SummaryRow>
        <SummaryRow label={t('procedure.level')}>{levelText(procedure.level, locale)}</SummaryRow>
        <SummaryRow label={t('procedure.time')}>
          {processingTimeText(procedure.processing_time, locale)}
          <span class="hint-inline"> {t('procedure.time_note')}</span>
        </SummaryRow>
        <SummaryRow label={t('procedure.fee')}>
          {isFree(procedure.fee) ? t('fee.free') : <a href="#phi-le-phi">{feeText(procedure.fee, locale)}</a>}
        </SummaryRow>
        <SummaryRow label={t('procedure.applicants')}>
          {procedure.applicants.map((a) => applicantName(a, locale)).join('; ')}
        </SummaryRow>
        <SummaryRow label={t('procedure.tiers')}>{tiers.map((tier) => tierName(tier, locale)).join(', ')}</SummaryRow>
        <SummaryRow label={t('procedure.workflow')}>{workflowText(procedure.workflow, locale)}</SummaryRow>
        <SummaryRow label={t('procedure.result')}>{procedure.result}</SummaryRow>
        <SummaryRow label={t('procedure.version')}>
          {t('procedure.version_value', { version: procedure.version, date: formatDate(procedure.valid_from) })}
        </SummaryRow>
      </dl>

      <section aria-labelledby="where-heading">
        <h2 id="where-heading" class="heading-l">
          {t('procedure.where_heading')}
        </h2>
        <WhereToSubmit procedure={procedure} agency={agency} here={here} />
      </section>

      <section aria-labelledby="components-heading">
        <h2 id="components-heading" class="heading-l">
          {t('procedure.components_heading')}
        </h2>
        {procedure.components.length === 0 ? (
          <p>{t('procedure.components_none')}</p>
        ) : (
          <ComponentsTable procedure={procedure} />
        )}
      </section>

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading" class="heading-l">
          {t('procedure.templates_heading')}
        </h2>
        <ul class="bullet-list">
          <li>
            <a href={`/api/v1/procedures/${encodeURIComponent(procedure.code)}/blank-form.pdf`} target="_blank" rel="noopener" data-testid="blank-form-link">
              {t('procedure.blank_form', { name: localName(procedure, locale) })}
            </a>
          </li>
          {templates.map((c) => (
            <li key={c.template}>
              {c.name}: <span class="file-name">{c.template}</span> ({t('procedure.template_at_desk')})
            </li>
          ))}
        </ul>
        <p class="hint">{t('procedure.templates_note')}</p>
      </section>

      <section aria-labelledby="phi-le-phi-heading" id="phi-le-phi">
        <h2 id="phi-le-phi-heading" class="heading-l">
          {t('procedure.fee_heading')}
        </h2>
        <FeeTable procedure={procedure} />
      </section>

      {procedure.legal_basis.length > 0 && (
        <section aria-labelledby="legal-heading">
          <h2 id="legal-heading" class="heading-l">
            {t('procedure.legal_heading')}
          </h2>
          <ul class="bullet-list">
            {procedure.legal_basis.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{label}</dt>
      <dd class="summary-list__value">{children}</dd>
    </div>
  );
}

function FeeTable({ procedure }: { procedure: ProcedureDetail }) {
  const { t, locale } = useI18n();
  if (isFree(procedure.fee)) return <p>{t('procedure.fee_free_text')}</p>;
  const perUnit = procedure.fee.items.some((item) => item.per);
  return (
    <table class="table">
      <caption class="visually-hidden">{t('procedure.fee_heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('procedure.fee_item')}</th>
          <th scope="col" class="table__num">
            {t('procedure.fee_amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {procedure.fee.items.map((item) => (
          <tr key={item.name}>
            <td>{item.name}</td>
            <td class="table__num nowrap">{feeItemAmount(item, locale)}</td>
          </tr>
        ))}
      </tbody>
      {!perUnit && procedure.fee.items.length > 1 && (
        <tfoot>
          <tr>
            <th scope="row">{t('procedure.fee_total')}</th>
            <td class="table__num nowrap">{formatMoney(procedure.fee.total, locale)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function ComponentsTable({ procedure }: { procedure: ProcedureDetail }) {
  const { t, locale } = useI18n();
  const columns = [
    t('procedure.col_name'),
    t('procedure.col_kind'),
    t('procedure.col_count'),
    t('procedure.col_required'),
    t('procedure.col_file_types'),
    t('procedure.col_max_size'),
  ];
  // On a phone each row becomes a card; data-label gives every cell its column name there.
  return (
    <table class="table table--stack">
      <caption class="visually-hidden">{t('procedure.components_heading')}</caption>
      <thead>
        <tr>
          {columns.map((name, index) => (
            <th scope="col" key={name} class={index === 2 ? 'table__num' : undefined}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {procedure.components.map((c, index) => (
          <tr key={`${index}-${c.name}`}>
            <td data-label={columns[0]} class="table__main">
              {c.name}
            </td>
            <td data-label={columns[1]}>{componentKindName(c.kind, locale)}</td>
            <td data-label={columns[2]} class="table__num">
              {c.count}
            </td>
            <td data-label={columns[3]}>{c.required ? t('common.yes') : t('common.no')}</td>
            <td data-label={columns[4]}>{fileTypesText(c.file_types)}</td>
            <td data-label={columns[5]} class="nowrap">
              {sizeText(c.max_size_mb, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WhereToSubmit({
  procedure,
  agency,
  here,
}: {
  procedure: ProcedureDetail;
  agency: string;
  here: Loaded<OnlineHere | undefined>;
}) {
  const { t, locale } = useI18n();
  const tiers = procedure.tiers?.length ? procedure.tiers : [procedure.tier];
  const local = tiers.includes('district') || tiers.includes('ward');
  const online = procedure.online_at ?? [];
  const onlineList = (
    <ul class="online-list">
      {online.map((o) => (
        <li key={o.agency.code}>
          <span class="online-list__name">{localName(o.agency, locale)}</span>{' '}
          <span class="online-list__since">{t('procedure.online_since', { date: formatDate(o.since) })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <dl class="summary-list">
        {procedure.department && (
          <SummaryRow label={t('procedure.department')}>{localName(procedure.department, locale)}</SummaryRow>
        )}
        {!procedure.department && (
          <SummaryRow label={t('procedure.handling_agency')}>
            {tiers.map((tier) => t(`procedure.handling_${tier}` as MessageKey)).join('; ')}
          </SummaryRow>
        )}
        {procedure.handling_unit && (
          <SummaryRow label={t('procedure.handling_unit')}>{procedure.handling_unit.name}</SummaryRow>
        )}
        <SummaryRow label={t('procedure.submit_where')}>{t('procedure.submit_where_text')}</SummaryRow>
      </dl>

      {local && <AgencyPicker procedure={procedure} agency={agency} here={here} />}
      <StartOnline procedure={procedure} agency={agency} here={here} />

      <h3 class="heading-m">{t('procedure.online_at_heading')}</h3>
      {online.length === 0 ? (
        <p>{t('procedure.online_none')}</p>
      ) : online.length > ONLINE_LIST_OPEN_LIMIT ? (
        <details class="details">
          <summary class="details__summary">{t('procedure.online_show', { n: online.length })}</summary>
          {onlineList}
        </details>
      ) : (
        onlineList
      )}
    </>
  );
}

// "Nộp hồ sơ trực tuyến": only where the procedure is online — at the agency chosen in the picker,
// or at the one agency where it is online when there is only one. With several and none chosen,
// the person is asked to choose first.
function StartOnline({
  procedure,
  agency,
  here,
}: {
  procedure: ProcedureDetail;
  agency: string;
  here: Loaded<OnlineHere | undefined>;
}) {
  const { t, locale } = useI18n();
  const online = procedure.online_at ?? [];
  if (procedure.level < 3 || online.length === 0) return null;
  let target: { code: string; name: string } | undefined;
  if (agency) {
    const answer = here.loading ? undefined : here.data;
    if (answer?.online) target = { code: answer.agency.code, name: localName(answer.agency, locale) };
    else return null;
  } else if (online.length === 1) {
    const only = online[0]!;
    target = { code: only.agency.code, name: localName(only.agency, locale) };
  }
  if (!target) {
    return (
      <div class="inset start-online">
        <p>{t('procedure.start_choose_first')}</p>
      </div>
    );
  }
  return (
    <div class="start-online">
      <a class="button button--start" href={paths.start(procedure.code, target.code)}>
        {t('procedure.start_online')}
      </a>
      <p class="hint">{t('procedure.start_online_at', { agency: target.name })}</p>
    </div>
  );
}

// "Is it online at my district/ward?" The choice goes into the URL (?agency=CODE); the server's
// online_here answer is shown in a live region.
function AgencyPicker({
  procedure,
  agency,
  here,
}: {
  procedure: ProcedureDetail;
  agency: string;
  here: Loaded<OnlineHere | undefined>;
}) {
  const { t, locale } = useI18n();
  const tiers = procedure.tiers?.length ? procedure.tiers : [procedure.tier];
  const wantsWard = tiers.includes('ward');
  const districts = useApi((signal) => catalogApi.agencies({ tier: 'district' }, signal), []);
  const districtList = districts.data?.items ?? [];

  // The district chosen: the agency itself when it is a district, else (a ward) its parent.
  // The URL drives the picker only when it changes: the list of districts arriving must not
  // undo a choice the user made in the moment between the options showing and this effect.
  const [district, setDistrict] = useState('');
  const [ward, setWard] = useState('');
  const lastAgency = useRef(agency);
  useEffect(() => {
    const changed = lastAgency.current !== agency;
    lastAgency.current = agency;
    if (!agency) {
      if (changed) {
        setDistrict('');
        setWard('');
      }
      return;
    }
    if (districtList.some((d) => d.code === agency)) {
      setDistrict(agency);
      setWard('');
      return;
    }
    if (!wantsWard || !districts.data) return;
    const controller = new AbortController();
    catalogApi.agency(agency, controller.signal).then(
      (a) => {
        setDistrict(a.parent ?? '');
        setWard(a.code);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [agency, districts.data]);

  const wards = useApi<Agency[]>(
    (signal) =>
      wantsWard && district
        ? catalogApi.agencies({ tier: 'ward', parent: district }, signal).then((r) => r.items)
        : Promise.resolve([]),
    [wantsWard, district],
  );

  const chosen = wantsWard ? ward || (tiers.includes('district') ? district : '') : district;
  const submit = (event: Event) => {
    event.preventDefault();
    const base = `/thu-tuc/${encodeURIComponent(procedure.code)}`;
    const href = chosen ? `${base}?agency=${encodeURIComponent(chosen)}` : base;
    if (href !== location.pathname + location.search) navigate(href, { replace: false });
  };
  const onDistrict = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    setDistrict(event.currentTarget.value);
    setWard('');
  };

  const answer = agency && !here.loading ? here.data : undefined;
  let hereText = '';
  if (agency && here.loading) hereText = t('procedure.picker_checking');
  else if (agency && here.error) hereText = here.error.messageIn(locale);
  else if (answer) {
    const name = localName(answer.agency, locale);
    hereText = answer.online
      ? answer.since
        ? t('procedure.online_here', { agency: name, date: formatDate(answer.since) })
        : t('procedure.online_here_no_date', { agency: name })
      : t('procedure.not_online_here', { agency: name });
  }
  const answerClass = answer ? (answer.online ? ' is-online' : ' is-offline') : here.error && agency ? ' is-offline' : '';

  return (
    <form class="picker" aria-labelledby="picker-heading" onSubmit={submit}>
      <h3 id="picker-heading" class="heading-m">
        {t('procedure.picker_heading')}
      </h3>
      <div class="picker__fields">
        <div class="form-group">
          <label class="label" for="picker-district">
            {t('procedure.picker_district')}
          </label>
          <select class="select" id="picker-district" value={district} onChange={onDistrict}>
            <option value="">{t('procedure.picker_choose')}</option>
            {districtList.map((d) => (
              <option key={d.code} value={d.code}>
                {localName(d, locale)}
              </option>
            ))}
          </select>
        </div>
        {wantsWard && (
          <div class="form-group">
            <label class="label" for="picker-ward">
              {t('procedure.picker_ward')}
            </label>
            <select
              class="select"
              id="picker-ward"
              value={ward}
              disabled={!district}
              onChange={(event) => setWard(event.currentTarget.value)}
            >
              <option value="">{district ? t('procedure.picker_choose') : t('procedure.picker_district_first')}</option>
              {(wards.data ?? []).map((w) => (
                <option key={w.code} value={w.code}>
                  {localName(w, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="form-group picker__button">
          <button class="button button--secondary" type="submit">
            {t('procedure.picker_button')}
          </button>
        </div>
      </div>
      <p class={`picker__answer${answerClass}`} role="status">
        {hereText}
      </p>
    </form>
  );
}
