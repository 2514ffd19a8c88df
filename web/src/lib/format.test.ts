import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format';

describe('formatDate', () => {
  it('formats an instant in Vietnam time as dd/mm/yyyy', () => {
    expect(formatDate('2017-01-19T08:30:00+07:00')).toBe('19/01/2017');
  });

  it('uses the Vietnamese calendar day, not the UTC one', () => {
    // 18/01 at 20:00 UTC is already 19/01 at 03:00 in Hanoi.
    expect(formatDate('2017-01-18T20:00:00Z')).toBe('19/01/2017');
    expect(formatDate('2017-01-19T16:59:59Z')).toBe('19/01/2017');
    expect(formatDate('2017-01-19T17:00:00Z')).toBe('20/01/2017');
  });

  it('formats a plain legal date without moving it', () => {
    expect(formatDate('2017-03-15')).toBe('15/03/2017');
  });

  it('handles year boundaries', () => {
    expect(formatDate('2016-12-31T17:30:00Z')).toBe('01/01/2017');
  });

  it('returns an empty string for missing or bad input', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('hôm qua')).toBe('');
    expect(formatDate('2017-13-45T00:00:00Z')).toBe('');
    // Without an offset the instant is ambiguous: refuse rather than guess.
    expect(formatDate('2017-01-19T08:30:00')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('formats as hh:mm dd/mm/yyyy in Vietnam time', () => {
    expect(formatDateTime('2017-01-19T08:30:00+07:00')).toBe('08:30 19/01/2017');
    expect(formatDateTime('2017-01-19T01:30:00Z')).toBe('08:30 19/01/2017');
    expect(formatDateTime('2017-01-19T01:30:00.123Z')).toBe('08:30 19/01/2017');
  });

  it('converts from other offsets', () => {
    expect(formatDateTime('2017-01-19T10:05:00+09:00')).toBe('08:05 19/01/2017');
    expect(formatDateTime('2017-01-19T00:15:00-01:00')).toBe('08:15 19/01/2017');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime('2017-01-19T15:00:00+07:00')).toBe('15:00 19/01/2017');
    expect(formatDateTime('2017-01-19T17:00:00Z')).toBe('00:00 20/01/2017');
  });

  it('returns an empty string for missing or bad input', () => {
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('2017-01-19')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatMoney', () => {
  it('groups thousands with dots in Vietnamese', () => {
    expect(formatMoney(1500000)).toBe('1.500.000 ₫');
    expect(formatMoney(1500000, 'vi')).toBe('1.500.000 ₫');
  });

  it('groups thousands with commas in English', () => {
    expect(formatMoney(1500000, 'en')).toBe('1,500,000 ₫');
  });

  it('handles small, zero and large amounts', () => {
    expect(formatMoney(0)).toBe('0 ₫');
    expect(formatMoney(500)).toBe('500 ₫');
    expect(formatMoney(1000)).toBe('1.000 ₫');
    expect(formatMoney(100000)).toBe('100.000 ₫');
    expect(formatMoney(1234567890123)).toBe('1.234.567.890.123 ₫');
  });

  it('rounds to whole đồng and keeps the sign', () => {
    expect(formatMoney(999.6)).toBe('1.000 ₫');
    expect(formatMoney(-25000)).toBe('-25.000 ₫');
    expect(formatMoney(-0.2)).toBe('0 ₫');
  });

  it('returns an empty string for non-numbers', () => {
    expect(formatMoney(Number.NaN)).toBe('');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('');
  });
});
