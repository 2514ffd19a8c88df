// Debian's chromium driven by playwright-core (no browser download), an axe accessibility check,
// screenshots, and a watch for errors and CSP violations in the page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SCREENSHOT_DIR } from './server.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_PATH = process.env.MOTCUA_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * A fresh browser profile; close() removes it.
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...options,
  });
  context.setDefaultTimeout(15000);
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Collects uncaught page errors, console errors and CSP violations, which a test asserts are none.
 * @param {import('playwright-core').Page} page
 */
export function watchPageProblems(page) {
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/**
 * Runs axe with the WCAG 2.1 A/AA rules on the current page; returns the violations.
 * The source is evaluated through the DevTools protocol, which the page's CSP does not block.
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  /** @type {Array<{id: string, impact: string | null, help: string, helpUrl: string, nodes: Array<{target: unknown[], failureSummary?: string}>}>} */
  const violations = await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then(r => r.violations)`,
  );
  return violations;
}

/** @param {Awaited<ReturnType<typeof axeViolations>>} violations */
export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

/**
 * Saves a full-page PNG as <MOTCUA_SCREENSHOT_DIR>/<name>.png and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Whether the page scrolls sideways (content wider than the viewport).
 * @param {import('playwright-core').Page} page
 */
export async function hasHorizontalScroll(page) {
  return page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}
