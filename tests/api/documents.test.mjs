// Papers of a dossier (issue 5, item 4): multipart uploads streamed to disk, typed by content,
// limited per component and per dossier, stored once per content, listed, downloaded and removed
// by whoever may; required components checked at submission; nothing half-written left behind;
// and the server's memory does not grow with what is uploaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync, readFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';
import { Client } from './lib/client.mjs';
import { PDF, JPEG, sha256, pdfOfSize, postMultipart, attach } from './lib/papers.mjs';

const CATALOG = new URL('./fixtures/accounts', import.meta.url).pathname;
const BA_DINH = '000.00.19.H26';
const PERMIT = 'H26.QH.XD.01';  // component 1: required, pdf/jpeg/png, 10 MB
const env = { MOTCUA_CATALOG_DIR: CATALOG, MOTCUA_PASSWORD_COST: 'min', MOTCUA_CLOCK_START: '2017-02-21T09:00:00+07:00' };
const MB = 1024 * 1024;
let srv, dataDir;

before(async () => {
  const url = freshDatabaseUrl(mkdtempSync(join(tmpdir(), 'motcua-doc-')));
  const demo = await runCli(['demo'], { ...env, MOTCUA_DATABASE_URL: url });
  assert.equal(demo.code, 0, demo.stderr);
  srv = await startServer({ env: { ...env, MOTCUA_DATABASE_URL: url } });
  dataDir = srv.env.MOTCUA_DATA_DIR;
  const admin = new Client(srv.url);
  await admin.login('admin');
  const r = await admin.req('PUT', '/api/v1/admin/settings/wave2_date', { value: '2017-02-20' });
  assert.equal(r.status, 200, r.text);
});
after(async () => srv?.stop());

