// Processing (issue 6) through the API with the Ba Đình demo users: a construction permit goes the
// whole standard flow — receive, assign, a supplement request that pauses the clock for exactly 3
// working days and moves the due time by exactly 3, propose, review, approve, issue, return — and the
// control sheet shows every step; at every step each action is refused for the wrong role (403), at
// the wrong agency (404: a Hoàn Kiếm officer may not even see it) and in the wrong state (409 with
// the allowed actions); two officers acting at once on one version: one wins, the other gets 409.
// Time: the server restarts on the same database with a frozen clock at each instant of the story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';
import { attach } from './lib/papers.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
const PERMIT = 'H26.QH.XD.01';
const INTER_AGENCY = 'H26.QH.TN.03';  // the fixture's liên thông procedure
const HOAN_KIEM = '000.00.20.H26';
const base = { MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min', MOTCUA_SWEEP_SECONDS: '0' };
let srv, dbUrl;

// The server, restarted with its clock frozen at `iso` (Hanoi time).
async function at(iso, extra = {}) {
  if (srv) await srv.stop();
  srv = await startServer({ env: { ...base, MOTCUA_DATABASE_URL: dbUrl, MOTCUA_CLOCK_START: iso, MOTCUA_CLOCK_FROZEN: 'true', ...extra } });
}

before(async () => {
  dbUrl = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-wf-')));
  const demo = await runCli(['demo'], { ...base, MOTCUA_DATABASE_URL: dbUrl });
  assert.equal(demo.code, 0, demo.stderr);
  await at('2017-02-20T08:00:00+07:00');
  const admin = new Client(srv.url);
  assert.equal((await admin.login('admin')).status, 200);
  const r = await admin.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' });
  assert.equal(r.status, 200, r.text);
});
after(async () => srv?.stop());

const sessions = new Map();
async function as(user) {
  const key = `${srv.port}:${user}`;
  if (!sessions.has(key)) {
    const c = new Client(srv.url);
    assert.equal((await c.login(user)).status, 200, user);
    sessions.set(key, c);
  }
  return sessions.get(key);
}

let keyCounter = 0;
async function submitted(procedure = PERMIT) {
  const c = await as('congdan');
  let r = await c.req('POST', '/api/v1/dossiers', { procedure, agency: BA_DINH });
  assert.equal(r.status, 201, r.text);
  r = await c.req('PATCH', `/api/v1/dossiers/${r.json.id}`, { version: r.json.version, form_data: { full_name: 'Nguyễn Văn An' } });
  assert.equal(r.status, 200, r.text);
  const paper = await attach(c, r.json.id);  // component 1 is required
  assert.equal(paper.status, 201, paper.text);
  r = await c.req('POST', `/api/v1/dossiers/${r.json.id}/submit`, undefined, { headers: { 'idempotency-key': `wf-${process.pid}-${keyCounter++}` } });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// A PDF as raw bytes (the client decodes text), and its text as pdftotext reads it.
async function pdf(user, path) {
  const c = await as(user);
  const r = await fetch(c.base + path, { headers: { cookie: `motcua_session=${c.cookie}` } });
  return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await r.arrayBuffer()) };
}
const pdfText = (bytes) => spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: bytes }).stdout.toString();

const get = async (user, id) => (await as(user)).req('GET', `/api/v1/dossiers/${id}`);
const act = async (user, id, action, body) => (await as(user)).req('POST', `/api/v1/dossiers/${id}/actions/${action}`, body);

// The Ba Đình users and what they are; the Hoàn Kiếm one with the same role is the wrong agency.
const BA_DINH_USERS = ['congdan', 'badinh.motcua', 'badinh.truongphong', 'badinh.chuyenvien', 'badinh.lanhdao', 'badinh.vanthu', 'badinh.vhtt'];
const OTHER_AGENCY = {
  'badinh.motcua': 'hoankiem.motcua', 'badinh.truongphong': 'hoankiem.truongphong', 'badinh.chuyenvien': 'hoankiem.chuyenvien',
  'badinh.lanhdao': 'hoankiem.lanhdao', 'badinh.vanthu': 'hoankiem.vanthu', congdan: 'doanhnghiep',
};

