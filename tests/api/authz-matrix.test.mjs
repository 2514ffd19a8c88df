// The authorization matrix, generated from the route table (`motcua routes`): every route × every
// demo account (plus anonymous, plus the same role at another agency) is called for real and must
// be allowed (neither 401 nor 403) or denied (401 anonymous, 403 signed in) as the rules below say.
// A route whose permission has no rule here fails the test: new routes must be thought through.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
const HOAN_KIEM = '000.00.20.H26';

// Expected outcome by permission: (caller, target) → allowed? `caller` is null for anonymous, else
// {username, agency, roles: [role names]}; `target.agency` is the agency the route's {code} or {id}
// points at.
const has = (c, role) => !!c && c.roles.includes(role);
const HANDLERS = ['one_stop_officer', 'specialist', 'unit_head', 'agency_leader', 'clerk'];
const RULES = {
  public: () => true,
  authenticated: (c) => c !== null,
  'users.manage': (c, t) => has(c, 'city_admin') || (has(c, 'agency_it') && c.agency === t.agency),
  'tokens.manage': (c, t) => has(c, 'city_admin') || (has(c, 'agency_it') && c.agency === t.agency),
  'catalog.admin': (c) => has(c, 'city_admin'),
  'reports.read': (c, t) => has(c, 'city_admin') || has(c, 'auditor') ||
    ((has(c, 'agency_leader') || has(c, 'unit_head')) && (!t.agency || c.agency === t.agency)),
  'audit.read': (c) => has(c, 'city_admin') || has(c, 'auditor'),
  // Dossiers (issue 5): drafts, submit, withdraw and papers (upload, delete) are for applicants
  // only — the service refuses every officer, city_admin included (a dossier that is not theirs is
  // then a 404, not a 403; documents.test.mjs checks those wrong-user refusals).
  'dossiers.own': (c) => !!c && (c.kind === 'citizen' || c.kind === 'business'),
  // Processing (issue 6): the officers who handle dossiers pass the route at any agency; the service
  // then answers 404 for a dossier of another agency and 403 for the wrong role, unit or assignee.
  'dossiers.handle': (c) => has(c, 'city_admin') || HANDLERS.some((r) => has(c, r)),
  // Workflow actions: handling officers, and applicants on their own dossiers (withdraw, supplement).
  'dossiers.act': (c) => !!c && (c.kind === 'citizen' || c.kind === 'business' || has(c, 'city_admin') ||
    HANDLERS.some((r) => has(c, r))),
};

const OFFICER_NAMES = ['motcua', 'chuyenvien', 'truongphong', 'lanhdao', 'vanthu', 'cntt'];
const ACCOUNTS = ['admin', 'thanhtra', 'congdan', 'doanhnghiep', 'badinh.vhtt',
  ...['badinh.', 'hoankiem.', 'soct.'].flatMap((p) => OFFICER_NAMES.map((n) => p + n))];

// Routes that end the caller's session run on a session of their own, last.
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-all']);

// A body that reaches the handler without changing anything that matters to the other calls.
function bodyFor(method, pattern) {
  if (pattern === '/api/v1/auth/login') return { username: 'congdan', password: 'Demo@2017' };
  if (pattern === '/api/v1/auth/password') return { current_password: 'not it', new_password: 'Cây đa giếng nước' };
  if (pattern === '/api/v1/auth/verify') return { token: 'not-a-token' };
  if (pattern === '/api/v1/auth/password-reset') return { email: 'nobody@example.vn' };
  if (pattern === '/api/v1/auth/password-reset/confirm') return { token: 'not-a-token', new_password: 'Cây đa giếng nước' };
  if (method === 'GET' || method === 'DELETE') return undefined;
  return {};  // e.g. an officer or token without fields: 422 when allowed
}

class Session {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
  }
  async login(username) {
    const r = await fetch(this.base + '/api/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2017' }),
    });
    assert.equal(r.status, 200, `login ${username}`);
    this.cookie = r.headers.getSetCookie()[0].split(';')[0];
    const body = await r.json();
    this.csrf = body.csrf_token;
    return body.user;
  }
  async call(method, path, body) {
    const headers = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    await r.arrayBuffer();
    return r.status;
  }
}

