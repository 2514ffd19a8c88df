// The shell around every page: skip link, header, the routed page inside <main>, footer.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SITE, type SiteInfo } from './config';
import { Footer } from './components/footer';
import { Header } from './components/header';
import { useI18n } from './i18n/use_i18n';
import { cityName, loadSiteInfo } from './lib/site';
import { matchRoute, usePathname } from './router';
import { notFoundRoute, routes } from './routes';
import { PageTitleContext } from './page_title';
import { SiteContext } from './site_context';

export const MAIN_ID = 'main';

export function App({ loadSite = loadSiteInfo }: { loadSite?: () => Promise<SiteInfo> }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const [site, setSite] = useState<SiteInfo>(DEFAULT_SITE);
  const [pageTitle, setPageTitle] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    let live = true;
    void loadSite().then((info) => {
      if (live) setSite(info);
    });
    return () => {
      live = false;
    };
  }, [loadSite]);

  const match = matchRoute(routes, pathname) ?? { route: notFoundRoute, params: {} };
  const Page = match.route.page;
  const title = t(match.route.title);
  const city = cityName(site, locale);
  const shownTitle = pageTitle ?? title;

  useLayoutEffect(() => {
    document.title = `${shownTitle} | ${t('site.title_suffix', { city })}`;
  }, [shownTitle, city, locale]);

  // After an in-app navigation, move focus to the new page's heading so screen-reader and keyboard
  // users start there, as they would after a full page load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector('h1');
    const target: HTMLElement = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname]);

  return (
    <SiteContext.Provider value={site}>
      <PageTitleContext.Provider value={setPageTitle}>
        <a class="skip-link" href={`#${MAIN_ID}`}>
          {t('site.skip_link')}
        </a>
        <Header pathname={pathname} />
        <main id={MAIN_ID} class="site-main" tabIndex={-1} ref={mainRef}>
          <div class="container">
            <Page params={match.params} title={title} />
          </div>
        </main>
        <Footer />
      </PageTitleContext.Provider>
    </SiteContext.Provider>
  );
}
