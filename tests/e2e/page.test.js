// The page in headless Chromium, against the built dist/ (see harness.js).
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  PHONE, now, runner, screenshotDir, setField, setMaxSpeed, startHarness, trackedPages, waitForEpoch, waitForStatus,
} from './harness.js';

let harness;
const pages = trackedPages(() => harness);

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const open = (viewport) => pages.open(viewport);

const text = (page, selector) => page.locator(selector).textContent();

// How many pixels of a canvas are close to a colour (#rrggbb).
function pixelsOfColour(page, canvasId, hex) {
  return page.$eval(`#${canvasId}`, (canvas, colour) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) count += 1;
    }
    return count;
  }, hex);
}

describe('the default experiment', () => {
  let page;
  let reference;
  let finished;

  beforeAll(async () => {
    reference = await runner(); // first: no second process competes with the page for the CPU while it is timed
    page = await open();
    finished = await waitForStatus(page, ['done', 'diverged', 'error']);
  });
  afterAll(pages.closeAll);

  test('trains to done, and its final loss equals the runner\'s digit for digit', async () => {
    expect(finished.status).toBe('done');
    expect(finished.epoch).toBe(String(reference.epochs));
    expect(finished.loss).toBe(String(reference.finalLoss));
    expect(finished.testMse).toBe(String(reference.testMse));
    const stats = await text(page, '#stats');
    expect(stats).toMatch(/^\[2, 5, 1\] Activation: sigmoid Iterations: 3000 Learning rate: 0\.45 Final loss: /);
    expect(stats).toContain(`Final loss: ${Number(reference.finalLoss.toPrecision(7))}`);
  });

  test('redraws at least 30 times a second, with no main-thread task over 50 ms while training', async () => {
    const activity = await page.evaluate(() => window.activity);
    const start = activity.statuses.find((s) => s.value === 'training').time;
    const end = activity.statuses.find((s) => s.value === 'done').time;
    const redraws = activity.epochs.filter((e) => e.time > start && e.time <= end).length;
    const perSecond = redraws / ((end - start) / 1000);
    const longTasks = activity.longTasks.filter((t) => t.start >= start && t.start < end);
    console.log(`default run: ${redraws} redraws in ${((end - start) / 1000).toFixed(2)} s = ${perSecond.toFixed(1)} per second; ` +
      `longest task while training ${Math.max(0, ...longTasks.map((t) => t.duration))} ms`);
    expect(perSecond).toBeGreaterThanOrEqual(30);
    expect(longTasks).toEqual([]);
  });

  test('each chart has drawn its series', async () => {
    expect(await pixelsOfColour(page, 'fit-chart', '#d55e00')).toBeGreaterThan(400); // training points
    expect(await pixelsOfColour(page, 'fit-chart', '#0072b2')).toBeGreaterThan(400); // predictions
    expect(await pixelsOfColour(page, 'hidden-chart', '#0072b2')).toBeGreaterThan(300); // unit 1
    expect(await pixelsOfColour(page, 'loss-chart', '#e69f00')).toBeGreaterThan(250); // test MSE
  });

  test('saves a desktop screenshot', async () => {
    await page.screenshot({ path: join(screenshotDir, 'desktop.png'), fullPage: true });
  });
});

