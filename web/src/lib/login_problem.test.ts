import { describe, expect, it } from 'vitest';
import { loginProblem } from './login_problem';

describe('loginProblem', () => {
  it('puts wrong credentials on the password field', () => {
    expect(loginProblem({ status: 401, code: 'invalid_credentials', retryAfter: undefined })).toEqual({
      message: 'login.invalid',
      field: 'password',
    });
  });

  it('says how many seconds to wait when throttled, or "a few minutes" when the server did not say', () => {
    expect(loginProblem({ status: 429, code: 'too_many_requests', retryAfter: 30 })).toEqual({
      message: 'login.throttled',
      params: { n: 30 },
    });
    expect(loginProblem({ status: 429, code: 'too_many_requests', retryAfter: undefined })).toEqual({
      message: 'login.throttled_later',
    });
  });

  it('explains an unverified or locked account', () => {
    expect(loginProblem({ status: 403, code: 'account_not_verified', retryAfter: undefined }).message).toBe('login.unverified');
    expect(loginProblem({ status: 403, code: 'email_not_verified', retryAfter: undefined }).message).toBe('login.unverified');
    expect(loginProblem({ status: 403, code: 'account_locked', retryAfter: undefined }).message).toBe('login.locked');
  });

  it('leaves anything else to the server message', () => {
    expect(loginProblem({ status: 500, code: 'internal', retryAfter: undefined })).toEqual({});
    expect(loginProblem({ status: 422, code: 'validation_failed', retryAfter: undefined })).toEqual({});
  });
});
