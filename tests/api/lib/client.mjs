// A browser-like API client for black-box tests: keeps the session cookie and sends the CSRF token
// on state changes.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
  }
  async req(method, path, body, { csrf = true, headers = {} } = {}) {
    const h = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = `motcua_session=${this.cookie}`;
    if (csrf && this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
    if (setCookie) {
      const value = setCookie.slice('motcua_session='.length).split(';')[0];
      this.cookie = /Max-Age=0/.test(setCookie) ? null : value;
    }
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch {}
    return { status: r.status, json, text, headers: r.headers, setCookie };
  }
  async login(username, password = 'Demo@2017') {
    const r = await this.req('POST', '/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }
}
