// Online submission in a real browser (issue 5, "Must show"): `congdan` finds the private-house
// construction permit, picks Ba Đình, starts a draft prefilled from the profile, sees the
// validation errors first, fixes them, resumes after a reload, uploads a PDF and a JPEG (made in
// the test by the browser itself), checks the answers, submits, gets a code
// 000.00.19.H26-YYMMDD-0001 and a secret, signs out and looks the dossier up with them; a wrong
// secret gets the same answer as an unknown code. Axe on every page, screenshots at each step and
// at 360 px. Needs the real binary (MOTCUA_BIN): the node stand-in has no dossiers.
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
let papersApi = false;
/** What the first test made, for the later ones. */
const made = { id: 0, code: '' };

/** A browser-like API client (session cookie + CSRF token) for the officers' side of the story. */
class Api {
  constructor(/** @type {string} */ base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }
  /** @returns {Promise<{status: number, json: any}>} */
  async req(/** @type {string} */ method, /** @type {string} */ path, /** @type {any} */ body = undefined, /** @type {Record<string,string>} */ headers = {}) {
    /** @type {Record<string, string>} */
    const h = { Accept: 'application/json', ...headers };
    if (this.cookie) h['cookie'] = `motcua_session=${this.cookie}`;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const set = r.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
    if (set) this.cookie = set.slice('motcua_session='.length).split(';')[0] ?? '';
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: r.status, json };
  }
  async login(/** @type {string} */ username) {
    const r = await this.req('POST', '/api/v1/auth/login', { username, password: PASSWORD });
    assert.equal(r.status, 200, `${username} signs in`);
    this.csrf = r.json.csrf_token;
    return this;
  }
  /** Takes a workflow action on a dossier at its current version. */
  async act(/** @type {number} */ id, /** @type {string} */ action, /** @type {Record<string, string>} */ extra = {}) {
    const now = await this.req('GET', `/api/v1/dossiers/${id}/actions`);
    assert.equal(now.status, 200, `actions of dossier ${id}: ${JSON.stringify(now.json)}`);
    const r = await this.req('POST', `/api/v1/dossiers/${id}/actions/${action}`, { version: now.json.version, ...extra });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.json)}`);
    return r.json;
  }
}

const PASSWORD = 'Demo@2017';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const CODE = /^000\.00\.\d\d\.H26-\d{6}-0001$/;

before(async () => {
  server = await startServer();
  if (server.kind !== 'motcua') {
    skipReason = 'skipped: needs the motcua binary (MOTCUA_BIN) — the node stand-in has no dossiers API';
  } else {
    const probe = await fetch(`${server.url}/api/v1/dossiers`, { headers: { Accept: 'application/json' } });
    if (probe.status === 404) skipReason = 'skipped: this motcua binary has no dossiers API';
    // The papers API answers 401 to an anonymous caller once it exists (404 before).
    const docs = await fetch(`${server.url}/api/v1/dossiers/1/documents`, { headers: { Accept: 'application/json' } });
    papersApi = docs.status !== 404;
  }
  if (skipReason) console.log(`# submission.test.mjs ${skipReason}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

function seriousProblems(/** @type {string[]} */ problems) {
  return problems.filter((p) => !p.includes('Failed to load resource'));
}

/** @param {import('playwright-core').Page} page */
async function assertAccessible(page, /** @type {string} */ label) {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(`axe violations on ${label}:\n${describeViolations(violations)}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} WCAG 2.1 AA violation(s) on ${label}`);
}

