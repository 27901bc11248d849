// Issue 4, points 4 and 5: the embed view (embed=1, show=, autoplay=, the
// "Open in nnfit" link), the Embed button's snippet in a host page that sizes
// it with the README's own lines, no request off the page's origin, and the
// page and the embed under a strict Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { root } from '../../scripts/cmake.js';
import {
  DESKTOP, runner, screenshotDir, setField, setMaxSpeed, startHarness, trackedPages, waitForEpoch, waitForStatus,
} from './harness.js';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

// The host-page lines of the README's "Embed it in your blog": the html block that handles nnfit:height.
function readmeHostScript() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embed it in your blog'));
  const block = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('nnfit:height'));
  if (!block) throw new Error('README: no host-page script for nnfit:height under "Embed it in your blog"');
  return block;
}

// The attributes of the one element in an HTML snippet (double-quoted values, entities decoded).
function attributes(snippet) {
  const decode = (text) => text.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return Object.fromEntries([...snippet.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decode(value)]));
}

// Runs before the page's scripts: collects Content-Security-Policy violations in window.violations.
function recordViolations() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
}

let harness;
const pages = trackedPages(() => harness);
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const open = (query, options) => pages.open(DESKTOP, query, options);

// Records the URL of every request a context makes (pages, frames, workers).
function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

const visibleFields = (page) => page.$$eval('#controls .field', (rows) =>
  rows.filter((row) => row.checkVisibility()).map((row) => row.querySelector('[name]').name));

describe('the embed view', () => {
  afterEach(pages.closeAll);

  test('embed=1&show=lr,activation: charts, play/reset, stats, those two controls and "Open in nnfit"; no autoplay', async () => {
    const page = await open('?activation=tanh&seed=5&embed=1&show=lr,activation');
    expect(await page.evaluate(() => document.body.classList.contains('embed'))).toBe(true);
    for (const selector of ['#fit-chart', '#loss-chart', '#hidden-chart', '#play', '#reset', '#stats', '#test-mse', '#open-full']) {
      expect(await page.isVisible(selector), selector).toBe(true);
    }
    for (const selector of ['.masthead', '.explain', '.footer', '#step', '#new-seed', '.speed-control', '#share-link', '#preset-list', '.panel-note']) {
      expect(await page.isVisible(selector), selector).toBe(false);
    }
    expect(await visibleFields(page)).toEqual(['activation', 'lr']);
    expect(await page.textContent('#stats')).toMatch(/^\[2, 5, 1\] Activation: tanh Iterations: 3000 Learning rate: 0\.005 /);

    const openFull = page.locator('#open-full');
    expect(await openFull.textContent()).toBe('Open in nnfit ↗');
    expect(await openFull.getAttribute('target')).toBe('_blank');
    expect(await openFull.evaluate((a) => a.href)).toBe(`${harness.url}?activation=tanh&seed=5`);

    // No autoplay: still at epoch 0 a moment later.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => ({ ...document.body.dataset }))).toMatchObject({ status: 'ready', epoch: '0' });
    await page.screenshot({ path: join(screenshotDir, 'embed.png'), fullPage: true });

    // A shown control works; the address and "Open in nnfit" follow it, the embed keys stay in the address only.
    await setField(page, 'lr', '0.02');
    await expect.poll(() => openFull.evaluate((a) => a.href)).toBe(`${harness.url}?activation=tanh&lr=0.02&seed=5`);
    expect(await page.evaluate(() => location.search)).toBe('?activation=tanh&lr=0.02&seed=5&embed=1&show=lr%2Cactivation');

    // Play and Reset.
    await page.click('#play');
    await waitForStatus(page, ['training']);
    await waitForEpoch(page, 20);
    await page.click('#reset');
    await page.waitForFunction(() => window.activity.epochs.some((e, i) => i > 0 && e.value === '0'));
  });

  test('autoplay=1 plays; without show= there are no controls at all', async () => {
    const page = await open('?embed=1&autoplay=1');
    await waitForEpoch(page, 0);
    expect(await page.getAttribute('body', 'data-status')).toBe('training');
    expect(await page.isVisible('#panel')).toBe(false);
    expect(await visibleFields(page)).toEqual([]);
  });

  test('the Embed button gives an iframe snippet; in a host page with the README\'s lines the frame takes its content\'s height', async () => {
    const page = await open('?activation=tanh', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.click('.share-embed-options summary');
    await page.check('#embed-show-lr');
    await page.check('#embed-show-activation');
    await page.check('#share-autoplay');
    await page.click('#share-embed');
    await expect.poll(() => page.textContent('#share-message')).toBe('Embed code copied. Paste it into your page.');
    expect(await page.textContent('#share-label')).toBe('Embed code');
    const snippet = await page.inputValue('#share-text');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    expect(snippet).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    const attrs = attributes(snippet);
    expect(attrs).toMatchObject({ width: '720', height: '1240', loading: 'lazy' }); // two controls shown
    expect(attrs.title).toBe('nnfit: [2, 5, 1] Activation: tanh Iterations: 3000 Learning rate: 0.005');
    const src = new URL(attrs.src);
    expect(src.origin + src.pathname).toBe(harness.url);
    expect(Object.fromEntries(src.searchParams)).toEqual({ activation: 'tanh', embed: '1', show: 'activation,lr', autoplay: '1' });

    // The host: a blog post on another origin (about:blank here), the snippet, and the README's lines.
    const context = await harness.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const requests = recordRequests(context);
    const host = await context.newPage();
    const hostErrors = [];
    host.on('pageerror', (error) => hostErrors.push(error.message));
    host.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.location().url)) hostErrors.push(m.text()); });
    await host.setContent(`<!doctype html><html><body><h1>A post</h1><p>Before the embed.</p>\n${snippet}\n${readmeHostScript()}<p id="after">After.</p></body></html>`);
    const frameElement = host.locator('iframe');
    await expect.poll(() => frameElement.evaluate((f) => f.getBoundingClientRect().height), { timeout: 10000 }).not.toBe(1240);
    const frame = host.frames().find((f) => f.url().startsWith(harness.url));
    await waitForEpoch(frame, 0); // autoplay=1
    const fit = async () => ({
      frame: await frameElement.evaluate((f) => f.getBoundingClientRect().height),
      content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
      scroll: await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight),
    });
    let sized = await fit();
    expect(sized.frame).toBe(sized.content);
    expect(sized.content).toBeGreaterThan(1000); // two controls at 720 px
    expect(sized.scroll).toBe(0); // nothing left to scroll inside the frame

    // Narrower: the content reflows taller and the frame follows.
    const before = sized.frame;
    await frameElement.evaluate((f) => { f.width = '400'; });
    await expect.poll(async () => (await fit()).frame).toBeGreaterThan(before);
    sized = await fit();
    expect(sized.frame).toBe(sized.content);
    expect(sized.scroll).toBe(0);
    await host.screenshot({ path: join(screenshotDir, 'embed-host.png'), fullPage: true });

    // Another frame cannot resize this one: a message from the host window itself is not from the frame.
    await host.evaluate(() => window.postMessage({ type: 'nnfit:height', height: 50 }, '*'));
    await host.waitForTimeout(100);
    expect(await frameElement.evaluate((f) => f.getBoundingClientRect().height)).toBe(sized.frame);

    expect(requests.filter((url) => new URL(url).origin !== new URL(harness.url).origin)).toEqual([]);
    expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
    expect(hostErrors).toEqual([]);
    await context.close();
  });

  test('no request leaves the page\'s origin: the full page trained, shared and embedded', async () => {
    let requests;
    const page = await open('', { init: (p) => { requests = recordRequests(p.context()); } });
    await setMaxSpeed(page);
    await waitForStatus(page, ['done']);
    await page.click('#share-link');
    await page.click('#share-embed');
    await page.click('#preset-tanh button');
    await page.goto(`${harness.url}?embed=1&show=fn&autoplay=1`);
    await waitForEpoch(page, 0);
    const origin = new URL(harness.url).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    // The page, its script, style sheet and icon, the worker and the wasm module: all there is.
    // Vite names built files name-HASH.ext; the order must not depend on the hashes.
    const paths = [...new Set(requests.map((url) => new URL(url).pathname.replace(/-[\w-]{8}\./, '.')))].sort();
    expect(paths).toEqual(
      ['/', '/assets/favicon.svg', '/assets/index.css', '/assets/index.js', '/assets/nnfit.wasm', '/assets/worker.js']);
  });
});