// Takes `action` as `user` after checking every refusal: the other Ba Đình users get 403 (404 for the
// specialist of another unit, who does not see the dossier), the same
// role at Hoàn Kiếm (or another applicant) 404, and the action again afterwards 409 with the allowed ones.
async function step(id, user, action, extra = {}) {
  let d = (await get(user, id)).json;
  const listed = await (await as(user)).req('GET', `/api/v1/dossiers/${id}/actions`);
  assert.equal(listed.status, 200, listed.text);
  assert.ok(listed.json.actions.some((a) => a.name === action), `${user} may ${action}: ${listed.text}`);
  for (const other of BA_DINH_USERS.filter((u) => u !== user)) {
    const r = await act(other, id, action, { version: d.version, ...extra });
    if (other === 'badinh.vhtt') {
      // A specialist of another unit of the same agency does not even see the dossier.
      assert.equal(r.status, 404, `${other} ${action}: ${r.text}`);
      continue;
    }
    assert.equal(r.status, 403, `${other} ${action}: ${r.text}`);
    assert.equal(r.json.error.code, 'forbidden');
  }
  const far = await act(OTHER_AGENCY[user], id, action, { version: d.version, ...extra });
  assert.equal(far.status, 404, `${OTHER_AGENCY[user]} ${action}: ${far.text}`);
  const r = await act(user, id, action, { version: d.version, ...extra });
  assert.equal(r.status, 200, `${user} ${action}: ${r.text}`);
  assert.equal(r.json.version, d.version + 1);
  d = r.json;
  const again = await act(user, id, action, { version: d.version, ...extra });
  assert.equal(again.status, 409, `${action} twice: ${again.text}`);
  assert.equal(again.json.error.code, 'action_not_allowed');
  assert.ok('allowed' in again.json.error.fields);
  return d;
}

