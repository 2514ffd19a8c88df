import { describe, expect, it } from 'vitest';
import {
  dateOfBirth,
  EMPTY_OFFICER,
  EMPTY_REGISTRATION,
  isCitizenId,
  isEmail,
  isPhone,
  isTaxCode,
  isUsername,
  passwordProblem,
  registrationBody,
  validateNewPassword,
  validateOfficer,
  validateRegistration,
  type RegistrationForm,
} from './account_validation';

const TODAY = new Date(2017, 2, 20);

const citizen: RegistrationForm = {
  ...EMPTY_REGISTRATION,
  kind: 'citizen',
  full_name: 'Nguyễn Văn An',
  id_number: '001085012345',
  dob: { day: '27', month: '3', year: '1985' },
  phone: '0912 345 678',
  email: 'an@example.vn',
  address: '25 Liễu Giai, Ba Đình',
  username: 'nguyenvanan',
  password: 'Hoa-sen-2017',
  password_confirm: 'Hoa-sen-2017',
};

const business: RegistrationForm = {
  ...citizen,
  kind: 'business',
  full_name: 'Công ty TNHH Ánh Dương',
  tax_code: '0101234567',
  representative: 'Trần Thị Bình',
  id_number: '',
  dob: { day: '', month: '', year: '' },
};

describe('field shapes (as the server checks them)', () => {
  it('citizen ID: 12 digits with a province code 001–096', () => {
    expect(isCitizenId('001085012345')).toBe(true);
    expect(isCitizenId(' 001 085 012 345 ')).toBe(true);
    expect(isCitizenId('00108501234')).toBe(false); // 11 digits
    expect(isCitizenId('0010850123456')).toBe(false); // 13 digits
    expect(isCitizenId('000085012345')).toBe(false); // no province 000
    expect(isCitizenId('097085012345')).toBe(false); // no province 097
    expect(isCitizenId('00108501234a')).toBe(false);
  });

  it('tax code: 10 or 13 digits, the branch part with or without a dash', () => {
    expect(isTaxCode('0101234567')).toBe(true);
    expect(isTaxCode('0101234567001')).toBe(true);
    expect(isTaxCode('0101234567-001')).toBe(true);
    expect(isTaxCode('010123456')).toBe(false);
    expect(isTaxCode('01012345670')).toBe(false); // 11 digits
    expect(isTaxCode('0101234567-01')).toBe(false);
    expect(isTaxCode('01012345-67')).toBe(false);
  });

  it('phone: Vietnamese mobiles and landlines, +84, separators ignored', () => {
    expect(isPhone('0912345678')).toBe(true);
    expect(isPhone('0912 345 678')).toBe(true);
    expect(isPhone('+84 912 345 678')).toBe(true);
    expect(isPhone('(024) 3825.3536')).toBe(true);
    expect(isPhone('0412345678')).toBe(false); // no 04x mobiles
    expect(isPhone('091234567')).toBe(false);
    expect(isPhone('02438253536')).toBe(true);
    expect(isPhone('0243825353')).toBe(false); // a landline has 11 digits
    expect(isPhone('091234567x')).toBe(false);
  });

  it('e-mail: one @, a dotted domain', () => {
    expect(isEmail('an@example.vn')).toBe(true);
    expect(isEmail(' an.nguyen+dvc@mail.hanoi.gov.vn ')).toBe(true);
    expect(isEmail('an@example')).toBe(false);
    expect(isEmail('an@@example.vn')).toBe(false);
    expect(isEmail('@example.vn')).toBe(false);
    expect(isEmail('an@.example.vn')).toBe(false);
    expect(isEmail('an@example..vn')).toBe(false);
    expect(isEmail('an b@example.vn')).toBe(false);
  });

  it('user name: 3–50 of a–z 0–9 . _ -, starting with a letter or digit', () => {
    expect(isUsername('badinh.cntt')).toBe(true);
    expect(isUsername('Congdan')).toBe(true);
    expect(isUsername('ab')).toBe(false);
    expect(isUsername('.abc')).toBe(false);
    expect(isUsername('nguyễn')).toBe(false);
    expect(isUsername('a'.repeat(51))).toBe(false);
  });

  it('password: at least 8 characters, counted as a person counts them', () => {
    expect(passwordProblem('')).toBe('validation.password_required');
    expect(passwordProblem('1234567')).toBe('validation.password_short');
    expect(passwordProblem('Demo@2017')).toBeNull();
    expect(passwordProblem('mậtkhẩu')).toBe('validation.password_short'); // 7 characters
    expect(passwordProblem('x'.repeat(129))).toBe('validation.password_long');
  });

  it('date of birth: a real date in the past', () => {
    expect(dateOfBirth({ day: '27', month: '3', year: '1985' }, TODAY)).toEqual({ value: '1985-03-27', problem: null });
    expect(dateOfBirth({ day: '', month: '', year: '' }, TODAY).problem).toBe('validation.dob_required');
    expect(dateOfBirth({ day: '30', month: '2', year: '1985' }, TODAY).problem).toBe('validation.dob_invalid');
    expect(dateOfBirth({ day: '1', month: '13', year: '1985' }, TODAY).problem).toBe('validation.dob_invalid');
    expect(dateOfBirth({ day: '1', month: '1', year: '85' }, TODAY).problem).toBe('validation.dob_invalid');
    expect(dateOfBirth({ day: '21', month: '3', year: '2017' }, TODAY).problem).toBe('validation.dob_future');
    expect(dateOfBirth({ day: '20', month: '3', year: '2017' }, TODAY).value).toBe('2017-03-20');
  });
});