describe('under a strict Content-Security-Policy', () => {
  let strict;
  let reference;
  const strictPages = trackedPages(() => strict);
  beforeAll(async () => {
    [strict, reference] = await Promise.all([startHarness({ headers: { 'Content-Security-Policy': CSP } }), runner()]);
  });
  afterAll(() => strict?.close());
  afterEach(strictPages.closeAll);

  async function openStrict(query) {
    let response;
    const page = await strictPages.open(DESKTOP, query, {
      init: async (p) => {
        await p.addInitScript(recordViolations);
        p.on('response', (r) => { if (r.request().resourceType() === 'document') response = r; });
      },
    });
    expect(await response.headerValue('content-security-policy')).toBe(CSP);
    return page;
  }

  test('the full page trains to done with the runner\'s result, with no violation and no console error', async () => {
    const page = await openStrict('');
    await setMaxSpeed(page);
    const done = await waitForStatus(page, ['done']);
    expect(done.loss).toBe(String(reference.finalLoss));
    expect(done.testMse).toBe(String(reference.testMse));
    await page.click('#share-link');
    await page.click('#share-embed');
    expect(await page.evaluate(() => window.violations)).toEqual([]);
  });

  test('the embed plays to done, with no violation and no console error', async () => {
    const page = await openStrict('?embed=1&show=lr,activation&autoplay=1');
    await setMaxSpeed(page); // the slider is hidden in an embed; the test sets it directly
    const done = await waitForStatus(page, ['done']);
    expect(done.loss).toBe(String(reference.finalLoss));
    expect(await page.evaluate(() => window.violations)).toEqual([]);
  });

  test('the policy is enforced: eval and an inline script are refused and reported (a check of the check)', async () => {
    const page = await openStrict('?autoplay=0');
    // (Code passed to page.evaluate is exempt from the page's eval rule, so the eval goes through a timer.)
    const result = await page.evaluate(async () => {
      setTimeout('window.evalRan = true', 0); // eslint-disable-line no-implied-eval
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => { setTimeout(resolve, 200); });
      return { evalRan: window.evalRan === true, inlineRan: window.inlineRan === true, violations: window.violations.map((v) => v.directive).sort() };
    });
    expect(result).toEqual({ evalRan: false, inlineRan: false, violations: ['script-src', 'script-src-elem'] });
    page.errors.length = 0; // the two refusals above are logged as console errors, on purpose
  });
});
