// The headless runner, scripts/experiment.js (issue 2 §6), run as a command.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TUTORIAL_CONFIG, engine, firstMismatch, maxRelativeDifference, maxWeightDifference, runRunner,
} from './helpers.js';
import { evaluateTest, train } from './reference.js';

const dir = mkdtempSync(join(tmpdir(), 'nnfit-experiment-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runJson(args) {
  const result = await runRunner([...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('the tutorial run', () => {
  let text;
  let json;
  let reference;
  beforeAll(async () => {
    [text, json] = await Promise.all([runRunner([]), runJson([])]);
    reference = train({}, json.initialWeights);
  });

  it("prints the tutorial's stats line, its final loss the reference's to 7 digits", () => {
    expect(text.code, text.stderr).toBe(0);
    const [stats, mse] = text.stdout.trim().split('\n');
    expect(stats).toMatch(/^\[2, 5, 1\] Activation: sigmoid Iterations: 3000 Learning rate: 0\.45 Final loss: [0-9.e-]+ Time: [0-9.]+ s$/);
    const printed = Number(stats.match(/Final loss: (\S+)/)[1]);
    expect(Math.abs(printed - reference.lossHistory[2999]) / printed).toBeLessThan(1e-6);
    expect(mse).toBe(`Test MSE (shifted inputs): ${Number(json.testMse.toPrecision(7))}`);
  });

  it('--json: the resolved config and status', () => {
    expect(json.config).toEqual(TUTORIAL_CONFIG);
    expect(Object.keys(json.config).sort()).toEqual(engine.schema.map((f) => f.name).sort());
    expect(json.status).toBe('done');
    expect(typeof json.trainMs).toBe('number');
    expect(json.trainMs).toBeGreaterThan(0);
  });

  it('--json: loss history, final loss, test MSE and weights agree with the reference', () => {
    expect(json.lossHistory.length).toBe(3000);
    expect(json.finalLoss).toBe(json.lossHistory[2999]);
    expect(maxRelativeDifference(json.lossHistory, reference.lossHistory).max).toBeLessThanOrEqual(1e-12);
    expect(maxWeightDifference(json.weights, reference.weights).max).toBeLessThanOrEqual(1e-12);
    expect(maxRelativeDifference([json.testMse], [evaluateTest({}, json.weights).mse]).max).toBeLessThanOrEqual(1e-12);
  });

  it('--json: weights as row-major matrices, Wh inputs x hidden (bias row first), Wz hidden x output', () => {
    const trainer = engine.createTrainer({});
    expect(json.initialWeights).toEqual(trainer.initialWeights()); // seed 1
    trainer.dispose();
    for (const w of [json.initialWeights, json.weights]) {
      expect(w.map((m) => [m.length, m[0].length])).toEqual([[2, 5], [5, 1]]);
    }
    // uniform in ±sqrt(2 / fan_in): fan_in 2 for Wh, 5 for Wz
    expect(Math.max(...json.initialWeights[0].flat().map(Math.abs))).toBeLessThan(1);
    expect(Math.max(...json.initialWeights[1].flat().map(Math.abs))).toBeLessThan(Math.sqrt(2 / 5));
  });
});

describe('--json', () => {
  it('shapes follow the layers: no bias, hidden 3,4', async () => {
    const out = await runJson(['--bias', 'false', '--hidden', '3,4', '--epochs', '10']);
    expect(out.config).toMatchObject({ bias: false, hidden: '3,4', epochs: 10 });
    expect(out.weights.map((m) => [m.length, m[0].length])).toEqual([[1, 3], [3, 4], [4, 1]]);
    expect(out.lossHistory.length).toBe(10);
  });

  it('reports divergence: status, the finite history, the epoch', async () => {
    const args = ['--activation', 'leakyrelu', '--lr', '0.1', '--batch', '1'];
    const out = await runJson(args);
    expect(out.status).toBe('diverged');
    expect(out.lossHistory.length).toBe(95);
    expect(out.lossHistory.every(Number.isFinite)).toBe(true);
    expect(out.finalLoss).toBe(out.lossHistory[94]);
    const text = await runRunner(args);
    expect(text.stdout.split('\n')[0]).toMatch(/ Diverged at epoch: 96 Time: [0-9.]+ s$/);
  });
});

describe('--init-weights', () => {
  const args = ['--epochs', '300'];
  let original; // the default run (seed 1) of 300 epochs, which both tests start from
  beforeAll(async () => { original = await runJson(args); });

  it('reproduces a run from its initialWeights', async () => {
    const again = await runJson([...args, '--seed', '2', '--init-weights', file('initial.json', JSON.stringify(original.initialWeights))]);
    expect(again.initialWeights).toEqual(original.initialWeights);
    expect(firstMismatch(again.lossHistory, original.lossHistory)).toBe(-1);
    expect(again.weights).toEqual(original.weights);
  });

  it("given the runner's own output, starts from its (final) weights", async () => {
    const next = await runJson([...args, '--init-weights', file('output.json', JSON.stringify(original))]);
    expect(next.initialWeights).toEqual(original.weights);
    const expected = train({ epochs: 300 }, original.weights);
    expect(maxRelativeDifference(next.lossHistory, expected.lossHistory).max).toBeLessThanOrEqual(1e-12);
  });
});

describe('a bad argument exits with 2 and one line naming it and what is allowed', () => {
  const flagsAllowed = /allowed: --fn VALUE, .*--seed VALUE, --json, --init-weights FILE$/;
  it.each([
    ['an unknown flag', ['--colour', 'red'], /^unknown argument "--colour"; /, flagsAllowed],
    ['a bare word', ['sin'], /^unknown argument "sin"; /, flagsAllowed],
    ['a missing value', ['--lr'], /^--lr needs a value; /, flagsAllowed],
    ['an out-of-range value', ['--lr', '50'], /^lr: '50' is out of range; /, /allowed: a number from 0\.000001 to 10, or auto$/],
    ['a value not allowed', ['--activation', 'softmax'], /^activation: 'softmax' /, /allowed: one of sigmoid,tanh,relu,leakyrelu$/],
    ['a batch larger than the points', ['--batch', '40'], /^batch: 40 /, /allowed: a whole number from 1 to 32$/],
    ['weights of the wrong shape', ['--init-weights', file('shape.json', '[[[1, 2]], [[3]]]')], /^--init-weights: /, /2x5, 5x1$/],
    ['a missing weights file', ['--init-weights', join(dir, 'missing.json')], /^--init-weights: /, /missing\.json/],
  ])('%s', async (_name, args, start, allowed) => {
    const result = await runRunner(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.length, result.stderr).toBe(1);
    expect(lines[0]).toMatch(start);
    expect(lines[0]).toMatch(allowed);
  });

  it.each([
    ['a file that is not JSON', file('not-json.json', 'not json\n')],
    ['a JSON object without weights', file('no-weights.json', '{}')],
  ])('%s', async (_name, path) => {
    const result = await runRunner(['--init-weights', path]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length, result.stderr).toBe(1);
    expect(lines[0]).toMatch(/^--init-weights: .*2x5, 5x1/);
  });
});
