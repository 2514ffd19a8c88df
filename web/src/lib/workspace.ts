// The officers' workspace (issue 6): the processing API as src/api/workflow.cpp answers it — the
// inbox, the actions allowed now, taking one, the control sheet (form 05) — and the pure helpers
// the pages use: the inbox filters ⇄ URL, days left and due flags, and what an action's dialog asks
// for, how it is checked and what it sends.
import type { MessageKey } from '../i18n';
import { api, type ApiClient } from './api';
import type { Dossier, NamedRef } from './dossiers';

// ---- shapes --------------------------------------------------------------------------------------

export type DueFlag = 'soon' | 'overdue';
export type ResultTiming = 'before_time' | 'on_time' | 'late';
export type ReturnMethod = 'in_person' | 'post' | 'online';
export const RETURN_METHODS: readonly ReturnMethod[] = ['in_person', 'post', 'online'];

// What every dossier JSON carries once it is in the workflow.
export interface WorkflowFields {
  unit?: string | null;
  assignee?: string | null;
  working_days_left?: number | null;
  due_flag?: DueFlag | null;
  paused?: boolean;
  result_timing?: ResultTiming | null;
}

export interface InboxItem extends WorkflowFields {
  id: number;
  code: string | null;
  status: string;
  status_label: string;
  status_label_en: string;
  procedure: NamedRef;
  agency: NamedRef;
  applicant_name: string | null;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  per_page: number;
  counts: Record<string, number>;
}

// The dossier as an officer reads it.
export interface OfficerDossier extends Dossier, WorkflowFields {
  applicant?: { name: string; kind: string } | null;
  outcome?: string | null;
  finished_at?: string | null;
  result_number?: string | null;
  return_method?: ReturnMethod | null;
  extension_due?: string | null;
  /** Inter-agency (liên thông): the agency and unit the dossier was handed to. */
  partner?: { agency: string; unit: string | null } | null;
}

export interface ActionInfo {
  name: string;
  label: string;
  label_en: string;
  needs_comment: boolean;
  needs_assignee: boolean;
  needs_new_due: boolean;
  needs_result_number: boolean;
  needs_return_method: boolean;
  // hand_over (inter-agency): the partner agency and its unit that takes the dossier.
  needs_partner?: boolean;
  slip: string;
}

export interface Assignee {
  username: string;
  full_name: string;
}

export interface AllowedActions {
  version: number;
  status: string;
  actions: ActionInfo[];
  assignees: Assignee[];
}

export interface ControlSheetRow {
  step: string;
  action: string;
  agency: string;
  unit: string | null;
  giver: string | null;
  giver_name?: string | null; // the accounts' full names (servers before form 05 printing lack them)
  receiver: string;
  receiver_name?: string | null;
  handed_at: string;
  done_at: string;
  allotted_hours: number;
  used_hours: number;
  timing: ResultTiming;
  note?: string | null;
}

