// Accounts for the stand-in server, in memory: the demo users of `motcua demo` (password
// Demo@2017), sessions in an HttpOnly `motcua_session` cookie with a CSRF token, registration and
// e-mail verification, login throttling, password change and reset, the officers and API tokens
// of an agency — in the shapes and with the status codes of the /api/v1 accounts contract.
// Each server gets its own store (createAccounts()), so test files do not see each other's changes.
import { randomBytes } from 'node:crypto';
import { AGENCIES, UNITS } from './fixtures.js';

export const DEMO_PASSWORD = 'Demo@2017';
export const SESSION_COOKIE = 'motcua_session';

/** @typedef {{status: number, body?: unknown, headers?: Record<string, string | string[]>}} Answer */
/** @typedef {{role: string, agency: string, unit: string}} Grant */
/**
 * @typedef {object} Account
 * @property {number} id
 * @property {string} username
 * @property {string} password
 * @property {'citizen'|'business'|'officer'} kind
 * @property {string} full_name
 * @property {string} email
 * @property {string} phone
 * @property {string} address
 * @property {'pending'|'active'|'locked'} status
 * @property {string} agency
 * @property {string} unit
 * @property {Grant[]} roles
 * @property {number} version
 * @property {Record<string, string>} [extra]
 */

export const ROLES = [
  { role: 'one_stop_officer', label: 'Cán bộ một cửa', label_en: 'One-stop officer' },
  { role: 'specialist', label: 'Chuyên viên thụ lý', label_en: 'Handling specialist' },
  { role: 'unit_head', label: 'Lãnh đạo phòng', label_en: 'Head of division' },
  { role: 'agency_leader', label: 'Lãnh đạo cơ quan', label_en: 'Agency leader' },
  { role: 'clerk', label: 'Văn thư', label_en: 'Clerk' },
  { role: 'agency_it', label: 'Cán bộ CNTT của cơ quan', label_en: 'Agency IT officer' },
  { role: 'city_admin', label: 'Quản trị hệ thống', label_en: 'System administrator' },
  { role: 'auditor', label: 'Thanh tra', label_en: 'Inspector' },
];
const UNIT_SCOPED = new Set(['specialist', 'unit_head']);

/** @param {string} code @param {string} vi @param {string} en @param {Record<string, {code: string, message: string, message_en: string}>} [fields] */
const error = (code, vi, en, fields = {}) => ({ error: { code, message: vi, message_en: en, fields } });
/** @param {string} code @param {string} vi @param {string} en */
const field = (code, vi, en) => ({ code, message: vi, message_en: en });

