// Papers for API tests: small files of each kind, and a multipart upload that streams its body
// (of any size, generated on the fly) and takes the server's answer even when it comes before the
// body is all sent (a refusal over a size limit).
import http from 'node:http';
import { createHash } from 'node:crypto';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xd9,
]);
export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// A PDF of `size` bytes: a PDF header, then filler.
export function pdfOfSize(size, fill = 0x20) {
  const b = Buffer.alloc(size, fill);
  PDF.copy(b, 0, 0, Math.min(PDF.length, size));
  return b;
}

// POSTs multipart/form-data to `path` with the client's session and CSRF token.
// parts: [{name, value}] (text) or [{name, filename, data: Buffer}] or [{name, filename, head: Buffer,
// size}] (head, then zero bytes up to `size`, generated while sending). `abortAfter`: destroy the
// socket after that many body bytes (an interrupted upload); resolves {aborted: true}.
// Resolves {status, json, text, headers, sent} — `sent` is how many body bytes went out.
export function postMultipart(client, path, parts, { abortAfter, chunked = false, boundary = '----motcua' + Date.now() } = {}) {
  const enc = (s) => Buffer.from(s, 'utf8');
  const pieces = [];
  for (const p of parts) {
    if (p.filename === undefined) {
      pieces.push(enc(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      pieces.push(enc(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\n` +
        `Content-Type: ${p.type || 'application/octet-stream'}\r\n\r\n`));
      if (p.data) pieces.push(p.data);
      else pieces.push({ head: p.head || Buffer.alloc(0), size: p.size });
      pieces.push(enc('\r\n'));
    }
  }
  pieces.push(enc(`--${boundary}--\r\n`));
  const total = pieces.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : p.size), 0);
  const url = new URL(client.base + path);
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (!chunked) headers['content-length'] = String(total);
  if (client.cookie) headers.cookie = `motcua_session=${client.cookie}`;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;

  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch {}
        resolve({ status: res.statusCode, json, text, headers: res.headers, sent });
      });
    });
    req.on('error', (e) => {
      if (answered) return;  // the server answered early and closed: the rest of our body is moot
      if (abortAfter !== undefined) return resolve({ aborted: true, sent });
      reject(e);
    });
    const CHUNK = 64 * 1024;
    const zeros = Buffer.alloc(CHUNK);
    let i = 0;
    let offset = 0;  // within a generated piece
    const pump = () => {
      while (!answered && i < pieces.length) {
        const p = pieces[i];
        let buf;
        if (Buffer.isBuffer(p)) {
          buf = p;
          i++;
        } else {
          if (offset < p.head.length) {
            buf = p.head.subarray(offset, Math.min(p.head.length, p.size));
          } else {
            buf = zeros.subarray(0, Math.min(CHUNK, p.size - offset));
          }
          offset += buf.length;
          if (offset >= p.size) { i++; offset = 0; }
        }
        if (abortAfter !== undefined && sent + buf.length >= abortAfter) {
          req.write(buf.subarray(0, abortAfter - sent));
          sent = abortAfter;
          setTimeout(() => req.destroy(), 100);
          return;
        }
        sent += buf.length;
        if (!req.write(buf)) return req.once('drain', pump);
      }
      if (!answered && i >= pieces.length) req.end();
    };
    pump();
  });
}

// Attaches `data` (a small PDF by default) to component `component` of dossier `id`.
export async function attach(client, id, { component = '1', filename = 'don.pdf', data = PDF, type = 'application/pdf' } = {}) {
  return postMultipart(client, `/api/v1/dossiers/${id}/documents`, [
    { name: 'component', value: component },
    { name: 'file', filename, data, type },
  ]);
}
