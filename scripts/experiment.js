#!/usr/bin/env node
// Headless runner: trains one config with the wasm core in Node.
//   npm run experiment -- [--NAME VALUE ...] [--json] [--init-weights FILE]
// Prints the tutorial's stats line, or with --json one JSON object with the
// resolved config, status, loss history, weights and timing.
// A bad argument exits with code 2 and one line saying what is allowed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatShapes } from '../web/src/engine.js';
import { loadNodeEngine } from './node-engine.js';
import { statsLine } from '../web/src/stats.js';

function fail(message) {
  console.error(message);
  process.exit(2);
}

const engine = await loadNodeEngine();
const fieldNames = engine.schema.map((f) => f.name);
const usage = `allowed: ${fieldNames.map((n) => `--${n} VALUE`).join(', ')}, --json, --init-weights FILE`;

const values = {};
let asJson = false;
let weightsFile = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--json') { asJson = true; continue; }
  const name = arg.startsWith('--') ? arg.slice(2) : null;
  if (name !== 'init-weights' && !fieldNames.includes(name)) fail(`unknown argument ${JSON.stringify(arg)}; ${usage}`);
  if (i + 1 >= args.length) fail(`${arg} needs a value; ${usage}`);
  i += 1;
  if (name === 'init-weights') weightsFile = args[i];
  else if (Object.hasOwn(values, name)) fail(`${arg} is given twice`);
  else values[name] = args[i];
}

const checked = engine.checkConfig(values);
if (!checked.ok) fail(checked.errors[0].message);
const trainer = engine.createTrainer(values);

if (weightsFile !== null) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(weightsFile, 'utf8'));
  } catch (error) {
    fail(`--init-weights: cannot read ${weightsFile} as JSON (${error.message.split('\n')[0]}); ` +
      `expected matrices of shapes ${formatShapes(trainer.weightShapes())}`);
  }
  try {
    trainer.setWeights(Array.isArray(parsed) ? parsed : parsed?.weights);
  } catch (error) {
    fail(`--init-weights: ${error.message}`);
  }
}

const initialWeights = trainer.initialWeights();
const start = performance.now();
trainer.trainEpochs(trainer.config.epochs);
const trainMs = performance.now() - start;
const test = trainer.evaluateTest();
const lossHistory = Array.from(trainer.lossHistory());
const finalLoss = lossHistory.length > 0 ? lossHistory[lossHistory.length - 1] : null;

if (asJson) {
  console.log(JSON.stringify({
    config: trainer.config,
    status: trainer.status,
    epochs: trainer.epoch,
    ...(trainer.status === 'diverged' ? { divergedAtEpoch: trainer.epoch + 1 } : {}),
    lossHistory,
    finalLoss,
    testMse: test.mse,
    initialWeights,
    weights: trainer.weights(),
    trainMs,
  }));
} else {
  console.log(statsLine({ describe: trainer.describe, status: trainer.status, finalLoss, epoch: trainer.epoch, seconds: trainMs / 1000 }));
  console.log(`Test MSE (shifted inputs): ${Number(test.mse.toPrecision(7))}`);
}
trainer.dispose();
