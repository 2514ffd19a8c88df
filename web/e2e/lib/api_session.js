// One user's session through the API for browser tests that prepare data without the browser:
// the session cookie and the CSRF token, kept between requests. (workspace.test.mjs has its own
// copy of the same class.)

export class ApiSession {
  /** @param {string} base */
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {Record<string, string>} [headers]
   */
  async req(method, path, body, headers = {}) {
    /** @type {Record<string, string>} */
    const h = { Accept: 'application/json', ...headers };
    /** @type {BodyInit | undefined} */
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (this.cookie) h['Cookie'] = `motcua_session=${this.cookie}`;
    if (this.csrf && method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const set = r.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
    if (set) this.cookie = set.slice('motcua_session='.length).split(';')[0] ?? '';
    const text = await r.text();
    /** @type {any} */
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (json && typeof json.csrf_token === 'string') this.csrf = json.csrf_token;
    return { status: r.status, json, text };
  }
}

/** A small PDF that libmagic reads as application/pdf. */
export function tinyPdf() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
}
