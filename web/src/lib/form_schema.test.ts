import { describe, expect, it } from 'vitest';
import {
  fold,
  matchAgency,
  streetPart,
  fieldAt,
  fieldId,
  isCitizenId,
  isEmail,
  isPhone,
  isTaxCode,
  isVisible,
  parseNumberInput,
  prefill,
  rootKey,
  schemaFields,
  sectionOfPath,
  sections,
  targetId,
  todayInVietnam,
  validate,
  validateSection,
  visibleData,
  type FormField,
} from './form_schema';

// The shape of catalog/hanoi/procedures/H26.QH.XD.01.yaml's form, trimmed.
const FORM: FormField[] = [
  {
    key: 'owner',
    type: 'group',
    label: 'Thông tin chủ đầu tư',
    fields: [
      { key: 'full_name', type: 'text', label: 'Họ và tên', required: true, max_length: 10, prefill: 'profile.full_name' },
      { key: 'date_of_birth', type: 'date', label: 'Ngày sinh', max: 'today', prefill: 'profile.date_of_birth' },
      { key: 'id_number', type: 'citizen_id', label: 'Số CCCD', required: true, prefill: 'profile.id_number' },
      { key: 'phone', type: 'phone', label: 'Điện thoại', required: true, prefill: 'profile.phone' },
      { key: 'email', type: 'email', label: 'Thư điện tử', prefill: 'profile.email' },
      { key: 'address', type: 'address', label: 'Địa chỉ', required: true, prefill: 'profile.address' },
    ],
  },
  { key: 'certificate', type: 'text', label: 'Số giấy chứng nhận', required: true, pattern: '[A-Z]{2} \\d{6}' },
  { key: 'floors', type: 'number', label: 'Số tầng', required: true, integer: true, min: 1, max: 7 },
  { key: 'fee', type: 'money', label: 'Giá trị' },
  { key: 'basement', type: 'yes_no', label: 'Có tầng hầm' },
  {
    key: 'purpose',
    type: 'choice',
    label: 'Mục đích',
    required: true,
    options: [
      { value: 'nha_o', label: 'Nhà ở' },
      { value: 'khac', label: 'Khác' },
    ],
  },
  { key: 'purpose_other', type: 'long_text', label: 'Ghi rõ', required: true, show_if: { field: 'purpose', equals: ['khac'] } },
  {
    key: 'co_owners',
    type: 'repeat',
    label: 'Đồng sở hữu',
    max_items: 2,
    fields: [
      { key: 'full_name', type: 'text', label: 'Họ và tên', required: true },
      { key: 'id_number', type: 'citizen_id', label: 'Số CCCD', required: true },
    ],
  },
  { key: 'plot', type: 'group', label: 'Lô đất', fields: [{ key: 'area', type: 'number', label: 'Diện tích', required: true, min: 1 }] },
];

const ADDRESS = { province: '000.00.00.H26', district: '000.00.19.H26', ward: '000.01.19.H26', street: 'Số 1' };
const GOOD = {
  owner: { full_name: 'Nguyễn An', id_number: '001090012345', phone: '0912345678', address: ADDRESS },
  certificate: 'BĐ 123456'.replace('Đ', 'D'),
  floors: 4,
  purpose: 'nha_o',
  plot: { area: 80.5 },
};

describe('sections', () => {
  it('makes one page per top-level group and one per run of other fields', () => {
    const list = sections(FORM);
    expect(list.map((s) => s.group?.key ?? s.fields.map((f) => f.key).join(','))).toEqual([
      'owner',
      'certificate,floors,fee,basement,purpose,purpose_other,co_owners',
      'plot',
    ]);
    expect(sectionOfPath(list, 'owner.address.ward')).toBe(0);
    expect(sectionOfPath(list, 'co_owners[1].id_number')).toBe(1);
    expect(sectionOfPath(list, 'plot.area')).toBe(2);
    expect(sectionOfPath(list, 'nothing')).toBe(-1);
  });

  it('reads the schema as the catalog sends it', () => {
    expect(schemaFields({ fields: FORM })).toBe(FORM);
    expect(schemaFields(FORM)).toBe(FORM);
    expect(schemaFields(undefined)).toEqual([]);
  });
});

