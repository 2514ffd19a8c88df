// /dat-lai-mat-khau?token=… — the link of the reset e-mail: choose a new password (checked here
// for length and confirmation, by the server for everything else), then sign in with it.
import { useMemo, useState } from 'preact/hooks';
import { ErrorSummary, fromApiError, fromKeys, messageText, Notice, summaryItems, TextField, type FormErrors } from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import { validateNewPassword } from '../lib/account_validation';
import { useSearch, type PageProps } from '../router';

const ORDER = ['new_password', 'password_confirm'] as const;
const fieldId = (name: string) => `reset-${name.replace(/_/g, '-')}`;

export function ResetPasswordPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const token = useMemo(() => new URLSearchParams(search).get('token') ?? '', [search]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateNewPassword({ password, password_confirm: confirm });
    if (Object.keys(problems).length > 0) {
      setErrors(fromKeys(problems));
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/password-reset/confirm', { token, new_password: password });
      setDone(true);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const fieldErrors = fromApiError(cause);
      delete fieldErrors['token'];
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length > 0 ? undefined : cause.messageIn(locale));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <div class="narrow">
        <h1 class="heading-xl">{title}</h1>
        <div class="error-summary" role="alert">
          <p>{t('reset.no_token')}</p>
        </div>
        <p>
          <a href="/quen-mat-khau">{t('reset.request_again')}</a>
        </p>
      </div>
    );
  }
  if (done) {
    return (
      <div class="narrow">
        <h1 class="heading-xl">{title}</h1>
        <Notice heading={t('reset.done')}>
          <p>{t('reset.done_text')}</p>
        </Notice>
        <p>
          <a class="button" href="/dang-nhap">
            {t('login.title')}
          </a>
        </p>
      </div>
    );
  }

  const items = summaryItems(errors, ORDER, fieldId, t, locale);
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);
  return (
    <div class="narrow">
      {(items.length > 0 || message) && <ErrorSummary items={items} message={message} focusKey={attempt} />}
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('reset.lead')}</p>
      {message && (
        <p>
          <a href="/quen-mat-khau">{t('reset.request_again')}</a>
        </p>
      )}
      <form class="form" method="post" noValidate onSubmit={submit}>
        <TextField
          id={fieldId('new_password')}
          name="new_password"
          type="password"
          label={t('account.new_password')}
          hint={t('register.password_hint')}
          error={errorOf('new_password')}
          value={password}
          onValue={setPassword}
          autocomplete="new-password"
          inputClass="input--w20"
        />
        <TextField
          id={fieldId('password_confirm')}
          name="password_confirm"
          type="password"
          label={t('account.new_password_confirm')}
          error={errorOf('password_confirm')}
          value={confirm}
          onValue={setConfirm}
          autocomplete="new-password"
          inputClass="input--w20"
        />
        <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('form.sending') : t('reset.submit')}
        </button>
      </form>
    </div>
  );
}
