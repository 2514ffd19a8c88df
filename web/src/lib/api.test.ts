import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, createApiClient, parseErrorBody, type FetchLike } from './api';

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
