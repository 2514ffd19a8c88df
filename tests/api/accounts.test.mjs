// Accounts over HTTP: registration and e-mail verification, login cookie and CSRF, logout and
// "log out everywhere", officers and API tokens per agency, password change and reset, throttling,
// and that passwords never appear in responses or logs.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
const HOAN_KIEM = '000.00.20.H26';
const PASSWORDS = ['Demo@2017', 'Sông Hồng 2017!', 'Cây đa giếng nước', 'Hồ Gươm xanh 1', 'Thủ đô ngàn năm'];

function linkToken(logs, path) {
  const lines = logs.split('\n').filter((l) => l.includes(path + '?token='));
  assert.ok(lines.length > 0, 'no link in the log');
  const line = JSON.parse(lines.at(-1));
  return new URL(line.link).searchParams.get('token');
}

const citizen = (username) => ({
  kind: 'citizen', username, password: 'Sông Hồng 2017!', full_name: 'Trần Thị Hà', id_number: '001195012345',
  date_of_birth: '1995-03-08', phone: '0987 654 321', email: `${username}@example.vn`, address: 'Số 3 phố Hàng Bài, Hà Nội',
});

describe('accounts', () => {
  let srv;
  const client = () => new Client(srv.url);

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-acc-'));
    const url = freshDatabaseUrl(dir);
    const demo = await runCli(['demo'], { MOTCUA_DATABASE_URL: url, MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min' });
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stdout, /23 demo accounts created/);
    const again = await runCli(['demo'], { MOTCUA_DATABASE_URL: url, MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min' });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 demo accounts created, 23 already there/);
    srv = await startServer({ env: { MOTCUA_DATABASE_URL: url, MOTCUA_PASSWORD_COST: 'min' } });
  });
  after(async () => srv && (await srv.stop()));

  test('roles are public, with Vietnamese labels', async () => {
    const r = await client().req('GET', '/api/v1/roles');
    assert.equal(r.status, 200);
    assert.equal(r.json.length, 8);
    assert.deepEqual(r.json.find((x) => x.role === 'specialist'), { role: 'specialist', label: 'Chuyên viên thụ lý' });
  });

  test('register, verify by the logged link, then log in', async () => {
    const c = client();
    const reg = await c.req('POST', '/api/v1/auth/register', citizen('tran.ha'));
    assert.equal(reg.status, 201, reg.text);
    assert.equal(reg.json.verification, 'sent');
    assert.equal(reg.json.user.status, 'pending');
    assert.equal(reg.json.user.kind, 'citizen');
    assert.equal(reg.json.user.phone, '0987654321');
    const early = await c.login('tran.ha', 'Sông Hồng 2017!');
    assert.equal(early.status, 403);
    assert.equal(early.json.error.code, 'account_not_verified');
    assert.match(early.json.error.message, /chưa được xác thực/);
    const token = linkToken(srv.logs(), '/xac-thuc');
    const ver = await c.req('POST', '/api/v1/auth/verify', { token });
    assert.equal(ver.status, 200);
    assert.equal(ver.json.user.status, 'active');
    assert.equal((await c.req('POST', '/api/v1/auth/verify', { token })).status, 400);  // one time
    const login = await c.login('tran.ha@example.vn', 'Sông Hồng 2017!');
    assert.equal(login.status, 200);
    assert.match(login.setCookie, /^motcua_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    assert.equal(login.json.user.username, 'tran.ha');
    assert.deepEqual(login.json.user.roles, []);
    assert.equal(login.json.user.agency, null);
    const me = await c.req('GET', '/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.user.id, login.json.user.id);
    assert.equal(me.json.csrf_token, login.json.csrf_token);
  });

  test('registration lists every invalid field; a taken name or e-mail is a conflict', async () => {
    const c = client();
    const bad = await c.req('POST', '/api/v1/auth/register', { kind: 'citizen', username: 'x', password: '12345678', id_number: '123', phone: '12', email: 'nope' });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.error.code, 'validation_failed');
    for (const f of ['username', 'password', 'full_name', 'id_number', 'date_of_birth', 'phone', 'email', 'address'])
      assert.ok(bad.json.error.fields[f], f);
    assert.ok(bad.json.error.fields.password.message_en);
    const biz = await c.req('POST', '/api/v1/auth/register', { kind: 'business', tax_code: '0100109106-01' });
    assert.ok(biz.json.error.fields.tax_code && biz.json.error.fields.representative);
    const ok = await c.req('POST', '/api/v1/auth/register', {
      kind: 'business', username: 'hoa.sen', password: 'Hoa sen trắng 1', full_name: 'Công ty Cổ phần Hoa Sen',
      tax_code: '0100109106-001', representative: 'Lê Văn Hùng', phone: '024 3825 1234', email: 'lienhe@hoasen.vn',
      address: 'Số 9 phố Lý Thái Tổ, Hà Nội',
    });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.user.tax_code, '0100109106-001');
    const dup = await c.req('POST', '/api/v1/auth/register', { ...citizen('congdan') });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.error.code, 'conflict');
    const dupEmail = await c.req('POST', '/api/v1/auth/register', { ...citizen('someone.new'), email: 'lienhe@hoasen.vn' });
    assert.equal(dupEmail.status, 409);
    assert.equal(dupEmail.json.error.message, dup.json.error.message);  // the same words either way
  });

  test('wrong credentials read the same whether the account exists or not', async () => {
    const a = await client().login('congdan', 'not the password');
    const b = await client().login('no.such.user', 'not the password');
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal(a.json.error.code, 'invalid_credentials');
    assert.deepEqual(a.json, b.json);
  });

  test('anonymous callers get 401; a bogus or revoked session too', async () => {
    const anon = await client().req('GET', '/api/v1/me');
    assert.equal(anon.status, 401);
    assert.equal(anon.json.error.code, 'unauthorized');
    assert.ok(anon.json.error.message && anon.json.error.message_en);
    const bogus = client();
    bogus.cookie = 'made-up-token';
    assert.equal((await bogus.req('GET', '/api/v1/me')).status, 401);
    // Public routes still work with a dead cookie.
    assert.equal((await bogus.req('GET', '/api/v1/roles')).status, 200);
  });

  test('state changes need the CSRF token; logout revokes the session', async () => {
    const c = client();
    assert.equal((await c.login('congdan')).status, 200);
    const noCsrf = await c.req('POST', '/api/v1/auth/logout', undefined, { csrf: false });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.json.error.code, 'csrf_failed');
    const wrong = await c.req('POST', '/api/v1/auth/logout', undefined, { csrf: false, headers: { 'x-csrf-token': 'guess' } });
    assert.equal(wrong.status, 403);
    const saved = c.cookie;
    const out = await c.req('POST', '/api/v1/auth/logout');
    assert.equal(out.status, 204);
    assert.match(out.setCookie, /Max-Age=0/);
    c.cookie = saved;  // replaying the old cookie does not help
    assert.equal((await c.req('GET', '/api/v1/me')).status, 401);
  });

  test('log out everywhere ends every session of the account', async () => {
    const a = client(), b = client();
    await a.login('doanhnghiep');
    await b.login('doanhnghiep');
    assert.equal((await b.req('GET', '/api/v1/me')).status, 200);
    assert.equal((await a.req('POST', '/api/v1/auth/logout-all')).status, 204);
    assert.equal((await b.req('GET', '/api/v1/me')).status, 401);
  });

  test('badinh.chuyenvien cannot read or act on anything of Hoàn Kiếm', async () => {
    const c = client();
    const login = await c.login('badinh.chuyenvien');
    assert.equal(login.json.user.agency.code, BA_DINH);
    assert.deepEqual(login.json.user.unit, { key: 'qldt', name: 'Phòng Quản lý đô thị' });
    assert.deepEqual(login.json.user.roles.map((r) => [r.role, r.label, r.agency.code, r.unit.key]),
      [['specialist', 'Chuyên viên thụ lý', BA_DINH, 'qldt']]);
    const admin = client();
    await admin.login('admin');
    const hkOfficers = await admin.req('GET', `/api/v1/agencies/${HOAN_KIEM}/officers`);
    const hkId = hkOfficers.json.items.find((u) => u.username === 'hoankiem.chuyenvien').id;
    const token = await admin.req('POST', `/api/v1/agencies/${HOAN_KIEM}/tokens`, { name: 'Liên thông HK', roles: ['clerk'] });
    assert.equal(token.status, 201);
    for (const [method, path, body] of [
      ['GET', `/api/v1/agencies/${HOAN_KIEM}/officers`],
      ['POST', `/api/v1/agencies/${HOAN_KIEM}/officers`, {}],
      ['PATCH', `/api/v1/officers/${hkId}`, { version: 1, status: 'locked' }],
      ['GET', `/api/v1/agencies/${HOAN_KIEM}/tokens`],
      ['POST', `/api/v1/agencies/${HOAN_KIEM}/tokens`, { name: 'x', roles: ['clerk'] }],
      ['DELETE', `/api/v1/tokens/${token.json.id}`],
    ]) {
      const r = await c.req(method, path, body);
      assert.equal(r.status, 403, `${method} ${path}`);
      assert.equal(r.json.error.code, 'forbidden');
    }
    // Nothing changed at Hoàn Kiếm.
    const still = await admin.req('GET', `/api/v1/agencies/${HOAN_KIEM}/tokens`);
    assert.equal(still.json.items.length, 1);
  });

  test('congdan sees only their own data', async () => {
    const c = client();
    const login = await c.login('congdan');
    assert.equal(login.json.user.full_name, 'Nguyễn Văn An');
    assert.match(login.json.user.id_number, /^\d{12}$/);
    const me = await c.req('GET', '/api/v1/me');
    assert.equal(me.json.user.username, 'congdan');
    const other = client();
    const biz = await other.login('doanhnghiep');
    const r = await c.req('PATCH', `/api/v1/officers/${biz.json.user.id}`, { version: 1, full_name: 'x' });
    assert.equal(r.status, 403);
    assert.equal((await c.req('GET', `/api/v1/agencies/${BA_DINH}/officers`)).status, 403);
    assert.ok(!me.text.includes(biz.json.user.tax_code));
  });

  test('agency IT manages its officers: create, stale version, lock', async () => {
    const it = client();
    await it.login('badinh.cntt');
    const created = await it.req('POST', `/api/v1/agencies/${BA_DINH}/officers`, {
      username: 'badinh.moi', full_name: 'Nguyễn Văn Mới', email: 'moi@badinh.hanoi.gov.vn', phone: '0987 000 111',
      unit: 'vhtt', roles: ['specialist'], password: 'Thủ đô ngàn năm',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.unit.key, 'vhtt');
    assert.equal(created.json.version, 1);
    const escalate = await it.req('POST', `/api/v1/agencies/${BA_DINH}/officers`, {
      username: 'badinh.sep', full_name: 'Sếp', email: 'sep@badinh.hanoi.gov.vn', unit: 'vp', roles: ['city_admin'], password: 'Thủ đô ngàn năm',
    });
    assert.equal(escalate.status, 403);
    const officer = client();
    assert.equal((await officer.login('badinh.moi', 'Thủ đô ngàn năm')).status, 200);
    const id = created.json.id;
    const v2 = await it.req('PATCH', `/api/v1/officers/${id}`, { version: 1, roles: ['specialist', 'unit_head'] });
    assert.equal(v2.status, 200, v2.text);
    assert.equal(v2.json.version, 2);
    assert.deepEqual(v2.json.roles.map((r) => r.role).sort(), ['specialist', 'unit_head']);
    const stale = await it.req('PATCH', `/api/v1/officers/${id}`, { version: 1, full_name: 'Tên khác' });
    assert.equal(stale.status, 409);
    const lock = await it.req('PATCH', `/api/v1/officers/${id}`, { version: 2, status: 'locked' });
    assert.equal(lock.status, 200);
    assert.equal(lock.json.status, 'locked');
    assert.equal((await officer.req('GET', '/api/v1/me')).status, 401);
    const again = await officer.login('badinh.moi', 'Thủ đô ngàn năm');
    assert.equal(again.status, 403);
    assert.equal(again.json.error.code, 'account_disabled');
    const list = await it.req('GET', `/api/v1/agencies/${BA_DINH}/officers`);
    assert.ok(list.json.items.some((u) => u.username === 'badinh.moi' && u.status === 'locked'));
    assert.ok(list.json.items.every((u) => u.agency.code === BA_DINH));
  });

  test('API tokens: shown once, Bearer without CSRF, revocable', async () => {
    const it = client();
    await it.login('badinh.cntt');
    const t = await it.req('POST', `/api/v1/agencies/${BA_DINH}/tokens`, { name: 'Cổng quốc gia', roles: ['one_stop_officer'] });
    assert.equal(t.status, 201, t.text);
    assert.match(t.json.token, /^mct_/);
    const list = await it.req('GET', `/api/v1/agencies/${BA_DINH}/tokens`);
    assert.ok(list.json.items.every((x) => x.token === undefined));
    const bearer = { authorization: `Bearer ${t.json.token}` };
    const me = await fetch(srv.url + '/api/v1/me', { headers: bearer });
    assert.equal(me.status, 200);
    const body = await me.json();
    assert.equal(body.token.agency, BA_DINH);
    // Bearer requests need no CSRF token; the token cannot manage tokens.
    const logout = await fetch(srv.url + '/api/v1/auth/logout', { method: 'POST', headers: bearer });
    assert.equal(logout.status, 204);
    const manage = await fetch(srv.url + `/api/v1/agencies/${BA_DINH}/tokens`, { headers: bearer });
    assert.equal(manage.status, 403);
    assert.equal((await it.req('DELETE', `/api/v1/tokens/${t.json.id}`)).status, 204);
    const dead = await fetch(srv.url + '/api/v1/me', { headers: bearer });
    assert.equal(dead.status, 401);
  });

  test('password change revokes other sessions; reset is single use', async () => {
    const a = client(), b = client();
    await a.login('soct.lanhdao');
    await b.login('soct.lanhdao');
    const weak = await a.req('POST', '/api/v1/auth/password', { current_password: 'Demo@2017', new_password: 'password' });
    assert.equal(weak.status, 422);
    assert.ok(weak.json.error.fields.new_password);
    const ok = await a.req('POST', '/api/v1/auth/password', { current_password: 'Demo@2017', new_password: 'Cây đa giếng nước' });
    assert.equal(ok.status, 204);
    assert.equal((await a.req('GET', '/api/v1/me')).status, 200);
    assert.equal((await b.req('GET', '/api/v1/me')).status, 401);

    const anon = client();
    const unknown = await anon.req('POST', '/api/v1/auth/password-reset', { email: 'nobody@example.vn' });
    assert.equal(unknown.status, 202);
    const req = await anon.req('POST', '/api/v1/auth/password-reset', { email: 'soct.lanhdao@demo.motcua.vn' });
    assert.equal(req.status, 202);
    assert.deepEqual(req.json, unknown.json);
    const token = linkToken(srv.logs(), '/dat-lai-mat-khau');
    const done = await anon.req('POST', '/api/v1/auth/password-reset/confirm', { token, new_password: 'Hồ Gươm xanh 1' });
    assert.equal(done.status, 204);
    const twice = await anon.req('POST', '/api/v1/auth/password-reset/confirm', { token, new_password: 'Hồ Gươm xanh 1' });
    assert.equal(twice.status, 400);
    assert.equal((await a.req('GET', '/api/v1/me')).status, 401);  // a reset ends every session
    assert.equal((await client().login('soct.lanhdao', 'Cây đa giếng nước')).status, 401);
    assert.equal((await client().login('soct.lanhdao', 'Hồ Gươm xanh 1')).status, 200);
  });

  test('twenty wrong passwords in a row are throttled with Retry-After', async () => {
    const statuses = [];
    let throttled;
    for (let i = 0; i < 20; i++) {
      const r = await client().login('soct.vanthu', `wrong ${i}`);
      statuses.push(r.status);
      if (r.status === 429) throttled = r;
    }
    assert.ok(statuses.includes(429), statuses.join(','));
    assert.ok(statuses.slice(0, 4).every((s) => s === 401), statuses.join(','));
    assert.equal(throttled.json.error.code, 'too_many_requests');
    assert.match(throttled.json.error.message, /thử lại sau \d+ giây/);
    assert.ok(Number(throttled.headers.get('retry-after')) > 0);
    // Even the right password waits for the lock to expire.
    assert.equal((await client().login('soct.vanthu')).status, 429);
  });

  test('passwords are never returned or logged', async () => {
    const logs = srv.logs();
    for (const p of PASSWORDS) assert.ok(!logs.includes(p), `a password is in the log: ${p}`);
    assert.ok(!logs.includes('$argon2id$'));
    const c = client();
    const login = await c.login('hoankiem.cntt');
    assert.ok(!/password|argon2/i.test(login.text));
    const list = await c.req('GET', `/api/v1/agencies/${HOAN_KIEM}/officers`);
    assert.ok(!/password|argon2/i.test(list.text));
  });
});

