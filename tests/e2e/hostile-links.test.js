// Issue 4, point 6: the 69 hostile or malformed links of
// tests/fixtures/hostile-links.js, opened one after another in one page of
// headless Chromium. For each: the page comes up and runs, no dialog opens,
// no injected script runs and no injected element exists, the rest of the
// link applies, the address bar keeps only what was used, and a visible notice
// names every setting that was dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root } from '../../scripts/cmake.js';
import { loadNodeEngine } from '../../scripts/node-engine.js';
import { readLink, writeLink } from '../../web/src/link.js';
import { decodeWeights } from '../../web/src/weights-code.js';
import { HOSTILE_LINKS } from '../fixtures/hostile-links.js';
import { DESKTOP, screenshotDir, shownControls, startHarness, weightCount } from './harness.js';

let harness;
let engine;
let page;
const dialogs = [];

// Node's HTTP server (Vite's preview) refuses a request line over 16 KiB with
// 431, as most servers refuse very long URLs; the page then never runs. To
// show what the page itself does with such a link, those navigations get the
// built index.html from the test, as a server without that limit would send.
const SERVER_URL_LIMIT = 16 * 1024;
const indexHtml = readFileSync(join(root, 'dist', 'index.html'), 'utf8');

beforeAll(async () => {
  [harness, engine] = await Promise.all([startHarness(), loadNodeEngine()]);
  page = await harness.open(DESKTOP);
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
});

// Navigates the page to a link (see SERVER_URL_LIMIT for the longest ones).
async function visit(link) {
  const url = `${harness.url}${link}`;
  if (url.length <= SERVER_URL_LIMIT) {
    await page.goto(url);
    return;
  }
  const only = (requested) => requested.href.length > SERVER_URL_LIMIT;
  const serve = (route) => route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml });
  await page.route(only, serve);
  await page.goto(url);
  await page.unroute(only, serve);
}
afterAll(async () => {
  await page?.context().close();
  await harness?.close();
});

// What the page must say about a link, in order: the link reader's notices,
// then one about trained weights the page or its worker could not use.
function expectedNotices(link) {
  const { values, weights, notices } = readLink(link, engine);
  const expected = [...notices];
  if (weights) {
    const flat = decodeWeights(weights.text);
    const count = weightCount(engine, values);
    if (!flat) expected.push('Ignored the trained weights in the link: they are not whole base64url-encoded numbers.');
    else if (flat.length !== count) expected.push(`Ignored the trained weights in the link: it has ${flat.length}, this network has ${count}.`);
    else throw new Error(`the corpus has usable weights: ${link.slice(0, 80)}`);
  }
  return expected;
}


const OVERSIZED = 'This link is longer than 8000 characters; its settings were not applied.';

describe('hostile links', () => {
  test(`all ${HOSTILE_LINKS.length} are contained, and each gets a notice naming what was dropped`, async () => {
    expect(HOSTILE_LINKS.length).toBeGreaterThanOrEqual(50);
    const quiet = [];
    for (const link of HOSTILE_LINKS) {
      const label = link.slice(0, 70);
      const expected = expectedNotices(link);
      if (expected.length === 0) quiet.push(link);
      await visit(link);
      await page.waitForFunction(() => document.body.dataset.status !== 'loading');
      await expect.poll(() => page.locator('#link-notice-list li').count(), { message: label }).toBe(expected.length);

      const state = await page.evaluate(() => ({
        status: document.body.dataset.status,
        pwned: window.__pwned,
        injected: document.querySelectorAll('img, iframe, object, embed, script:not([src]), [onerror], [onload], [onfocus], [autofocus]').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        title: document.title,
        notices: [...document.querySelectorAll('#link-notice-list li')].map((li) => li.textContent),
        noticeMarkup: [...document.querySelectorAll('#link-notice-list li')].every((li) => li.childElementCount === 0),
        search: location.search,
        noticesVisible: document.getElementById('link-notices').checkVisibility(),
        controls: Object.fromEntries([...document.querySelectorAll('#controls [name]')]
          .map((el) => [el.name, el.type === 'checkbox' ? String(el.checked) : el.value.trim()])),
      }));
      expect(state.status, label).toMatch(/^(ready|training|paused|done|diverged)$/);
      expect(state.pwned, label).toBeUndefined();
      expect(state.injected, label).toBe(0);
      expect(state.scripts, label).toEqual([expect.stringMatching(/^\.\/assets\/index-[\w-]+\.js$/)]);
      expect(state.title, label).toBe('nnfit — watch a neural network learn a function');
      expect(state.noticesVisible, label).toBe(true);
      expect(state.notices, label).toEqual(expected);
      expect(state.noticeMarkup, label).toBe(true); // plain text, never elements

      // Each notice names a key of the link (the trained weights by that name), or says the link is too long.
      const keys = [...new URLSearchParams(link).keys()];
      for (const notice of state.notices) {
        if (link.length > 8000) expect(notice, label).toBe(OVERSIZED);
        else expect(keys.some((key) => notice.includes(key)), `${label}: ${notice}`).toBe(true);
      }

      // What was valid applies; the address bar keeps only that (and no field at its default).
      const { values, view } = readLink(link, engine);
      expect(state.controls, label).toEqual(shownControls(engine.schema, values));
      const changed = Object.fromEntries(Object.entries(values).filter(([name, value]) =>
        value !== engine.schema.find((field) => field.name === name).default));
      expect(state.search, label).toBe(writeLink(changed, engine, view));
    }
    expect(quiet).toEqual([]); // every link in the corpus has something to drop
    expect(dialogs).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test('several bad settings at once: one notice each, the good ones applied (screenshot)', async () => {
    const link = `?fn=${encodeURIComponent('<script>window.__pwned=1</script>')}&activation=tanh&epochs=0&hidden=5,&seed=1&seed=2&__proto__=1&weights=AAAA`;
    await page.goto(`${harness.url}${link}`);
    await page.waitForFunction(() => document.body.dataset.status !== 'loading');
    const notices = await page.locator('#link-notice-list li').allTextContents();
    expect(notices).toEqual([
      'Ignored a second value for seed; the first one applies.',
      'Ignored "__proto__": not a setting of nnfit.',
      "Ignored fn: at position 1: expected a number, x, a function or '(' but found '<'",
      "Ignored hidden: '5,' is not a list of whole numbers; allowed: 1 to 6 whole numbers from 1 to 64, comma separated",
      "Ignored epochs: '0' is out of range; allowed: a whole number from 1 to 100000",
      'Ignored the trained weights in the link: they are not whole base64url-encoded numbers.',
    ]);
    expect(await page.evaluate(() => location.search)).toBe('?activation=tanh'); // seed=1 is the default
    expect(await page.inputValue('[name="activation"]')).toBe('tanh');
    await page.screenshot({ path: join(screenshotDir, 'link-notices.png') });
    await page.click('#dismiss-notices');
    expect(await page.isVisible('#link-notices')).toBe(false);
    expect(dialogs).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
