// The preset gallery: every preset is a valid config, and what its commentary
// claims about the run holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_EXAMPLES, PRESETS } from '../../web/src/presets.js';
import { engine } from './helpers.js';

const results = new Map(); // preset id -> { status, epoch, finalLoss, testMse, history }
beforeAll(() => {
  for (const preset of PRESETS) {
    const trainer = engine.createTrainer(preset.values);
    trainer.trainEpochs(trainer.config.epochs);
    const history = trainer.lossHistory();
    results.set(preset.id, { status: trainer.status, epoch: trainer.epoch, finalLoss: history.at(-1), testMse: trainer.evaluateTest().mse, history });
    trainer.dispose();
  }
});
const run = (id) => results.get(id);

describe('presets', () => {
  it('have unique ids, names and commentary, and valid configs', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      expect(preset.text.length).toBeGreaterThan(40);
      expect(engine.checkConfig(preset.values).ok, preset.id).toBe(true);
    }
    for (const example of FUNCTION_EXAMPLES) expect(engine.checkConfig(example.values).ok, example.label).toBe(true);
  });

  it('cover the tutorial and each of its suggestions', () => {
    const ids = PRESETS.map((p) => p.id);
    for (const id of ['tutorial', 'tanh', 'relu', 'no-bias', 'one-unit', 'two-units', 'twenty-units', 'batch-1', 'batch-32',
      'more-epochs', 'parabola', 'wider-domain', 'extrapolation', 'diverges', 'he-init']) expect(ids).toContain(id);
    expect(PRESETS[0].values).toEqual({});
  });

  it('say true things about their runs', () => {
    const tutorial = run('tutorial');
    expect(run('relu').finalLoss).toBeGreaterThan(50 * tutorial.finalLoss); // ReLU barely learns at its tutorial rate
    expect(run('relu-learns').testMse).toBeLessThan(tutorial.testMse); // ... and beats the sigmoid with 20 units at 0.01
    expect(run('no-bias').finalLoss).toBeGreaterThan(2 * tutorial.finalLoss);
    expect(run('one-unit').finalLoss).toBeGreaterThan(5 * tutorial.finalLoss);
    expect(run('two-units').finalLoss).toBeLessThan(1.5 * tutorial.finalLoss);
    expect(run('twenty-units').finalLoss).toBeGreaterThan(tutorial.finalLoss);
    expect(run('batch-1').finalLoss).toBeLessThan(tutorial.finalLoss / 4);
    expect(run('more-epochs').finalLoss).toBeLessThan(tutorial.finalLoss / 50);
    expect(run('he-init').finalLoss).toBeLessThan(0.75 * tutorial.finalLoss);
    const diverged = run('diverges');
    expect(diverged.status).toBe('diverged');
    expect(diverged.epoch).toBeLessThan(100);
    // One full batch: after epoch 600 the big steps overshoot and the loss climbs before it drops.
    const batch32 = run('batch-32').history;
    expect(Math.max(...batch32.slice(600, 700))).toBeGreaterThan(1.8 * batch32[599]);
    expect(batch32.at(-1)).toBeLessThan(batch32[599]);
    for (const preset of PRESETS) if (preset.id !== 'diverges') expect(run(preset.id).status, preset.id).toBe('done');
  });
});