const UNAUTHORIZED = { status: 401, body: error('unauthorized', 'Bạn cần đăng nhập.', 'You need to sign in.') };
const FORBIDDEN = {
  status: 403,
  body: error('forbidden', 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
};
const CSRF_FAILED = {
  status: 403,
  body: error('csrf_failed', 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.', 'Invalid CSRF token; reload the page.'),
};
const NOT_FOUND = { status: 404, body: error('not_found', 'Không tìm thấy.', 'Not found.') };

/** @param {string} code */
const agencyOf = (code) => AGENCIES.find((a) => a.code === code);
/** @param {string} code */
const unitsOf = (code) => {
  const agency = agencyOf(code);
  return agency ? UNITS[/** @type {keyof typeof UNITS} */ (agency.tier)] ?? [] : [];
};
/** @param {string} agency @param {string} key */
const unitRef = (agency, key) => {
  const unit = unitsOf(agency).find((u) => u.key === key);
  return unit ? { key: unit.key, name: unit.name } : null;
};
/** @param {string} code */
const agencyRef = (code) => {
  const agency = agencyOf(code);
  return agency ? { code: agency.code, name: agency.name, name_en: agency.name_en } : null;
};
/** @param {string} role */
const roleInfo = (role) => ROLES.find((r) => r.role === role) ?? { role, label: role, label_en: role };

// ---- field checks (as core/access/credentials) ----

/** @param {string} s */
const isUsername = (s) => /^[a-z0-9][a-z0-9._-]{2,49}$/.test(s.trim().toLowerCase());
/** @param {string} s */
const isEmail = (s) => /^[^\s@]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s.trim());
/** @param {string} s */
const isPhone = (s) => {
  let d = s.trim().replace(/[ .\-()]/g, '');
  if (d.startsWith('+84')) d = `0${d.slice(3)}`;
  return /^0[35789]\d{8}$/.test(d) || /^02\d{9}$/.test(d);
};
/** @param {string} s */
const isCitizenId = (s) => /^\d{12}$/.test(s.replace(/ /g, '')) && Number(s.slice(0, 3)) >= 1 && Number(s.slice(0, 3)) <= 96;
/** @param {string} s */
const isTaxCode = (s) => /^(\d{10}|\d{13}|\d{10}-\d{3})$/.test(s.replace(/ /g, ''));
const COMMON = new Set(['12345678', '123456789', 'password', 'matkhau123', 'qwertyui', 'iloveyou', '11111111']);
/** @param {string} password @param {string} username */
function passwordError(password, username = '') {
  const n = [...password].length;
  if (n < 8) return field('too_short', 'Mật khẩu phải có ít nhất 8 ký tự.', 'The password must have at least 8 characters.');
  if (n > 128) return field('too_long', 'Mật khẩu dài tối đa 128 ký tự.', 'The password may have at most 128 characters.');
  if (COMMON.has(password.toLowerCase())) {
    return field(
      'too_common',
      'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.',
      'This password is too common and easy to guess; choose another one.',
    );
  }
  if (username && password.toLowerCase() === username.toLowerCase()) {
    return field(
      'like_username',
      'Mật khẩu không được trùng tên đăng nhập hoặc thư điện tử.',
      'The password must not be the user name or the e-mail address.',
    );
  }
  return null;
}
const REQUIRED = () => field('required', 'Thông tin này là bắt buộc.', 'This is required.');

/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : '');

// ---- the demo users ----

/** @returns {Account[]} */
function demoAccounts() {
  /** @type {Account[]} */
  const list = [];
  let id = 1;
  /** @param {Partial<Account> & {username: string, full_name: string, kind: Account['kind']}} a */
  const add = (a) =>
    list.push({
      id: id++,
      password: DEMO_PASSWORD,
      email: `${a.username}@demo.motcua.vn`,
      phone: '0912345678',
      address: 'Hà Nội',
      status: 'active',
      agency: '',
      unit: '',
      roles: [],
      version: 1,
      ...a,
    });
  add({ username: 'admin', full_name: 'Quản trị hệ thống', kind: 'officer', roles: [{ role: 'city_admin', agency: '', unit: '' }] });
  add({
    username: 'congdan',
    full_name: 'Nguyễn Văn An',
    kind: 'citizen',
    email: 'congdan@demo.motcua.vn',
    address: '25 Liễu Giai, Ba Đình, Hà Nội',
    extra: { id_number: '001085012345', date_of_birth: '1985-03-27' },
  });
  add({
    username: 'doanhnghiep',
    full_name: 'Công ty TNHH Ánh Dương',
    kind: 'business',
    email: 'doanhnghiep@demo.motcua.vn',
    extra: { tax_code: '0101234567', representative: 'Trần Thị Bình' },
  });
  const people = [
    ['motcua', 'one_stop_officer', 'one', 'Phạm Thu Hà'],
    ['chuyenvien', 'specialist', 'expert', 'Lê Minh Tuấn'],
    ['truongphong', 'unit_head', 'expert', 'Hoàng Văn Nam'],
    ['lanhdao', 'agency_leader', 'none', 'Đỗ Quang Huy'],
    ['vanthu', 'clerk', 'office', 'Vũ Thị Lan'],
    ['cntt', 'agency_it', 'none', 'Ngô Đức Thắng'],
  ];
  /** @type {Array<[string, string, Record<string, string>]>} */
  const agencies = [
    ['badinh', '000.00.19.H26', { one: 'vp', expert: 'qldt', office: 'vp' }],
    ['hoankiem', '000.00.20.H26', { one: 'vp', expert: 'qldt', office: 'vp' }],
    ['soct', '000.00.01.H26', { one: 'one-stop', expert: 'chuyen-mon', office: 'one-stop' }],
  ];
  for (const [prefix, agency, units] of agencies) {
    for (const [suffix, role, unitKind, name] of people) {
      const unit = units[/** @type {string} */ (unitKind)] ?? '';
      add({
        username: `${prefix}.${suffix}`,
        full_name: /** @type {string} */ (name),
        kind: 'officer',
        agency,
        unit,
        roles: [{ role: /** @type {string} */ (role), agency, unit: UNIT_SCOPED.has(/** @type {string} */ (role)) ? unit : '' }],
      });
    }
  }
  add({
    username: 'badinh.vhtt',
    full_name: 'Bùi Thị Mai',
    kind: 'officer',
    agency: '000.00.19.H26',
    unit: 'vhtt',
    roles: [{ role: 'specialist', agency: '000.00.19.H26', unit: 'vhtt' }],
  });
  return list;
}

