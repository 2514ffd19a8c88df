// /can-bo/ho-so/{id} — one dossier as the officer handling it sees it: who applied, where it is,
// the due time and the days left, the actions the officer may take now (each in a dialog, sending
// the version seen; a conflict reloads and says so), the application form drawn from the
// procedure's schema, the papers (opened in the browser), the history, and the process control
// sheet (form 05).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionDialog } from '../components/action_dialog';
import { AnswersSummary } from '../components/answers';
import { ApiErrorBox } from '../components/api_error_box';
import { DueCell } from '../components/due';
import { RequireLogin } from '../components/require_login';
import { TableScroll } from '../components/table_scroll';
import { useI18n } from '../i18n/use_i18n';
import type { Locale, MessageKey } from '../i18n';
import { ApiError } from '../lib/api';
import { catalogApi, type AgencyDetail, type ProcedureDetail, type Unit } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import { dossiersApi, type TimelineEntry } from '../lib/dossiers';
import { formatDateTimeDmy } from '../lib/format';
import { schemaFields, sections, type FormField, type Section } from '../lib/form_schema';
import { isSlipForm, slipPaths } from '../lib/slip_format';
import { useApi } from '../lib/use_api';
import {
  allowedFromError,
  formatHours,
  HANDLING_ROLES,
  INBOX_PATH,
  sheetUnitName,
  workflowLabel,
  workspaceApi,
  type ActionInfo,
  type ControlSheetRow,
  type OfficerDossier,
  type SheetAgency,
} from '../lib/workspace';
import { usePageTitle } from '../page_title';
import type { PageProps } from '../router';
import { Row, useDocuments } from './dossier_flow';
import { statusClass } from './my_dossiers';

export function OfficerDossierPage({ params, title }: PageProps) {
  const n = Number(params['id']);
  const id = Number.isInteger(n) && n > 0 ? n : 0;
  return <RequireLogin kinds={['officer']} roles={HANDLING_ROLES}>{() => <Workspace id={id} title={title} />}</RequireLogin>;
}

interface Loaded {
  dossier: OfficerDossier;
  procedure: ProcedureDetail | undefined;
  fields: FormField[];
  sections: Section[];
}

// The dossier (kept on screen while it reloads) and its procedure's form schema.
function useOfficerDossier(id: number, reload: number) {
  const [data, setData] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const procedures = useRef(new Map<string, ProcedureDetail | undefined>());
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const dossier = await workspaceApi.dossier(id, controller.signal);
      const code = dossier.procedure.code;
      if (!procedures.current.has(code)) {
        const procedure = await catalogApi.procedure(code, undefined, controller.signal).catch((cause: unknown) => {
          if (controller.signal.aborted) throw cause;
          return undefined; // the form is then shown without its labels' schema
        });
        procedures.current.set(code, procedure);
      }
      const procedure = procedures.current.get(code);
      const fields = procedure ? schemaFields(procedure.form) : [];
      if (!controller.signal.aborted) {
        setData({ dossier, procedure, fields, sections: sections(fields) });
        setError(undefined);
      }
    })().catch((cause: unknown) => {
      if (controller.signal.aborted) return;
      setError(
        cause instanceof ApiError
          ? cause
          : new ApiError(0, { code: 'client', message: String(cause), message_en: String(cause), fields: {} }),
      );
    });
    return () => controller.abort();
  }, [id, reload]);
  return { data, error };
}

type Notice =
  | { kind: 'done'; text: string }
  | { kind: 'conflict' }
  | { kind: 'not_allowed'; allowed: string[] }
  | { kind: 'error'; error: ApiError };

function actionLabel(name: string, t: (k: MessageKey) => string): string {
  return workflowLabel('action', name, t);
}

