// Trains off the main thread, so that no epoch, however large the network,
// can hold up the page. The page asks for work once per animation frame and
// gets back a snapshot of what changed (see loop.js for the other side).
import { loadBrowserEngine } from './browser-engine.js';

// About this many test-MSE points per run, whatever the number of epochs.
const TEST_POINTS_PER_RUN = 300;

const enginePromise = loadBrowserEngine();
let run = null; // { id, trainer, testEvery, trainMs, layer }

const handlers = {
  // `layer`: the hidden layer the page shows (the last one if there are fewer).
  // `weights`: optional { flat, epoch } from a link, to start from instead of the seed's.
  configure({ id, values, layer, weights }, engine) {
    if (run) run.trainer.dispose();
    const trainer = engine.createTrainer(values);
    const weightsNotice = weights ? startFrom(trainer, weights) : '';
    const test = trainer.evaluateTest();
    run = {
      id,
      trainer,
      testEvery: Math.max(1, Math.ceil(trainer.config.epochs / TEST_POINTS_PER_RUN)),
      trainMs: 0,
      layer: Math.min(layer, test.hidden.length - 1),
    };
    const curve = trainer.evaluateCurve();
    postMessage({
      type: 'run',
      id,
      config: trainer.config,
      describe: trainer.describe,
      historyStart: trainer.historyStart,
      training: trainer.trainingData(),
      layerSizes: test.hidden.map((units) => units.length),
      testX: test.x,
      curveX: curve.x,
      curveTarget: curve.target,
      weightsNotice,
      ...snapshot([], [[trainer.epoch, test.mse]]),
    });
  },

  // The weights of the run as it stands, for a link (always answered, so requests and answers pair up).
  weights({ id }) {
    postMessage({ type: 'weights', id, flat: run ? run.trainer.flatWeights() : null, epoch: run ? run.trainer.epoch : 0 });
  },

  // Up to `epochs` epochs, stopping early once `budgetMs` has passed, so a
  // pause or a new config is never queued behind a long batch of work.
  train({ id, epochs, budgetMs }) {
    if (!run || run.id !== id) return;
    const { trainer, testEvery } = run;
    const start = performance.now();
    let testMs = 0;
    const losses = [];
    const tests = [];
    for (let n = 0; n < epochs && trainer.status === 'running'; n += 1) {
      const loss = trainer.trainEpoch();
      if (Number.isNaN(loss)) break; // diverged: the trainer kept the last finite weights
      losses.push(loss);
      if (trainer.epoch % testEvery === 0 || trainer.status === 'done') {
        const testStart = performance.now();
        tests.push([trainer.epoch, trainer.testMse()]);
        testMs += performance.now() - testStart;
      }
      if (performance.now() - start >= budgetMs) break;
    }
    run.trainMs += performance.now() - start - testMs;
    postMessage({ type: 'snapshot', id, ...snapshot(losses, tests) });
  },

  // Another hidden layer to show: a snapshot of the run as it stands.
  layer({ id, layer }) {
    if (!run || run.id !== id) return;
    run.layer = layer;
    postMessage({ type: 'view', id, ...snapshot([], []) });
  },

  learningRate({ id, rate }) {
    if (!run || run.id !== id) return;
    run.trainer.setLearningRate(rate);
    postMessage({ type: 'describe', id, describe: run.trainer.describe });
  },
};

// Sets weights given by a link; returns '' or why they were not used.
function startFrom(trainer, { flat, epoch }) {
  const expected = trainer.flatWeights().length;
  if (flat.length !== expected) return `Ignored the trained weights in the link: it has ${flat.length}, this network has ${expected}.`;
  try {
    trainer.setFlatWeights(flat, epoch);
    return '';
  } catch (error) {
    return `Ignored the trained weights in the link: ${error.message}`;
  }
}

// What the page draws after each piece of work. Only what changes is copied out
// of the core, and of the hidden layers only the one shown: a big network has
// megabytes of them.
function snapshot(losses, tests) {
  const { trainer } = run;
  return {
    epoch: trainer.epoch,
    status: trainer.status,
    losses: Float64Array.from(losses),
    tests,
    testMse: trainer.testMse(),
    predictions: trainer.testPredictions(),
    layer: run.layer,
    hidden: trainer.testHidden(run.layer),
    curvePredictions: trainer.curvePredictions(),
    seconds: run.trainMs / 1000,
  };
}

self.onmessage = async ({ data }) => {
  try {
    handlers[data.type](data, await enginePromise);
  } catch (error) {
    postMessage({ type: 'error', message: error.message ?? String(error) });
  }
};
