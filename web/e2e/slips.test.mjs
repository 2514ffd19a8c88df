// The printable slips in a real browser: `congdan` submits a construction permit (H26.QH.XD.01) at
// Ba Đình through the API, badinh.motcua receives it and badinh.truongphong assigns it (also
// through the API); then the receipt and appointment slip (form 01) is opened from the officer's
// dossier page and from the applicant's, and the process-control sheet (form 05) from the
// officer's. Each page shows what the slip froze (code, appointment "hh giờ mm phút, ngày
// dd/mm/yyyy", the papers table, the QR code of the lookup address), keeps the page chrome in the
// interface language and the slip in Vietnamese, and in print media leaves only the paper. An
// officer of another agency and another applicant get the app's usual "not found"; an applicant
// on the officer's address gets "no permission". Axe, screenshots `slips-*.png`, 360 px.
// Needs the real binary (MOTCUA_BIN): the node stand-in has no workflow.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  axeViolations,
  describeViolations,
  hasHorizontalScroll,
  launchBrowser,
  screenshot,
  watchPageProblems,
} from './lib/browser.js';
import { ApiSession, tinyPdf } from './lib/api_session.js';
import { SCREENSHOT_DIR, startServer } from './lib/server.js';

/** @type {import('./lib/server.js').RunningServer} */
let server;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let browser;
let skipReason = /** @type {string | null} */ (null);

const PASSWORD = 'Demo@2017';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const PERMIT = 'H26.QH.XD.01';
const BA_DINH = '000.00.19.H26';
const WARD = '000.01.19.H26'; // Phường Cống Vị
const HANOI = '000.00.00.H26';
const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const SHEET_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';
const KIND = { original: 'Bản chính', certified_copy: 'Bản sao có chứng thực', copy: 'Bản sao' };

/** The dossier and its receipt slip, made once for every test. */
let made = /** @type {{ id: number, code: string, slip: any } | null} */ (null);