describe('ids and paths', () => {
  it('derives input ids from field paths as the server names them', () => {
    expect(fieldId('owner.id_number')).toBe('f-owner-id_number');
    expect(fieldId('co_owners[1].full_name')).toBe('f-co_owners-1-full_name');
    expect(rootKey('co_owners[1].full_name')).toBe('co_owners');
    expect(fieldAt(FORM, 'co_owners[0].id_number')?.type).toBe('citizen_id');
    expect(targetId('purpose', fieldAt(FORM, 'purpose'))).toBe('f-purpose-0');
    expect(targetId('owner.address', fieldAt(FORM, 'owner.address'))).toBe('f-owner-address-province');
    expect(targetId('owner.address.ward', fieldAt(FORM, 'owner.address.ward'))).toBe('f-owner-address-ward');
  });
});

describe('validate (mirror of core/forms/validate.cpp)', () => {
  const today = '2017-01-24';

  it('accepts a complete, valid form', () => {
    expect(validate(FORM, GOOD, today)).toEqual({});
  });

  it('reports every problem at once with the server codes and words', () => {
    const problems = validate(
      FORM,
      {
        owner: { full_name: 'Nguyễn Văn Anh Tuấn', id_number: '12345', phone: '12345', email: 'a@b', address: { street: 'x' } },
        certificate: 'abc',
        floors: 8.5,
        purpose: 'khac',
        co_owners: [{ full_name: 'B' }, {}, {}],
        extra: 1,
      },
      today,
    );
    expect(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.code]))).toEqual({
      'owner.full_name': 'too_long',
      'owner.id_number': 'invalid_citizen_id',
      'owner.phone': 'invalid_phone',
      'owner.email': 'invalid_email',
      'owner.address.province': 'required',
      'owner.address.district': 'required',
      'owner.address.ward': 'required',
      certificate: 'pattern_mismatch',
      floors: 'not_integer',
      purpose_other: 'required',
      co_owners: 'too_many_items',
      'co_owners[0].id_number': 'required',
      'co_owners[1].full_name': 'required',
      'co_owners[1].id_number': 'required',
      'co_owners[2].full_name': 'required',
      'co_owners[2].id_number': 'required',
      'plot.area': 'required',
      extra: 'unknown_field',
    });
    expect(problems['owner.id_number']?.message).toBe('Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).');
    expect(problems['owner.full_name']?.message_en).toBe('At most 10 characters are allowed.');
  });

  it('counts characters, not UTF-16 units or bytes, and wants NFC', () => {
    const ten = 'Đặng Thị Ả';
    expect(validate(FORM, { ...GOOD, owner: { ...GOOD.owner, full_name: ten } }, today)).toEqual({});
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(validate(FORM, { ...GOOD, owner: { ...GOOD.owner, full_name: nfd } }, today)['owner.full_name']?.code).toBe('not_nfc');
    expect(validate(FORM, { ...GOOD, certificate: 'AB 123456\n' }, today)['certificate']?.code).toBe('line_break');
  });

  it('checks numbers, money, dates and yes/no', () => {
    const p = validate(FORM, { ...GOOD, floors: 0, fee: -5, basement: 'có', owner: { ...GOOD.owner, date_of_birth: '2017-01-25' } }, today);
    expect(p['floors']?.code).toBe('too_small');
    expect(p['floors']?.message).toBe('Giá trị nhỏ nhất là 1.');
    expect(p['fee']?.code).toBe('too_small');
    expect(p['basement']?.code).toBe('invalid_type');
    expect(p['owner.date_of_birth']?.code).toBe('date_too_late');
    expect(p['owner.date_of_birth']?.message).toBe('Ngày phải không muộn hơn 24/01/2017.');
    expect(validate(FORM, { ...GOOD, floors: '4 tầng' }, today)['floors']?.code).toBe('invalid_type');
    expect(validate(FORM, { ...GOOD, owner: { ...GOOD.owner, date_of_birth: '1990-02-30' } }, today)['owner.date_of_birth']?.code).toBe(
      'invalid_date',
    );
  });

  it('skips hidden fields and checks them once shown', () => {
    expect(validate(FORM, { ...GOOD, purpose: 'nha_o' }, today)['purpose_other']).toBeUndefined();
    expect(validate(FORM, { ...GOOD, purpose: 'khac', purpose_other: 'Văn phòng' }, today)).toEqual({});
  });

  it('checks one page at a time', () => {
    const list = sections(FORM);
    const p = validateSection(FORM, list[0]!, { owner: { full_name: 'An' } }, today);
    expect(Object.keys(p).sort()).toEqual([
      'owner.address',
      'owner.id_number',
      'owner.phone',
    ]);
  });
});