// Session expiry over HTTP, on the server's own clock: the same database served again later.
describe('session expiry', () => {
  let srv, url;
  const clients = [];  // they keep their cookies across restarts, to the new port
  const at = async (iso) => {
    if (srv) await srv.stop();
    srv = await startServer({ env: { MOTCUA_DATABASE_URL: url, MOTCUA_PASSWORD_COST: 'min', MOTCUA_CLOCK_START: iso, MOTCUA_CLOCK_FROZEN: 'true' } });
    for (const c of clients) c.base = srv.url;
  };
  const client = () => {
    const c = new Client(srv.url);
    clients.push(c);
    return c;
  };
  before(async () => {
    url = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-exp-')));
    const demo = await runCli(['demo'], { MOTCUA_DATABASE_URL: url, MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min' });
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => srv && (await srv.stop()));

  test('a session idle for more than 30 minutes is refused with 401, and the cookie can log in again', async () => {
    await at('2017-03-01T09:00:00+07:00');
    const c = client();
    assert.equal((await c.login('congdan')).status, 200);
    const idle = client();
    assert.equal((await idle.login('badinh.motcua')).status, 200);
    await at('2017-03-01T09:29:00+07:00');
    const me = await c.req('GET', '/api/v1/me');
    assert.equal(me.status, 200, me.text);  // and it was seen again at 09:29
    await at('2017-03-01T09:45:00+07:00');
    assert.equal((await c.req('GET', '/api/v1/me')).status, 200, '16 minutes after it was last seen');
    const gone = await idle.req('GET', '/api/v1/me');
    assert.equal(gone.status, 401, 'idle since 09:00');
    assert.equal(gone.json.error.code, 'unauthorized');
    assert.ok(gone.json.error.message && gone.json.error.message_en);
    const write = await idle.req('POST', '/api/v1/auth/password', { current_password: 'Demo@2017', new_password: 'Cây đa giếng nước' });
    assert.equal(write.status, 401, write.text);
    assert.equal((await idle.login('badinh.motcua')).status, 200);
    assert.equal((await idle.req('GET', '/api/v1/me')).status, 200);
  });

  test('a session lasts 12 hours at most, however busy', async () => {
    await at('2017-03-02T07:00:00+07:00');
    const c = client();
    assert.equal((await c.login('congdan')).status, 200);
    await at('2017-03-02T18:59:00+07:00');
    assert.equal((await c.req('GET', '/api/v1/me')).status, 401, 'idle too');
    const busy = client();
    await at('2017-03-03T07:00:00+07:00');
    assert.equal((await busy.login('congdan')).status, 200);
    // Seen every 28 minutes, from 07:28 to 18:40: never idle.
    for (let m = 28; m < 12 * 60; m += 28) {
      const iso = `2017-03-03T${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`;
      await at(iso);
      assert.equal((await busy.req('GET', '/api/v1/me')).status, 200, iso);
    }
    await at('2017-03-03T19:00:00+07:00');
    assert.equal((await busy.req('GET', '/api/v1/me')).status, 401, '12 hours after login');
  });
});
