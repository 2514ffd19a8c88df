// Client-side routing on real paths with the History API. The server answers every HTML GET with
// index.html, so any path typed or bookmarked lands here and is matched against the route table.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n';

export type RouteParams = Readonly<Record<string, string>>;

export interface PageProps {
  params: RouteParams;
  // The route's title, translated: pages usually show it as their <h1>.
  title: string;
}

export interface RouteDef {
  // "/thu-tuc" or "/thu-tuc/:code": segments starting with ":" capture a parameter.
  path: string;
  page: ComponentType<PageProps>;
  // The page title (document.title); pages with a dynamic title may set it themselves.
  title: MessageKey;
}

export interface RouteMatch {
  route: RouteDef;
  params: RouteParams;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

// Finds the first route matching `pathname` (trailing slashes ignored), or null.
export function matchRoute(routes: readonly RouteDef[], pathname: string): RouteMatch | null {
  const actual = segments(pathname);
  for (const route of routes) {
    const pattern = segments(route.path);
    if (pattern.length !== actual.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const want = pattern[i] as string;
      const got = actual[i] as string;
      if (want.startsWith(':')) {
        try {
          params[want.slice(1)] = decodeURIComponent(got);
        } catch {
          ok = false; // malformed %-escape
        }
      } else {
        ok = want === got;
      }
    }
    if (ok) return { route, params };
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

// Goes to an in-app path without reloading the page.
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

// Whether a click on this link should be handled here rather than by the browser.
export function isInAppLinkClick(event: MouseEvent, anchor: HTMLAnchorElement, origin: string): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return false;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return false; // in-page links (the skip link) stay native
  const url = new URL(anchor.href, origin);
  if (url.origin !== origin) return false;
  // The API, health checks and downloads are server paths, not pages.
  if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') return false;
  return true;
}

// Lets plain <a href="/..."> links navigate in-app: pages need no special link component.
export function installLinkInterception(): () => void {
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    const anchor = target?.closest?.('a');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if (!isInAppLinkClick(event, anchor, location.origin)) return;
    event.preventDefault();
    const url = new URL(anchor.href);
    if (url.pathname + url.search === location.pathname + location.search && url.hash) {
      location.hash = url.hash;
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  };
  const onPopState = () => notify();
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPopState);
  return () => {
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', onPopState);
  };
}

// The current query string ("?q=…" or ""); re-renders the caller on every navigation, including
// one that changes only the query (a search form, the back button after one).
export function useSearch(): string {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const listener = () => setSearch(location.search);
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return search;
}

// The current path; re-renders the caller on every navigation.
export function usePathname(): string {
  const [pathname, setPathname] = useState(location.pathname);
  useEffect(() => {
    const listener = () => setPathname(location.pathname);
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return pathname;
}