/** @param {Account} a */
function userView(a) {
  return {
    id: a.id,
    username: a.username,
    kind: a.kind,
    full_name: a.full_name,
    email: a.email,
    phone: a.phone,
    agency: a.agency ? agencyRef(a.agency) : null,
    unit: a.agency && a.unit ? unitRef(a.agency, a.unit) : null,
    roles: a.roles.map((g) => ({
      role: g.role,
      label: roleInfo(g.role).label,
      label_en: roleInfo(g.role).label_en,
      agency: g.agency ? agencyRef(g.agency) : null,
      unit: g.agency && g.unit ? unitRef(g.agency, g.unit) : null,
    })),
  };
}

/** @param {Account} a */
function officerView(a) {
  return {
    id: a.id,
    username: a.username,
    full_name: a.full_name,
    email: a.email,
    phone: a.phone,
    kind: a.kind,
    agency: agencyRef(a.agency),
    unit: a.unit ? unitRef(a.agency, a.unit) : null,
    roles: a.roles.map((g) => ({
      role: g.role,
      label: roleInfo(g.role).label,
      agency: agencyRef(g.agency),
      unit: g.unit ? unitRef(g.agency, g.unit) : null,
    })),
    status: a.status === 'locked' ? 'locked' : 'active',
    version: a.version,
  };
}

const token = () => randomBytes(24).toString('base64url');

