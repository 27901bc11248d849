// Issue 4, points 1-3, in headless Chromium against the built dist/: the link
// is the experiment (a receiver replays the sender's run bit for bit, and both
// match the headless runner), the Share button (clipboard, fallback field,
// trained weights, the size cap), and the preset gallery's links.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadNodeEngine } from '../../scripts/node-engine.js';
import { MAX_LINK_LENGTH, writeLink } from '../../web/src/link.js';
import { PRESETS } from '../../web/src/presets.js';
import {
  DESKTOP, controlValues, now, recordLosses, runner, screenshotDir, setField, setMaxSpeed, shownControls, startHarness,
  trackedPages, waitForEpoch, waitForStatus, weightCount,
} from './harness.js';

let harness;
let engine;
const pages = trackedPages(() => harness);

beforeAll(async () => {
  [harness, engine] = await Promise.all([startHarness(), loadNodeEngine()]);
});
afterAll(() => harness?.close());

const open = (query = '', options = {}) => pages.open(DESKTOP, query, options);

const body = (page) => page.evaluate(() => ({ ...document.body.dataset }));
const search = (page) => page.evaluate(() => location.search);
const params = (query) => Object.fromEntries(new URLSearchParams(query));

const shown = (values) => shownControls(engine.schema, values);
const weightsOf = (values) => weightCount(engine, values);

// Steps a paused page `count` epochs with the S key, returning data-loss after each.
async function stepLosses(page, count) {
  const losses = [];
  for (let i = 1; i <= count; i += 1) {
    await page.keyboard.press('s');
    await page.waitForFunction((epoch) => document.body.dataset.epoch === String(epoch), i);
    losses.push(await page.getAttribute('body', 'data-loss'));
  }
  return losses;
}

// Plays a page at full speed (Space) to the end of its run; returns <body>'s data-* then.
async function playToEnd(page) {
  await setMaxSpeed(page);
  const since = await now(page);
  await page.keyboard.press('Space');
  return waitForStatus(page, ['done', 'diverged'], { since });
}

// Each config as a person sets it through the controls ('' empties a field: auto),
// and the config values the link must then hold.
const CONFIGS = [
  {
    name: 'a custom expression on 0 … 10 with an automatic y range',
    edits: [['fn', 'exp(-x/3)*cos(2*x)'], ['xmax', '10'], ['ymin', ''], ['ymax', '']],
    values: { fn: 'exp(-x/3)*cos(2*x)', xmax: '10', ymin: 'auto', ymax: 'auto' },
  },
  {
    name: 'tanh with a non-default seed',
    edits: [['activation', 'tanh'], ['seed', '4242']],
    values: { activation: 'tanh', seed: '4242' },
  },
  {
    name: 'no bias unit, batches of one, 1500 epochs',
    edits: [['bias', 'false'], ['batch', '1'], ['epochs', '1500']],
    values: { bias: 'false', batch: '1', epochs: '1500' },
  },
  {
    name: 'leaky ReLU, 12 units, a rate of its own (set last: it applies live, so the run is reset)',
    edits: [['activation', 'leakyrelu'], ['hidden', '12'], ['lr', '0.002']],
    values: { activation: 'leakyrelu', hidden: '12', lr: '0.002' },
  },
  {
    name: 'three hidden layers, He initialisation, 50 points in batches of 10',
    edits: [['hidden', '8,6,4'], ['init', 'he'], ['points', '50'], ['batch', '10']],
    values: { hidden: '8,6,4', init: 'he', points: '50', batch: '10' },
  },
  {
    name: 'x^3 - 2*x on -2 … 2, Xavier, drawn a quarter domain beyond, 2000 epochs',
    edits: [['xmin', '-2'], ['xmax', '2'], ['ymin', ''], ['ymax', ''], ['fn', 'x^3 - 2*x'], ['init', 'xavier'], ['beyond', '0.25'], ['epochs', '2000']],
    values: { fn: 'x^3 - 2*x', xmin: '-2', xmax: '2', ymin: 'auto', ymax: 'auto', init: 'xavier', beyond: '0.25', epochs: '2000' },
  },
];
const STEPPED_EPOCHS = 15;