before(async () => {
  server = await startServer();
  if (server.kind !== 'motcua') {
    skipReason = 'skipped: needs the motcua binary (MOTCUA_BIN) — the node stand-in has no workflow';
  } else {
    const probe = await fetch(`${server.url}/api/v1/inbox`, { headers: { Accept: 'application/json' } });
    if (probe.status === 404) skipReason = 'skipped: this motcua binary has no workflow API (GET /api/v1/inbox is 404)';
  }
  if (skipReason) console.log(`# slips.test.mjs ${skipReason}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** @param {string} user */
async function as(user) {
  const c = new ApiSession(server.url);
  const r = await c.req('POST', '/api/v1/auth/login', { username: user, password: PASSWORD });
  assert.equal(r.status, 200, r.text);
  return c;
}

/** congdan submits the permit: its id, code, version and congdan's session. */
async function submitPermit() {
  const c = await as('congdan');
  let r = await c.req('POST', '/api/v1/dossiers', { procedure: PERMIT, agency: BA_DINH });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  const address = { province: HANOI, district: BA_DINH, ward: WARD, street: 'Số 8 ngõ 12 phố Đội Cấn' };
  const form = {
    owner: { full_name: 'Nguyễn Văn An', id_number: '001090012345', phone: '0912345678', address },
    plot_address: address,
    land_certificate_number: 'BĐ 123456',
    plot: { lot_number: '45', map_sheet: '12', plot_area: 80.5 },
    construction_area: 60,
    floors: 4,
    total_floor_area: 240,
    height: 15,
    purpose: 'nha_o',
  };
  r = await c.req('PATCH', `/api/v1/dossiers/${id}`, { version: r.json.version, form_data: form });
  assert.equal(r.status, 200, r.text);
  if ((await c.req('GET', `/api/v1/dossiers/${id}/documents`)).status === 200) {
    for (const component of ['1', '2', '3']) {
      const body = new FormData();
      body.append('component', component);
      body.append('file', new Blob([tinyPdf()], { type: 'application/pdf' }), `giay-to-${component}.pdf`);
      const up = await c.req('POST', `/api/v1/dossiers/${id}/documents`, body);
      assert.equal(up.status, 201, up.text);
    }
  }
  r = await c.req('POST', `/api/v1/dossiers/${id}/submit`, undefined, { 'Idempotency-Key': `slips-e2e-${process.pid}-${id}` });
  assert.equal(r.status, 200, r.text);
  return { c, id: /** @type {number} */ (id), code: /** @type {string} */ (r.json.code), version: /** @type {number} */ (r.json.version) };
}

/** congdan submits the permit; badinh.motcua receives it; the unit head assigns the specialist. */
async function receivedPermit() {
  const { c, id, code, version } = await submitPermit();
  const desk = await as('badinh.motcua');
  let r = await desk.req('POST', `/api/v1/dossiers/${id}/actions/receive`, { version });
  assert.equal(r.status, 200, r.text);
  const head = await as('badinh.truongphong');
  r = await head.req('POST', `/api/v1/dossiers/${id}/actions/assign`, { version: r.json.version, assignee: 'badinh.chuyenvien' });
  assert.equal(r.status, 200, r.text);

  const slips = await c.req('GET', `/api/v1/dossiers/${id}/slips`);
  assert.equal(slips.status, 200, slips.text);
  const slip = slips.json.items.find((/** @type {any} */ s) => s.form === 'form_01');
  assert.ok(slip, 'the receipt slip was issued');
  assert.ok(slip.content.papers.length > 0, 'the receipt lists papers');
  return { id: /** @type {number} */ (id), code: /** @type {string} */ (code), slip };
}

// ---- the browser's side --------------------------------------------------------------------------

/** "08 giờ 30 phút, ngày 19/01/2017" of an instant, in Hanoi time (UTC+7). */
function clockWords(/** @type {string} */ iso) {
  const t = new Date(Date.parse(iso) + 7 * 3600 * 1000);
  const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${p(t.getUTCHours())} giờ ${p(t.getUTCMinutes())} phút, ngày ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

function seriousProblems(/** @type {string[]} */ problems) {
  // The anonymous GET /me before signing in answers 401: an expected answer, not a page error.
  return problems.filter((p) => !p.includes('Failed to load resource'));
}

/** @param {import('playwright-core').Page} page */
async function assertAccessible(page, /** @type {string} */ label) {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(`axe violations on ${label}:\n${describeViolations(violations)}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} WCAG 2.1 AA violation(s) on ${label}`);
}

/** Axe and a screenshot; the same at 360 px; then in print media (only the paper is left). */
async function checkPage(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name) {
  await assertAccessible(page, name);
  await screenshot(page, `slips-${name}`);
  await page.setViewportSize(PHONE);
  assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 360 px`);
  await assertAccessible(page, `${name} (360 px)`);
  await screenshot(page, `slips-${name}-360`);
  await page.setViewportSize(DESKTOP);

  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-footer', '.site-nav', '[data-testid="print-button"]', '.back-link']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is hidden in print (${name})`);
  }
  assert.equal(await page.getByTestId('slip').isVisible(), true, `the slip is printed (${name})`);
  const colours = await page.getByTestId('slip').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, background: s.backgroundColor, border: s.borderTopWidth };
  });
  assert.deepEqual(colours, { color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', border: '0px' }, `black on white (${name})`);
  const rowBreak = await page.evaluate(() => {
    const row = document.querySelector('.slip__table tbody tr');
    return row ? getComputedStyle(row).breakInside : 'avoid';
  });
  assert.equal(rowBreak, 'avoid', `table rows do not break across pages (${name})`);
  await screenshot(page, `slips-${name}-print`);

  // As Chromium prints it: A4 portrait pages (595 × 842 points), kept beside the screenshots.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  assert.ok(boxes.length >= 1, `the ${name} PDF has pages`);
  for (const box of boxes) assert.deepEqual(box, [595, 842], `A4 portrait (${name})`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, `slips-${name}.pdf`), Buffer.from(pdf, 'latin1'));
  await page.emulateMedia({ media: 'screen' });
  return boxes.length;
}

