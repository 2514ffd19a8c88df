// A procedure's form schema as the catalog sends it (`form` of GET /procedures/{code}), and what
// the portal does with it: split it into pages, decide which fields show, prefill from the profile
// and check answers. The checks mirror core/forms/validate.cpp rule for rule (same codes, same
// messages) so the person sees at once what the server would say; the server stays authoritative.
import type { Locale } from '../i18n';

export type FieldType =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'choice'
  | 'multi_choice'
  | 'yes_no'
  | 'citizen_id'
  | 'tax_code'
  | 'phone'
  | 'email'
  | 'address'
  | 'group'
  | 'repeat';

export interface FormOption {
  value: string;
  label: string;
  label_en?: string;
}

export interface FormField {
  key: string;
  type: FieldType;
  label: string;
  label_en?: string;
  help?: string;
  help_en?: string;
  required?: boolean;
  min_length?: number;
  max_length?: number;
  pattern?: string;
  prefill?: string;
  show_if?: { field: string; equals: string[] };
  integer?: boolean;
  min?: number | string;
  max?: number | string;
  options?: FormOption[];
  min_items?: number;
  max_items?: number;
  fields?: FormField[];
}

export type FormData = Record<string, unknown>;

// The same shape as a server field error, so both show the same way.
export interface Problem {
  code: string;
  message: string;
  message_en: string;
}
export type Problems = Record<string, Problem>;

// The schema's field list from whatever the catalog sent (`{"fields":[…]}` or a bare list).
export function schemaFields(form: unknown): FormField[] {
  if (Array.isArray(form)) return form as FormField[];
  if (form && typeof form === 'object' && Array.isArray((form as { fields?: unknown }).fields)) {
    return (form as { fields: FormField[] }).fields;
  }
  return [];
}

export function fieldLabel(field: { label: string; label_en?: string }, locale: Locale): string {
  return locale === 'en' && field.label_en ? field.label_en : field.label;
}

export function fieldHelp(field: FormField, locale: Locale): string | undefined {
  return (locale === 'en' && field.help_en) || field.help || undefined;
}

// ---- pages --------------------------------------------------------------------------------------

// One page of the form: a top-level group, or a run of top-level fields that are not groups.
export interface Section {
  group: FormField | null;
  fields: FormField[];
}

export function sections(fields: readonly FormField[]): Section[] {
  const out: Section[] = [];
  let loose: FormField[] = [];
  const flush = () => {
    if (loose.length) out.push({ group: null, fields: loose });
    loose = [];
  };
  for (const f of fields) {
    if (f.type === 'group') {
      flush();
      out.push({ group: f, fields: f.fields ?? [] });
    } else {
      loose.push(f);
    }
  }
  flush();
  return out;
}

// The top-level key a field path starts with ("owner.address.ward" → "owner").
export function rootKey(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

// The page (0-based) that holds a field path, or -1.
export function sectionOfPath(list: readonly Section[], path: string): number {
  const key = rootKey(path);
  return list.findIndex((s) => (s.group ? s.group.key === key : s.fields.some((f) => f.key === key)));
}

// ---- values -------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

// The element id of the input for a field path: "co_owners[1].full_name" → "f-co_owners-1-full_name".
export function fieldId(path: string): string {
  return `f-${path.replace(/[.[\]]+/g, '-').replace(/-+$/, '')}`;
}

// The id an error summary links to: radios and checkboxes link to their first input.
export function targetId(path: string, field: FormField | undefined): string {
  const id = fieldId(path);
  if (field && (field.type === 'choice' || field.type === 'multi_choice' || field.type === 'yes_no')) return `${id}-0`;
  if (field && field.type === 'address') return `${id}-province`;
  return id;
}

// The field a path names, walking into groups and repeat items ("co_owners[0].id_number").
export function fieldAt(fields: readonly FormField[], path: string): FormField | undefined {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  let scope: readonly FormField[] = fields;
  let found: FormField | undefined;
  for (const part of parts) {
    found = scope.find((f) => f.key === part);
    if (!found) return undefined;
    scope = found.fields ?? [];
  }
  return found;
}

// Text typed into a number box: Vietnamese "120,5" or "1.500.000" (money) are read too.
export function parseNumberInput(text: string, money: boolean): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const normalised = money ? trimmed.replace(/[.\s,₫đ]/g, '') : trimmed.replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return trimmed;
  return Number(normalised);
}

