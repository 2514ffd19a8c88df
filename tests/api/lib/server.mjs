// Starts the real motcua binary on a fresh database (SQLite file or a new PostgreSQL database)
// for black-box API tests. MOTCUA_TEST_DB selects the backend: "sqlite" (default) or "postgres".
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

export const BIN = process.env.MOTCUA_BIN || resolve('build/src/app/motcua');
export const BACKEND = process.env.MOTCUA_TEST_DB || 'sqlite';

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

let dbCounter = 0;
// A database URL no other test uses.
export function freshDatabaseUrl(dir) {
  if (BACKEND === 'postgres') {
    const admin = process.env.MOTCUA_TEST_PG_URL;
    if (!admin) throw new Error('MOTCUA_TEST_PG_URL is not set');
    const name = `api_${process.pid}_${Date.now()}_${dbCounter++}`;
    execFileSync('psql', [admin, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
    const url = new URL(admin);
    url.pathname = '/' + name;
    return url.toString();
  }
  return `sqlite://${join(dir, 'motcua.db')}`;
}

// Runs `motcua <args>` to completion; returns {code, stdout, stderr}.
export function runCli(args, env = {}) {
  return new Promise((res) => {
    // `motcua demo` adds sample dossiers unless told not to; the tests count their own dossiers.
    const child = spawn(BIN, args, { env: { PATH: process.env.PATH, MOTCUA_DEMO_DOSSIERS: 'false', ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => res({ code, stdout, stderr }));
  });
}

// Starts a server; returns {url, port, env, child, logs(), stop(signal) → exit code}.
export async function startServer({ env = {}, staticDir } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-api-'));
  const port = await freePort();
  if (staticDir === undefined) {
    staticDir = join(dir, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="vi"><title>Cổng Dịch vụ công</title></html>');
    writeFileSync(join(staticDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  }
  const fullEnv = {
    PATH: process.env.PATH,
    MOTCUA_LISTEN: `127.0.0.1:${port}`,
    MOTCUA_DATABASE_URL: freshDatabaseUrl(dir),
    MOTCUA_DATA_DIR: join(dir, 'data'),
    MOTCUA_STATIC_DIR: staticDir,
    MOTCUA_LOG_LEVEL: 'info',
    ...env,
  };
  const child = spawn(BIN, ['serve'], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((res) => child.on('exit', (code, signal) => res(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const r = await fetch(url + '/healthz');
      if (r.status === 200) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited at start:\n' + out);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not start:\n' + out);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    dir,
    env: fullEnv,
    child,
    logs: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