/** Signs in through the login page and lands on `next`. */
async function signIn(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ user, next = '/can-bo') {
  await browser.context.clearCookies();
  await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(user);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${server.url}${next}`);
}

/** The receipt slip on screen says what the slip froze. */
async function checkReceipt(/** @type {import('playwright-core').Page} */ page, /** @type {any} */ slip, /** @type {string} */ code) {
  await page.getByRole('heading', { level: 1, name: RECEIPT_TITLE }).waitFor();
  const c = slip.content;
  assert.equal(await page.getByTestId('slip').getAttribute('lang'), 'vi');
  assert.match(await page.getByTestId('slip').innerText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s+Độc lập - Tự do - Hạnh phúc/);
  assert.match(await page.getByTestId('slip-date').innerText(), /^Hà Nội, ngày \d\d tháng \d\d năm \d{4}$/);
  assert.equal((await page.getByTestId('slip-code').innerText()).trim(), `Mã hồ sơ: ${code}`);
  assert.equal(c.code, code);
  assert.ok(c.appointment_at, 'the receipt has an appointment');
  assert.equal((await page.getByTestId('slip-appointment').innerText()).trim(), `4. Thời gian trả kết quả giải quyết hồ sơ: ${clockWords(c.appointment_at)}`);
  assert.equal((await page.getByTestId('slip-received').innerText()).trim(), `3. Thời gian nhận hồ sơ: ${clockWords(c.received_at)}`);
  assert.match(await page.getByTestId('slip-applicant').innerText(), /Nguyễn Văn An/);
  assert.match(await page.getByTestId('slip-procedure').innerText(), /giấy phép xây dựng/i);
  assert.match(await page.getByTestId('slip-fee').innerText(), /^6\. Phí, lệ phí: (\d{1,3}(\.\d{3})* ₫ \(chưa nộp\)|Không thu phí, lệ phí)$/);

  // The papers table: headers, then one row per paper with its kind and count.
  const table = page.getByTestId('slip-papers');
  assert.deepEqual(
    (await table.locator('thead th').allInnerTexts()).map((s) => s.trim()),
    ['TT', 'Tên giấy tờ', 'Hình thức (bản chính, bản sao có chứng thực, bản sao)', 'Số lượng'],
  );
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), c.papers.length);
  for (let i = 0; i < c.papers.length; i++) {
    const cells = (await rows.nth(i).locator('th, td').allInnerTexts()).map((s) => s.trim());
    const paper = c.papers[i];
    assert.deepEqual(cells, [String(i + 1), paper.name, KIND[/** @type {keyof typeof KIND} */ (paper.kind)], String(paper.count)]);
  }

  // The QR code of the lookup address: an SVG drawn in the page, with a text alternative.
  const qr = page.getByTestId('slip-qr');
  await qr.waitFor();
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
  assert.equal(await qr.getAttribute('alt'), `Mã QR tra cứu hồ sơ ${code}`);
  assert.ok(await qr.evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth > 0), 'the QR image is drawn');
  const svg = decodeURIComponent(((await qr.getAttribute('src')) ?? '').split(',')[1] ?? '');
  assert.match(svg, /<svg/);

  // Signatures of the applicant and the receiving officer.
  const slipText = await page.getByTestId('slip').innerText();
  assert.match(slipText, /NGƯỜI NỘP HỒ SƠ/);
  assert.match(slipText, /NGƯỜI TIẾP NHẬN HỒ SƠ/);
  assert.match(slipText, /Lê Thị Hoa/);
}

/** An instant `days` days after `iso`, written in Hanoi time (…+07:00). */
function daysAfter(/** @type {string} */ iso, /** @type {number} */ days) {
  const t = new Date(Date.parse(iso) + days * 86400000 + 7 * 3600 * 1000);
  return `${t.toISOString().slice(0, 19)}+07:00`;
}

/** The slip of `form` that the API lists last for dossier `id` (as `session`). */
async function lastSlip(/** @type {ApiSession} */ session, /** @type {number} */ id, /** @type {string} */ form) {
  const r = await session.req('GET', `/api/v1/dossiers/${id}/slips`);
  assert.equal(r.status, 200, r.text);
  const slip = r.json.items.filter((/** @type {any} */ x) => x.form === form).at(-1);
  assert.ok(slip, `a ${form} slip was issued`);
  return slip;
}

describe('printable slips', () => {
  test('form 01 from the officer dossier page: the frozen receipt, print media, 360 px', async (t) => {
    if (skipReason) return t.skip(skipReason);
    made = await receivedPermit();
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);
    await signIn(page, 'badinh.motcua', `/can-bo/ho-so/${made.id}`);
    const link = page.getByTestId('slip-print-link').first();
    await link.waitFor();
    assert.match(await link.innerText(), /^In phiếu/);
    await link.click();
    await page.waitForURL(`${server.url}/can-bo/ho-so/${made.id}/phieu/${made.slip.id}`);
    await checkReceipt(page, made.slip, made.code);
    assert.ok((await page.title()).startsWith(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01) – ${made.code} | `), await page.title());

    // The print button calls window.print() and is reachable from the keyboard.
    await page.evaluate(() => {
      /** @type {any} */ (window).__printed = 0;
      window.print = () => {
        /** @type {any} */ (window).__printed += 1;
      };
    });
    const button = page.getByRole('button', { name: 'In phiếu' });
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__printed), 1);
    assert.equal(await checkPage(page, 'form01-officer'), 1, 'the receipt fits on one A4 page');

    // The same paper as the server renders it: a PDF to save or send.
    const pdfLink = page.getByTestId('pdf-link');
    assert.equal(await pdfLink.getAttribute('href'), `/api/v1/dossiers/${made.id}/slips/${made.slip.id}/pdf`);
    const served = await page.request.get(`${server.url}/api/v1/dossiers/${made.id}/slips/${made.slip.id}/pdf`);
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'application/pdf');
    assert.equal((await served.body()).subarray(0, 5).toString(), '%PDF-');

    // The page chrome follows the interface language; the slip stays Vietnamese.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByRole('heading', { level: 1, name: RECEIPT_TITLE }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Back to the dossier' }).count(), 1);
    await assertAccessible(page, 'form 01 (English interface)');
    await screenshot(page, 'slips-form01-officer-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('button', { name: 'In phiếu' }).waitFor();
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('form 01 from the applicant dossier page', async (t) => {
    if (skipReason) return t.skip(skipReason);
    assert.ok(made, 'the first test made the dossier');
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);
    await signIn(page, 'congdan', `/ho-so-cua-toi/${made.id}`);
    const link = page.getByTestId('slips').getByRole('link', { name: /^In phiếu\W+Giấy tiếp nhận hồ sơ/ });
    await link.waitFor();
    await link.click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi/${made.id}/phieu/${made.slip.id}`);
    await checkReceipt(page, made.slip, made.code);
    await checkPage(page, 'form01-applicant');
    await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi/${made.id}`);
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('form 05: the process-control sheet from the officer dossier page', async (t) => {
    if (skipReason) return t.skip(skipReason);
    assert.ok(made, 'the first test made the dossier');
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);
    await signIn(page, 'badinh.motcua', `/can-bo/ho-so/${made.id}`);
    await page.getByTestId('sheet-print-link').click();
    await page.waitForURL(`${server.url}/can-bo/ho-so/${made.id}/phieu-kiem-soat`);
    assert.equal(await page.getByTestId('pdf-link').getAttribute('href'), `/api/v1/dossiers/${made.id}/control-sheet/pdf`);
    const sheetPdf = await page.request.get(`${server.url}/api/v1/dossiers/${made.id}/control-sheet/pdf`);
    assert.equal(sheetPdf.status(), 200);
    assert.equal(sheetPdf.headers()['content-type'], 'application/pdf');
    await page.getByRole('heading', { level: 1, name: SHEET_TITLE }).waitFor();
    assert.equal((await page.getByTestId('slip-code').innerText()).trim(), `Mã hồ sơ: ${made.code}`);
    assert.equal((await page.getByTestId('slip-applicant').innerText()).trim(), 'Kèm theo hồ sơ của: Nguyễn Văn An');
    assert.equal((await page.getByTestId('slip-phone').innerText()).trim(), 'Số điện thoại: 0912345678');
    assert.equal(
      (await page.getByTestId('slip-appointment').innerText()).trim(),
      `Thời gian hẹn trả kết quả: ${clockWords(made.slip.content.appointment_at)}`,
    );
    assert.equal((await page.getByTestId('slip-received').innerText()).trim(), `Thời gian nhận hồ sơ: ${clockWords(made.slip.content.received_at)}`);

    const table = page.getByTestId('sheet-rows');
    assert.deepEqual(
      (await table.locator('thead th').allInnerTexts()).map((s) => s.trim()),
      ['TT', 'Tên cơ quan, đơn vị', 'Thời gian giao, nhận hồ sơ', 'Người giao', 'Người nhận', 'Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)', 'Ghi chú'],
    );
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 2, 'receive and assign');
    const receive = (await rows.nth(0).locator('th, td').allInnerTexts()).map((s) => s.trim());
    assert.equal(receive[0], '1');
    assert.match(receive[1] ?? '', /\(Tiếp nhận/);
    assert.match(receive[2] ?? '', /^Giao: \d\d giờ \d\d phút, ngày \d\d\/\d\d\/\d{4}\nXong: \d\d giờ \d\d phút, ngày \d\d\/\d\d\/\d{4}$/);
    assert.equal(receive[3], 'Nguyễn Văn An');
    assert.equal(receive[4], 'Lê Thị Hoa');
    assert.match(receive[5] ?? '', /^(Trước hạn|Đúng hạn|Quá hạn)$/);
    const assign = (await rows.nth(1).locator('th, td').allInnerTexts()).map((s) => s.trim());
    assert.match(assign[1] ?? '', /\(Phân công/);
    assert.match(assign[5] ?? '', /^(Trước hạn|Đúng hạn|Quá hạn)$/);
    await checkPage(page, 'form05');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('another agency, another applicant: not found; an applicant on the officer address: no permission', async (t) => {
    if (skipReason) return t.skip(skipReason);
    assert.ok(made, 'the first test made the dossier');
    const page = await browser.context.newPage();
    const officerSlip = `/can-bo/ho-so/${made.id}/phieu/${made.slip.id}`;
    const applicantSlip = `/ho-so-cua-toi/${made.id}/phieu/${made.slip.id}`;

    await signIn(page, 'hoankiem.motcua');
    for (const path of [officerSlip, `/can-bo/ho-so/${made.id}/phieu-kiem-soat`]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
      assert.equal(await page.getByTestId('slip').count(), 0, `no slip for another agency at ${path}`);
      assert.equal((await page.locator('main').innerText()).includes(made.code), false);
    }
    await assertAccessible(page, 'slip not found (another agency)');
    await screenshot(page, 'slips-not-found-officer');

    await signIn(page, 'doanhnghiep', '/ho-so-cua-toi');
    await page.goto(`${server.url}${applicantSlip}`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
    assert.equal(await page.getByTestId('slip').count(), 0);
    assert.equal((await page.locator('main').innerText()).includes(made.code), false);
    await assertAccessible(page, 'slip not found (another applicant)');

    await signIn(page, 'congdan', '/ho-so-cua-toi');
    await page.goto(`${server.url}${officerSlip}`);
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền truy cập trang này' }).waitFor();
    assert.equal(await page.getByTestId('slip').count(), 0);
    // A slip number that is not this dossier's.
    await page.goto(`${server.url}/ho-so-cua-toi/${made.id}/phieu/999999`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy phiếu' }).waitFor();
    await page.close();
  });
  test('forms 02, 03 and 04: what was asked for, refused, or apologised for', async (t) => {
    if (skipReason) return t.skip(skipReason);
    assert.ok(made, 'the first test made the dossier');
    const desk = await as('badinh.motcua');
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);

    // Form 02: the one-stop officer asks for more at reception.
    const asked = await submitPermit();
    let r = await desk.req('POST', `/api/v1/dossiers/${asked.id}/actions/request_supplement_at_reception`, {
      version: asked.version,
      comment: 'Bổ sung bản vẽ mặt bằng móng (02 bản sao).\nLý do: bản đã nộp không đọc được.',
    });
    assert.equal(r.status, 200, r.text);
    const form02 = await lastSlip(asked.c, asked.id, 'form_02');

    // Form 03: another one refused.
    const refused = await submitPermit();
    r = await desk.req('POST', `/api/v1/dossiers/${refused.id}/actions/refuse`, {
      version: refused.version,
      comment: 'Công trình thuộc thẩm quyền cấp phép của Sở Xây dựng.',
    });
    assert.equal(r.status, 200, r.text);
    const form03 = await lastSlip(refused.c, refused.id, 'form_03');

    // Form 04: the leader extends the first dossier, with an apology and a new date.
    const leader = await as('badinh.lanhdao');
    const now = await leader.req('GET', `/api/v1/dossiers/${made.id}`);
    const newDue = daysAfter(now.json.due_at, 7);
    r = await leader.req('POST', `/api/v1/dossiers/${made.id}/actions/extend`, {
      version: now.json.version,
      comment: 'Cần xác minh thực địa.',
      new_due: newDue,
    });
    assert.equal(r.status, 200, r.text);
    const applicant = await as('congdan');
    const form04 = await lastSlip(applicant, made.id, 'form_04');

    await signIn(page, 'badinh.motcua', `/can-bo/ho-so/${refused.id}`);
    await page.getByTestId('slip-print-link').first().click();
    await page.waitForURL(`${server.url}/can-bo/ho-so/${refused.id}/phieu/${form03.id}`);
    await page.getByRole('heading', { level: 1, name: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' }).waitFor();
    assert.equal((await page.getByTestId('slip-reason').innerText()).trim(), 'Công trình thuộc thẩm quyền cấp phép của Sở Xây dựng.');
    assert.match(await page.getByTestId('slip').innerText(), /NGƯỜI TIẾP NHẬN HỒ SƠ[\s\S]*Lê Thị Hoa/);
    await assertAccessible(page, 'form 03');
    await screenshot(page, 'slips-form03');

    await signIn(page, 'congdan', `/ho-so-cua-toi/${asked.id}`);
    await page.getByTestId('slip-print-link').first().click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi/${asked.id}/phieu/${form02.id}`);
    await page.getByRole('heading', { level: 1, name: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' }).waitFor();
    assert.equal(
      (await page.getByTestId('slip-reason').innerText()).trim(),
      'Bổ sung bản vẽ mặt bằng móng (02 bản sao).\nLý do: bản đã nộp không đọc được.',
    );
    await assertAccessible(page, 'form 02');
    await screenshot(page, 'slips-form02');

    await page.goto(`${server.url}/ho-so-cua-toi/${made.id}`);
    await page.getByTestId('slips').getByRole('link', { name: /Phiếu xin lỗi/ }).click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi/${made.id}/phieu/${form04.id}`);
    await page.getByRole('heading', { level: 1, name: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' }).waitFor();
    assert.equal((await page.getByTestId('slip-reason').innerText()).trim(), 'Cần xác minh thực địa.');
    assert.equal((await page.getByTestId('slip-appointment').innerText()).trim(), clockWords(form04.content.new_appointment_at));
    assert.equal(form04.content.new_appointment_at, newDue);
    assert.match(await page.getByTestId('slip').innerText(), new RegExp(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${clockWords(made.slip.content.appointment_at)}`));
    assert.match(await page.getByTestId('slip').innerText(), /THỦ TRƯỞNG CƠ QUAN[\s\S]*Vũ Đức Dũng/);
    await checkPage(page, 'form04');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });
});
