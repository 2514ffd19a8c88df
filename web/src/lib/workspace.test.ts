import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { formatDateTimeDmy } from './format';
import {
  actionBody,
  allowedFromError,
  daysLeft,
  dialogFields,
  dueFlagOf,
  dueInputOf,
  EMPTY_ACTION_INPUT,
  formatDays,
  formatHours,
  inboxApiQuery,
  inboxHref,
  parseDueInput,
  parseInboxQuery,
  sheetUnitName,
  statusChips,
  totalCount,
  validateAction,
  workflowLabel,
  type ActionInfo,
} from './workspace';

function action(name: string, needs: Partial<ActionInfo> = {}): ActionInfo {
  return {
    name,
    label: name,
    label_en: name,
    needs_comment: false,
    needs_assignee: false,
    needs_new_due: false,
    needs_result_number: false,
    needs_return_method: false,
    slip: 'none',
    ...needs,
  };
}

const SPECIALISTS = [{ username: 'badinh.chuyenvien', full_name: 'Lê Văn Cường' }];
const NOW = Date.parse('2017-03-01T10:00:00+07:00');

describe('days left', () => {
  it('formats working days with one decimal at most, in the reader’s way', () => {
    expect(formatDays(3.5, 'vi')).toBe('3,5');
    expect(formatDays(3.5, 'en')).toBe('3.5');
    expect(formatDays(15, 'vi')).toBe('15');
    expect(formatDays(13.94, 'vi')).toBe('13,9');
    expect(formatDays(-2, 'vi')).toBe('2');
  });

  it('says left, due now, late, paused or no clock', () => {
    expect(daysLeft({ working_days_left: 3.5 }, 'vi')).toEqual({ kind: 'left', days: '3,5', count: 3.5 });
    expect(daysLeft({ working_days_left: 0 }, 'vi')).toEqual({ kind: 'today', days: '0', count: 0 });
    expect(daysLeft({ working_days_left: -1.2 }, 'en')).toEqual({ kind: 'late', days: '1.2', count: 1.2 });
    expect(daysLeft({ working_days_left: 13.9, paused: true }, 'vi').kind).toBe('paused');
    expect(daysLeft({ working_days_left: null }, 'vi').kind).toBe('none');
    expect(daysLeft({}, 'vi').kind).toBe('none');
  });

  it('reads as a sentence in both languages', () => {
    const vi = daysLeft({ working_days_left: -2 }, 'vi');
    expect(translate('vi', `days.${vi.kind}`, { days: vi.days })).toBe('Quá 2 ngày làm việc');
    const en = daysLeft({ working_days_left: 3.5 }, 'en');
    expect(translate('en', `days.${en.kind}`, { days: en.days })).toBe('3.5 working days left');
  });

  it('prints hours of the control sheet the same way', () => {
    expect(formatHours(12, 'vi')).toBe('12');
    expect(formatHours(1.5, 'vi')).toBe('1,5');
    expect(formatHours(Number.NaN, 'vi')).toBe('');
  });

  it('prints due times day first, in Hanoi time', () => {
    expect(formatDateTimeDmy('2017-03-14T02:00:00Z')).toBe('14/03/2017 09:00');
    expect(formatDateTimeDmy('2017-03-14T09:05:00+07:00')).toBe('14/03/2017 09:05');
    expect(formatDateTimeDmy('not a date')).toBe('');
    expect(formatDateTimeDmy(null)).toBe('');
  });
});

