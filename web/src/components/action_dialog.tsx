// One workflow action as a modal dialog: labelled by its title, focus kept inside (Tab and
// Shift+Tab wrap around; the page behind is inert through showModal), Esc or "Hủy" closes it and
// focus goes back to the button that opened it. It asks for what the action needs (assignee, new
// due time, result number, return method, comment), checks it here first, sends the version the
// officer saw, and hands any refusal back to the page (409 conflict, 409 action_not_allowed).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/use_i18n';
import type { MessageKey } from '../i18n';
import { ApiError } from '../lib/api';
import { catalogApi, type Agency } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import { useApi } from '../lib/use_api';
import {
  actionBody,
  dialogFields,
  dueInputOf,
  EMPTY_ACTION_INPUT,
  RETURN_METHODS,
  validateAction,
  workspaceApi,
  type ActionField,
  type ActionInfo,
  type ActionInput,
  type ActionProblem,
  type Assignee,
  type OfficerDossier,
} from '../lib/workspace';
import { ChoiceGroup, ErrorSummary, SelectField, TextField, type SummaryItem } from './form';

type FieldKey = ActionField | 'due_date' | 'due_time';

// The message of a problem, more precise for the field it is on.
function problemKey(field: FieldKey, problem: ActionProblem): MessageKey {
  if (problem === 'required') {
    if (field === 'assignee') return 'problem.assignee_required';
    if (field === 'due_date') return 'problem.due_date_required';
    if (field === 'due_time') return 'problem.due_time_required';
    if (field === 'result_number') return 'problem.result_number_required';
    if (field === 'return_method') return 'problem.return_method_required';
    if (field === 'partner_agency') return 'problem.partner_agency_required';
    if (field === 'partner_unit') return 'problem.partner_unit_required';
  }
  return `problem.${problem}` as MessageKey;
}

// The input an error summary's link moves to.
function targetOf(field: FieldKey): string {
  if (field === 'return_method') return 'act-return_method-0';
  if (field === 'new_due') return 'act-due_date';
  if (field === 'partner_agency') return 'act-partner_agency';
  if (field === 'partner_unit') return 'act-partner_unit';
  return `act-${field}`;
}

const FIELD_ORDER: readonly FieldKey[] = ['assignee', 'partner_agency', 'partner_unit', 'due_date', 'due_time', 'result_number', 'return_method', 'comment'];

// Whether the comment of this action goes to the applicant (a slip or an ending is theirs to read).
function commentIsPublic(action: ActionInfo): boolean {
  return action.slip === 'form_02' || action.slip === 'form_03' || action.slip === 'form_04' ||
    action.name === 'return_not_eligible';
}

