// The applicant's online submission, one page at a time (GOV.UK "one thing per page"):
//   /ho-so-cua-toi/{id}/buoc/{n}   a section of the form (a top-level group, or a run of fields)
//   /ho-so-cua-toi/{id}/giay-to    the papers: upload per component, with progress; delete
//   /ho-so-cua-toi/{id}/kiem-tra   "Kiểm tra lại thông tin": every answer with "Thay đổi", submit
//   /ho-so-cua-toi/{id}/bien-nhan  the receipt: code, QR of the lookup address, the secret (once)
// Every "Tiếp tục" saves the draft on the server, so a reload (or another device) resumes it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiErrorBox } from '../components/api_error_box';
import { ErrorSummary, type SummaryItem } from '../components/form';
import { RequireLogin } from '../components/require_login';
import { SchemaFields } from '../components/schema_form';
import { PapersEditor, missingPapers } from '../components/papers';
import { AnswersSummary } from '../components/answers';
import { useQrDataUrl } from '../components/qr_code';
import { useI18n } from '../i18n/use_i18n';
import type { Locale } from '../i18n';
import { ApiError } from '../lib/api';
import { catalogApi, type ProcedureDetail } from '../lib/catalog';
import { localName, processingTimeText } from '../lib/catalog_format';
import {
  dossiersApi,
  paths,
  rememberSecret,
  submissionKey,
  takeSecret,
  type Dossier,
  type DossierDocument,
} from '../lib/dossiers';
import { formatDateTimeDmy, formatMoney } from '../lib/format';
import {
  fieldAt,
  schemaFields,
  sectionOfPath,
  sections,
  targetId,
  validateSection,
  visibleData,
  type FormData,
  type FormField,
  type Problems,
  type Section,
} from '../lib/form_schema';
import { sectionTitle } from '../lib/sections_text';
import { usePageTitle } from '../page_title';
import { navigate, useSearch, type PageProps } from '../router';

// The server's verdict of the last submit, per dossier: shown on the pages that hold the fields
// until the person sends the page again.
const serverProblems = new Map<number, Problems>();

export function problemText(p: { message: string; message_en: string; code: string }, locale: Locale): string {
  return (locale === 'en' && p.message_en) || p.message || p.message_en || p.code;
}

export interface Loaded {
  dossier: Dossier;
  procedure: ProcedureDetail;
  fields: FormField[];
  sections: Section[];
}

// The dossier and its procedure (the form schema and the papers list come from the procedure).
export function useDossier(id: number): {
  data: Loaded | undefined;
  error: ApiError | undefined;
  setDossier: (d: Dossier) => void;
} {
  const [data, setData] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    setData(undefined);
    setError(undefined);
    dossiersApi
      .get(id, controller.signal)
      .then(async (dossier) => {
        const procedure = await catalogApi.procedure(dossier.procedure.code, undefined, controller.signal);
        const fields = schemaFields(procedure.form);
        if (!controller.signal.aborted) setData({ dossier, procedure, fields, sections: sections(fields) });
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, { code: 'client', message: String(cause), message_en: String(cause), fields: {} }));
      });
    return () => controller.abort();
  }, [id]);
  return { data, error, setDossier: (dossier) => setData((d) => (d ? { ...d, dossier } : d)) };
}

function dossierId(params: Record<string, string>): number {
  const n = Number(params['id']);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

// The common frame of the flow's pages: login, loading, errors, "not a draft any more".
function FlowPage({
  params,
  title,
  needsDraft = true,
  children,
}: {
  params: Record<string, string>;
  title: string;
  needsDraft?: boolean;
  children: (loaded: Loaded, setDossier: (d: Dossier) => void) => ComponentChildren;
}) {
  return (
    <RequireLogin kinds={['citizen', 'business']}>
      {() => <FlowBody params={params} title={title} needsDraft={needsDraft} children={children} />}
    </RequireLogin>
  );
}

function FlowBody({
  params,
  title,
  needsDraft,
  children,
}: {
  params: Record<string, string>;
  title: string;
  needsDraft: boolean;
  children: (loaded: Loaded, setDossier: (d: Dossier) => void) => ComponentChildren;
}) {
  const { t } = useI18n();
  const id = dossierId(params);
  const { data, error, setDossier } = useDossier(id);
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
  if (needsDraft && data.dossier.status !== 'draft') {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <p>{t('flow.not_draft')}</p>
        <p>
          <a href={paths.dossier(id)}>{t('flow.see_dossier')}</a>
        </p>
      </>
    );
  }
  return <>{children(data, setDossier)}</>;
}

