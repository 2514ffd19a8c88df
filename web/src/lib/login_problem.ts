// What to tell a person whose sign-in failed, from the server's error: wrong credentials (on the
// password field), throttling with the seconds to wait, an account not verified yet or locked.
import type { MessageKey } from '../i18n';
import type { ApiError } from './api';

// Codes the server may use for an account that exists but cannot sign in yet or any more.
const UNVERIFIED_CODES = new Set(['account_not_verified', 'email_not_verified', 'not_verified', 'account_pending']);
const LOCKED_CODES = new Set(['account_locked', 'locked']);

// What to say about a failed login: a message for the whole form and/or field errors.
export interface LoginProblem {
  message?: MessageKey;
  params?: Record<string, number>;
  // The field the message belongs on; none: a message for the whole form.
  field?: 'password';
}

// Empty when the error is none of these: show the server's own message (or its field errors).
export function loginProblem(error: Pick<ApiError, 'status' | 'code' | 'retryAfter'>): LoginProblem {
  if (error.code === 'invalid_credentials') return { message: 'login.invalid', field: 'password' };
  if (error.status === 429 || error.code === 'too_many_requests') {
    return error.retryAfter !== undefined && error.retryAfter > 0
      ? { message: 'login.throttled', params: { n: error.retryAfter } }
      : { message: 'login.throttled_later' };
  }
  if (UNVERIFIED_CODES.has(error.code)) return { message: 'login.unverified' };
  if (LOCKED_CODES.has(error.code)) return { message: 'login.locked' };
  return {};
}

