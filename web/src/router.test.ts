import { describe, expect, it } from 'vitest';
import { isInAppLinkClick, matchRoute, type RouteDef } from './router';
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
    for (const path of ['/', '/thu-tuc', '/tra-cuu', '/dang-nhap', '/kha-nang-tiep-can', '/quan-tri/trien-khai']) {
      expect(matchRoute(routes, path)?.route.path, path).toBe(path);
    }
  });

  it('has a page per procedure, keyed by its code', () => {
    const match = matchRoute(routes, '/thu-tuc/H26.QH.XD.01');
    expect(match?.route.path).toBe('/thu-tuc/:code');
    expect(match?.params).toEqual({ code: 'H26.QH.XD.01' });
    expect(match?.route.title).toBe('procedure.title');
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

describe('isInAppLinkClick', () => {
  const origin = 'https://dichvucong.example';

  function anchor(href: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
    const all: Record<string, string> = { href, ...attrs };
    return {
      href: new URL(href, origin).href,
      target: all['target'] ?? '',
      getAttribute: (name: string) => all[name] ?? null,
      hasAttribute: (name: string) => name in all,
    } as unknown as HTMLAnchorElement;
  }

  function click(overrides: Partial<MouseEvent> = {}): MouseEvent {
    return {
      defaultPrevented: false,
      button: 0,
      metaKey: false,
      ctrlKey: false,
      shiftKey: false,
      altKey: false,
      ...overrides,
    } as MouseEvent;
  }

  it('takes plain clicks on same-origin page links', () => {
    expect(isInAppLinkClick(click(), anchor('/thu-tuc'), origin)).toBe(true);
    expect(isInAppLinkClick(click(), anchor(`${origin}/tra-cuu?ma=1`), origin)).toBe(true);
  });

  it('leaves new-tab clicks, other buttons and handled events to the browser', () => {
    expect(isInAppLinkClick(click({ ctrlKey: true }), anchor('/thu-tuc'), origin)).toBe(false);
    expect(isInAppLinkClick(click({ metaKey: true }), anchor('/thu-tuc'), origin)).toBe(false);
    expect(isInAppLinkClick(click({ button: 1 }), anchor('/thu-tuc'), origin)).toBe(false);
    expect(isInAppLinkClick(click({ defaultPrevented: true }), anchor('/thu-tuc'), origin)).toBe(false);
    expect(isInAppLinkClick(click(), anchor('/thu-tuc', { target: '_blank' }), origin)).toBe(false);
    expect(isInAppLinkClick(click(), anchor('/giay-bien-nhan.pdf', { download: '' }), origin)).toBe(false);
  });

  it('leaves in-page, external and server links alone', () => {
    expect(isInAppLinkClick(click(), anchor('#main'), origin)).toBe(false);
    expect(isInAppLinkClick(click(), anchor('https://chinhphu.vn/'), origin)).toBe(false);
    expect(isInAppLinkClick(click(), anchor('/api/v1/site'), origin)).toBe(false);
    expect(isInAppLinkClick(click(), anchor('/healthz'), origin)).toBe(false);
  });
});
