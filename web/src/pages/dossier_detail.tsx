// /ho-so-cua-toi/{id} — one of the applicant's dossiers: status, code, dates, a timeline of what
// happened in plain words, the answers and papers; withdraw before an officer has received it;
// answer a supplement request (upload the asked papers, add a note, send). A draft points back to
// its form.
import { useState } from 'preact/hooks';
import { AnswersSummary } from '../components/answers';
import { ApiErrorBox } from '../components/api_error_box';
import { PapersEditor } from '../components/papers';
import { RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import type { Locale, MessageKey } from '../i18n';
import { ApiError } from '../lib/api';
import { localName } from '../lib/catalog_format';
import { dossiersApi, paths, type Dossier, type DossierDocument, type TimelineEntry } from '../lib/dossiers';
import { formatDate, formatDateTimeDmy } from '../lib/format';
import { isSlipForm, slipPaths } from '../lib/slip_format';
import { useApi } from '../lib/use_api';
import { workspaceApi } from '../lib/workspace';
import { usePageTitle } from '../page_title';
import type { PageProps } from '../router';
import { Row, useDocuments, useDossier, type Loaded } from './dossier_flow';
import { statusClass, statusLabel } from './my_dossiers';

export function DossierDetailPage({ params, title }: PageProps) {
  return (
    <RequireLogin kinds={['citizen', 'business']}>
      {() => <Detail id={Number(params['id']) || 0} title={title} />}
    </RequireLogin>
  );
}

// What a timeline entry says to the applicant, in plain words.
const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'timeline.create',
  submit: 'timeline.submit',
  withdraw: 'timeline.withdraw',
  receive: 'timeline.receive',
  request_supplement: 'timeline.request_supplement',
  request_supplement_at_reception: 'timeline.request_supplement_at_reception',
  return_not_eligible: 'timeline.not_eligible',
  send_back: 'timeline.send_back',
  handle: 'timeline.handle',
  hand_over: 'timeline.transfer',
  hand_back: 'timeline.hand_back',
  supplement: 'timeline.supplement',
  assign: 'timeline.assign',
  propose: 'timeline.propose',
  review: 'timeline.review',
  approve: 'timeline.approve',
  issue: 'timeline.issue',
  return: 'timeline.return',
  return_result: 'timeline.return',
  refuse: 'timeline.refuse',
  not_receive: 'timeline.not_receive',
  not_eligible: 'timeline.not_eligible',
  extend: 'timeline.extend',
  transfer: 'timeline.transfer',
};

export function timelineText(entry: TimelineEntry, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  const key = ACTION_KEYS[entry.action];
  const code = typeof entry.detail?.['code'] === 'string' ? (entry.detail['code'] as string) : '';
  return key ? t(key, { code }) : t('timeline.other', { action: entry.action });
}

function detailComment(entry: TimelineEntry): string {
  const d = entry.detail ?? {};
  for (const key of ['comment', 'reason', 'note']) if (typeof d[key] === 'string' && d[key]) return d[key] as string;
  return '';
}