// "Bước 2 trên 6" over the page's heading, with the procedure's name.
function Caption({ loaded, step }: { loaded: Loaded; step: number }) {
  const { t, locale } = useI18n();
  const total = loaded.sections.length + 2;
  return (
    <span class="caption">
      {localName(loaded.procedure, locale)} — {t('flow.step', { n: step, total })}
    </span>
  );
}

// ---- one section -------------------------------------------------------------------------------

export function SectionPage({ params, title }: PageProps) {
  return (
    <FlowPage params={params} title={title}>
      {(loaded, setDossier) => <SectionForm loaded={loaded} setDossier={setDossier} n={Number(params['n'])} />}
    </FlowPage>
  );
}

function SectionForm({ loaded, setDossier, n }: { loaded: Loaded; setDossier: (d: Dossier) => void; n: number }) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const { dossier, fields } = loaded;
  const index = Number.isInteger(n) ? n - 1 : -1;
  const section = loaded.sections[index];
  const [data, setData] = useState<FormData>(dossier.form_data ?? {});
  const [problems, setProblems] = useState<Problems>(() => serverProblemsOf(dossier.id, loaded.sections, index));
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const [focusKey, setFocusKey] = useState(Object.keys(problems).length ? 1 : 0);
  const [busy, setBusy] = useState(false);
  const heading = section ? sectionTitle(loaded.sections, index, locale, t) : '';
  usePageTitle(section ? heading : null);

  useEffect(() => {
    setData(dossier.form_data ?? {});
    setProblems(serverProblemsOf(dossier.id, loaded.sections, index));
    setFailure(undefined);
  }, [dossier.id, index]);

  if (!section) {
    return (
      <>
        <h1 class="heading-xl">{t('flow.no_such_step')}</h1>
        <p>
          <a href={paths.section(dossier.id, 1)}>{t('flow.first_step')}</a>
        </p>
      </>
    );
  }

  // Sent here by a "Thay đổi" link: back to the check page once the page is right.
  const fromCheck = new URLSearchParams(search).get('tu') === 'kiem-tra';
  const next = fromCheck
    ? paths.check(dossier.id)
    : index + 1 < loaded.sections.length
      ? paths.section(dossier.id, index + 2)
      : paths.papers(dossier.id);
  const back = index > 0 ? paths.section(dossier.id, index) : undefined;

  const save = async (then: 'next' | 'exit') => {
    setBusy(true);
    setFailure(undefined);
    const found = validateSection(fields, section, data);
    try {
      const saved = await dossiersApi.save(dossier.id, dossier.version, visibleData(fields, data));
      setDossier(saved);
    } catch (cause) {
      setBusy(false);
      if (cause instanceof ApiError) {
        setFailure(cause);
        setFocusKey((k) => k + 1);
      }
      return;
    }
    setBusy(false);
    const serverLeft = serverProblems.get(dossier.id);
    if (serverLeft) {
      for (const path of Object.keys(serverLeft)) if (sectionOfPath(loaded.sections, path) === index) delete serverLeft[path];
    }
    if (then === 'exit') {
      navigate('/ho-so-cua-toi');
      return;
    }
    if (Object.keys(found).length) {
      setProblems(found);
      setFocusKey((k) => k + 1);
      return;
    }
    setProblems({});
    navigate(next);
  };

  const summary = summaryOf(problems, fields, locale, section.group ? sectionTitle(loaded.sections, index, locale, t) : undefined);
  const showSummary = summary.length > 0 || failure;
  return (
    <>
      {back && (
        <p class="back-link-row back-link-row--top">
          <a class="back-link" href={back}>
            {t('flow.back')}
          </a>
        </p>
      )}
      {showSummary && (
        <ErrorSummary items={summary} message={failure ? failure.messageIn(locale) : undefined} focusKey={focusKey} />
      )}
      <h1 class="heading-xl">
        <Caption loaded={loaded} step={index + 1} />
        {heading}
      </h1>
      {section.group?.help && <p class="lead">{locale === 'en' && section.group.help_en ? section.group.help_en : section.group.help}</p>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save('next');
        }}
      >
        {section.group ? (
          <SchemaFields
            fields={section.fields}
            prefix={`${section.group.key}.`}
            scope={(data[section.group.key] as FormData | undefined) ?? {}}
            root={data}
            rootFields={fields}
            problems={problems}
            onScope={(scope) => setData({ ...data, [section.group!.key]: scope })}
          />
        ) : (
          <SchemaFields
            fields={section.fields}
            prefix=""
            scope={data}
            root={data}
            rootFields={fields}
            problems={problems}
            onScope={(scope) => setData(scope)}
          />
        )}
        <div class="button-row">
          <button class="button" type="submit" disabled={busy}>
            {busy ? t('form.sending') : t('flow.continue')}
          </button>
          <button class="button button--secondary" type="button" disabled={busy} onClick={() => void save('exit')}>
            {t('flow.save_exit')}
          </button>
        </div>
      </form>
    </>
  );
}