describe('due flags', () => {
  it('takes the server’s mark first', () => {
    expect(dueFlagOf({ due_flag: 'overdue', working_days_left: 2 })).toBe('overdue');
    expect(dueFlagOf({ due_flag: 'soon', working_days_left: 3 })).toBe('soon');
  });

  it('catches what changed since the last sweep from the days left', () => {
    expect(dueFlagOf({ due_flag: null, working_days_left: -0.1 })).toBe('overdue');
    expect(dueFlagOf({ due_flag: null, working_days_left: 1 })).toBe('soon');
    expect(dueFlagOf({ due_flag: null, working_days_left: 0 })).toBe('soon');
    expect(dueFlagOf({ due_flag: null, working_days_left: 1.1 })).toBeNull();
  });

  it('does not call a paused dossier nearly due: its clock stands still', () => {
    expect(dueFlagOf({ due_flag: null, working_days_left: 0.5, paused: true })).toBeNull();
    expect(dueFlagOf({ due_flag: null, working_days_left: -1, paused: true })).toBe('overdue');
  });

  it('has no flag without a clock', () => {
    expect(dueFlagOf({ due_flag: null, working_days_left: null })).toBeNull();
    expect(dueFlagOf({})).toBeNull();
  });
});

describe('inbox filters and the URL', () => {
  it('reads what can be right and drops the rest', () => {
    expect(parseInboxQuery('?status=received&due=soon&q=  nguyen   van &procedure=H26.QH.XD.01&page=2')).toEqual({
      q: 'nguyen van',
      status: 'received',
      procedure: 'H26.QH.XD.01',
      due: 'soon',
      page: 2,
    });
    expect(parseInboxQuery('?status=DROP TABLE&due=later&page=abc&procedure=<x>')).toEqual({
      q: '',
      status: '',
      procedure: '',
      due: '',
      page: 1,
    });
  });

  it('has one URL per search, page 1 and empty values left out', () => {
    expect(inboxHref({ q: 'an', status: 'received', due: 'overdue', page: 1 })).toBe(
      '/can-bo/ho-so?q=an&status=received&due=overdue',
    );
    expect(inboxHref({ page: 3 })).toBe('/can-bo/ho-so?page=3');
    expect(inboxHref({})).toBe('/can-bo/ho-so');
  });

  it('sends the API only what is set, the search in NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n';
    expect(inboxApiQuery({ q: decomposed, status: '', procedure: '', due: '', page: 1 })).toEqual({
      q: 'Nguyễn',
      page: 1,
      per_page: 20,
    });
    expect(inboxApiQuery({ q: '', status: 'issued', procedure: 'X', due: 'soon', page: 2 }, 5)).toEqual({
      status: 'issued',
      procedure: 'X',
      due: 'soon',
      page: 2,
      per_page: 5,
    });
  });

  it('orders the status chips as the workflow goes, empty ones left out', () => {
    const counts = { issued: 1, submitted: 3, received: 0, zeta_state: 2, proposed: 4 };
    expect(statusChips(counts).map((c) => c.status)).toEqual(['submitted', 'proposed', 'issued', 'zeta_state']);
    expect(totalCount(counts)).toBe(10);
  });

  it('labels states and actions from the catalog, or by name when it has none', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('vi', key);
    expect(workflowLabel('state', 'received', t)).toBe('Đã tiếp nhận');
    expect(workflowLabel('action', 'return_result', t)).toBe('Trả kết quả');
    expect(workflowLabel('state', 'zeta_state', t)).toBe('zeta_state');
    expect(workflowLabel('action', 'assign', (key) => translate('en', key))).toBe('Assign');
  });
});

