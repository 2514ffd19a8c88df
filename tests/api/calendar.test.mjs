// The working-day calendar over HTTP: anyone can check the deadline arithmetic (domain.md §5–6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';

const MINI = new URL('./fixtures/mini', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
let srv;
before(async () => {
  const url = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-cal-')));
  const imp = await runCli(['import', MINI], { MOTCUA_DATABASE_URL: url });
  assert.equal(imp.code, 0, imp.stderr);
  srv = await startServer({ env: { MOTCUA_DATABASE_URL: url } });
});
after(async () => srv?.stop());

const due = async (q) => {
  const r = await fetch(srv.url + '/api/v1/calendar/due?' + new URLSearchParams(q));
  return { status: r.status, body: await r.json() };
};

test('5 working days from Tue 24/01/2017 09:00 skip Tết and fall on Tue 07/02/2017', async () => {
  const r = await due({ agency: BA_DINH, from: '2017-01-24T09:00:00+07:00', working_days: 5 });
  assert.equal(r.status, 200);
  assert.equal(r.body.received, '2017-01-24T09:00:00+07:00');
  assert.equal(r.body.due, '2017-02-07T09:00:00+07:00');
});

test('received after hours counts from the next working morning; UTC input is accepted', async () => {
  const r = await due({ agency: BA_DINH, from: '2017-01-24T11:30:00Z', working_days: 1 });
  assert.equal(r.body.received, '2017-01-25T08:00:00+07:00');
  assert.equal(r.body.due, '2017-02-02T08:00:00+07:00');
});

test('the compensatory day after 30/4 and 1/5/2017 is skipped', async () => {
  const r = await due({ agency: BA_DINH, from: '2017-04-28T10:00:00+07:00', working_days: 1 });
  assert.equal(r.body.due, '2017-05-03T10:00:00+07:00');
});

test('working hours: 8 hours from Friday 14:00 end on Monday 14:00', async () => {
  const r = await due({ agency: BA_DINH, from: '2017-03-17T14:00:00+07:00', working_hours: 8 });
  assert.equal(r.body.due, '2017-03-20T14:00:00+07:00');
});

test('bad input is a 400 naming the parameter; an unknown agency too', async () => {
  let r = await due({ agency: BA_DINH, from: '24/01/2017', working_days: 5 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.from);
  r = await due({ agency: BA_DINH, from: '2017-01-24T09:00:00+07:00', working_days: 5, working_hours: 2 });
  assert.equal(r.status, 400);
  r = await due({ agency: '000.00.99.H26', from: '2017-01-24T09:00:00+07:00', working_days: 5 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.agency);
});

test('days off of 2017 as domain.md §6 lists them', async () => {
  const r = await fetch(srv.url + '/api/v1/calendar/holidays?year=2017');
  const body = await r.json();
  const dates = body.items.map((h) => h.date);
  for (const d of ['2017-01-02', '2017-01-26', '2017-01-27', '2017-01-30', '2017-01-31', '2017-02-01',
                   '2017-04-06', '2017-05-01', '2017-05-02', '2017-09-04'])
    assert.ok(dates.includes(d), d);
  const hung = body.items.find((h) => h.date === '2017-04-06');
  assert.match(hung.name, /Hùng/);
  assert.ok(hung.name_en.length > 0);
  const bad = await fetch(srv.url + '/api/v1/calendar/holidays?year=1800');
  assert.equal(bad.status, 400);
});
