import { describe, expect, it } from 'vitest';
import {
  clockWords,
  dateWords,
  feeWords,
  formNumber,
  idNumberLabel,
  isSlipForm,
  paperKindLabel,
  placeName,
  placeDateLine,
  readSlip,
  slipPaths,
  statutoryTimeWords,
  timingWords,
} from './slip_format';

describe('dateWords and placeDateLine', () => {
  it('writes the day in words, in Vietnam time', () => {
    expect(dateWords('2017-03-05T02:00:00Z')).toBe('ngày 05 tháng 03 năm 2017');
    // 18:30 UTC on the 4th is already the 5th in Hà Nội
    expect(dateWords('2017-03-04T18:30:00Z')).toBe('ngày 05 tháng 03 năm 2017');
    expect(dateWords('2017-03-05T23:59:00+07:00')).toBe('ngày 05 tháng 03 năm 2017');
    expect(dateWords('2017-12-31')).toBe('ngày 31 tháng 12 năm 2017');
  });
  it('gives nothing for unreadable or zone-less times', () => {
    expect(dateWords('')).toBe('');
    expect(dateWords(null)).toBe('');
    expect(dateWords('2017-03-05T09:00:00')).toBe('');
    expect(dateWords('hôm qua')).toBe('');
  });
  it('puts the place before the date, or leaves blanks for a pen', () => {
    expect(placeDateLine('Hà Nội', '2017-02-21T09:00:00+07:00')).toBe('Hà Nội, ngày 21 tháng 02 năm 2017');
    expect(placeDateLine('Hà Nội', '')).toBe('Hà Nội, ngày ..... tháng ..... năm .....');
    expect(placeDateLine('', '2017-02-21T09:00:00+07:00')).toBe('Ngày 21 tháng 02 năm 2017');
    expect(placeDateLine('Thành phố Hà Nội', '2017-02-21T09:00:00+07:00')).toBe('Hà Nội, ngày 21 tháng 02 năm 2017');
  });
  it('drops "Thành phố"/"Tỉnh" from the place', () => {
    expect(placeName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeName('Tỉnh Lào Cai')).toBe('Lào Cai');
    expect(placeName('Hà Nội')).toBe('Hà Nội');
  });
});

describe('clockWords', () => {
  it('writes hh giờ mm phút, ngày dd/mm/yyyy in Vietnam time', () => {
    expect(clockWords('2017-01-19T01:30:00Z')).toBe('08 giờ 30 phút, ngày 19/01/2017');
    expect(clockWords('2017-03-14T09:00:00+07:00')).toBe('09 giờ 00 phút, ngày 14/03/2017');
    expect(clockWords('2017-03-14T17:05:00+07:00')).toBe('17 giờ 05 phút, ngày 14/03/2017');
  });
  it('gives nothing for missing times', () => {
    expect(clockWords('')).toBe('');
    expect(clockWords(undefined)).toBe('');
    expect(clockWords('2017-03-14')).toBe('');
  });
});