// ---- show_if ------------------------------------------------------------------------------------

function comparableTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean') return [value ? 'true' : 'false'];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(comparableTexts);
  return [];
}

function lookup(scope: unknown, path: string): unknown {
  let at: unknown = scope;
  for (const key of path.split('.')) {
    if (!isRecord(at) || !(key in at)) return undefined;
    at = at[key];
  }
  return at;
}

// Whether `path` names a field of `fields`, walking into groups only (FindField on the server).
function hasPath(fields: readonly FormField[], path: string): boolean {
  const keys = path.split('.');
  let scope: readonly FormField[] = fields;
  for (let i = 0; i < keys.length; i++) {
    const f = scope.find((x) => x.key === keys[i]);
    if (!f) return false;
    if (i === keys.length - 1) return true;
    if (f.type !== 'group') return false;
    scope = f.fields ?? [];
  }
  return false;
}

// Whether `field` shows, looking its condition up among its siblings first, then from the root.
export function isVisible(field: FormField, siblings: readonly FormField[], scope: unknown, root: FormData, rootFields: readonly FormField[]): boolean {
  const cond = field.show_if;
  if (!cond) return true;
  let value: unknown;
  if (hasPath(siblings, cond.field)) value = lookup(scope, cond.field);
  else if (hasPath(rootFields, cond.field)) value = lookup(root, cond.field);
  if (isAbsent(value)) return false;
  return comparableTexts(value).some((text) => cond.equals.includes(text));
}

// ---- prefill ------------------------------------------------------------------------------------

export interface Profile {
  full_name?: string | null;
  id_number?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  date_of_birth?: string | null;
  business_name?: string | null;
  tax_code?: string | null;
  kind?: string;
}

function profileValue(profile: Profile, source: string): string | undefined {
  const name = source.replace(/^profile\./, '');
  const value =
    name === 'business_name' ? (profile.kind === 'business' ? profile.full_name : profile.business_name) : profile[name as keyof Profile];
  return typeof value === 'string' && value ? value : undefined;
}

// Vietnamese folded for matching: no diacritics, đ → d, lower case, single spaces.
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// The agency (district, ward) whose full name ("Quận Ba Đình") the address text contains; the
// longest name wins ("Phường Cống Vị" over a shorter one inside it).
export function matchAgency<T extends { name: string }>(text: string, agencies: readonly T[]): T | undefined {
  const folded = fold(text);
  let best: T | undefined;
  for (const a of agencies) {
    const name = fold(a.name);
    if (name && folded.includes(name) && (!best || name.length > fold(best.name).length)) best = a;
  }
  return best;
}

const ADMIN_WORDS = /^(phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tp\.?|tinh|ha noi)\b/;

// The street line of a one-line address: the parts before the ward, district or city.
export function streetPart(text: string): string {
  const parts = text.split(',').map((p) => p.trim());
  const kept: string[] = [];
  for (const part of parts) {
    if (ADMIN_WORDS.test(fold(part))) break;
    kept.push(part);
  }
  return kept.join(', ');
}

// Initial answers from the profile for every field with `prefill` (groups included). Existing
// answers are never overwritten. An address prefill takes `address` (the profile's one-line
// address already matched to the agency tree by the caller), else the line as the street.
export function prefill(
  fields: readonly FormField[],
  profile: Profile,
  data: FormData,
  province = '',
  address?: Record<string, string>,
): FormData {
  const out: FormData = { ...data };
  for (const f of fields) {
    if (f.type === 'group') {
      const inner = isRecord(out[f.key]) ? (out[f.key] as FormData) : {};
      const filled = prefill(f.fields ?? [], profile, inner, province, address);
      if (Object.keys(filled).length) out[f.key] = filled;
      continue;
    }
    if (!isAbsent(out[f.key])) continue;
    if (f.type === 'address') {
      const text = f.prefill ? profileValue(profile, f.prefill) : undefined;
      if (text && address) {
        out[f.key] = { ...address };
      } else if (text || province) {
        const value: Record<string, string> = {};
        if (province) value['province'] = province;
        if (text) value['street'] = text.normalize('NFC');
        out[f.key] = value;
      }
      continue;
    }
    if (!f.prefill) continue;
    const value = profileValue(profile, f.prefill);
    if (value !== undefined) out[f.key] = value.normalize('NFC');
  }
  return out;
}