describe('the link is the experiment', () => {
  const references = new Map();
  beforeAll(async () => {
    const results = await Promise.all(CONFIGS.map((config) => runner(config.values)));
    CONFIGS.forEach((config, i) => references.set(config.name, results[i]));
  });
  afterEach(pages.closeAll);

  test.each(CONFIGS.map((config) => [config.name, config]))('%s: the receiver replays the sender\'s run bit for bit', async (_, config) => {
    const reference = references.get(config.name);
    expect(reference.status).toBe('done');

    // The sender sets the config through the controls; the address bar follows, without new history entries.
    const sender = await open();
    await setMaxSpeed(sender);
    const historyLength = await sender.evaluate(() => history.length);
    for (const [name, value] of config.edits) {
      if (name === 'fn') { // typed key by key, as a person does
        const input = sender.locator('[name="fn"]');
        await input.fill('');
        await input.pressSequentially(value);
        await input.press('Enter');
      } else await setField(sender, name, value);
    }
    const link = await search(sender);
    expect(params(link)).toEqual(config.values);
    expect(link).toBe(writeLink(config.values, engine)); // schema order: equal configs, equal links
    expect(await sender.evaluate(() => history.length)).toBe(historyLength);
    expect(await sender.locator('.field-error:visible').count()).toBe(0);

    // A fresh run of that config on the sender (a live learning-rate edit changes the run that is going).
    const since = await now(sender);
    await sender.click('#reset');
    const sent = await waitForStatus(sender, ['done'], { since });
    expect(sent.epoch).toBe(String(reference.epochs));
    expect(sent.loss).toBe(String(reference.finalLoss));
    expect(sent.testMse).toBe(String(reference.testMse));

    // The receiver opens the link (autoplay=0 added, to step it from epoch 0).
    const receiver = await open(`${link}&autoplay=0`, { init: (page) => page.addInitScript(recordLosses) });
    expect(await body(receiver)).toMatchObject({ status: 'ready', epoch: '0' });
    expect(await controlValues(receiver)).toEqual(shown(config.values));
    expect(await controlValues(receiver)).toEqual(await controlValues(sender));
    expect(await receiver.isVisible('#link-notices')).toBe(false);
    expect(await stepLosses(receiver, STEPPED_EPOCHS)).toEqual(reference.lossHistory.slice(0, STEPPED_EPOCHS).map(String));

    const received = await playToEnd(receiver);
    expect(received).toMatchObject({ status: 'done', epoch: sent.epoch, loss: sent.loss, testMse: sent.testMse });
    // Every epoch the receiver drew while playing shows the runner's loss for that epoch.
    const trace = (await receiver.evaluate(() => window.lossTrace)).filter((t) => t.loss !== undefined);
    expect(trace.length).toBeGreaterThan(STEPPED_EPOCHS); // at least one drawn frame while playing (few, on a loaded machine)
    const mismatches = trace.filter((t) => t.loss !== String(reference.lossHistory[Number(t.epoch) - 1]));
    expect(mismatches).toEqual([]);
  });
});

