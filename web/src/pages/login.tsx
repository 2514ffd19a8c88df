// /dang-nhap — sign in with a user name or e-mail and a password. Wrong credentials, an account
// not yet verified or locked, and throttling ("thử lại sau N giây") each get a clear message in
// the error summary. Afterwards the person goes back to ?next= (a path of this site) or to the
// landing page of their kind of account.
import { useMemo, useState } from 'preact/hooks';
import { ErrorSummary, fromApiError, messageText, summaryItems, TextField, type FormErrors } from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { ApiError } from '../lib/api';
import { landingPath, safeNext, session, useSession } from '../lib/auth';
import { loginProblem } from '../lib/login_problem';
import { navigate, useSearch, type PageProps } from '../router';

const FIELDS = ['username', 'password'] as const;
const fieldId = (name: string) => `login-${name}`;

export function LoginPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const query = useMemo(() => new URLSearchParams(search), [search]);
  const next = safeNext(query.get('next'));
  const signedOut = query.get('signed_out');
  const state = useSession();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [formMessage, setFormMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [wrongCredentials, setWrongCredentials] = useState(false);

  const fail = (fieldErrors: FormErrors, message?: string) => {
    setErrors(fieldErrors);
    setFormMessage(message);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormErrors = {};
    if (!username.trim()) problems['username'] = { key: 'validation.login_required' };
    if (!password) problems['password'] = { key: 'validation.password_required' };
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    setWrongCredentials(false);
    try {
      const user = await session.login(username.trim(), password);
      navigate(next ?? landingPath(user), { replace: true });
    } catch (cause) {
      setPassword('');
      if (!(cause instanceof ApiError)) return fail({}, t('error.unexpected'));
      const problem = loginProblem(cause);
      if (problem.field && problem.message) {
        setWrongCredentials(true);
        return fail({ [problem.field]: { key: problem.message } });
      }
      if (problem.message) return fail({}, t(problem.message, problem.params));
      const fieldErrors = fromApiError(cause);
      fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? undefined : cause.messageIn(locale));
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(errors, FIELDS, fieldId, t, locale);
  const showSummary = items.length > 0 || formMessage !== undefined;
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);

  return (
    <div class="narrow">
      {showSummary && <ErrorSummary items={items} message={formMessage} focusKey={attempt} />}
      {!showSummary && signedOut && (
        <div class="notice" role="status">
          <p>{signedOut === 'all' ? t('login.signed_out_all') : t('login.signed_out')}</p>
        </div>
      )}
      {!showSummary && !signedOut && next && state.status === 'anonymous' && (
        <div class="inset inset--top">
          <p>{t('login.need_login')}</p>
        </div>
      )}
      <h1 class="heading-xl">{title}</h1>
      {state.status === 'signed_in' && !busy ? (
        <>
          <p class="lead">{t('login.already', { name: state.user.full_name || state.user.username })}</p>
          <p>
            <a class="button" href={next ?? landingPath(state.user)}>
              {t('login.go_home')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t('login.lead')}</p>
          <form class="form" method="post" action="/dang-nhap" noValidate onSubmit={submit}>
            <TextField
              id={fieldId('username')}
              name="username"
              label={t('login.username')}
              error={errorOf('username')}
              value={username}
              onValue={setUsername}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              inputClass="input--w20"
            />
            <TextField
              id={fieldId('password')}
              name="password"
              type="password"
              label={t('login.password')}
              error={errorOf('password')}
              value={password}
              onValue={setPassword}
              autocomplete="current-password"
              inputClass="input--w20"
            />
            <div class="button-row">
              <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
                {busy ? t('login.submitting') : t('login.submit')}
              </button>
              <a href="/quen-mat-khau">{t('login.forgot')}</a>
            </div>
            {wrongCredentials && <p class="hint section-top">{t('login.invalid_hint')}</p>}
          </form>
          <h2 class="heading-m section-top">{t('login.no_account')}</h2>
          <p>
            <a href="/dang-ky">{t('login.register')}</a>
          </p>
        </>
      )}
    </div>
  );
}
