// /dang-ky — self-registration of a citizen or a business. The checks of the server are run here
// first (12-digit ID, 10/13-digit enterprise code, e-mail, phone, password length); what the
// server still refuses (a taken user name, a too common password) is shown on its field. Success
// says to open the verification link sent by e-mail.
import { useState } from 'preact/hooks';
import {
  ChoiceGroup,
  ErrorSummary,
  fromApiError,
  fromKeys,
  messageText,
  Notice,
  summaryItems,
  TextField,
  type FormErrors,
} from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import {
  EMPTY_REGISTRATION,
  registrationBody,
  validateRegistration,
  type DateParts,
  type RegistrationForm,
  type RegistrationKind,
} from '../lib/account_validation';
import type { PageProps } from '../router';

// The fields in page order; the summary lists problems in this order.
const ORDER = [
  'kind',
  'full_name',
  'id_number',
  'date_of_birth',
  'tax_code',
  'representative',
  'phone',
  'email',
  'address',
  'username',
  'password',
  'password_confirm',
] as const;

const fieldId = (name: string) => {
  if (name === 'kind') return 'register-kind-0';
  if (name === 'date_of_birth') return 'register-dob-day';
  return `register-${name.replace(/_/g, '-')}`;
};

export function RegisterPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<RegistrationForm>(EMPTY_REGISTRATION);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const set = (name: Exclude<keyof RegistrationForm, 'dob' | 'kind'>) => (value: string) =>
    setForm({ ...form, [name]: value });
  const setDob = (part: keyof DateParts) => (value: string) => setForm({ ...form, dob: { ...form.dob, [part]: value } });
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);
  const citizen = form.kind === 'citizen';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateRegistration(form);
    if (Object.keys(problems).length > 0) {
      setErrors(fromKeys(problems));
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/register', registrationBody(form));
      setSentTo(form.email.trim());
      window.scrollTo(0, 0);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const fieldErrors = fromApiError(cause);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length > 0 && cause.status === 422 ? undefined : cause.messageIn(locale));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div class="narrow">
        <h1 class="heading-xl" tabIndex={-1} ref={(el) => el?.focus()}>
          {t('register.done_title')}
        </h1>
        <Notice>
          <p>{t('register.done_text', { email: sentTo })}</p>
        </Notice>
        <p>{t('register.done_hint')}</p>
        <p>
          <a href="/dang-nhap">{t('register.login')}</a>
        </p>
      </div>
    );
  }

  const items = summaryItems(errors, ORDER, fieldId, t, locale);
  const dobError = errorOf('date_of_birth');
  return (
    <div class="narrow">
      {(items.length > 0 || message) && <ErrorSummary items={items} message={message} focusKey={attempt} />}
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('register.lead')}</p>
      <form class="form" method="post" action="/dang-ky" noValidate onSubmit={submit}>
        <ChoiceGroup
          id="register-kind"
          name="kind"
          type="radio"
          legend={t('register.kind_legend')}
          legendClass="fieldset__legend--m"
          error={errorOf('kind')}
          choices={[
            { value: 'citizen', label: t('register.kind_citizen'), hint: t('register.kind_citizen_hint') },
            { value: 'business', label: t('register.kind_business'), hint: t('register.kind_business_hint') },
          ]}
          selected={[form.kind]}
          onChange={(selected) => {
            setForm({ ...form, kind: (selected[0] ?? 'citizen') as RegistrationKind });
            setErrors({});
          }}
        />

        <fieldset class="form-section">
          <legend>{citizen ? t('register.section_person') : t('register.section_business')}</legend>
          {citizen ? (
            <>
              <TextField
                id={fieldId('full_name')}
                name="full_name"
                label={t('register.full_name')}
                hint={t('register.full_name_hint')}
                error={errorOf('full_name')}
                value={form.full_name}
                onValue={set('full_name')}
                autocomplete="name"
                spellcheck={false}
              />
              <TextField
                id={fieldId('id_number')}
                name="id_number"
                label={t('register.id_number')}
                hint={t('register.id_number_hint')}
                error={errorOf('id_number')}
                value={form.id_number}
                onValue={set('id_number')}
                inputMode="numeric"
                autocomplete="off"
                spellcheck={false}
                inputClass="input--w10"
              />
              <div class={`form-group${dobError ? ' form-group--error' : ''}`}>
                <fieldset
                  class="fieldset"
                  role="group"
                  aria-describedby={`register-dob-hint${dobError ? ' register-dob-error' : ''}`}
                >
                  <legend class="fieldset__legend">{t('register.dob')}</legend>
                  <p class="hint" id="register-dob-hint">
                    {t('register.dob_hint')}
                  </p>
                  {dobError && (
                    <p class="error-message" id="register-dob-error">
                      <span class="visually-hidden">{t('form.error_prefix')} </span>
                      {dobError}
                    </p>
                  )}
                  <div class="date-input">
                    {(
                      [
                        ['day', 'register.dob_day', 'bday-day', 'input--w4'],
                        ['month', 'register.dob_month', 'bday-month', 'input--w4'],
                        ['year', 'register.dob_year', 'bday-year', 'date-input__year'],
                      ] as const
                    ).map(([part, label, autocomplete, width]) => (
                      <div class="form-group" key={part}>
                        <label class="label" for={`register-dob-${part}`}>
                          {t(label)}
                        </label>
                        <input
                          class={`input ${width}${dobError ? ' input--error' : ''}`}
                          id={`register-dob-${part}`}
                          name={`dob_${part}`}
                          inputMode="numeric"
                          maxLength={part === 'year' ? 4 : 2}
                          autocomplete={autocomplete}
                          aria-invalid={dobError ? 'true' : undefined}
                          value={form.dob[part]}
                          onInput={(event) => setDob(part)(event.currentTarget.value)}
                        />
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            </>
          ) : (
            <>
              <TextField
                id={fieldId('full_name')}
                name="full_name"
                label={t('register.business_name')}
                hint={t('register.business_name_hint')}
                error={errorOf('full_name')}
                value={form.full_name}
                onValue={set('full_name')}
                autocomplete="organization"
              />
              <TextField
                id={fieldId('tax_code')}
                name="tax_code"
                label={t('register.tax_code')}
                hint={t('register.tax_code_hint')}
                error={errorOf('tax_code')}
                value={form.tax_code}
                onValue={set('tax_code')}
                inputMode="numeric"
                autocomplete="off"
                spellcheck={false}
                inputClass="input--w10"
              />
              <TextField
                id={fieldId('representative')}
                name="representative"
                label={t('register.representative')}
                hint={t('register.representative_hint')}
                error={errorOf('representative')}
                value={form.representative}
                onValue={set('representative')}
                autocomplete="name"
                spellcheck={false}
              />
            </>
          )}
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('register.section_contact')}</legend>
          <TextField
            id={fieldId('phone')}
            name="phone"
            type="tel"
            label={t('register.phone')}
            hint={t('register.phone_hint')}
            error={errorOf('phone')}
            value={form.phone}
            onValue={set('phone')}
            autocomplete="tel"
            inputClass="input--w10"
          />
          <TextField
            id={fieldId('email')}
            name="email"
            type="email"
            label={t('register.email')}
            hint={t('register.email_hint')}
            error={errorOf('email')}
            value={form.email}
            onValue={set('email')}
            autocomplete="email"
            spellcheck={false}
            inputClass="input--w20"
          />
          <TextField
            id={fieldId('address')}
            name="address"
            label={t('register.address')}
            hint={citizen ? t('register.address_hint_citizen') : t('register.address_hint_business')}
            error={errorOf('address')}
            value={form.address}
            onValue={set('address')}
            autocomplete="street-address"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('register.section_login')}</legend>
          <TextField
            id={fieldId('username')}
            name="username"
            label={t('register.username')}
            hint={t('register.username_hint')}
            error={errorOf('username')}
            value={form.username}
            onValue={set('username')}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            inputClass="input--w20"
          />
          <TextField
            id={fieldId('password')}
            name="password"
            type="password"
            label={t('register.password')}
            hint={t('register.password_hint')}
            error={errorOf('password')}
            value={form.password}
            onValue={set('password')}
            autocomplete="new-password"
            inputClass="input--w20"
          />
          <TextField
            id={fieldId('password_confirm')}
            name="password_confirm"
            type="password"
            label={t('register.password_confirm')}
            error={errorOf('password_confirm')}
            value={form.password_confirm}
            onValue={set('password_confirm')}
            autocomplete="new-password"
            inputClass="input--w20"
          />
        </fieldset>

        <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('form.sending') : t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.have_account')} <a href="/dang-nhap">{t('register.login')}</a>
      </p>
    </div>
  );
}