test('the whole standard flow with the Ba Đình demo users; the supplement pause moves the due time by exactly 3 working days', async () => {
  await at('2017-02-21T09:00:00+07:00');  // Tuesday
  let d = await submitted();
  assert.equal(d.status, 'submitted');
  assert.equal(d.unit, 'qldt');
  assert.equal(d.working_days_left, null);
  const inbox = await (await as('badinh.motcua')).req('GET', '/api/v1/inbox');
  assert.equal(inbox.status, 200, inbox.text);
  assert.ok(inbox.json.items.some((i) => i.id === d.id && i.applicant_name === 'Nguyễn Văn An'));
  assert.ok(inbox.json.counts.submitted >= 1);

  d = await step(d.id, 'badinh.motcua', 'receive');
  assert.equal(d.status, 'received');
  assert.equal(d.status_label, 'Đã tiếp nhận');
  assert.equal(d.received_at, '2017-02-21T09:00:00+07:00');
  assert.equal(d.due_at, '2017-03-14T09:00:00+07:00');  // 15 working days
  assert.equal(d.working_days_left, 15);
  assert.equal(d.applicant.name, 'Nguyễn Văn An');      // officers see who applied
  const actions = await (await as('badinh.truongphong')).req('GET', `/api/v1/dossiers/${d.id}/actions`);
  assert.deepEqual(actions.json.actions.map((a) => a.name), ['assign']);
  assert.equal(actions.json.actions[0].needs_assignee, true);
  assert.equal(actions.json.actions[0].label, 'Phân công');
  assert.deepEqual(actions.json.assignees.map((a) => a.username), ['badinh.chuyenvien']);
  let r = await act('badinh.truongphong', d.id, 'assign', { version: d.version });
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.assignee.code, 'required');
  r = await act('badinh.truongphong', d.id, 'assign', { version: d.version, assignee: 'badinh.vhtt' });
  assert.equal(r.status, 422, 'a specialist of another unit');
  d = await step(d.id, 'badinh.truongphong', 'assign', { assignee: 'badinh.chuyenvien' });
  assert.equal(d.assignee, 'badinh.chuyenvien');

  await at('2017-02-22T10:00:00+07:00');  // Wednesday
  r = await act('badinh.chuyenvien', d.id, 'request_supplement', { version: d.version });
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.comment.code, 'required');
  d = await step(d.id, 'badinh.chuyenvien', 'request_supplement', { comment: 'Bổ sung bản vẽ móng.' });
  assert.equal(d.status, 'awaiting_supplement');
  assert.equal(d.paused, true);
  // The asked-for paper: a submitted dossier takes papers again while a supplement is asked for.
  const added = await attach(await as('congdan'), d.id, { filename: 'ban-ve-mong.pdf' });
  assert.equal(added.status, 201, added.text);
  const before = d.due_at;
  assert.equal(before, '2017-03-14T09:00:00+07:00');
  const dueBefore = d.due_at;

  await at('2017-02-27T10:00:00+07:00');  // Monday: 3 working days later (23, 24, 27/02)
  assert.equal((await get('congdan', d.id)).json.working_days_left, 13.9);  // frozen while paused: 14 days less 1 h
  d = await step(d.id, 'congdan', 'supplement', { comment: 'Đã bổ sung bản vẽ móng.' });
  assert.equal(d.status, 'assigned');
  assert.equal((await attach(await as('congdan'), d.id)).status, 409);  // and no more after
  assert.equal((await get('congdan', d.id)).json.documents.length, 2);
  assert.equal(d.paused, false);
  assert.equal(d.due_at, '2017-03-17T09:00:00+07:00');
  // Exactly 3 working days: the calendar says so too.
  const check = await (await as('congdan')).req('GET', `/api/v1/calendar/due?agency=${BA_DINH}&from=${encodeURIComponent(dueBefore)}&working_days=3`);
  assert.equal(check.json.due, d.due_at);

  await at('2017-03-01T10:00:00+07:00');
  d = await step(d.id, 'badinh.chuyenvien', 'propose', { comment: 'Đủ điều kiện cấp phép.' });
  d = await step(d.id, 'badinh.truongphong', 'review');
  d = await step(d.id, 'badinh.lanhdao', 'approve');
  d = await step(d.id, 'badinh.vanthu', 'issue', { result_number: '125/GPXD' });
  assert.equal(d.status, 'issued');
  // The result is back at the one-stop section: the statutory clock stops and the dossier is classified.
  assert.equal(d.result_timing, 'before_time');
  assert.equal(d.working_days_left, null);

  await at('2017-03-02T09:00:00+07:00');
  d = await step(d.id, 'badinh.motcua', 'return_result', { return_method: 'in_person' });
  assert.equal(d.status, 'returned');
  assert.equal(d.result_timing, 'before_time');
  assert.equal(d.working_days_left, null);

  const sheet = await (await as('badinh.lanhdao')).req('GET', `/api/v1/dossiers/${d.id}/control-sheet`);
  assert.equal(sheet.status, 200, sheet.text);
  assert.deepEqual(sheet.json.rows.map((x) => x.action),
    ['receive', 'assign', 'request_supplement', 'supplement', 'propose', 'review', 'approve', 'issue', 'return_result']);
  for (const row of sheet.json.rows) {
    assert.ok(['before_time', 'on_time', 'late'].includes(row.timing), JSON.stringify(row));
    assert.equal(typeof row.allotted_hours, 'number');
    assert.equal(typeof row.used_hours, 'number');
  }
  const byAction = Object.fromEntries(sheet.json.rows.map((x) => [x.action, x]));
  assert.equal(byAction.receive.giver, 'congdan');
  assert.equal(byAction.receive.receiver, 'badinh.motcua');
  assert.equal(byAction.receive.giver_name, 'Nguyễn Văn An');
  assert.equal(byAction.receive.receiver_name, 'Lê Thị Hoa');
  // The sheet's heading: the applicant and their contacts (form 05).
  assert.deepEqual(sheet.json.applicant, {
    name: 'Nguyễn Văn An',
    phone: '0912345678',
    email: sheet.json.applicant.email,
    address: 'Số 12 phố Đội Cấn, phường Cống Vị, quận Ba Đình, Hà Nội',
  });
  assert.equal(byAction.assign.allotted_hours, 12);   // 0.1 × 15 days × 8 h
  assert.equal(byAction.assign.used_hours, 0);
  assert.equal(byAction.propose.allotted_hours, 60);  // 0.5 × 120 h
  assert.equal(byAction.propose.handed_at, '2017-02-27T10:00:00+07:00');
  assert.equal(byAction.propose.used_hours, 16);      // Mon 10:00 → Wed 10:00: 6 + 8 + 2 working hours
  assert.equal(byAction.propose.timing, 'before_time');
  assert.equal(byAction.approve.unit, 'qldt');
  assert.equal(byAction.receive.unit, 'vp');        // the one-stop section received it and gave the result back
  assert.equal(byAction.return_result.unit, 'vp');
  assert.equal((await (await as('congdan')).req('GET', `/api/v1/dossiers/${d.id}/control-sheet`)).status, 403);
  assert.equal((await (await as('hoankiem.lanhdao')).req('GET', `/api/v1/dossiers/${d.id}/control-sheet`)).status, 404);

  // The applicant's timeline: every action, the supplement request's comment, not internal notes.
  const mine = (await get('congdan', d.id)).json;
  assert.deepEqual(mine.timeline.map((t) => t.action),
    ['create', 'submit', 'receive', 'assign', 'request_supplement', 'supplement', 'propose', 'review', 'approve', 'issue', 'return_result']);
  const said = Object.fromEntries(mine.timeline.map((t) => [t.action, t]));
  assert.equal(said.request_supplement.detail.comment, 'Bổ sung bản vẽ móng.');
  assert.equal(said.propose.detail.comment, undefined);
  assert.equal(said.receive.actor_role, 'one_stop_officer');
  assert.equal(said.issue.detail.result_number, '125/GPXD');
  assert.equal(mine.applicant, undefined);

  // The slips: the receipt with its appointment and the supplement request, frozen as issued.
  const slips = await (await as('congdan')).req('GET', `/api/v1/dossiers/${d.id}/slips`);
  assert.equal(slips.status, 200, slips.text);
  assert.deepEqual(slips.json.items.map((s) => s.form), ['form_01', 'form_02']);
  const [receipt, request] = slips.json.items;
  assert.equal(receipt.content.code, d.code);
  assert.equal(receipt.content.appointment_at, '2017-03-14T09:00:00+07:00');
  assert.equal(receipt.content.received_at, '2017-02-21T09:00:00+07:00');
  assert.equal(receipt.content.applicant.name, 'Nguyễn Văn An');
  assert.equal(receipt.content.officer.username, 'badinh.motcua');
  assert.ok(receipt.content.papers.length > 0);
  assert.equal(request.content.items_and_reason, 'Bổ sung bản vẽ móng.');
  assert.equal((await (await as('badinh.lanhdao')).req('GET', `/api/v1/dossiers/${d.id}/slips`)).status, 200);
  assert.equal((await (await as('hoankiem.motcua')).req('GET', `/api/v1/dossiers/${d.id}/slips`)).status, 404);
  assert.equal((await (await as('doanhnghiep')).req('GET', `/api/v1/dossiers/${d.id}/slips`)).status, 404);

  // Printable: the receipt as a PDF for the applicant and the officers, nobody else; form 05 for officers.
  const receiptPdf = await pdf('congdan', `/api/v1/dossiers/${d.id}/slips/${receipt.id}/pdf`);
  assert.equal(receiptPdf.status, 200);
  assert.equal(receiptPdf.type, 'application/pdf');
  assert.match(receiptPdf.disposition, new RegExp(`filename="phieu-01-${d.code.replaceAll('.', '\\.')}\\.pdf"`));
  assert.equal(receiptPdf.bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(receiptPdf.bytes);
  for (const expected of ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${d.code}`, 'Nguyễn Văn An',
    '09 giờ 00 phút, ngày 14/03/2017', 'ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH', 'NGƯỜI TIẾP NHẬN HỒ SƠ'])
    assert.ok(text.includes(expected), `${expected} in\n${text}`);
  assert.equal((await pdf('badinh.vanthu', `/api/v1/dossiers/${d.id}/slips/${request.id}/pdf`)).status, 200);
  assert.equal((await pdf('hoankiem.motcua', `/api/v1/dossiers/${d.id}/slips/${receipt.id}/pdf`)).status, 404);
  assert.equal((await pdf('doanhnghiep', `/api/v1/dossiers/${d.id}/slips/${receipt.id}/pdf`)).status, 404);
  assert.equal((await pdf('congdan', `/api/v1/dossiers/${d.id}/slips/999999/pdf`)).status, 404);
  assert.equal((await pdf('congdan', `/api/v1/dossiers/${d.id}/slips/x/pdf`)).status, 404);
  const sheetPdf = await pdf('badinh.lanhdao', `/api/v1/dossiers/${d.id}/control-sheet/pdf`);
  assert.equal(sheetPdf.status, 200);
  const sheetText = pdfText(sheetPdf.bytes);
  for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', d.code, 'Tiếp nhận', 'Trả kết quả', 'Trước hạn'])
    assert.ok(sheetText.includes(expected), `${expected} in\n${sheetText}`);
  assert.equal((await pdf('congdan', `/api/v1/dossiers/${d.id}/control-sheet/pdf`)).status, 403);
  assert.equal((await pdf('hoankiem.lanhdao', `/api/v1/dossiers/${d.id}/control-sheet/pdf`)).status, 404);
});

test('two officers acting at once on one version: one 200, the other 409; the history is intact', async () => {
  await at('2017-03-06T09:00:00+07:00');
  for (let round = 0; round < 3; round++) {
    const d = await submitted();
    const one = await as('badinh.motcua');
    const two = new Client(srv.url);
    assert.equal((await two.login('badinh.motcua')).status, 200);
    const [a, b] = await Promise.all([
      one.req('POST', `/api/v1/dossiers/${d.id}/actions/receive`, { version: d.version }),
      two.req('POST', `/api/v1/dossiers/${d.id}/actions/refuse`, { version: d.version, comment: 'Không thuộc thẩm quyền.' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.text} ${b.text}`);
    const loser = a.status === 409 ? a : b;
    assert.equal(loser.json.error.code, 'conflict');
    const now = (await get('badinh.motcua', d.id)).json;
    assert.equal(now.version, d.version + 1);
    assert.equal(now.timeline.filter((t) => t.action === 'receive' || t.action === 'refuse').length, 1);
    const sheet = await one.req('GET', `/api/v1/dossiers/${d.id}/control-sheet`);
    assert.equal(sheet.json.rows.length, 1);
  }
});