function serverProblemsOf(id: number, list: Section[], index: number): Problems {
  const all = serverProblems.get(id) ?? {};
  const out: Problems = {};
  for (const [path, p] of Object.entries(all)) if (sectionOfPath(list, path) === index) out[path] = p;
  return out;
}

// The page's own heading (a group's label) is left out of each item: the person is on that page.
function summaryOf(problems: Problems, fields: readonly FormField[], locale: Locale, pageHeading?: string): SummaryItem[] {
  return Object.entries(problems).map(([path, p]) => {
    let label = labelPath(fields, path, locale);
    if (pageHeading && label.startsWith(`${pageHeading} › `)) label = label.slice(pageHeading.length + 3);
    return { target: targetId(path, fieldAt(fields, path)), text: `${label}: ${problemText(p, locale)}` };
  });
}

// "Đồng sở hữu 2 › Họ và tên" for "co_owners[1].full_name".
export function labelPath(fields: readonly FormField[], path: string, locale: Locale): string {
  const names: string[] = [];
  let scope: readonly FormField[] = fields;
  for (const part of path.split('.')) {
    const m = /^([a-z0-9_]+)(?:\[(\d+)\])?$/.exec(part);
    const key = m?.[1] ?? part;
    const f = scope.find((x) => x.key === key);
    if (!f) {
      const addressPart = { province: ['Tỉnh/thành phố', 'Province'], district: ['Quận/huyện', 'District'], ward: ['Xã/phường', 'Ward'], street: ['Số nhà, đường phố', 'Street'] }[key];
      names.push(addressPart ? (locale === 'en' ? addressPart[1]! : addressPart[0]!) : key);
      break;
    }
    const label = locale === 'en' && f.label_en ? f.label_en : f.label;
    names.push(m?.[2] !== undefined ? `${label} ${Number(m[2]) + 1}` : label);
    scope = f.fields ?? [];
  }
  return names.join(' › ');
}

// ---- papers ------------------------------------------------------------------------------------

export function PapersPage({ params, title }: PageProps) {
  return (
    <FlowPage params={params} title={title}>
      {(loaded) => <Papers loaded={loaded} />}
    </FlowPage>
  );
}

