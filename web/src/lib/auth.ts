// The signed-in person: accounts API types, the session state (loaded from GET /api/v1/me when
// the page loads, set by login, cleared by logout or any 401), and where each kind of account
// lands after signing in. The CSRF token lives in the api client (see api.ts).
import { useEffect, useState } from 'preact/hooks';
import { translate, type Locale } from '../i18n';
import { api, type ApiClient } from './api';

export type AccountKind = 'citizen' | 'business' | 'officer';

export type RoleCode =
  | 'one_stop_officer'
  | 'specialist'
  | 'unit_head'
  | 'agency_leader'
  | 'clerk'
  | 'agency_it'
  | 'city_admin'
  | 'auditor';

export interface AgencyRef {
  code: string;
  name: string;
  name_en?: string;
}

export interface UnitRef {
  key: string;
  name: string;
  name_en?: string;
}

export interface RoleGrant {
  role: string;
  label: string;
  label_en?: string;
  // The scope: an agency (object or code) and, for unit-scoped roles, a unit.
  agency?: AgencyRef | string | null;
  unit?: UnitRef | string | null;
}

export interface User {
  id: number;
  username: string;
  kind: AccountKind;
  full_name: string;
  email: string;
  agency: AgencyRef | null;
  unit: UnitRef | null;
  roles: RoleGrant[];
  phone?: string;
}

export interface LoginAnswer {
  user: User;
  csrf_token: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed_in'; user: User };

// Where a person goes after signing in, by kind of account.
export const APPLICANT_HOME = '/ho-so-cua-toi';
export const OFFICER_HOME = '/can-bo';
export const LOGIN_PATH = '/dang-nhap';

export function landingPath(user: Pick<User, 'kind'>): string {
  return user.kind === 'officer' ? OFFICER_HOME : APPLICANT_HOME;
}

// A "next" address to return to after login, only when it is a path of this site
// ("/thu-tuc?q=x"), never another origin ("//evil.example", "https://…", "/\\evil").
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(next)) return null;
  try {
    const url = new URL(next, 'http://motcua.invalid');
    if (url.origin !== 'http://motcua.invalid') return null;
    if (url.pathname === LOGIN_PATH) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

// The login page's address with a way back to `path`.
export function loginHref(path: string): string {
  const next = safeNext(path);
  return next && next !== '/' ? `${LOGIN_PATH}?next=${encodeURIComponent(next)}` : LOGIN_PATH;
}

export function hasRole(user: User | undefined | null, ...roles: RoleCode[]): boolean {
  return !!user && user.roles.some((grant) => (roles as string[]).includes(grant.role));
}

export function agencyCodeOf(ref: AgencyRef | string | null | undefined): string | undefined {
  if (!ref) return undefined;
  return typeof ref === 'string' ? ref : ref.code;
}

// The agencies where the user holds `role` (their own agency when a grant names none).
export function agenciesWithRole(user: User, role: RoleCode): string[] {
  const codes = new Set<string>();
  for (const grant of user.roles) {
    if (grant.role !== role) continue;
    const code = agencyCodeOf(grant.agency) ?? user.agency?.code;
    if (code) codes.add(code);
  }
  return [...codes];
}

// The eight roles of the issue, named in both languages here; a role the front end does not know
// yet is named by the server's label.
export const ROLE_CODES: readonly RoleCode[] = [
  'one_stop_officer',
  'specialist',
  'unit_head',
  'agency_leader',
  'clerk',
  'agency_it',
  'city_admin',
  'auditor',
];

export function roleLabel(grant: Pick<RoleGrant, 'label' | 'role'> & { label_en?: string }, locale: Locale): string {
  if ((ROLE_CODES as readonly string[]).includes(grant.role)) return translate(locale, `role.${grant.role as RoleCode}`);
  return (locale === 'en' && grant.label_en) || grant.label || grant.role;
}

export function localRefName(ref: { name: string; name_en?: string } | string | null | undefined, locale: Locale) {
  if (!ref) return '';
  if (typeof ref === 'string') return ref;
  return (locale === 'en' && ref.name_en) || ref.name;
}

// ---- the session store ----------------------------------------------------------------------------

export function createSessionStore(client: ApiClient) {
  let state: SessionState = { status: 'loading' };
  const listeners = new Set<(state: SessionState) => void>();
  let loadSeq = 0;

  function set(next: SessionState): void {
    state = next;
    if (next.status !== 'signed_in') client.setCsrfToken(undefined);
    for (const listener of [...listeners]) listener(next);
  }

  // A 401 from anywhere means the session is over (expired, revoked, logged out elsewhere).
  client.onUnauthorized(() => {
    if (state.status === 'signed_in') set({ status: 'anonymous' });
  });

  return {
    get: (): SessionState => state,
    subscribe(listener: (state: SessionState) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    // GET /me: restores the session (and its CSRF token) after a page load. Not signed in, or a
    // server without accounts, is anonymous; so is a failure to ask (the person can still log in).
    async load(): Promise<SessionState> {
      const seq = ++loadSeq;
      try {
        const answer = await client.get<LoginAnswer>('/me');
        if (seq !== loadSeq) return state;
        if (answer?.csrf_token) client.setCsrfToken(answer.csrf_token);
        set(answer?.user ? { status: 'signed_in', user: answer.user } : { status: 'anonymous' });
      } catch {
        if (seq === loadSeq) set({ status: 'anonymous' });
      }
      return state;
    },

    async login(username: string, password: string): Promise<User> {
      const answer = await client.post<LoginAnswer>('/auth/login', { username, password });
      loadSeq++; // an older /me answer must not overwrite this
      client.setCsrfToken(answer.csrf_token);
      set({ status: 'signed_in', user: answer.user });
      return answer.user;
    },

    // Ends this session; signed out here even when the server could not be told.
    async logout(): Promise<void> {
      try {
        await client.post('/auth/logout');
      } catch {
        // Already over on the server (401), or the network failed: forget it here all the same.
      } finally {
        loadSeq++;
        set({ status: 'anonymous' });
      }
    },

    // Ends every session of the account; throws (and stays signed in) when the server refuses.
    async logoutAll(): Promise<void> {
      await client.post('/auth/logout-all');
      loadSeq++;
      set({ status: 'anonymous' });
    },

    // After a change of the account's details, the new user record.
    update(user: User): void {
      if (state.status === 'signed_in') set({ status: 'signed_in', user });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

// The store the pages use.
export const session: SessionStore = createSessionStore(api);

// Preact hook: the current session state; re-renders on login, logout and expiry.
export function useSession(store: SessionStore = session): SessionState {
  const [state, setState] = useState<SessionState>(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