// ---- checks (mirror of core/forms/validate.cpp) -------------------------------------------------

function allDigits(s: string): boolean {
  return /^\d+$/.test(s);
}
export function isCitizenId(s: string): boolean {
  return (s.length === 12 || s.length === 9) && allDigits(s);
}
export function isTaxCode(s: string): boolean {
  if (s.length === 10 || s.length === 13) return allDigits(s);
  return s.length === 14 && s[10] === '-' && allDigits(s.slice(0, 10)) && allDigits(s.slice(11));
}
export function isPhone(s: string): boolean {
  let digits = s.replace(/[ .\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  if (!allDigits(digits) || digits[0] !== '0') return false;
  if (digits.length === 10) return '35789'.includes(digits[1] as string);
  return digits.length === 11 && digits[1] === '2';
}
export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.indexOf('@');
  if (at <= 0 || at > 64 || s.indexOf('@', at + 1) !== -1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (!/^[\x21-\x7e\u0080-\uffff]+$/.test(local)) return false;
  if (domain.length < 3 || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) {
    return false;
  }
  return /^[A-Za-z0-9.-]+$/.test(domain);
}

function charCount(s: string): number {
  return [...s].length;
}

function numberText(v: number): string {
  return String(v);
}

// "YYYY-MM-DD" → the same text when it is a real date, else null.
function parseDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return s;
}

function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

// Today's date in Vietnam (UTC+7) as "YYYY-MM-DD".
export function todayInVietnam(now: number = Date.now()): string {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

class Checker {
  readonly problems: Problems = {};
  constructor(
    private readonly rootFields: readonly FormField[],
    private readonly root: FormData,
    private readonly today: string,
  ) {}

  add(path: string, code: string, message: string, message_en: string): void {
    if (!this.problems[path]) this.problems[path] = { code, message, message_en };
  }
  wrongType(path: string, vi: string, en: string): void {
    this.add(path, 'invalid_type', `Giá trị phải là ${vi}.`, `The value must be ${en}.`);
  }

  object(fields: readonly FormField[], obj: unknown, prefix: string): void {
    const scope = obj === null || obj === undefined ? {} : obj;
    if (!isRecord(scope)) {
      this.wrongType(prefix.slice(0, -1), 'một nhóm thông tin', 'an object');
      return;
    }
    for (const key of Object.keys(scope)) {
      if (!fields.some((f) => f.key === key)) {
        this.add(prefix + key, 'unknown_field', 'Biểu mẫu không có trường này.', 'The form has no such field.');
      }
    }
    for (const f of fields) {
      if (!isVisible(f, fields, scope, this.root, this.rootFields)) continue;
      this.one(f, scope[f.key], prefix + f.key);
    }
  }

  one(f: FormField, value: unknown, path: string): void {
    if (f.type === 'group') return this.object(f.fields ?? [], value, `${path}.`);
    if (f.type === 'repeat') {
      const list = value === undefined || value === null ? [] : value;
      if (f.required && Array.isArray(list) && list.length === 0) {
        return this.add(path, 'required', 'Vui lòng nhập ít nhất một mục.', 'At least one item is required.');
      }
      return this.repeat(f, list, path);
    }
    if (isAbsent(value)) {
      if (f.required) this.add(path, 'required', 'Vui lòng nhập thông tin này.', 'This field is required.');
      return;
    }
    switch (f.type) {
      case 'text':
      case 'long_text':
      case 'citizen_id':
      case 'tax_code':
      case 'phone':
      case 'email':
        if (typeof value !== 'string') return this.wrongType(path, 'văn bản', 'a text');
        return this.text(f, value, path);
      case 'number':
      case 'money':
        return this.number(f, value, path);
      case 'date':
        return this.date(f, value, path);
      case 'choice':
        if (typeof value !== 'string') return this.wrongType(path, 'một lựa chọn', "one option's value");
        if (!isOption(f, value)) this.add(path, 'invalid_choice', 'Lựa chọn không hợp lệ.', 'The value is not one of the options.');
        return;
      case 'multi_choice': {
        if (!Array.isArray(value)) return this.wrongType(path, 'danh sách lựa chọn', 'a list of option values');
        const seen = new Set<string>();
        for (const item of value) {
          if (typeof item !== 'string' || !isOption(f, item)) {
            return this.add(path, 'invalid_choice', 'Có lựa chọn không hợp lệ.', 'A value is not one of the options.');
          }
          if (seen.has(item)) return this.add(path, 'duplicate_choice', 'Một lựa chọn bị lặp lại.', 'An option is chosen twice.');
          seen.add(item);
        }
        return;
      }
      case 'yes_no':
        if (typeof value !== 'boolean') this.wrongType(path, 'có hoặc không', 'true or false');
        return;
      case 'address':
        return this.address(value, path);
    }
  }

  plainText(s: string, path: string, singleLine: boolean): boolean {
    if (s.normalize('NFC') !== s) {
      this.add(path, 'not_nfc', 'Văn bản phải ở dạng Unicode dựng sẵn (NFC).', 'The text must be in Unicode NFC form.');
      return false;
    }
    if (singleLine && /[\r\n]/.test(s)) {
      this.add(path, 'line_break', 'Không được xuống dòng.', 'Line breaks are not allowed here.');
      return false;
    }
    return true;
  }

  text(f: FormField, s: string, path: string): void {
    if (!this.plainText(s, path, f.type !== 'long_text')) return;
    const chars = charCount(s);
    if (f.min_length !== undefined && chars < f.min_length) {
      return this.add(path, 'too_short', `Cần ít nhất ${f.min_length} ký tự.`, `At least ${f.min_length} characters are needed.`);
    }
    if (f.max_length !== undefined && chars > f.max_length) {
      return this.add(path, 'too_long', `Tối đa ${f.max_length} ký tự.`, `At most ${f.max_length} characters are allowed.`);
    }
    if (f.type === 'citizen_id' && !isCitizenId(s)) {
      return this.add(
        path,
        'invalid_citizen_id',
        'Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).',
        'A citizen ID has 12 digits (9 for an old ID card).',
      );
    }
    if (f.type === 'tax_code' && !isTaxCode(s)) {
      return this.add(
        path,
        'invalid_tax_code',
        'Mã số thuế gồm 10 hoặc 13 chữ số (ví dụ 0100109106-001).',
        'A tax code has 10 or 13 digits (e.g. 0100109106-001).',
      );
    }
    if (f.type === 'phone' && !isPhone(s)) {
      return this.add(path, 'invalid_phone', 'Số điện thoại không hợp lệ.', 'This is not a Vietnamese phone number.');
    }
    if (f.type === 'email' && !isEmail(s)) {
      return this.add(path, 'invalid_email', 'Địa chỉ thư điện tử không hợp lệ.', 'This is not an e-mail address.');
    }
    if (f.pattern) {
      let matches = false;
      try {
        matches = new RegExp(`^(?:${f.pattern})$`).test(s);
      } catch {
        matches = false;
      }
      if (!matches) {
        this.add(path, 'pattern_mismatch', 'Giá trị không đúng định dạng.', 'The value does not have the expected format.');
      }
    }
  }

  number(f: FormField, v: unknown, path: string): void {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.wrongType(path, 'một số', 'a number');
    if ((f.integer || f.type === 'money') && !Number.isInteger(v)) {
      return this.add(path, 'not_integer', 'Phải là số nguyên.', 'The value must be a whole number.');
    }
    let min = typeof f.min === 'number' ? f.min : undefined;
    if (f.type === 'money' && (min === undefined || min < 0)) min = 0;
    if (min !== undefined && v < min) {
      return this.add(path, 'too_small', `Giá trị nhỏ nhất là ${numberText(min)}.`, `The value must be at least ${numberText(min)}.`);
    }
    if (typeof f.max === 'number' && v > f.max) {
      this.add(path, 'too_large', `Giá trị lớn nhất là ${numberText(f.max)}.`, `The value must be at most ${numberText(f.max)}.`);
    }
  }

  date(f: FormField, v: unknown, path: string): void {
    const d = typeof v === 'string' ? parseDate(v) : null;
    if (!d) return this.add(path, 'invalid_date', 'Ngày không hợp lệ.', 'The value must be a date YYYY-MM-DD.');
    const bound = (b: number | string | undefined) => (b === 'today' ? this.today : typeof b === 'string' ? b : undefined);
    const min = bound(f.min);
    const max = bound(f.max);
    if (min && d < min) {
      return this.add(path, 'date_too_early', `Ngày phải từ ${viDate(min)} trở đi.`, `The date must be on or after ${min}.`);
    }
    if (max && d > max) {
      this.add(path, 'date_too_late', `Ngày phải không muộn hơn ${viDate(max)}.`, `The date must be on or before ${max}.`);
    }
  }

  address(v: unknown, path: string): void {
    if (!isRecord(v)) return this.wrongType(path, 'một địa chỉ', 'an address object');
    const parts = ['province', 'district', 'ward', 'street'];
    for (const [key, part] of Object.entries(v)) {
      if (!parts.includes(key)) this.add(`${path}.${key}`, 'unknown_field', 'Địa chỉ không có phần này.', 'An address has no such part.');
      else if (typeof part !== 'string' && part !== null) this.wrongType(`${path}.${key}`, 'văn bản', 'a text');
      else if (typeof part === 'string') this.plainText(part, `${path}.${key}`, true);
    }
    for (const key of ['province', 'district', 'ward']) {
      if (isAbsent(v[key])) {
        this.add(
          `${path}.${key}`,
          'required',
          'Vui lòng chọn đủ tỉnh/thành, quận/huyện, xã/phường.',
          'Choose the province, the district and the ward.',
        );
      }
    }
  }

  repeat(f: FormField, v: unknown, path: string): void {
    if (!Array.isArray(v)) return this.wrongType(path, 'một danh sách', 'a list');
    if (f.min_items !== undefined && v.length < f.min_items) {
      this.add(path, 'too_few_items', `Cần ít nhất ${f.min_items} mục.`, `At least ${f.min_items} items are needed.`);
    }
    if (f.max_items !== undefined && v.length > f.max_items) {
      this.add(path, 'too_many_items', `Tối đa ${f.max_items} mục.`, `At most ${f.max_items} items are allowed.`);
    }
    v.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (!isRecord(item)) this.wrongType(itemPath, 'một nhóm thông tin', 'an object');
      else this.object(f.fields ?? [], item, `${itemPath}.`);
    });
  }
}

