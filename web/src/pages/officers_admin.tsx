// /quan-tri/can-bo[?agency=CODE] — user management of an agency's IT officer (their own agency)
// and of the city admin (any agency, chosen with a picker): the agency's officers, adding one,
// editing roles and unit, locking and unlocking with a confirmation, and the API tokens of the
// agency's connected systems (a new token is shown once, with a copy button and a warning).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiErrorBox } from '../components/api_error_box';
import {
  ChoiceGroup,
  ErrorSummary,
  fromApiError,
  fromKeys,
  messageText,
  SelectField,
  summaryItems,
  TextField,
  type FormErrors,
} from '../components/form';
import { Forbidden, RequireLogin } from '../components/require_login';
import { useI18n } from '../i18n/use_i18n';
import { ApiError } from '../lib/api';
import {
  adminApi,
  assignableRoles,
  roleCode,
  roleText,
  tokenRoles,
  type ApiTokenInfo,
  type NewToken,
  type Officer,
  type RoleOption,
} from '../lib/accounts_admin';
import { EMPTY_OFFICER, UNIT_SCOPED_ROLES, validateOfficer, type OfficerForm } from '../lib/account_validation';
import { agenciesWithRole, hasRole, type User } from '../lib/auth';
import { catalogApi, type Agency, type AgencyDetail, type Unit } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use_api';
import { navigate, useSearch, type PageProps } from '../router';

export function OfficersAdminPage({ title }: PageProps) {
  return (
    <RequireLogin kinds={['officer']} roles={['agency_it', 'city_admin']}>
      {(user) => <OfficersAdmin title={title} user={user} />}
    </RequireLogin>
  );
}

function OfficersAdmin({ title, user }: { title: string; user: User }) {
  const { t } = useI18n();
  const search = useSearch();
  const requested = useMemo(() => new URLSearchParams(search).get('agency') ?? '', [search]);
  const isCity = hasRole(user, 'city_admin');
  const own = agenciesWithRole(user, 'agency_it');
  // An IT officer manages their own agency; the city admin the one picked (the server checks too).
  const agency = isCity ? requested : own.includes(requested) ? requested : (own[0] ?? '');

  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('officers.lead')}</p>
      {isCity && <AgencyPicker current={agency} />}
      {!agency && <p>{isCity ? t('officers.choose_agency_first') : t('officers.no_agency')}</p>}
      {agency && <AgencyAdmin key={agency} code={agency} user={user} isCity={isCity} />}
    </>
  );
}

async function loadPickerAgencies(signal: AbortSignal) {
  const tiers = ['city', 'department', 'district'] as const;
  const lists = await Promise.all(
    tiers.map((tier) =>
      catalogApi
        .agencies({ tier }, signal)
        .then((r) => r.items ?? [])
        .catch(() => [] as Agency[]),
    ),
  );
  return { city: lists[0] ?? [], departments: lists[1] ?? [], districts: lists[2] ?? [] };
}

