// The officers' workspace over the demo dossiers (`motcua demo` with MOTCUA_DEMO_DOSSIERS=true: one
// dossier per state of the standard workflow, made on a clock that walked the last weeks, so some
// are overdue): the desk's "quá hạn" count leads to the inbox filtered on overdue dossiers, every
// row says "Quá hạn" in words next to the working days late, the inbox is in the order of the due
// times, and the page agrees with GET /api/v1/inbox. Axe, screenshots, 360 px.
// Needs the real binary (MOTCUA_BIN).
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
let skipReason = /** @type {string | null} */ (null);

const PASSWORD = 'Demo@2017';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

before(async () => {
  // This file's server has the sample dossiers (the others start without them).
  const previous = process.env['MOTCUA_DEMO_DOSSIERS'];
  process.env['MOTCUA_DEMO_DOSSIERS'] = 'true';
  try {
    server = await startServer();
  } finally {
    if (previous === undefined) delete process.env['MOTCUA_DEMO_DOSSIERS'];
    else process.env['MOTCUA_DEMO_DOSSIERS'] = previous;
  }
  if (server.kind !== 'motcua') {
    skipReason = 'skipped: needs the motcua binary (MOTCUA_BIN) — the node stand-in has no workflow';
  } else {
    const probe = await fetch(`${server.url}/api/v1/inbox`, { headers: { Accept: 'application/json' } });
    if (probe.status === 404) skipReason = 'skipped: this motcua binary has no workflow API (GET /api/v1/inbox is 404)';
  }
  if (skipReason) console.log(`# workspace_demo.test.mjs ${skipReason}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** @param {import('playwright-core').Page} page */
async function checkPage(page, /** @type {string} */ name) {
  for (const [size, suffix] of /** @type {const} */ ([
    [DESKTOP, ''],
    [PHONE, '-360'],
  ])) {
    await page.setViewportSize(size);
    if (size === PHONE) assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 360 px`);
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log(`axe violations on ${name}${suffix}:\n${describeViolations(violations)}`);
    assert.equal(violations.length, 0, `axe found ${violations.length} WCAG 2.1 AA violation(s) on ${name}${suffix}`);
    await screenshot(page, `workspace-demo-${name}${suffix}`);
  }
  await page.setViewportSize(DESKTOP);
}

async function signIn(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ user) {
  await browser.context.clearCookies();
  await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent('/can-bo')}`);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(user);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${server.url}/can-bo`);
}

/**
 * The inbox as the API gives it to the signed-in officer (the page's cookies).
 * @returns {Promise<{items: Array<{code: string, due_at: string | null, due_flag: string | null, working_days_left: number | null}>, total: number, counts: Record<string, number>}>}
 */
async function apiInbox(/** @type {import('playwright-core').Page} */ page, query = '') {
  const r = await page.request.get(`${server.url}/api/v1/inbox${query}`, { headers: { Accept: 'application/json' } });
  assert.equal(r.status(), 200);
  return r.json();
}

describe('the workspace over the demo dossiers', { timeout: 300000 }, () => {
  test('overdue dossiers are counted on the desk, filtered in the inbox and flagged in words', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);

    // Find the Ba Đình officers with overdue work (the demo clock decides which).
    let checked = 0;
    for (const user of ['badinh.lanhdao', 'badinh.vanthu', 'badinh.truongphong', 'badinh.chuyenvien', 'badinh.motcua']) {
      await signIn(page, user);
      const all = await apiInbox(page);
      const overdue = await apiInbox(page, '?due=overdue');
      const count = page.getByTestId('desk-inbox-count');
      await count.waitFor();
      const total = Object.values(all.counts).reduce((a, b) => a + b, 0);
      assert.match((await count.textContent()) ?? '', new RegExp(`${total} hồ sơ đang chờ xử lý`));
      if (overdue.total === 0) continue;

      // The desk's red count leads to the inbox of overdue dossiers.
      const link = count.getByRole('link', { name: `${overdue.total} quá hạn` });
      await link.waitFor();
      if (checked === 0) await checkPage(page, '01-desk');
      await link.click();
      await page.waitForURL(`${server.url}/can-bo/ho-so?due=overdue`);
      const rows = page.locator('table.table--inbox tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), Math.min(overdue.total, 20));
      assert.equal(await page.getByLabel('Thời hạn').inputValue(), 'overdue', 'the filter shows what is applied');
      for (const item of overdue.items) {
        const row = rows.filter({ has: page.getByRole('link', { name: item.code, exact: true }) });
        const text = (await row.textContent()) ?? '';
        assert.match(text, /Quá hạn/, `${item.code} says it is overdue in words`);
        if (typeof item.working_days_left === 'number' && item.working_days_left < 0) {
          const days = String(Math.round(Math.abs(item.working_days_left) * 10) / 10).replace('.', ',');
          assert.match(text, new RegExp(`Quá ${days} ngày làm việc`));
        }
        const tag = row.locator('.due__flag');
        assert.equal(await tag.textContent(), 'Quá hạn');
        assert.equal(await tag.isVisible(), true);
      }
      if (checked === 0) await checkPage(page, '02-inbox-overdue');

      // The whole inbox in the order of the due times, as the API gives it.
      await page.goto(`${server.url}/can-bo/ho-so`);
      await rows.first().waitFor();
      const codes = await page.locator('table.table--inbox tbody th a').allTextContents();
      assert.deepEqual(codes, all.items.map((i) => i.code));
      const dues = all.items.map((i) => i.due_at).filter((d) => d !== null).map((d) => Date.parse(/** @type {string} */ (d)));
      assert.deepEqual(dues, [...dues].sort((a, b) => a - b), 'soonest due first');
      checked++;
    }
    assert.ok(checked > 0, 'the demo data has overdue dossiers at Ba Đình');
    assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
    await page.close();
  });
});