describe('authorization matrix', () => {
  let srv, routes;
  const officerAt = {};  // agency code → id of an officer there (the target of PATCH /officers/{id})
  const tokenAt = {};    // agency code → id of an API token there (DELETE /tokens/{id})
  let soct;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-authz-'));
    const url = freshDatabaseUrl(dir);
    const demo = await runCli(['demo'], { MOTCUA_DATABASE_URL: url, MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min' });
    assert.equal(demo.code, 0, demo.stderr);
    const listed = await runCli(['routes']);
    assert.equal(listed.code, 0, listed.stderr);
    routes = JSON.parse(listed.stdout);
    srv = await startServer({ env: { MOTCUA_DATABASE_URL: url, MOTCUA_PASSWORD_COST: 'min' } });
    const admin = new Session(srv.url);
    await admin.login('admin');
    const agencies = await (await fetch(srv.url + '/api/v1/agencies')).json();
    soct = agencies.items.find((a) => a.name === 'Sở Công Thương').code;
    for (const code of [BA_DINH, HOAN_KIEM, soct]) {
      const r = await fetch(srv.url + `/api/v1/agencies/${code}/officers`, { headers: { cookie: admin.cookie } });
      officerAt[code] = (await r.json()).items.find((u) => u.username.endsWith('.vanthu')).id;
      // Many tokens: every allowed DELETE revokes one, and a deny must not depend on what is left.
      const t = await fetch(srv.url + `/api/v1/agencies/${code}/tokens`, {
        method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'matrix', roles: ['clerk'] }),
      });
      assert.equal(t.status, 201);
      tokenAt[code] = (await t.json()).id;
    }
  });
  after(async () => srv && (await srv.stop()));

  test('every route names a permission that has a rule', () => {
    assert.ok(routes.length >= 27, `only ${routes.length} routes`);
    const missing = routes.filter((r) => !(r.permission in RULES)).map((r) => `${r.method} ${r.pattern} (${r.permission})`);
    assert.deepEqual(missing, [], 'routes whose permission has no rule in authz-matrix.test.mjs');
  });

  test('every route × every role × own and other agency', async () => {
    const failures = [];
    let checks = 0;
    const covered = new Set();
    // The other agency of a caller: Ba Đình ↔ Hoàn Kiếm; everyone else is tried at both districts.
    const targetsFor = (caller) => {
      if (!caller || !caller.agency || caller.agency === '000.00.00.H26') return [BA_DINH, HOAN_KIEM];
      if (caller.agency === BA_DINH) return [BA_DINH, HOAN_KIEM];
      if (caller.agency === HOAN_KIEM) return [HOAN_KIEM, BA_DINH];
      return [caller.agency, BA_DINH];
    };
    const fill = (pattern, agency) => pattern
      .replace('{code}', agency)
      .replace('{doc}', '1')
      .replace('{slip}', '1')
      .replace('{id}', String(pattern.startsWith('/api/v1/tokens/') ? tokenAt[agency] : officerAt[agency]));

    for (const username of [null, ...ACCOUNTS]) {
      let caller = null;
      const session = new Session(srv.url);
      if (username) {
        const user = await session.login(username);
        caller = { username, kind: user.kind, agency: user.agency?.code ?? null, roles: user.roles.map((r) => r.role) };
      }
      const ordered = [...routes].sort((a, b) => ENDS_SESSION.has(`${a.method} ${a.pattern}`) - ENDS_SESSION.has(`${b.method} ${b.pattern}`));
      for (const route of ordered) {
        const key = `${route.method} ${route.pattern}`;
        const scoped = route.pattern.includes('{code}') || route.pattern.includes('{id}');
        for (const agency of scoped ? targetsFor(caller) : [null]) {
          let s = session;
          if (username && ENDS_SESSION.has(key)) {
            s = new Session(srv.url);
            await s.login(username);
          }
          const path = fill(route.pattern, agency);
          const status = await s.call(route.method, path, bodyFor(route.method, route.pattern));
          const allowed = RULES[route.permission](caller, { agency });
          const who = `${username ?? 'anonymous'} ${key} → ${path}`;
          checks++;
          covered.add(key);
          if (allowed && (status === 401 || status === 403)) failures.push(`${who}: expected allowed, got ${status}`);
          if (!allowed && status !== (caller ? 403 : 401)) failures.push(`${who}: expected ${caller ? 403 : 401}, got ${status}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(covered.size, routes.length);
    assert.ok(checks > routes.length * ACCOUNTS.length, `${checks} checks`);
  });
});