function Detail({ id, title }: { id: number; title: string }) {
  const { t, locale } = useI18n();
  const { data, error, setDossier } = useDossier(id);
  usePageTitle(data?.dossier.code ?? null);
  if (error) {
    return (
      <>
        <h1 class="heading-xl">{error.status === 404 ? t('dossier.not_found') : title}</h1>
        {error.status === 404 ? <p>{t('dossier.not_found_text')}</p> : <ApiErrorBox error={error} />}
        <p>
          <a href="/ho-so-cua-toi">{t('dossier.back_to_list')}</a>
        </p>
      </>
    );
  }
  if (!data) {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <p class="loading" role="status">
          {t('dossier.loading')}
        </p>
      </>
    );
  }
  const { dossier, procedure } = data;
  const draft = dossier.status === 'draft';
  return (
    <>
      <p class="back-link-row back-link-row--top">
        <a class="back-link" href="/ho-so-cua-toi">
          {t('dossier.back_to_list')}
        </a>
      </p>
      <h1 class="heading-xl">
        <span class="caption">{localName(procedure, locale)}</span>
        {draft ? t('dossier.draft_title') : t('dossier.code_title', { code: dossier.code ?? '' })}
      </h1>
      <p>
        <strong class={statusClass(dossier.status)}>{statusLabel(dossier, locale)}</strong>
      </p>
      {draft && (
        <div class="inset">
          <p>{t('dossier.draft_text', { date: formatDate(dossier.updated_at) })}</p>
          <p>
            <a class="button" href={paths.section(dossier.id, 1)}>
              {t('dossier.resume')}
            </a>
          </p>
        </div>
      )}
      <dl class="summary-list">
        <Row label={t('flow.procedure')}>{localName(procedure, locale)}</Row>
        <Row label={t('flow.agency')}>{localName(dossier.agency, locale)}</Row>
        {dossier.submitted_at && <Row label={t('receipt.submitted_at')}>{formatDateTimeDmy(dossier.submitted_at)}</Row>}
        {dossier.received_at && <Row label={t('receipt.received_at')}>{formatDateTimeDmy(dossier.received_at)}</Row>}
        {dossier.due_at && <Row label={t('receipt.due_at')}>{formatDateTimeDmy(dossier.due_at)}</Row>}
        {(dossier.paused || typeof dossier.working_days_left === 'number') && (
          <Row label={t('dossier.clock')}>{clockText(dossier, locale, t)}</Row>
        )}
      </dl>
      {dossier.status === 'awaiting_supplement' && <Supplement loaded={data} setDossier={setDossier} />}
      {dossier.status === 'submitted' && <Withdraw dossier={dossier} setDossier={setDossier} />}
      {(dossier.timeline ?? []).length > 0 && <Timeline entries={dossier.timeline ?? []} locale={locale} />}
      <h2 class="heading-l">{t('dossier.answers_heading')}</h2>
      <AnswersSummary fields={data.fields} sectionList={data.sections} data={dossier.form_data ?? {}} headingLevel={3} />
      {!draft && <PaperList loaded={data} />}
      {dossier.code && <IssuedSlips id={dossier.id} />}
    </>
  );
}

// "Còn 3,5 ngày làm việc", "Quá hạn 2 ngày làm việc", or paused while papers are awaited.
export function clockText(d: Dossier, locale: Locale, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  if (d.paused) return t('dossier.clock_paused');
  const left = d.working_days_left;
  if (typeof left !== 'number') return '';
  const text = (n: number) => (locale === 'en' ? String(n) : String(n).replace('.', ','));
  return left < 0 ? t('dossier.clock_late', { n: text(Math.abs(left)) }) : t('dossier.clock_left', { n: text(left) });
}

