import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, createApiClient, parseErrorBody, parseRetryAfter, type FetchLike } from './api';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return response();
  };
  return { calls, client: createApiClient(fetchImpl) };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function header(call: Call | undefined, name: string): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.[name];
}

describe('buildUrl', () => {
  it('prefixes the API base', () => {
    expect(buildUrl('/site')).toBe('/api/v1/site');
    expect(buildUrl('site')).toBe('/api/v1/site');
    expect(buildUrl('/api/v1/site')).toBe('/api/v1/site');
  });

  it('adds query parameters, skipping empty ones', () => {
    expect(buildUrl('/procedures', { q: 'giấy phép', page: 2, level: undefined, x: null })).toBe(
      '/api/v1/procedures?q=gi%E1%BA%A5y+ph%C3%A9p&page=2',
    );
    expect(buildUrl('/procedures', {})).toBe('/api/v1/procedures');
  });
});

describe('api client', () => {
  it('GETs JSON with same-origin credentials', async () => {
    const { calls, client } = fakeFetch(() => json(200, { city_name: 'Thành phố Hà Nội' }));
    const data = await client.get<{ city_name: string }>('/site');
    expect(data.city_name).toBe('Thành phố Hà Nội');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/v1/site');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'Accept')).toBe('application/json');
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('POSTs a JSON body with the CSRF token when given one', async () => {
    const { calls, client } = fakeFetch(() => json(201, { id: 7 }));
    const data = await client.post<{ id: number }>('/dossiers', { procedure: 'P1' }, { csrfToken: 'tok-123' });
    expect(data.id).toBe(7);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"procedure":"P1"}');
    expect(header(calls[0], 'Content-Type')).toBe('application/json');
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok-123');
  });

  it('sends FormData as it is, letting the browser set the content type', async () => {
    const { calls, client } = fakeFetch(() => json(200, {}));
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.pdf');
    await client.post('/uploads', form, { csrfToken: 't' });
    expect(calls[0]?.init.body).toBe(form);
    expect(header(calls[0], 'Content-Type')).toBeUndefined();
  });

  it('returns undefined for 204 No Content', async () => {
    const { client } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(client.delete('/sessions/current', { csrfToken: 't' })).resolves.toBeUndefined();
  });

  it('turns the server error body into an ApiError', async () => {
    const { client } = fakeFetch(() =>
      json(422, {
        error: {
          code: 'validation_failed',
          message: 'Dữ liệu không hợp lệ.',
          message_en: 'The data is not valid.',
          fields: {
            phone: { code: 'invalid_format', message: 'Số điện thoại không đúng.', message_en: 'Wrong phone number.' },
          },
        },
      }),
    );
    const error = await client.post('/dossiers', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.message).toBe('Dữ liệu không hợp lệ.');
    expect(apiError.message_en).toBe('The data is not valid.');
    expect(apiError.fields['phone']?.code).toBe('invalid_format');
    expect(apiError.fields['phone']?.message_en).toBe('Wrong phone number.');
    expect(apiError.messageIn('vi')).toBe('Dữ liệu không hợp lệ.');
    expect(apiError.messageIn('en')).toBe('The data is not valid.');
  });

  it('copes with an error that is not the server JSON shape', async () => {
    const { client } = fakeFetch(
      () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = (await client.get('/site').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('502');
    expect(error.fields).toEqual({});
  });

  it('rejects an HTML answer to a successful API call', async () => {
    const { client } = fakeFetch(
      () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = (await client.get('/site').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('bad_response');
  });

  it('reports a network failure as code "network" with status 0', async () => {
    const { client } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await client.get('/site').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
    expect(error.messageIn('en')).toMatch(/server/);
  });

  it('lets an abort through unchanged', async () => {
    const { client } = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const error = await client.get('/site').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });
});

describe('parseErrorBody', () => {
  it('falls back to the Vietnamese message when English is missing', () => {
    const body = parseErrorBody(404, { error: { code: 'not_found', message: 'Không tìm thấy.' } });
    expect(body.message_en).toBe('Không tìm thấy.');
  });

  it('ignores malformed field entries', () => {
    const body = parseErrorBody(400, { error: { code: 'bad_request', message: 'x', fields: { a: 'oops', b: {} } } });
    expect(Object.keys(body.fields)).toEqual(['b']);
    expect(body.fields['b']).toEqual({ code: '', message: '', message_en: '' });
  });

  it('treats a missing error object as a bad response', () => {
    expect(parseErrorBody(500, null).code).toBe('bad_response');
    expect(parseErrorBody(500, { error: 'boom' }).code).toBe('bad_response');
  });
});

describe('CSRF token carried by the client', () => {
  // A scripted server: each call gets the next answer.
  function scripted(...answers: Array<() => Response>) {
    const calls: Call[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new Error(`unexpected request ${init.method} ${url}`);
      return next();
    };
    return { calls, client: createApiClient(fetchImpl) };
  }

  it('remembers the token of a login answer and sends it on state-changing requests only', async () => {
    const { calls, client } = scripted(
      () => json(200, { user: { id: 1 }, csrf_token: 'csrf-1' }),
      () => json(200, { items: [] }),
      () => json(201, { id: 2 }),
      () => json(200, {}),
      () => json(200, {}),
      () => new Response(null, { status: 204 }),
    );
    await client.post('/auth/login', { username: 'congdan', password: 'x' });
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined(); // nothing to send yet
    expect(client.csrfToken()).toBe('csrf-1');

    await client.get('/agencies/A/officers');
    expect(header(calls[1], 'X-CSRF-Token')).toBeUndefined();
    await client.post('/agencies/A/officers', {});
    await client.patch('/officers/2', { version: 1 });
    await client.put('/things/1', {});
    await client.delete('/tokens/3');
    for (const call of calls.slice(2)) expect(header(call, 'X-CSRF-Token')).toBe('csrf-1');
  });

  it('takes a fresh token from GET /me and forgets it when told', async () => {
    const { calls, client } = scripted(
      () => json(200, { user: { id: 1 }, csrf_token: 'from-me' }),
      () => new Response(null, { status: 204 }),
      () => json(200, {}),
    );
    await client.get('/me');
    await client.post('/auth/logout');
    expect(header(calls[1], 'X-CSRF-Token')).toBe('from-me');
    client.setCsrfToken(undefined);
    await client.post('/auth/login', {});
    expect(header(calls[2], 'X-CSRF-Token')).toBeUndefined();
  });

  it('an explicit token wins over the remembered one', async () => {
    const { calls, client } = scripted(() => json(200, {}));
    client.setCsrfToken('remembered');
    await client.post('/x', {}, { csrfToken: 'explicit' });
    expect(header(calls[0], 'X-CSRF-Token')).toBe('explicit');
  });

  it('on 403 csrf_failed refreshes the token from /me and tries once more', async () => {
    const csrfFailed = () =>
      json(403, { error: { code: 'csrf_failed', message: 'Phiên không hợp lệ.', message_en: 'Bad token.' } });
    const { calls, client } = scripted(
      csrfFailed,
      () => json(200, { user: { id: 1 }, csrf_token: 'new' }),
      () => json(201, { id: 9 }),
    );
    client.setCsrfToken('stale');
    const answer = await client.post<{ id: number }>('/agencies/A/tokens', { name: 'x' });
    expect(answer.id).toBe(9);
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/v1/agencies/A/tokens',
      'GET /api/v1/me',
      'POST /api/v1/agencies/A/tokens',
    ]);
    expect(header(calls[0], 'X-CSRF-Token')).toBe('stale');
    expect(header(calls[2], 'X-CSRF-Token')).toBe('new');
  });

  it('gives up after one retry, and when /me brings no new token', async () => {
    const csrfFailed = () => json(403, { error: { code: 'csrf_failed', message: 'x' } });
    const twice = scripted(csrfFailed, () => json(200, { csrf_token: 'new' }), csrfFailed);
    twice.client.setCsrfToken('stale');
    const error = (await twice.client.post('/x', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('csrf_failed');
    expect(twice.calls).toHaveLength(3);

    const same = scripted(csrfFailed, () => json(200, { csrf_token: 'stale' }));
    same.client.setCsrfToken('stale');
    expect(((await same.client.post('/x', {}).catch((e: unknown) => e)) as ApiError).code).toBe('csrf_failed');
    expect(same.calls).toHaveLength(2);

    // A plain 403 forbidden is an answer, not a stale token: no retry.
    const forbidden = scripted(() => json(403, { error: { code: 'forbidden', message: 'x' } }));
    forbidden.client.setCsrfToken('t');
    expect(((await forbidden.client.post('/x', {}).catch((e: unknown) => e)) as ApiError).code).toBe('forbidden');
    expect(forbidden.calls).toHaveLength(1);
  });

  it('tells listeners about 401 unauthorized, not about wrong credentials', async () => {
    const { client } = scripted(
      () => json(401, { error: { code: 'invalid_credentials', message: 'x' } }),
      () => json(401, { error: { code: 'unauthorized', message: 'x' } }),
    );
    const seen: string[] = [];
    const stop = client.onUnauthorized((e) => seen.push(e.code));
    await client.post('/auth/login', {}).catch(() => undefined);
    await client.get('/me').catch(() => undefined);
    stop();
    expect(seen).toEqual(['unauthorized']);
  });

  it('reads Retry-After of a 429 as seconds', async () => {
    const { client } = scripted(
      () =>
        new Response(JSON.stringify({ error: { code: 'too_many_requests', message: 'x' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '42' },
        }),
    );
    const error = (await client.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(42);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2017-03-20T10:00:00Z');
    expect(parseRetryAfter('Mon, 20 Mar 2017 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Mon, 20 Mar 2017 09:00:00 GMT', now)).toBe(0);
  });
});

describe('answers without a body', () => {
  it('accepts an empty 202 Accepted (password reset requested)', async () => {
    const { client } = fakeFetch(() => new Response(null, { status: 202 }));
    await expect(client.post('/auth/password-reset', { email: 'a@b.vn' })).resolves.toBeUndefined();
  });

  it('still rejects a non-JSON body on success', async () => {
    const { client } = fakeFetch(() => new Response('not json', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(((await client.get('/site').catch((e: unknown) => e)) as ApiError).code).toBe('bad_response');
  });
});
