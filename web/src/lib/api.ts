// The JSON API client: same-origin credentials, JSON in and out, the server's error body
// {"error":{"code","message","message_en","fields"}} turned into an ApiError.
// It also carries the session's CSRF token: any answer with a "csrf_token" (login, GET /me) sets
// it, every state-changing request (POST, PUT, PATCH, DELETE) sends it as X-CSRF-Token, and a
// 403 csrf_failed refreshes it from GET /me and tries once more. The session cookie itself is
// HttpOnly: the browser sends it, this code never sees it.
import type { Locale } from '../i18n';

export const API_BASE = '/api/v1';

export interface FieldError {
  code: string;
  message: string;
  message_en: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  message_en: string;
  fields: Record<string, FieldError>;
}

// Codes made on this side when there is no server answer to read.
export const CLIENT_ERROR_CODES = {
  network: 'network',
  badResponse: 'bad_response',
} as const;

export class ApiError extends Error implements ApiErrorBody {
  readonly code: string;
  readonly message_en: string;
  readonly fields: Record<string, FieldError>;
  // HTTP status, or 0 when the request never got an answer.
  readonly status: number;
  // Seconds to wait before trying again (the Retry-After header of a 429), when the server said.
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ApiErrorBody, retryAfter?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.message_en = body.message_en;
    this.fields = body.fields;
    this.retryAfter = retryAfter;
  }

  // The message to show a person in their language.
  messageIn(locale: Locale): string {
    return locale === 'en' && this.message_en ? this.message_en : this.message;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  // A plain value is sent as JSON; FormData (uploads) is sent as multipart as it is.
  body?: unknown;
  // Sent as X-CSRF-Token instead of the token the client holds (rarely needed).
  csrfToken?: string | undefined;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const NETWORK_ERROR: ApiErrorBody = {
  code: CLIENT_ERROR_CODES.network,
  message: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  message_en: 'Could not reach the server. Check your connection and try again.',
  fields: {},
};

function unexpectedError(status: number): ApiErrorBody {
  return {
    code: CLIENT_ERROR_CODES.badResponse,
    message: `Hệ thống gặp lỗi (mã ${status}), vui lòng thử lại sau.`,
    message_en: `Something went wrong on our side (status ${status}); please try again later.`,
    fields: {},
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// Reads {"error":{...}} defensively: a proxy's HTML error page must not crash the caller.
export function parseErrorBody(status: number, payload: unknown): ApiErrorBody {
  const error = isRecord(payload) ? payload['error'] : undefined;
  if (!isRecord(error) || typeof error['code'] !== 'string') return unexpectedError(status);
  const fields: Record<string, FieldError> = {};
  if (isRecord(error['fields'])) {
    for (const [name, value] of Object.entries(error['fields'])) {
      if (isRecord(value)) {
        fields[name] = { code: str(value['code']), message: str(value['message']), message_en: str(value['message_en']) };
      }
    }
  }
  const fallback = unexpectedError(status);
  return {
    code: error['code'],
    message: str(error['message']) || fallback.message,
    message_en: str(error['message_en']) || str(error['message']) || fallback.message_en,
    fields,
  };
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const base = path.startsWith('/api/') || /^https?:/.test(path) ? path : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${base}${base.includes('?') ? '&' : '?'}${text}` : base;
}

// The body as JSON; `empty` when there was no body at all (a 202 or 204 with nothing to say).
async function readJson(response: Response): Promise<{ payload: unknown; empty: boolean }> {
  const text = await response.text();
  if (!text.trim()) return { payload: undefined, empty: true };
  try {
    return { payload: JSON.parse(text) as unknown, empty: false };
  } catch {
    return { payload: undefined, empty: false };
  }
}

// Seconds from a Retry-After header: a number of seconds or an HTTP date.
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The path whose answer carries a fresh CSRF token for the current session.
export const CSRF_REFRESH_PATH = '/me';

export function createApiClient(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  let csrfToken: string | undefined;
  const unauthorizedListeners = new Set<(error: ApiError) => void>();

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return send<T>(path, options, true);
  }

  async function send<T>(path: string, options: RequestOptions, mayRetry: boolean): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body; // the browser sets the multipart boundary
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const changesState = STATE_CHANGING.has(method);
    const sentToken = options.csrfToken ?? (changesState ? csrfToken : undefined);
    if (sentToken) headers['X-CSRF-Token'] = sentToken;

    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
    };
    if (body !== undefined) init.body = body;
    if (options.signal) init.signal = options.signal;

    let response: Response;
    try {
      response = await fetchImpl(buildUrl(path, options.query), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, NETWORK_ERROR);
    }

    const { payload, empty } = await readJson(response);
    if (!response.ok) {
      const error = new ApiError(
        response.status,
        parseErrorBody(response.status, payload),
        parseRetryAfter(response.headers.get('Retry-After')),
      );
      if (error.status === 403 && error.code === 'csrf_failed' && changesState && mayRetry && !options.csrfToken) {
        // The token went stale (a new session in another tab): fetch the current one, try once more.
        const refreshed = await send<unknown>(CSRF_REFRESH_PATH, { signal: options.signal }, false).then(
          () => true,
          () => false,
        );
        if (refreshed && csrfToken && csrfToken !== sentToken) return send<T>(path, options, false);
      }
      if (error.status === 401 && error.code === 'unauthorized') {
        for (const listener of [...unauthorizedListeners]) listener(error);
      }
      throw error;
    }
    if (isRecord(payload) && typeof payload['csrf_token'] === 'string' && payload['csrf_token']) {
      csrfToken = payload['csrf_token'];
    }
    if (payload === undefined && !empty) {
      // A 200 whose body is not JSON is a wrong route (e.g. the HTML fallback), not data.
      throw new ApiError(response.status, unexpectedError(response.status));
    }
    return payload as T;
  }

  return {
    request,
    // The CSRF token of the current session (undefined when signed out).
    csrfToken: () => csrfToken,
    setCsrfToken: (token: string | undefined) => {
      csrfToken = token || undefined;
    },
    // Called when the server answers 401 unauthorized (the session ended); returns an unsubscribe.
    onUnauthorized: (listener: (error: ApiError) => void) => {
      unauthorizedListeners.add(listener);
      return () => {
        unauthorizedListeners.delete(listener);
      };
    },
    get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request<T>(path, { ...options, method: 'GET' }),
    post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request<T>(path, { ...options, method: 'POST', body }),
    put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request<T>(path, { ...options, method: 'PUT', body }),
    patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request<T>(path, { ...options, method: 'PATCH', body }),
    delete: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request<T>(path, { ...options, method: 'DELETE' }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

// The client the pages use.
export const api: ApiClient = createApiClient();