describe('paper kinds, statutory time, fee, timing, numbers', () => {
  it('names the paper kinds in Vietnamese', () => {
    expect(paperKindLabel('original')).toBe('Bản chính');
    expect(paperKindLabel('certified_copy')).toBe('Bản sao có chứng thực');
    expect(paperKindLabel('copy')).toBe('Bản sao');
    expect(paperKindLabel('photo')).toBe('photo');
  });
  it('writes the statutory time', () => {
    expect(statutoryTimeWords({ amount: 15, unit: 'working_days' })).toBe('15 ngày làm việc');
    expect(statutoryTimeWords({ amount: 4, unit: 'working_hours' })).toBe('4 giờ làm việc');
    expect(statutoryTimeWords({ amount: 0.5, unit: 'working_days' })).toBe('0,5 ngày làm việc');
    expect(statutoryTimeWords({ amount: 0, unit: 'working_days' })).toBe('');
    expect(statutoryTimeWords(null)).toBe('');
  });
  it('writes the fee in đồng with whether it was paid', () => {
    expect(feeWords([{ amount: 1_000_000 }, { amount: 500_000 }], false)).toBe('1.500.000 ₫ (chưa nộp)');
    expect(feeWords([{ amount: 75_000 }], true)).toBe('75.000 ₫ (đã nộp)');
    expect(feeWords([], false)).toBe('Không thu phí, lệ phí');
    expect(feeWords([{ amount: 0 }], false)).toBe('Không thu phí, lệ phí');
  });
  it('says a step was before time, on time or late', () => {
    expect(timingWords('before_time')).toBe('Trước hạn');
    expect(timingWords('on_time')).toBe('Đúng hạn');
    expect(timingWords('late')).toBe('Quá hạn');
    expect(timingWords('')).toBe('');
  });
  it('numbers the forms and labels the applicant number', () => {
    expect(formNumber('form_01')).toBe('Mẫu số 01');
    expect(formNumber('form_05')).toBe('Mẫu số 05');
    expect(formNumber('receipt')).toBe('');
    expect(isSlipForm('form_04')).toBe(true);
    expect(isSlipForm('form_05')).toBe(false);
    expect(idNumberLabel('business')).toBe('Mã số thuế');
    expect(idNumberLabel('citizen')).toBe('Số định danh cá nhân');
  });
  it('builds the print addresses', () => {
    expect(slipPaths.officer(7, 3)).toBe('/can-bo/ho-so/7/phieu/3');
    expect(slipPaths.applicant(7, 3)).toBe('/ho-so-cua-toi/7/phieu/3');
    expect(slipPaths.controlSheet(7)).toBe('/can-bo/ho-so/7/phieu-kiem-soat');
  });
});

describe('readSlip', () => {
  it('reads a receipt as the workflow froze it', () => {
    const s = readSlip({
      code: '000.00.19.H26-170221-0001',
      agency: { code: '000.00.19.H26', name: 'Quận Ba Đình' },
      applicant: { name: 'Nguyễn Văn An', kind: 'citizen', id_number: '001090012345', phone: '0912345678', email: '', address: 'Số 12' },
      procedure: { code: 'H26.QH.XD.01', name: 'Cấp giấy phép xây dựng', version: 1 },
      officer: { username: 'badinh.motcua', full_name: 'Lê Thị Hoa' },
      statutory_time: { amount: 15, unit: 'working_days' },
      received_at: '2017-02-21T09:00:00+07:00',
      appointment_at: '2017-03-14T09:00:00+07:00',
      papers: [{ name: 'Đơn đề nghị', kind: 'original', count: 2 }],
      fee: [{ name: 'Lệ phí', amount: 75000 }],
      collect_at: 'Quận Ba Đình',
      fee_paid: false,
    });
    expect(s.code).toBe('000.00.19.H26-170221-0001');
    expect(s.applicant.phone).toBe('0912345678');
    expect(s.officer.full_name).toBe('Lê Thị Hoa');
    expect(s.statutory_time).toEqual({ amount: 15, unit: 'working_days' });
    expect(s.papers).toEqual([{ name: 'Đơn đề nghị', kind: 'original', count: 2 }]);
    expect(s.fee).toEqual([{ name: 'Lệ phí', amount: 75000 }]);
    expect(s.fee_paid).toBe(false);
    expect(s.reason).toBe('');
  });
  it('tolerates missing or mistyped fields', () => {
    const s = readSlip({ code: 5, papers: 'none', fee: [null], applicant: [], fee_paid: 'yes' });
    expect(s.code).toBe('5');
    expect(s.papers).toEqual([]);
    expect(s.fee).toEqual([{ name: '', amount: 0 }]);
    expect(s.applicant.name).toBe('');
    expect(s.statutory_time).toBeNull();
    expect(s.fee_paid).toBe(false);
    expect(readSlip(null).agency).toEqual({ code: '', name: '' });
  });
});
