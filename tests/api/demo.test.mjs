// `motcua demo` on the Hanoi catalog: sample dossiers of congdan and doanhnghiep at Ba Đình, Hoàn
// Kiếm and the Department of Industry and Trade in every state, with codes and dates as the system
// makes them, work in the officers' inboxes, a control sheet for each finished one; a second run
// adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';

const dir = mkdtempSync(join(tmpdir(), 'motcua-demo-'));
const env = {
  MOTCUA_DATABASE_URL: freshDatabaseUrl(dir),
  MOTCUA_DATA_DIR: join(dir, 'data'),
  MOTCUA_PASSWORD_COST: 'min',
  MOTCUA_DEMO_DOSSIERS: 'true',
  MOTCUA_SWEEP_SECONDS: '0',
};
const STATES = ['draft', 'submitted', 'withdrawn', 'not_received', 'refused', 'received', 'assigned',
  'awaiting_supplement', 'proposed', 'reviewed', 'approved', 'issued', 'returned', 'not_eligible'];
let srv, first;

before(async () => {
  first = await runCli(['demo'], env);
  srv = await startServer({ env });
});
after(async () => srv?.stop());

async function as(user) {
  const c = new Client(srv.url);
  assert.equal((await c.login(user)).status, 200, user);
  return c;
}

async function all(c, path) {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await c.req('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=50`);
    assert.equal(r.status, 200, r.text);
    items.push(...r.json.items);
    if (items.length >= r.json.total || r.json.items.length === 0) return items;
  }
}

test('the demo makes dossiers in every state and nothing is skipped', () => {
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /demo: (\d+) demo dossiers created/);
  const created = Number(/demo: (\d+) demo dossiers created/.exec(first.stdout)[1]);
  assert.ok(created >= 3 * STATES.length, first.stdout);
  assert.doesNotMatch(first.stdout, /dossier skipped/, first.stdout);
});

test('congdan and doanhnghiep see their own dossiers, in every state, with codes of the submission day', async () => {
  const mine = [...(await all(await as('congdan'), '/api/v1/dossiers')), ...(await all(await as('doanhnghiep'), '/api/v1/dossiers'))];
  const seen = new Set(mine.map((d) => d.status));
  for (const s of STATES) assert.ok(seen.has(s), `no demo dossier in state ${s}`);
  const agencies = new Set(mine.map((d) => d.agency.code ?? d.agency));
  assert.ok(agencies.has('000.00.19.H26') && agencies.has('000.00.20.H26'), [...agencies].join(','));
  assert.ok(agencies.size >= 3, [...agencies].join(','));
  for (const d of mine.filter((x) => x.status !== 'draft')) {
    assert.match(d.code, /^\d{3}\.\d{2}\.\d{2}\.H26-\d{6}-\d{4}$/);
    // The code's day is the official receipt's date in Hanoi.
    const day = d.received_at.slice(2, 10).replaceAll('-', '');
    assert.equal(d.code.split('-')[1], day, `${d.code} received ${d.received_at}`);
    assert.ok(Date.parse(d.submitted_at) < Date.now(), d.submitted_at);
  }
  // Numbers per agency and day are consecutive from 0001.
  const byDay = new Map();
  for (const d of mine.filter((x) => x.code)) {
    const key = d.code.slice(0, d.code.lastIndexOf('-'));
    byDay.set(key, [...(byDay.get(key) ?? []), Number(d.code.slice(-4))]);
  }
  for (const [key, nums] of byDay) {
    nums.sort((a, b) => a - b);
    nums.forEach((n, i) => assert.equal(n, i + 1, `${key}: ${nums.join(',')}`));
  }
});

test('officers find the demo dossiers in their inboxes; a returned one has its whole control sheet', async () => {
  for (const user of ['badinh.motcua', 'hoankiem.motcua', 'soct.motcua', 'badinh.chuyenvien']) {
    const r = await (await as(user)).req('GET', '/api/v1/inbox');
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.total > 0, `${user}: empty inbox`);
  }
  const officer = await as('badinh.motcua');
  const list = await all(officer, '/api/v1/dossiers');
  const returned = list.find((d) => d.status === 'returned');
  assert.ok(returned, 'a returned dossier at Ba Đình');
  const sheet = await officer.req('GET', `/api/v1/dossiers/${returned.id}/control-sheet`);
  assert.equal(sheet.status, 200, sheet.text);
  assert.deepEqual(sheet.json.rows.map((r) => r.action),
    ['receive', 'assign', 'propose', 'review', 'approve', 'issue', 'return_result']);
  assert.ok(['before_time', 'on_time', 'late'].includes(returned.result_timing), JSON.stringify(returned));
  // Nobody at Hoàn Kiếm sees it.
  const other = await as('hoankiem.motcua');
  assert.equal((await other.req('GET', `/api/v1/dossiers/${returned.id}`)).status, 404);
});

test('a second demo run adds no dossiers', async () => {
  const again = await runCli(['demo'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already have dossiers; none added/);
});
