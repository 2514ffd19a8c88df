// Dossiers, first slice of issue 5 (papers: documents.test.mjs): drafts saved with optimistic
// versions, submission with every form problem at once, the rollout check, the dossier code from a
// per-agency daily sequence (unique under concurrency), idempotent retries, withdrawal, who may read
// what, and the public lookup by code and secret (same 404 for a wrong secret and an unknown code).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';
import { attach } from './lib/papers.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
const RURAL = '000.00.31.H26';
const PERMIT = 'H26.QH.XD.01';
// Tuesday 21/02/2017, 09:00 in Hanoi: working time, so the official receipt is the submission itself.
const env = { MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min', MOTCUA_CLOCK_START: '2017-02-21T09:00:00+07:00' };
const CODE_RE = /^000\.00\.19\.H26-\d{6}-0001$/;
let srv, dbUrl;

before(async () => {
  const url = dbUrl = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-dos-')));
  const demo = await runCli(['demo'], { ...env, MOTCUA_DATABASE_URL: url });
  assert.equal(demo.code, 0, demo.stderr);
  srv = await startServer({ env: { ...env, MOTCUA_DATABASE_URL: url } });
});
after(async () => srv?.stop());

const as = async (user) => {
  const c = new Client(srv.url);
  assert.equal((await c.login(user)).status, 200, user);
  return c;
};
const setWave2 = async (date) => {
  const r = await (await as('admin')).req('PUT', '/api/v1/admin/settings/wave2_date', { value: date });
  assert.equal(r.status, 200, r.text);
};
let keyCounter = 0;
const submit = (c, id, key = `key-${process.pid}-${keyCounter++}`) =>
  c.req('POST', `/api/v1/dossiers/${id}/submit`, undefined, { headers: { 'idempotency-key': key } });
const draft = async (c, agency = BA_DINH, form = { full_name: 'Nguyễn Văn An' }) => {
  const r = await c.req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency });
  assert.equal(r.status, 201, r.text);
  const s = await c.req('PATCH', `/api/v1/dossiers/${r.json.id}`, { version: r.json.version, form_data: form });
  assert.equal(s.status, 200, s.text);
  // The procedure's required paper (component 1), so that only the form and the rollout decide.
  const p = await attach(c, r.json.id);
  assert.equal(p.status, 201, p.text);
  return s.json;
};

test('a procedure not yet online cannot be submitted: before the wave date, and at a rural district', async () => {
  await setWave2('2017-03-01');
  const c = await as('congdan');
  const d = await draft(c);
  let r = await submit(c, d.id);
  assert.equal(r.status, 409, r.text);
  assert.equal(r.json.error.code, 'procedure_not_online');
  assert.equal(r.json.error.online_since, '2017-03-01');
  assert.match(r.json.error.message, /01\/03\/2017/);
  assert.match(r.json.error.message_en, /2017-03-01/);

  await setWave2('2017-02-20');
  const rural = await draft(c, RURAL);
  r = await submit(c, rural.id);
  assert.equal(r.status, 409, r.text);
  assert.equal(r.json.error.code, 'procedure_not_online');
  assert.equal(r.json.error.online_since, null);
  // Nothing was numbered: both are still drafts.
  for (const id of [d.id, rural.id]) assert.equal((await c.req('GET', `/api/v1/dossiers/${id}`)).json.status, 'draft');
});

test('drafts: applicants only, the procedure must accept the applicant, stale versions refused, NFC', async () => {
  assert.equal((await new Client(srv.url).req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH })).status, 401);
  for (const officer of ['badinh.motcua', 'admin']) {
    const r = await (await as(officer)).req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH });
    assert.equal(r.status, 403, officer);
  }
  const biz = await as('doanhnghiep');
  let r = await biz.req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH });
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.procedure.code, 'applicant_not_allowed');
  const c = await as('congdan');
  r = await c.req('POST', '/api/v1/dossiers', { procedure: 'H26.XX.00', agency: '000.00.99.H26' });
  assert.equal(r.status, 422);
  assert.ok(r.json.error.fields.procedure && r.json.error.fields.agency);

  r = await c.req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.code, null);
  assert.deepEqual(r.json.form_data, {});
  assert.equal(r.json.procedure.code, PERMIT);
  assert.equal(r.json.agency.code, BA_DINH);
  const id = r.json.id;
  const nfd = 'Nguye\u0302\u0303n Va\u0306n An';
  const saved = await c.req('PATCH', `/api/v1/dossiers/${id}`, { version: r.json.version, form_data: { full_name: nfd } });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.form_data.full_name, nfd.normalize('NFC'));
  assert.equal(saved.json.version, r.json.version + 1);
  const stale = await c.req('PATCH', `/api/v1/dossiers/${id}`, { version: r.json.version, form_data: {} });
  assert.equal(stale.status, 409);
  const big = await c.req('PATCH', `/api/v1/dossiers/${id}`, { version: saved.json.version, form_data: { full_name: 'x'.repeat(70000) } });
  assert.equal(big.status, 413);
  const missing = await c.req('PATCH', `/api/v1/dossiers/${id}`, {});
  assert.equal(missing.status, 422);
  assert.ok(missing.json.error.fields.version && missing.json.error.fields.form_data);
  // Resumable from another device: a new session sees the same draft.
  const again = await (await as('congdan')).req('GET', `/api/v1/dossiers/${id}`);
  assert.equal(again.json.form_data.full_name, nfd.normalize('NFC'));
});

