// Shared end-to-end setup: the built dist/ served on a free port, one headless
// Chromium, pages that record console errors and long tasks, and the
// headless runner for reference results.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startPreview } from '../../scripts/preview.js';
import { root } from '../../scripts/cmake.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };
export const screenshotDir = join(root, 'tests', 'e2e', 'screenshots');

export async function startHarness() {
  const { server, url } = await startPreview(0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    url,
    // A fresh page, its controls in place; its console errors (the favicon's
    // 404 aside) collect in page.errors.
    async open(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !/favicon/.test(message.location().url)) page.errors.push(message.text());
      });
      page.on('pageerror', (error) => page.errors.push(error.message));
      await page.addInitScript(recordActivity);
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.status !== 'loading');
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}

// Runs in the page before its own scripts: records long tasks and every change
// of data-epoch / data-status on <body>, with times, in window.activity.
function recordActivity() {
  const activity = { longTasks: [], epochs: [], statuses: [] };
  window.activity = activity;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) activity.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const record of records) {
      const value = record.target.getAttribute(record.attributeName);
      const list = record.attributeName === 'data-epoch' ? activity.epochs : activity.statuses;
      list.push({ time: performance.now(), value });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-epoch', 'data-status'] });
}

// The page's clock, for `since` below.
export function now(page) {
  return page.evaluate(() => performance.now());
}

// Waits until <body data-status> is one of `statuses`, having become so at or
// after `since`; returns the body's data-* then.
export async function waitForStatus(page, statuses, { since = 0, timeout = 30000 } = {}) {
  await page.waitForFunction(([list, after]) => list.includes(document.body.dataset.status) &&
    window.activity.statuses.some((s) => s.time >= after && list.includes(s.value)), [statuses, since], { timeout });
  return page.evaluate(() => ({ ...document.body.dataset }));
}

// Waits until data-epoch is above `epoch`.
export function waitForEpoch(page, epoch) {
  return page.waitForFunction((n) => Number(document.body.dataset.epoch) > n, epoch);
}

// The speed slider's last step: as fast as the machine allows.
export async function setMaxSpeed(page) {
  await page.$eval('#speed', (slider) => {
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

// Sets a config control the way a person does: type, then Enter (a change event).
export async function setField(page, name, value) {
  const input = page.locator(`[name="${name}"]`);
  if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
  else {
    await input.fill(value);
    await input.press('Enter');
  }
}

// The headless runner's JSON for the same config.
export async function runner(args = []) {
  const { stdout } = await promisify(execFile)('node', [join(root, 'scripts', 'experiment.js'), '--json', ...args], { cwd: root });
  return JSON.parse(stdout);
}