/** Axe, a desktop screenshot, then the same page at 360 px (no sideways scroll, axe, screenshot). */
async function checkPage(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name) {
  await assertAccessible(page, name);
  await screenshot(page, `submission-${name}`);
  await page.setViewportSize(PHONE);
  assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 360 px`);
  await assertAccessible(page, `${name} (360 px)`);
  await screenshot(page, `submission-${name}-360`);
  await page.setViewportSize(DESKTOP);
}

/** A small real PDF and JPEG, made by the browser (page.pdf and a canvas). */
async function makeFiles(/** @type {import('playwright-core').Page} */ page) {
  const scratch = await browser.context.newPage();
  await scratch.setContent('<p>Đơn đề nghị cấp giấy phép xây dựng — bản thử</p>');
  const pdf = await scratch.pdf({ width: '10cm', height: '5cm' });
  const jpegBase64 = await scratch.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.fillStyle = '#a4161a';
    ctx.fillRect(0, 0, 64, 48);
    ctx.fillStyle = '#ffcd00';
    ctx.fillRect(8, 8, 24, 24);
    return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
  });
  await scratch.close();
  void page;
  return { pdf, jpeg: Buffer.from(/** @type {string} */ (jpegBase64), 'base64') };
}

describe('online submission', { timeout: 300000 }, () => {
  test('congdan submits a construction permit at Ba Đình and looks it up signed out', async (t) => {
    if (skipReason) return t.skip(skipReason);
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);

    // Sign in.
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('congdan');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi`);

    // Find the procedure and choose Ba Đình.
    await page.goto(`${server.url}/thu-tuc?q=giay+phep+xay+dung+nha+o+rieng+le`);
    await page.locator('.result-list').getByRole('link', { name: /Cấp giấy phép xây dựng nhà ở riêng lẻ/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Cấp giấy phép xây dựng nhà ở riêng lẻ/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).count(), 0, 'no start button before a district is chosen');
    await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Quận Ba Đình' });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.waitForURL(/agency=000\.00\.19\.H26/);
    const start = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    await start.waitFor();
    await checkPage(page, '01-procedure');
    await start.click();

    // Start page → a draft.
    await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
    await checkPage(page, '02-start');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.waitForURL(/\/ho-so-cua-toi\/\d+\/buoc\/1$/);
    const dossierPath = new URL(page.url()).pathname.replace(/\/buoc\/1$/, '');
    made.id = Number(dossierPath.split('/').pop());

    // Section 1: the owner, prefilled from the profile.
    await page.getByRole('heading', { level: 1, name: /Thông tin chủ đầu tư/ }).waitFor();
    assert.equal(await page.getByLabel('Họ và tên chủ hộ').inputValue(), 'Nguyễn Văn An');
    assert.equal(await page.getByLabel('Số CMND/CCCD').inputValue(), '001090012345');
    const birth = page.getByRole('group', { name: /Ngày, tháng, năm sinh/ });
    assert.deepEqual(
      [await birth.getByLabel('Ngày').inputValue(), await birth.getByLabel('Tháng').inputValue(), await birth.getByLabel('Năm').inputValue()],
      ['12', '5', '1990'],
      'the date of birth comes from the profile, as day, month and year',
    );
    // The profile's one-line address is matched to the agency tree.
    const owner = page.locator('#f-owner-address');
    assert.equal(await owner.getByLabel('Quận/huyện/thị xã').inputValue(), '000.00.19.H26');
    assert.equal(await owner.getByLabel('Số nhà, ngõ, đường phố').inputValue(), 'Số 12 phố Đội Cấn');
    assert.equal(await owner.getByLabel('Xã/phường/thị trấn').locator('option:checked').textContent(), 'Phường Cống Vị');
    // Errors first: a short ID number, a wrong phone, no district (and so no ward).
    await owner.getByLabel('Quận/huyện/thị xã').selectOption({ label: '— Chọn —' });
    await page.getByLabel('Số CMND/CCCD').fill('0010900');
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // The summary takes focus (in the effect after it is drawn).
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const summaryText = (await summary.textContent()) ?? '';
    assert.match(summaryText, /Số CCCD gồm 12 chữ số/);
    assert.match(summaryText, /Số điện thoại không hợp lệ/);
    assert.match(summaryText, /Vui lòng chọn đủ tỉnh\/thành, quận\/huyện, xã\/phường/);
    const idInput = page.getByLabel('Số CMND/CCCD');
    const described = (await idInput.getAttribute('aria-describedby')) ?? '';
    assert.match(described, /f-owner-id_number-error/, 'the inline error is tied to the input');
    // The summary's link moves focus to the field.
    await summary.getByRole('link', { name: /Số CCCD/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-owner-id_number');
    await checkPage(page, '03-owner-errors');
    await idInput.fill('001090012345');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await owner.getByLabel('Quận/huyện/thị xã').selectOption({ label: 'Quận Ba Đình' });
    await owner.getByLabel('Xã/phường/thị trấn').selectOption({ label: 'Phường Cống Vị' });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Section 2: plot address and certificate; reload first — the draft is on the server.
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/2$`));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Thông tin hồ sơ/ }).waitFor();
    await page.getByRole('link', { name: 'Quay lại' }).click();
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/1$`));
    assert.equal(await page.getByLabel('Số CMND/CCCD').inputValue(), '001090012345', 'the fixed answer was saved');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/2$`));
    const plot = page.locator('#f-plot_address');
    await plot.getByLabel('Quận/huyện/thị xã').selectOption({ label: 'Quận Ba Đình' });
    await plot.getByLabel('Xã/phường/thị trấn').selectOption({ label: 'Phường Cống Vị' });
    await plot.getByLabel('Số nhà, ngõ, đường phố').fill('Số 8 ngõ 12 phố Đội Cấn');
    await page.getByLabel('Số Giấy chứng nhận quyền sử dụng đất').fill('BĐ 123456');
    await checkPage(page, '04-plot-address');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Section 3: the plot.
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/3$`));
    await page.getByLabel('Thửa đất số').fill('45');
    await page.getByLabel('Tờ bản đồ số').fill('12');
    await page.getByLabel('Diện tích lô đất (m²)').fill('80,5');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Section 4: the building; "Mục đích khác" shows a field that must then be filled.
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/4$`));
    await page.getByLabel('Diện tích xây dựng tầng 1 (tầng trệt) (m²)').fill('60');
    await page.getByLabel('Số tầng').fill('9');
    await page.getByLabel('Tổng diện tích sàn (m²)').fill('240');
    await page.getByLabel('Chiều cao công trình (m)').fill('15');
    assert.equal(await page.getByLabel('Mục đích sử dụng khác (ghi rõ)').count(), 0, 'hidden until "Mục đích khác"');
    await page.getByLabel('Mục đích khác').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Số tầng: Giá trị lớn nhất là 7/);
    assert.match((await summary.textContent()) ?? '', /Mục đích sử dụng khác \(ghi rõ\): Vui lòng nhập thông tin này/);
    await checkPage(page, '05-building-errors');
    await page.getByLabel('Số tầng').fill('4');
    await page.getByLabel('Mục đích sử dụng khác (ghi rõ)').fill('Nhà ở kết hợp văn phòng nhỏ');
    await page.locator('#f-basement-1').check();
    await page.getByRole('button', { name: 'Thêm: Đồng sở hữu' }).click();
    const coOwner = page.locator('#f-co_owners-0');
    await coOwner.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await coOwner.getByLabel('Số CMND/CCCD').fill('001190054321');
    await coOwner.getByLabel('Quan hệ với chủ hộ').fill('Vợ');
    await checkPage(page, '06-building');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Papers.
    await page.waitForURL(new RegExp(`${dossierPath}/giay-to$`));
    await page.getByRole('heading', { level: 1, name: /Thành phần hồ sơ/ }).waitFor();
    if (papersApi) {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await summary.waitFor();
      assert.match((await summary.textContent()) ?? '', /Vui lòng tải lên giấy tờ này/);
      const files = await makeFiles(page);
      // A text file named .pdf: the server looks at the content and refuses it, shown at the paper.
      await page.setInputFiles('#paper-1-file', { name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a PDF\n') });
      await page.locator('#paper-1 .error-message').filter({ hasText: /./ }).waitFor();
      assert.equal(await page.locator('#paper-1').getByRole('link', { name: 'gia-mao.pdf' }).count(), 0);
      await page.setInputFiles('#paper-1-file', { name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: files.pdf });
      await page.locator('#paper-1').getByRole('link', { name: 'don-de-nghi.pdf' }).waitFor();
      await page.setInputFiles('#paper-2-file', { name: 'so-do.jpg', mimeType: 'image/jpeg', buffer: files.jpeg });
      await page.locator('#paper-2').getByRole('link', { name: 'so-do.jpg' }).waitFor();
      await page.setInputFiles('#paper-3-file', { name: 'ban-ve.pdf', mimeType: 'application/pdf', buffer: files.pdf });
      await page.locator('#paper-3').getByRole('link', { name: 'ban-ve.pdf' }).waitFor();
      assert.equal(await page.locator('.error-summary li').count(), 0, 'the summary empties as the papers arrive');
      // Delete and upload again: the list follows.
      await page.locator('#paper-3').getByRole('button', { name: 'Xóa ban-ve.pdf' }).click();
      await page.locator('#paper-3').getByRole('link', { name: 'ban-ve.pdf' }).waitFor({ state: 'detached' });
      await page.setInputFiles('#paper-3-file', { name: 'ban-ve.pdf', mimeType: 'application/pdf', buffer: files.pdf });
      await page.locator('#paper-3').getByRole('link', { name: 'ban-ve.pdf' }).waitFor();
    } else {
      console.log('# submission.test.mjs: the papers API is not in this binary yet; uploads skipped');
    }
    await checkPage(page, '07-papers');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Check your answers, with "Thay đổi" links.
    await page.waitForURL(new RegExp(`${dossierPath}/kiem-tra$`));
    await page.getByRole('heading', { level: 1, name: /Kiểm tra lại thông tin/ }).waitFor();
    const main = page.locator('main');
    await main.getByText('Số 8 ngõ 12 phố Đội Cấn, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội').waitFor();
    assert.match((await main.textContent()) ?? '', /75\.000 ₫/);
    assert.ok((await page.getByRole('link', { name: /^Thay đổi/ }).count()) >= 5, 'every section has change links');
    await checkPage(page, '08-check');
    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Check your answers/ }).waitFor();
    await page.getByRole('button', { name: 'Submit application' }).waitFor();
    await checkPage(page, '08-check-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: /Kiểm tra lại thông tin/ }).waitFor();
    // "Thay đổi" goes to the page that asks, and "Tiếp tục" comes back here.
    await page.getByRole('link', { name: 'Thay đổi Số tầng' }).click();
    await page.waitForURL(new RegExp(`${dossierPath}/buoc/4\\?tu=kiem-tra$`));
    await page.getByLabel('Số tầng').fill('3');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(new RegExp(`${dossierPath}/kiem-tra$`));
    await main.locator('.summary-list__row', { hasText: 'Số tầng' }).getByText('3', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // Receipt.
    await page.waitForURL(new RegExp(`${dossierPath}/bien-nhan$`));
    const codeText = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    assert.match(codeText, CODE);
    made.code = codeText;
    const secret = ((await page.getByTestId('lookup-secret').textContent()) ?? '').trim();
    assert.ok(secret.length >= 6, `a secret is shown (${secret})`);
    const qr = page.locator('img.qr');
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    const lookupHref = `/tra-cuu?ma=${encodeURIComponent(codeText)}&bi-mat=${encodeURIComponent(secret)}`;
    await main.getByRole('link', { name: `${server.url}${lookupHref}` }).waitFor();
    assert.match((await main.textContent()) ?? '', /\d\d\/\d\d\/\d{4} \d\d:\d\d/, 'times as dd/mm/yyyy HH:mm');
    await checkPage(page, '09-receipt');

    // My dossiers: the new dossier with its status, and its page with the timeline.
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await page.getByRole('link', { name: codeText }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${codeText}` }).waitFor();
    await main.getByText('Đã nộp, chờ tiếp nhận').first().waitFor();
    await main.getByText(`Bạn đã nộp hồ sơ trực tuyến, mã hồ sơ ${codeText}`).waitFor();
    await checkPage(page, '10-dossier');

    // Signed out: the public lookup by code and secret.
    await page.getByRole('banner').getByRole('button', { name: /^Tài khoản: / }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap\?signed_out=1$/);
    await page.goto(`${server.url}/tra-cuu`);
    // By keyboard only: type the code, Tab to the secret, Enter.
    await page.getByLabel('Mã hồ sơ').focus();
    await page.keyboard.type(codeText);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'lookup-secret');
    await page.keyboard.type(secret);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${lookupHref}`);
    await page.getByRole('heading', { level: 2, name: `Hồ sơ ${codeText}` }).waitFor();
    const result = (await page.locator('.lookup-result').textContent()) ?? '';
    assert.match(result, /Đã nộp, chờ tiếp nhận/);
    assert.match(result, /Cấp giấy phép xây dựng nhà ở riêng lẻ/);
    assert.match(result, /Quận Ba Đình/);
    assert.doesNotMatch(result, /Nguyễn Văn An|001090012345/, 'never the applicant');
    await checkPage(page, '11-lookup');

    // A wrong secret and an unknown code: the same words.
    await page.goto(`${server.url}/tra-cuu?ma=${encodeURIComponent(codeText)}&bi-mat=WRONG1`);
    await summary.waitFor();
    const wrong = ((await summary.textContent()) ?? '').trim();
    const unknown = codeText.replace(/-0001$/, '-0999');
    await page.goto(`${server.url}/tra-cuu?ma=${encodeURIComponent(unknown)}&bi-mat=${encodeURIComponent(secret)}`);
    await summary.waitFor();
    assert.equal(((await summary.textContent()) ?? '').trim(), wrong);
    assert.match(wrong, /Không tìm thấy hồ sơ/);
    await checkPage(page, '12-lookup-not-found');

    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('an officer asks for more papers; congdan answers the request', async (t) => {
    if (skipReason) return t.skip(skipReason);
    if (!made.id) return t.skip('needs the dossier of the first test');
    const actions = await fetch(`${server.url}/api/v1/dossiers/${made.id}/actions`);
    if (actions.status === 404) return t.skip('this binary has no workflow actions yet');
    await (await new Api(server.url).login('badinh.motcua')).act(made.id, 'receive');
    await (await new Api(server.url).login('badinh.truongphong')).act(made.id, 'assign', { assignee: 'badinh.chuyenvien' });
    const request = 'Đề nghị bổ sung bản vẽ mặt đứng có chữ ký của đơn vị thiết kế.';
    await (await new Api(server.url).login('badinh.chuyenvien')).act(made.id, 'request_supplement', { comment: request });

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent(`/ho-so-cua-toi/${made.id}`)}`);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('congdan');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi/${made.id}`);
    await page.getByRole('heading', { level: 2, name: 'Cần bổ sung hồ sơ' }).waitFor();
    const main = page.locator('main');
    await main.getByText(request).first().waitFor();
    await main.getByText('Bộ phận một cửa đã tiếp nhận hồ sơ').waitFor();
    await main.getByText('Cơ quan yêu cầu bổ sung hồ sơ').waitFor();
    await main.getByText('Tạm dừng tính thời hạn trong khi chờ bổ sung hồ sơ').waitFor();
    if (papersApi) {
      const files = await makeFiles(page);
      await page.setInputFiles('#paper-3-file', { name: 'mat-dung.pdf', mimeType: 'application/pdf', buffer: files.pdf });
      await page.locator('#paper-3').getByRole('link', { name: 'mat-dung.pdf' }).waitFor();
    }
    await page.getByLabel(/Ghi chú cho cán bộ/).fill('Đã bổ sung bản vẽ mặt đứng.');
    await checkPage(page, '13-supplement-request');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await main.getByText('Bạn đã gửi giấy tờ bổ sung').waitFor();
    await main.getByText(/^Còn \d+(,\d)? ngày làm việc$/).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Cần bổ sung hồ sơ' }).count(), 0);
    await checkPage(page, '14-supplement-sent');
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });

  test('the server has the last word at submit; congdan withdraws a dossier nobody has received yet', async (t) => {
    if (skipReason) return t.skip(skipReason);
    if (!made.id) return t.skip('needs the dossier of the first test');
    // A second dossier with the first one's answers but 9 floors (the schema allows 7), saved
    // through the API as another device might: only the server's check at submit catches it.
    const api = await new Api(server.url).login('congdan');
    const first = await api.req('GET', `/api/v1/dossiers/${made.id}`);
    const draft = await api.req('POST', '/api/v1/dossiers', { procedure: 'H26.QH.XD.01', agency: '000.00.19.H26' });
    assert.equal(draft.status, 201);
    const saved = await api.req('PATCH', `/api/v1/dossiers/${draft.json.id}`, {
      version: draft.json.version,
      form_data: { ...first.json.form_data, floors: 9 },
    });
    assert.equal(saved.status, 200);
    if (papersApi) {
      for (const n of ['1', '2', '3']) {
        const form = new FormData();
        form.append('component', n);
        form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')], { type: 'application/pdf' }), `giay-to-${n}.pdf`);
        const up = await api.req('POST', `/api/v1/dossiers/${draft.json.id}/documents`, form);
        assert.equal(up.status, 201, `upload ${n}: ${JSON.stringify(up.json)}`);
      }
    }

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent('/ho-so-cua-toi')}`);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('congdan');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.locator('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/ho-so-cua-toi`);
    await page.locator('table').waitFor();
    await checkPage(page, '15-my-dossiers');

    const base = `/ho-so-cua-toi/${draft.json.id}`;
    await page.goto(`${server.url}${base}/kiem-tra`);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const link = summary.getByRole('link', { name: 'Số tầng: Giá trị lớn nhất là 7.' });
    assert.equal(await link.getAttribute('href'), `${base}/buoc/4#f-floors`);
    await checkPage(page, '16-server-errors');
    await link.click();
    await page.waitForURL(new RegExp(`${base}/buoc/4`));
    // The server's words at the field, until the page is sent again.
    await page.locator('#f-floors-error').filter({ hasText: 'Giá trị lớn nhất là 7.' }).waitFor();
    await page.getByLabel('Số tầng').fill('2');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(new RegExp(`${base}/giay-to$`));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(new RegExp(`${base}/kiem-tra$`));
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(new RegExp(`${base}/bien-nhan$`));
    const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    assert.match(code, /^000\.00\.19\.H26-\d{6}-0002$/);

    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.getByText('Bạn chắc chắn muốn rút hồ sơ này?').waitFor();
    await checkPage(page, '17-withdraw-confirm');
    await page.getByRole('button', { name: 'Có, rút hồ sơ' }).click();
    await page.locator('main').getByText('Bạn đã rút hồ sơ').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rút hồ sơ' }).count(), 0, 'no second withdrawal');
    await page.locator('main').getByText('Đã rút hồ sơ').first().waitFor();
    assert.deepEqual(seriousProblems(problems), []);
    await page.close();
  });
});