describe('the action dialog', () => {
  it('asks for what the action needs, the comment last', () => {
    expect(dialogFields(action('receive'))).toEqual([{ name: 'comment', required: false }]);
    expect(dialogFields(action('assign', { needs_assignee: true }))).toEqual([
      { name: 'assignee', required: true },
      { name: 'comment', required: false },
    ]);
    expect(dialogFields(action('extend', { needs_comment: true, needs_new_due: true })).map((f) => f.name)).toEqual([
      'new_due',
      'comment',
    ]);
    expect(dialogFields(action('issue', { needs_result_number: true }))[0]).toEqual({ name: 'result_number', required: true });
    expect(dialogFields(action('return_result', { needs_return_method: true }))[0]).toEqual({
      name: 'return_method',
      required: true,
    });
    expect(dialogFields(action('refuse', { needs_comment: true }))).toEqual([{ name: 'comment', required: true }]);
  });

  it('checks the inputs before sending', () => {
    const input = { ...EMPTY_ACTION_INPUT };
    expect(validateAction(action('receive'), input, [], NOW)).toEqual({});
    expect(validateAction(action('refuse', { needs_comment: true }), { ...input, comment: '   ' }, [], NOW)).toEqual({
      comment: 'comment_required',
    });
    expect(validateAction(action('receive'), { ...input, comment: 'x'.repeat(2001) }, [], NOW)).toEqual({ comment: 'too_long' });
    // 2000 letters are 2000 characters even when each takes two UTF-16 units (as the server counts).
    expect(validateAction(action('receive'), { ...input, comment: '𝐀'.repeat(2000) }, [], NOW)).toEqual({});
    const assign = action('assign', { needs_assignee: true });
    expect(validateAction(assign, input, SPECIALISTS, NOW)).toEqual({ assignee: 'required' });
    expect(validateAction(assign, { ...input, assignee: 'someone.else' }, SPECIALISTS, NOW)).toEqual({
      assignee: 'unknown_assignee',
    });
    expect(validateAction(assign, { ...input, assignee: 'badinh.chuyenvien' }, SPECIALISTS, NOW)).toEqual({});
    const issue = action('issue', { needs_result_number: true });
    expect(validateAction(issue, { ...input, result_number: ' ' }, [], NOW)).toEqual({ result_number: 'required' });
    expect(validateAction(issue, { ...input, result_number: '1'.repeat(101) }, [], NOW)).toEqual({ result_number: 'too_long' });
    const ret = action('return_result', { needs_return_method: true });
    expect(validateAction(ret, input, [], NOW)).toEqual({ return_method: 'required' });
    expect(validateAction(ret, { ...input, return_method: 'pigeon' }, [], NOW)).toEqual({ return_method: 'unknown_value' });
    expect(validateAction(ret, { ...input, return_method: 'post' }, [], NOW)).toEqual({});
  });

  it('takes a new due date and time in Hanoi time, in the future', () => {
    const extend = action('extend', { needs_comment: true, needs_new_due: true });
    const ok = { ...EMPTY_ACTION_INPUT, comment: 'Cần thêm ý kiến của Sở Xây dựng.', due_date: '20/3/2017', due_time: '16:30' };
    expect(validateAction(extend, ok, [], NOW)).toEqual({});
    expect(actionBody(extend, ok, 7)).toEqual({
      version: 7,
      comment: 'Cần thêm ý kiến của Sở Xây dựng.',
      new_due: '2017-03-20T16:30:00+07:00',
    });
    expect(validateAction(extend, { ...ok, due_date: '28/02/2017' }, [], NOW)).toEqual({ due_date: 'due_not_future' });
    expect(validateAction(extend, { ...ok, due_date: '', due_time: '' }, [], NOW)).toEqual({
      due_date: 'required',
      due_time: 'required',
    });
    expect(validateAction(extend, { ...ok, due_date: '31/02/2017', due_time: '24:00' }, [], NOW)).toEqual({
      due_date: 'due_date_format',
      due_time: 'due_time_format',
    });
    expect(parseDueInput('29/02/2016', '8h05')).toEqual({ iso: '2016-02-29T08:05:00+07:00' });
    expect(parseDueInput('29/02/2017', '08:05')).toEqual({ date: 'due_date_format' });
    expect(parseDueInput('2017-03-20', '08:05')).toEqual({ date: 'due_date_format' });
  });

  it('prefills the new due time from the current one', () => {
    expect(dueInputOf('2017-03-14T02:00:00Z')).toEqual({ due_date: '14/03/2017', due_time: '09:00' });
    expect(dueInputOf(null)).toEqual({ due_date: '', due_time: '' });
  });

  it('sends the version seen and only what the action takes, trimmed and in NFC', () => {
    const input = {
      ...EMPTY_ACTION_INPUT,
      comment: '  Đu\u0309 điều kiện  ',
      assignee: 'badinh.chuyenvien',
      result_number: ' 125/GPXD ',
      return_method: 'in_person',
      due_date: '20/03/2017',
      due_time: '16:30',
    };
    expect(actionBody(action('propose'), input, 5)).toEqual({ version: 5, comment: 'Đủ điều kiện' });
    expect(actionBody(action('assign', { needs_assignee: true }), { ...input, comment: '' }, 2)).toEqual({
      version: 2,
      assignee: 'badinh.chuyenvien',
    });
    expect(actionBody(action('issue', { needs_result_number: true }), { ...input, comment: '' }, 9)).toEqual({
      version: 9,
      result_number: '125/GPXD',
    });
    expect(actionBody(action('return_result', { needs_return_method: true }), { ...input, comment: '' }, 10)).toEqual({
      version: 10,
      return_method: 'in_person',
    });
  });

  it('asks for the partner agency and its unit when handing over', () => {
    const handOver = action('hand_over', { needs_partner: true });
    expect(dialogFields(handOver).map((f) => f.name)).toEqual(['partner_agency', 'partner_unit', 'comment']);
    const input = { ...EMPTY_ACTION_INPUT };
    expect(validateAction(handOver, input, [], NOW, [])).toEqual({ partner_agency: 'required' });
    const chosen = { ...input, partner_agency: '000.00.06.H26' };
    expect(validateAction(handOver, chosen, [], NOW, ['qlxd', 'kt'])).toEqual({ partner_unit: 'required' });
    expect(validateAction(handOver, { ...chosen, partner_unit: 'x' }, [], NOW, ['qlxd'])).toEqual({ partner_unit: 'unknown_value' });
    expect(validateAction(handOver, chosen, [], NOW, []), 'an agency without units takes it whole').toEqual({});
    expect(actionBody(handOver, { ...chosen, partner_unit: 'qlxd' }, 4)).toEqual({
      version: 4,
      partner_agency: '000.00.06.H26',
      partner_unit: 'qlxd',
    });
  });

  it('reads the allowed actions of a 409 action_not_allowed', () => {
    expect(allowedFromError({ allowed: { message: 'assign, extend' } })).toEqual(['assign', 'extend']);
    expect(allowedFromError({ allowed: { message: '-' } })).toEqual([]);
    expect(allowedFromError({})).toEqual([]);
  });
});

