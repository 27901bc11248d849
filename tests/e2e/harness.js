// Shared end-to-end setup: the built dist/ served on a free port, one headless
// Chromium, pages that record console errors and long tasks, and the
// headless runner for reference results.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import { startPreview } from '../../scripts/preview.js';
import { root } from '../../scripts/cmake.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };
export const screenshotDir = join(root, 'tests', 'e2e', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

// headers (optional): sent with every response of the preview server, e.g. a Content-Security-Policy.
export async function startHarness({ headers } = {}) {
  const { server, url } = await startPreview(0, { headers });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    // A fresh page in a fresh context at `query` (a link's ?..., '' for the bare
    // page), its controls in place; its console errors (the favicon's 404
    // aside) collect in page.errors. Options: permissions for the context (e.g.
    // clipboard), and init(page), awaited before the page loads (listeners,
    // init scripts).
    async open(viewport = DESKTOP, query = '', { permissions = [], init } = {}) {
      const context = await browser.newContext({ viewport, permissions });
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !/favicon/.test(message.location().url)) page.errors.push(message.text());
      });
      page.on('pageerror', (error) => page.errors.push(error.message));
      await page.addInitScript(recordActivity);
      if (init) await init(page);
      await page.goto(`${url}${query}`);
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

// Sets a config control the way a person does: type, then Enter (a change
// event); a menu is picked from, a checkbox ticked ('true') or cleared.
export async function setField(page, name, value) {
  const input = page.locator(`[name="${name}"]`);
  const kind = await input.evaluate((el) => (el.type === 'checkbox' ? 'checkbox' : el.tagName));
  if (kind === 'SELECT') await input.selectOption(value);
  else if (kind === 'checkbox') await input.setChecked(value === 'true');
  else {
    await input.fill(value);
    await input.press('Enter');
  }
}

// The headless runner's JSON for config `values` ({ name: text }).
export async function runner(values = {}) {
  const flags = Object.entries(values).flatMap(([name, value]) => [`--${name}`, value]);
  const { stdout } = await promisify(execFile)('node', [join(root, 'scripts', 'experiment.js'), '--json', ...flags], { cwd: root });
  return JSON.parse(stdout);
}

// An init script: records every (data-epoch, data-loss, data-test-mse) that
// <body> shows, in order, in window.lossTrace, to compare a run epoch by epoch.
export function recordLosses() {
  window.lossTrace = [];
  new MutationObserver(() => {
    const { epoch, loss, testMse } = document.body.dataset;
    const last = window.lossTrace[window.lossTrace.length - 1];
    if (epoch !== undefined && (!last || last.epoch !== epoch || last.loss !== loss || last.testMse !== testMse)) {
      window.lossTrace.push({ epoch, loss, testMse });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-epoch', 'data-loss', 'data-test-mse'] });
}

// The controls' text for config `values`: every field at its value or default; an auto field on auto is empty.
export function shownControls(schema, values) {
  return Object.fromEntries(schema.map(({ name, auto, default: fallback }) => {
    const value = values[name] ?? fallback;
    return [name, auto && value === 'auto' ? '' : value];
  }));
}

// How many weights the core's network for config `values` has.
export function weightCount(engine, values) {
  const trainer = engine.createTrainer(values);
  const count = trainer.flatWeights().length;
  trainer.dispose();
  return count;
}

// Every config control's text as the page shows it (a checkbox as 'true' / 'false').
export function controlValues(page) {
  return page.$$eval('#controls [name]', (inputs) =>
    Object.fromEntries(inputs.map((el) => [el.name, el.type === 'checkbox' ? String(el.checked) : el.value.trim()])));
}

// Pages a test file opens through harness.open, closed together by closeAll(),
// which fails the test when any of them logged a console error.
export function trackedPages(getHarness) {
  const pages = [];
  return {
    async open(viewport, query, options) {
      const page = await getHarness().open(viewport, query, options);
      pages.push(page);
      return page;
    },
    async closeAll() {
      for (const page of pages.splice(0)) {
        const { errors } = page;
        await page.context().close();
        expect(errors).toEqual([]);
      }
    },
  };
}
