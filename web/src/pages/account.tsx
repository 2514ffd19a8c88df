// /tai-khoan — the signed-in person's account: their details, a change of password, and
// "Đăng xuất khỏi mọi thiết bị" (every session of the account ends, this one too).
import { useState } from 'preact/hooks';
import { ApiErrorBox } from '../components/api_error_box';
import {
  ErrorSummary,
  fromApiError,
  messageText,
  Notice,
  summaryItems,
  TextField,
  type FormErrors,
} from '../components/form';
import { RequireLogin } from '../components/require_login';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import { validateNewPassword } from '../lib/account_validation';
import { localRefName, roleLabel, session, type User } from '../lib/auth';
import { navigate, type PageProps } from '../router';

export function AccountPage({ title }: PageProps) {
  return <RequireLogin>{(user) => <Account title={title} user={user} />}</RequireLogin>;
}

const KIND_KEYS: Record<User['kind'], MessageKey> = {
  citizen: 'account.kind_citizen',
  business: 'account.kind_business',
  officer: 'account.kind_officer',
};

function Account({ title, user }: { title: string; user: User }) {
  const { t, locale } = useI18n();
  const rows: Array<[string, string]> = [
    [t('account.kind'), t(KIND_KEYS[user.kind] ?? 'account.kind_citizen')],
    [user.kind === 'business' ? t('account.business_name') : t('account.full_name'), user.full_name],
    [t('account.username'), user.username],
    [t('account.email'), user.email],
  ];
  if (user.phone) rows.push([t('account.phone'), user.phone]);
  if (user.kind === 'officer') {
    rows.push([t('account.agency'), user.agency ? localRefName(user.agency, locale) : t('desk.all_city')]);
    if (user.unit) rows.push([t('account.unit'), localRefName(user.unit, locale)]);
    rows.push([t('account.roles'), [...new Set(user.roles.map((r) => roleLabel(r, locale)))].join(', ')]);
  }
  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <section aria-labelledby="account-details">
        <h2 id="account-details" class="heading-l">
          {t('account.details_heading')}
        </h2>
        <dl class="summary-list">
          {rows.map(([key, value]) => (
            <div class="summary-list__row" key={key}>
              <dt class="summary-list__key">{key}</dt>
              <dd class="summary-list__value">{value || '—'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ChangePassword username={user.username} />
      <LogoutEverywhere />
    </>
  );
}

const ORDER = ['current_password', 'new_password', 'password_confirm'] as const;
const fieldId = (name: string) => `account-${name.replace(/_/g, '-')}`;

function ChangePassword({ username }: { username: string }) {
  const { t, locale } = useI18n();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormErrors = {};
    if (!current) problems['current_password'] = { key: 'validation.current_password_required' };
    for (const [name, key] of Object.entries(validateNewPassword({ password, password_confirm: confirm }))) {
      problems[name] = { key };
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setMessage(undefined);
      setChanged(false);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/password', { current_password: current, new_password: password });
      setCurrent('');
      setPassword('');
      setConfirm('');
      setErrors({});
      setMessage(undefined);
      setChanged(true);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const fieldErrors = fromApiError(cause);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length > 0 ? undefined : cause.messageIn(locale));
      setChanged(false);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(errors, ORDER, fieldId, t, locale);
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);
  return (
    <section aria-labelledby="account-password">
      <h2 id="account-password" class="heading-l">
        {t('account.password_heading')}
      </h2>
      {changed && (
        <Notice>
          <p>{t('account.changed')}</p>
        </Notice>
      )}
      <form class="form narrow" method="post" noValidate onSubmit={submit}>
        {(items.length > 0 || message) && (
          <ErrorSummary id="password-errors" items={items} message={message} focusKey={attempt} />
        )}
        {/* For password managers: which account this password belongs to. */}
        <input type="hidden" name="username" value={username} autocomplete="username" />
        <TextField
          id={fieldId('current_password')}
          name="current_password"
          type="password"
          label={t('account.current_password')}
          error={errorOf('current_password')}
          value={current}
          onValue={setCurrent}
          autocomplete="current-password"
          inputClass="input--w20"
        />
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
          {busy ? t('form.sending') : t('account.change_submit')}
        </button>
      </form>
    </section>
  );
}

function LogoutEverywhere() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await session.logoutAll();
      navigate('/dang-nhap?signed_out=all');
    } catch (cause) {
      if (cause instanceof ApiError) setError(cause);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="account-sessions">
      <h2 id="account-sessions" class="heading-l">
        {t('account.sessions_heading')}
      </h2>
      <p class="prose">{t('account.sessions_text')}</p>
      {error && <ApiErrorBox error={error} />}
      <button type="button" class="button button--warning" aria-disabled={busy ? 'true' : undefined} onClick={() => void run()}>
        {t('account.logout_all')}
      </button>
    </section>
  );
}
