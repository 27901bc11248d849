// The embind API (issue 2 §5) as web/src/engine.js exposes it, in Node.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../web/src/engine.js';
import {
  TUTORIAL_CONFIG, engine, firstMismatch, maxRelativeDifference, maxWeightDifference, trainWasm, ulpDistance,
} from './helpers.js';
import { evaluateTest, linspace, testGrid, train } from './reference.js';

const FIELDS = ['fn', 'xmin', 'xmax', 'ymin', 'ymax', 'points', 'hidden', 'activation', 'lr', 'batch', 'epochs', 'bias', 'init', 'beyond', 'seed'];
const schemaField = (name) => engine.schema.find((f) => f.name === name);

// The ConfigError createTrainer(values) throws (fails the test when it throws none or another).
function configError(values) {
  try {
    engine.createTrainer(values).dispose();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error;
  }
  throw new Error(`accepted ${JSON.stringify(values)}`);
}

// The error fn() throws.
function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('config validation', () => {
  it.each([
    ['lr', '99'], ['batch', '0'], ['activation', 'softmax'], ['hidden', '5,0'], ['hidden', '1,1,1,1,1,1,1'],
    ['epochs', '1.5'], ['bias', 'yes'], ['init', 'normal'], ['seed', '-1'], ['points', '1'], ['xmin', 'abc'],
    ['ymax', '2e6'],
  ])('%s = %s throws a ConfigError naming the field, the value and the allowed range', (field, value) => {
    const error = configError({ [field]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.errors).toEqual([{ field, message: expect.any(String) }]);
    const { message } = error.errors[0];
    expect(message.startsWith(`${field}: '${value}'`)).toBe(true);
    expect(message).toContain(`allowed: ${schemaField(field).allowed}`);
    expect(error.message).toBe(message);
  });

  it('reports where an expression is malformed', () => {
    expect(configError({ fn: 'sin(' }).errors).toEqual([{ field: 'fn', message: expect.stringMatching(/^fn: at position 5: expected /) }]);
    expect(configError({ fn: 'foo(x)' }).errors[0].field).toBe('fn');
  });

  it('checks fields against each other', () => {
    expect(configError({ xmax: '-1' }).errors).toEqual([{ field: 'xmax', message: 'xmax: -1 must be greater than xmin (0)' }]);
    expect(configError({ batch: '40' }).errors[0].message).toMatch(/^batch: 40 .*allowed: a whole number from 1 to 32$/);
    expect(configError({ fn: 'log(x)' }).errors[0].message).toMatch(/^fn: log\(x\) is not a finite number at x = 0/);
  });

  it('reports every wrong field at once, and unknown ones', () => {
    const error = configError({ lr: '99', batch: '0', colour: 'red' });
    expect(error.errors.map((e) => e.field).sort()).toEqual(['batch', 'colour', 'lr']);
    expect(error.message.split('; ').length).toBeGreaterThanOrEqual(3);
  });

  it('checkConfig resolves a valid config and returns the errors of an invalid one', () => {
    expect(engine.checkConfig({})).toEqual({
      ok: true, config: TUTORIAL_CONFIG, describe: '[2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45',
    });
    const auto = engine.checkConfig({ fn: 'x^2 - 1', ymin: 'auto', ymax: 'auto', activation: 'tanh', bias: 'false', hidden: '8, 3' });
    expect(auto.ok).toBe(true);
    expect(auto.config).toMatchObject({ ymin: -1, lr: 0.005, hidden: '8,3', bias: false });
    // max of x^2 - 1 over the training and the test grid: the last test point is xmax + step/2
    const last = testGrid({ xmin: 0, xmax: 6.28, points: 32 }).at(-1);
    expect(auto.config.ymax).toBe(last * last - 1);
    expect(auto.describe).toBe('[1, 8, 3, 1] Activation: tanh Iterations: 3000 Learning rate: 0.005');
    expect(engine.checkConfig({ lr: '99', batch: '0' })).toEqual({ ok: false, errors: configError({ lr: '99', batch: '0' }).errors });
  });

  it('checkField checks one field alone', () => {
    expect(engine.checkField('lr', '0.1')).toBe('');
    expect(engine.checkField('lr', 'auto')).toBe('');
    expect(engine.checkField('lr', '99')).toBe(`lr: '99' is out of range; allowed: ${schemaField('lr').allowed}`);
    expect(engine.checkField('batch', '40')).toBe(''); // only against its own range, not the points
    expect(engine.checkField('colour', 'red')).toMatch(/colour/);
  });
});

describe('the schema', () => {
  it('has every field of the issue, each with a default, a description and what is allowed', () => {
    expect(engine.schema.map((f) => f.name).sort()).toEqual([...FIELDS].sort());
    for (const f of engine.schema) {
      expect(typeof f.default, f.name).toBe('string');
      expect(f.description.length, f.name).toBeGreaterThan(10);
      expect(f.allowed.length, f.name).toBeGreaterThan(3);
      expect(engine.checkField(f.name, f.default), `${f.name}'s default`).toBe('');
    }
  });

  it('states the ranges the validation uses', () => {
    for (const f of engine.schema.filter((s) => s.type === 'number' || s.type === 'integer' || s.type === 'integer-list')) {
      expect(f.min, f.name).toBeLessThan(f.max);
      expect(engine.checkField(f.name, String(f.min)), `${f.name} at its min`).toBe('');
      expect(engine.checkField(f.name, String(f.max)), `${f.name} at its max`).toBe('');
      expect(engine.checkField(f.name, String(f.min - Math.max(1, Math.abs(f.min)))), `${f.name} below its min`).not.toBe('');
      expect(engine.checkField(f.name, String(f.max + Math.max(1, Math.abs(f.max)))), `${f.name} above its max`).not.toBe('');
    }
    for (const f of engine.schema.filter((s) => s.choices)) {
      for (const choice of f.choices) expect(engine.checkField(f.name, choice), `${f.name} = ${choice}`).toBe('');
      expect(engine.checkField(f.name, 'none of these'), f.name).not.toBe('');
    }
    expect(schemaField('activation').choices).toEqual(expect.arrayContaining(['sigmoid', 'tanh', 'relu']));
    expect(schemaField('bias').choices).toEqual(['true', 'false']);
  });

  it("has the tutorial's defaults", () => {
    const trainer = engine.createTrainer({});
    expect(trainer.config).toEqual(TUTORIAL_CONFIG);
    expect(trainer.describe).toBe('[2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45');
    trainer.dispose();
    expect(engine.checkConfig({ activation: 'tanh' }).config.lr).toBe(0.005);
    expect(engine.checkConfig({ activation: 'relu' }).config.lr).toBe(0.0005);
    expect(engine.checkConfig({ xmax: '3' }).config.points).toBe(16); // int(xmax * 5 + 1)
  });
});

describe('training', () => {
  it('trainEpoch, trainEpochs, epoch and status step through a run', () => {
    const trainer = engine.createTrainer({ epochs: '10' });
    expect([trainer.status, trainer.epoch, trainer.lossHistory().length]).toEqual(['running', 0, 0]);
    expect(trainer.lastLoss()).toBeNaN();
    const first = trainer.trainEpoch();
    expect(trainer.epoch).toBe(1);
    expect(trainer.lossHistory()).toEqual(Float64Array.of(first));
    expect(trainer.trainEpochs(4)).toBe(4);
    expect(trainer.epoch).toBe(5);
    expect(trainer.trainEpochs(100)).toBe(5);
    expect([trainer.status, trainer.epoch]).toEqual(['done', 10]);
    expect(trainer.trainEpoch()).toBeNaN();
    expect(trainer.trainEpochs(3)).toBe(0);
    const history = trainer.lossHistory();
    expect(history).toBeInstanceOf(Float64Array);
    expect(history.length).toBe(10);
    expect(trainer.lastLoss()).toBe(history[9]);
    const expected = train({ epochs: 10 }, trainer.initialWeights()).lossHistory;
    expect(maxRelativeDifference(history, expected).max).toBeLessThanOrEqual(1e-12);
    trainer.dispose();
  });

  it('the same seed gives the same run bit for bit, another seed another run', () => {
    const [a, b, c] = ['7', '7', '8'].map((seed) => trainWasm({ seed, epochs: 200 }));
    expect(firstMismatch(a.lossHistory(), b.lossHistory())).toBe(-1);
    expect(firstMismatch(a.weights().flat(2), b.weights().flat(2))).toBe(-1);
    expect(c.initialWeights()).not.toEqual(a.initialWeights());
    expect(firstMismatch(c.lossHistory(), a.lossHistory())).toBe(0);
    for (const t of [a, b, c]) t.dispose();
  });

  it('initial weights are uniform in ±sqrt(2 / fan_in), fan_in counting the bias unit', () => {
    const trainer = engine.createTrainer({ hidden: '50' });
    const [wh, wz] = trainer.initialWeights();
    expect([wh.length, wh[0].length, wz.length, wz[0].length]).toEqual([2, 50, 50, 1]);
    for (const [w, r] of [[wh.flat(), 1], [wz.flat(), Math.sqrt(2 / 50)]]) {
      expect(Math.max(...w.map(Math.abs))).toBeLessThan(r);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.8 * r); // not a narrower range
      expect(w.some((v) => v < 0) && w.some((v) => v > 0)).toBe(true);
    }
    trainer.dispose();
  });

  it('diverges at epoch 96 with leaky ReLU, lr 0.1, batch 1, as the reference does', () => {
    const options = { activation: 'leakyrelu', lr: 0.1, batch: 1 };
    const trainer = engine.createTrainer({ activation: 'leakyrelu', lr: '0.1', batch: '1' });
    for (let epoch = 1; epoch <= 95; epoch += 1) expect(Number.isFinite(trainer.trainEpoch()), `epoch ${epoch}`).toBe(true);
    expect(trainer.status).toBe('running');
    expect(trainer.trainEpoch()).toBeNaN();
    expect([trainer.status, trainer.epoch]).toEqual(['diverged', 95]);
    const history = trainer.lossHistory();
    expect(history.length).toBe(95);
    expect(history.every(Number.isFinite)).toBe(true);
    expect(trainer.trainEpoch()).toBeNaN();
    expect(trainer.trainEpochs(10)).toBe(0);

    // The reference's 96th epoch is not finite either; the core keeps the weights after epoch 95.
    const ref = train({ ...options, epochs: 96 }, trainer.initialWeights());
    expect(Number.isFinite(ref.lossHistory[95])).toBe(false);
    expect(maxRelativeDifference(history, ref.lossHistory.subarray(0, 95)).max).toBeLessThanOrEqual(1e-12);
    const after95 = train({ ...options, epochs: 95 }, trainer.initialWeights()).weights;
    expect(maxWeightDifference(trainer.weights(), after95).max).toBeLessThanOrEqual(1e-12);
    const test = trainer.evaluateTest();
    expect(test.predictions.every(Number.isFinite) && Number.isFinite(test.mse)).toBe(true);
    trainer.dispose();

    const all = trainWasm({ activation: 'leakyrelu', lr: '0.1', batch: '1' });
    expect([all.status, all.epoch, all.lossHistory().length]).toEqual(['diverged', 95, 95]);
    all.dispose();
  });
});