export function ActionDialog({
  action,
  assignees,
  dossier,
  version,
  onDone,
  onRefused,
  onClose,
}: {
  action: ActionInfo;
  assignees: readonly Assignee[];
  dossier: OfficerDossier;
  version: number;
  onDone: (updated: OfficerDossier) => void;
  // The server refused (conflict, not allowed, forbidden): the page reloads and explains.
  onRefused: (error: ApiError) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [input, setInput] = useState<ActionInput>(() => ({
    ...EMPTY_ACTION_INPUT,
    ...(action.needs_new_due ? dueInputOf(dossier.due_at) : {}),
  }));
  const [problems, setProblems] = useState<Partial<Record<FieldKey, string>>>({});
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const label = locale === 'en' ? action.label_en || action.label : action.label;
  const fields = dialogFields(action);
  // hand_over: the agencies that may take part (departments and districts but this one), and the
  // units of the one chosen.
  const partners = useApi(
    async (signal): Promise<Agency[]> => {
      if (!action.needs_partner) return [];
      const [departments, districts] = await Promise.all([
        catalogApi.agencies({ tier: 'department' }, signal),
        catalogApi.agencies({ tier: 'district' }, signal),
      ]);
      return [...departments.items, ...districts.items].filter((a) => a.code !== dossier.agency.code);
    },
    [action.needs_partner ? dossier.agency.code : ''],
  );
  const partnerDetail = useApi(
    (signal) => (input.partner_agency ? catalogApi.agency(input.partner_agency, signal) : Promise.resolve(undefined)),
    [input.partner_agency],
  );
  const partnerUnits = partnerDetail.data?.code === input.partner_agency ? partnerDetail.data.units : [];
  const titleId = 'act-title';

  // Opens as a modal on mount; closes (and gives focus back) on unmount.
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const first = dialog?.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog__close)');
    first?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const set = (name: keyof ActionInput) => (value: string) => setInput((current) => ({ ...current, [name]: value }));

  // Tab and Shift+Tab wrap inside the dialog; Esc is the dialog's own "cancel".
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [
      ...ref.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea'),
    ].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (focusable.length === 0) return;
    const first = focusable[0] as HTMLElement;
    const last = focusable[focusable.length - 1] as HTMLElement;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setMessage(undefined);
    const found = validateAction(
      action,
      input,
      assignees,
      Date.now(),
      partnerUnits.map((u) => u.key),
    );
    const shown: Partial<Record<FieldKey, string>> = {};
    for (const [field, problem] of Object.entries(found) as [FieldKey, ActionProblem][]) {
      shown[field] = t(problemKey(field, problem));
    }
    setProblems(shown);
    if (Object.keys(shown).length > 0) return;
    setBusy(true);
    try {
      const updated = await workspaceApi.act(dossier.id, action.name, actionBody(action, input, version));
      onDone(updated);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 422 || cause.status === 400) {
        // The server's field problems, on the fields they belong to.
        const server: Partial<Record<FieldKey, string>> = {};
        for (const [name, field] of Object.entries(cause.fields)) {
          const key: FieldKey = name === 'new_due' ? 'due_date' : (name as FieldKey);
          server[key] = (locale === 'en' && field.message_en) || field.message;
        }
        setProblems(server);
        setMessage(cause.messageIn(locale));
      } else if (cause.status === 409 || cause.status === 403 || cause.status === 404) {
        onRefused(cause);
      } else {
        setMessage(cause.messageIn(locale));
      }
    } finally {
      setBusy(false);
    }
  };

  const items: SummaryItem[] = FIELD_ORDER.filter((f) => problems[f]).map((f) => ({
    target: targetOf(f),
    text: problems[f] as string,
  }));
  const hasProblems = items.length > 0 || !!message;
  const publicComment = commentIsPublic(action);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby="act-dossier"
      onCancel={(event) => {
        event.preventDefault(); // the unmount closes it, after the page forgets it
        if (!busy) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <form class="dialog__form" noValidate onSubmit={(event) => void submit(event)}>
        <div class="dialog__header">
          <h2 class="heading-l dialog__title" id={titleId}>
            {label}
          </h2>
          <button class="dialog__close" type="button" aria-label={t('dialog.close')} onClick={onClose} disabled={busy}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p class="caption" id="act-dossier">
          {t('dialog.dossier', { code: dossier.code ?? '' })}
        </p>
        {hasProblems && <ErrorSummary id="act-errors" items={items} message={message} focusKey={attempt} />}
        {action.slip && action.slip !== 'none' && action.slip.startsWith('form_0') && action.slip !== 'form_05' && (
          <p class="inset">{t('dialog.slip', { slip: t(`slip.${action.slip}` as MessageKey) })}</p>
        )}
        {fields.map((field) => {
          switch (field.name) {
            case 'assignee':
              return assignees.length === 0 ? (
                <p key="assignee" class="warning-text">
                  {t('dialog.assignee_none')}
                </p>
              ) : (
                <SelectField
                  key="assignee"
                  id="act-assignee"
                  name="assignee"
                  label={t('dialog.assignee')}
                  error={problems.assignee}
                  value={input.assignee}
                  onValue={set('assignee')}
                >
                  <option value="">{t('dialog.assignee_choose')}</option>
                  {assignees.map((a) => (
                    <option key={a.username} value={a.username}>
                      {a.full_name ? `${a.full_name} (${a.username})` : a.username}
                    </option>
                  ))}
                </SelectField>
              );
            case 'partner_agency':
              return (
                <SelectField
                  key="partner_agency"
                  id="act-partner_agency"
                  name="partner_agency"
                  label={t('dialog.partner_agency')}
                  error={problems.partner_agency}
                  value={input.partner_agency}
                  onValue={(value) => setInput((current) => ({ ...current, partner_agency: value, partner_unit: '' }))}
                >
                  <option value="">{t('dialog.partner_choose')}</option>
                  {(partners.data ?? []).map((a) => (
                    <option key={a.code} value={a.code}>
                      {localName(a, locale)}
                    </option>
                  ))}
                </SelectField>
              );
            case 'partner_unit':
              return input.partner_agency && partnerUnits.length > 0 ? (
                <SelectField
                  key="partner_unit"
                  id="act-partner_unit"
                  name="partner_unit"
                  label={t('dialog.partner_unit')}
                  error={problems.partner_unit}
                  value={input.partner_unit}
                  onValue={set('partner_unit')}
                >
                  <option value="">{t('dialog.partner_unit_choose')}</option>
                  {partnerUnits.map((u) => (
                    <option key={u.key} value={u.key}>
                      {u.name}
                    </option>
                  ))}
                </SelectField>
              ) : null;
            case 'new_due':
              return (
                <fieldset key="new_due" class="fieldset" aria-describedby="act-new_due-hint">
                  <legend class="fieldset__legend">{t('dialog.new_due')}</legend>
                  <p class="hint" id="act-new_due-hint">
                    {t('dialog.new_due_hint')}
                  </p>
                  <div class="due-input">
                    <TextField
                      id="act-due_date"
                      name="due_date"
                      label={t('dialog.due_date')}
                      error={problems.due_date}
                      value={input.due_date}
                      onValue={set('due_date')}
                      inputClass="input--w10"
                      inputMode="numeric"
                      autocomplete="off"
                      maxLength={10}
                    />
                    <TextField
                      id="act-due_time"
                      name="due_time"
                      label={t('dialog.due_time')}
                      error={problems.due_time}
                      value={input.due_time}
                      onValue={set('due_time')}
                      inputClass="input--w4"
                      inputMode="numeric"
                      autocomplete="off"
                      maxLength={5}
                    />
                  </div>
                </fieldset>
              );
            case 'result_number':
              return (
                <TextField
                  key="result_number"
                  id="act-result_number"
                  name="result_number"
                  label={t('dialog.result_number')}
                  hint={t('dialog.result_number_hint')}
                  error={problems.result_number}
                  value={input.result_number}
                  onValue={set('result_number')}
                  inputClass="input--w20"
                  autocomplete="off"
                />
              );
            case 'return_method':
              return (
                <ChoiceGroup
                  key="return_method"
                  id="act-return_method"
                  name="return_method"
                  type="radio"
                  legend={t('dialog.return_method')}
                  error={problems.return_method}
                  choices={RETURN_METHODS.map((m) => ({ value: m, label: t(`return.${m}`) }))}
                  selected={input.return_method ? [input.return_method] : []}
                  onChange={(values) => set('return_method')(values[0] ?? '')}
                />
              );
            case 'comment':
              return (
                <TextArea
                  key="comment"
                  id="act-comment"
                  label={field.required ? t('dialog.comment') : t('dialog.note')}
                  optional={!field.required}
                  hint={
                    field.required
                      ? publicComment
                        ? t('dialog.comment_public_hint')
                        : t('dialog.comment_required_hint')
                      : t('dialog.note_hint')
                  }
                  error={problems.comment}
                  value={input.comment}
                  onValue={set('comment')}
                />
              );
          }
        })}
        <div class="button-row">
          <button class="button" type="submit" disabled={busy}>
            {busy ? t('dialog.sending') : label}
          </button>
          <button class="button button--secondary" type="button" onClick={onClose} disabled={busy}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  optional,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  optional: boolean;
}): ComponentChildren {
  const { t } = useI18n();
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {label}
        {optional && <span class="hint-inline"> {t('form.optional')}</span>}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.error_prefix')} </span>
          {error}
        </p>
      )}
      <textarea
        class={`textarea${error ? ' input--error' : ''}`}
        id={id}
        name="comment"
        rows={4}
        value={value}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}
