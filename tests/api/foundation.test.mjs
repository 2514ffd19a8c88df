// Foundation: health, readiness, metrics, errors, headers, static files, config, graceful shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, runCli, freshDatabaseUrl, BACKEND } from './lib/server.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

test('GET /healthz answers 200', async () => {
  const r = await fetch(srv.url + '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok' });
});

test('GET /readyz reports the database backend', async () => {
  const r = await fetch(srv.url + '/readyz');
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.status, 'ready');
  assert.equal(body.database, BACKEND);
});

test('unknown /api/v1/nope is a JSON 404 with a stable code and both languages', async () => {
  const r = await fetch(srv.url + '/api/v1/nope', { headers: { accept: 'text/html' } });
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /application\/json/);
  const body = await r.json();
  assert.equal(body.error.code, 'not_found');
  assert.ok(body.error.message.length > 0);
  assert.ok(body.error.message_en.length > 0);
  assert.deepEqual(body.error.fields, {});
});

test('a wrong method on a known route is a JSON 405', async () => {
  const r = await fetch(srv.url + '/api/v1/site', { method: 'DELETE' });
  assert.equal(r.status, 405);
  assert.equal((await r.json()).error.code, 'method_not_allowed');
});

test('/metrics counts requests by route and status and exposes pool gauges and build info', async () => {
  await fetch(srv.url + '/healthz');
  await fetch(srv.url + '/api/v1/nope');
  const text = await (await fetch(srv.url + '/metrics')).text();
  assert.match(text, /motcua_http_requests_total\{[^}]*route="\/healthz"[^}]*status="200"[^}]*\} [1-9]/);
  assert.match(text, /motcua_http_requests_total\{[^}]*route="unmatched"[^}]*status="404"[^}]*\} [1-9]/);
  assert.match(text, /motcua_http_request_duration_seconds_bucket\{/);
  assert.match(text, /motcua_db_pool_in_use [0-9]/);
  assert.match(text, /motcua_db_pool_waiting [0-9]/);
  assert.match(text, new RegExp(`motcua_build_info\\{[^}]*database="${BACKEND}"`));
});

test('every response carries the security headers and a request id', async () => {
  for (const path of ['/healthz', '/api/v1/nope', '/', '/assets/app-1a2b3c.js']) {
    const r = await fetch(srv.url + path, { headers: { accept: 'text/html' } });
    assert.match(r.headers.get('content-security-policy') || '', /frame-ancestors 'none'/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.ok(r.headers.get('referrer-policy'), path);
    assert.match(r.headers.get('x-request-id') || '', /^[A-Za-z0-9_-]{8,64}$/, path);
  }
});

test('a safe client request id is echoed back', async () => {
  const r = await fetch(srv.url + '/healthz', { headers: { 'x-request-id': 'test-req-42' } });
  assert.equal(r.headers.get('x-request-id'), 'test-req-42');
});

test('HTML GETs fall back to index.html (no-cache); hashed assets are cached long', async () => {
  const page = await fetch(srv.url + '/thu-tuc/abc', { headers: { accept: 'text/html' } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Cổng Dịch vụ công/);
  assert.match(page.headers.get('cache-control'), /no-cache/);
  const asset = await fetch(srv.url + '/assets/app-1a2b3c.js');
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control'), /max-age=31536000/);
  const missing = await fetch(srv.url + '/assets/missing.js', { headers: { accept: '*/*' } });
  assert.equal(missing.status, 404);
});

test('the access log is one JSON line per request without the query string', async () => {
  await fetch(srv.url + '/api/v1/site?secret=do-not-log-me');
  await new Promise((r) => setTimeout(r, 100));
  const lines = srv.logs().split('\n').filter((l) => l.startsWith('{'));
  const parsed = lines.map((l) => JSON.parse(l));
  const hit = parsed.find((l) => l.route === '/api/v1/site' && l.status === 200);
  assert.ok(hit, 'a log line for the request');
  for (const k of ['request_id', 'method', 'route', 'status', 'duration_ms']) assert.ok(k in hit, k);
  assert.ok(!srv.logs().includes('do-not-log-me'));
});

test('an oversized body is refused with 413 JSON', async () => {
  const r = await fetch(srv.url + '/api/v1/site', { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) })
    .catch((e) => e);
  if (r instanceof Error) return; // the server may close the connection after answering
  assert.ok([413, 405].includes(r.status));
});

test('configuration problems are listed readably and the server refuses to start', async () => {
  const r = await runCli(['serve'], { MOTCUA_LISTEN: 'nonsense', MOTCUA_MODE: 'staging', MOTCUA_THREADZ: '4' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /MOTCUA_LISTEN/);
  assert.match(r.stderr, /MOTCUA_MODE/);
  assert.match(r.stderr, /MOTCUA_THREADZ is not a MotCua setting/);
});

test('a config file is read and environment variables override it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cfg-'));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'motcua.yaml'), 'mode: production\ndemo: true\n');
  const refused = await runCli(['--config', join(dir, 'motcua.yaml'), 'migrate'], {
    MOTCUA_DATABASE_URL: `sqlite://${join(dir, 'a.db')}` });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /demo/i);
  const ok = await runCli(['--config', join(dir, 'motcua.yaml'), 'migrate'], {
    MOTCUA_DEMO: 'false', MOTCUA_DATABASE_URL: freshDatabaseUrl(dir) });
  assert.equal(ok.code, 0, ok.stderr + ok.stdout);
});

test('migrate twice is a no-op the second time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
  const env = { MOTCUA_DATABASE_URL: freshDatabaseUrl(dir) };
  const first = await runCli(['migrate'], env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /migration applied/);
  const second = await runCli(['migrate'], env);
  assert.equal(second.code, 0, second.stderr);
  assert.doesNotMatch(second.stdout, /migration applied/);
});

test('SIGTERM during a burst: every request gets a full response, exit code 0', async () => {
  const s = await startServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const get = () => new Promise((res) => {
    const req = http.get(s.url + '/readyz', { agent }, (r) => {
      let body = '';
      r.on('data', (d) => (body += d));
      r.on('end', () => res({ status: r.statusCode, body }));
      r.on('error', (e) => res({ error: e.code || String(e) }));
    });
    req.on('error', (e) => res({ error: e.code || String(e) }));
  });
  // Keep 32 clients busy; send SIGTERM in the middle of the burst.
  const results = [];
  let stopping = false;
  const worker = async () => {
    while (!stopping) results.push(await get());
  };
  const workers = Array.from({ length: 32 }, worker);
  await new Promise((r) => setTimeout(r, 300));
  const code = s.stop('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  stopping = true;
  await Promise.all(workers);
  agent.destroy();
  assert.equal(await code, 0);
  const resets = results.filter((r) => r.error === 'ECONNRESET' || r.error === 'EPIPE' ||
    (r.status === 200 && !r.body.includes('ready')));
  const ok = results.filter((r) => r.status === 200);
  assert.ok(ok.length > 50, `served ${ok.length} before stopping`);
  assert.equal(resets.length, 0, `reset or truncated responses: ${JSON.stringify(resets.slice(0, 3))}`);
});
