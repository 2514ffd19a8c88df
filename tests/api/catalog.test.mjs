// Catalog: import (all or nothing, every problem listed), export round trip, search, filters, rollout.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer, runCli, freshDatabaseUrl } from './lib/server.mjs';

const MINI = new URL('./fixtures/mini', import.meta.url).pathname;
const HANOI = new URL('../../catalog/hanoi', import.meta.url).pathname;

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('import and export (mini catalog)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cat-'));
  const env = { MOTCUA_DATABASE_URL: freshDatabaseUrl(dir) };

  test('import then export yields the same files', async () => {
    const imp = await runCli(['import', MINI], env);
    assert.equal(imp.code, 0, imp.stderr);
    assert.match(imp.stdout, /2 procedures/);
    const out = join(dir, 'export');
    const exp = await runCli(['export', out], env);
    assert.equal(exp.code, 0, exp.stderr);
    assert.deepEqual(listFiles(out), listFiles(MINI));
    for (const f of listFiles(MINI)) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(MINI, f), 'utf8'), f);
  });

  test('a broken catalog reports every problem with file:line and changes nothing', async () => {
    const broken = join(dir, 'broken');
    cpSync(MINI, broken, { recursive: true });
    // 1: a ward whose parent does not exist; 2: a component without a name; 3: a form field of an
    // unknown type; 4: a wave pointing at a missing procedure; 5: a duplicate agency code.
    const wards = readFileSync(join(broken, 'wards/ba-dinh.yaml'), 'utf8');
    writeFileSync(join(broken, 'wards/ba-dinh.yaml'), wards.replace('parent: 000.00.19.H26', 'parent: 000.00.77.H26'));
    const proc = readFileSync(join(broken, 'procedures/H26.QH.XD.01.yaml'), 'utf8')
      .replace('  - name: Đơn đề nghị cấp giấy phép xây dựng\n', '  - kind: copy\n')
      .replace('type: text', 'type: hologram')
      .replace('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Cấp giấy phép xây dựng nhà ở riêng lẻ (sửa)');
    writeFileSync(join(broken, 'procedures/H26.QH.XD.01.yaml'), proc);
    const waves = readFileSync(join(broken, 'waves.yaml'), 'utf8');
    writeFileSync(join(broken, 'waves.yaml'), waves.replace('[H26.PX.HT.01]', '[H26.PX.HT.01, H26.XX.NO.99]'));
    const agencies = readFileSync(join(broken, 'agencies.yaml'), 'utf8');
    writeFileSync(join(broken, 'agencies.yaml'), agencies.replace('code: 000.00.31.H26', 'code: 000.00.19.H26'));

    const before = await runCli(['export', join(dir, 'before')], env);
    assert.equal(before.code, 0);
    const r = await runCli(['import', broken], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /wards\/ba-dinh\.yaml:\d+/);
    assert.match(r.stderr, /procedures\/H26\.QH\.XD\.01\.yaml:\d+/);
    assert.match(r.stderr, /hologram/);
    assert.match(r.stderr, /waves\.yaml:\d+.*H26\.XX\.NO\.99/);
    assert.match(r.stderr, /agencies\.yaml:\d+.*000\.00\.19\.H26/);
    const problems = r.stderr.split('\n').filter((l) => /^\s+\S+\.yaml(:\d+)?/.test(l));
    assert.ok(problems.length >= 5, r.stderr);
    // Nothing changed: the export is what it was.
    const after = await runCli(['export', join(dir, 'after')], env);
    assert.equal(after.code, 0);
    for (const f of listFiles(join(dir, 'before')))
      assert.equal(readFileSync(join(dir, 'after', f), 'utf8'), readFileSync(join(dir, 'before', f), 'utf8'), f);
  });

  test('workflows.yaml is checked with the catalog: unknown roles and undeclared workflows are refused', async () => {
    const broken = join(dir, 'broken-workflows');
    cpSync(MINI, broken, { recursive: true });
    const wf = readFileSync(join(broken, 'workflows.yaml'), 'utf8');
    // The short flow disappears (H26.PX.HT.01 names it) and one action names a role that does not exist.
    const cut = wf.indexOf('  - id: one_stop_only');
    assert.ok(cut > 0);
    const next = wf.indexOf('\n  - id:', cut + 5);
    const edited = (wf.slice(0, cut) + (next > 0 ? wf.slice(next + 1) : '')).replace('by: unit_head', 'by: janitor');
    writeFileSync(join(broken, 'workflows.yaml'), edited);
    const r = await runCli(['import', broken], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /workflows\.yaml:\d+.*janitor/);
    assert.match(r.stderr, /procedures\/H26\.PX\.HT\.01\.yaml.*one_stop_only/);
  });

  test('a published version cannot change without a new version number', async () => {
    const edited = join(dir, 'edited');
    cpSync(MINI, edited, { recursive: true });
    const p = join(edited, 'procedures/H26.PX.HT.01.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('working_hours: 8', 'working_hours: 16'));
    const refused = await runCli(['import', edited], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /H26\.PX\.HT\.01/);
    writeFileSync(p, readFileSync(p, 'utf8').replace('version: 1', 'version: 2'));
    const ok = await runCli(['import', edited], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /1 new versions/);
  });
});

