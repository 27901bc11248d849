// The native build and the wasm build of the core give bit-identical runs for
// the same config (issue 2 §4): loss history, final weights, test predictions.
// `npm test` builds build/native/nnfit_native (scripts/test-native.js) before Vitest runs.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstMismatch, nativePath, run, toFlags, trainWasm } from './helpers.js';

const identical = [
  ['the tutorial default', {}],
  ['tanh', { activation: 'tanh' }],
  ['relu', { activation: 'relu' }],
  ['no bias', { bias: false }],
  ['batch 1', { batch: 1 }],
  // Odd row counts: the kernels take rows in pairs, then the odd one alone;
  // 3 and 5 are not among the compile-time row counts, 31 leaves a last batch of 1.
  ['batch 3, three hidden units', { batch: 3, hidden: '3' }],
  ['batch 5, tanh, no bias', { batch: 5, activation: 'tanh', bias: false }],
  ['batch 31, 7 hidden units', { batch: 31, hidden: '7', epochs: 500 }],
  ['two hidden layers 8,8', { hidden: '8,8' }],
  ['init he, seed 12345', { init: 'he', seed: 12345 }],
  ['init he, three layers of 8, seed 3', { init: 'he', hidden: '8,8,8', seed: 3, epochs: 300 }],
  ['init xavier, leaky ReLU, 3 layers', { init: 'xavier', activation: 'leakyrelu', hidden: '4,6,3' }],
  ['abs(x - 1) on [-2, 3], y range auto', { fn: 'abs(x - 1)', xmin: -2, xmax: 3, ymin: 'auto', ymax: 'auto' }],
  ['diverging: leaky ReLU, lr 0.1, batch 1', { activation: 'leakyrelu', lr: 0.1, batch: 1 }],
  // f evaluated with libm's sin, cos, exp, pow differed in the last bit between glibc and musl, and
  // these runs with it; wasm/core/elementary.cpp now computes them the same way in both builds.
  ['exp(-x/3)*cos(2*x), y range auto (loss from epoch 2)', { fn: 'exp(-x/3)*cos(2*x)', ymin: 'auto', ymax: 'auto' }],
  ['x^2 - 1 on [-2, 3], y range auto (test MSE)', { fn: 'x^2 - 1', xmin: -2, xmax: 3, ymin: 'auto', ymax: 'auto' }],
  ['leaky ReLU, init xavier, sin(x) on [-3, 4], 50 points (test MSE)', { activation: 'leakyrelu', init: 'xavier', xmin: -3, xmax: 4, points: 50 }],
];

async function expectIdentical(options) {
  expect(existsSync(nativePath), `${nativePath} is missing: build it with \`node scripts/test-native.js\` (npm test does)`).toBe(true);
  const result = await run(nativePath, toFlags(options));
  expect(result.code, result.stderr).toBe(0);
  const native = JSON.parse(result.stdout);

  const trainer = trainWasm(options);
  const test = trainer.evaluateTest();
  const wasm = {
    status: trainer.status,
    lossHistory: Array.from(trainer.lossHistory()),
    weights: trainer.weights().flat(2),
    testPredictions: Array.from(test.predictions),
    testMse: test.mse,
  };
  trainer.dispose();

  expect(native.status).toBe(wasm.status);
  expect(native.lossHistory.length).toBe(wasm.lossHistory.length);
  for (const key of ['lossHistory', 'weights', 'testPredictions']) {
    const i = firstMismatch(native[key], wasm[key]);
    expect(i, `${key}[${i}]: native ${native[key][i]} vs wasm ${wasm[key][i]}`).toBe(-1);
  }
  expect(native.testMse).toBe(wasm.testMse);
}

describe('native and wasm runs are bit-identical', () => {
  it.each(identical)('%s', (_name, options) => expectIdentical(options));
});