test('other actions: withdraw only before receipt, refusal with reasons, extension once and only before the due time', async () => {
  await at('2017-03-06T09:00:00+07:00');  // Monday
  const w = await submitted();
  let r = await act('congdan', w.id, 'withdraw', { version: w.version });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'withdrawn');
  assert.equal(r.json.outcome, 'withdrawn');

  const late = await submitted();
  const received = (await act('badinh.motcua', late.id, 'receive', { version: late.version })).json;
  r = await act('congdan', late.id, 'withdraw', { version: received.version });
  assert.equal(r.status, 409);
  assert.equal(r.json.error.code, 'action_not_allowed');
  assert.equal((await (await as('congdan')).req('POST', `/api/v1/dossiers/${late.id}/withdraw`)).status, 409);

  const refused = await submitted();
  r = await act('badinh.motcua', refused.id, 'refuse', { version: refused.version, comment: 'Không thuộc thẩm quyền của quận.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'refused');
  const told = (await get('congdan', refused.id)).json.timeline.at(-1);
  assert.equal(told.detail.comment, 'Không thuộc thẩm quyền của quận.');

  // Extension (form 04): the leader, with a reason and a later appointment, once.
  r = await act('badinh.lanhdao', late.id, 'extend', { version: received.version, comment: 'Cần xác minh thực địa.', new_due: '2017-03-20T09:00:00+07:00' });
  assert.equal(r.status, 422, 'the new appointment must be after the current one');
  r = await act('badinh.lanhdao', late.id, 'extend', { version: received.version, comment: 'Cần xác minh thực địa.', new_due: 'next week' });
  assert.equal(r.status, 422);
  r = await act('badinh.lanhdao', late.id, 'extend', { version: received.version, comment: 'Cần xác minh thực địa.', new_due: '2017-04-03T09:00:00+07:00' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.due_at, '2017-04-03T09:00:00+07:00');
  assert.equal(r.json.extension_due, '2017-04-03T09:00:00+07:00');
  const apology = (await (await as('congdan')).req('GET', `/api/v1/dossiers/${late.id}/slips`)).json.items.at(-1);
  assert.equal(apology.form, 'form_04');
  assert.equal(apology.content.original_appointment_at, received.due_at);
  assert.equal(apology.content.new_appointment_at, '2017-04-03T09:00:00+07:00');
  assert.equal(apology.content.reason, 'Cần xác minh thực địa.');
  r = await act('badinh.lanhdao', late.id, 'extend', { version: r.json.version, comment: 'Lần nữa.', new_due: '2017-04-10T09:00:00+07:00' });
  assert.equal(r.status, 409);
  assert.equal(r.json.error.code, 'action_not_allowed');
  // Bad input is refused before anything changes.
  r = await act('badinh.truongphong', late.id, 'assign', { version: 'two', assignee: 'badinh.chuyenvien' });
  assert.equal(r.status, 422);
  r = await act('badinh.truongphong', late.id, 'assign', { assignee: 'badinh.chuyenvien' });
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.version.code, 'required');
});

test('the inbox: each role its work, soonest due first, counts, accent-insensitive search, filters; the sweep marks overdue', async () => {
  await at('2017-03-07T09:00:00+07:00');
  const a = await submitted();
  await act('badinh.motcua', a.id, 'receive', { version: a.version });
  const head = await as('badinh.truongphong');
  let r = await head.req('GET', '/api/v1/inbox?per_page=100');
  assert.equal(r.status, 200, r.text);
  const dues = r.json.items.map((i) => i.due_at);
  assert.deepEqual([...dues].sort(), dues, 'soonest due first');
  assert.ok(r.json.items.every((i) => i.status === 'received'));
  assert.equal(r.json.counts.received, r.json.total);
  assert.ok(r.json.items.some((i) => i.id === a.id));
  r = await head.req('GET', '/api/v1/inbox?q=' + encodeURIComponent('nguyen VAN an'));
  assert.ok(r.json.items.some((i) => i.id === a.id));
  r = await head.req('GET', '/api/v1/inbox?q=' + encodeURIComponent(a.code));
  assert.deepEqual(r.json.items.map((i) => i.id), [a.id]);
  r = await head.req('GET', '/api/v1/inbox?q=' + encodeURIComponent('Trần Thị'));
  assert.equal(r.json.total, 0);
  r = await head.req('GET', '/api/v1/inbox?due=late&status=lost');
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.due && r.json.error.fields.status);
  assert.equal((await (await as('hoankiem.truongphong')).req('GET', '/api/v1/inbox')).json.total, 0);
  assert.equal((await (await as('congdan')).req('GET', '/api/v1/inbox')).status, 403);
  assert.equal((await (await as('badinh.cntt')).req('GET', '/api/v1/inbox')).status, 403);

  // Long after: `motcua sweep` marks what is overdue; the inbox filters on it.
  await srv.stop();
  srv = null;
  const sweep = await runCli(['sweep'], { ...base, MOTCUA_DATABASE_URL: dbUrl, MOTCUA_CLOCK_START: '2017-06-01T09:00:00+07:00', MOTCUA_CLOCK_FROZEN: 'true' });
  assert.equal(sweep.code, 0, sweep.stderr);
  assert.match(sweep.stdout, /[1-9]\d* overdue/);
  await at('2017-06-01T09:00:00+07:00');
  r = await (await as('badinh.truongphong')).req('GET', '/api/v1/inbox?due=overdue');
  assert.ok(r.json.items.some((i) => i.id === a.id));
  const item = r.json.items.find((i) => i.id === a.id);
  assert.equal(item.due_flag, 'overdue');
  assert.ok(item.working_days_left < 0);

  // serve sweeps by itself every MOTCUA_SWEEP_SECONDS: a dossier received on 01/06 (due 22/06 09:00)
  // is marked due soon once at most one working day is left.
  const c = await submitted();
  const rc = await act('badinh.motcua', c.id, 'receive', { version: c.version });
  assert.equal(rc.json.due_at, '2017-06-22T09:00:00+07:00');
  assert.equal(rc.json.due_flag, null);
  await at('2017-06-21T10:00:00+07:00', { MOTCUA_SWEEP_SECONDS: '1' });
  let flag = null;
  for (let i = 0; i < 50 && flag !== 'soon'; i++) {
    flag = (await get('badinh.motcua', c.id)).json.due_flag;
    if (flag !== 'soon') await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(flag, 'soon');
  assert.equal((await get('badinh.motcua', c.id)).json.working_days_left, 0.9);  // 7 working hours
});

test('the inter-agency flow: Ba Đình hands the dossier to a unit of Hoàn Kiếm and gets it back; only that unit may act meanwhile', async () => {
  await at('2017-03-08T09:00:00+07:00');  // Wednesday
  let d = await submitted(INTER_AGENCY);
  assert.equal(d.status, 'submitted');
  d = (await act('badinh.motcua', d.id, 'receive', { version: d.version })).json;
  d = (await act('badinh.truongphong', d.id, 'assign', { version: d.version, assignee: 'badinh.chuyenvien' })).json;
  d = (await act('badinh.chuyenvien', d.id, 'propose', { version: d.version, comment: 'Đề nghị lấy ý kiến quận Hoàn Kiếm.' })).json;
  assert.equal(d.status, 'proposed');

  const head = await as('badinh.truongphong');
  const listed = await head.req('GET', `/api/v1/dossiers/${d.id}/actions`);
  const handOver = listed.json.actions.find((a) => a.name === 'hand_over');
  assert.ok(handOver, listed.text);
  assert.equal(handOver.needs_partner, true);
  // The partner must be named, another agency of the catalog, and one of its units.
  let r = await act('badinh.truongphong', d.id, 'hand_over', { version: d.version });
  assert.equal(r.status, 422, r.text);
  assert.ok(r.json.error.fields.partner_agency, r.text);
  r = await act('badinh.truongphong', d.id, 'hand_over', { version: d.version, partner_agency: BA_DINH, partner_unit: 'qldt' });
  assert.equal(r.status, 422, r.text);
  r = await act('badinh.truongphong', d.id, 'hand_over', { version: d.version, partner_agency: HOAN_KIEM, partner_unit: 'nope' });
  assert.equal(r.status, 422, r.text);
  assert.ok(r.json.error.fields.partner_unit, r.text);
  assert.equal((await get('hoankiem.truongphong', d.id)).status, 404, 'the partner sees nothing before the hand-over');

  await at('2017-03-09T09:00:00+07:00');
  d = await step(d.id, 'badinh.truongphong', 'hand_over', { partner_agency: HOAN_KIEM, partner_unit: 'qldt' });
  assert.equal(d.status, 'at_partner');
  assert.equal(d.status_label, 'Đang xử lý tại cơ quan phối hợp');
  assert.deepEqual(d.partner, { agency: HOAN_KIEM, unit: 'qldt' });
  assert.equal((await get('congdan', d.id)).json.partner, undefined, 'officers only');
  // Now it waits at the partner's unit head, and no longer at the lead's.
  const theirs = await (await as('hoankiem.truongphong')).req('GET', '/api/v1/inbox');
  assert.ok(theirs.json.items.some((i) => i.id === d.id), theirs.text);
  const ours = await (await as('badinh.truongphong')).req('GET', '/api/v1/inbox?per_page=100');
  assert.ok(!ours.json.items.some((i) => i.id === d.id));
  const partnerActions = await (await as('hoankiem.truongphong')).req('GET', `/api/v1/dossiers/${d.id}/actions`);
  assert.deepEqual(partnerActions.json.actions.map((a) => a.name), ['hand_back']);
  // Only the partner unit's head may hand it back: not the lead's officers, not another agency.
  for (const user of ['badinh.truongphong', 'badinh.lanhdao', 'badinh.motcua']) {
    r = await act(user, d.id, 'hand_back', { version: d.version });
    assert.equal(r.status, 403, `${user}: ${r.text}`);
  }
  r = await act('soct.truongphong', d.id, 'hand_back', { version: d.version });
  assert.equal(r.status, 404, r.text);
  r = await act('congdan', d.id, 'hand_back', { version: d.version });
  assert.equal(r.status, 403, r.text);

  await at('2017-03-13T09:00:00+07:00');  // Monday
  r = await act('hoankiem.truongphong', d.id, 'hand_back', { version: d.version, comment: 'Quận Hoàn Kiếm thống nhất.' });
  assert.equal(r.status, 200, r.text);
  d = r.json;
  assert.equal(d.status, 'back_at_lead');
  assert.equal((await act('hoankiem.truongphong', d.id, 'hand_back', { version: d.version })).status, 409);
  // Back at the lead: the partner, which keeps reading what it worked on, may no longer act.
  r = await act('hoankiem.lanhdao', d.id, 'approve', { version: d.version });
  assert.equal(r.status, 403, r.text);
  r = await act('soct.lanhdao', d.id, 'approve', { version: d.version });
  assert.equal(r.status, 404, r.text);
  d = (await act('badinh.lanhdao', d.id, 'approve', { version: d.version })).json;
  d = (await act('badinh.vanthu', d.id, 'issue', { version: d.version, result_number: '88/QĐ-UBND' })).json;
  d = (await act('badinh.motcua', d.id, 'return_result', { version: d.version, return_method: 'in_person' })).json;
  assert.equal(d.status, 'returned');
  assert.equal(d.result_timing, 'before_time');

  const sheet = await (await as('badinh.lanhdao')).req('GET', `/api/v1/dossiers/${d.id}/control-sheet`);
  assert.equal(sheet.status, 200, sheet.text);
  assert.deepEqual(sheet.json.rows.map((x) => x.action),
    ['receive', 'assign', 'propose', 'hand_over', 'hand_back', 'approve', 'issue', 'return_result']);
  const back = sheet.json.rows.find((x) => x.action === 'hand_back');
  assert.equal(back.agency, HOAN_KIEM);
  assert.equal(back.unit, 'qldt');
  assert.equal(back.giver, 'badinh.truongphong');
  assert.equal(back.receiver, 'hoankiem.truongphong');
  assert.equal(back.handed_at, '2017-03-09T09:00:00+07:00');
  assert.equal(back.used_hours, 16);  // Thu 09:00 → Mon 09:00: 8 + 8 working hours
  assert.ok(['before_time', 'on_time', 'late'].includes(back.timing));
  // The applicant follows it in plain words, without the officers' internal comments.
  const mine = (await get('congdan', d.id)).json;
  assert.deepEqual(mine.timeline.map((t) => t.action),
    ['create', 'submit', 'receive', 'assign', 'propose', 'hand_over', 'hand_back', 'approve', 'issue', 'return_result']);
  assert.equal(mine.timeline.find((t) => t.action === 'hand_back').detail.comment, undefined);
});
