// Client-side checks of account forms, mirroring the server's (core/access/credentials): they
// catch typing mistakes before a round trip; the server checks again and its field errors win.
import type { MessageKey } from '../i18n';

export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_CHARS = 128;
// The server's bounds of a name (2–200) and an address (5–500).
export const NAME_MIN_CHARS = 2;
export const ADDRESS_MIN_CHARS = 5;
// Roles that act within one unit: an officer holding one must belong to a unit.
export const UNIT_SCOPED_ROLES: readonly string[] = ['specialist', 'unit_head'];

// Characters as a person counts them (code points, not UTF-16 units).
export function charCount(text: string): number {
  return [...text].length;
}

function compact(text: string): string {
  return text.trim().replace(/ /g, '');
}

// 3–50 of a–z 0–9 . _ -, starting with a letter or digit (case does not matter).
export function isUsername(text: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{2,49}$/.test(text.trim().toLowerCase());
}

// One @, something before it, a dotted domain; at most 254 characters.
export function isEmail(text: string): boolean {
  const s = text.trim();
  if (s.length > 254) return false;
  const at = s.indexOf('@');
  if (at <= 0 || at > 64 || s.indexOf('@', at + 1) !== -1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (/[\s\u0000-\u001f\u007f]/.test(local)) return false;
  if (domain.length < 3 || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.')) return false;
  if (domain.includes('..')) return false;
  return /^[a-zA-Z0-9.\-\u0080-\uffff]+$/.test(domain);
}

// Vietnamese numbers: mobiles 0[35789]xxxxxxxx, landlines 02xxxxxxxxx; "+84" for the leading 0;
// spaces, dots, dashes and brackets are ignored.
export function isPhone(text: string): boolean {
  let digits = text.trim().replace(/[ .\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  if (!/^0\d+$/.test(digits)) return false;
  if (digits.length === 10) return '35789'.includes(digits[1] ?? '');
  return digits.length === 11 && digits[1] === '2';
}

// Citizen ID (CCCD): 12 digits, the first three a province code 001–096.
export function isCitizenId(text: string): boolean {
  const s = compact(text);
  if (!/^\d{12}$/.test(s)) return false;
  const province = Number(s.slice(0, 3));
  return province >= 1 && province <= 96;
}

// Enterprise/tax code: 10 digits, or 13 (10 + 3, the dash optional: "0100109106-001").
export function isTaxCode(text: string): boolean {
  const s = compact(text);
  return /^\d{10}$/.test(s) || /^\d{13}$/.test(s) || /^\d{10}-\d{3}$/.test(s);
}

export function passwordProblem(password: string): MessageKey | null {
  if (password === '') return 'validation.password_required';
  const n = charCount(password);
  if (n < PASSWORD_MIN_CHARS) return 'validation.password_short';
  if (n > PASSWORD_MAX_CHARS) return 'validation.password_long';
  return null;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

// A date of birth typed as day, month and year: "YYYY-MM-DD", or the problem with it.
export function dateOfBirth(
  parts: DateParts,
  today: Date = new Date(),
): { value: string; problem: null } | { value: null; problem: MessageKey } {
  const { day, month, year } = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  if (!day && !month && !year) return { value: null, problem: 'validation.dob_required' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { value: null, problem: 'validation.dob_invalid' };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { value: null, problem: 'validation.dob_invalid' };
  }
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return { value: null, problem: 'validation.dob_future' };
  if (y < 1900) return { value: null, problem: 'validation.dob_invalid' };
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { value: iso, problem: null };
}

// The problems of a form: field name → message key, in the order the fields appear.
export type FieldProblems = Record<string, MessageKey>;

export type RegistrationKind = 'citizen' | 'business';

export interface RegistrationForm {
  kind: RegistrationKind;
  full_name: string;
  id_number: string;
  dob: DateParts;
  tax_code: string;
  representative: string;
  phone: string;
  email: string;
  address: string;
  username: string;
  password: string;
  password_confirm: string;
}

export const EMPTY_REGISTRATION: RegistrationForm = {
  kind: 'citizen',
  full_name: '',
  id_number: '',
  dob: { day: '', month: '', year: '' },
  tax_code: '',
  representative: '',
  phone: '',
  email: '',
  address: '',
  username: '',
  password: '',
  password_confirm: '',
};

// The registration body the server expects, from the form.
export function registrationBody(form: RegistrationForm, today?: Date): Record<string, string> {
  const common = {
    kind: form.kind,
    username: form.username.trim(),
    password: form.password,
    full_name: form.full_name.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    address: form.address.trim(),
  };
  if (form.kind === 'citizen') {
    const dob = dateOfBirth(form.dob, today);
    return { ...common, id_number: compact(form.id_number), date_of_birth: dob.value ?? '' };
  }
  return { ...common, tax_code: compact(form.tax_code), representative: form.representative.trim() };
}

export function validateRegistration(form: RegistrationForm, today?: Date): FieldProblems {
  const problems: FieldProblems = {};
  const citizen = form.kind === 'citizen';
  if (!form.full_name.trim()) problems['full_name'] = citizen ? 'validation.name_required' : 'validation.business_name_required';
  else if (charCount(form.full_name.trim()) < NAME_MIN_CHARS) problems['full_name'] = 'validation.name_short';
  if (citizen) {
    if (!form.id_number.trim()) problems['id_number'] = 'validation.id_number_required';
    else if (!isCitizenId(form.id_number)) problems['id_number'] = 'validation.id_number_invalid';
    const dob = dateOfBirth(form.dob, today);
    if (dob.problem) problems['date_of_birth'] = dob.problem;
  } else {
    if (!form.tax_code.trim()) problems['tax_code'] = 'validation.tax_code_required';
    else if (!isTaxCode(form.tax_code)) problems['tax_code'] = 'validation.tax_code_invalid';
    if (!form.representative.trim()) problems['representative'] = 'validation.representative_required';
  }
  if (!form.phone.trim()) problems['phone'] = 'validation.phone_required';
  else if (!isPhone(form.phone)) problems['phone'] = 'validation.phone_invalid';
  if (!form.email.trim()) problems['email'] = 'validation.email_required';
  else if (!isEmail(form.email)) problems['email'] = 'validation.email_invalid';
  if (!form.address.trim()) problems['address'] = 'validation.address_required';
  else if (charCount(form.address.trim()) < ADDRESS_MIN_CHARS) problems['address'] = 'validation.address_short';
  if (!form.username.trim()) problems['username'] = 'validation.username_required';
  else if (!isUsername(form.username)) problems['username'] = 'validation.username_invalid';
  const password = passwordProblem(form.password);
  if (password) problems['password'] = password;
  else if (form.password.toLowerCase() === form.username.trim().toLowerCase()) {
    problems['password'] = 'validation.password_like_username';
  }
  if (!problems['password'] && form.password_confirm !== form.password) {
    problems['password_confirm'] = 'validation.password_mismatch';
  }
  return problems;
}

export interface NewPasswordForm {
  password: string;
  password_confirm: string;
}

export function validateNewPassword(form: NewPasswordForm, field = 'new_password'): FieldProblems {
  const problems: FieldProblems = {};
  const password = passwordProblem(form.password);
  if (password) problems[field] = password;
  else if (form.password_confirm !== form.password) problems['password_confirm'] = 'validation.password_mismatch';
  return problems;
}

export interface OfficerForm {
  username: string;
  full_name: string;
  email: string;
  phone: string;
  unit: string;
  roles: string[];
  password: string;
}

export const EMPTY_OFFICER: OfficerForm = {
  username: '',
  full_name: '',
  email: '',
  phone: '',
  unit: '',
  roles: [],
  password: '',
};

export function validateOfficer(form: OfficerForm): FieldProblems {
  const problems: FieldProblems = {};
  if (!form.full_name.trim()) problems['full_name'] = 'validation.name_required';
  if (!form.username.trim()) problems['username'] = 'validation.username_required';
  else if (!isUsername(form.username)) problems['username'] = 'validation.username_invalid';
  if (!form.email.trim()) problems['email'] = 'validation.email_required';
  else if (!isEmail(form.email)) problems['email'] = 'validation.email_invalid';
  if (form.phone.trim() && !isPhone(form.phone)) problems['phone'] = 'validation.phone_invalid';
  if (!form.unit && form.roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) problems['unit'] = 'validation.unit_required';
  if (form.roles.length === 0) problems['roles'] = 'validation.roles_required';
  const password = passwordProblem(form.password);
  if (password) problems['password'] = password;
  return problems;
}