describe('the learning rate', () => {
  it('applies live, from the next epoch on', () => {
    const trainer = engine.createTrainer({ epochs: '20' });
    trainer.trainEpochs(10);
    trainer.setLearningRate(0.1);
    expect(trainer.config.lr).toBe(0.1);
    expect(trainer.describe).toBe('[2, 5, 1] Activation: sigmoid Iterations: 20 Learning rate: 0.1');
    trainer.trainEpochs(10);
    const before = train({ epochs: 10 }, trainer.initialWeights());
    const after = train({ epochs: 10, lr: 0.1 }, before.weights);
    const expected = Float64Array.of(...before.lossHistory, ...after.lossHistory);
    expect(maxRelativeDifference(trainer.lossHistory(), expected).max).toBeLessThanOrEqual(1e-12);
    expect(maxWeightDifference(trainer.weights(), after.weights).max).toBeLessThanOrEqual(1e-12);
    trainer.dispose();
  });

  it.each([0, -0.5, 11, 1e-7])('rejects %s, naming lr and its range, and keeps the rate', (rate) => {
    const trainer = engine.createTrainer({ epochs: '5' });
    const error = thrown(() => trainer.setLearningRate(rate));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.errors).toEqual([{ field: 'lr', message: `lr: '${rate}' is out of range; allowed: ${schemaField('lr').allowed}` }]);
    expect(trainer.config.lr).toBe(0.45);
    trainer.trainEpochs(5);
    const expected = train({ epochs: 5 }, trainer.initialWeights()).lossHistory;
    expect(maxRelativeDifference(trainer.lossHistory(), expected).max).toBeLessThanOrEqual(1e-12);
    trainer.dispose();
  });

  it.each([NaN, Infinity])('rejects %s with a message naming that value', (rate) => {
    const trainer = engine.createTrainer({});
    const error = thrown(() => trainer.setLearningRate(rate));
    trainer.dispose();
    expect(error.message).toContain(String(rate));
  });
});