// The applicant as the control sheet's heading names them (form 05).
export interface SheetApplicant {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface ControlSheet {
  applicant?: SheetApplicant;
  rows: ControlSheetRow[];
}

// The agencies a control sheet names (the lead and its partners), as the catalog answers them.
export interface SheetAgency {
  name: string;
  name_en?: string | null;
  units: readonly { key: string; name: string }[];
}

// A control-sheet row's "Tên cơ quan, đơn vị": the unit's name among its own agency's units — a
// partner agency's step (liên thông) is named by the partner's unit, not by a unit of the lead that
// happens to share its key — with the partner agency's name after it, as the server's form 05 PDF
// writes it. Unknown codes and keys stay as they are (the catalog still loading, or changed).
export function sheetUnitName(
  row: Pick<ControlSheetRow, 'agency' | 'unit'>,
  leadCode: string,
  agencies: ReadonlyMap<string, SheetAgency>,
  locale: 'vi' | 'en' = 'vi',
): string {
  const agency = agencies.get(row.agency);
  const agencyName = agency ? (locale === 'en' && agency.name_en) || agency.name : row.agency;
  if (!row.unit) return agencyName;
  const unit = agency?.units.find((u) => u.key === row.unit)?.name ?? row.unit;
  return row.agency === leadCode ? unit : `${unit} (${agencyName})`;
}

export interface SlipRecord {
  id: number;
  form: string; // form_01 … form_04
  action: string;
  issued_at: string;
  issued_by: string;
  content: Record<string, unknown>;
}

export interface ActionBody {
  version: number;
  comment?: string;
  assignee?: string;
  new_due?: string;
  result_number?: string;
  return_method?: ReturnMethod;
  partner_agency?: string;
  partner_unit?: string;
}

// ---- the API -------------------------------------------------------------------------------------

const base = (id: number) => `/dossiers/${encodeURIComponent(String(id))}`;

export function createWorkspaceApi(client: ApiClient = api) {
  return {
    inbox: (filters: InboxFilters, signal?: AbortSignal) => {
      const query = inboxApiQuery(filters);
      return client.get<InboxPage>('/inbox', signal ? { query, signal } : { query });
    },
    dossier: (id: number, signal?: AbortSignal) => client.get<OfficerDossier>(base(id), signal ? { signal } : {}),
    actions: (id: number, signal?: AbortSignal) =>
      client.get<AllowedActions>(`${base(id)}/actions`, signal ? { signal } : {}),
    act: (id: number, action: string, body: ActionBody) =>
      client.post<OfficerDossier>(`${base(id)}/actions/${encodeURIComponent(action)}`, body),
    controlSheet: (id: number, signal?: AbortSignal) =>
      client.get<ControlSheet>(`${base(id)}/control-sheet`, signal ? { signal } : {}),
    slips: (id: number, signal?: AbortSignal) =>
      client.get<{ items: SlipRecord[] }>(`${base(id)}/slips`, signal ? { signal } : {}),
  };
}

export const workspaceApi = createWorkspaceApi();

// ---- the inbox filters ⇄ the URL -----------------------------------------------------------------

export const INBOX_PATH = '/can-bo/ho-so';
export const inboxDossierPath = (id: number) => `${INBOX_PATH}/${id}`;
export const INBOX_PER_PAGE = 20;
export const MAX_INBOX_QUERY = 100;

export interface InboxFilters {
  q: string;
  status: string;
  procedure: string;
  due: '' | DueFlag;
  page: number;
}

export const EMPTY_INBOX_FILTERS: Readonly<InboxFilters> = { q: '', status: '', procedure: '', due: '', page: 1 };

const STATUS_NAME = /^[a-z_]{1,40}$/;
const PROCEDURE_CODE = /^[A-Za-z0-9._-]{1,40}$/;

// "?status=received&due=soon&q=an&page=2" → filters; values that cannot be right are dropped.
export function parseInboxQuery(search: string): InboxFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const get = (name: string) => (params.get(name) ?? '').trim();
  const status = get('status');
  const procedure = get('procedure');
  const due = get('due');
  const pageText = get('page');
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  return {
    q: get('q').replace(/\s+/g, ' ').slice(0, MAX_INBOX_QUERY),
    status: STATUS_NAME.test(status) ? status : '',
    procedure: PROCEDURE_CODE.test(procedure) ? procedure : '',
    due: due === 'soon' || due === 'overdue' ? due : '',
    page: page >= 1 ? page : 1,
  };
}

