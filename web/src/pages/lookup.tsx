// /tra-cuu?ma=CODE&bi-mat=SECRET — the public dossier lookup (no login): the code and the secret
// printed on the receipt → status, procedure, agency, dates. The QR code on the receipt opens this
// page with both filled in. A wrong secret and an unknown code get the same answer.
import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary } from '../components/form';
import { TextField } from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { ApiError } from '../lib/api';
import { localName } from '../lib/catalog_format';
import { dossiersApi, type LookupAnswer } from '../lib/dossiers';
import { formatDateTimeDmy } from '../lib/format';
import { navigate, useSearch, type PageProps } from '../router';
import { Row } from './dossier_flow';
import { statusClass, statusLabel } from './my_dossiers';

export const CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/;

export function LookupPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const search = new URLSearchParams(useSearch());
  const qCode = (search.get('ma') ?? '').trim();
  const qSecret = (search.get('bi-mat') ?? '').trim();
  const [code, setCode] = useState(qCode);
  const [secret, setSecret] = useState(qSecret);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusKey, setFocusKey] = useState(0);
  const [answer, setAnswer] = useState<LookupAnswer | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // The URL is the question: a QR code or a shared link looks up at once.
  useEffect(() => {
    setCode(qCode);
    setSecret(qSecret);
    setAnswer(undefined);
    setFailure(undefined);
    if (!qCode || !qSecret) return;
    const controller = new AbortController();
    setBusy(true);
    dossiersApi.lookup(qCode, qSecret, controller.signal).then(
      (a) => {
        setAnswer(a);
        setBusy(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setBusy(false);
        if (cause instanceof ApiError) {
          setFailure(
            cause.status === 404
              ? t('lookup.not_found')
              : cause.status === 429
                ? t('lookup.too_many', { n: cause.retryAfter ?? 60 })
                : cause.messageIn(locale),
          );
          setFocusKey((k) => k + 1);
        }
      },
    );
    return () => controller.abort();
  }, [qCode, qSecret]);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const c = code.trim();
    const s = secret.trim();
    if (!c) found['lookup-code'] = t('lookup.code_required');
    else if (!CODE_PATTERN.test(c)) found['lookup-code'] = t('lookup.code_format');
    if (!s) found['lookup-secret'] = t('lookup.secret_required');
    setErrors(found);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    navigate(`/tra-cuu?ma=${encodeURIComponent(c)}&bi-mat=${encodeURIComponent(s)}`);
  };

  const items = Object.entries(errors).map(([target, text]) => ({ target, text }));
  return (
    <>
      {(items.length > 0 || failure) && <ErrorSummary items={items} message={failure} focusKey={focusKey} />}
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('lookup.lead')}</p>
      <form noValidate onSubmit={submit} class="lookup-form">
        <TextField
          id="lookup-code"
          name="ma"
          label={t('lookup.code')}
          hint={t('lookup.code_hint')}
          error={errors['lookup-code']}
          value={code}
          onValue={setCode}
          spellcheck={false}
          autoComplete="off"
        />
        <TextField
          id="lookup-secret"
          name="bi-mat"
          label={t('lookup.secret')}
          hint={t('lookup.secret_hint')}
          error={errors['lookup-secret']}
          value={secret}
          onValue={setSecret}
          spellcheck={false}
          autoComplete="off"
          inputClass="input--w10"
        />
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('lookup.searching') : t('lookup.button')}
        </button>
      </form>
      {answer && (
        <section aria-labelledby="lookup-result" class="lookup-result" role="status">
          <h2 class="heading-l" id="lookup-result">
            {t('lookup.result_heading', { code: answer.code })}
          </h2>
          <p>
            <strong class={statusClass(answer.status)}>{statusLabel(answer, locale)}</strong>
          </p>
          <dl class="summary-list">
            <Row label={t('flow.procedure')}>{localName(answer.procedure, locale)}</Row>
            <Row label={t('flow.agency')}>{localName(answer.agency, locale)}</Row>
            <Row label={t('receipt.submitted_at')}>{formatDateTimeDmy(answer.submitted_at) || '—'}</Row>
            <Row label={t('receipt.received_at')}>{formatDateTimeDmy(answer.received_at) || '—'}</Row>
            <Row label={t('lookup.appointment')}>{formatDateTimeDmy(answer.appointment_at) || t('lookup.no_appointment')}</Row>
          </dl>
        </section>
      )}
    </>
  );
}