describe('share', () => {
  afterEach(pages.closeAll);

  test('Share link copies the link and shows it selected in the field', async () => {
    const page = await open('?activation=tanh&seed=7', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-message')).toBe('Link copied.');
    const expected = `${harness.url}?activation=tanh&seed=7`;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(await page.textContent('#share-label')).toBe('Link');
    expect(await page.inputValue('#share-text')).toBe(expected);
    expect(await page.evaluate(() => {
      const field = document.activeElement;
      return field.id === 'share-text' && field.selectionStart === 0 && field.selectionEnd === field.value.length;
    })).toBe(true);
    await page.locator('.share').screenshot({ path: join(screenshotDir, 'share-link.png') });
  });

  // The fallback: the link stays in the field, selected, and the message says to copy it from there.
  const FALLBACK = 'Copy it from the field (Ctrl+C or ⌘C): this page may not use the clipboard.';
  async function expectFallback(page, query) {
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-message')).toBe(FALLBACK);
    expect(await page.inputValue('#share-text')).toBe(`${harness.url}${query}`);
    expect(await page.evaluate(() => {
      const field = document.activeElement;
      return field.id === 'share-text' && field.selectionStart === 0 && field.selectionEnd === field.value.length;
    })).toBe(true);
    expect(await page.isVisible('#share-text')).toBe(true);
  }

  test('without clipboard permission the link is in the field, selected, and the message says to copy it', async () => {
    const page = await open('?hidden=4'); // a context not granted clipboard-write: Chromium refuses writeText
    await expectFallback(page, '?hidden=4');
  });

  test('the same where the Clipboard API does not exist (plain http on another host is not a secure context)', async () => {
    const page = await open('?hidden=3', {
      init: (p) => p.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })),
    });
    await expectFallback(page, '?hidden=3');
  });

  test('with trained weights: the receiver starts at the sender\'s epoch and test error, and both end alike', async () => {
    const reference = await runner();
    const sender = await open();
    await waitForEpoch(sender, 600);
    await sender.keyboard.press('Space');
    await waitForStatus(sender, ['paused']);
    await sender.waitForTimeout(200); // work already asked for may still arrive
    const paused = await body(sender);
    const epoch = Number(paused.epoch);
    expect(epoch).toBeGreaterThan(600);
    expect(epoch).toBeLessThan(3000);
    // The sender's loss at this epoch is the runner's: its weights are those of the uninterrupted run.
    expect(paused.loss).toBe(String(reference.lossHistory[epoch - 1]));

    await sender.check('#share-weights');
    await sender.click('#share-link');
    await expect.poll(() => sender.inputValue('#share-text')).toMatch(/weights=/);
    const url = new URL(await sender.inputValue('#share-text'));
    expect(url.origin + url.pathname).toBe(harness.url);
    expect(url.href.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(url.searchParams.get('epoch')).toBe(String(epoch));
    expect(url.searchParams.get('weights')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(url.searchParams.get('weights').length).toBe(Math.ceil((weightsOf({}) * 8 * 4) / 3)); // 8 bytes a weight, base64url

    const receiver = await open(url.search, { init: (page) => page.addInitScript(recordLosses) });
    const trace = await receiver.evaluate(() => window.lossTrace);
    // The first thing the receiver shows is the sender's state: its epoch and its test error.
    expect(trace[0]).toMatchObject({ epoch: String(epoch), testMse: paused.testMse });
    expect(await receiver.isVisible('#link-notices')).toBe(false);
    // It keeps training from there (autoplay), to the same end as the sender and the runner.
    await setMaxSpeed(receiver);
    const received = await waitForStatus(receiver, ['done']);
    await setMaxSpeed(sender);
    await sender.click('#play'); // (the focus is in the link's field, where Space is just a space)
    const sent = await waitForStatus(sender, ['done']);
    expect(received).toMatchObject({ epoch: '3000', loss: sent.loss, testMse: sent.testMse });
    expect(sent.loss).toBe(String(reference.finalLoss));
    const played = (await receiver.evaluate(() => window.lossTrace)).filter((t) => t.loss !== undefined);
    expect(Number(played[0].epoch)).toBeGreaterThan(epoch);
    expect(played.filter((t) => t.loss !== String(reference.lossHistory[Number(t.epoch) - 1]))).toEqual([]);

    // Reset on the receiver goes back to the shared epoch, not to epoch 0.
    await receiver.evaluate(() => { window.lossTrace.length = 0; });
    await receiver.click('#reset');
    await receiver.waitForFunction(([e, mse]) => window.lossTrace.some((t) => t.epoch === e && t.testMse === mse), [String(epoch), paused.testMse]);
    expect((await receiver.evaluate(() => window.lossTrace)).filter((t) => Number(t.epoch) < epoch)).toEqual([]);
    expect(new URL(await receiver.evaluate(() => location.href)).searchParams.get('weights')).toBe(url.searchParams.get('weights'));
  });

  test('a run shared when it was done opens done; Reset there starts it from the seed at epoch 0', async () => {
    const sender = await open('?epochs=40', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForStatus(sender, ['done']);
    await sender.check('#share-weights');
    await sender.click('#share-link');
    await expect.poll(() => sender.textContent('#share-message')).toBe('Link copied.');
    const link = new URL(await sender.inputValue('#share-text'));
    expect(link.searchParams.get('epoch')).toBe('40');

    const receiver = await open(link.search);
    expect(await waitForStatus(receiver, ['done'])).toMatchObject({ epoch: '40' });
    const since = await now(receiver);
    await receiver.click('#reset');
    await waitForStatus(receiver, ['done'], { since });
    const reference = await runner({ epochs: '40' });
    expect(await receiver.evaluate(() => document.body.dataset.loss)).toBe(String(reference.finalLoss));
    expect(await receiver.evaluate(() => location.search)).toBe('?epochs=40');
    expect(await receiver.evaluate(() => window.activity.epochs.some((e) => Number(e.value) < 40))).toBe(true);
  });

  test('a learning rate changed mid-run: Share says the link replays the new rate from the start', async () => {
    const page = await open('?epochs=100000', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForEpoch(page, 20);
    await setField(page, 'lr', '0.2');
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-message')).toMatch(
      /^Link copied\. The learning rate was changed during this run, so the link replays it with the new rate from the start; /);
    await page.check('#share-weights');
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-message')).toBe('Link copied.');
  });

  test('a network too big for a link: a plain message and no link; without the weights it shares', async () => {
    const query = '?hidden=64%2C64%2C64%2C64%2C64%2C64';
    const page = await open(`${query}&autoplay=0`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.check('#share-weights');
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-label')).toBe('Too big to share');
    expect(await page.textContent('#share-message')).toMatch(new RegExp(
      `^With its ${weightsOf({ hidden: '64,64,64,64,64,64' })} trained weights this link would be \\d+ characters, more than the ${MAX_LINK_LENGTH} a link may have\\. ` +
      'Share it without the weights, or with a smaller network\\.$'));
    expect(await page.inputValue('#share-text')).toBe('');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');

    await page.uncheck('#share-weights');
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-message')).toBe('Link copied.');
    expect(await page.inputValue('#share-text')).toBe(`${harness.url}${query}`); // the sender's autoplay=0 is not shared
  });

  test('the cap the README states: hidden=20,20 (460 weights) fits a link with its weights, hidden=32,32 (1120) does not', async () => {
    expect([weightsOf({ hidden: '20,20' }), weightsOf({ hidden: '32,32' })]).toEqual([460, 1120]);
    const page = await open('?hidden=20%2C20&autoplay=0');
    await page.check('#share-weights');
    await page.click('#share-link');
    await expect.poll(() => page.inputValue('#share-text')).not.toBe(''); // the answer is asynchronous (weights from the worker)
    expect(await page.textContent('#share-label')).toBe('Link');
    const link = await page.inputValue('#share-text');
    expect(link.length).toBeGreaterThan(4900);
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(new URL(link).searchParams.get('epoch')).toBe('0');

    await setField(page, 'hidden', '32,32');
    await page.click('#share-link');
    await expect.poll(() => page.textContent('#share-label')).toBe('Too big to share');
    expect(await page.textContent('#share-message')).toMatch(/^With its 1120 trained weights this link would be \d+ characters/);
  });
});

describe('the preset gallery', () => {
  afterEach(pages.closeAll);

  test('every preset\'s link opens its config and starts a valid run; the tutorial\'s is the bare page', async () => {
    const page = await open();
    const links = await page.$$eval('#preset-list li', (items) => items.map((li) => ({
      id: li.id, href: li.querySelector('a.preset-link').href, name: li.querySelector('button').textContent,
    })));
    expect(links.map((l) => l.id)).toEqual(PRESETS.map((p) => `preset-${p.id}`));
    expect(links.map((l) => l.name)).toEqual(PRESETS.map((p) => p.name));
    expect(links[0].href).toBe(harness.url);

    // Clicking a preset puts the same link in the address bar.
    for (const [i, preset] of PRESETS.entries()) {
      await page.click(`#preset-${preset.id} button`);
      expect(await page.evaluate(() => location.href), preset.id).toBe(links[i].href);
    }

    for (const [i, preset] of PRESETS.entries()) {
      await page.goto(links[i].href);
      await page.waitForFunction(() => document.body.dataset.status !== 'loading');
      expect(await search(page), preset.id).toBe(writeLink(preset.values, engine));
      expect(await controlValues(page), preset.id).toEqual(shown(preset.values));
      expect(await page.isVisible('#link-notices'), preset.id).toBe(false);
      if (preset.id === 'diverges') await waitForStatus(page, ['diverged']);
      else {
        await waitForEpoch(page, 0);
        expect((await body(page)).status, preset.id).toBe('training');
      }
      expect(await page.locator('.field-error:visible').count(), preset.id).toBe(0);
    }
  });
});