describe('search and filters (mini catalog)', () => {
  let srv;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-cat-'));
    const url = freshDatabaseUrl(dir);
    const imp = await runCli(['import', MINI], { MOTCUA_DATABASE_URL: url });
    assert.equal(imp.code, 0, imp.stderr);
    srv = await startServer({ env: { MOTCUA_DATABASE_URL: url, MOTCUA_CLOCK_START: '2017-02-01T09:00:00+07:00' } });
  });
  after(async () => srv?.stop());
  const get = async (path) => {
    const r = await fetch(srv.url + path);
    return { status: r.status, body: await r.json() };
  };

  test('accent-insensitive, case-insensitive, word-order tolerant; NFC and NFD alike', async () => {
    for (const q of ['giay phep xay dung', 'GIẤY PHÉP', 'xay dung giay phep', 'Cấp giấy phép xây dựng',
                     'Cấp giấy phép xây dựng'.normalize('NFD'), 'nha o rieng le']) {
      const { status, body } = await get('/api/v1/procedures?q=' + encodeURIComponent(q));
      assert.equal(status, 200, q);
      assert.equal(body.total, 1, q);
      assert.equal(body.items[0].code, 'H26.QH.XD.01', q);
    }
    const d = await get('/api/v1/procedures?q=' + encodeURIComponent('dang ky khai sinh'));
    assert.equal(d.body.items[0].code, 'H26.PX.HT.01');
    const none = await get('/api/v1/procedures?q=hologram');
    assert.equal(none.body.total, 0);
  });

  test('name matches rank before field matches', async () => {
    // "ho tich" is the field of the birth registration; "khai" only in its name.
    const { body } = await get('/api/v1/procedures?q=' + encodeURIComponent('hộ tịch'));
    assert.equal(body.items[0].code, 'H26.PX.HT.01');
  });

  test('item shape', async () => {
    const { body } = await get('/api/v1/procedures?q=giay+phep');
    const it = body.items[0];
    for (const k of ['code', 'name', 'field', 'level', 'tier', 'wave', 'processing_time', 'fee']) assert.ok(k in it, k);
    assert.deepEqual(it.processing_time, { working_days: 15 });
    assert.equal(it.fee.total, 75000);
    assert.equal(it.wave, 2);
  });

  test('online_at follows wave dates and inner districts', async () => {
    // 2017-02-01: wave 2 (2017-02-20) is not live yet at Ba Đình.
    let r = await get('/api/v1/procedures?online_at=000.00.19.H26');
    assert.equal(r.body.total, 0);
    r = await get('/api/v1/procedures?online_at=000.01.19.H26');
    assert.equal(r.body.total, 1);
    const detail = await get('/api/v1/procedures/H26.QH.XD.01?agency=000.00.31.H26');
    assert.equal(detail.body.online_here.online, false);
    assert.equal(detail.body.online_here.since, null);
    const bd = await get('/api/v1/procedures/H26.QH.XD.01?agency=000.00.19.H26');
    assert.equal(bd.body.online_here.online, false);
    assert.equal(bd.body.online_here.since, '2017-02-20');
  });

  test('bad filter values are a 400 with a code naming each parameter', async () => {
    const r = await get('/api/v1/procedures?tier=galaxy&level=7&page=0&agency=nope');
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'bad_request');
    for (const k of ['tier', 'level', 'page']) assert.ok(r.body.error.fields[k], k);
    const a = await get('/api/v1/procedures?agency=000.00.99.H26');
    assert.equal(a.status, 400);
    assert.ok(a.body.error.fields.agency);
    const inner = await get('/api/v1/agencies?inner=maybe');
    assert.equal(inner.status, 400);
  });

  test('agencies: filters, detail with units, unknown code 404', async () => {
    let r = await get('/api/v1/agencies?tier=district&inner=true');
    assert.deepEqual(r.body.items.map((a) => a.code), ['000.00.19.H26']);
    r = await get('/api/v1/agencies?parent=000.00.19.H26');
    assert.equal(r.body.total, 1);
    r = await get('/api/v1/agencies/000.01.19.H26');
    assert.equal(r.status, 200);
    assert.ok(r.body.units.some((u) => u.one_stop));
    assert.equal(r.body.procedures_online[0].code, 'H26.PX.HT.01');
    r = await get('/api/v1/agencies/000.00.99.H26');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
  });
});

