// The answers of a form as GOV.UK summary lists, one per section, each row with a "Thay đổi" link
// to the page that asks it (on the check page) or without (on the dossier page).
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/use_i18n';
import type { Locale, MessageKey } from '../i18n';
import { catalogApi } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import { formatDate, formatMoney } from '../lib/format';
import { sectionTitle } from '../lib/sections_text';
import { fieldLabel, isAbsent, isVisible, type FormData, type FormField, type Section } from '../lib/form_schema';
import { useSite } from '../site_context';
import { cityName } from '../lib/site';
import { PROVINCE_CODE } from './schema_form';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Names of agency codes (districts and wards of addresses), fetched once each per page view.
const nameCache = new Map<string, Promise<{ name: string; name_en?: string | null }>>();
function useAgencyName(code: string | undefined): { name: string; name_en?: string | null } | undefined {
  const [named, setNamed] = useState<{ name: string; name_en?: string | null } | undefined>(undefined);
  useEffect(() => {
    if (!code) return;
    let promise = nameCache.get(code);
    if (!promise) {
      promise = catalogApi.agency(code);
      nameCache.set(code, promise);
      promise.catch(() => nameCache.delete(code));
    }
    let live = true;
    promise.then(
      (a) => live && setNamed(a),
      () => live && setNamed({ name: code }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return named;
}

export function AddressText({ value }: { value: Record<string, unknown> }) {
  const { locale } = useI18n();
  const site = useSite();
  const district = useAgencyName(typeof value['district'] === 'string' ? value['district'] : undefined);
  const ward = useAgencyName(typeof value['ward'] === 'string' ? value['ward'] : undefined);
  const province = value['province'] === PROVINCE_CODE ? cityName(site, locale) : (value['province'] as string | undefined);
  const parts = [
    typeof value['street'] === 'string' ? value['street'] : '',
    ward ? localName(ward, locale) : '',
    district ? localName(district, locale) : '',
    province ?? '',
  ].filter(Boolean);
  return <>{parts.join(', ')}</>;
}

// The text of one answer (not for groups and repeats).
export function answerText(field: FormField, value: unknown, locale: Locale, t: (k: MessageKey) => string): string {
  if (isAbsent(value)) return '';
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, locale) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN') : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) || value : String(value);
    case 'choice': {
      const o = (field.options ?? []).find((x) => x.value === value);
      return o ? fieldLabel(o, locale) : String(value);
    }
    case 'multi_choice':
      return Array.isArray(value)
        ? value.map((v) => (field.options ?? []).find((x) => x.value === v)).map((o, i) => (o ? fieldLabel(o, locale) : String((value as unknown[])[i]))).join('; ')
        : String(value);
    case 'yes_no':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function Answer({ field, value }: { field: FormField; value: unknown }) {
  const { t, locale } = useI18n();
  if (isAbsent(value)) return <span class="hint-inline">{t('answers.none')}</span>;
  if (field.type === 'address' && isRecord(value)) return <AddressText value={value} />;
  if (field.type === 'repeat' && Array.isArray(value)) {
    return (
      <ol class="answer-items">
        {value.map((item, i) => (
          <li key={i}>
            {(field.fields ?? [])
              .filter((f) => isRecord(item) && !isAbsent(item[f.key]))
              .map((f) => (
                <div key={f.key}>
                  {fieldLabel(f, locale)}: {isRecord(item) && <Answer field={f} value={item[f.key]} />}
                </div>
              ))}
          </li>
        ))}
      </ol>
    );
  }
  if (field.type === 'long_text') return <span class="pre-line">{answerText(field, value, locale, t)}</span>;
  return <>{answerText(field, value, locale, t)}</>;
}

interface RowSpec {
  key: string;
  label: string;
  field: FormField;
  value: unknown;
}

// Leaf rows of a scope, nested groups flattened ("Thông tin lô đất › Thửa đất số").
function rows(fields: readonly FormField[], scope: FormData, root: FormData, rootFields: readonly FormField[], locale: Locale, prefix = ''): RowSpec[] {
  const out: RowSpec[] = [];
  for (const f of fields) {
    if (!isVisible(f, fields, scope, root, rootFields)) continue;
    const label = prefix + fieldLabel(f, locale);
    if (f.type === 'group') {
      out.push(...rows(f.fields ?? [], isRecord(scope[f.key]) ? (scope[f.key] as FormData) : {}, root, rootFields, locale, `${label} › `));
    } else {
      out.push({ key: label, label, field: f, value: scope[f.key] });
    }
  }
  return out;
}

export function AnswersSummary({
  fields,
  sectionList,
  data,
  changeHref,
  headingLevel = 2,
}: {
  fields: readonly FormField[];
  sectionList: readonly Section[];
  data: FormData;
  changeHref?: (n: number) => string;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      {sectionList.map((section, i) => {
        const title = sectionTitle(sectionList, i, locale, t);
        const scope = section.group ? (isRecord(data[section.group.key]) ? (data[section.group.key] as FormData) : {}) : data;
        const list = rows(section.fields, scope, data, fields, locale);
        const Heading = headingLevel === 2 ? 'h2' : 'h3';
        return (
          <div key={i}>
            <Heading class={headingLevel === 2 ? 'heading-l' : 'heading-m'}>{title}</Heading>
            <dl class="summary-list">
              {list.map((r) => (
                <SummaryRow key={r.key} label={r.label} href={changeHref?.(i + 1)}>
                  <Answer field={r.field} value={r.value} />
                </SummaryRow>
              ))}
            </dl>
          </div>
        );
      })}
    </>
  );
}

function SummaryRow({ label, href, children }: { label: string; href?: string | undefined; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={`summary-list__row${href ? ' summary-list__row--actions' : ''}`}>
      <dt class="summary-list__key">{label}</dt>
      <dd class="summary-list__value">{children}</dd>
      {href && (
        <dd class="summary-list__actions">
          <a href={href}>
            {t('flow.change')}
            <span class="visually-hidden"> {label}</span>
          </a>
        </dd>
      )}
    </div>
  );
}