describe('sheetUnitName', () => {
  const BA_DINH = '000.00.19.H26';
  const HOAN_KIEM = '000.00.20.H26';
  const agencies = new Map([
    [BA_DINH, { name: 'Quận Ba Đình', name_en: 'Ba Dinh District', units: [{ key: 'tnmt', name: 'Phòng Tài nguyên và Môi trường' }, { key: 'qldt', name: 'Phòng Quản lý đô thị' }] }],
    [HOAN_KIEM, { name: 'Quận Hoàn Kiếm', name_en: 'Hoan Kiem District', units: [{ key: 'qldt', name: 'Phòng Quản lý đô thị' }, { key: 'kt', name: 'Phòng Kinh tế' }] }],
  ]);
  it('names a lead unit by its name alone', () => {
    expect(sheetUnitName({ agency: BA_DINH, unit: 'tnmt' }, BA_DINH, agencies)).toBe('Phòng Tài nguyên và Môi trường');
  });
  it('names a partner step by the partner unit and agency, not by the lead unit of the same key', () => {
    expect(sheetUnitName({ agency: HOAN_KIEM, unit: 'qldt' }, BA_DINH, agencies)).toBe('Phòng Quản lý đô thị (Quận Hoàn Kiếm)');
    expect(sheetUnitName({ agency: HOAN_KIEM, unit: 'kt' }, BA_DINH, agencies, 'en')).toBe('Phòng Kinh tế (Hoan Kiem District)');
    expect(sheetUnitName({ agency: HOAN_KIEM, unit: null }, BA_DINH, agencies)).toBe('Quận Hoàn Kiếm');
  });
  it('keeps codes and keys the catalog does not know', () => {
    expect(sheetUnitName({ agency: '000.00.99.H26', unit: 'x' }, BA_DINH, agencies)).toBe('x (000.00.99.H26)');
    expect(sheetUnitName({ agency: BA_DINH, unit: 'gone' }, BA_DINH, new Map())).toBe('gone');
  });
});