const as = async (user) => {
  const c = new Client(srv.url);
  assert.equal((await c.login(user)).status, 200, user);
  return c;
};
const draft = async (c) => {
  const r = await c.req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH });
  assert.equal(r.status, 201, r.text);
  const s = await c.req('PATCH', `/api/v1/dossiers/${r.json.id}`, { version: r.json.version, form_data: { full_name: 'Nguyễn Văn An' } });
  assert.equal(s.status, 200, s.text);
  return s.json;
};
let keys = 0;
const submit = (c, id) => c.req('POST', `/api/v1/dossiers/${id}/submit`, undefined, { headers: { 'idempotency-key': `doc-${process.pid}-${keys++}` } });
const tempFiles = () => (existsSync(join(dataDir, 'tmp')) ? readdirSync(join(dataDir, 'tmp')) : []);
const storePath = (sha) => join(dataDir, 'papers', sha.slice(0, 2), sha.slice(2, 4), sha);
const statusOf = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (status, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
async function until(check, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

let mine;  // {client, id, pdf, jpeg}

test('a PDF and a JPEG are accepted, typed by content, with their SHA-256, NFC names, and listed', async () => {
  const c = await as('congdan');
  const d = await draft(c);
  const nfd = 'Đơn đe\u0300 nghi\u0323.pdf';
  const pdf = await attach(c, d.id, { filename: nfd, type: 'application/octet-stream' });
  assert.equal(pdf.status, 201, pdf.text);
  assert.equal(pdf.json.component, '1');
  assert.equal(pdf.json.name, nfd.normalize('NFC'));
  assert.equal(pdf.json.content_type, 'application/pdf');  // by content, not by the claimed type
  assert.equal(pdf.json.size, PDF.length);
  assert.equal(pdf.json.sha256, sha256(PDF));
  assert.match(pdf.json.uploaded_at, /^2017-02-21T09:\d\d:\d\d\+07:00$/);
  assert.match(pdf.headers.location, new RegExp(`/api/v1/dossiers/${d.id}/documents/${pdf.json.id}$`));
  // The component may come after the file; a Windows path keeps only the file's name.
  const jpeg = await postMultipart(c, `/api/v1/dossiers/${d.id}/documents`, [
    { name: 'file', filename: 'C:\\Users\\An\\ảnh chụp.jpg', data: JPEG, type: 'image/jpeg' },
    { name: 'component', value: '1' },
  ]);
  assert.equal(jpeg.status, 201, jpeg.text);
  assert.equal(jpeg.json.content_type, 'image/jpeg');
  assert.equal(jpeg.json.name, 'ảnh chụp.jpg');
  assert.equal(jpeg.json.sha256, sha256(JPEG));
  assert.ok(existsSync(storePath(sha256(PDF))));
  assert.ok(existsSync(storePath(sha256(JPEG))));

  const list = await c.req('GET', `/api/v1/dossiers/${d.id}/documents`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((p) => p.id), [pdf.json.id, jpeg.json.id]);
  assert.deepEqual(list.json.items[0], pdf.json);
  const detail = await c.req('GET', `/api/v1/dossiers/${d.id}`);
  assert.deepEqual(detail.json.documents, list.json.items);
  assert.deepEqual(tempFiles(), []);
  mine = { client: c, id: d.id, pdf: pdf.json, jpeg: jpeg.json };
});

test('download returns the identical bytes, the sniffed type, the name in filename*, nosniff', async () => {
  const { client: c, id, pdf, jpeg } = mine;
  for (const [doc, bytes] of [[pdf, PDF], [jpeg, JPEG]]) {
    const r = await fetch(`${srv.url}/api/v1/dossiers/${id}/documents/${doc.id}`, { headers: { cookie: `motcua_session=${c.cookie}` } });
    assert.equal(r.status, 200);
    assert.ok(Buffer.from(await r.arrayBuffer()).equals(bytes));
    assert.equal(r.headers.get('content-type'), doc.content_type);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('content-disposition'), `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
    assert.match(r.headers.get('cache-control'), /no-store/);
  }
});

test('an executable renamed .pdf is refused (415), as is HTML: the type comes from the content, not the name', async () => {
  const c = mine.client;
  const elf = Buffer.alloc(8192);
  const fd = openSync('/bin/ls', 'r');
  readSync(fd, elf, 0, elf.length, 0);
  closeSync(fd);
  const r = await attach(c, mine.id, { filename: 'giay-phep.pdf', data: elf, type: 'application/pdf' });
  assert.equal(r.status, 415, r.text);
  assert.equal(r.json.error.code, 'file_type_not_allowed');
  assert.match(r.json.error.message, /PDF, JPEG, PNG/);
  const html = await attach(c, mine.id, { filename: 'don.pdf', data: Buffer.from('<!doctype html><script>alert(1)</script>') });
  assert.equal(html.status, 415);
  assert.deepEqual(tempFiles(), []);
  assert.equal((await c.req('GET', `/api/v1/dossiers/${mine.id}/documents`)).json.items.length, 2);  // no new row
});

test('bad requests: no component, an unknown component, no file, an empty file, not multipart, malformed', async () => {
  const c = mine.client;
  const path = `/api/v1/dossiers/${mine.id}/documents`;
  let r = await postMultipart(c, path, [{ name: 'file', filename: 'a.pdf', data: PDF }]);
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.code, 'validation_failed');
  assert.equal(r.json.error.fields.component.code, 'required');
  r = await postMultipart(c, path, [{ name: 'component', value: '7' }, { name: 'file', filename: 'a.pdf', data: PDF }]);
  assert.equal(r.status, 422);
  assert.ok(r.json.error.fields.component);
  r = await postMultipart(c, path, [{ name: 'component', value: '1' }]);
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.file.code, 'required');
  r = await postMultipart(c, path, [{ name: 'component', value: '1' }, { name: 'file', filename: 'a.pdf', data: Buffer.alloc(0) }]);
  assert.equal(r.status, 422);
  assert.equal(r.json.error.fields.file.code, 'empty');
  r = await c.req('POST', path, { component: '1' });
  assert.equal(r.status, 400);
  r = await c.req('POST', path, '--x\r\nno headers here\r\n\r\n', { headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  assert.equal(r.status, 400);
  r = await c.req('POST', path, `--x\r\nContent-Disposition: form-data; name="component"\r\n\r\n1\r\n`, { headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  assert.equal(r.status, 400);  // no closing boundary
  assert.deepEqual(tempFiles(), []);
});

test('a 30 MB upload to a 10 MB component is refused (413) early, memory does not grow, nothing is left', async (t) => {
  const c = mine.client;
  const pid = srv.child.pid;
  const before = statusOf(pid);
  const path = `/api/v1/dossiers/${mine.id}/documents`;
  const big = await postMultipart(c, path, [{ name: 'component', value: '1' }, { name: 'file', filename: 'lon.pdf', head: PDF, size: 30 * MB }]);
  assert.equal(big.status, 413, big.text);
  assert.equal(big.json.error.code, 'file_too_large');
  assert.match(big.json.error.message, /10 MB/);
  assert.ok(big.sent < 30 * MB, `the answer came before the body was all sent (${big.sent} bytes)`);
  // 200 MB more, without a Content-Length: the same early refusal.
  const huge = await postMultipart(c, path, [{ name: 'component', value: '1' }, { name: 'file', filename: 'x.pdf', head: PDF, size: 200 * MB }], { chunked: true });
  assert.equal(huge.status, 413);
  // Almost at the limit: accepted, streamed through.
  const near = pdfOfSize(10 * MB - 1000);
  const ok = await attach(c, mine.id, { filename: 'gan-gioi-han.pdf', data: near });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.sha256, sha256(near));
  const afterStatus = statusOf(pid);
  const grew = kb(afterStatus, 'VmHWM') - kb(before, 'VmHWM');
  t.diagnostic(`30 MB refused after ${big.sent} bytes sent; peak RSS ${kb(before, 'VmHWM')} → ${kb(afterStatus, 'VmHWM')} kB`);
  assert.ok(grew < 16 * 1024, `peak memory grew by ${grew} kB`);
  assert.ok(kb(afterStatus, 'VmRSS') < 100 * 1024, `RSS ${kb(afterStatus, 'VmRSS')} kB`);
  assert.ok(await until(() => tempFiles().length === 0), `left: ${tempFiles()}`);
  const items = (await c.req('GET', path)).json.items;
  assert.equal(items.length, 3);
  assert.equal(items.filter((p) => p.name === 'lon.pdf' || p.name === 'x.pdf').length, 0);
  mine.near = ok.json;
});

test('an upload cut off mid-body leaves no temporary file and no row', async () => {
  const c = mine.client;
  const r = await postMultipart(c, `/api/v1/dossiers/${mine.id}/documents`,
    [{ name: 'component', value: '1' }, { name: 'file', filename: 'dut.pdf', head: PDF, size: 3 * MB }], { abortAfter: MB });
  assert.equal(r.aborted, true);
  assert.ok(await until(() => tempFiles().length === 0), `left: ${tempFiles()}`);
  assert.equal((await c.req('GET', `/api/v1/dossiers/${mine.id}/documents`)).json.items.length, 3);
});

test('the dossier as a whole takes at most 50 MB (413 dossier_too_large)', async () => {
  const c = await as('congdan');
  const d = await draft(c);
  for (let i = 0; i < 5; i++) {
    const r = await attach(c, d.id, { filename: `p${i}.pdf`, data: pdfOfSize(10 * MB - 100 * (i + 1)) });
    assert.equal(r.status, 201, r.text);
  }
  const r = await attach(c, d.id, { filename: 'them.pdf', data: pdfOfSize(2000) });
  assert.equal(r.status, 413, r.text);
  assert.equal(r.json.error.code, 'dossier_too_large');
  assert.ok(await until(() => tempFiles().length === 0));
});

test("someone else's dossier is not found; officers cannot upload; drafts are invisible to officers", async () => {
  const path = `/api/v1/dossiers/${mine.id}/documents`;
  const biz = await as('doanhnghiep');
  let r = await attach(biz, mine.id);
  assert.equal(r.status, 404, r.text);
  assert.equal((await biz.req('GET', path)).status, 404);
  assert.equal((await biz.req('GET', `${path}/${mine.pdf.id}`)).status, 404);
  assert.equal((await biz.req('DELETE', `${path}/${mine.pdf.id}`)).status, 404);
  const officer = await as('badinh.motcua');
  r = await attach(officer, mine.id);
  assert.equal(r.status, 403, r.text);
  assert.equal((await officer.req('GET', path)).status, 404);  // a draft
  assert.equal((await new Client(srv.url).req('GET', path)).status, 401);
  r = await postMultipart(new Client(srv.url), path, [{ name: 'component', value: '1' }, { name: 'file', filename: 'a.pdf', data: PDF }]);
  assert.equal(r.status, 401);
  // A paper id of another dossier is not found through this one.
  const other = await draft(mine.client);
  assert.equal((await mine.client.req('GET', `/api/v1/dossiers/${other.id}/documents/${mine.pdf.id}`)).status, 404);
  assert.deepEqual(tempFiles(), []);
});

test('submit refuses missing required components (documents.<n>), then takes the dossier with its papers', async () => {
  const c = mine.client;
  const d = await draft(c);
  let r = await submit(c, d.id);
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.code, 'validation_failed');
  assert.equal(r.json.error.fields['documents.1'].code, 'required');
  assert.ok(r.json.error.fields['documents.1'].message && r.json.error.fields['documents.1'].message_en);
  // Form problems and missing papers come together.
  await c.req('PATCH', `/api/v1/dossiers/${d.id}`, { version: d.version, form_data: {} });
  r = await submit(c, d.id);
  assert.ok(r.json.error.fields.full_name && r.json.error.fields['documents.1'], JSON.stringify(r.json.error.fields));

  r = await submit(c, mine.id);
  assert.equal(r.status, 200, r.text);
  // Submitted: no more changes to its papers by the applicant.
  assert.equal((await attach(c, mine.id)).status, 409);
  assert.equal((await c.req('DELETE', `/api/v1/dossiers/${mine.id}/documents/${mine.pdf.id}`)).status, 409);
  // The receiving agency's officers may read them; another agency's may not.
  const officer = await as('badinh.motcua');
  const list = await officer.req('GET', `/api/v1/dossiers/${mine.id}/documents`);
  assert.equal(list.status, 200);
  assert.equal(list.json.items.length, 3);
  const dl = await fetch(`${srv.url}/api/v1/dossiers/${mine.id}/documents/${mine.jpeg.id}`, { headers: { cookie: `motcua_session=${officer.cookie}` } });
  assert.equal(dl.status, 200);
  assert.ok(Buffer.from(await dl.arrayBuffer()).equals(JPEG));
  const elsewhere = await as('hoankiem.motcua');
  assert.equal((await elsewhere.req('GET', `/api/v1/dossiers/${mine.id}/documents/${mine.jpeg.id}`)).status, 404);
});

test('the same content is stored once; a file goes when its last paper goes', async () => {
  const c = await as('congdan');
  const a = await draft(c);
  const b = await draft(c);
  const content = pdfOfSize(5000, 0x41);
  const pa = await attach(c, a.id, { data: content });
  const pb = await attach(c, b.id, { data: content, filename: 'ban-sao.pdf' });
  assert.equal(pa.json.sha256, pb.json.sha256);
  const file = storePath(pa.json.sha256);
  assert.ok(existsSync(file));
  assert.equal((await c.req('DELETE', `/api/v1/dossiers/${a.id}/documents/${pa.json.id}`)).status, 204);
  assert.ok(existsSync(file), 'still referenced by the other dossier');
  assert.equal((await c.req('GET', `/api/v1/dossiers/${a.id}/documents`)).json.items.length, 0);
  assert.equal((await c.req('DELETE', `/api/v1/dossiers/${b.id}/documents/${pb.json.id}`)).status, 204);
  assert.ok(!existsSync(file), 'no paper references it any more');
  assert.equal((await c.req('DELETE', `/api/v1/dossiers/${b.id}/documents/${pb.json.id}`)).status, 404);
});

test('motcua purge: drafts’ papers after a day, idle drafts after MOTCUA_DRAFT_IDLE_DAYS; submitted papers stay', async () => {
  const c = await as('congdan');
  const d = await draft(c);
  const content = pdfOfSize(3000, 0x42);
  const p = await attach(c, d.id, { data: content });
  assert.equal(p.status, 201, p.text);
  // The command runs days ahead of the server's clock, so it also removes the sessions that are dead
  // by then (accounts housekeeping): the applicant signs in again after each run.
  let k = c;
  const purge = async (clock, extra = {}) => {
    const r = await runCli(['purge'], { ...srv.env, MOTCUA_CLOCK_START: clock, ...extra });
    k = new Client(srv.url);
    assert.equal((await k.login('congdan')).status, 200);
    return r;
  };
  // The next morning, less than a day later: nothing of this draft goes.
  let r = await purge('2017-02-22T08:00:00+07:00');
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await k.req('GET', `/api/v1/dossiers/${d.id}/documents`)).json.items.length, 1);
  // Two days later: the draft's paper and its file go; the submitted dossier's stay.
  r = await purge('2017-02-23T10:00:00+07:00');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /purge: [1-9]\d* papers of drafts removed, 0 idle drafts/);
  assert.equal((await k.req('GET', `/api/v1/dossiers/${d.id}/documents`)).json.items.length, 0);
  assert.ok(!existsSync(storePath(sha256(content))));
  assert.equal((await k.req('GET', `/api/v1/dossiers/${mine.id}/documents`)).json.items.length, 3);
  assert.ok(existsSync(storePath(mine.pdf.sha256)));
  // With drafts idle for a day being too long, every draft goes; submitted dossiers stay.
  r = await purge('2017-02-23T10:00:00+07:00', { MOTCUA_DRAFT_IDLE_DAYS: '1' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /[1-9]\d* idle drafts \(untouched for 1\+ days\) removed/);
  assert.equal((await k.req('GET', `/api/v1/dossiers/${d.id}`)).status, 404);
  const left = await k.req('GET', '/api/v1/dossiers?per_page=100');
  assert.ok(left.json.items.every((i) => i.status !== 'draft'));
  assert.ok(left.json.items.some((i) => i.id === mine.id));
  assert.equal((await purge('2017-02-23T10:00:00+07:00', { MOTCUA_DRAFT_IDLE_DAYS: '0' })).code, 2);  // refused setting
});
