// The wasm core against the independent reference (issue 2 §7): from the same
// initial weights, the same loss every epoch and the same final weights, to
// 1e-12 relative. The core's exp and tanh are its own (within 2 ulp), the
// reference uses Math.exp and Math.tanh, hence a tolerance and not equality.
// Losses are compared each to each; weights relative to the largest weight of
// their matrix (see maxWeightDifference).
import { describe, expect, it } from 'vitest';
import { maxRelativeDifference, maxWeightDifference, trainWasm } from './helpers.js';
import { coreExp } from './core-exp.js';
import { train } from './reference.js';

const TOLERANCE = 1e-12;

const cases = [{ name: 'the tutorial default (sigmoid, bias, batch 4, 3000 epochs)', options: {} }];
for (const activation of ['sigmoid', 'tanh', 'relu']) {
  for (const bias of [true, false]) {
    for (const batch of [1, 4, 5, 32]) {
      if (activation === 'sigmoid' && bias && batch === 4) continue; // the default, above
      // Sigmoid with bias and one full batch of 32 (an effective step of 32 x 0.45)
      // turns unstable: from about epoch 560 a last-bit difference grows about 2x
      // per epoch, first in the weights (epoch 500: 8e-15, 600: 5.5e-12 relative),
      // then in the loss (epoch 605: 1e-16, 625: 1.8e-12, 657: 0.59). The
      // reference with the core's exp ported to JS matched that run exactly (checked
      // when this test was written), so it is exp's last bit amplified, not another
      // algorithm; with Math.exp the comparison stops before the unstable phase,
      // and the whole run is compared once more below with the core's exp.
      const epochs = activation === 'sigmoid' && bias && batch === 32 ? 500 : 3000;
      cases.push({ name: `${activation}, bias ${bias}, batch ${batch}, ${epochs} epochs`, options: { activation, bias, batch, epochs } });
    }
  }
}
cases.push(
  { name: 'sigmoid, bias true, batch 32, 3000 epochs, the reference using the core\'s exp', options: { batch: 32, exp: coreExp } },
  { name: 'two hidden layers 8,8 (sigmoid)', options: { hidden: '8,8', epochs: 1000 } },
  { name: 'three hidden layers 3,4,2 (tanh, batch 5, no bias)', options: { hidden: '3,4,2', activation: 'tanh', batch: 5, bias: false, epochs: 1000 } },
  { name: 'two hidden layers 6,6 (relu, seed 4)', options: { hidden: '6,6', activation: 'relu', seed: 4, epochs: 1000 } },
  { name: 'leaky ReLU', options: { activation: 'leakyrelu', epochs: 1000 } },
  {
    name: 'abs(x - 3) on [-1, 5], 25 points, y in [0, 4], lr 0.1',
    options: { fn: 'abs(x - 3)', f: (x) => Math.abs(x - 3), xmin: -1, xmax: 5, points: 25, ymin: 0, ymax: 4, lr: 0.1, epochs: 1000 },
  },
);

describe('the reference and the wasm core', () => {
  it.each(cases)('$name', ({ options }) => {
    const trainer = trainWasm(options);
    const initial = trainer.initialWeights();
    const history = trainer.lossHistory();
    const weights = trainer.weights();
    trainer.dispose();
    const expected = train(options, initial);

    expect(history).toBeInstanceOf(Float64Array);
    expect(history.length).toBe(expected.lossHistory.length);
    expect(expected.lossHistory.every(Number.isFinite)).toBe(true);
    // The run must train: a network whose units are all dead would compare trivially.
    expect(weights).not.toEqual(initial);

    const loss = maxRelativeDifference(history, expected.lossHistory);
    expect(loss.max, `loss at epoch ${loss.index + 1}: wasm ${history[loss.index]} vs reference ${expected.lossHistory[loss.index]}`)
      .toBeLessThanOrEqual(TOLERANCE);
    const w = maxWeightDifference(weights, expected.weights);
    expect(w.max, `final weight ${w.index} of layer ${w.layer}: wasm ${weights[w.layer]?.flat()[w.index]} vs reference ${expected.weights[w.layer]?.flat()[w.index]}`)
      .toBeLessThanOrEqual(TOLERANCE);
  });
});

describe("the core's exp, as the reference uses it", () => {
  it('is within 2 ulp of Math.exp', () => {
    const ulp = (x) => Math.abs(x) * Number.EPSILON;
    for (let x = -700; x <= 700; x += 0.37) expect(Math.abs(coreExp(x) - Math.exp(x))).toBeLessThanOrEqual(2 * ulp(Math.exp(x)));
  });
});
