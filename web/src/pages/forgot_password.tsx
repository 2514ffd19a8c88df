// /quen-mat-khau — ask for a password reset link by e-mail. The answer is the same whether the
// address has an account or not (the server reveals nothing).
import { useState } from 'preact/hooks';
import { ErrorSummary, messageText, Notice, TextField, type FormErrors } from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import { isEmail } from '../lib/account_validation';
import type { PageProps } from '../router';

export function ForgotPasswordPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problem = !email.trim() ? 'validation.email_required' : !isEmail(email) ? 'validation.email_invalid' : null;
    if (problem) {
      setErrors({ email: { key: problem } });
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/password-reset', { email: email.trim() });
      setSentTo(email.trim());
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const field = cause.fields['email'];
      setErrors(field ? { email: { server: field } } : {});
      setMessage(field ? undefined : cause.messageIn(locale));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div class="narrow">
        <h1 class="heading-xl">{title}</h1>
        <Notice heading={t('forgot.done_title')}>
          <p>{t('forgot.done_text', { email: sentTo })}</p>
        </Notice>
        <p>{t('forgot.officer_note')}</p>
        <p>
          <a href="/dang-nhap">{t('login.title')}</a>
        </p>
      </div>
    );
  }

  const emailError = errors['email'] ? messageText(errors['email'], t, locale) : undefined;
  return (
    <div class="narrow">
      {(emailError || message) && (
        <ErrorSummary
          items={emailError ? [{ target: 'forgot-email', text: emailError }] : []}
          message={message}
          focusKey={attempt}
        />
      )}
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('forgot.lead')}</p>
      <form class="form" method="post" action="/quen-mat-khau" noValidate onSubmit={submit}>
        <TextField
          id="forgot-email"
          name="email"
          type="email"
          label={t('forgot.email')}
          error={emailError}
          value={email}
          onValue={setEmail}
          autocomplete="email"
          spellcheck={false}
          inputClass="input--w20"
        />
        <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('form.sending') : t('forgot.submit')}
        </button>
      </form>
      <p>{t('forgot.officer_note')}</p>
    </div>
  );
}
