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
  ['two hidden layers 8,8', { hidden: '8,8' }],
  ['init he, seed 12345', { init: 'he', seed: 12345 }],
  ['init xavier, leaky ReLU, 3 layers', { init: 'xavier', activation: 'leakyrelu', hidden: '4,6,3' }],
  ['abs(x - 1) on [-2, 3], y range auto', { fn: 'abs(x - 1)', xmin: -2, xmax: 3, ymin: 'auto', ymax: 'auto' }],
  ['diverging: leaky ReLU, lr 0.1, batch 1', { activation: 'leakyrelu', lr: 0.1, batch: 1 }],
];

// KNOWN BUG (reported): wasm/core/expression.cpp evaluates f with the C library's
// sin, cos, exp, pow...: glibc natively, musl in wasm, which differ in the last
// bit at some x: sin(2.0258064516129033) (x_10 of the tutorial grid) is
// 0x1.cbe849497e603p-1 in glibc, 0x1.cbe849497e604p-1 in musl; x^2 at
// x = 2.5000000000000004 (a test point of [-2, 3]) is 6.250000000000003 in glibc
// (x * x, correctly rounded), 6.250000000000002 in musl. Scaling y - ymin into
// the activation's range often absorbs that bit, hence the runs above agree;
// these do not. Remove `.fails` once f is evaluated identically in both builds.
const knownDifferent = [
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
  it.fails.each(knownDifferent)('%s', (_name, options) => expectIdentical(options));
});
