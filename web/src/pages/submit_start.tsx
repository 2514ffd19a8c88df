// /nop-ho-so/{code}?co-quan=AGENCY — the start page of an online submission: what the person will
// be asked, the papers to have ready, the fee; "Bắt đầu" creates the draft (prefilled from the
// profile) and opens its first page. A draft of the same procedure at the same agency is offered
// for resuming instead of starting a second one.
import { useState } from 'preact/hooks';
import { ApiErrorBox } from '../components/api_error_box';
import { RequireLogin } from '../components/require_login';
import { PROVINCE_CODE } from '../components/schema_form';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import type { User } from '../lib/auth';
import { catalogApi } from '../lib/catalog';
import { feeText, isFree, localName, processingTimeText } from '../lib/catalog_format';
import { dossiersApi, paths } from '../lib/dossiers';
import { formatDate } from '../lib/format';
import { matchAgency, prefill, schemaFields, streetPart, type Profile } from '../lib/form_schema';
import { useApi } from '../lib/use_api';
import { usePageTitle } from '../page_title';
import { navigate, useSearch, type PageProps } from '../router';

// The profile's one-line address matched to the agency tree: its district and ward when the text
// names them, and the part before them as the street line.
async function addressFromProfile(text: string): Promise<Record<string, string> | undefined> {
  try {
    const districts = (await catalogApi.agencies({ tier: 'district' })).items;
    const district = matchAgency(text, districts);
    if (!district) return undefined;
    const wards = (await catalogApi.agencies({ tier: 'ward', parent: district.code })).items;
    const ward = matchAgency(text, wards);
    const out: Record<string, string> = { province: PROVINCE_CODE, district: district.code };
    if (ward) out['ward'] = ward.code;
    const street = streetPart(text);
    if (street) out['street'] = street.normalize('NFC');
    return out;
  } catch {
    return undefined; // the person picks them by hand
  }
}

export function SubmitStartPage({ params, title }: PageProps) {
  return (
    <RequireLogin kinds={['citizen', 'business']}>
      {(user) => <Start code={params['code'] ?? ''} title={title} user={user} />}
    </RequireLogin>
  );
}

function Start({ code, title, user }: { code: string; title: string; user: User }) {
  const { t, locale } = useI18n();
  const agency = new URLSearchParams(useSearch()).get('co-quan') ?? '';
  const loaded = useApi((signal) => catalogApi.procedure(code, agency || undefined, signal), [code, agency]);
  const drafts = useApi((signal) => dossiersApi.list({ status: 'draft', per_page: 100 }, signal), []);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const procedure = loaded.data;
  usePageTitle(procedure ? localName(procedure, locale) : null);

  if (loaded.error) {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <ApiErrorBox error={loaded.error} />
      </>
    );
  }
  if (!procedure) {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <p class="loading" role="status">
          {t('procedure.loading')}
        </p>
      </>
    );
  }
  const here = procedure.online_here;
  const online = here?.online ?? false;
  const agencyName = here ? localName(here.agency, locale) : agency;
  const existing = (drafts.data?.items ?? []).find((d) => d.procedure.code === code && d.agency.code === agency);
  const kindOk = procedure.applicants.includes(user.kind === 'business' ? 'business' : 'citizen');

  const start = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const draft = await dossiersApi.create(code, agency);
      // GET /me carries the whole profile (ID number, date of birth, address…).
      const me = await api.get<{ user: Profile | null }>('/me').then(
        (r) => r.user ?? {},
        () => ({}),
      );
      const profile: Profile = { ...(user as unknown as Profile), ...me, kind: user.kind };
      const address = profile.address ? await addressFromProfile(profile.address) : undefined;
      const data = prefill(schemaFields(procedure.form), profile, draft.form_data ?? {}, PROVINCE_CODE, address);
      if (Object.keys(data).length) await dossiersApi.save(draft.id, draft.version, data);
      navigate(paths.section(draft.id, 1));
    } catch (cause) {
      setBusy(false);
      if (cause instanceof ApiError) setFailure(cause);
    }
  };

  return (
    <>
      <h1 class="heading-xl">
        <span class="caption">{t('start.caption')}</span>
        {localName(procedure, locale)}
      </h1>
      {failure && <ApiErrorBox error={failure} />}
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('flow.agency')}</dt>
          <dd class="summary-list__value">{agencyName}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('flow.time')}</dt>
          <dd class="summary-list__value">{processingTimeText(procedure.processing_time, locale)}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('flow.fee')}</dt>
          <dd class="summary-list__value">{isFree(procedure.fee) ? t('fee.free') : feeText(procedure.fee, locale)}</dd>
        </div>
      </dl>
      {!online ? (
        <div class="inset">
          <p>
            {here?.since
              ? t('start.not_online_until', { agency: agencyName, date: formatDate(here.since) })
              : t('start.not_online', { agency: agencyName })}
          </p>
          <p>
            <a href={`/thu-tuc/${encodeURIComponent(code)}`}>{t('start.back_to_procedure')}</a>
          </p>
        </div>
      ) : !kindOk ? (
        <div class="inset">
          <p>{t('start.wrong_kind')}</p>
        </div>
      ) : (
        <>
          <h2 class="heading-l">{t('start.you_need')}</h2>
          <ul class="bullet-list">
            {procedure.components.map((c, i) => (
              <li key={i}>
                {c.name}
                {!c.required && <span class="hint-inline"> {t('form.optional')}</span>}
              </li>
            ))}
          </ul>
          <p>{t('start.how')}</p>
          {existing && (
            <div class="inset">
              <p>
                {t('start.draft_exists', { date: formatDate(existing.updated_at) })}{' '}
                <a href={paths.section(existing.id, 1)}>{t('start.resume')}</a>
              </p>
            </div>
          )}
          <div class="button-row">
            <button class="button button--start" type="button" disabled={busy} onClick={() => void start()}>
              {busy ? t('form.sending') : t('start.button')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
