// The procedure catalog, a procedure's page and the rollout page in a real browser: search without
// diacritics, filters in the URL and the back button, the papers table, the "online here?"
// picker, the rollout chart's text alternative; axe WCAG 2.1 AA on each page; desktop and 360 px
// screenshots. Against the real binary these need the Hanoi catalog that `motcua demo` imports.
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
  await browser?.close().catch(() => {});
  await server?.stop();
});

const PHONE = { width: 360, height: 740 };
const PERMIT = /Cấp giấy phép xây dựng/;

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

/** The result count, once a search has finished ("Tìm thấy 12 thủ tục"). @param {import('playwright-core').Page} page */
async function resultCount(page) {
  const status = page.locator('.result-count');
  await status.filter({ hasText: /^(Tìm thấy \d+ thủ tục|Không tìm thấy thủ tục nào)$/ }).waitFor();
  const text = (await status.textContent()) ?? '';
  const match = /(\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** The first result link whose name contains "Cấp giấy phép xây dựng". @param {import('playwright-core').Page} page */
function permitLink(page) {
  return page.locator('.result-list').getByRole('link', { name: PERMIT }).first();
}

/** Searches the catalog the way a person does: type, then press the button. @param {import('playwright-core').Page} page */
async function searchFor(page, /** @type {string} */ text) {
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await box.fill(text);
  await page.getByRole('search').getByRole('button', { name: 'Tìm kiếm' }).click();
}

describe('procedure catalog', { timeout: 180000 }, () => {
  test('search without diacritics, open the result, see papers and processing time', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/thu-tuc`);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    const all = await resultCount(page);
    assert.ok(all > 0, 'the catalog lists procedures');
    const status = page.getByRole('status').filter({ hasText: /Tìm thấy/ });
    assert.equal(await status.count(), 1, 'the count is in a live region');

    await searchFor(page, 'giay phep xay dung');
    await page.waitForURL(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    const found = await resultCount(page);
    assert.ok(found > 0 && found <= all, `found ${found} of ${all}`);
    await permitLink(page).waitFor();
    assert.match((await page.locator('.result-count').textContent()) ?? '', /^Tìm thấy \d+ thủ tục$/);
    // Every result says its level, time and fee in words.
    const first = page.locator('.result').first();
    assert.match((await first.textContent()) ?? '', /Mức độ \d/);
    assert.match((await first.textContent()) ?? '', /\d+ (ngày|giờ) làm việc/);
    assert.match((await first.textContent()) ?? '', /(\d{1,3}(\.\d{3})* ₫|Không mất phí|Nhiều mức thu)/);

    await assertAccessible(page, 'catalog search results');
    await screenshot(page, 'catalog-desktop');

    await permitLink(page).click();
    await page.waitForURL(/\/thu-tuc\/[^/?]+$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: PERMIT }).waitFor();
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.tagName'), 'H1');
    assert.match(await page.title(), PERMIT, 'the tab title names the procedure');

    const papers = page.getByRole('table', { name: 'Thành phần hồ sơ' });
    await papers.waitFor();
    assert.ok((await papers.locator('tbody tr').count()) > 0, 'the papers table has rows');
    const headers = (await papers.locator('thead th').allTextContents()).map((s) => s.trim());
    for (const column of ['Tên giấy tờ', 'Loại bản', 'Số lượng', 'Bắt buộc', 'Định dạng tệp', 'Dung lượng tối đa']) {
      assert.ok(headers.includes(column), `papers table has a "${column}" column`);
    }
    assert.match((await papers.locator('tbody').textContent()) ?? '', /Bản chính|Bản sao có chứng thực|Bản sao/);
    const time = page.locator('.summary-list__row').filter({ hasText: 'Thời hạn giải quyết' });
    assert.match((await time.textContent()) ?? '', /\d+ (ngày|giờ) làm việc/);
    assert.match((await page.locator('main').textContent()) ?? '', /Mức độ \d/);

    await assertAccessible(page, 'procedure detail');
    await screenshot(page, 'procedure-desktop');

    // The paper form (tờ khai) made from the procedure's own form schema, for the desk or the post.
    const blank = page.getByTestId('blank-form-link');
    assert.match((await blank.textContent()) ?? '', /^Tờ khai .+ \(PDF, mở trong thẻ mới\)$/);
    const href = (await blank.getAttribute('href')) ?? '';
    assert.match(href, /^\/api\/v1\/procedures\/[^/]+\/blank-form\.pdf$/);
    if (process.env.MOTCUA_BIN) {
      const pdf = await page.request.get(server.url + href);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    }

    // The address is a real one: reloading it (a bookmark, a shared link) opens the same page.
    const detailUrl = page.url();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: PERMIT }).waitFor();
    await page.getByRole('table', { name: 'Thành phần hồ sơ' }).waitFor();
    assert.equal(page.url(), detailUrl);

    // Back to the results of the same search.
    await page.goBack();
    await page.waitForURL(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).inputValue(), 'giay phep xay dung');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('filters live in the URL; the back button restores the previous search', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();

    await page.getByLabel('Mức độ', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await page.waitForURL(`${server.url}/thu-tuc?q=giay+phep+xay+dung&level=3`);
    await resultCount(page);
    for (const text of await page.locator('.result').allTextContents()) {
      assert.match(text, /Mức độ 3 \(một phần\)/);
    }

    await page.goBack();
    await page.waitForURL(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();
    assert.equal(await page.getByLabel('Mức độ', { exact: true }).inputValue(), '');

    // A shared link opens the same search; "clear filters" goes back to the whole catalog.
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung&level=3`);
    await resultCount(page);
    assert.equal(await page.getByLabel('Mức độ', { exact: true }).inputValue(), '3');
    await page.getByRole('link', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(`${server.url}/thu-tuc`);
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).inputValue(), '');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('a bad filter in the URL shows the server error, not a crash', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/thu-tuc?field=khong-co-linh-vuc-nay`);
    await page.getByRole('alert').waitFor();
    assert.match((await page.locator('.result-count').textContent()) ?? '', /Không tải được/);
    await page.close();
  });

  test('360 px phone: catalog and procedure page fit, no accessibility violations', async () => {
    const { page, problems } = await newPage(PHONE);
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'the catalog scrolls sideways at 360 px');
    await assertAccessible(page, 'catalog (360 px)');
    await screenshot(page, 'catalog-360');

    await permitLink(page).click();
    await page.getByRole('table', { name: 'Thành phần hồ sơ' }).waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'the procedure page scrolls sideways at 360 px');
    await assertAccessible(page, 'procedure detail (360 px)');
    await screenshot(page, 'procedure-360');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('the agency picker says whether the procedure is online there', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).click();
    const picker = page.getByRole('form', { name: /trực tuyến tại nơi bạn ở/ });
    await picker.waitFor();
    const district = picker.getByLabel('Quận, huyện, thị xã');
    // Wait for the districts to load, then choose the first.
    await district.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    const value = await district.locator('option:nth-child(2)').getAttribute('value');
    assert.ok(value);
    await district.selectOption(value);
    await picker.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.waitForURL(new RegExp(`\\?agency=${value.replace(/\./g, '\\.')}$`));
    const answer = picker.getByRole('status');
    await answer.filter({ hasText: /(trực tuyến tại .+ từ \d{2}\/\d{2}\/\d{4}|chưa cung cấp trực tuyến tại đây — chỉ xem thông tin)/ }).waitFor();
    await assertAccessible(page, 'procedure detail with the picker answered');

    // The online list gives dates as dd/mm/yyyy.
    const online = await page.locator('.online-list').first().textContent();
    if (online) assert.match(online, /Trực tuyến từ \d{2}\/\d{2}\/\d{4}/);
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('an unknown procedure code shows a not-found page', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/thu-tuc/KHONG.CO.MA.NAY`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    await page.getByRole('link', { name: 'Quay lại danh sách thủ tục' }).waitFor();
    await page.close();
  });

  test('English: levels, time and fee in English', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.result-count').filter({ hasText: /procedures? found/ }).waitFor();
    const first = (await page.locator('.result').first().textContent()) ?? '';
    assert.match(first, /Level \d/);
    assert.match(first, /\d+ working (days?|hours?)/);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.close();
  });

  test('home page search goes to the catalog', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('giay phep xay dung');
    await page.getByRole('search').getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(`${server.url}/thu-tuc?q=giay+phep+xay+dung`);
    await permitLink(page).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).inputValue(), 'giay phep xay dung');
    assert.ok((await page.locator('main a[href="/thu-tuc"]').count()) > 0, 'the home page links to the catalog');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });
});