describe('identity formats', () => {
  it('matches the server', () => {
    expect(isCitizenId('001090012345')).toBe(true);
    expect(isCitizenId('012345678')).toBe(true);
    expect(isCitizenId('0010900123')).toBe(false);
    expect(isTaxCode('0100109106')).toBe(true);
    expect(isTaxCode('0100109106-001')).toBe(true);
    expect(isTaxCode('0100109106001')).toBe(true);
    expect(isTaxCode('010010910')).toBe(false);
    expect(isPhone('0912 345 678')).toBe(true);
    expect(isPhone('+84912345678')).toBe(true);
    expect(isPhone('024 3825 1234')).toBe(true);
    expect(isPhone('0112345678')).toBe(false);
    expect(isEmail('an@example.vn')).toBe(true);
    expect(isEmail('an@example')).toBe(false);
    expect(isEmail('a@@b.vn')).toBe(false);
  });
});

describe('prefill', () => {
  it('fills answers from the profile without overwriting, the address as its street line', () => {
    const data = prefill(
      FORM,
      {
        full_name: 'Nguyễn Văn An',
        id_number: '001090012345',
        phone: '0912345678',
        email: null,
        address: 'Số 12 phố Đội Cấn',
        date_of_birth: '1990-05-12',
      },
      { owner: { phone: '0987654321' } },
      '000.00.00.H26',
    );
    expect(data).toEqual({
      owner: {
        full_name: 'Nguyễn Văn An',
        date_of_birth: '1990-05-12',
        id_number: '001090012345',
        phone: '0987654321',
        address: { province: '000.00.00.H26', street: 'Số 12 phố Đội Cấn' },
      },
    });
  });
});

describe('values', () => {
  it('reads Vietnamese number input', () => {
    expect(parseNumberInput('80,5', false)).toBe(80.5);
    expect(parseNumberInput(' 12 ', false)).toBe(12);
    expect(parseNumberInput('1.500.000', true)).toBe(1500000);
    expect(parseNumberInput('1.500.000 ₫', true)).toBe(1500000);
    expect(parseNumberInput('mười', false)).toBe('mười');
    expect(parseNumberInput('', false)).toBe('');
  });

  it('drops the answers of hidden questions and empty values', () => {
    expect(visibleData(FORM, { purpose: 'nha_o', purpose_other: 'x', fee: '', plot: {} })).toEqual({ purpose: 'nha_o' });
    expect(visibleData(FORM, { purpose: 'khac', purpose_other: 'x' })).toEqual({ purpose: 'khac', purpose_other: 'x' });
  });

  it('looks show_if up among siblings, then from the root', () => {
    const inner: FormField = { key: 'x', type: 'text', label: 'x', show_if: { field: 'purpose', equals: ['khac'] } };
    expect(isVisible(inner, [inner], {}, { purpose: 'khac' }, FORM)).toBe(true);
    expect(isVisible(inner, [inner], {}, { purpose: 'nha_o' }, FORM)).toBe(false);
  });

  it('knows today in Vietnam', () => {
    expect(todayInVietnam(Date.UTC(2017, 0, 24, 17, 30))).toBe('2017-01-25');
    expect(todayInVietnam(Date.UTC(2017, 0, 24, 16, 59))).toBe('2017-01-24');
  });
});

describe('profile address', () => {
  const text = 'Số 12 phố Đội Cấn, phường Cống Vị, quận Ba Đình, Hà Nội';
  it('finds the district and ward the one-line address names', () => {
    expect(fold('Phường Cống Vị')).toBe('phuong cong vi');
    expect(fold('Quận  Đống Đa')).toBe('quan dong da');
    const districts = [
      { code: '000.00.19.H26', name: 'Quận Ba Đình' },
      { code: '000.00.20.H26', name: 'Quận Hoàn Kiếm' },
    ];
    expect(matchAgency(text, districts)?.code).toBe('000.00.19.H26');
    expect(matchAgency('Số 1 Tràng Tiền', districts)).toBeUndefined();
    expect(matchAgency(text, [{ name: 'Phường Cống' }, { name: 'Phường Cống Vị' }])?.name).toBe('Phường Cống Vị');
  });
  it('keeps the street line', () => {
    expect(streetPart(text)).toBe('Số 12 phố Đội Cấn');
    expect(streetPart('Ngõ 5, Thôn Đông, xã Tiên Dương, huyện Đông Anh')).toBe('Ngõ 5, Thôn Đông');
  });
  it('prefills an address matched by the caller', () => {
    const field: FormField = { key: 'a', type: 'address', label: 'Địa chỉ', prefill: 'profile.address' };
    const address = { province: 'P', district: 'D', ward: 'W', street: 'S' };
    expect(prefill([field], { address: text }, {}, 'P', address)).toEqual({ a: address });
  });
});
