import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from './api';
import {
  agenciesWithRole,
  createSessionStore,
  hasRole,
  landingPath,
  loginHref,
  safeNext,
  type SessionState,
  type User,
} from './auth';

const officer: User = {
  id: 7,
  username: 'badinh.cntt',
  kind: 'officer',
  full_name: 'Ngô Đức Thắng',
  email: 'cntt@badinh.vn',
  agency: { code: '000.00.19.H26', name: 'Quận Ba Đình' },
  unit: { key: 'vp', name: 'Văn phòng HĐND-UBND' },
  roles: [{ role: 'agency_it', label: 'Cán bộ CNTT của cơ quan', agency: { code: '000.00.19.H26', name: 'Quận Ba Đình' } }],
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function serverWith(...answers: Array<() => Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected ${init.method} ${url}`);
    return next();
  };
  const client = createApiClient(fetchImpl);
  return { calls, client, store: createSessionStore(client) };
}

const csrfOf = (call: { init: RequestInit } | undefined) =>
  (call?.init.headers as Record<string, string> | undefined)?.['X-CSRF-Token'];

describe('landing pages and next', () => {
  it('sends applicants to their dossiers and officers to their desk', () => {
    expect(landingPath({ kind: 'citizen' })).toBe('/ho-so-cua-toi');
    expect(landingPath({ kind: 'business' })).toBe('/ho-so-cua-toi');
    expect(landingPath({ kind: 'officer' })).toBe('/can-bo');
  });

  it('accepts only paths of this site as next', () => {
    expect(safeNext('/quan-tri/can-bo?agency=000.00.19.H26')).toBe('/quan-tri/can-bo?agency=000.00.19.H26');
    expect(safeNext('/thu-tuc#top')).toBe('/thu-tuc#top');
    expect(safeNext(null)).toBeNull();
    expect(safeNext('')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('javascript:alert(1)')).toBeNull();
    expect(safeNext('/dang-nhap?next=/x')).toBeNull(); // no loop back to the login page
  });

  it('builds the login address with a way back', () => {
    expect(loginHref('/ho-so-cua-toi')).toBe('/dang-nhap?next=%2Fho-so-cua-toi');
    expect(loginHref('/')).toBe('/dang-nhap');
    expect(loginHref('//evil')).toBe('/dang-nhap');
  });

  it('reads roles and the agencies they apply to', () => {
    expect(hasRole(officer, 'agency_it')).toBe(true);
    expect(hasRole(officer, 'city_admin', 'agency_it')).toBe(true);
    expect(hasRole(officer, 'city_admin')).toBe(false);
    expect(hasRole(null, 'agency_it')).toBe(false);
    expect(agenciesWithRole(officer, 'agency_it')).toEqual(['000.00.19.H26']);
    // A grant naming its agency by code, or none (the user's own agency).
    const other = { ...officer, roles: [{ role: 'agency_it', label: '', agency: '000.00.20.H26' }, { role: 'agency_it', label: '' }] };
    expect(agenciesWithRole(other, 'agency_it')).toEqual(['000.00.20.H26', '000.00.19.H26']);
  });
});

describe('session store', () => {
  it('restores a session from GET /me, with its CSRF token', async () => {
    const { client, store } = serverWith(() => json(200, { user: officer, csrf_token: 'me-token' }));
    const seen: SessionState['status'][] = [];
    store.subscribe((s) => seen.push(s.status));
    expect(store.get().status).toBe('loading');
    const state = await store.load();
    expect(state).toEqual({ status: 'signed_in', user: officer });
    expect(client.csrfToken()).toBe('me-token');
    expect(seen).toEqual(['signed_in']);
  });

  it('is anonymous after a 401, or when the server has no accounts (404) or cannot be reached', async () => {
    for (const answer of [
      () => json(401, { error: { code: 'unauthorized', message: 'x' } }),
      () => json(404, { error: { code: 'not_found', message: 'x' } }),
      () => {
        throw new TypeError('offline');
      },
    ]) {
      const { store } = serverWith(answer);
      expect((await store.load()).status).toBe('anonymous');
    }
  });

  it('login keeps the CSRF token; logout sends it and forgets it', async () => {
    const { calls, client, store } = serverWith(
      () => json(200, { user: officer, csrf_token: 'login-token' }),
      () => new Response(null, { status: 204 }),
    );
    const user = await store.login('badinh.cntt', 'Demo@2017');
    expect(user.username).toBe('badinh.cntt');
    expect(store.get().status).toBe('signed_in');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ username: 'badinh.cntt', password: 'Demo@2017' });
    await store.logout();
    expect(csrfOf(calls[1])).toBe('login-token');
    expect(store.get().status).toBe('anonymous');
    expect(client.csrfToken()).toBeUndefined();
  });

  it('logout signs out here even when the session had already ended on the server', async () => {
    const { store } = serverWith(
      () => json(200, { user: officer, csrf_token: 't' }),
      () => json(401, { error: { code: 'unauthorized', message: 'x' } }),
    );
    await store.login('badinh.cntt', 'x');
    await store.logout();
    expect(store.get().status).toBe('anonymous');
  });

  it('logout-all that the server refuses leaves the person signed in', async () => {
    const { store } = serverWith(
      () => json(200, { user: officer, csrf_token: 't' }),
      () => json(500, { error: { code: 'internal', message: 'x' } }),
    );
    await store.login('badinh.cntt', 'x');
    await expect(store.logoutAll()).rejects.toMatchObject({ status: 500 });
    expect(store.get().status).toBe('signed_in');
  });

  it('any 401 unauthorized from the API ends the session here', async () => {
    const { client, store } = serverWith(
      () => json(200, { user: officer, csrf_token: 't' }),
      () => json(401, { error: { code: 'unauthorized', message: 'x' } }),
    );
    await store.login('badinh.cntt', 'x');
    await client.get('/agencies/A/officers').catch(() => undefined);
    expect(store.get().status).toBe('anonymous');
    expect(client.csrfToken()).toBeUndefined();
  });

  it('a failed login changes nothing', async () => {
    const { store } = serverWith(
      () => json(401, { error: { code: 'unauthorized', message: 'x' } }),
      () => json(401, { error: { code: 'invalid_credentials', message: 'Sai.' } }),
    );
    await store.load();
    await expect(store.login('congdan', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(store.get().status).toBe('anonymous');
  });
});

describe('role names', () => {
  it('names the known roles in both languages, others by the server label', async () => {
    const { roleLabel } = await import('./auth');
    const { roleText } = await import('./accounts_admin');
    expect(roleLabel({ role: 'agency_it', label: 'x' }, 'vi')).toBe('Cán bộ CNTT của cơ quan');
    expect(roleLabel({ role: 'agency_it', label: 'x' }, 'en')).toBe('Agency IT officer');
    expect(roleLabel({ role: 'new_role', label: 'Vai trò mới' }, 'en')).toBe('Vai trò mới');
    expect(roleText('clerk', [], 'vi')).toBe('Văn thư');
    expect(roleText('robot', [{ role: 'robot', label: 'Máy' }], 'vi')).toBe('Máy');
  });
});