describe('the test grid and the training data', () => {
  it.each([
    ['the tutorial network after 200 epochs', { epochs: 200 }],
    ['tanh, layers 8,3, no bias, after 300 epochs', { activation: 'tanh', hidden: '8,3', bias: false, epochs: 300 }],
  ])('%s: predictions, hidden activations and test MSE agree with the reference', (_name, options) => {
    const trainer = trainWasm(options);
    const test = trainer.evaluateTest();
    const ref = evaluateTest(options, trainer.weights());
    const sizes = trainer.weightShapes().slice(1).map(([rows]) => rows);
    trainer.dispose();

    expect(test.x).toEqual(ref.x); // bit for bit: the grid shifted by half a step
    expect(test.target.every((y, i) => ulpDistance(y, Math.sin(test.x[i])) <= 1)).toBe(true);
    for (const a of [test.x, test.target, test.predictions]) {
      expect(a).toBeInstanceOf(Float64Array);
      expect(a.length).toBe(32);
    }
    expect(test.hidden.map((layer) => layer.length)).toEqual(sizes);
    for (const unit of test.hidden.flat()) {
      expect(unit).toBeInstanceOf(Float64Array);
      expect(unit.length).toBe(32);
    }
    expect(maxRelativeDifference(test.predictions, ref.predictions).max).toBeLessThanOrEqual(1e-12);
    const flatHidden = (hidden) => hidden.flat().flatMap((unit) => Array.from(unit));
    expect(maxRelativeDifference(flatHidden(test.hidden), flatHidden(ref.hidden)).max).toBeLessThanOrEqual(1e-12);
    expect(test.mse).toBeGreaterThan(0);
    expect(maxRelativeDifference([test.mse], [ref.mse]).max).toBeLessThanOrEqual(1e-12);
  });

  it.each([
    ['the tutorial grid', {}],
    ['[-100, 100], 1000 points', { xmin: '-100', xmax: '100', points: '1000' }],
  ])("%s: x is numpy's linspace, sin(x) is Math.sin to 1 ulp", (_name, values) => {
    const trainer = engine.createTrainer(values);
    const { config } = trainer;
    const { x, y } = trainer.trainingData();
    trainer.dispose();
    expect(x).toBeInstanceOf(Float64Array);
    expect(x).toEqual(linspace(config.xmin, config.xmax, config.points));
    expect(y).toBeInstanceOf(Float64Array);
    const ulps = Array.from(y, (v, i) => ulpDistance(v, Math.sin(x[i])));
    expect(Math.max(...ulps)).toBeLessThanOrEqual(1);
  });
});

