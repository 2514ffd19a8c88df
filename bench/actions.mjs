// Actions/s: badinh.motcua receives submitted dossiers of Ba Đình through
// POST /api/v1/dossiers/{id}/actions/receive, 16 at a time. Usage: node bench/actions.mjs URL COUNT
const [base, countArg] = process.argv.slice(2);
const count = Number(countArg || 2000);
const CONCURRENCY = 16;

async function login(username) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2017' }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('motcua_session=')).split(';')[0];
  return { cookie, csrf: (await r.json()).csrf_token };
}

const s = await login('badinh.motcua');
const ids = [];
for (let page = 1; ids.length < count; page++) {
  const r = await fetch(`${base}/api/v1/inbox?status=submitted&per_page=100&page=${page}`, { headers: { cookie: s.cookie } });
  const j = await r.json();
  if (!j.items?.length) break;
  ids.push(...j.items.map((d) => d.id));
}
ids.length = Math.min(ids.length, count);
let ok = 0, failed = 0, next = 0;
const started = performance.now();
async function worker() {
  while (next < ids.length) {
    const id = ids[next++];
    const r = await fetch(`${base}/api/v1/dossiers/${id}/actions/receive`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1 }),
    });
    await r.arrayBuffer();
    if (r.status === 200) ok++; else failed++;
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - started) / 1000;
console.log(`  actions: ${ok} receive in ${seconds.toFixed(1)} s = ${(ok / seconds).toFixed(0)} actions/s (${failed} refused)`);