describe('rollout page', { timeout: 120000 }, () => {
  test('waves, tier summary with a chart and its text alternative, sortable agencies', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}/quan-tri/trien-khai`);
    await page.getByRole('heading', { level: 1, name: 'Triển khai dịch vụ công trực tuyến' }).waitFor();

    const waves = page.getByRole('table', { name: 'Các đợt triển khai' });
    await waves.waitFor();
    assert.ok((await waves.locator('tbody tr').count()) >= 1);
    assert.match((await waves.textContent()) ?? '', /Đợt 1/);
    assert.match((await waves.textContent()) ?? '', /\d{2}\/\d{2}\/\d{4}|do quản trị thiết lập/);

    const chart = page.locator('canvas[role="img"]');
    await chart.waitFor();
    assert.match((await chart.getAttribute('aria-label')) ?? '', /Biểu đồ cột .+ \d+ trên \d+/);
    // Chart.js has drawn on it.
    await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas');
      return Boolean(canvas && canvas.width > 0 && canvas.height > 0 && canvas.getContext('2d'));
    });
    const tiers = page.getByRole('table', { name: /theo kế hoạch và đã trực tuyến, theo cấp/ });
    assert.ok((await tiers.locator('tbody tr').count()) >= 1);

    const agencies = page.getByRole('table', { name: 'Tiến độ theo cơ quan' });
    await agencies.waitFor();
    const sortByPlanned = agencies.getByRole('button', { name: /Kế hoạch/ });
    await sortByPlanned.click();
    assert.equal(await agencies.locator('th[aria-sort]').textContent().then((t) => t?.includes('Kế hoạch')), true);
    assert.equal(await agencies.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
    const planned = (await agencies.locator('tbody tr td:nth-of-type(1)').allTextContents()).map(Number);
    assert.deepEqual(planned, [...planned].sort((a, b) => b - a), 'sorted by planned, largest first');
    await sortByPlanned.click();
    assert.equal(await agencies.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');

    const text = (await page.locator('main').textContent()) ?? '';
    assert.doesNotMatch(text, /\[object|NaN|undefined/, 'every figure reads as a number');
    await assertAccessible(page, 'rollout page');
    await screenshot(page, 'rollout-desktop');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('360 px: the rollout page does not scroll sideways and passes axe', async () => {
    const { page, problems } = await newPage(PHONE);
    await page.goto(`${server.url}/quan-tri/trien-khai`);
    await page.getByRole('table', { name: 'Tiến độ theo cơ quan' }).waitFor();
    await page.locator('canvas[role="img"]').waitFor();
    assert.equal(await hasHorizontalScroll(page), false, 'the rollout page scrolls sideways at 360 px');
    await assertAccessible(page, 'rollout page (360 px)');
    await screenshot(page, 'rollout-360');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });
});