describe('weights', () => {
  const other = engine.createTrainer({ seed: '2' });
  const seed2 = other.initialWeights();
  other.dispose();

  it('set and get round trip, and training continues from them', () => {
    const trainer = engine.createTrainer({ epochs: '50' });
    trainer.trainEpochs(20);
    trainer.setWeights(seed2);
    expect(trainer.weights()).toEqual(seed2);
    expect(trainer.initialWeights()).toEqual(seed2);
    expect([trainer.epoch, trainer.historyStart, trainer.lossHistory().length, trainer.status]).toEqual([0, 0, 0, 'running']);
    trainer.trainEpochs(50);
    const fresh = trainWasm({ seed: '2', epochs: '50' });
    expect(firstMismatch(trainer.lossHistory(), fresh.lossHistory())).toBe(-1);
    fresh.dispose();

    trainer.setWeights(seed2, 45); // from epoch 45 of 50: five more
    expect([trainer.epoch, trainer.historyStart, trainer.status]).toEqual([45, 45, 'running']);
    expect(trainer.trainEpochs(100)).toBe(5);
    expect(trainer.lossHistory().length).toBe(5);
    trainer.dispose();
  });

  const w = seed2;
  const withFirst = (value) => [[[value, ...w[0][0].slice(1)], w[0][1]], w[1]];
  it.each([
    ['no matrices', [], /expected matrices of numbers of shapes 2x5, 5x1/],
    ['one matrix', [w[0]], /2x5, 5x1/],
    ['a missing row', [w[0].slice(1), w[1]], /2x5, 5x1/],
    ['a missing column', [w[0].map((row) => row.slice(1)), w[1]], /2x5, 5x1/],
    ['a string', withFirst('1'), /2x5, 5x1/],
    ['NaN', withFirst(NaN), /finite/],
    ['Infinity', withFirst(Infinity), /finite/],
    ['1e7', withFirst(1e7), /-1e6 to 1e6/],
  ])('rejects %s and keeps the weights', (_name, matrices, pattern) => {
    const trainer = engine.createTrainer({});
    const before = trainer.weights();
    const error = thrown(() => trainer.setWeights(matrices));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.errors).toEqual([{ field: 'weights', message: expect.stringMatching(pattern) }]);
    expect(trainer.weights()).toEqual(before);
    trainer.dispose();
  });

  it('rejects a starting epoch outside 0 to epochs', () => {
    const trainer = engine.createTrainer({ epochs: '10' });
    for (const epoch of [-1, 11]) expect(thrown(() => trainer.setWeights(w, epoch)).message).toMatch(/^epoch: .*allowed: 0 to epochs \(10\)/);
    trainer.dispose();
  });

  it.each([null, undefined])('rejects %s with a ConfigError', (value) => {
    const trainer = engine.createTrainer({});
    const error = thrown(() => trainer.setWeights(value));
    trainer.dispose();
    expect(error).toBeInstanceOf(ConfigError);
  });
});

