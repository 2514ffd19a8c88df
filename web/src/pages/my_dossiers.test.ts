import { describe, expect, it } from 'vitest';
import { pageFromSearch } from './my_dossiers';

describe('my dossiers: the page from the address', () => {
  it('reads ?trang=N, page 1 otherwise', () => {
    expect(pageFromSearch('')).toBe(1);
    expect(pageFromSearch('?trang=3')).toBe(3);
    expect(pageFromSearch('?trang=1')).toBe(1);
  });
  it('ignores what is not a page number', () => {
    expect(pageFromSearch('?trang=0')).toBe(1);
    expect(pageFromSearch('?trang=-2')).toBe(1);
    expect(pageFromSearch('?trang=2.5')).toBe(1);
    expect(pageFromSearch('?trang=abc')).toBe(1);
    expect(pageFromSearch('?trang=99999999')).toBe(10000);
  });
});