/** @param {string | undefined} header */
function cookieValue(header, name = SESSION_COOKIE) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createAccounts() {
  const accounts = demoAccounts();
  let nextId = accounts.length + 1;
  /** @type {Map<string, {userId: number, csrf: string}>} */
  const sessions = new Map();
  /** @type {Map<string, {userId: number, purpose: 'verify' | 'reset'}>} */
  const mailTokens = new Map();
  /** @type {Map<string, {failures: number, lockedUntil: number}>} */
  const throttle = new Map();
  /** @type {Array<{id: number, name: string, agency: string, roles: string[], created_at: string, revoked: boolean}>} */
  const apiTokens = [];
  let nextTokenId = 1;
  /** The last links "mailed" (for tests of the stand-in): purpose → token. */
  const mailbox = /** @type {Record<string, string>} */ ({});

  /** @param {string} login */
  const find = (login) => {
    const s = login.trim().toLowerCase();
    return accounts.find((a) => a.username === s || a.email.toLowerCase() === s);
  };

  /** @param {number} userId */
  function startSession(userId) {
    const value = token();
    const csrf = token();
    sessions.set(value, { userId, csrf });
    return { value, csrf };
  }

  /** @param {string} value */
  const sessionCookie = (value) => `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`;
  const clearCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

  /** @param {number} userId */
  const revokeAll = (userId) => {
    for (const [key, s] of sessions) if (s.userId === userId) sessions.delete(key);
  };

  /** @param {Account} who @param {string} agency */
  const canManage = (who, agency) =>
    who.roles.some((g) => g.role === 'city_admin' || (g.role === 'agency_it' && g.agency === agency));

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {string} path
   * @param {unknown} body parsed JSON body (undefined for none)
   * @returns {Answer | null} null when the path is not an accounts endpoint
   */
  function answer(req, path, body) {
    const method = req.method ?? 'GET';
    const data = /** @type {Record<string, unknown>} */ (body && typeof body === 'object' ? body : {});
    const cookie = cookieValue(req.headers.cookie);
    const current = cookie ? sessions.get(cookie) : undefined;
    const me = current ? accounts.find((a) => a.id === current.userId && a.status === 'active') : undefined;
    const csrfOk = () => !!current && req.headers['x-csrf-token'] === current.csrf;
    // Endpoints that need a signed-in person and, when they change state, the CSRF token.
    /** @param {(me: Account) => Answer} handler */
    const signedIn = (handler) => {
      if (!me || !current) return UNAUTHORIZED;
      if (method !== 'GET' && !csrfOk()) return CSRF_FAILED;
      return handler(me);
    };

    if (path === '/api/v1/roles' && method === 'GET') {
      return { status: 200, body: ROLES.map(({ role, label }) => ({ role, label })) };
    }

    if (path === '/api/v1/me' && method === 'GET') {
      if (!me || !current) return UNAUTHORIZED;
      return { status: 200, body: { user: userView(me), csrf_token: current.csrf } };
    }

    if (path === '/api/v1/auth/login' && method === 'POST') {
      const login = str(data['username']).trim().toLowerCase();
      const password = str(data['password']);
      const key = `login:${login}`;
      const state = throttle.get(key) ?? { failures: 0, lockedUntil: 0 };
      const now = Date.now();
      if (state.lockedUntil > now) {
        const seconds = Math.ceil((state.lockedUntil - now) / 1000);
        return {
          status: 429,
          headers: { 'Retry-After': String(seconds) },
          body: error(
            'too_many_requests',
            `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
            `Too many failed sign-ins. Try again in ${seconds} seconds.`,
          ),
        };
      }
      const account = find(login);
      if (!account || account.password !== password) {
        state.failures += 1;
        throttle.set(key, state);
        if (state.failures >= 5) {
          // Like the server: the failure that reaches the threshold is already answered with 429.
          state.lockedUntil = now + 30000;
          state.failures = 0;
          return {
            status: 429,
            headers: { 'Retry-After': '30' },
            body: error(
              'too_many_requests',
              'Tài khoản này tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 30 giây.',
              'This account is temporarily locked after too many failed sign-ins. Try again in 30 seconds.',
            ),
          };
        }
        return {
          status: 401,
          body: error(
            'invalid_credentials',
            'Tên đăng nhập hoặc mật khẩu không đúng.',
            'The user name or password is not right.',
          ),
        };
      }
      throttle.delete(key);
      if (account.status === 'pending') {
        // Like the server: an account not verified yet is not told apart from wrong credentials.
        return {
          status: 401,
          body: error('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'The user name or password is incorrect.'),
        };
      }
      if (account.status === 'locked') {
        return { status: 403, body: error('account_locked', 'Tài khoản đang bị khóa.', 'The account is locked.') };
      }
      if (cookie) sessions.delete(cookie);
      const s = startSession(account.id);
      return {
        status: 200,
        headers: { 'Set-Cookie': sessionCookie(s.value) },
        body: { user: userView(account), csrf_token: s.csrf },
      };
    }

    if (path === '/api/v1/auth/logout' && method === 'POST') {
      return signedIn(() => {
        if (cookie) sessions.delete(cookie);
        return { status: 204, headers: { 'Set-Cookie': clearCookie } };
      });
    }
    if (path === '/api/v1/auth/logout-all' && method === 'POST') {
      return signedIn((who) => {
        revokeAll(who.id);
        return { status: 204, headers: { 'Set-Cookie': clearCookie } };
      });
    }

    if (path === '/api/v1/auth/register' && method === 'POST') return register(data);

    if (path === '/api/v1/auth/verify' && method === 'POST') {
      const entry = mailTokens.get(str(data['token']));
      const account = entry?.purpose === 'verify' ? accounts.find((a) => a.id === entry.userId) : undefined;
      if (!entry || !account) {
        return {
          status: 422,
          body: error(
            'invalid_token',
            'Đường liên kết xác thực không đúng, đã hết hạn hoặc đã được dùng.',
            'The verification link is wrong, expired or already used.',
          ),
        };
      }
      mailTokens.delete(str(data['token']));
      account.status = 'active';
      return { status: 200, body: { user: userView(account) } };
    }

    if (path === '/api/v1/auth/password' && method === 'POST') {
      return signedIn((who) => {
        /** @type {Record<string, ReturnType<typeof field>>} */
        const fields = {};
        if (str(data['current_password']) !== who.password) {
          fields['current_password'] = field('wrong_password', 'Mật khẩu hiện tại không đúng.', 'The current password is not right.');
        }
        const problem = passwordError(str(data['new_password']), who.username);
        if (problem) fields['new_password'] = problem;
        if (Object.keys(fields).length) {
          return { status: 422, body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', fields) };
        }
        who.password = str(data['new_password']);
        for (const [key, s] of sessions) if (s.userId === who.id && key !== cookie) sessions.delete(key);
        return { status: 204 };
      });
    }

    if (path === '/api/v1/auth/password-reset' && method === 'POST') {
      const account = accounts.find((a) => a.email.toLowerCase() === str(data['email']).trim().toLowerCase());
      if (account) {
        const t = token();
        mailTokens.set(t, { userId: account.id, purpose: 'reset' });
        mailbox['reset'] = t;
      }
      return { status: 202 };
    }
    if (path === '/api/v1/auth/password-reset/confirm' && method === 'POST') {
      const entry = mailTokens.get(str(data['token']));
      const account = entry?.purpose === 'reset' ? accounts.find((a) => a.id === entry.userId) : undefined;
      if (!entry || !account) {
        return {
          status: 422,
          body: error(
            'invalid_token',
            'Đường liên kết đặt lại mật khẩu không đúng, đã hết hạn hoặc đã được dùng.',
            'The reset link is wrong, expired or already used.',
          ),
        };
      }
      const problem = passwordError(str(data['new_password']), account.username);
      if (problem) {
        return {
          status: 422,
          body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', { new_password: problem }),
        };
      }
      mailTokens.delete(str(data['token']));
      account.password = str(data['new_password']);
      revokeAll(account.id);
      return { status: 204 };
    }

    // ---- officers and tokens of an agency ----
    const agencyPath = /^\/api\/v1\/agencies\/([^/]+)\/(officers|tokens)$/.exec(path);
    if (agencyPath) {
      const code = /** @type {string} */ (agencyPath[1]);
      const what = agencyPath[2];
      if (method !== 'GET' && method !== 'POST') return null;
      return signedIn((who) => {
        if (!agencyOf(code)) return NOT_FOUND;
        if (!canManage(who, code)) return FORBIDDEN;
        if (what === 'officers') return method === 'GET' ? listOfficers(code) : createOfficer(who, code, data);
        return method === 'GET' ? listTokens(code) : createToken(code, data);
      });
    }
    const officerPath = /^\/api\/v1\/officers\/(\d+)$/.exec(path);
    if (officerPath && method === 'PATCH') {
      return signedIn((who) => {
        const target = accounts.find((a) => a.id === Number(officerPath[1]) && a.kind === 'officer');
        if (!target) return NOT_FOUND;
        if (!canManage(who, target.agency)) return FORBIDDEN;
        return updateOfficer(who, target, data);
      });
    }
    const tokenPath = /^\/api\/v1\/tokens\/(\d+)$/.exec(path);
    if (tokenPath && method === 'DELETE') {
      return signedIn((who) => {
        const target = apiTokens.find((t) => t.id === Number(tokenPath[1]) && !t.revoked);
        if (!target) return NOT_FOUND;
        if (!canManage(who, target.agency)) return FORBIDDEN;
        target.revoked = true;
        return { status: 204 };
      });
    }
    return null;
  }

  /** @param {Record<string, unknown>} data @returns {Answer} */
  function register(data) {
    const kind = str(data['kind']);
    /** @type {Record<string, ReturnType<typeof field>>} */
    const fields = {};
    const need = /** @param {string} name @param {(v: string) => boolean} [ok] @param {ReturnType<typeof field>} [bad] */ (
      name,
      ok,
      bad,
    ) => {
      const v = str(data[name]).trim();
      if (!v) fields[name] = REQUIRED();
      else if (ok && !ok(v) && bad) fields[name] = bad;
    };
    if (kind !== 'citizen' && kind !== 'business') {
      fields['kind'] = field('invalid', 'Chọn công dân hoặc doanh nghiệp.', 'Choose citizen or business.');
    }
    need('username', isUsername, field('invalid_username', 'Tên đăng nhập không hợp lệ.', 'The user name is not valid.'));
    need('full_name', (v) => [...v].length >= 2 && [...v].length <= 200, field('invalid_format', 'Họ tên (tên doanh nghiệp) dài 2–200 ký tự.', 'The name must have 2–200 characters.'));
    need('phone', isPhone, field('invalid_phone', 'Số điện thoại không hợp lệ.', 'This is not a Vietnamese phone number.'));
    need('email', isEmail, field('invalid_email', 'Địa chỉ thư điện tử không hợp lệ.', 'This is not an e-mail address.'));
    need('address', (v) => [...v].length >= 5 && [...v].length <= 500, field('invalid_format', 'Địa chỉ dài 5–500 ký tự.', 'The address must have 5–500 characters.'));
    if (kind === 'citizen') {
      need('id_number', isCitizenId, field('invalid_id_number', 'Số căn cước công dân phải gồm 12 chữ số.', 'The citizen ID has 12 digits.'));
      need('date_of_birth', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v), field('invalid_date', 'Ngày sinh không hợp lệ.', 'The date is not valid.'));
    }
    if (kind === 'business') {
      need('tax_code', isTaxCode, field('invalid_tax_code', 'Mã số doanh nghiệp gồm 10 hoặc 13 chữ số.', 'The enterprise code has 10 or 13 digits.'));
      need('representative');
    }
    const pw = passwordError(str(data['password']), str(data['username']));
    if (pw) fields['password'] = pw;
    if (Object.keys(fields).length) {
      return { status: 422, body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', fields) };
    }
    const username = str(data['username']).trim().toLowerCase();
    const email = str(data['email']).trim().toLowerCase();
    /** @type {Record<string, ReturnType<typeof field>>} */
    const taken = {};
    if (accounts.some((a) => a.username === username)) {
      taken['username'] = field('taken', 'Tên đăng nhập này đã có người dùng.', 'This user name is taken.');
    }
    if (accounts.some((a) => a.email.toLowerCase() === email)) {
      taken['email'] = field('taken', 'Địa chỉ thư điện tử này đã được đăng ký.', 'This e-mail address is already registered.');
    }
    if (Object.keys(taken).length) {
      return {
        status: 409,
        body: error('conflict', 'Tên đăng nhập hoặc thư điện tử đã được dùng.', 'The user name or e-mail is taken.', taken),
      };
    }
    /** @type {Account} */
    const account = {
      id: nextId++,
      username,
      password: str(data['password']),
      kind: /** @type {'citizen'|'business'} */ (kind),
      full_name: str(data['full_name']).trim(),
      email,
      phone: str(data['phone']).trim(),
      address: str(data['address']).trim(),
      status: 'pending',
      agency: '',
      unit: '',
      roles: [],
      version: 1,
    };
    accounts.push(account);
    const t = token();
    mailTokens.set(t, { userId: account.id, purpose: 'verify' });
    mailbox['verify'] = t;
    return { status: 201, body: { user: userView(account), verification: 'sent' } };
  }

  /** @param {string} code */
  function listOfficers(code) {
    const items = accounts.filter((a) => a.kind === 'officer' && a.agency === code).map(officerView);
    return { status: 200, body: { items } };
  }

  /** @param {Account} who @param {string[]} roles */
  function roleProblem(who, roles) {
    if (!Array.isArray(roles) || roles.length === 0) {
      return field('required', 'Chọn ít nhất một vai trò.', 'Choose at least one role.');
    }
    const cityAdmin = who.roles.some((g) => g.role === 'city_admin');
    if (roles.some((r) => !ROLES.some((x) => x.role === r) || (r === 'city_admin' && !cityAdmin))) {
      return field('invalid_role', 'Vai trò không hợp lệ.', 'Not a valid role.');
    }
    return null;
  }

  /** @param {Account} who @param {string} code @param {Record<string, unknown>} data @returns {Answer} */
  function createOfficer(who, code, data) {
    /** @type {Record<string, ReturnType<typeof field>>} */
    const fields = {};
    const username = str(data['username']).trim().toLowerCase();
    if (!isUsername(username)) fields['username'] = field('invalid_username', 'Tên đăng nhập không hợp lệ.', 'The user name is not valid.');
    if (!str(data['full_name']).trim()) fields['full_name'] = REQUIRED();
    if (!isEmail(str(data['email']))) fields['email'] = field('invalid_email', 'Địa chỉ thư điện tử không hợp lệ.', 'This is not an e-mail address.');
    if (str(data['phone']).trim() && !isPhone(str(data['phone']))) {
      fields['phone'] = field('invalid_phone', 'Số điện thoại không hợp lệ.', 'This is not a Vietnamese phone number.');
    }
    const roles = /** @type {string[]} */ (Array.isArray(data['roles']) ? data['roles'] : []);
    if (str(data['unit']) ? !unitRef(code, str(data['unit'])) : roles.some((r) => UNIT_SCOPED.has(r))) {
      fields['unit'] = field('invalid_format', 'Cơ quan không có đơn vị này.', 'The agency has no such unit.');
    }
    const rp = roleProblem(who, roles);
    if (rp) fields['roles'] = rp;
    const pw = passwordError(str(data['password']), username);
    if (pw) fields['password'] = pw;
    if (Object.keys(fields).length) {
      return { status: 422, body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', fields) };
    }
    if (accounts.some((a) => a.username === username || a.email.toLowerCase() === str(data['email']).trim().toLowerCase())) {
      return {
        status: 409,
        body: error(
          'conflict',
          'Tên đăng nhập hoặc địa chỉ thư điện tử đã được sử dụng.',
          'The user name or e-mail address is already in use.',
        ),
      };
    }
    const unit = str(data['unit']);
    /** @type {Account} */
    const account = {
      id: nextId++,
      username,
      password: str(data['password']),
      kind: 'officer',
      full_name: str(data['full_name']).trim(),
      email: str(data['email']).trim().toLowerCase(),
      phone: str(data['phone']).trim(),
      address: '',
      status: 'active',
      agency: code,
      unit,
      roles: roles.map((role) => ({ role, agency: code, unit: UNIT_SCOPED.has(role) ? unit : '' })),
      version: 1,
    };
    accounts.push(account);
    return { status: 201, body: officerView(account) };
  }

  /** @param {Account} who @param {Account} target @param {Record<string, unknown>} data @returns {Answer} */
  function updateOfficer(who, target, data) {
    if (typeof data['version'] !== 'number') {
      return {
        status: 422,
        body: error('validation_failed', 'Thiếu phiên bản.', 'The version is missing.', { version: REQUIRED() }),
      };
    }
    if (data['version'] !== target.version) {
      return {
        status: 409,
        body: error(
          'conflict',
          'Thông tin đã được người khác thay đổi. Hãy tải lại rồi thử lại.',
          'Someone else changed this; reload and try again.',
        ),
      };
    }
    /** @type {Record<string, ReturnType<typeof field>>} */
    const fields = {};
    if (data['full_name'] !== undefined && !str(data['full_name']).trim()) fields['full_name'] = REQUIRED();
    if (data['unit'] !== undefined && str(data['unit']) && !unitRef(target.agency, str(data['unit']))) {
      fields['unit'] = field('invalid_format', 'Cơ quan không có đơn vị này.', 'The agency has no such unit.');
    }
    if (data['roles'] !== undefined) {
      const rp = roleProblem(who, /** @type {string[]} */ (data['roles']));
      if (rp) fields['roles'] = rp;
    }
    if (data['status'] !== undefined && data['status'] !== 'active' && data['status'] !== 'locked') {
      fields['status'] = field('invalid', 'Trạng thái không hợp lệ.', 'Not a valid status.');
    }
    if (data['status'] === 'locked' && target.id === who.id) {
      fields['status'] = field('self_lock', 'Bạn không thể tự khóa tài khoản của mình.', 'You cannot lock your own account.');
    }
    if (Object.keys(fields).length) {
      return { status: 422, body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', fields) };
    }
    if (data['full_name'] !== undefined) target.full_name = str(data['full_name']).trim();
    if (data['unit'] !== undefined) target.unit = str(data['unit']);
    if (data['roles'] !== undefined) {
      target.roles = /** @type {string[]} */ (data['roles']).map((role) => ({
        role,
        agency: target.agency,
        unit: UNIT_SCOPED.has(role) ? target.unit : '',
      }));
    } else if (data['unit'] !== undefined) {
      target.roles = target.roles.map((g) => ({ ...g, unit: UNIT_SCOPED.has(g.role) ? target.unit : '' }));
    }
    if (data['status'] !== undefined) {
      target.status = /** @type {'active'|'locked'} */ (data['status']);
      if (target.status === 'locked') revokeAll(target.id);
    }
    target.version += 1;
    return { status: 200, body: officerView(target) };
  }

  /** @param {{id: number, name: string, agency: string, roles: string[], created_at: string}} t */
  const tokenView = (t) => ({
    id: t.id,
    name: t.name,
    agency: t.agency,
    roles: t.roles,
    created_at: t.created_at,
    last_used_at: null,
  });

  /** @param {string} code */
  function listTokens(code) {
    return { status: 200, body: { items: apiTokens.filter((t) => t.agency === code && !t.revoked).map(tokenView) } };
  }

  /** @param {string} code @param {Record<string, unknown>} data @returns {Answer} */
  function createToken(code, data) {
    /** @type {Record<string, ReturnType<typeof field>>} */
    const fields = {};
    if (!str(data['name']).trim()) fields['name'] = REQUIRED();
    const roles = /** @type {string[]} */ (Array.isArray(data['roles']) ? data['roles'] : []);
    if (roles.length === 0) fields['roles'] = field('required', 'Chọn ít nhất một vai trò.', 'Choose at least one role.');
    else if (roles.some((r) => !ROLES.some((x) => x.role === r) || r === 'city_admin')) {
      fields['roles'] = field('invalid_role', 'Vai trò không hợp lệ.', 'Not a valid role.');
    }
    if (Object.keys(fields).length) {
      return { status: 422, body: error('validation_failed', 'Dữ liệu không hợp lệ.', 'The data is not valid.', fields) };
    }
    const t = { id: nextTokenId++, name: str(data['name']).trim(), agency: code, roles, created_at: new Date().toISOString(), revoked: false };
    apiTokens.push(t);
    return { status: 201, body: { ...tokenView(t), token: `mct_${token()}` } };
  }

  return { answer, mailbox };
}
