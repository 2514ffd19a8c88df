// The catalog's search and filters live in the page's query string (/thu-tuc?q=…&field=…&page=2),
// so a search can be bookmarked, shared and reached again with the back button. These functions
// turn the query string into filter state and back, and filter state into the API's query.
import type { Query } from './catalog';

export interface CatalogFilters {
  q: string;
  // An agency code: procedures handled there.
  agency: string;
  // A field key.
  field: string;
  // "2" | "3" | "4" or "" for any.
  level: string;
  // "department" | "district" | "ward" or "".
  tier: string;
  // 1-based.
  page: number;
}

export const EMPTY_FILTERS: Readonly<CatalogFilters> = {
  q: '',
  agency: '',
  field: '',
  level: '',
  tier: '',
  page: 1,
};

export const PER_PAGE = 20;
const LEVELS = /^[1-4]$/;
const TIERS = new Set(['department', 'district', 'ward']);
// Longer queries are cut: nobody types more, and the URL stays reasonable.
export const MAX_QUERY_LENGTH = 200;

function text(params: URLSearchParams, name: string): string {
  return (params.get(name) ?? '').trim();
}

// "?q=giay+phep&level=3&page=2" → filters. Values that cannot be right (a level of 9, page "abc")
// are dropped rather than sent on; agency and field codes are passed as they are and the server
// says when one is unknown.
export function parseCatalogQuery(search: string): CatalogFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const level = text(params, 'level');
  const tier = text(params, 'tier');
  const pageText = text(params, 'page');
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  return {
    q: text(params, 'q').replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH),
    agency: text(params, 'agency'),
    field: text(params, 'field'),
    level: LEVELS.test(level) ? level : '',
    tier: TIERS.has(tier) ? tier : '',
    page: page >= 1 ? page : 1,
  };
}

// Filters → "?q=giay+phep&level=3" ("" when nothing is set). Keys come in a fixed order and empty
// values and page 1 are left out, so one search has exactly one URL.
export function catalogQueryString(filters: Partial<CatalogFilters>): string {
  const params = new URLSearchParams();
  const q = (filters.q ?? '').trim().replace(/\s+/g, ' ');
  if (q) params.set('q', q);
  for (const key of ['agency', 'field', 'level', 'tier'] as const) {
    const value = (filters[key] ?? '').trim();
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The catalog page's URL for these filters.
export function catalogHref(filters: Partial<CatalogFilters>): string {
  return `/thu-tuc${catalogQueryString(filters)}`;
}

// Filters → the query of GET /api/v1/procedures.
export function proceduresApiQuery(filters: CatalogFilters, perPage: number = PER_PAGE): Query {
  return {
    q: filters.q || undefined,
    agency: filters.agency || undefined,
    field: filters.field || undefined,
    level: filters.level || undefined,
    tier: filters.tier || undefined,
    page: filters.page,
    per_page: perPage,
  };
}

// Whether any filter other than the page is set (to offer "clear filters").
export function hasFilters(filters: CatalogFilters): boolean {
  return Boolean(filters.q || filters.agency || filters.field || filters.level || filters.tier);
}
