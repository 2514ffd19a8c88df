// The portal shell in a real browser: Vietnamese header and city, language switch, routing,
// keyboard access, 360 px layout, axe WCAG 2.1 AA check, screenshots.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  axeViolations,
  describeViolations,
  hasHorizontalScroll,
  launchBrowser,
  screenshot,
  watchPageProblems,
} from './lib/browser.js';
import { startServer } from './lib/server.js';

/** @type {import('./lib/server.js').RunningServer} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  // Each step runs even if the one before fails, so the server never outlives the tests.
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** Problems worth failing for; a failed resource load is the API's business, tested on its own. */
function seriousProblems(/** @type {string[]} */ problems) {
  return problems.filter((p) => !p.includes('Failed to load resource'));
}

async function newPage(/** @type {{width: number, height: number} | undefined} */ viewport = undefined) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchPageProblems(page);
  return { page, problems };
}

/** @param {import('playwright-core').Page} page */
async function assertAccessible(page, /** @type {string} */ label) {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(`axe violations on ${label}:\n${describeViolations(violations)}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} WCAG 2.1 AA violation(s) on ${label}`);
}

/** @param {import('playwright-core').Page} page */
const htmlLang = (page) => page.evaluate('document.documentElement.lang');

describe('portal shell', { timeout: 120000 }, () => {
  test('home page: Vietnamese header, city name, landmarks, no accessibility violations', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/`);
    const banner = page.getByRole('banner');
    await banner.getByText('Cổng Dịch vụ công', { exact: true }).waitFor();
    await banner.getByText('Thành phố Hà Nội', { exact: true }).waitFor();
    assert.equal(await htmlLang(page), 'vi');
    assert.match(await page.title(), /Cổng Dịch vụ công/);

    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('contentinfo').count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count(), 1);
    assert.equal(await page.locator('h1').count(), 1);
    for (const href of ['/thu-tuc', '/tra-cuu', '/dang-nhap']) {
      assert.ok((await page.locator(`main a[href="${href}"]`).count()) > 0, `home links to ${href}`);
    }
    assert.ok(await page.getByRole('link', { name: 'Tuyên bố về khả năng tiếp cận' }).isVisible());

    await assertAccessible(page, 'home (vi, desktop)');
    await screenshot(page, 'home-desktop');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('keyboard: the skip link comes first and moves focus to the main content', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('banner').getByText('Cổng Dịch vụ công', { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal((await focused.textContent())?.trim(), 'Bỏ qua đến nội dung chính');
    assert.ok(await focused.isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'main');
    await page.close();
  });

  test('language switch: English and back, remembered across reloads', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/`);
    const banner = page.getByRole('banner');
    await banner.getByText('Thành phố Hà Nội', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await banner.getByText('Public Service Portal', { exact: true }).waitFor();
    await banner.getByText('Hanoi City', { exact: true }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    await assertAccessible(page, 'home (en)');
    await screenshot(page, 'home-desktop-en');

    await page.reload();
    await banner.getByText('Hanoi City', { exact: true }).waitFor();
    assert.equal(await htmlLang(page), 'en', 'the choice survives a reload');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await banner.getByText('Cổng Dịch vụ công', { exact: true }).waitFor();
    await banner.getByText('Thành phố Hà Nội', { exact: true }).waitFor();
    assert.equal(await htmlLang(page), 'vi');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('360 px wide phone: no horizontal scroll, no accessibility violations', async () => {
    const { page, problems } = await newPage({ width: 360, height: 740 });
    await page.goto(`${server.url}/`);
    await page.getByRole('banner').getByText('Thành phố Hà Nội', { exact: true }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'the home page scrolls sideways at 360 px');
    await assertAccessible(page, 'home (vi, 360 px)');
    await screenshot(page, 'home-360');

    await page.goto(`${server.url}/kha-nang-tiep-can`);
    await page.locator('h1').waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'the accessibility statement scrolls sideways at 360 px');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('routing: in-app navigation on real paths, back button, not-found page', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/`);
    await page.locator('h1').waitFor();
    await page.evaluate('window.__sameDocument = true');

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL(`${server.url}/thu-tuc`);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    assert.equal(await page.evaluate('window.__sameDocument'), true, 'navigation did not reload the page');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.tagName'), 'H1');
    assert.match(await page.title(), /^Thủ tục hành chính \| /);

    await page.goBack();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: /Dịch vụ công trực tuyến/ }).waitFor();

    // A deep link loads straight from the server's fallback to index.html.
    await page.goto(`${server.url}/khong-ton-tai/o-day`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    await assertAccessible(page, 'not found');

    await page.getByRole('link', { name: 'Tuyên bố về khả năng tiếp cận' }).click();
    await page.waitForURL(`${server.url}/kha-nang-tiep-can`);
    await page.getByRole('heading', { level: 1, name: 'Tuyên bố về khả năng tiếp cận' }).waitFor();
    await assertAccessible(page, 'accessibility statement');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('the header keeps the default city when /api/v1/site fails', async () => {
    const { page } = await newPage();
    await page.route('**/api/v1/site', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable"}}' }),
    );
    await page.goto(`${server.url}/`);
    await page.getByRole('banner').getByText('Thành phố Hà Nội', { exact: true }).waitFor();
    await page.close();
  });
});
