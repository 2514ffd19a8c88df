// The heading of a form page: a group's label, or "Thông tin hồ sơ" for a run of loose fields
// (numbered when the form has several such runs, so no two pages share a heading).
import type { Locale, MessageKey, Params } from '../i18n';
import { fieldLabel, type Section } from './form_schema';

export function sectionTitle(
  list: readonly Section[],
  index: number,
  locale: Locale,
  t: (key: MessageKey, params?: Params) => string,
): string {
  const section = list[index];
  if (!section) return '';
  if (section.group) return fieldLabel(section.group, locale);
  const loose = list.filter((s) => !s.group);
  if (loose.length < 2) return t('flow.section_details');
  return t('flow.section_details_n', { n: loose.indexOf(section) + 1 });
}