let submitted;  // {id, code, secret}

test('submit: every form problem at once, then a code from the daily sequence, receipt time and a secret', async () => {
  const c = await as('congdan');
  const d = await draft(c, BA_DINH, { nickname: 'An' });
  let r = await submit(c, d.id);
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.code, 'validation_failed');
  assert.equal(r.json.error.fields.full_name.code, 'required');
  assert.equal(r.json.error.fields.nickname.code, 'unknown_field');

  const noKey = await c.req('POST', `/api/v1/dossiers/${d.id}/submit`);
  assert.equal(noKey.status, 400);

  const fixed = await c.req('PATCH', `/api/v1/dossiers/${d.id}`, { version: d.version, form_data: { full_name: 'Nguyễn Văn An' } });
  assert.equal(fixed.status, 200);
  const key = 'retry-me-' + process.pid;
  r = await submit(c, d.id, key);
  assert.equal(r.status, 200, r.text);
  assert.match(r.json.code, CODE_RE);
  assert.match(r.json.code, /-170221-/);
  assert.equal(r.json.status, 'submitted');
  assert.equal(r.json.status_label, 'Đã nộp, chờ tiếp nhận');
  assert.match(r.json.lookup_secret, /^[A-HJKMNP-Z2-9]{6}$/);
  assert.match(r.json.submitted_at, /^2017-02-21T09:\d\d:\d\d\+07:00$/);
  assert.equal(r.json.received_at, r.json.submitted_at);  // within office hours
  assert.equal(r.json.due_at, null);
  assert.equal(r.json.replayed, false);
  submitted = { id: d.id, code: r.json.code, secret: r.json.lookup_secret };

  // A retry with the same key returns the same dossier, never a second one.
  const retry = await submit(c, d.id, key);
  assert.equal(retry.status, 200, retry.text);
  assert.equal(retry.json.code, submitted.code);
  assert.equal(retry.json.replayed, true);
  assert.equal(retry.json.lookup_secret, null);
  const other = await draft(c);
  const reused = await submit(c, other.id, key);
  assert.equal(reused.status, 409);
  const again = await submit(c, d.id);  // a new key on a submitted dossier
  assert.equal(again.status, 409);
  const list = await c.req('GET', '/api/v1/dossiers?status=submitted');
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((i) => i.code), [submitted.code]);
  assert.equal(list.json.total, 1);
  const item = list.json.items[0];
  for (const k of ['id', 'code', 'status', 'procedure', 'agency', 'submitted_at', 'due_at']) assert.ok(k in item, k);

  // The draft can no longer change; the timeline shows what happened.
  const late = await c.req('PATCH', `/api/v1/dossiers/${d.id}`, { version: retry.json.version, form_data: {} });
  assert.equal(late.status, 409);
  const full = await c.req('GET', `/api/v1/dossiers/${d.id}`);
  assert.deepEqual(full.json.timeline.map((t) => t.action), ['create', 'submit']);
});

test('who may read a dossier: its owner and the receiving agency; anybody else gets 404', async () => {
  const path = `/api/v1/dossiers/${submitted.id}`;
  assert.equal((await new Client(srv.url).req('GET', path)).status, 401);
  assert.equal((await (await as('doanhnghiep')).req('GET', path)).status, 404);
  assert.equal((await (await as('hoankiem.motcua')).req('GET', path)).status, 404);
  assert.equal((await (await as('badinh.cntt')).req('GET', path)).status, 404);
  const officer = await as('badinh.motcua');
  const r = await officer.req('GET', path);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.code, submitted.code);
  const list = await officer.req('GET', '/api/v1/dossiers');
  assert.ok(list.json.items.some((i) => i.code === submitted.code));
  assert.ok(list.json.items.every((i) => i.status !== 'draft' && i.agency.code === BA_DINH));
  const elsewhere = await (await as('hoankiem.motcua')).req('GET', '/api/v1/dossiers');
  assert.equal(elsewhere.json.total, 0);
  const theirs = await (await as('doanhnghiep')).req('GET', '/api/v1/dossiers');
  assert.equal(theirs.json.total, 0);
  // Others may not act on it either.
  const biz = await as('doanhnghiep');
  assert.equal((await biz.req('POST', `${path}/withdraw`)).status, 404);
  assert.equal((await biz.req('PATCH', path, { version: 1, form_data: {} })).status, 404);
});