describe('validateRegistration', () => {
  it('accepts a complete citizen and business', () => {
    expect(validateRegistration(citizen, TODAY)).toEqual({});
    expect(validateRegistration(business, TODAY)).toEqual({});
  });

  it('lists every problem of an empty citizen form, in the order of the fields', () => {
    const problems = validateRegistration({ ...EMPTY_REGISTRATION }, TODAY);
    expect(Object.keys(problems)).toEqual([
      'full_name',
      'id_number',
      'date_of_birth',
      'phone',
      'email',
      'address',
      'username',
      'password',
    ]);
    expect(problems['full_name']).toBe('validation.name_required');
  });

  it('asks a business for its code and representative, not an ID or a birthday', () => {
    const problems = validateRegistration({ ...business, tax_code: '123', representative: ' ' }, TODAY);
    expect(problems).toEqual({
      tax_code: 'validation.tax_code_invalid',
      representative: 'validation.representative_required',
    });
    expect(validateRegistration({ ...business, full_name: '' }, TODAY)['full_name']).toBe(
      'validation.business_name_required',
    );
  });

  it('catches a wrong shape, a password like the user name and a mismatched confirmation', () => {
    expect(validateRegistration({ ...citizen, id_number: '12345' }, TODAY)['id_number']).toBe('validation.id_number_invalid');
    expect(validateRegistration({ ...citizen, phone: '12345' }, TODAY)['phone']).toBe('validation.phone_invalid');
    expect(validateRegistration({ ...citizen, full_name: 'A' }, TODAY)['full_name']).toBe('validation.name_short');
    expect(validateRegistration({ ...citizen, address: 'HN' }, TODAY)['address']).toBe('validation.address_short');
    expect(validateRegistration({ ...citizen, email: 'an@' }, TODAY)['email']).toBe('validation.email_invalid');
    expect(
      validateRegistration({ ...citizen, password: 'NguyenVanAn', password_confirm: 'NguyenVanAn', username: 'nguyenvanan' }, TODAY)[
        'password'
      ],
    ).toBe('validation.password_like_username');
    expect(validateRegistration({ ...citizen, password_confirm: 'other-one' }, TODAY)).toEqual({
      password_confirm: 'validation.password_mismatch',
    });
  });
});

describe('registrationBody', () => {
  it('sends a citizen the server shape, trimmed', () => {
    expect(registrationBody({ ...citizen, id_number: ' 001085012345 ', full_name: ' Nguyễn Văn An ' }, TODAY)).toEqual({
      kind: 'citizen',
      username: 'nguyenvanan',
      password: 'Hoa-sen-2017',
      full_name: 'Nguyễn Văn An',
      id_number: '001085012345',
      date_of_birth: '1985-03-27',
      phone: '0912 345 678',
      email: 'an@example.vn',
      address: '25 Liễu Giai, Ba Đình',
    });
  });

  it('sends a business its code and representative only', () => {
    const body = registrationBody(business, TODAY);
    expect(body['kind']).toBe('business');
    expect(body['tax_code']).toBe('0101234567');
    expect(body['representative']).toBe('Trần Thị Bình');
    expect(body).not.toHaveProperty('id_number');
    expect(body).not.toHaveProperty('date_of_birth');
  });
});

describe('validateNewPassword and validateOfficer', () => {
  it('new password: length first, then the confirmation', () => {
    expect(validateNewPassword({ password: 'short', password_confirm: 'short' })).toEqual({
      new_password: 'validation.password_short',
    });
    expect(validateNewPassword({ password: 'long-enough', password_confirm: 'other' })).toEqual({
      password_confirm: 'validation.password_mismatch',
    });
    expect(validateNewPassword({ password: 'long-enough', password_confirm: 'long-enough' })).toEqual({});
  });

  it('officer: every required field, phone optional', () => {
    expect(Object.keys(validateOfficer(EMPTY_OFFICER))).toEqual([
      'full_name',
      'username',
      'email',
      'roles',
      'password',
    ]);
    const ok = {
      username: 'badinh.moi',
      full_name: 'Trần Văn Mới',
      email: 'moi@badinh.hanoi.gov.vn',
      phone: '',
      unit: 'qldt',
      roles: ['specialist'],
      password: 'Khoi-dau-2017',
    };
    expect(validateOfficer(ok)).toEqual({});
    expect(validateOfficer({ ...ok, phone: '123' })).toEqual({ phone: 'validation.phone_invalid' });
    // A unit is needed for the roles that act within one (specialist, head of division) only.
    expect(validateOfficer({ ...ok, unit: '' })).toEqual({ unit: 'validation.unit_required' });
    expect(validateOfficer({ ...ok, unit: '', roles: ['agency_leader'] })).toEqual({});
  });
});