function Timeline({ entries, locale }: { entries: TimelineEntry[]; locale: Locale }) {
  const { t } = useI18n();
  void locale;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 class="heading-l" id="timeline-heading">
        {t('dossier.timeline_heading')}
      </h2>
      <ol class="timeline">
        {[...entries].reverse().map((e, i) => {
          const comment = detailComment(e);
          return (
            <li class="timeline__item" key={i}>
              <p class="timeline__title">{timelineText(e, t)}</p>
              <p class="timeline__date">{formatDateTimeDmy(e.at)}</p>
              {typeof e.detail?.['new_due'] === 'string' && (
                <p class="timeline__date">{t('timeline.new_due', { date: formatDateTimeDmy(e.detail['new_due'] as string) })}</p>
              )}
              {typeof e.detail?.['result_number'] === 'string' && (
                <p class="timeline__date">{t('timeline.result_number', { number: e.detail['result_number'] as string })}</p>
              )}
              {comment && <p class="timeline__comment">{comment}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function PaperList({ loaded }: { loaded: Loaded }) {
  const { t, locale } = useI18n();
  const docs = useDocuments(loaded.dossier);
  if (!docs || docs.length === 0) return null;
  return (
    <section aria-labelledby="papers-heading">
      <h2 class="heading-l" id="papers-heading">
        {t('flow.papers_title')}
      </h2>
      <ul class="bullet-list">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={dossiersApi.documentUrl(loaded.dossier.id, d.id)} target="_blank" rel="noopener external">
              {d.name}
            </a>{' '}
            <span class="hint-inline">— {loaded.procedure.components[Number(d.component) - 1]?.name ?? ''}</span>
          </li>
        ))}
      </ul>
      {void locale}
    </section>
  );
}

function Withdraw({ dossier, setDossier }: { dossier: Dossier; setDossier: (d: Dossier) => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const updated = await dossiersApi.withdraw(dossier.id);
      // The list answer has no timeline: reload the dossier for it.
      setDossier(await dossiersApi.get(updated.id).catch(() => updated));
    } catch (cause) {
      if (cause instanceof ApiError) setFailure(cause);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <section aria-labelledby="withdraw-heading" class="inset">
      <h2 class="heading-m" id="withdraw-heading">
        {t('withdraw.heading')}
      </h2>
      {failure && <ApiErrorBox error={failure} />}
      <p>{t('withdraw.text')}</p>
      {asking ? (
        <div class="warning-text" role="alert">
          <p>
            <strong>{t('withdraw.confirm')}</strong>
          </p>
          <div class="button-row">
            <button class="button button--warning" type="button" disabled={busy} onClick={() => void confirm()}>
              {t('withdraw.yes')}
            </button>
            <button class="button button--secondary" type="button" onClick={() => setAsking(false)}>
              {t('withdraw.no')}
            </button>
          </div>
        </div>
      ) : (
        <button class="button button--secondary" type="button" onClick={() => setAsking(true)}>
          {t('withdraw.button')}
        </button>
      )}
    </section>
  );
}

// The applicant's answer to a supplement request: the officer's words, the papers asked for
// (upload), a note, "Gửi bổ sung".
function Supplement({ loaded, setDossier }: { loaded: Loaded; setDossier: (d: Dossier) => void }) {
  const { t, locale } = useI18n();
  const { dossier, procedure } = loaded;
  const request = [...(dossier.timeline ?? [])].reverse().find((e) => e.action === 'request_supplement');
  const comment = request ? detailComment(request) : '';
  const [docs, setDocs] = useState<DossierDocument[] | undefined>(dossier.documents);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await dossiersApi.supplement(dossier.id, dossier.version, note.normalize('NFC'));
      setDossier(await dossiersApi.get(dossier.id));
      setSent(true);
    } catch (cause) {
      if (cause instanceof ApiError) setFailure(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="supplement-heading" class="supplement">
      <h2 class="heading-l" id="supplement-heading">
        {t('supplement.heading')}
      </h2>
      {sent && (
        <p class="notice" role="status">
          {t('supplement.sent')}
        </p>
      )}
      <div class="warning-text">
        <p>
          <strong>{t('supplement.intro', { agency: localName(dossier.agency, locale) })}</strong>
        </p>
        {comment && <p class="pre-line">{comment}</p>}
        {request && <p class="hint">{formatDateTimeDmy(request.at)}</p>}
      </div>
      <p>{t('supplement.papers')}</p>
      <PapersEditor dossierId={dossier.id} components={procedure.components} docs={docs} onDocs={setDocs} problems={{}} />
      <form noValidate onSubmit={(event) => void send(event)}>
        {failure && <ApiErrorBox error={failure} />}
        <div class="form-group">
          <label class="label" for="supplement-note">
            {t('supplement.note')}
            <span class="hint-inline"> {t('form.optional')}</span>
          </label>
          <textarea class="textarea" id="supplement-note" rows={4} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('supplement.send')}
        </button>
      </form>
    </section>
  );
}

// The slips issued to the applicant (receipt, supplement request, refusal, apology), each to print.
function IssuedSlips({ id }: { id: number }) {
  const { t } = useI18n();
  const slips = useApi((signal) => workspaceApi.slips(id, signal), [id]);
  const items = (slips.data?.items ?? []).filter((s) => isSlipForm(s.form));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="dossier-slips-heading">
      <h2 class="heading-l" id="dossier-slips-heading">
        {t('dossier.slips_heading')}
      </h2>
      <ul class="bullet-list" data-testid="slips">
        {items.map((slip) => {
          const text = t(`slip.${slip.form}` as MessageKey);
          const name = text.charAt(0).toUpperCase() + text.slice(1);
          return (
            <li key={slip.id}>
              {t('dossier.slip_item', { slip: name, at: formatDateTimeDmy(slip.issued_at) })}
              {' — '}
              <a href={slipPaths.applicant(id, slip.id)} data-testid="slip-print-link">
                {t('print.link')}
                <span class="visually-hidden">: {name}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
