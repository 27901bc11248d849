// Shared by the unit tests: the wasm engine in Node, running the native build
// and the headless runner, and comparing numbers.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../scripts/cmake.js';
import { loadNodeEngine } from '../../scripts/node-engine.js';

export const engine = await loadNodeEngine();
export const nativePath = join(root, 'build', 'native', 'nnfit_native');
const runnerPath = join(root, 'scripts', 'experiment.js');

// The tutorial's run, fully resolved, as the engine reports it.
export const TUTORIAL_CONFIG = {
  fn: 'sin(x)', xmin: 0, xmax: 6.28, ymin: -1, ymax: 1, points: 32, hidden: '5', activation: 'sigmoid',
  lr: 0.45, batch: 4, epochs: 3000, bias: true, init: 'uniform', beyond: 0, seed: 1,
};

// Test options -> the engine's field values (text, as from a URL or a command
// line). `f` and `exp` are the reference's JS functions, not fields.
function toValues(options) {
  return Object.fromEntries(Object.entries(options).filter(([name]) => name !== 'f' && name !== 'exp').map(([name, v]) => [name, String(v)]));
}

// ['--name', 'value', ...] for the native build and the runner.
export function toFlags(options) {
  return Object.entries(toValues(options)).flatMap(([name, value]) => [`--${name}`, value]);
}

// A trainer for `options`, trained for all its epochs (or until it diverges). The caller disposes it.
export function trainWasm(options) {
  const trainer = engine.createTrainer(toValues(options));
  trainer.trainEpochs(trainer.config.epochs);
  return trainer;
}

// Runs a command; resolves { code, stdout, stderr } whatever its exit code.
export function run(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: root, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

export const runRunner = (args) => run(process.execPath, [runnerPath, ...args]);

// |a - b| / max(|a|, |b|), 0 when a === b.
function relativeDifference(a, b) {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

// The largest relative difference between two equally long lists, and where: { max, index }.
export function maxRelativeDifference(actual, expected) {
  if (actual.length !== expected.length) throw new Error(`lengths differ: ${actual.length} vs ${expected.length}`);
  let max = 0;
  let index = -1;
  for (let i = 0; i < actual.length; i += 1) {
    const d = relativeDifference(actual[i], expected[i]);
    if (!(d <= max)) { max = d; index = i; } // NaN counts as the largest
  }
  return { max, index };
}

// Weight matrices ([layer][row][col]): the largest difference, each relative to
// the largest |weight| of its expected matrix, and where: { max, layer, index }
// (index into the row-major matrix). Relative to each weight alone, one that
// passes near 0 would turn a last-bit difference into a large relative one.
export function maxWeightDifference(actual, expected) {
  if (actual.length !== expected.length) throw new Error(`layer counts differ: ${actual.length} vs ${expected.length}`);
  let worst = { max: 0, layer: -1, index: -1 };
  expected.forEach((matrix, layer) => {
    const want = matrix.flat();
    const got = actual[layer].flat();
    if (got.length !== want.length) throw new Error(`layer ${layer} sizes differ: ${got.length} vs ${want.length}`);
    const scale = Math.max(...want.map(Math.abs));
    got.forEach((w, index) => {
      const d = w === want[index] ? 0 : Math.abs(w - want[index]) / scale;
      if (!(d <= worst.max)) worst = { max: d, layer, index };
    });
  });
  return worst;
}

// The first index where two lists differ (!==), or where one ends first; -1 when identical.
export function firstMismatch(actual, expected) {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i += 1) if (actual[i] !== expected[i]) return i;
  return actual.length === expected.length ? -1 : n;
}

// How many doubles lie between a and b (both finite, same sign).
export function ulpDistance(a, b) {
  const bits = new BigInt64Array(Float64Array.of(a, b).buffer);
  const d = bits[0] - bits[1];
  return Number(d < 0n ? -d : d);
}
