// GOV.UK-style form parts: an error summary at the top that takes focus and links to each field,
// fields with a label, a hint and an inline error tied together by aria-describedby, radios and
// checkboxes in a fieldset, and a success notice. Errors are shown in the person's language,
// whether they come from the client-side checks (message keys) or from the server (field errors).
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import type { Locale, MessageKey } from '../i18n';
import { useI18n } from '../i18n/use_i18n';
import type { ApiError, FieldError } from '../lib/api';

// One problem with one field: a message key (checked here) or the server's own words.
export type FieldMessage = { key: MessageKey } | { server: FieldError };

export type FormErrors = Record<string, FieldMessage>;

export function fromKeys(problems: Record<string, MessageKey>): FormErrors {
  const errors: FormErrors = {};
  for (const [name, key] of Object.entries(problems)) errors[name] = { key };
  return errors;
}

// The server's field errors of a 422 (or 409) as form errors, named as the request body names them.
export function fromApiError(error: ApiError, rename: Record<string, string> = {}): FormErrors {
  const errors: FormErrors = {};
  for (const [name, field] of Object.entries(error.fields)) errors[rename[name] ?? name] = { server: field };
  return errors;
}

export function messageText(
  message: FieldMessage,
  t: (key: MessageKey) => string,
  locale: Locale,
): string {
  if ('key' in message) return t(message.key);
  const { server } = message;
  return (locale === 'en' && server.message_en) || server.message || server.message_en || server.code;
}

export interface SummaryItem {
  // The id of the element the link moves to (the field's input, or its first input).
  target: string;
  text: string;
}

// Moves focus to a field, scrolling its label into view too (the GOV.UK behaviour).
function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const legendOrLabel =
    element.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(id)}"]`);
  element.focus({ preventScroll: true });
  (legendOrLabel ?? element).scrollIntoView({ block: 'start' });
}

// "There is a problem": shown above the form after a failed submit, focused so that screen
// readers read it at once; each item links to its field. `message` is a problem of the whole form
// (wrong credentials, a server refusal) shown above the list.
export function ErrorSummary({
  items,
  message,
  focusKey,
  id = 'error-summary',
}: {
  id?: string;
  items: SummaryItem[];
  message?: string | undefined;
  // Changes on every submit, so the summary takes focus again even when the errors are the same.
  focusKey: number;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div class="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref}>
      <h2 class="error-summary__title" id={`${id}-title`}>
        {t('form.error_summary_title')}
      </h2>
      {message && <p class="error-summary__message">{message}</p>}
      {items.length > 0 && (
        <ul class="error-summary__list">
          {items.map((item) => (
            <li key={item.target}>
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.target);
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// The summary's items for `errors`, in the order of `order` (the fields' order on the page).
export function summaryItems(
  errors: FormErrors,
  order: readonly string[],
  targetOf: (name: string) => string,
  t: (key: MessageKey) => string,
  locale: Locale,
): SummaryItem[] {
  const names = [...order.filter((name) => errors[name]), ...Object.keys(errors).filter((n) => !order.includes(n))];
  return names.map((name) => ({ target: targetOf(name), text: messageText(errors[name] as FieldMessage, t, locale) }));
}

function ErrorMessage({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  return (
    <p class="error-message" id={id}>
      <span class="visually-hidden">{t('form.error_prefix')} </span>
      {text}
    </p>
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'onInput' | 'value' | 'id' | 'name' | 'class'>;

export function TextField({
  id,
  name,
  label,
  hint,
  error,
  value,
  onValue,
  bold = false,
  optional = false,
  inputClass,
  ...rest
}: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  bold?: boolean;
  optional?: boolean;
  inputClass?: string;
} & InputProps) {
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class={`label${bold ? ' label--bold' : ''}`} for={id}>
        {label}
        {optional && <span class="hint-inline"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && errorId && <ErrorMessage id={errorId} text={error} />}
      <input
        class={`input${error ? ' input--error' : ''}${inputClass ? ` ${inputClass}` : ''}`}
        id={id}
        name={name}
        value={value}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
        {...rest}
      />
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  value,
  onValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  children: ComponentChildren;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && errorId && <ErrorMessage id={errorId} text={error} />}
      <select
        class={`select${error ? ' select--error' : ''}`}
        id={id}
        name={name}
        value={value}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? 'true' : undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {children}
      </select>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

// Radios (one choice) or checkboxes (several) in a fieldset whose legend is the question.
// The first input's id is `${id}-0`: that is what an error summary links to.
export function ChoiceGroup({
  id,
  name,
  type,
  legend,
  legendClass = 'fieldset__legend',
  hint,
  error,
  choices,
  selected,
  onChange,
  small = false,
}: {
  id: string;
  name: string;
  type: 'radio' | 'checkbox';
  legend: string;
  legendClass?: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  small?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  };
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" id={id} aria-describedby={describedBy(hintId, errorId)}>
        <legend class={legendClass}>{legend}</legend>
        {hint && (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        )}
        {error && errorId && <ErrorMessage id={errorId} text={error} />}
        <div class={`choices${small ? ' choices--small' : ''}`}>
          {choices.map((choice, index) => {
            const inputId = `${id}-${index}`;
            const choiceHintId = choice.hint ? `${inputId}-hint` : undefined;
            return (
              <div class="choice" key={choice.value}>
                <input
                  class="choice__input"
                  type={type}
                  id={inputId}
                  name={name}
                  value={choice.value}
                  checked={selected.includes(choice.value)}
                  aria-describedby={choiceHintId}
                  onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
                />
                <label class="choice__label" for={inputId}>
                  {choice.label}
                </label>
                {choice.hint && (
                  <p class="hint choice__hint" id={choiceHintId}>
                    {choice.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

// A green success panel, announced politely (role="status").
export function Notice({ children, heading }: { children: ComponentChildren; heading?: string | undefined }) {
  return (
    <div class="notice" role="status">
      {heading && <h2 class="notice__title">{heading}</h2>}
      {children}
    </div>
  );
}
