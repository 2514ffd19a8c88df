// Starts the server that browser tests talk to, and stops it however the tests end.
// With MOTCUA_BIN set: `motcua demo` (schema, demo data, the Hanoi catalog) then `motcua serve`,
// both on the same fresh SQLite database.
// Without it: a small node server over web/dist (see static_server.js).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from './static_server.js';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// What `motcua demo` imports: the repository's Hanoi catalog unless the environment says otherwise.
export const CATALOG_DIR = resolve(process.env.MOTCUA_CATALOG_DIR || join(WEB_DIR, '..', 'catalog', 'hanoi'));
export const STATIC_DIR = resolve(process.env.MOTCUA_STATIC_DIR || join(WEB_DIR, 'dist'));
export const SCREENSHOT_DIR = resolve(process.env.MOTCUA_SCREENSHOT_DIR || join(WEB_DIR, 'e2e-output'));

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/**
 * @typedef {object} RunningServer
 * @property {string} url       base URL, no trailing slash
 * @property {'motcua' | 'node'} kind
 * @property {() => string} logs  what the server printed (empty for the node server)
 * @property {() => Promise<void>} stop
 */

/** @param {string} url */
async function waitForHealthy(url, /** @type {() => string | null} */ exitedReason, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    const reason = exitedReason();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`no 200 from ${url}/healthz within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `motcua demo` to completion with the serve environment: it migrates the fresh database and
 * loads the demo data and the catalog the browser tests search.
 * @param {string} bin
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string>} what it printed
 */
function runDemo(bin, env, timeoutMs = 120000) {
  return new Promise((res, rej) => {
    // Sample dossiers only when a test asks for them: the tests count their own dossiers.
    const child = spawn(bin, ['demo'], { env: { MOTCUA_DEMO_DOSSIERS: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      rej(new Error(`could not start ${bin} demo: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) res(output);
      else rej(new Error(`${bin} demo failed (${code ?? signal}):\n${output}`));
    });
  });
}

/** @returns {Promise<RunningServer>} */
async function startMotcua(/** @type {string} */ bin) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    MOTCUA_LISTEN: `127.0.0.1:${port}`,
    MOTCUA_DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}`, // dir is absolute: sqlite:///tmp/…
    MOTCUA_DATA_DIR: join(dir, 'data'),
    MOTCUA_STATIC_DIR: STATIC_DIR,
    MOTCUA_CATALOG_DIR: CATALOG_DIR,
    MOTCUA_DEMO: '1',
  };
  let output = '';
  try {
    output = await runDemo(bin, env);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  /** @type {string | null} */
  let exitReason = null;
  const exited = new Promise((res) =>
    child.on('exit', (code, signal) => {
      exitReason = `motcua exited (${code ?? signal}) before it was ready:\n${output}`;
      res(undefined);
    }),
  );
  child.on('error', (err) => {
    exitReason = `could not start ${bin}: ${err.message}`;
  });
  // If the test process dies without running its hooks, do not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(url, () => exitReason);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, kind: 'motcua', logs: () => output, stop };
}

/** @returns {Promise<RunningServer>} */
async function startNodeServer() {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR}/index.html is missing: run "npm run build" first`);
  }
  const server = createStaticServer(STATIC_DIR);
  await new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(url, () => null);
  return {
    url,
    kind: 'node',
    logs: () => '',
    stop: () =>
      new Promise((res) => {
        server.closeAllConnections();
        server.close(() => res(undefined));
      }),
  };
}

// Starts the server for a test file; call stop() in an `after` hook.
export async function startServer() {
  const bin = process.env.MOTCUA_BIN;
  return bin ? startMotcua(bin) : startNodeServer();
}
