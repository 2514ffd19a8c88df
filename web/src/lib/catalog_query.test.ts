import { describe, expect, it } from 'vitest';
import {
  catalogHref,
  catalogQueryString,
  EMPTY_FILTERS,
  hasFilters,
  MAX_QUERY_LENGTH,
  parseCatalogQuery,
  PER_PAGE,
  proceduresApiQuery,
} from './catalog_query';

describe('parseCatalogQuery', () => {
  it('reads an empty query string as no filters, page 1', () => {
    expect(parseCatalogQuery('')).toEqual(EMPTY_FILTERS);
    expect(parseCatalogQuery('?')).toEqual(EMPTY_FILTERS);
  });

  it('reads every filter', () => {
    expect(
      parseCatalogQuery('?q=giay+phep+xay+dung&agency=000.00.19.H26&field=xay-dung&level=3&tier=district&page=2'),
    ).toEqual({
      q: 'giay phep xay dung',
      agency: '000.00.19.H26',
      field: 'xay-dung',
      level: '3',
      tier: 'district',
      page: 2,
    });
  });

  it('decodes Vietnamese text and tidies spaces', () => {
    expect(parseCatalogQuery('?q=%20C%E1%BA%A5p%20%20gi%E1%BA%A5y%20').q).toBe('Cấp giấy');
    expect(parseCatalogQuery('q=khai%20sinh').q).toBe('khai sinh');
  });

  it('drops values that cannot be right', () => {
    const filters = parseCatalogQuery('?level=9&tier=planet&page=abc');
    expect(filters.level).toBe('');
    expect(filters.tier).toBe('');
    expect(filters.page).toBe(1);
    expect(parseCatalogQuery('?page=0').page).toBe(1);
    expect(parseCatalogQuery('?page=-3').page).toBe(1);
    expect(parseCatalogQuery('?page=1.5').page).toBe(1);
  });

  it('cuts an overlong query', () => {
    expect(parseCatalogQuery(`?q=${'a'.repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('takes the first of repeated keys', () => {
    expect(parseCatalogQuery('?level=3&level=4').level).toBe('3');
  });
});

describe('catalogQueryString', () => {
  it('leaves out empty values and page 1', () => {
    expect(catalogQueryString(EMPTY_FILTERS)).toBe('');
    expect(catalogQueryString({ ...EMPTY_FILTERS, q: '  ' })).toBe('');
    expect(catalogQueryString({ q: 'khai sinh' })).toBe('?q=khai+sinh');
    expect(catalogQueryString({ level: '3', page: 1 })).toBe('?level=3');
  });

  it('writes keys in a fixed order', () => {
    expect(
      catalogQueryString({ page: 3, tier: 'ward', level: '4', field: 'ho-tich', agency: '000.00.19.H26', q: 'trích lục' }),
    ).toBe('?q=tr%C3%ADch+l%E1%BB%A5c&agency=000.00.19.H26&field=ho-tich&level=4&tier=ward&page=3');
  });

  it('round-trips through parseCatalogQuery', () => {
    const filters = { q: 'giấy phép & xây dựng', agency: '000.00.01.H26', field: 'xay-dung', level: '3', tier: '', page: 4 };
    expect(parseCatalogQuery(catalogQueryString(filters))).toEqual(filters);
    expect(catalogQueryString(parseCatalogQuery('?page=2&q=a'))).toBe('?q=a&page=2');
  });

  it('builds the catalog page URL', () => {
    expect(catalogHref({})).toBe('/thu-tuc');
    expect(catalogHref({ q: 'giay phep xay dung' })).toBe('/thu-tuc?q=giay+phep+xay+dung');
  });
});

describe('proceduresApiQuery', () => {
  it('sends only what is set, with the page size', () => {
    expect(proceduresApiQuery(EMPTY_FILTERS)).toEqual({
      q: undefined,
      agency: undefined,
      field: undefined,
      level: undefined,
      tier: undefined,
      page: 1,
      per_page: PER_PAGE,
    });
    expect(proceduresApiQuery({ ...EMPTY_FILTERS, q: 'khai sinh', level: '3', page: 2 }, 10)).toMatchObject({
      q: 'khai sinh',
      level: '3',
      page: 2,
      per_page: 10,
    });
  });
});

describe('hasFilters', () => {
  it('ignores the page', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, page: 3 })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, field: 'xay-dung' })).toBe(true);
    expect(hasFilters({ ...EMPTY_FILTERS, q: 'a' })).toBe(true);
  });
});