function Papers({ loaded }: { loaded: Loaded }) {
  const { t, locale } = useI18n();
  const { dossier, procedure } = loaded;
  const [docs, setDocs] = useState<DossierDocument[] | undefined>(dossier.documents);
  const [listFailed, setListFailed] = useState(false);
  const [problems, setProblems] = useState<Problems>(() => {
    const out: Problems = {};
    for (const [path, p] of Object.entries(serverProblems.get(dossier.id) ?? {})) if (path.startsWith('documents.')) out[path] = p;
    return out;
  });
  const [focusKey, setFocusKey] = useState(Object.keys(problems).length ? 1 : 0);
  const step = loaded.sections.length + 1;
  const back = loaded.sections.length ? paths.section(dossier.id, loaded.sections.length) : undefined;

  const onContinue = (event: Event) => {
    event.preventDefault();
    const missing = listFailed ? [] : missingPapers(procedure.components, docs ?? []);
    if (missing.length) {
      const found: Problems = {};
      for (const n of missing) {
        found[`documents.${n}`] = {
          code: 'required',
          message: 'Vui lòng tải lên giấy tờ này.',
          message_en: 'Upload this paper.',
        };
      }
      setProblems(found);
      setFocusKey((k) => k + 1);
      return;
    }
    setProblems({});
    deleteDocumentProblems(dossier.id);
    navigate(paths.check(dossier.id));
  };

  const summary: SummaryItem[] = Object.entries(problems).map(([path, p]) => {
    const n = Number(path.split('.')[1]);
    const c = procedure.components[n - 1];
    return { target: `paper-${n}-file`, text: `${c ? c.name : path}: ${problemText(p, locale)}` };
  });

  return (
    <>
      {back && (
        <p class="back-link-row back-link-row--top">
          <a class="back-link" href={back}>
            {t('flow.back')}
          </a>
        </p>
      )}
      {summary.length > 0 && <ErrorSummary items={summary} focusKey={focusKey} />}
      <h1 class="heading-xl">
        <Caption loaded={loaded} step={step} />
        {t('flow.papers_title')}
      </h1>
      <p class="lead">{t('flow.papers_lead')}</p>
      <PapersEditor
        dossierId={dossier.id}
        components={procedure.components}
        docs={docs}
        onDocs={(next) => {
          setDocs(next);
          // A paper now there is no longer missing.
          setProblems((current) => {
            const left: Problems = {};
            for (const [path, p] of Object.entries(current)) {
              if (!next.some((d) => `documents.${d.component}` === path)) left[path] = p;
            }
            return left;
          });
        }}
        problems={problems}
        onLoadFailed={() => setListFailed(true)}
      />
      <form noValidate onSubmit={onContinue}>
        <div class="button-row">
          <button class="button" type="submit">
            {t('flow.continue')}
          </button>
          <a class="button button--secondary" href="/ho-so-cua-toi">
            {t('flow.exit')}
          </a>
        </div>
      </form>
    </>
  );
}

function deleteDocumentProblems(id: number) {
  const all = serverProblems.get(id);
  if (!all) return;
  for (const path of Object.keys(all)) if (path.startsWith('documents.')) delete all[path];
}

// ---- check your answers and submit -------------------------------------------------------------

export function CheckPage({ params, title }: PageProps) {
  return (
    <FlowPage params={params} title={title}>
      {(loaded) => <Check loaded={loaded} title={title} />}
    </FlowPage>
  );
}

