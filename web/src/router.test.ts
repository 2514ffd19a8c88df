import { describe, expect, it } from 'vitest';
import { matchRoute, type RouteDef } from './router';
import { notFoundRoute, routes } from './routes';

const Page = () => null;
const table: RouteDef[] = [
  { path: '/', page: Page, title: 'home.title' },
  { path: '/thu-tuc', page: Page, title: 'nav.procedures' },
  { path: '/thu-tuc/:code', page: Page, title: 'nav.procedures' },
];

describe('matchRoute', () => {
  it('matches the root and fixed paths', () => {
    expect(matchRoute(table, '/')?.route.path).toBe('/');
    expect(matchRoute(table, '/thu-tuc')?.route.path).toBe('/thu-tuc');
    expect(matchRoute(table, '/thu-tuc/')?.route.path).toBe('/thu-tuc');
  });

  it('captures and decodes parameters', () => {
    const match = matchRoute(table, '/thu-tuc/1.004227');
    expect(match?.route.path).toBe('/thu-tuc/:code');
    expect(match?.params).toEqual({ code: '1.004227' });
    expect(matchRoute(table, '/thu-tuc/c%E1%BA%A5p')?.params).toEqual({ code: 'cấp' });
  });

  it('returns null for unknown paths and malformed escapes', () => {
    expect(matchRoute(table, '/khong-co')).toBeNull();
    expect(matchRoute(table, '/thu-tuc/a/b')).toBeNull();
    expect(matchRoute(table, '/thu-tuc/%E0%A4%A')).toBeNull();
  });
});

describe('the route table', () => {
  it('has the home page, the pages later issues fill, and the accessibility statement', () => {
    for (const path of ['/', '/thu-tuc', '/tra-cuu', '/dang-nhap', '/kha-nang-tiep-can']) {
      expect(matchRoute(routes, path)?.route.path, path).toBe(path);
    }
  });

  it('has no duplicate paths', () => {
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('leaves unknown paths to the not-found page', () => {
    expect(matchRoute(routes, '/khong-ton-tai')).toBeNull();
    expect(notFoundRoute.title).toBe('not_found.title');
  });
});