function AgencyPicker({ current }: { current: string }) {
  const { t, locale } = useI18n();
  const agencies = useApi(loadPickerAgencies, []);
  const [choice, setChoice] = useState(current);
  useEffect(() => setChoice(current), [current]);
  const groups: Array<[string, Agency[]]> = agencies.data
    ? [
        [t('officers.agency_group_city'), agencies.data.city],
        [t('catalog.agency_group_departments'), agencies.data.departments],
        [t('catalog.agency_group_districts'), agencies.data.districts],
      ]
    : [];
  const known = groups.some(([, list]) => list.some((a) => a.code === current));
  return (
    <form
      class="picker"
      method="get"
      action="/quan-tri/can-bo"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) navigate(`/quan-tri/can-bo?agency=${encodeURIComponent(choice)}`);
      }}
    >
      <SelectField
        id="officers-agency"
        name="agency"
        label={t('officers.agency_label')}
        hint={t('officers.agency_hint')}
        value={choice}
        onValue={setChoice}
      >
        <option value="">{t('officers.agency_choose')}</option>
        {groups.map(([label, list]) =>
          list.length > 0 ? (
            <optgroup key={label} label={label}>
              {list.map((a) => (
                <option key={a.code} value={a.code}>
                  {localName(a, locale)}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
        {current && !known && <option value={current}>{current}</option>}
      </SelectField>
      <button class="button button--secondary" type="submit">
        {t('officers.agency_show')}
      </button>
    </form>
  );
}

// A success message that takes focus, so keyboard and screen-reader users hear what happened
// after the form or button they used has gone.
function FocusNotice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <div class="notice" role="status" tabIndex={-1} ref={ref}>
      <p>{text}</p>
    </div>
  );
}

// "Are you sure?": a panel that takes focus, with the action's button and Cancel.
function Confirm({
  text,
  yes,
  busy,
  onYes,
  onNo,
  error,
}: {
  text: string;
  yes: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  error?: ApiError | undefined;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <div class="panel-confirm" role="group" aria-labelledby="confirm-text" tabIndex={-1} ref={ref}>
      <p id="confirm-text" class="heading-m">
        {text}
      </p>
      {error && <ApiErrorBox error={error} />}
      <div class="button-row">
        <button type="button" class="button button--warning" aria-disabled={busy ? 'true' : undefined} onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="button button--secondary" onClick={onNo}>
          {t('officers.cancel')}
        </button>
      </div>
    </div>
  );
}

interface AdminData {
  detail: AgencyDetail | undefined;
  roles: RoleOption[];
}

async function loadAdminData(code: string, signal: AbortSignal): Promise<AdminData> {
  const [detail, roles] = await Promise.all([
    catalogApi.agency(code, signal).catch(() => undefined),
    adminApi.roles(signal),
  ]);
  return { detail, roles };
}

function AgencyAdmin({ code, user, isCity }: { code: string; user: User; isCity: boolean }) {
  const { t, locale } = useI18n();
  const base = useApi((signal) => loadAdminData(code, signal), [code]);
  const [listVersion, setListVersion] = useState(0);
  const officers = useApi((signal) => adminApi.officers(code, signal), [code, listVersion]);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const [editing, setEditing] = useState<Officer | null>(null);
  const [confirming, setConfirming] = useState<Officer | null>(null);
  const [actionBusy, setActionBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | undefined>();

  const reload = () => setListVersion((n) => n + 1);
  const say = (text: string) => setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));

  if (officers.error?.status === 403) return <Forbidden user={user} />;

  const agencyName = base.data?.detail ? localName(base.data.detail, locale) : code;
  const units = base.data?.detail?.units ?? [];
  const allRoles = base.data?.roles ?? [];
  const roleChoices = assignableRoles(allRoles, isCity);
  const items = officers.data?.items ?? [];

  const toggleLock = async (officer: Officer) => {
    if (actionBusy) return;
    setActionBusy(true);
    setActionError(undefined);
    const locking = officer.status !== 'locked';
    try {
      await adminApi.updateOfficer(officer.id, { version: officer.version, status: locking ? 'locked' : 'active' });
      setConfirming(null);
      say(t(locking ? 'officers.locked_done' : 'officers.unlocked_done', { name: officer.full_name }));
      reload();
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setConfirming(null);
        say(t('officers.conflict'));
        reload();
      } else if (cause instanceof ApiError) {
        setActionError(cause);
      }
    } finally {
      setActionBusy(false);
    }
  };

  const labels = {
    unit: t('officers.col_unit'),
    roles: t('officers.col_roles'),
    status: t('officers.col_status'),
    actions: t('officers.col_actions'),
  };

  return (
    <>
      <section aria-labelledby="officers-heading">
        <h2 id="officers-heading" class="heading-l">
          {t('officers.list_heading', { agency: agencyName })}
        </h2>
        {notice && <FocusNotice key={notice.n} text={notice.text} />}
        {officers.loading && !officers.data && (
          <p class="loading" role="status">
            {t('officers.loading')}
          </p>
        )}
        {officers.error && <ApiErrorBox error={officers.error} />}
        {officers.data && (
          <>
            <p>{t('officers.count', { n: items.length })}</p>
            {items.length === 0 ? (
              <p>{t('officers.empty')}</p>
            ) : (
              <table class="table table--stack officers-table">
                <caption class="visually-hidden">{t('officers.list_heading', { agency: agencyName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officers.col_name')}</th>
                    <th scope="col">{labels.unit}</th>
                    <th scope="col">{labels.roles}</th>
                    <th scope="col">{labels.status}</th>
                    <th scope="col">{labels.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((officer) => (
                    <tr key={officer.id}>
                      <th scope="row">
                        <span>
                          {officer.full_name}
                          <span class="table__note officer__username"> {officer.username}</span>
                        </span>
                      </th>
                      <td data-label={labels.unit}>
                        <span>{officer.unit ? localName(officer.unit, locale) : '—'}</span>
                      </td>
                      <td data-label={labels.roles}>
                        <span>{officer.roles.map((r) => roleText(r, allRoles, locale)).join(', ')}</span>
                      </td>
                      <td data-label={labels.status}>
                        <span>
                          <span class={`tag ${officer.status === 'locked' ? 'tag--locked' : 'tag--live'}`}>
                            {officer.status === 'locked' ? t('officers.status_locked') : t('officers.status_active')}
                          </span>
                        </span>
                      </td>
                      <td data-label={labels.actions}>
                        <ul class="action-list">
                          <li>
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => {
                                setConfirming(null);
                                setEditing(officer);
                              }}
                            >
                              {t('officers.edit')}
                              <span class="visually-hidden"> {t('officers.for_name', { name: officer.full_name })}</span>
                            </button>
                          </li>
                          {officer.id !== user.id && (
                            <li>
                              <button
                                type="button"
                                class="link-button"
                                onClick={() => {
                                  setEditing(null);
                                  setActionError(undefined);
                                  setConfirming(officer);
                                }}
                              >
                                {officer.status === 'locked' ? t('officers.unlock') : t('officers.lock')}
                                <span class="visually-hidden"> {t('officers.for_name', { name: officer.full_name })}</span>
                              </button>
                            </li>
                          )}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {confirming && (
          <Confirm
            text={t(confirming.status === 'locked' ? 'officers.unlock_confirm' : 'officers.lock_confirm', {
              name: confirming.full_name,
            })}
            yes={confirming.status === 'locked' ? t('officers.unlock_yes') : t('officers.lock_yes')}
            busy={actionBusy}
            error={actionError}
            onYes={() => void toggleLock(confirming)}
            onNo={() => setConfirming(null)}
          />
        )}
        {editing && (
          <EditOfficer
            key={editing.id}
            officer={editing}
            units={units}
            roles={roleChoices}
            onDone={(text) => {
              setEditing(null);
              say(text);
              reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </section>

      <section aria-labelledby="create-heading">
        <h2 id="create-heading" class="heading-l">
          {t('officers.create_heading')}
        </h2>
        <CreateOfficer
          code={code}
          units={units}
          roles={roleChoices}
          onCreated={(officer) => {
            say(t('officers.created', { username: officer.username, name: officer.full_name }));
            reload();
          }}
        />
      </section>

      <TokensSection code={code} roles={tokenRoles(allRoles)} allRoles={allRoles} />
    </>
  );
}

function UnitOptions({ units }: { units: readonly Unit[] }) {
  const { t, locale } = useI18n();
  return (
    <>
      <option value="">{t('officers.unit_none')}</option>
      {units.map((unit) => (
        <option key={unit.key} value={unit.key}>
          {localName(unit, locale)}
        </option>
      ))}
    </>
  );
}

function roleChoiceList(roles: readonly RoleOption[], locale: 'vi' | 'en') {
  return roles.map((r) => ({ value: r.role, label: roleText(r, roles, locale) }));
}

const CREATE_ORDER = ['full_name', 'username', 'email', 'phone', 'unit', 'roles', 'password'] as const;

function CreateOfficer({
  code,
  units,
  roles,
  onCreated,
}: {
  code: string;
  units: readonly Unit[];
  roles: readonly RoleOption[];
  onCreated: (officer: Officer) => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<OfficerForm>(EMPTY_OFFICER);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof OfficerForm) => (value: string) => setForm({ ...form, [name]: value });
  const id = (name: string) => (name === 'roles' ? 'officer-new-roles-0' : `officer-new-${name}`);
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateOfficer(form);
    if (Object.keys(problems).length > 0) {
      setErrors(fromKeys(problems));
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const officer = await adminApi.createOfficer(code, {
        username: form.username.trim(),
        full_name: form.full_name.trim(),
        email: form.email.trim(),
        phone: form.phone.trim(),
        unit: form.unit,
        roles: form.roles,
        password: form.password,
      });
      setForm(EMPTY_OFFICER);
      setErrors({});
      setMessage(undefined);
      onCreated({ ...officer, username: officer.username ?? form.username, full_name: officer.full_name ?? form.full_name });
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

  const items = summaryItems(errors, CREATE_ORDER, id, t, locale);
  return (
    <form class="form" noValidate onSubmit={submit}>
      {(items.length > 0 || message) && (
        <ErrorSummary id="create-errors" items={items} message={message} focusKey={attempt} />
      )}
      <TextField
        id={id('full_name')}
        name="full_name"
        label={t('officers.full_name')}
        error={errorOf('full_name')}
        value={form.full_name}
        onValue={set('full_name')}
        autocomplete="off"
        inputClass="input--w20"
      />
      <TextField
        id={id('username')}
        name="username"
        label={t('officers.username')}
        hint={t('officers.username_hint')}
        error={errorOf('username')}
        value={form.username}
        onValue={set('username')}
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        inputClass="input--w20"
      />
      <TextField
        id={id('email')}
        name="email"
        type="email"
        label={t('officers.email')}
        error={errorOf('email')}
        value={form.email}
        onValue={set('email')}
        autocomplete="off"
        spellcheck={false}
        inputClass="input--w20"
      />
      <TextField
        id={id('phone')}
        name="phone"
        type="tel"
        label={t('officers.phone')}
        optional
        error={errorOf('phone')}
        value={form.phone}
        onValue={set('phone')}
        autocomplete="off"
        inputClass="input--w10"
      />
      <SelectField
        id={id('unit')}
        name="unit"
        label={t('officers.unit')}
        hint={t('officers.unit_hint')}
        error={errorOf('unit')}
        value={form.unit}
        onValue={set('unit')}
      >
        <UnitOptions units={units} />
      </SelectField>
      <ChoiceGroup
        id="officer-new-roles"
        name="roles"
        type="checkbox"
        legend={t('officers.roles')}
        hint={t('officers.roles_hint')}
        error={errorOf('roles')}
        choices={roleChoiceList(roles, locale)}
        selected={form.roles}
        onChange={(selected) => setForm({ ...form, roles: selected })}
        small
      />
      <TextField
        id={id('password')}
        name="password"
        type="password"
        label={t('officers.password')}
        hint={t('officers.password_hint')}
        error={errorOf('password')}
        value={form.password}
        onValue={set('password')}
        autocomplete="new-password"
        inputClass="input--w20"
      />
      <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
        {busy ? t('form.sending') : t('officers.create_submit')}
      </button>
    </form>
  );
}

const EDIT_ORDER = ['full_name', 'unit', 'roles'] as const;

function EditOfficer({
  officer,
  units,
  roles,
  onDone,
  onCancel,
}: {
  officer: Officer;
  units: readonly Unit[];
  roles: readonly RoleOption[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [fullName, setFullName] = useState(officer.full_name);
  const [unit, setUnit] = useState(officer.unit?.key ?? '');
  const [chosen, setChosen] = useState<string[]>(officer.roles.map(roleCode));
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const id = (name: string) => (name === 'roles' ? 'officer-edit-roles-0' : `officer-edit-${name}`);
  const errorOf = (name: string) => (errors[name] ? messageText(errors[name], t, locale) : undefined);
  // Roles the officer holds that this admin could not give (city_admin) stay as they are.
  const choices = [
    ...roles,
    ...officer.roles.filter((r) => !roles.some((x) => x.role === roleCode(r))).map((r) => ({ ...r })),
  ];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormErrors = {};
    if (!fullName.trim()) problems['full_name'] = { key: 'validation.name_required' };
    if (!unit && chosen.some((r) => UNIT_SCOPED_ROLES.includes(r))) problems['unit'] = { key: 'validation.unit_required' };
    if (chosen.length === 0) problems['roles'] = { key: 'validation.roles_required' };
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await adminApi.updateOfficer(officer.id, {
        version: officer.version,
        full_name: fullName.trim(),
        ...(unit ? { unit } : {}),
        roles: chosen,
      });
      onDone(t('officers.saved', { name: fullName.trim() }));
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 409) return onDone(t('officers.conflict'));
      const fieldErrors = fromApiError(cause);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length > 0 ? undefined : cause.messageIn(locale));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(errors, EDIT_ORDER, id, t, locale);
  return (
    <div class="panel-confirm">
      <h3 class="heading-m" tabIndex={-1} ref={headingRef}>
        {t('officers.edit_heading', { name: officer.full_name })}
      </h3>
      <form class="form" noValidate onSubmit={submit}>
        {(items.length > 0 || message) && (
          <ErrorSummary id="edit-errors" items={items} message={message} focusKey={attempt} />
        )}
        <TextField
          id={id('full_name')}
          name="full_name"
          label={t('officers.full_name')}
          error={errorOf('full_name')}
          value={fullName}
          onValue={setFullName}
          autocomplete="off"
          inputClass="input--w20"
        />
        <SelectField
          id={id('unit')}
          name="unit"
          label={t('officers.unit')}
          hint={t('officers.unit_hint')}
          error={errorOf('unit')}
          value={unit}
          onValue={setUnit}
        >
          <UnitOptions units={units} />
        </SelectField>
        <ChoiceGroup
          id="officer-edit-roles"
          name="roles"
          type="checkbox"
          legend={t('officers.roles')}
          hint={t('officers.roles_hint')}
          error={errorOf('roles')}
          choices={roleChoiceList(choices, locale)}
          selected={chosen}
          onChange={setChosen}
          small
        />
        <div class="button-row">
          <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t('form.sending') : t('officers.save')}
          </button>
          <button class="button button--secondary" type="button" onClick={onCancel}>
            {t('officers.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function TokensSection({
  code,
  roles,
  allRoles,
}: {
  code: string;
  roles: readonly RoleOption[];
  allRoles: readonly RoleOption[];
}) {
  const { t, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const tokens = useApi((signal) => adminApi.tokens(code, signal), [code, version]);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const reload = () => setVersion((n) => n + 1);
  const items = tokens.data?.items ?? [];

  const revoke = async (token: ApiTokenInfo) => {
    if (busy) return;
    setBusy(true);
    setRevokeError(undefined);
    try {
      await adminApi.revokeToken(token.id);
      setRevoking(null);
      setNotice((prev) => ({ text: t('officers.revoked', { name: token.name }), n: (prev?.n ?? 0) + 1 }));
      reload();
    } catch (cause) {
      if (cause instanceof ApiError) setRevokeError(cause);
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    roles: t('officers.token_col_roles'),
    created: t('officers.token_col_created'),
    used: t('officers.token_col_used'),
    actions: t('officers.col_actions'),
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" class="heading-l" tabIndex={-1}>
        {t('officers.tokens_heading')}
      </h2>
      <p>{t('officers.tokens_lead')}</p>
      {notice && <FocusNotice key={notice.n} text={notice.text} />}
      {created && (
        <NewTokenPanel
          token={created}
          onDone={() => {
            setCreated(null);
            document.getElementById('tokens-heading')?.focus();
          }}
        />
      )}
      {tokens.loading && !tokens.data && (
        <p class="loading" role="status">
          {t('officers.tokens_loading')}
        </p>
      )}
      {tokens.error && <ApiErrorBox error={tokens.error} />}
      {tokens.data &&
        (items.length === 0 ? (
          <p>{t('officers.tokens_empty')}</p>
        ) : (
          <table class="table table--stack">
            <caption class="visually-hidden">{t('officers.tokens_heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officers.token_col_name')}</th>
                <th scope="col">{labels.roles}</th>
                <th scope="col">{labels.created}</th>
                <th scope="col">{labels.used}</th>
                <th scope="col">{labels.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td data-label={labels.roles}>
                    <span>{token.roles.map((r) => roleText(r, allRoles, locale)).join(', ')}</span>
                  </td>
                  <td data-label={labels.created}>
                    <span>{formatDateTime(token.created_at) || '—'}</span>
                  </td>
                  <td data-label={labels.used}>
                    <span>{formatDateTime(token.last_used_at) || t('officers.token_never')}</span>
                  </td>
                  <td data-label={labels.actions}>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => {
                        setRevokeError(undefined);
                        setRevoking(token);
                      }}
                    >
                      {t('officers.revoke')}
                      <span class="visually-hidden"> {token.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {revoking && (
        <Confirm
          text={t('officers.revoke_confirm', { name: revoking.name })}
          yes={t('officers.revoke_yes')}
          busy={busy}
          error={revokeError}
          onYes={() => void revoke(revoking)}
          onNo={() => setRevoking(null)}
        />
      )}
      <h3 class="heading-m section-top">{t('officers.token_create_heading')}</h3>
      <CreateToken
        code={code}
        roles={roles}
        onCreated={(token) => {
          setCreated(token);
          reload();
        }}
      />
    </section>
  );
}

const TOKEN_ORDER = ['name', 'roles'] as const;

function CreateToken({
  code,
  roles,
  onCreated,
}: {
  code: string;
  roles: readonly RoleOption[];
  onCreated: (token: NewToken) => void;
}) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => (field === 'roles' ? 'token-roles-0' : `token-${field}`);
  const errorOf = (field: string) => (errors[field] ? messageText(errors[field], t, locale) : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormErrors = {};
    if (!name.trim()) problems['name'] = { key: 'validation.token_name_required' };
    if (chosen.length === 0) problems['roles'] = { key: 'validation.roles_required' };
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const token = await adminApi.createToken(code, { name: name.trim(), roles: chosen });
      setName('');
      setChosen([]);
      setErrors({});
      setMessage(undefined);
      onCreated({ ...token, name: token.name ?? name.trim() });
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const fieldErrors = fromApiError(cause);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length > 0 ? undefined : cause.messageIn(locale));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(errors, TOKEN_ORDER, id, t, locale);
  return (
    <form class="form" noValidate onSubmit={submit}>
      {(items.length > 0 || message) && (
        <ErrorSummary id="token-errors" items={items} message={message} focusKey={attempt} />
      )}
      <TextField
        id={id('name')}
        name="name"
        label={t('officers.token_name')}
        hint={t('officers.token_name_hint')}
        error={errorOf('name')}
        value={name}
        onValue={setName}
        autocomplete="off"
        inputClass="input--w20"
      />
      <ChoiceGroup
        id="token-roles"
        name="token_roles"
        type="checkbox"
        legend={t('officers.token_roles')}
        error={errorOf('roles')}
        choices={roleChoiceList(roles, locale)}
        selected={chosen}
        onChange={setChosen}
        small
      />
      <button class="button" type="submit" aria-disabled={busy ? 'true' : undefined}>
        {busy ? t('form.sending') : t('officers.token_create')}
      </button>
    </form>
  );
}

// Copies text to the clipboard; falls back to selecting it in `input` and the old copy command.
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here: try the fallback.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function NewTokenPanel({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => headingRef.current?.focus(), [token.token]);
  let status: ComponentChildren = null;
  if (copy === 'copied') status = t('officers.copied');
  if (copy === 'failed') status = t('officers.copy_failed');
  return (
    <div class="notice new-token">
      <h3 class="notice__title" tabIndex={-1} ref={headingRef}>
        {t('officers.token_created_heading', { name: token.name })}
      </h3>
      <p class="warning">{t('officers.token_warning')}</p>
      <label class="label" for="new-token-value">
        {t('officers.token_value')}
      </label>
      <div class="token-box">
        <input
          class="input input--code"
          id="new-token-value"
          type="text"
          readOnly
          value={token.token}
          spellcheck={false}
          autocomplete="off"
          onFocus={(event) => event.currentTarget.select()}
          ref={inputRef}
        />
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void copyText(token.token, inputRef.current).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
        >
          {t('officers.copy')}
        </button>
      </div>
      <p class="copy-status" role="status">
        {status}
      </p>
      <button type="button" class="button" onClick={onDone}>
        {t('officers.token_done')}
      </button>
    </div>
  );
}