describe('the Hanoi catalog (catalog/hanoi) matches the seed', () => {
  let srv;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-hn-'));
    const url = freshDatabaseUrl(dir);
    const imp = await runCli(['import', HANOI], { MOTCUA_DATABASE_URL: url });
    assert.equal(imp.code, 0, imp.stderr);
    srv = await startServer({ env: { MOTCUA_DATABASE_URL: url, MOTCUA_CLOCK_START: '2017-04-03T09:00:00+07:00' } });
  });
  after(async () => srv?.stop());
  const get = async (path) => (await fetch(srv.url + path)).json();

  test('120 procedures in waves of 27, 20 and 73 on 2017-01-19, (setting), 2017-03-15', async () => {
    const all = await get('/api/v1/procedures?per_page=100');
    assert.equal(all.total, 120);
    const waves = (await get('/api/v1/rollout/waves')).items;
    assert.deepEqual(waves.map((w) => w.procedure_count), [27, 20, 73]);
    assert.equal(waves[0].date, '2017-01-19');
    assert.equal(waves[1].date_setting, 'wave2_date');
    assert.equal(waves[2].date, '2017-03-15');
    for (const n of [1, 2, 3]) assert.equal((await get(`/api/v1/procedures?wave=${n}&per_page=1`)).total, waves[n - 1].procedure_count);
  });

  test('every procedure has its paper form (tờ khai) as a PDF made from its form schema', async () => {
    const r = await fetch(srv.url + '/api/v1/procedures/H26.QH.XD.01/blank-form.pdf');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.match(r.headers.get('content-disposition') ?? '', /filename="to-khai-H26\.QH\.XD\.01\.pdf"/);
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: bytes }).stdout.toString();
    for (const expected of ['TỜ KHAI', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Họ và tên chủ hộ (*)', 'Giấy tờ kèm theo:', 'NGƯỜI KHAI'])
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
    // Served again from the cache: the same bytes.
    const again = Buffer.from(await (await fetch(srv.url + '/api/v1/procedures/H26.QH.XD.01/blank-form.pdf')).arrayBuffer());
    assert.ok(again.equals(bytes));
    const missing = await fetch(srv.url + '/api/v1/procedures/H26.XX.NO.99/blank-form.pdf');
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, 'not_found');
  });

  test('wave 2: 10 district-level at exactly the 12 inner districts + 6/2/1/1 at four departments', async () => {
    const w2 = (await get('/api/v1/procedures?wave=2&per_page=100')).items;
    const district = w2.filter((p) => p.tiers.includes('district'));
    assert.equal(district.length, 10);
    const fields = new Set(district.map((p) => p.field.name));
    for (const f of fields) assert.match(f, /Thông tin và Truyền thông|Giao thông|Xây dựng|Tài nguyên và Môi trường/);
    const inner = (await get('/api/v1/agencies?tier=district&inner=true')).items.map((a) => a.code).sort();
    assert.equal(inner.length, 12);
    assert.equal((await get('/api/v1/agencies?tier=district')).total, 30);
    for (const p of district) {
      const d = await get('/api/v1/procedures/' + p.code);
      assert.deepEqual(d.online_at.map((o) => o.agency.code).sort(), inner, p.code);
    }
    const byDept = {};
    for (const p of w2.filter((p) => p.tiers.includes('department'))) {
      const d = await get('/api/v1/procedures/' + p.code);
      byDept[d.department.name] = (byDept[d.department.name] || 0) + 1;
    }
    const counts = Object.entries(byDept).map(([n, c]) => [n.replace(/^Sở /, ''), c]);
    const find = (re) => counts.find(([n]) => re.test(n))?.[1];
    assert.equal(find(/Công Thương/), 6);
    assert.equal(find(/Tài chính/), 2);
    assert.equal(find(/Lao động/), 1);
    assert.equal(find(/Quy hoạch/), 1);
  });

  test('wards of the 12 inner districts are present with real names', async () => {
    const inner = (await get('/api/v1/agencies?tier=district&inner=true')).items;
    for (const d of inner) {
      const wards = await get('/api/v1/agencies?parent=' + d.code);
      assert.ok(wards.total >= 8, d.name);
      for (const w of wards.items) assert.match(w.name, /^(Phường|Xã|Thị trấn) \S/);
    }
    const bd = inner.find((d) => d.name.includes('Ba Đình'));
    const names = (await get('/api/v1/agencies?parent=' + bd.code)).items.map((w) => w.name);
    assert.ok(names.includes('Phường Cống Vị') && names.includes('Phường Trúc Bạch'));
  });

  test('no placeholder procedure names', async () => {
    const all = (await get('/api/v1/procedures?per_page=100')).items
      .concat((await get('/api/v1/procedures?per_page=100&page=2')).items);
    assert.equal(all.length, 120);
    for (const p of all) assert.doesNotMatch(p.name, /^Thủ tục \d+$|placeholder|TODO/i);
  });
});
