// The core, compiled to wasm, behind a small JavaScript API. Used as is by the
// page (web/src/main.js), the headless runner, the benchmarks and the tests.
// The module factory comes from the Emscripten build; how its .wasm is found
// differs between the browser (a URL) and Node (the bytes), so the caller
// passes that in: loadEngine({ locateFile }) or loadEngine({ wasmBinary }).
import createNnfitModule from '../../build/wasm/nnfit.js';

// A config that failed validation: one entry per field that is wrong.
export class ConfigError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ConfigError';
    this.errors = errors; // [{ field, message }]
  }
}

// Flat weights as matrices of the given shapes [[rows, cols], ...], row by row, or null when the count differs.
export function toMatrices(flat, shapes) {
  const total = shapes.reduce((sum, [rows, cols]) => sum + rows * cols, 0);
  if (flat.length !== total) return null;
  let k = 0;
  return shapes.map(([rows, cols]) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => flat[k++])));
}

// "2x5, 5x1": shapes as messages name them.
export function formatShapes(shapes) {
  return shapes.map(([rows, cols]) => `${rows}x${cols}`).join(', ');
}

export async function loadEngine(moduleOptions) {
  const module = await createNnfitModule(moduleOptions);
  return new Engine(module);
}

class Engine {
  constructor(module) {
    this.module = module;
    // [{ name, type, label, default, group, live, description, allowed, min?, max?, choices?, auto? }]
    this.schema = JSON.parse(module.schemaJson());
  }

  // values: { name: text }. Returns { ok: true, config, describe } or { ok: false, errors }.
  checkConfig(values) {
    return JSON.parse(this.module.checkConfig(values));
  }

  // One field alone: '' when valid, else the message.
  checkField(name, value) {
    return this.module.checkField(String(name), String(value));
  }

  // Throws ConfigError when any value is invalid.
  createTrainer(values) {
    const session = new this.module.Session(values);
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new ConfigError(errors);
    }
    return new Trainer(session);
  }
}

// Typed arrays handed out are copies (one memcpy each): views into wasm memory
// would go stale when it grows.
class Trainer {
  constructor(session) {
    this.session = session;
    this.config = JSON.parse(session.configJson()); // every field, resolved
    this.describe = session.describe(); // "[2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45"
  }

  // The epoch loss, or NaN when nothing was trained (done, or diverged now or before).
  trainEpoch() { return this.session.trainEpoch(); }
  // Trains up to n epochs; returns how many ran.
  trainEpochs(n) { return this.session.trainEpochs(n); }

  get epoch() { return this.session.epoch(); }
  // 'running' | 'done' | 'diverged'
  get status() { return this.session.status(); }
  // Entry i is the loss of epoch historyStart + i + 1.
  get historyStart() { return this.session.historyStart(); }
  lossHistory() { return this.session.lossHistory().slice(); }
  lastLoss() {
    const history = this.session.lossHistory();
    return history.length > 0 ? history[history.length - 1] : NaN;
  }

  // rate: a number or its text ('auto' is the activation's rate). Throws a
  // ConfigError naming lr and its range when the rate is not allowed.
  setLearningRate(rate) {
    const error = this.session.setLearningRate(String(rate));
    if (error) throw new ConfigError([{ field: 'lr', message: error }]);
    this.config = JSON.parse(this.session.configJson());
    this.describe = this.session.describe();
  }

  // The network on the test grid: { x, target, predictions, hidden: [layer][unit] -> Float64Array, mse }.
  evaluateTest() {
    const mse = this.testMse();
    const hidden = Array.from({ length: this.session.hiddenLayerCount() }, (_, layer) => this.testHidden(layer));
    return { x: this.session.testX().slice(), target: this.session.testY().slice(), predictions: this.testPredictions(), hidden, mse };
  }

  // The parts of evaluateTest, for a caller that needs only some of them (the page's worker, every
  // frame): testMse() evaluates the network on the test grid and copies nothing; the other two read
  // that evaluation.
  testMse() {
    this.session.evaluateTest();
    return this.session.testMse();
  }
  testPredictions() { return this.session.testPredictions().slice(); }
  // One hidden layer's outputs: [unit] -> Float64Array over the test points.
  testHidden(layer) {
    const points = this.config.points;
    const all = this.session.testHidden(layer).slice();
    return Array.from({ length: all.length / points }, (_, u) => all.subarray(u * points, (u + 1) * points));
  }

  // The learned curve on a fine grid over [xmin, xmax]: { x, target, predictions }.
  evaluateCurve() {
    return { x: this.session.curveX().slice(), target: this.session.curveTarget().slice(), predictions: this.curvePredictions() };
  }
  // Its predictions alone (x and the target stay the same for a run).
  curvePredictions() {
    this.session.evaluateCurve();
    return this.session.curvePredictions().slice();
  }

  trainingData() {
    return { x: this.session.trainX().slice(), y: this.session.trainY().slice() };
  }

  // Weights as matrices in the tutorial's orientation: [layer][row][col], Wh first (bias row first).
  weights() { return toMatrices(this.flatWeights(), this.weightShapes()); }
  initialWeights() { return toMatrices(this.session.initialWeights().slice(), this.weightShapes()); }
  // The same weights one after another, row by row: a Float64Array.
  flatWeights() { return this.session.weights().slice(); }
  // Same nested form; throws a ConfigError naming what is wrong. Training continues from `epoch`.
  setWeights(matrices, epoch = 0) {
    if (!this.#fits(matrices)) {
      const message = `weights: expected matrices of numbers of shapes ${formatShapes(this.weightShapes())}`;
      throw new ConfigError([{ field: 'weights', message }]);
    }
    this.setFlatWeights(Float64Array.from(matrices.flat(2)), epoch);
  }
  // Same, flat as flatWeights() gives them.
  setFlatWeights(flat, epoch = 0) {
    const error = Number.isInteger(epoch)
      ? this.session.setWeights(flat, epoch)
      : `epoch: ${JSON.stringify(String(epoch)).slice(0, 40)} is not a whole number`;
    if (error) throw new ConfigError([{ field: error.slice(0, error.indexOf(':')), message: error }]);
  }

  // [[rows, cols], ...]
  weightShapes() {
    const flat = this.session.weightShapes();
    const shapes = [];
    for (let i = 0; i < flat.length; i += 2) shapes.push([flat[i], flat[i + 1]]);
    return shapes;
  }

  dispose() {
    if (this.session) this.session.delete();
    this.session = null;
  }

  #fits(matrices) {
    const shapes = this.weightShapes();
    return Array.isArray(matrices) && matrices.length === shapes.length && shapes.every(([rows, cols], l) =>
      Array.isArray(matrices[l]) && matrices[l].length === rows &&
      matrices[l].every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number')));
  }
}