function Check({ loaded, title }: { loaded: Loaded; title: string }) {
  const { t, locale } = useI18n();
  const { dossier, procedure, fields } = loaded;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const [problems, setProblems] = useState<Problems>(serverProblems.get(dossier.id) ?? {});
  const [focusKey, setFocusKey] = useState(0);
  const docs = useDocuments(dossier);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await dossiersApi.submit(dossier.id, submissionKey(dossier.id));
      forgetKey(dossier.id);
      serverProblems.delete(dossier.id);
      if (answer.lookup_secret) rememberSecret(dossier.id, answer.lookup_secret);
      navigate(paths.receipt(dossier.id));
    } catch (cause) {
      setBusy(false);
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status >= 400 && cause.status < 500) forgetKey(dossier.id);
      if (cause.code === 'validation_failed' && Object.keys(cause.fields).length) {
        serverProblems.set(dossier.id, { ...cause.fields });
        setProblems({ ...cause.fields });
      } else {
        setFailure(cause);
      }
      setFocusKey((k) => k + 1);
    }
  };

  // Server problems link to the page that holds the field.
  const items = Object.entries(problems).map(([path, p]) => {
    let href: string;
    let label: string;
    if (path.startsWith('documents.')) {
      const n = Number(path.split('.')[1]);
      href = `${paths.papers(dossier.id)}#paper-${n}-file`;
      label = procedure.components[n - 1]?.name ?? path;
    } else {
      const s = sectionOfPath(loaded.sections, path);
      href = `${paths.section(dossier.id, s >= 0 ? s + 1 : 1)}#${targetId(path, fieldAt(fields, path))}`;
      label = labelPath(fields, path, locale);
    }
    return { href, text: `${label}: ${problemText(p, locale)}` };
  });

  return (
    <>
      <p class="back-link-row back-link-row--top">
        <a class="back-link" href={paths.papers(dossier.id)}>
          {t('flow.back')}
        </a>
      </p>
      {(items.length > 0 || failure) && (
        <LinkedErrorSummary items={items} message={failure ? notOnlineText(failure, locale, t) : undefined} focusKey={focusKey} />
      )}
      <h1 class="heading-xl">
        <Caption loaded={loaded} step={loaded.sections.length + 2} />
        {title}
      </h1>
      <dl class="summary-list">
        <Row label={t('flow.procedure')}>{localName(procedure, locale)}</Row>
        <Row label={t('flow.agency')}>{localName(dossier.agency, locale)}</Row>
        <Row label={t('flow.time')}>{processingTimeText(procedure.processing_time, locale)}</Row>
        <Row label={t('flow.fee')}>
          <span class="nowrap">{formatMoney(procedure.fee.total, locale)}</span>
        </Row>
      </dl>
      <AnswersSummary
        fields={fields}
        sectionList={loaded.sections}
        data={dossier.form_data ?? {}}
        changeHref={(n) => `${paths.section(dossier.id, n)}?tu=kiem-tra`}
      />
      <h2 class="heading-l">{t('flow.papers_title')}</h2>
      <dl class="summary-list">
        {procedure.components.map((c, i) => {
          const mine = (docs ?? []).filter((d) => d.component === String(i + 1));
          return (
            <div class="summary-list__row summary-list__row--actions" key={i}>
              <dt class="summary-list__key">{c.name}</dt>
              <dd class="summary-list__value">
                {mine.length ? mine.map((d) => <div key={d.id}>{d.name}</div>) : t('flow.no_paper')}
              </dd>
              <dd class="summary-list__actions">
                <a href={`${paths.papers(dossier.id)}#paper-${i + 1}-file`}>
                  {t('flow.change')}
                  <span class="visually-hidden"> {c.name}</span>
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
      <h2 class="heading-l">{t('flow.declaration_heading')}</h2>
      <p>{t('flow.declaration')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div class="button-row">
          <button class="button" type="submit" disabled={busy}>
            {busy ? t('form.sending') : t('flow.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

function notOnlineText(error: ApiError, locale: Locale, t: ReturnType<typeof useI18n>['t']): string {
  void t;
  return error.messageIn(locale);
}

function forgetKey(id: number) {
  try {
    sessionStorage.removeItem(`motcua.submit.${id}`);
  } catch {
    // nothing remembered
  }
}

// The error summary of the check page: its links go to other pages (where the field is).
function LinkedErrorSummary({ items, message, focusKey }: { items: { href: string; text: string }[]; message?: string | undefined; focusKey: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 class="error-summary__title" id="error-summary-title">
        {t('form.error_summary_title')}
      </h2>
      {message && <p class="error-summary__message">{message}</p>}
      {items.length > 0 && (
        <ul class="error-summary__list">
          {items.map((item) => (
            <li key={item.href + item.text}>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{label}</dt>
      <dd class="summary-list__value">{children}</dd>
    </div>
  );
}

// The dossier's papers: embedded in the dossier when the server sends them, else asked for.
export function useDocuments(dossier: Dossier): DossierDocument[] | undefined {
  const [docs, setDocs] = useState<DossierDocument[] | undefined>(dossier.documents);
  useEffect(() => {
    if (dossier.documents) {
      setDocs(dossier.documents);
      return;
    }
    const controller = new AbortController();
    dossiersApi.documents(dossier.id, controller.signal).then(
      (r) => setDocs(r.items),
      () => setDocs([]),
    );
    return () => controller.abort();
  }, [dossier.id, dossier.documents]);
  return docs;
}

// ---- receipt -----------------------------------------------------------------------------------

export function ReceiptPage({ params, title }: PageProps) {
  return (
    <FlowPage params={params} title={title} needsDraft={false}>
      {(loaded) => <Receipt loaded={loaded} title={title} />}
    </FlowPage>
  );
}

export function lookupUrl(origin: string, code: string, secret: string | undefined): string {
  return secret ? `${origin}${paths.lookup(code, secret)}` : `${origin}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

function Receipt({ loaded, title }: { loaded: Loaded; title: string }) {
  const { t, locale } = useI18n();
  const { dossier, procedure } = loaded;
  const secret = takeSecret(dossier.id);
  const code = dossier.code ?? '';
  const url = lookupUrl(location.origin, code, secret);
  const qr = useQrDataUrl(url);
  if (!dossier.code) {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <p>{t('receipt.no_code')}</p>
        <p>
          <a href={paths.check(dossier.id)}>{t('flow.back_to_check')}</a>
        </p>
      </>
    );
  }
  const when = dossier.received_at ?? dossier.submitted_at;
  return (
    <>
      <div class="panel" role="status">
        <h1 class="panel__title">{t('receipt.heading')}</h1>
        <p class="panel__body">
          {t('receipt.code_label')}
          <br />
          <strong class="panel__code" data-testid="dossier-code">
            {code}
          </strong>
        </p>
      </div>
      <div class="receipt">
        <div class="receipt__qr">
          {qr && <img class="qr" src={qr} alt={t('receipt.qr_alt', { code })} width={180} height={180} />}
          <p class="hint">{t('receipt.qr_hint')}</p>
          <p class="receipt__url">
            <a href={url.replace(location.origin, '')}>{url}</a>
          </p>
        </div>
        <dl class="summary-list receipt__facts">
          <Row label={t('flow.procedure')}>{localName(procedure, locale)}</Row>
          <Row label={t('flow.agency')}>{localName(dossier.agency, locale)}</Row>
          <Row label={t('receipt.submitted_at')}>{formatDateTimeDmy(dossier.submitted_at)}</Row>
          <Row label={t('receipt.received_at')}>
            {formatDateTimeDmy(when)}
            <span class="hint-inline"> {t('receipt.received_note')}</span>
          </Row>
          {dossier.due_at && <Row label={t('receipt.due_at')}>{formatDateTimeDmy(dossier.due_at)}</Row>}
          <Row label={t('flow.time')}>{processingTimeText(procedure.processing_time, locale)}</Row>
          <Row label={t('flow.fee')}>
            <span class="nowrap">{formatMoney(procedure.fee.total, locale)}</span>
            <span class="hint-inline"> {t('receipt.fee_note')}</span>
          </Row>
        </dl>
      </div>
      {secret ? (
        <div class="warning-text" data-testid="lookup-secret-box">
          <h2 class="heading-m">{t('receipt.secret_heading')}</h2>
          <p>
            {t('receipt.secret_label')} <strong class="secret" data-testid="lookup-secret">{secret}</strong>
          </p>
          <p>
            <strong>{t('receipt.secret_warning')}</strong>
          </p>
        </div>
      ) : (
        <div class="inset">
          <p>{t('receipt.secret_gone')}</p>
        </div>
      )}
      <h2 class="heading-l">{t('receipt.next_heading')}</h2>
      <ol class="number-list">
        <li>{t('receipt.next_1', { agency: localName(dossier.agency, locale) })}</li>
        <li>{t('receipt.next_2')}</li>
        <li>{t('receipt.next_3', { fee: formatMoney(procedure.fee.total, locale) })}</li>
      </ol>
      <div class="button-row no-print">
        <button class="button button--secondary" type="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <a class="button" href={paths.dossier(dossier.id)}>
          {t('receipt.follow')}
        </a>
      </div>
      <p class="no-print">
        <a href="/ho-so-cua-toi">{t('dossier.back_to_list')}</a>
      </p>
    </>
  );
}

// A memo of the sections of a schema (for pages that only draw answers).
export function useSections(fields: FormField[]): Section[] {
  return useMemo(() => sections(fields), [fields]);
}
