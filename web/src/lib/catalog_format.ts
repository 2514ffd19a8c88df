// How catalog facts read on the page, in either language: service level, processing time, fee,
// paper kinds, applicants, tiers, file types, and the list of page numbers for pagination.
import { translate, type Locale, type MessageKey } from '../i18n';
import { formatMoney } from './format';
import type { Applicant, ComponentKind, Fee, LevelCount, Named, ProcessingTime, Tier } from './catalog';

// The name in the reader's language: English when asked for and present, else Vietnamese.
export function localName(item: Named | null | undefined, locale: Locale): string {
  if (!item) return '';
  return locale === 'en' && item.name_en ? item.name_en : item.name;
}

// 3 → "Mức độ 3 (một phần)"; 4 → "Mức độ 4 (toàn trình)"; 2 → "Mức độ 2". Levels 3 and 4 carry
// the names Decree 42/2022 gave them, so both the old and the new wording are visible.
export function levelText(level: number, locale: Locale): string {
  if (level === 3) return translate(locale, 'level.3');
  if (level === 4) return translate(locale, 'level.4');
  return translate(locale, 'level.n', { level });
}

// {working_days: 15} → "15 ngày làm việc"; {working_hours: 8} → "8 giờ làm việc"; else "".
export function processingTimeText(time: ProcessingTime | null | undefined, locale: Locale): string {
  if (!time) return '';
  if (typeof time.working_days === 'number') {
    const n = time.working_days;
    return translate(locale, n === 1 ? 'time.working_day' : 'time.working_days', { n });
  }
  if (typeof time.working_hours === 'number') {
    const n = time.working_hours;
    return translate(locale, n === 1 ? 'time.working_hour' : 'time.working_hours', { n });
  }
  return '';
}

export function isFree(fee: Fee | null | undefined): boolean {
  return !fee || fee.items.length === 0 || fee.items.every((item) => item.amount === 0);
}

// One fee item's amount: "75.000 ₫" or, for an amount per unit, "2.000 ₫/trang".
export function feeItemAmount(item: { amount: number; per?: string | null }, locale: Locale): string {
  const money = formatMoney(item.amount, locale);
  return item.per ? `${money}/${item.per}` : money;
}

// The fee in one line: "Không mất phí", "75.000 ₫" (the total), "2.000 ₫/trang" (one amount per
// unit), or "Nhiều mức thu" when several items are charged per unit, so that no total makes sense
// and a sum would mislead (the fee table has the details).
export function feeText(fee: Fee | null | undefined, locale: Locale): string {
  if (!fee || isFree(fee)) return translate(locale, 'fee.free');
  const charged = fee.items.filter((item) => item.amount !== 0);
  if (charged.some((item) => item.per)) {
    const only = charged.length === 1 ? charged[0] : undefined;
    return only ? feeItemAmount(only, locale) : translate(locale, 'fee.several');
  }
  return formatMoney(fee.total || charged.reduce((sum, item) => sum + item.amount, 0), locale);
}

const COMPONENT_KINDS: Record<ComponentKind, MessageKey> = {
  original: 'component.original',
  certified_copy: 'component.certified_copy',
  copy: 'component.copy',
};

// original → "Bản chính", certified_copy → "Bản sao có chứng thực", copy → "Bản sao".
export function componentKindName(kind: string, locale: Locale): string {
  const key = (COMPONENT_KINDS as Record<string, MessageKey | undefined>)[kind];
  return key ? translate(locale, key) : kind;
}

const APPLICANTS: Record<Applicant, MessageKey> = {
  citizen: 'applicant.citizen',
  business: 'applicant.business',
};

export function applicantName(applicant: string, locale: Locale): string {
  const key = (APPLICANTS as Record<string, MessageKey | undefined>)[applicant];
  return key ? translate(locale, key) : applicant;
}

const TIERS: Record<Tier, MessageKey> = {
  city: 'tier.city',
  department: 'tier.department',
  district: 'tier.district',
  ward: 'tier.ward',
};

export const PROCEDURE_TIERS: readonly Tier[] = ['department', 'district', 'ward'];

// district → "Cấp huyện" (the tier that handles a procedure).
export function tierName(tier: string, locale: Locale): string {
  const key = (TIERS as Record<string, MessageKey | undefined>)[tier];
  return key ? translate(locale, key) : tier;
}

const WORKFLOWS: Record<string, MessageKey> = {
  standard: 'workflow.standard',
  one_stop_only: 'workflow.one_stop_only',
  inter_agency: 'workflow.inter_agency',
};

export function workflowText(workflow: string, locale: Locale): string {
  const key = WORKFLOWS[workflow];
  return key ? translate(locale, key) : workflow;
}

// ["pdf", "jpeg"] → "PDF, JPEG".
export function fileTypesText(types: readonly string[]): string {
  return types.map((type) => type.toUpperCase()).join(', ');
}

// 10 → "10 MB"; 0.5 → "0,5 MB" in Vietnamese.
export function sizeText(megabytes: number, locale: Locale): string {
  const text = String(megabytes);
  return `${locale === 'vi' ? text.replace('.', ',') : text} MB`;
}

// "Tìm thấy 12 thủ tục" / "12 procedures found"; none → "Không tìm thấy thủ tục nào".
export function resultCountText(total: number, locale: Locale): string {
  if (total === 0) return translate(locale, 'catalog.count_none');
  return translate(locale, total === 1 ? 'catalog.count_one' : 'catalog.count_other', { n: total });
}

// The number online at one level, whichever shape the count has (a number, or {live, planned}).
export function liveAtLevel(count: LevelCount | null | undefined): number {
  if (typeof count === 'number') return count;
  if (count && typeof count === 'object' && typeof count.live === 'number') return count.live;
  return 0;
}

// A share as a whole percentage ("83%"), or "—" when there is nothing planned.
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}

export type PageItem = number | 'gap';

// The page numbers to offer: the first, the last, the current one and its neighbours, with a
// 'gap' where numbers are skipped. A gap never hides a single page (1 … 3 is shown as 1 2 3).
export function paginationItems(current: number, pageCount: number): PageItem[] {
  if (pageCount <= 1) return [];
  const wanted = new Set<number>([1, pageCount, current - 1, current, current + 1]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) items.push(previous + 1);
    else if (page - previous > 2) items.push('gap');
    items.push(page);
    previous = page;
  }
  return items;
}