function Workspace({ id, title }: { id: number; title: string }) {
  const { t, locale } = useI18n();
  const [reload, setReload] = useState(0);
  const { data, error } = useOfficerDossier(id, reload);
  const actions = useApi((signal) => workspaceApi.actions(id, signal), [id, reload]);
  const [open, setOpen] = useState<ActionInfo | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(data?.dossier.code ? t('ws.code_title', { code: data.dossier.code }) : null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (error && !data) {
    return (
      <>
        <h1 class="heading-xl">{error.status === 404 ? t('ws.not_found') : title}</h1>
        {error.status === 404 ? <p>{t('ws.not_found_text')}</p> : <ApiErrorBox error={error} />}
        <p>
          <a href={INBOX_PATH}>{t('ws.back')}</a>
        </p>
      </>
    );
  }
  if (!data) {
    return (
      <>
        <h1 class="heading-xl">{title}</h1>
        <p class="loading" role="status">
          {t('ws.loading')}
        </p>
      </>
    );
  }
  const { dossier } = data;
  const allowed = actions.data?.actions ?? [];
  const version = actions.data?.version ?? dossier.version;

  const done = (updated: OfficerDossier, action: ActionInfo) => {
    setOpen(null);
    const label = locale === 'en' ? action.label_en || action.label : action.label;
    const status = (locale === 'en' ? updated.status_label_en : updated.status_label) || workflowLabel('state', updated.status, t);
    setNotice({ kind: 'done', text: t('ws.done', { action: label, status }) });
    setReload((n) => n + 1);
  };
  const refused = (cause: ApiError) => {
    setOpen(null);
    if (cause.code === 'conflict') setNotice({ kind: 'conflict' });
    else if (cause.code === 'action_not_allowed') setNotice({ kind: 'not_allowed', allowed: allowedFromError(cause.fields) });
    else setNotice({ kind: 'error', error: cause });
    setReload((n) => n + 1);
  };

  return (
    <>
      <p class="back-link-row back-link-row--top">
        <a class="back-link" href={INBOX_PATH}>
          {t('ws.back')}
        </a>
      </p>
      <h1 class="heading-xl">
        <span class="caption">{localName(dossier.procedure, locale)}</span>
        {t('ws.code_title', { code: dossier.code ?? String(dossier.id) })}
      </h1>
      <p class="status-line">
        <strong class={statusClass(dossier.status)} data-testid="dossier-status">
          {(locale === 'en' ? dossier.status_label_en : dossier.status_label) || workflowLabel('state', dossier.status, t)}
        </strong>
      </p>

      {notice && (
        <div
          ref={noticeRef}
          tabIndex={-1}
          class={notice.kind === 'done' ? 'notice' : 'warning'}
          role={notice.kind === 'done' ? 'status' : 'alert'}
          data-testid="ws-notice"
        >
          {notice.kind === 'done' && <p>{notice.text}</p>}
          {notice.kind === 'conflict' && <p>{t('ws.conflict')}</p>}
          {notice.kind === 'not_allowed' && (
            <>
              <p>{t('ws.not_allowed')}</p>
              <p>
                {notice.allowed.length > 0
                  ? t('ws.not_allowed_list', { list: notice.allowed.map((a) => actionLabel(a, t)).join(', ') })
                  : t('ws.not_allowed_none')}
              </p>
            </>
          )}
          {notice.kind === 'error' && <p>{notice.error.messageIn(locale)}</p>}
        </div>
      )}

      <section aria-labelledby="ws-actions-heading" class="ws-actions">
        <h2 class="heading-l" id="ws-actions-heading">
          {t('ws.actions_heading')}
        </h2>
        {actions.error ? (
          <p>{t('ws.actions_failed')}</p>
        ) : !actions.data ? (
          <p class="loading" role="status">
            {t('ws.actions_loading')}
          </p>
        ) : allowed.length === 0 ? (
          <p>{t('ws.actions_none')}</p>
        ) : (
          <div class="button-row">
            {allowed.map((a) => (
              <button
                key={a.name}
                type="button"
                class={`button${isWarning(a.name) ? ' button--warning' : ''}${allowed.length > 1 && isSecondary(a.name) ? ' button--secondary' : ''}`}
                aria-haspopup="dialog"
                disabled={actions.loading}
                onClick={() => {
                  setNotice(null);
                  setOpen(a);
                }}
              >
                {locale === 'en' ? a.label_en || a.label : a.label}
              </button>
            ))}
          </div>
        )}
      </section>
      {open && actions.data && (
        <ActionDialog
          action={open}
          assignees={actions.data.assignees}
          dossier={dossier}
          version={version}
          onDone={(updated) => done(updated, open)}
          onRefused={refused}
          onClose={() => setOpen(null)}
        />
      )}

      <Details dossier={dossier} locale={locale} />

      <section aria-labelledby="ws-answers-heading">
        <h2 class="heading-l" id="ws-answers-heading">
          {t('ws.answers_heading')}
        </h2>
        {data.fields.length > 0 ? (
          <AnswersSummary fields={data.fields} sectionList={data.sections} data={dossier.form_data ?? {}} headingLevel={3} />
        ) : (
          <RawAnswers data={dossier.form_data ?? {}} />
        )}
      </section>

      <Papers dossier={dossier} procedure={data.procedure} />
      <History entries={dossier.timeline ?? []} />
      <Slips id={dossier.id} reload={reload} />
      <ControlSheet id={dossier.id} reload={reload} agencyCode={dossier.agency.code} agencyName={localName(dossier.agency, locale)} />
    </>
  );
}

// Actions that end a dossier badly are red; the secondary ones grey.
function isWarning(name: string): boolean {
  return ['refuse', 'request_supplement_at_reception', 'return_not_eligible'].includes(name);
}
function isSecondary(name: string): boolean {
  return ['extend', 'send_back', 'request_supplement'].includes(name);
}

export function useUnits(agencyCode: string): Map<string, Unit> {
  const agency = useApi(
    // No agency yet (its dossier still loading): nothing to ask.
    (signal) => (agencyCode ? catalogApi.agency(agencyCode, signal).catch(() => undefined) : Promise.resolve(undefined)),
    [agencyCode],
  );
  const map = new Map<string, Unit>();
  for (const u of agency.data?.units ?? []) map.set(u.key, u);
  return map;
}

// The lead agency and every partner agency a control sheet's rows name, with their units.
export function useSheetAgencies(leadCode: string, rows: readonly ControlSheetRow[]): Map<string, SheetAgency> {
  const codes = [...new Set([leadCode, ...rows.map((r) => r.agency)].filter(Boolean))].sort();
  const loaded = useApi(
    async (signal) => {
      const found = await Promise.all(codes.map((code) => catalogApi.agency(code, signal).catch(() => undefined)));
      return found.filter((a): a is AgencyDetail => !!a);
    },
    [codes.join(' ')],
  );
  const map = new Map<string, SheetAgency>();
  for (const a of loaded.data ?? []) map.set(a.code, a);
  return map;
}

function Details({ dossier, locale }: { dossier: OfficerDossier; locale: Locale }) {
  const { t } = useI18n();
  const units = useUnits(dossier.agency.code);
  const partnerCode = dossier.partner?.agency ?? '';
  const partner = useApi(
    (signal) => (partnerCode ? catalogApi.agency(partnerCode, signal).catch(() => undefined) : Promise.resolve(undefined)),
    [partnerCode],
  );
  const partnerUnit = dossier.partner?.unit ? partner.data?.units.find((u) => u.key === dossier.partner?.unit) : undefined;
  const applicantKind =
    dossier.applicant?.kind === 'business' ? t('ws.applicant_business') : dossier.applicant?.kind === 'citizen' ? t('ws.applicant_citizen') : '';
  return (
    <section aria-labelledby="ws-details-heading">
      <h2 class="heading-l" id="ws-details-heading">
        {t('ws.details_heading')}
      </h2>
      <dl class="summary-list">
        {dossier.applicant && (
          <Row label={t('ws.applicant')}>
            {dossier.applicant.name}
            {applicantKind && <span class="hint-inline"> ({applicantKind})</span>}
          </Row>
        )}
        <Row label={t('ws.procedure')}>
          {localName(dossier.procedure, locale)} <span class="hint-inline">({dossier.procedure.code})</span>
        </Row>
        <Row label={t('ws.agency')}>{localName(dossier.agency, locale)}</Row>
        {dossier.unit && <Row label={t('ws.unit')}>{units.get(dossier.unit)?.name ?? dossier.unit}</Row>}
        {dossier.partner && (
          <Row label={t('ws.partner')}>
            <span data-testid="ws-partner">
              {partner.data ? localName(partner.data, locale) : dossier.partner.agency}
              {dossier.partner.unit && ` – ${partnerUnit?.name ?? dossier.partner.unit}`}
            </span>
          </Row>
        )}
        <Row label={t('ws.assignee')}>{dossier.assignee ?? <span class="hint-inline">{t('ws.none_yet')}</span>}</Row>
        {dossier.submitted_at && <Row label={t('ws.submitted_at')}>{formatDateTimeDmy(dossier.submitted_at)}</Row>}
        {dossier.received_at && <Row label={t('ws.received_at')}>{formatDateTimeDmy(dossier.received_at)}</Row>}
        {dossier.due_at && <Row label={t('ws.due_at')}>{formatDateTimeDmy(dossier.due_at)}</Row>}
        {dossier.extension_due && <Row label={t('ws.extension_due')}>{formatDateTimeDmy(dossier.extension_due)}</Row>}
        {dossier.due_at && !dossier.finished_at && (
          <Row label={t('ws.time_left')}>
            <DueCell item={dossier} />
          </Row>
        )}
        {dossier.result_number && <Row label={t('ws.result_number')}>{dossier.result_number}</Row>}
        {dossier.return_method && <Row label={t('ws.return_method')}>{t(`return.${dossier.return_method}`)}</Row>}
        {dossier.finished_at && <Row label={t('ws.finished_at')}>{formatDateTimeDmy(dossier.finished_at)}</Row>}
        {dossier.result_timing && (
          <Row label={t('ws.result_timing')}>
            <strong class={timingClass(dossier.result_timing)}>{t(`timing.${dossier.result_timing}`)}</strong>
          </Row>
        )}
      </dl>
    </section>
  );
}

function timingClass(timing: string): string {
  return timing === 'late' ? 'tag tag--red' : timing === 'before_time' ? 'tag tag--green' : 'tag';
}

// Form data without a schema (the procedure could not be loaded): key and value as text.
function RawAnswers({ data }: { data: Record<string, unknown> }) {
  return (
    <dl class="summary-list">
      {Object.entries(data).map(([key, value]) => (
        <Row key={key} label={key}>
          {typeof value === 'string' ? value : JSON.stringify(value)}
        </Row>
      ))}
    </dl>
  );
}

function Papers({ dossier, procedure }: { dossier: OfficerDossier; procedure: ProcedureDetail | undefined }) {
  const { t } = useI18n();
  const docs = useDocuments(dossier);
  return (
    <section aria-labelledby="ws-papers-heading">
      <h2 class="heading-l" id="ws-papers-heading">
        {t('ws.papers_heading')}
      </h2>
      {docs && docs.length === 0 && <p>{t('ws.papers_none')}</p>}
      {docs && docs.length > 0 && (
        <ul class="bullet-list">
          {docs.map((d) => (
            <li key={d.id}>
              <a href={dossiersApi.documentUrl(dossier.id, d.id)} target="_blank" rel="noopener external">
                {d.name}
                <span class="visually-hidden"> {t('ws.paper_opens')}</span>
              </a>
              {procedure?.components[Number(d.component) - 1] && (
                <span class="hint-inline"> — {procedure.components[Number(d.component) - 1]?.name}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function actorText(role: string, t: (k: MessageKey) => string): string {
  if (role === 'citizen' || role === 'business') return t('ws.timeline_applicant');
  const key = `role.${role}` as MessageKey;
  const text = t(key);
  return text === key ? t('ws.timeline_system') : text;
}

function History({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="ws-history-heading">
      <h2 class="heading-l" id="ws-history-heading">
        {t('ws.timeline_heading')}
      </h2>
      <ol class="timeline">
        {[...entries].reverse().map((e, i) => {
          const d = e.detail ?? {};
          const comment = typeof d['comment'] === 'string' ? d['comment'] : '';
          const result = typeof d['result_number'] === 'string' ? d['result_number'] : '';
          const method = typeof d['return_method'] === 'string' ? d['return_method'] : '';
          const newDue = typeof d['new_due'] === 'string' ? d['new_due'] : '';
          return (
            <li class="timeline__item" key={i}>
              <p class="timeline__title">{actionLabel(e.action, t)}</p>
              <p class="timeline__date">
                {formatDateTimeDmy(e.at)} · {actorText(e.actor_role, t)}
              </p>
              {result && (
                <p>
                  {t('ws.result_number')}: {result}
                </p>
              )}
              {method && (
                <p>
                  {t('ws.return_method')}: {t(`return.${method}` as MessageKey)}
                </p>
              )}
              {newDue && (
                <p>
                  {t('ws.extension_due')}: {formatDateTimeDmy(newDue)}
                </p>
              )}
              {comment && <p class="timeline__comment pre-line">{comment}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

// The slips the workflow issued (receipt, supplement request, refusal, apology), as recorded.
function Slips({ id, reload }: { id: number; reload: number }) {
  const { t } = useI18n();
  const slips = useApi((signal) => workspaceApi.slips(id, signal), [id, reload]);
  const items = slips.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="ws-slips-heading">
      <h2 class="heading-l" id="ws-slips-heading">
        {t('ws.slips_heading')}
      </h2>
      <ul class="bullet-list" data-testid="slips">
        {items.map((slip) => {
          const key = `slip.${slip.form}` as MessageKey;
          const text = t(key) === key ? slip.form : t(key);
          const name = text.charAt(0).toUpperCase() + text.slice(1);
          return (
            <li key={slip.id}>
              {t('ws.slip_item', { slip: name, at: formatDateTimeDmy(slip.issued_at), by: slip.issued_by })}
              {isSlipForm(slip.form) && (
                <>
                  {' — '}
                  <a href={slipPaths.officer(id, slip.id)} data-testid="slip-print-link">
                    {t('print.link')}
                    <span class="visually-hidden">: {name}</span>
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ControlSheet({
  id,
  reload,
  agencyCode,
  agencyName,
}: {
  id: number;
  reload: number;
  agencyCode: string;
  agencyName: string;
}) {
  const { t, locale } = useI18n();
  const sheet = useApi((signal) => workspaceApi.controlSheet(id, signal), [id, reload]);
  const rows: ControlSheetRow[] = sheet.data?.rows ?? [];
  const agencies = useSheetAgencies(agencyCode, rows);
  const unitName = (row: ControlSheetRow) =>
    row.agency === agencyCode && !row.unit ? agencyName : sheetUnitName(row, agencyCode, agencies, locale);
  return (
    <section aria-labelledby="ws-sheet-heading">
      <h2 class="heading-l" id="ws-sheet-heading">
        {t('ws.sheet_heading')} <span class="caption caption--inline">({t('ws.sheet_form')})</span>
      </h2>
      {rows.length > 0 && (
        <p class="no-print">
          <a href={slipPaths.controlSheet(id)} data-testid="sheet-print-link">
            {t('print.sheet_link')}
          </a>
        </p>
      )}
      {sheet.error && <p>{t('ws.sheet_failed')}</p>}
      {sheet.data && rows.length === 0 && <p>{t('ws.sheet_empty')}</p>}
      {rows.length > 0 && (
        <TableScroll label={t('ws.sheet_label')}>
          <table class="table table--stack table--sheet" data-testid="control-sheet">
            <thead>
              <tr>
                <th scope="col">{t('ws.col_step')}</th>
                <th scope="col">{t('ws.col_unit')}</th>
                <th scope="col">{t('ws.col_giver')}</th>
                <th scope="col">{t('ws.col_receiver')}</th>
                <th scope="col">{t('ws.col_handed')}</th>
                <th scope="col">{t('ws.col_done')}</th>
                <th scope="col" class="table__num">
                  {t('ws.col_allotted')}
                </th>
                <th scope="col" class="table__num">
                  {t('ws.col_used')}
                </th>
                <th scope="col">{t('ws.col_timing')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">
                    <span>
                      {t('ws.step_n', { n: i + 1, action: actionLabel(row.action, t) })}
                      {row.note && <span class="sheet-note pre-line">{row.note}</span>}
                    </span>
                  </th>
                  <td data-label={t('ws.col_unit')}>{unitName(row)}</td>
                  <td data-label={t('ws.col_giver')}>{row.giver ?? ''}</td>
                  <td data-label={t('ws.col_receiver')}>{row.receiver}</td>
                  <td class="nowrap" data-label={t('ws.col_handed')}>
                    {formatDateTimeDmy(row.handed_at)}
                  </td>
                  <td class="nowrap" data-label={t('ws.col_done')}>
                    {formatDateTimeDmy(row.done_at)}
                  </td>
                  <td class="table__num" data-label={t('ws.col_allotted')}>
                    {row.allotted_hours > 0 ? formatHours(row.allotted_hours, locale) : '—'}
                  </td>
                  <td class="table__num" data-label={t('ws.col_used')}>
                    {formatHours(row.used_hours, locale)}
                  </td>
                  <td data-label={t('ws.col_timing')}>
                    <strong class={timingClass(row.timing)}>{t(`timing.${row.timing}` as MessageKey)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
