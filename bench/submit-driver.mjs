// Load driver of bench/submit.sh: full online submissions (draft, a 2 KB form, one 200 KB paper,
// submit), then public lookups of the codes it got. Prints one JSON line per phase. Node built-ins
// only. Usage: node bench/submit-driver.mjs <base url> <seconds> <concurrency>
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const [base, secondsArg = '10', concurrencyArg = '16'] = process.argv.slice(2);
const SECONDS = Number(secondsArg);
const CONCURRENCY = Number(concurrencyArg);
const url = new URL(base);
const AGENCIES = ['000.00.19.H26', '000.00.20.H26'];  // Ba Đình, Hoàn Kiếm: two daily sequences
const PERMIT = 'H26.QH.XD.01';

// 200 KB that libmagic reads as a PDF.
const PAPER = Buffer.alloc(200 * 1024, 0x20);
Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n').copy(PAPER);
Buffer.from('\n%%EOF\n').copy(PAPER, PAPER.length - 7);
// Every paper its own content (its number in a PDF comment), so every one is a new stored file.
function Paper(n) {
  const b = Buffer.from(PAPER);
  Buffer.from(`% paper ${process.pid}-${n}\n`).copy(b, 64);
  return b;
}
// A 2 KB form (JSON text of the form data), valid for the bench catalog's permit form.
const FORM = {
  full_name: 'Nguyễn Văn An',
  phone: '0912345678',
  description: 'Xây dựng nhà ở riêng lẻ bốn tầng, kết cấu khung bê tông cốt thép, móng băng, mái bằng; ' .repeat(14).slice(0, 1200),
  co_owners: [
    { full_name: 'Trần Thị Bình', relationship: 'Vợ' },
    { full_name: 'Nguyễn Văn Cường', relationship: 'Con' },
    { full_name: 'Nguyễn Thị Dung', relationship: 'Con' },
  ],
};

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function request(method, path, { body, headers = {}, agent = keepAlive } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch {}
        resolve({ status: res.statusCode, json, text, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (body) req.end(body); else req.end();
  });
}

async function login(username) {
  const r = await request('POST', '/api/v1/auth/login', {
    body: JSON.stringify({ username, password: 'Demo@2017' }), headers: { 'content-type': 'application/json' },
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  const cookie = r.headers['set-cookie'].find((c) => c.startsWith('motcua_session=')).split(';')[0];
  return { cookie, csrf: r.json.csrf_token };
}

function expect(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r;
}

const formText = JSON.stringify(FORM);
let sequence = 0;
async function submitOne(session, n) {
  const json = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };
  const agency = AGENCIES[n % AGENCIES.length];
  const d = expect(await request('POST', '/api/v1/dossiers', { body: JSON.stringify({ procedure: PERMIT, agency }), headers: json }), 201, 'draft');
  expect(await request('PATCH', `/api/v1/dossiers/${d.json.id}`, {
    body: `{"version":${d.json.version},"form_data":${formText}}`, headers: json,
  }), 200, 'save');
  const boundary = `----bench${n}`;
  const multipart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="component"\r\n\r\n1\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="don-de-nghi.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n'),
    Paper(n),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  expect(await request('POST', `/api/v1/dossiers/${d.json.id}/documents`, {
    body: multipart,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': multipart.length, cookie: session.cookie, 'x-csrf-token': session.csrf },
  }), 201, 'paper');
  const s = expect(await request('POST', `/api/v1/dossiers/${d.json.id}/submit`, {
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `bench-${process.pid}-${n}` },
  }), 200, 'submit');
  return { code: s.json.code, secret: s.json.lookup_secret };
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;
}

async function phase(name, seconds, work) {
  const latencies = [];
  const results = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
    while (performance.now() < end) {
      const t = performance.now();
      results.push(await work(w));
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({
    phase: name, count: results.length, seconds: Number(elapsed.toFixed(2)), per_second: Number((results.length / elapsed).toFixed(1)),
    p50_ms: Number(percentile(latencies, 0.5).toFixed(1)), p99_ms: Number(percentile(latencies, 0.99).toFixed(1)), concurrency: CONCURRENCY,
  }));
  return results;
}

// The fixture catalog's permit goes online at wave 2, whose date is a setting.
const admin = await login('admin');
expect(await request('PUT', '/api/v1/admin/settings/wave2_date', {
  body: JSON.stringify({ value: '2017-02-20' }),
  headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
}), 200, 'wave 2 date');
const session = await login('congdan');
await submitOne(session, sequence++);  // warm up: catalog snapshot, prepared statements, libmagic
const submitted = await phase('submit', SECONDS, () => submitOne(session, sequence++));

// Lookups are rate limited per client address (a burst of 20): every client takes its own
// loopback source address (127.0.0.0/8 is all local) for 20 lookups on one kept-alive connection.
let addressCounter = 0;
function nextAddress() {
  const n = addressCounter++;
  return `127.${Math.floor(n / 62500) % 250}.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
}
const clients = Array.from({ length: CONCURRENCY }, () => ({ left: 0, agent: null }));
let lookupIndex = 0;
await phase('lookup', SECONDS, async (w) => {
  const c = clients[w];
  if (c.left === 0) {
    c.agent?.destroy();
    c.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: nextAddress() });
    c.left = 20;
  }
  c.left--;
  const s = submitted[lookupIndex++ % submitted.length];
  return expect(await request('GET', `/api/v1/lookup/${s.code}?secret=${s.secret}`, { agent: c.agent }), 200, 'lookup');
});
for (const c of clients) c.agent?.destroy();
keepAlive.destroy();
