import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { translate, type MessageKey } from '../i18n';
import { fromApiError, fromKeys, messageText, summaryItems } from './form';

const t = (key: MessageKey) => translate('vi', key);

describe('form errors', () => {
  const server = new ApiError(422, {
    code: 'validation_failed',
    message: 'Thông tin chưa hợp lệ.',
    message_en: 'Not valid.',
    fields: {
      date_of_birth: { code: 'invalid_format', message: 'Ngày sinh không hợp lệ.', message_en: 'Not a date.' },
      username: { code: 'taken', message: 'Tên đăng nhập đã có người dùng.', message_en: 'Taken.' },
    },
  });

  it('shows server field errors in the person language, client ones from the catalog', () => {
    const errors = { ...fromApiError(server), ...fromKeys({ phone: 'validation.phone_required' }) };
    expect(messageText(errors['username']!, t, 'vi')).toBe('Tên đăng nhập đã có người dùng.');
    expect(messageText(errors['username']!, t, 'en')).toBe('Taken.');
    expect(messageText(errors['phone']!, t, 'vi')).toBe('Nhập số điện thoại');
  });

  it('lists the summary in page order, linking each item to its field', () => {
    const errors = { ...fromApiError(server), ...fromKeys({ phone: 'validation.phone_required' }) };
    const items = summaryItems(errors, ['date_of_birth', 'phone', 'username'], (n) => `f-${n}`, t, 'vi');
    expect(items).toEqual([
      { target: 'f-date_of_birth', text: 'Ngày sinh không hợp lệ.' },
      { target: 'f-phone', text: 'Nhập số điện thoại' },
      { target: 'f-username', text: 'Tên đăng nhập đã có người dùng.' },
    ]);
  });

  it('keeps server errors of fields the page does not list, at the end', () => {
    const items = summaryItems(fromApiError(server), ['username'], (n) => n, t, 'vi');
    expect(items.map((i) => i.target)).toEqual(['username', 'date_of_birth']);
  });

  it('can rename server fields to the page fields', () => {
    expect(Object.keys(fromApiError(server, { date_of_birth: 'dob' }))).toEqual(['dob', 'username']);
  });
});