// Filters → "?q=…&status=…" in a fixed order ("" when nothing is set; page 1 left out).
export function inboxQueryString(filters: Partial<InboxFilters>): string {
  const params = new URLSearchParams();
  const q = (filters.q ?? '').trim().replace(/\s+/g, ' ');
  if (q) params.set('q', q);
  for (const key of ['status', 'procedure', 'due'] as const) {
    const value = (filters[key] ?? '').trim();
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function inboxHref(filters: Partial<InboxFilters>): string {
  return `${INBOX_PATH}${inboxQueryString(filters)}`;
}

export function inboxApiQuery(filters: InboxFilters, perPage = INBOX_PER_PAGE): Record<string, string | number> {
  const query: Record<string, string | number> = { page: filters.page, per_page: perPage };
  if (filters.q) query['q'] = filters.q.normalize('NFC');
  if (filters.status) query['status'] = filters.status;
  if (filters.procedure) query['procedure'] = filters.procedure;
  if (filters.due) query['due'] = filters.due;
  return query;
}

// The status chips: the statuses with work, in workflow order (unknown ones after, by name).
export const STATUS_ORDER: readonly string[] = [
  'submitted',
  'received',
  'assigned',
  'awaiting_supplement',
  'proposed',
  'reviewed',
  'approved',
  'handled',
  'at_partner',
  'back_at_lead',
  'issued',
];

export function statusChips(counts: Record<string, number>): { status: string; count: number }[] {
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  return Object.entries(counts)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.status.localeCompare(b.status));
}

export function totalCount(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
}

// ---- days left and due flags ---------------------------------------------------------------------

// Whether a running dossier is late or nearly so. The server's mark (set by the due sweep and by
// every action) comes first; the working days left it computes on each read catch the time between
// two sweeps: under 0 is late, at most one working day left is "soon" (the sweep's rule: 8 working hours).
export function dueFlagOf(d: Pick<WorkflowFields, 'due_flag' | 'working_days_left' | 'paused'>): DueFlag | null {
  if (d.due_flag === 'overdue') return 'overdue';
  const left = d.working_days_left;
  if (typeof left === 'number' && Number.isFinite(left)) {
    if (left < 0) return 'overdue';
    if (d.paused) return d.due_flag === 'soon' ? 'soon' : null;
    if (left <= 1) return 'soon';
  }
  return d.due_flag === 'soon' ? 'soon' : null;
}

// 3.5 → "3,5" (vi) or "3.5" (en): one decimal at most, no trailing ",0".
export function formatDays(days: number, locale: 'vi' | 'en'): string {
  const rounded = Math.round(Math.abs(days) * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

export type DaysLeftKind = 'none' | 'left' | 'today' | 'late' | 'paused';

// What the "days left" cell says, as a message key and its parameters: no clock yet, n working
// days left, due now (0), n working days late, or frozen while the applicant owes papers.
export function daysLeft(
  d: Pick<WorkflowFields, 'working_days_left' | 'paused'>,
  locale: 'vi' | 'en',
): { kind: DaysLeftKind; days: string; count: number } {
  const left = d.working_days_left;
  if (typeof left !== 'number' || !Number.isFinite(left)) return { kind: 'none', days: '', count: 0 };
  const count = Math.round(Math.abs(left) * 10) / 10;
  const days = formatDays(left, locale);
  if (d.paused) return { kind: 'paused', days, count };
  if (left < 0) return { kind: 'late', days, count };
  if (count === 0) return { kind: 'today', days, count };
  return { kind: 'left', days, count };
}

// ---- the action dialog ---------------------------------------------------------------------------

export type ActionField =
  | 'comment'
  | 'assignee'
  | 'new_due'
  | 'result_number'
  | 'return_method'
  | 'partner_agency'
  | 'partner_unit';

export const MAX_COMMENT = 2000;
export const MAX_RESULT_NUMBER = 100;

export interface ActionInput {
  comment: string;
  assignee: string;
  due_date: string; // dd/mm/yyyy
  due_time: string; // HH:mm
  result_number: string;
  return_method: string;
  partner_agency: string;
  partner_unit: string;
}

export const EMPTY_ACTION_INPUT: Readonly<ActionInput> = {
  comment: '',
  assignee: '',
  due_date: '',
  due_time: '',
  result_number: '',
  return_method: '',
  partner_agency: '',
  partner_unit: '',
};

export interface DialogField {
  name: ActionField;
  required: boolean;
}

// The inputs an action's dialog shows, in order. Every action takes a comment: required where the
// workflow says so (supplement requests, refusals, extensions, send-backs), an optional note else.
export function dialogFields(action: ActionInfo): DialogField[] {
  const out: DialogField[] = [];
  if (action.needs_assignee) out.push({ name: 'assignee', required: true });
  if (action.needs_partner) {
    out.push({ name: 'partner_agency', required: true });
    out.push({ name: 'partner_unit', required: true });
  }
  if (action.needs_new_due) out.push({ name: 'new_due', required: true });
  if (action.needs_result_number) out.push({ name: 'result_number', required: true });
  if (action.needs_return_method) out.push({ name: 'return_method', required: true });
  out.push({ name: 'comment', required: action.needs_comment });
  return out;
}

// The problems of a dialog's inputs, by field: a message key per field (the server checks again).
export type ActionProblem =
  | 'required'
  | 'comment_required'
  | 'too_long'
  | 'unknown_assignee'
  | 'due_date_format'
  | 'due_time_format'
  | 'due_not_future'
  | 'unknown_value';

const DATE_TEXT = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const TIME_TEXT = /^(\d{1,2})\s*[:hg.]\s*(\d{2})$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// "20/03/2017" + "16:30" (Hanoi time) → "2017-03-20T16:30:00+07:00"; problems by part otherwise.
export function parseDueInput(
  date: string,
  time: string,
): { iso: string } | { date?: ActionProblem; time?: ActionProblem } {
  const problems: { date?: ActionProblem; time?: ActionProblem } = {};
  const d = DATE_TEXT.exec(date.trim());
  const t = TIME_TEXT.exec(time.trim());
  if (!date.trim()) problems.date = 'required';
  else if (!d) problems.date = 'due_date_format';
  else {
    const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) problems.date = 'due_date_format';
  }
  if (!time.trim()) problems.time = 'required';
  else if (!t) problems.time = 'due_time_format';
  else if (Number(t[1]) > 23 || Number(t[2]) > 59) problems.time = 'due_time_format';
  if (problems.date || problems.time || !d || !t) return problems;
  return {
    iso: `${d[3]}-${pad2(Number(d[2]))}-${pad2(Number(d[1]))}T${pad2(Number(t[1]))}:${t[2]}:00+07:00`,
  };
}

// An instant's Hanoi date and time as the dialog's inputs show them ("20/03/2017", "16:30").
export function dueInputOf(iso: string | null | undefined): { due_date: string; due_time: string } {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return { due_date: '', due_time: '' };
  const v = new Date(ms + 7 * 3600 * 1000);
  return {
    due_date: `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`,
    due_time: `${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}`,
  };
}

function chars(text: string): number {
  return [...text].length;
}

// Checks the inputs an action needs; the field keys are those of the server's `fields`
// ("new_due" stands for both date and time, which have their own keys here: due_date, due_time).
export function validateAction(
  action: ActionInfo,
  input: ActionInput,
  assignees: readonly Assignee[],
  now: number = Date.now(),
  // The units of the chosen partner agency (none: the agency takes it as a whole).
  partnerUnits: readonly string[] = [],
): Partial<Record<ActionField | 'due_date' | 'due_time', ActionProblem>> {
  const problems: Partial<Record<ActionField | 'due_date' | 'due_time', ActionProblem>> = {};
  for (const field of dialogFields(action)) {
    switch (field.name) {
      case 'comment': {
        const text = input.comment.trim();
        if (field.required && !text) problems.comment = 'comment_required';
        else if (chars(text) > MAX_COMMENT) problems.comment = 'too_long';
        break;
      }
      case 'assignee':
        if (!input.assignee) problems.assignee = 'required';
        else if (!assignees.some((a) => a.username === input.assignee)) problems.assignee = 'unknown_assignee';
        break;
      case 'result_number': {
        const text = input.result_number.trim();
        if (!text) problems.result_number = 'required';
        else if (chars(text) > MAX_RESULT_NUMBER) problems.result_number = 'too_long';
        break;
      }
      case 'return_method':
        if (!input.return_method) problems.return_method = 'required';
        else if (!(RETURN_METHODS as readonly string[]).includes(input.return_method)) problems.return_method = 'unknown_value';
        break;
      case 'partner_agency':
        if (!input.partner_agency) problems.partner_agency = 'required';
        break;
      case 'partner_unit':
        if (!input.partner_agency || partnerUnits.length === 0) break;
        if (!input.partner_unit) problems.partner_unit = 'required';
        else if (!partnerUnits.includes(input.partner_unit)) problems.partner_unit = 'unknown_value';
        break;
      case 'new_due': {
        const parsed = parseDueInput(input.due_date, input.due_time);
        if ('iso' in parsed) {
          if (Date.parse(parsed.iso) <= now) problems.due_date = 'due_not_future';
        } else {
          if (parsed.date) problems.due_date = parsed.date;
          if (parsed.time) problems.due_time = parsed.time;
        }
        break;
      }
    }
  }
  return problems;
}

// The body of POST /dossiers/{id}/actions/{action}: the version seen and only what the action takes.
export function actionBody(action: ActionInfo, input: ActionInput, version: number): ActionBody {
  const body: ActionBody = { version };
  const comment = input.comment.trim().normalize('NFC');
  if (comment) body.comment = comment;
  if (action.needs_assignee && input.assignee) body.assignee = input.assignee;
  if (action.needs_result_number) body.result_number = input.result_number.trim().normalize('NFC');
  if (action.needs_return_method && (RETURN_METHODS as readonly string[]).includes(input.return_method)) {
    body.return_method = input.return_method as ReturnMethod;
  }
  if (action.needs_new_due) {
    const parsed = parseDueInput(input.due_date, input.due_time);
    if ('iso' in parsed) body.new_due = parsed.iso;
  }
  if (action.needs_partner && input.partner_agency) {
    body.partner_agency = input.partner_agency;
    if (input.partner_unit) body.partner_unit = input.partner_unit;
  }
  return body;
}

// The action names of a 409 action_not_allowed ("assign, extend"; "-" for none).
export function allowedFromError(fields: Record<string, { message: string }>): string[] {
  const text = fields['allowed']?.message ?? '';
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== '-');
}

// Hours as the control sheet prints them: 12 → "12", 1.5 → "1,5" (vi).
export function formatHours(hours: number, locale: 'vi' | 'en'): string {
  if (!Number.isFinite(hours)) return '';
  return formatDays(hours, locale);
}

// The roles that handle dossiers (GET /inbox is theirs; the city admin sees everything).
export const HANDLING_ROLES = ['one_stop_officer', 'specialist', 'unit_head', 'agency_leader', 'clerk', 'city_admin'] as const;

// A workflow state's or action's words from the message catalog ("wf.state.received" →
// "Đã tiếp nhận"); the name itself when the catalog has none (a workflow added later).
export function workflowLabel(kind: 'state' | 'action', name: string, t: (key: MessageKey) => string): string {
  const key = `wf.${kind}.${name}` as MessageKey;
  const text = t(key);
  return text === key ? name : text;
}
