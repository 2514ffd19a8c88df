// The inputs of a procedure's form, drawn from its schema (lib/form_schema.ts): one GOV.UK-style
// form group per field with its label, hint and inline error, radios for choices and yes/no,
// province → district → ward selects from the agency tree for addresses, and repeating groups
// with add/remove buttons. Every input's id is fieldId(path), which the error summary links to.
import { useState } from 'preact/hooks';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n/use_i18n';
import { catalogApi, type Agency } from '../lib/catalog';
import { localName } from '../lib/catalog_format';
import {
  fieldHelp,
  fieldId,
  fieldLabel,
  isAbsent,
  isVisible,
  parseNumberInput,
  type FormData,
  type FormField,
  type Problems,
} from '../lib/form_schema';
import { useApi } from '../lib/use_api';
import { useSite } from '../site_context';
import { cityName } from '../lib/site';
import { ChoiceGroup, SelectField, TextField } from './form';

// The one province the agency tree has: the city itself.
export const PROVINCE_CODE = '000.00.00.H26';

function problemText(problems: Problems, path: string, locale: Locale): string | undefined {
  const p = problems[path];
  if (!p) return undefined;
  return (locale === 'en' && p.message_en) || p.message || p.message_en || p.code;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ScopeProps {
  fields: readonly FormField[];
  // The path prefix of this scope ("" at the root, "owner." in a group, "co_owners[0]." in an item).
  prefix: string;
  scope: FormData;
  root: FormData;
  rootFields: readonly FormField[];
  problems: Problems;
  onScope: (scope: FormData) => void;
}

// The fields of one scope (the page's fields, a group's, a repeat item's), hidden ones left out.
export function SchemaFields(props: ScopeProps) {
  const { fields, prefix, scope, root, rootFields, problems, onScope } = props;
  const set = (key: string, value: unknown) => {
    const next: FormData = { ...scope };
    if (isAbsent(value)) delete next[key];
    else next[key] = value;
    onScope(next);
  };
  return (
    <>
      {fields
        .filter((f) => isVisible(f, fields, scope, root, rootFields))
        .map((f) => (
          <SchemaField
            key={f.key}
            field={f}
            path={prefix + f.key}
            value={scope[f.key]}
            onValue={(v) => set(f.key, v)}
            root={root}
            rootFields={rootFields}
            problems={problems}
          />
        ))}
    </>
  );
}

function SchemaField({
  field,
  path,
  value,
  onValue,
  root,
  rootFields,
  problems,
}: {
  field: FormField;
  path: string;
  value: unknown;
  onValue: (value: unknown) => void;
  root: FormData;
  rootFields: readonly FormField[];
  problems: Problems;
}) {
  const { t, locale } = useI18n();
  const id = fieldId(path);
  const label = fieldLabel(field, locale);
  const help = fieldHelp(field, locale);
  const error = problemText(problems, path, locale);
  const optional = !field.required;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const onText = (v: string) => onValue(v.normalize('NFC'));

  switch (field.type) {
    case 'text':
    case 'citizen_id':
    case 'tax_code':
    case 'phone':
    case 'email': {
      const extra =
        field.type === 'email'
          ? { type: 'email', autoComplete: 'email', spellcheck: false }
          : field.type === 'phone'
            ? { type: 'tel', autoComplete: 'tel' }
            : field.type === 'text'
              ? {}
              : { inputMode: 'numeric' as const, spellcheck: false };
      const hint =
        help ??
        (field.type === 'citizen_id'
          ? t('form_field.hint_citizen_id')
          : field.type === 'tax_code'
            ? t('form_field.hint_tax_code')
            : undefined);
      return (
        <TextField
          id={id}
          name={path}
          label={label}
          hint={hint}
          error={error}
          value={text}
          onValue={onText}
          optional={optional}
          inputClass={field.type === 'text' ? undefined : 'input--w20'}
          {...extra}
        />
      );
    }
    case 'long_text':
      return (
        <TextArea id={id} name={path} label={label} hint={help} error={error} value={text} onValue={onText} optional={optional} />
      );
    case 'number':
    case 'money':
      return (
        <TextField
          id={id}
          name={path}
          label={label}
          hint={help ?? (field.type === 'money' ? t('form_field.hint_money') : undefined)}
          error={error}
          value={text}
          onValue={(v) => onValue(parseNumberInput(v, field.type === 'money'))}
          optional={optional}
          inputMode={field.integer || field.type === 'money' ? 'numeric' : 'decimal'}
          inputClass="input--w10"
          spellcheck={false}
        />
      );
    case 'date':
      return (
        <DateField id={id} path={path} label={label} hint={help} error={error} optional={optional} value={text} onValue={onValue} />
      );
    case 'choice':
      return (
        <ChoiceGroup
          id={id}
          name={path}
          type="radio"
          legend={label + (optional ? ` ${t('form.optional')}` : '')}
          hint={help}
          error={error}
          choices={(field.options ?? []).map((o) => ({ value: o.value, label: fieldLabel(o, locale) }))}
          selected={typeof value === 'string' ? [value] : []}
          onChange={(sel) => onValue(sel[0] ?? '')}
        />
      );
    case 'multi_choice':
      return (
        <ChoiceGroup
          id={id}
          name={path}
          type="checkbox"
          legend={label + (optional ? ` ${t('form.optional')}` : '')}
          hint={help ?? t('form_field.hint_multi')}
          error={error}
          choices={(field.options ?? []).map((o) => ({ value: o.value, label: fieldLabel(o, locale) }))}
          selected={Array.isArray(value) ? (value as string[]) : []}
          onChange={(sel) => onValue(sel)}
        />
      );
    case 'yes_no':
      return (
        <ChoiceGroup
          id={id}
          name={path}
          type="radio"
          legend={label + (optional ? ` ${t('form.optional')}` : '')}
          hint={help}
          error={error}
          small
          choices={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          selected={value === true ? ['true'] : value === false ? ['false'] : []}
          onChange={(sel) => onValue(sel[0] === 'true' ? true : sel[0] === 'false' ? false : undefined)}
        />
      );
    case 'address':
      return (
        <AddressField
          id={id}
          path={path}
          label={label}
          hint={help}
          optional={optional}
          value={isRecord(value) ? (value as Record<string, string>) : {}}
          onValue={onValue}
          problems={problems}
        />
      );
    case 'group':
      return (
        <div class="form-group">
          <fieldset class="fieldset" id={id}>
            <legend class="fieldset__legend fieldset__legend--m">{label}</legend>
            {help && <p class="hint">{help}</p>}
            <SchemaFields
              fields={field.fields ?? []}
              prefix={`${path}.`}
              scope={isRecord(value) ? value : {}}
              root={root}
              rootFields={rootFields}
              problems={problems}
              onScope={onValue}
            />
          </fieldset>
        </div>
      );
    case 'repeat':
      return (
        <RepeatField
          field={field}
          id={id}
          path={path}
          label={label}
          hint={help}
          error={error}
          items={Array.isArray(value) ? (value as FormData[]) : []}
          onItems={onValue}
          root={root}
          rootFields={rootFields}
          problems={problems}
        />
      );
  }
}

// GOV.UK date input: day, month and year boxes (a browser date picker shows its own order, often
// mm/dd/yyyy). The value is "YYYY-MM-DD"; an incomplete date is kept as typed so the check can
// say so. The day box carries the field's id (the error summary links to it).
export function splitDate(value: string): { d: string; m: string; y: string } {
  const [y = '', m = '', d = ''] = value.split('-');
  return { d: d.replace(/^0(?=\d)/, ''), m: m.replace(/^0(?=\d)/, ''), y };
}

export function joinDate(d: string, m: string, y: string): string {
  const day = d.trim();
  const month = m.trim();
  const year = y.trim();
  if (!day && !month && !year) return '';
  const pad = (x: string) => (/^\d$/.test(x) ? `0${x}` : x);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function DateField({
  id,
  path,
  label,
  hint,
  error,
  optional,
  value,
  onValue,
}: {
  id: string;
  path: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional: boolean;
  value: string;
  onValue: (v: unknown) => void;
}) {
  const { t } = useI18n();
  const parts = splitDate(value);
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const set = (part: 'd' | 'm' | 'y', v: string) => {
    const next = { ...parts, [part]: v };
    onValue(joinDate(next.d, next.m, next.y));
  };
  const box = (part: 'd' | 'm' | 'y', suffix: string, name: string, width: string) => (
    <div class="date-input__item">
      <label class="label date-input__label" for={suffix ? `${id}-${suffix}` : id}>
        {name}
      </label>
      <input
        class={`input ${width}${error ? ' input--error' : ''}`}
        id={suffix ? `${id}-${suffix}` : id}
        name={`${path}.${part}`}
        inputMode="numeric"
        spellcheck={false}
        value={parts[part]}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => set(part, event.currentTarget.value)}
      />
    </div>
  );
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" role="group" aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}>
        <legend class="fieldset__legend">
          {label}
          {optional && <span class="hint-inline"> {t('form.optional')}</span>}
        </legend>
        <p class="hint" id={hintId}>
          {hint ?? t('form_field.hint_date')}
        </p>
        {error && (
          <p class="error-message" id={errorId}>
            <span class="visually-hidden">{t('form.error_prefix')} </span>
            {error}
          </p>
        )}
        <div class="date-input">
          {box('d', '', t('form_field.day'), 'input--w2')}
          {box('m', 'month', t('form_field.month'), 'input--w2')}
          {box('y', 'year', t('form_field.year'), 'input--w4')}
        </div>
      </fieldset>
    </div>
  );
}

function TextArea({
  id,
  name,
  label,
  hint,
  error,
  value,
  onValue,
  optional,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (v: string) => void;
  optional: boolean;
}) {
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {label}
        {optional && <span class="hint-inline"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{t('form.error_prefix')} </span>
          {error}
        </p>
      )}
      <textarea
        class={`textarea${error ? ' input--error' : ''}`}
        id={id}
        name={name}
        rows={4}
        value={value}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

// Province (the city), district and ward from the agency tree, and the street line.
function AddressField({
  id,
  path,
  label,
  hint,
  optional,
  value,
  onValue,
  problems,
}: {
  id: string;
  path: string;
  label: string;
  hint?: string | undefined;
  optional: boolean;
  value: Record<string, string>;
  onValue: (v: unknown) => void;
  problems: Problems;
}) {
  const { t, locale } = useI18n();
  const site = useSite();
  const districts = useAgencies('district', '');
  const wards = useAgencies('ward', value['district'] ?? '');
  const set = (part: string, v: string) => {
    const next: Record<string, string> = { ...value, [part]: v.normalize('NFC') };
    if (part === 'district') delete next['ward'];
    if (!next['province'] && (part === 'district' || part === 'ward')) next['province'] = PROVINCE_CODE;
    for (const k of Object.keys(next)) if (!next[k]) delete next[k];
    onValue(next);
  };
  const whole = problemText(problems, path, locale);
  return (
    <div class="form-group">
      <fieldset class="fieldset address" id={id}>
        <legend class="fieldset__legend">
          {label}
          {optional && <span class="hint-inline"> {t('form.optional')}</span>}
        </legend>
        {hint && <p class="hint">{hint}</p>}
        {whole && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.error_prefix')} </span>
            {whole}
          </p>
        )}
        <SelectField
          id={`${id}-province`}
          name={`${path}.province`}
          label={t('form_field.province')}
          error={problemText(problems, `${path}.province`, locale)}
          value={value['province'] ?? ''}
          onValue={(v) => set('province', v)}
        >
          <option value="">{t('form_field.choose')}</option>
          <option value={PROVINCE_CODE}>{cityName(site, locale)}</option>
        </SelectField>
        <SelectField
          id={`${id}-district`}
          name={`${path}.district`}
          label={t('form_field.district')}
          error={problemText(problems, `${path}.district`, locale)}
          value={value['district'] ?? ''}
          onValue={(v) => set('district', v)}
        >
          <option value="">{t('form_field.choose')}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {localName(d, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-ward`}
          name={`${path}.ward`}
          label={t('form_field.ward')}
          hint={value['district'] ? undefined : t('form_field.district_first')}
          error={problemText(problems, `${path}.ward`, locale)}
          value={value['ward'] ?? ''}
          onValue={(v) => set('ward', v)}
        >
          <option value="">{t('form_field.choose')}</option>
          {wards.map((w) => (
            <option key={w.code} value={w.code}>
              {localName(w, locale)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-street`}
          name={`${path}.street`}
          label={t('form_field.street')}
          hint={t('form_field.street_hint')}
          error={problemText(problems, `${path}.street`, locale)}
          value={value['street'] ?? ''}
          onValue={(v) => set('street', v)}
          optional
          autoComplete="street-address"
        />
      </fieldset>
    </div>
  );
}

// Districts of the city, or the wards of one district (cached per page view by the API hook).
export function useAgencies(tier: 'district' | 'ward', parent: string): Agency[] {
  const loaded = useApi<Agency[]>(
    (signal) =>
      tier === 'ward' && !parent
        ? Promise.resolve([])
        : catalogApi
            .agencies(tier === 'ward' ? { tier, parent } : { tier }, signal)
            .then((r) => r.items),
    [tier, parent],
  );
  return loaded.data ?? [];
}

function RepeatField({
  field,
  id,
  path,
  label,
  hint,
  error,
  items,
  onItems,
  root,
  rootFields,
  problems,
}: {
  field: FormField;
  id: string;
  path: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  items: FormData[];
  onItems: (items: unknown) => void;
  root: FormData;
  rootFields: readonly FormField[];
  problems: Problems;
}) {
  const { t } = useI18n();
  const [announce, setAnnounce] = useState('');
  const max = field.max_items;
  const canAdd = max === undefined || items.length < max;
  const add = () => {
    onItems([...items, {}]);
    setAnnounce(t('form_field.item_added', { label, n: items.length + 1 }));
    // Focus the new item's first input once it is drawn.
    setTimeout(() => {
      const first = document.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${items.length}`)} input, #${CSS.escape(`${id}-${items.length}`)} select`);
      first?.focus();
    }, 0);
  };
  const remove = (index: number) => {
    onItems(items.filter((_, i) => i !== index));
    setAnnounce(t('form_field.item_removed', { label, n: index + 1 }));
  };
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset repeat" id={id} aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="fieldset__legend fieldset__legend--m">{label}</legend>
        {hint && <p class="hint">{hint}</p>}
        {error && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.error_prefix')} </span>
            {error}
          </p>
        )}
        {items.length === 0 && <p class="hint">{t('form_field.no_items')}</p>}
        {items.map((item, index) => (
          <fieldset class="fieldset repeat__item" id={`${id}-${index}`} key={index}>
            <legend class="fieldset__legend">{t('form_field.item_title', { label, n: index + 1 })}</legend>
            <SchemaFields
              fields={field.fields ?? []}
              prefix={`${path}[${index}].`}
              scope={isRecord(item) ? item : {}}
              root={root}
              rootFields={rootFields}
              problems={problems}
              onScope={(next) => onItems(items.map((x, i) => (i === index ? next : x)))}
            />
            <button type="button" class="button button--secondary" onClick={() => remove(index)}>
              {t('form_field.remove_item', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        {canAdd && (
          <button type="button" class="button button--secondary" onClick={add}>
            {t('form_field.add_item', { label })}
          </button>
        )}
        <p class="visually-hidden" role="status">
          {announce}
        </p>
      </fieldset>
    </div>
  );
}