test('public lookup: status and agency, nothing personal; a wrong secret and an unknown code look the same', async () => {
  const anon = new Client(srv.url);
  const r = await anon.req('GET', `/api/v1/lookup/${submitted.code}?secret=${submitted.secret.toLowerCase()}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.code, submitted.code);
  assert.equal(r.json.status, 'submitted');
  assert.equal(r.json.status_label, 'Đã nộp, chờ tiếp nhận');
  assert.equal(r.json.status_label_en, 'Submitted, awaiting receipt');
  assert.equal(r.json.procedure.code, PERMIT);
  assert.ok(r.json.procedure.name);
  assert.equal(r.json.agency.code, BA_DINH);
  assert.ok(r.json.received_at);
  assert.equal(r.json.appointment_at, null);
  assert.doesNotMatch(r.text, /Nguyễn|form_data|applicant|full_name/);
  const wrong = await anon.req('GET', `/api/v1/lookup/${submitted.code}?secret=${submitted.secret === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`);
  const unknown = await anon.req('GET', `/api/v1/lookup/${submitted.code.replace(/\d{4}$/, '9999')}?secret=${submitted.secret}`);
  const noSecret = await anon.req('GET', `/api/v1/lookup/${submitted.code}`);
  for (const x of [wrong, unknown, noSecret]) {
    assert.equal(x.status, 404);
    assert.equal(x.text, wrong.text);
  }
});

test('withdraw: the owner, while no officer has received it; the lookup then says so', async () => {
  const c = await as('congdan');
  const d = await draft(c);
  assert.equal((await c.req('POST', `/api/v1/dossiers/${d.id}/withdraw`)).status, 409);  // a draft
  const s = await submit(c, d.id);
  assert.equal(s.status, 200, s.text);
  const w = await c.req('POST', `/api/v1/dossiers/${d.id}/withdraw`);
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.status, 'withdrawn');
  const full = await c.req('GET', `/api/v1/dossiers/${d.id}`);
  assert.deepEqual(full.json.timeline.map((t) => t.action), ['create', 'submit', 'withdraw']);
  const l = await new Client(srv.url).req('GET', `/api/v1/lookup/${s.json.code}?secret=${s.json.lookup_secret}`);
  assert.equal(l.json.status, 'withdrawn');
  assert.equal(l.json.status_label, 'Đã rút hồ sơ');
});

test('50 concurrent submissions to one agency get 50 distinct consecutive numbers', async () => {
  const c = await as('congdan');
  const drafts = [];
  for (let i = 0; i < 50; i++) drafts.push(await draft(c));
  const results = await Promise.all(drafts.map((d) => submit(c, d.id)));
  for (const r of results) assert.equal(r.status, 200, r.text);
  const numbers = results.map((r) => Number(r.json.code.split('-').pop())).sort((a, b) => a - b);
  assert.equal(new Set(numbers).size, 50);
  for (let i = 1; i < numbers.length; i++) assert.equal(numbers[i], numbers[i - 1] + 1);
  assert.ok(results.every((r) => r.json.code.startsWith(`${BA_DINH}-170221-`)));
  const mine = await c.req('GET', '/api/v1/dossiers?status=submitted&per_page=100');
  assert.equal(mine.json.total, 51);
});

test('200 concurrent submissions through two server processes on one database: distinct consecutive numbers', async () => {
  const srv2 = await startServer({ env: { ...env, MOTCUA_DATABASE_URL: dbUrl } });
  try {
    const c = await as('congdan');
    const c2 = new Client(srv2.url);
    Object.assign(c2, { cookie: c.cookie, csrf: c.csrf });  // the same session works on every process
    const drafts = [];
    for (let i = 0; i < 200; i++) drafts.push(await draft(i % 2 ? c2 : c));
    const keys = drafts.map((d) => `two-processes-${d.id}`);
    const results = await Promise.all(drafts.map((d, i) => submit(i % 2 ? c2 : c, d.id, keys[i])));
    for (const r of results) assert.equal(r.status, 200, r.text);
    const numbers = results.map((r) => Number(r.json.code.split('-').pop())).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 200);
    for (let i = 1; i < numbers.length; i++) assert.equal(numbers[i], numbers[i - 1] + 1);
    // Retries of all of them through the other process change nothing.
    const retries = await Promise.all(drafts.map((d, i) => submit(i % 2 ? c : c2, d.id, keys[i])));
    retries.forEach((r, i) => {
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.replayed, true);
      assert.equal(r.json.code, results[i].json.code);
    });
  } finally {
    await srv2.stop();
  }
});

test("a procedure's new version: every form problem at once by field path, and the version is frozen at submission", async () => {
  const a = await as('admin');
  const text = readFileSync(join(CATALOG, 'procedures', `${PERMIT}.yaml`), 'utf8');
  const v2 = text.replace('version: 1', 'version: 2').replace(/form:[\s\S]*$/, `form:
  - key: owner
    type: group
    label: Chủ đầu tư
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
      - key: id_number
        type: citizen_id
        label: Số định danh cá nhân
        required: true
      - key: phone
        type: phone
        label: Số điện thoại
      - key: home
        type: address
        label: Nơi ở
`);
  const pub = await a.req('PUT', `/api/v1/admin/procedures/${PERMIT}`, v2, { headers: { 'content-type': 'application/yaml' } });
  assert.equal(pub.status, 200, pub.text);
  const c = await as('congdan');
  // The address names a ward of Ba Đình under Hoàn Kiếm, and a city that does not exist.
  const d = await draft(c, BA_DINH, { owner: { full_name: '', id_number: '12ab', phone: 'gọi tôi',
    home: { province: '000.00.99.H26', district: '000.00.20.H26', ward: '000.01.19.H26', street: 'Số 1' } } });
  let r = await submit(c, d.id);
  assert.equal(r.status, 422, r.text);
  const fields = r.json.error.fields;
  assert.equal(fields['owner.full_name'].code, 'required');
  assert.ok(fields['owner.id_number'], JSON.stringify(fields));
  assert.ok(fields['owner.phone'], JSON.stringify(fields));
  assert.equal(fields['owner.home.province'].code, 'unknown_place', JSON.stringify(fields));
  assert.equal(fields['owner.home.ward'].code, 'not_in_parent', JSON.stringify(fields));
  for (const f of Object.values(fields)) assert.ok(f.message && f.message_en);
  const fixed = await c.req('PATCH', `/api/v1/dossiers/${d.id}`, {
    version: d.version, form_data: { owner: { full_name: 'Trần Thị Bình', id_number: '001190012345', phone: '0912345678',
      home: { province: '000.00.00.H26', district: '000.00.19.H26', ward: '000.01.19.H26', street: 'Số 1' } } },
  });
  assert.equal(fixed.status, 200, fixed.text);
  r = await submit(c, d.id);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.procedure.version, 2);
  assert.equal(r.json.form_data.owner.id_number, '001190012345');
});

test('the lookup is rate limited per client address (429 with Retry-After)', async () => {
  const anon = new Client(srv.url);
  let limited = null;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await anon.req('GET', `/api/v1/lookup/${submitted.code}?secret=${submitted.secret}`);
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 200);
  }
  assert.ok(limited, 'never limited');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.equal(limited.json.error.code, 'too_many_requests');
});

test('behind a trusted proxy the limit counts each client named by X-Forwarded-For; otherwise the header is ignored', async () => {
  const lookup = (base, forwardedFor) =>
    new Client(base).req('GET', `/api/v1/lookup/${submitted.code}?secret=${submitted.secret}`, undefined, { headers: { 'x-forwarded-for': forwardedFor } });
  // This server trusts no proxy: a made-up header does not escape the limit this address reached above.
  assert.equal((await lookup(srv.url, '198.51.100.3')).status, 429);
  // The same service behind a local proxy (the tests connect from 127.0.0.1).
  const proxied = await startServer({ env: { ...env, MOTCUA_DATABASE_URL: dbUrl, MOTCUA_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
  try {
    let limited = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await lookup(proxied.url, '6.6.6.6, 198.51.100.1');  // what the client wrote itself is not believed
      if (r.status === 429) limited = r;
      else assert.equal(r.status, 200, r.text);
    }
    assert.ok(limited, 'never limited');
    const other = await lookup(proxied.url, '6.6.6.6, 198.51.100.2');
    assert.equal(other.status, 200, 'another client behind the same proxy is not limited');
  } finally {
    await proxied.stop();
  }
  const bad = await runCli(['migrate'], { ...env, MOTCUA_DATABASE_URL: dbUrl, MOTCUA_TRUSTED_PROXIES: 'localhost' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /MOTCUA_TRUSTED_PROXIES/);
});
