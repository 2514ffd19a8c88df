// Catalog admin (city_admin): wave 2's date as a setting, agencies, new procedure versions, waves;
// every change validated as a whole catalog, audited with who and when; everyone else refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
let srv;
const env = { MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min', MOTCUA_CLOCK_START: '2017-02-21T09:00:00+07:00' };

before(async () => {
  const url = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-adm-')));
  const demo = await runCli(['demo'], { ...env, MOTCUA_DATABASE_URL: url });
  assert.equal(demo.code, 0, demo.stderr);
  srv = await startServer({ env: { ...env, MOTCUA_DATABASE_URL: url } });
});
after(async () => srv?.stop());

const admin = async () => {
  const c = new Client(srv.url);
  assert.equal((await c.login('admin')).status, 200);
  return c;
};

test('only city_admin may change the catalog: anonymous 401, officers 403, CSRF required', async () => {
  const anon = new Client(srv.url);
  assert.equal((await anon.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' })).status, 401);
  for (const user of ['badinh.cntt', 'badinh.lanhdao', 'congdan']) {
    const c = new Client(srv.url);
    assert.equal((await c.login(user)).status, 200, user);
    const r = await c.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' });
    assert.equal(r.status, 403, user);
    assert.equal((await c.req('GET', '/api/v1/admin/catalog/history')).status, 403, user);
  }
  const a = await admin();
  const noCsrf = await a.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' }, { csrf: false });
  assert.equal(noCsrf.status, 403);
});

test("setting wave 2's date switches its procedures on at the inner districts from that date", async () => {
  const a = await admin();
  const waves = async () => (await a.req('GET', '/api/v1/rollout/waves')).json.items;
  const w2 = (await waves()).find((w) => w.number === 2);
  assert.equal(w2.date_setting, 'wave2_date');
  let r = await a.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-03-01' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await waves()).find((w) => w.number === 2).live, false);  // the clock says 21/02
  r = await a.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' });
  assert.equal(r.status, 200, r.text);
  const now = (await waves()).find((w) => w.number === 2);
  assert.equal(now.date, '2017-02-20');
  assert.equal(now.live, true);
  const bad = await a.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '20/02/2017' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.code, 'catalog_invalid');
});

test('an agency can be updated and its change is in the history with who and when', async () => {
  const a = await admin();
  const before = (await a.req('GET', `/api/v1/agencies/${BA_DINH}`)).json;
  const r = await a.req('PUT', `/api/v1/admin/agencies/${BA_DINH}`, {
    name: before.name, name_en: before.name_en, kind: before.kind, tier: before.tier, parent: before.parent,
    inner: before.inner, address: '25 Liễu Giai, phường Ngọc Khánh, quận Ba Đình', phone: '024 3834 8405',
    units: before.units,
  });
  assert.equal(r.status, 200, r.text);
  const after = (await a.req('GET', `/api/v1/agencies/${BA_DINH}`)).json;
  assert.equal(after.phone, '024 3834 8405');
  const invalid = await a.req('PUT', `/api/v1/admin/agencies/${BA_DINH}`, { kind: 'castle' });
  assert.equal(invalid.status, 422);
  for (const k of ['name', 'kind', 'tier']) assert.ok(invalid.json.error.fields[k], k);
  const history = (await a.req('GET', '/api/v1/admin/catalog/history')).json.items;
  const change = history.find((h) => h.action === 'catalog.agency.save' && h.object_id === BA_DINH);
  assert.ok(change, JSON.stringify(history.slice(0, 3)));
  assert.equal(change.actor, 'admin');
  assert.match(change.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
});

test('a procedure gets a new version; the published one cannot be rewritten', async () => {
  const a = await admin();
  const code = 'H26.QH.XD.01';
  const text = readFileSync(join(CATALOG, 'procedures', `${code}.yaml`), 'utf8');
  const headers = { 'content-type': 'application/yaml' };
  const changed = text.replace('working_days: 15', 'working_days: 12');
  let r = await a.req('PUT', `/api/v1/admin/procedures/${code}`, changed, { headers });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, 'catalog_invalid');
  r = await a.req('PUT', `/api/v1/admin/procedures/${code}`, changed.replace('version: 1', 'version: 2'), { headers });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.new_versions, 1);
  const p = (await a.req('GET', `/api/v1/procedures/${code}`)).json;
  assert.equal(p.version, 2);
  assert.deepEqual(p.processing_time, { working_days: 12 });
  const json = await a.req('PUT', `/api/v1/admin/procedures/${code}`, { code });
  assert.equal(json.status, 415);
});

test('a wave pointing at a missing procedure is refused and nothing changes', async () => {
  const a = await admin();
  const before = (await a.req('GET', '/api/v1/rollout/waves')).json.items;
  const r = await a.req('PUT', '/api/v1/admin/waves/4', {
    name: 'Đợt 4', date: '2017-06-01', rollouts: [{ procedures: ['H26.XX.NO.01'], agencies: { handling: true } }],
  });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, 'catalog_invalid');
  assert.ok(Object.values(r.json.error.fields).some((f) => /H26\.XX\.NO\.01/.test(f.message)));
  assert.deepEqual((await a.req('GET', '/api/v1/rollout/waves')).json.items, before);
});