function isOption(f: FormField, value: string): boolean {
  return (f.options ?? []).some((o) => o.value === value);
}

// Every problem of `data` against the whole schema, by field path (as the server names them).
export function validate(fields: readonly FormField[], data: FormData, today: string = todayInVietnam()): Problems {
  const checker = new Checker(fields, data, today);
  checker.object(fields, data, '');
  return checker.problems;
}

// The problems of one page only.
export function validateSection(
  fields: readonly FormField[],
  section: Section,
  data: FormData,
  today: string = todayInVietnam(),
): Problems {
  const all = validate(fields, data, today);
  const keys = section.group ? [section.group.key] : section.fields.map((f) => f.key);
  const out: Problems = {};
  for (const [path, problem] of Object.entries(all)) if (keys.includes(rootKey(path))) out[path] = problem;
  return out;
}

// The answers without the values of hidden fields (so a dossier never carries an answer to a
// question that was not asked), empty values dropped.
export function visibleData(fields: readonly FormField[], data: FormData): FormData {
  const walk = (scopeFields: readonly FormField[], scope: FormData): FormData => {
    const out: FormData = {};
    for (const f of scopeFields) {
      const value = scope[f.key];
      if (isAbsent(value) || !isVisible(f, scopeFields, scope, data, fields)) continue;
      if (f.type === 'group' && isRecord(value)) {
        const inner = walk(f.fields ?? [], value);
        if (Object.keys(inner).length) out[f.key] = inner;
      } else if (f.type === 'repeat' && Array.isArray(value)) {
        out[f.key] = value.map((item) => (isRecord(item) ? walk(f.fields ?? [], item) : item));
      } else {
        out[f.key] = value;
      }
    }
    return out;
  };
  return walk(fields, data);
}
