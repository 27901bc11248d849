// Issue 4, a second engine: a link shared from Chromium (V8) replays in
// Firefox (SpiderMonkey; Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi, no browser download) to the same bits: the same loss at
// each stepped epoch, the same final loss and test error as Chromium and as
// the headless runner.
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, runner, setField, setMaxSpeed, startHarness, waitForStatus } from './harness.js';

const FIREFOX = '/usr/bin/firefox-esr';

// A config that exercises the target grammar's elementary functions, He
// initialisation's normal draws and tanh.
const EDITS = [['fn', 'exp(-x/3)*cos(2*x)'], ['xmax', '10'], ['ymin', ''], ['ymax', ''], ['activation', 'tanh'], ['init', 'he'], ['seed', '99']];
const VALUES = { fn: 'exp(-x/3)*cos(2*x)', xmax: '10', ymin: 'auto', ymax: 'auto', activation: 'tanh', init: 'he', seed: '99' };
const STEPPED_EPOCHS = 15;

let harness;
let firefox;
beforeAll(async () => {
  [harness, firefox] = await Promise.all([
    startHarness(),
    puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true }),
  ]);
});
afterAll(async () => {
  await firefox?.close();
  await harness?.close();
});

describe('Firefox', () => {
  test('a link shared from Chromium replays in Firefox bit for bit', async () => {
    expect(await firefox.version()).toMatch(/^firefox\//);
    const reference = await runner(VALUES);
    expect(reference.status).toBe('done');

    // Chromium: set the config through the controls, share it, train it to the end.
    const sender = await harness.open(DESKTOP);
    for (const [name, value] of EDITS) await setField(sender, name, value);
    await sender.click('#share-link');
    const link = new URL(await sender.inputValue('#share-text'));
    expect(Object.fromEntries(link.searchParams)).toEqual(VALUES);
    await setMaxSpeed(sender);
    const since = await sender.evaluate(() => performance.now());
    await sender.click('#reset');
    const chromium = await waitForStatus(sender, ['done'], { since });
    expect(sender.errors).toEqual([]);
    await sender.context().close();

    // Firefox: open the link paused, step it, then play it to the end.
    const page = await firefox.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.setViewport(DESKTOP);
    await page.goto(`${link.href}&autoplay=0`);
    await page.waitForFunction(() => document.body.dataset.status === 'ready', { timeout: 30000 });
    expect(await page.evaluate(() => location.search)).toBe(`${link.search}&autoplay=0`);
    expect(await page.$eval('#link-notices', (el) => el.hidden)).toBe(true);
    const stepped = [];
    for (let epoch = 1; epoch <= STEPPED_EPOCHS; epoch += 1) {
      await page.keyboard.press('s');
      await page.waitForFunction((e) => document.body.dataset.epoch === String(e), { timeout: 10000 }, epoch);
      stepped.push(await page.evaluate(() => document.body.dataset.loss));
    }
    expect(stepped).toEqual(reference.lossHistory.slice(0, STEPPED_EPOCHS).map(String));

    await page.$eval('#speed', (slider) => {
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.body.dataset.status === 'done', { timeout: 60000 });
    const done = await page.evaluate(() => ({ ...document.body.dataset }));
    console.log(`Firefox ${await firefox.version()}: final loss ${done.loss}, test MSE ${done.testMse}`);
    expect(done).toMatchObject({ epoch: chromium.epoch, loss: chromium.loss, testMse: chromium.testMse });
    expect(done.loss).toBe(String(reference.finalLoss));
    expect(done.testMse).toBe(String(reference.testMse));
    expect(errors.filter((text) => !/favicon/.test(text))).toEqual([]);
    await page.close();
  });
});
