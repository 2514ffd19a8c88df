import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import type { Dossier } from '../lib/dossiers';
import { clockText, timelineText } from './dossier_detail';
import { statusClass } from './my_dossiers';

const vi = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('vi', k, p);
const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);

describe('the dossier page in plain words', () => {
  it('says what each workflow action did', () => {
    expect(timelineText({ at: '', actor_role: 'citizen', action: 'submit', detail: { code: '000.00.19.H26-170124-0001' } }, vi)).toBe(
      'Bạn đã nộp hồ sơ trực tuyến, mã hồ sơ 000.00.19.H26-170124-0001',
    );
    expect(timelineText({ at: '', actor_role: 'one_stop_officer', action: 'receive' }, vi)).toBe('Bộ phận một cửa đã tiếp nhận hồ sơ');
    expect(timelineText({ at: '', actor_role: 'specialist', action: 'return_not_eligible' }, en)).toBe('The application is not eligible');
    expect(timelineText({ at: '', actor_role: 'x', action: 'something_new' }, vi)).toBe('Cập nhật hồ sơ (something_new)');
  });

  it('tells the time left, late or paused', () => {
    const d = (extra: Partial<Dossier>) => extra as Dossier;
    expect(clockText(d({ working_days_left: 3.5 }), 'vi', vi)).toBe('Còn 3,5 ngày làm việc');
    expect(clockText(d({ working_days_left: -2 }), 'vi', vi)).toBe('Quá hạn 2 ngày làm việc');
    expect(clockText(d({ working_days_left: 1.5 }), 'en', en)).toBe('1.5 working days left');
    expect(clockText(d({ paused: true, working_days_left: 4 }), 'vi', vi)).toMatch(/^Tạm dừng/);
    expect(clockText(d({}), 'vi', vi)).toBe('');
  });

  it('colours statuses by outcome', () => {
    expect(statusClass('draft')).toBe('tag tag--grey');
    expect(statusClass('awaiting_supplement')).toBe('tag tag--orange');
    expect(statusClass('refused')).toBe('tag tag--red');
    expect(statusClass('returned')).toBe('tag tag--green');
    expect(statusClass('assigned')).toBe('tag tag--pending');
  });
});