it('dispose frees the trainer; a second dispose is harmless', () => {
  const trainer = engine.createTrainer({});
  trainer.dispose();
  expect(trainer.session).toBeNull();
  expect(() => trainer.trainEpoch()).toThrow(TypeError);
  expect(() => trainer.dispose()).not.toThrow();
});

describe('the learned curve', () => {
  it('covers the domain, or reaches beyond it by the fraction `beyond`', () => {
    for (const [beyond, low, high] of [['0', 0, 6.28], ['0.5', -3.14, 9.42]]) {
      const trainer = engine.createTrainer({ beyond });
      const curve = trainer.evaluateCurve();
      expect(curve.x.length).toBe(241);
      expect(curve.x[0]).toBeCloseTo(low, 12);
      expect(curve.x.at(-1)).toBeCloseTo(high, 12);
      curve.x.forEach((x, i) => expect(Math.abs(curve.target[i] - Math.sin(x))).toBeLessThanOrEqual(2.3e-16));
      expect(curve.predictions.every(Number.isFinite)).toBe(true);
      trainer.dispose();
    }
  });

  it('leaves a gap where f is undefined beyond the domain', () => {
    const trainer = engine.createTrainer({ fn: 'sqrt(x)', xmin: '0', xmax: '4', beyond: '0.25', ymin: 'auto', ymax: 'auto' });
    const { x, target } = trainer.evaluateCurve();
    x.forEach((value, i) => expect(Number.isNaN(target[i])).toBe(value < 0));
    trainer.dispose();
  });
});
