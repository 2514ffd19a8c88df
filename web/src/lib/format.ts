// Display formats used across the portal: dd/mm/yyyy dates and hh:mm dd/mm/yyyy times in Vietnam
// civil time (UTC+7, no daylight saving), and amounts of money in whole đồng.
import type { Locale } from '../i18n';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset (Z or ±hh:mm): a bare local time would be read in the
// browser's own zone, which is exactly the ambiguity these helpers exist to remove.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// The wall-clock fields in Vietnam of an ISO instant, or null when the text is not one.
export function vietnamParts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } | null {
  if (!INSTANT.test(iso)) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const v = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    y: v.getUTCFullYear(),
    m: v.getUTCMonth() + 1,
    d: v.getUTCDate(),
    hh: v.getUTCHours(),
    mm: v.getUTCMinutes(),
  };
}

// "2017-01-19" (a legal date, no zone) or "2017-01-19T08:30:00+07:00" (an instant) → "19/01/2017".
// Returns "" for missing or unreadable input, so a page never shows "Invalid Date".
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) return `${dateOnly[3]}/${dateOnly[2]}/${dateOnly[1]}`;
  const p = vietnamParts(iso);
  return p ? `${pad2(p.d)}/${pad2(p.m)}/${p.y}` : '';
}

// "2017-01-19T01:30:00Z" → "08:30 19/01/2017" (the form used on receipts and control sheets).
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vietnamParts(iso);
  return p ? `${pad2(p.hh)}:${pad2(p.mm)} ${pad2(p.d)}/${pad2(p.m)}/${p.y}` : '';
}

// "2017-03-14T02:00:00Z" → "14/03/2017 09:00": the date first, as the officers' workspace lists
// due times (sorting the eye by day, then hour).
export function formatDateTimeDmy(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vietnamParts(iso);
  return p ? `${pad2(p.d)}/${pad2(p.m)}/${p.y} ${pad2(p.hh)}:${pad2(p.mm)}` : '';
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

// 1500000 → "1.500.000 ₫" (Vietnamese) or "1,500,000 ₫" (English). Amounts are whole đồng; a
// fractional value is rounded. Built by hand rather than with Intl so every browser agrees;
// the space is a plain one (wrap it in an element with the `nowrap` class where it matters).
export function formatMoney(amount: number, locale: Locale = 'vi'): string {
  if (!Number.isFinite(amount)) return '';
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '-' : '';
  const digits = String(Math.abs(rounded));
  return `${sign}${groupThousands(digits, locale === 'en' ? ',' : '.')} ₫`;
}
