// A stand-in for `motcua serve` while the binary is not at hand: serves web/dist with the same
// SPA fallback and Content-Security-Policy as the real server, answers /healthz, GET /api/v1/site,
// the catalog endpoints from fixtures (fixtures.js) and the accounts endpoints from an in-memory
// store with the demo users (accounts.js), and 404s every other API path with the server's JSON
// error shape.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createAccounts } from './accounts.js';
import { answerCatalogApi } from './fixtures.js';

export const CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:";

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
});

export const SITE = { city_name: 'Thành phố Hà Nội', city_name_en: 'Hanoi City' };

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    return res.end();
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The request's JSON body: undefined when there is none, null when it is not JSON.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>}
 */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * @param {string} root absolute path of the built front end (web/dist)
 * @returns {import('node:http').Server}
 */
export function createStaticServer(root) {
  const rootPrefix = normalize(root + sep);
  const accounts = createAccounts();
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');

    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/api/v1/site' && req.method === 'GET') return sendJson(res, 200, SITE);
    if (path.startsWith('/api/')) {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      if (body === null) {
        return sendJson(res, 400, {
          error: { code: 'bad_request', message: 'Dữ liệu gửi lên không phải JSON.', message_en: 'The body is not JSON.', fields: {} },
        });
      }
      const answer = accounts.answer(req, path, body);
      if (answer) return sendJson(res, answer.status, answer.body, answer.headers);
    }
    if (path.startsWith('/api/') && req.method === 'GET') {
      const answer = answerCatalogApi(path, url.searchParams);
      if (answer) return sendJson(res, answer.status, answer.body);
    }
    if (path.startsWith('/api/')) {
      return sendJson(res, 404, {
        error: {
          code: 'not_found',
          message: 'Không tìm thấy tài nguyên yêu cầu.',
          message_en: 'The requested resource was not found.',
          fields: {},
        },
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      return res.end();
    }

    const file = normalize(join(root, path));
    if (file.startsWith(rootPrefix)) {
      try {
        const info = await stat(file);
        if (info.isFile()) {
          const body = await readFile(file);
          const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
          res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
          return res.end(req.method === 'HEAD' ? undefined : body);
        }
      } catch {
        // not a file: fall through
      }
    }
    // Like the real server: a browser asking for a page (Accept: text/html) gets index.html,
    // whatever the path looks like (procedure codes have dots: /thu-tuc/H26.QH.XD.01); a missing
    // asset or any other request is a real 404.
    const acceptsHtml = (req.headers.accept ?? '').includes('text/html');
    if (path.startsWith('/assets/') || !acceptsHtml) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    const index = await readFile(join(root, 'index.html'));
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : index);
  });
}