describe('interaction', () => {
  afterEach(pages.closeAll);

  test('switching activation to tanh and resetting reproduces the runner\'s tanh result', async () => {
    const [page, reference] = await Promise.all([open(), runner({ activation: 'tanh' })]);
    await setMaxSpeed(page);
    await setField(page, 'activation', 'tanh');
    // The learning rate follows the activation while it is left on auto.
    expect(await page.getAttribute('[name="lr"]', 'placeholder')).toBe(`auto: ${reference.config.lr}`);
    await waitForStatus(page, ['done']);
    const since = await now(page);
    await page.click('#reset');
    const finished = await waitForStatus(page, ['done'], { since });
    expect(finished.loss).toBe(String(reference.finalLoss));
    expect(finished.epoch).toBe('3000');
    expect(await text(page, '#stats')).toContain('Activation: tanh');
  });

  test('an invalid value shows its message beside the control, and the last valid run keeps going', async () => {
    const [page, reference] = await Promise.all([open(), runner({ fn: 'cos(x)' })]);
    await waitForEpoch(page, 0);
    await setField(page, 'fn', 'sin(x');
    const error = page.locator('#field-fn-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/^fn: at position \d+: /);
    expect(await page.getAttribute('[name="fn"]', 'aria-invalid')).toBe('true');
    const epoch = Number(await page.getAttribute('body', 'data-epoch'));
    await waitForEpoch(page, epoch);
    expect(await page.getAttribute('body', 'data-status')).toBe('training');

    await setField(page, 'batch', '0');
    expect(await text(page, '#field-batch-error')).toMatch(/^batch: '0' is out of range; allowed: /);

    // Fixing both starts a new run with the corrected function.
    await setMaxSpeed(page);
    await setField(page, 'batch', '4');
    const since = await now(page);
    await setField(page, 'fn', 'cos(x)');
    expect(await error.isVisible()).toBe(false);
    const finished = await waitForStatus(page, ['done'], { since });
    expect(finished.loss).toBe(String(reference.finalLoss));
  });

  test('space pauses and resumes, S steps one epoch, R resets, and a space typed in a field is just a space', async () => {
    const page = await open();
    await waitForEpoch(page, 0);
    await page.keyboard.press('Space');
    await waitForStatus(page, ['paused']);
    await page.waitForTimeout(200); // work already asked for may still arrive
    const epoch = await page.getAttribute('body', 'data-epoch');
    await page.waitForTimeout(300);
    expect(await page.getAttribute('body', 'data-epoch')).toBe(epoch);
    await page.keyboard.press('s');
    await waitForEpoch(page, Number(epoch));
    expect(await page.getAttribute('body', 'data-epoch')).toBe(String(Number(epoch) + 1));
    // Reset while paused: the same run from epoch 0, waiting to be stepped or played.
    await page.keyboard.press('r');
    expect(await waitForStatus(page, ['ready'])).toMatchObject({ epoch: '0' });
    await page.keyboard.press('s');
    await waitForEpoch(page, 0);
    expect(await page.getAttribute('body', 'data-status')).toBe('paused');
    await page.keyboard.press('Space');
    await waitForStatus(page, ['training']);

    await page.focus('[name="fn"]');
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    expect(await page.getAttribute('body', 'data-status')).toBe('training');
    expect(await page.inputValue('[name="fn"]')).toBe('sin(x) ');
  });

  test('the learning rate applies to the running run without a reset', async () => {
    const page = await open();
    await waitForEpoch(page, 100);
    await setField(page, 'lr', '0.1');
    const epoch = Number(await page.getAttribute('body', 'data-epoch'));
    expect(epoch).toBeGreaterThan(100);
    await expect.poll(() => text(page, '#stats')).toContain('Learning rate: 0.1 ');
    await waitForEpoch(page, epoch);
  });

  test('a diverging run stops with a message and keeps its last finite values', async () => {
    const [page, reference] = await Promise.all([open(), runner({ activation: 'leakyrelu', lr: '0.1', batch: '1' })]);
    expect(reference.status).toBe('diverged');
    await setMaxSpeed(page);
    await page.click('text=A rate that diverges');
    const finished = await waitForStatus(page, ['diverged']);
    expect(await text(page, '#notice')).toContain(`diverged at epoch ${reference.divergedAtEpoch} — try a smaller learning rate`);
    expect(finished.epoch).toBe(String(reference.epochs));
    expect(finished.loss).toBe(String(reference.finalLoss));
    expect(finished.testMse).toBe(String(reference.testMse));
    expect(await pixelsOfColour(page, 'fit-chart', '#0072b2')).toBeGreaterThan(400);
    await page.screenshot({ path: join(screenshotDir, 'desktop-diverged.png') });
  });

  test('every preset starts a valid run', async () => {
    const page = await open();
    await setMaxSpeed(page);
    const buttons = page.locator('#preset-list button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(10);
    for (const button of await buttons.all()) {
      const since = await now(page);
      await button.click();
      await waitForStatus(page, ['training', 'done', 'diverged'], { since });
      expect(await page.locator('.field-error:visible').count()).toBe(0);
    }
  });

  test('several hidden layers get a layer selector', async () => {
    const page = await open();
    expect(await page.isVisible('#layer-field')).toBe(false);
    await setMaxSpeed(page);
    await setField(page, 'hidden', '8,3');
    await expect.poll(() => page.isVisible('#layer-field')).toBe(true);
    expect(await page.locator('#layer option').allTextContents()).toEqual(['layer 1 (8 units)', 'layer 2 (3 units)']);
    await waitForStatus(page, ['done']);
    const unit4 = () => pixelsOfColour(page, 'hidden-chart', '#cc79a7'); // only the 8-unit layer has a unit 4
    expect(await unit4()).toBeGreaterThan(100);
    await page.selectOption('#layer', '1');
    await expect.poll(unit4).toBe(0);
  });

  test('training the largest network at full speed keeps every main-thread task under 50 ms', async () => {
    const page = await open();
    await setMaxSpeed(page);
    for (const [name, value] of [['epochs', '8'], ['points', '1000'], ['batch', '1']]) await setField(page, name, value);
    const since = await now(page);
    await setField(page, 'hidden', '64,64,64,64,64,64');
    await waitForStatus(page, ['done'], { since, timeout: 60000 });
    const longTasks = await page.evaluate((after) => window.activity.longTasks.filter((t) => t.start >= after), since);
    expect(longTasks).toEqual([]);
  });

  test('at 360 px wide nothing scrolls sideways, even with a message showing', async () => {
    const page = await open(PHONE);
    await setMaxSpeed(page);
    await waitForStatus(page, ['done']);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'phone.png'), fullPage: true });
    await setField(page, 'fn', 'sin(x) + cos(2*x) * exp(-x/3) + (');
    await expect.poll(() => page.isVisible('#field-fn-error')).toBe(true);
    expect(await overflow()).toBe(0);
  });
});
