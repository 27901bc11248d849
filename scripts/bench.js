#!/usr/bin/env node
// Benchmarks: the same core compiled to wasm (run here in Node) and natively
// (g++ -O3), on the same configs, in one run. Prints medians and ratios.
//   npm run bench [-- --runs N]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cmakeBuild } from './cmake.js';
import { loadNodeEngine } from './node-engine.js';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;

// Each workload: a name and config values (fields not given take their defaults).
const workloads = [
  ['the tutorial\'s run (every field at its default)', {}],
  ['tanh', { activation: 'tanh' }],
  ['relu', { activation: 'relu' }],
  ['two hidden layers of 16, 200 points, batch 10', { hidden: '16,16', points: '200', batch: '10', epochs: '500' }],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const nativeDir = cmakeBuild('native');
const engine = await loadNodeEngine();

function wasmRunMs(values) {
  const trainer = engine.createTrainer(values);
  const start = performance.now();
  trainer.trainEpochs(trainer.config.epochs);
  const ms = performance.now() - start;
  trainer.dispose();
  return ms;
}

function nativeRunsMs(values) {
  const args = Object.entries(values).flatMap(([name, value]) => [`--${name}`, value]);
  const out = execFileSync(join(nativeDir, 'nnfit_native'), [...args, '--bench', String(runs)], { encoding: 'utf8' });
  return JSON.parse(out).runsMs;
}

const cell = (text) => String(text).padStart(9);
console.log(`Training time in ms over ${runs} runs after warm-up: median (and fastest)`);
console.log(`${'workload'.padEnd(62)}${cell('wasm')}${cell('')}${cell('native')}${cell('')}${cell('ratio')}`);
for (const [name, values] of workloads) {
  // Warm-up: V8 moves hot wasm code to its optimising tier, compiling in the
  // background; on 2 busy cores the first 5 to 10 runs can still be slow.
  for (let i = 0; i < 20; i += 1) wasmRunMs(values);
  const wasm = Array.from({ length: runs }, () => wasmRunMs(values));
  const native = nativeRunsMs(values);
  const ratio = median(wasm) / median(native);
  console.log(`${name.padEnd(62)}${cell(median(wasm).toFixed(2))}${cell(`(${Math.min(...wasm).toFixed(2)})`)}` +
    `${cell(median(native).toFixed(2))}${cell(`(${Math.min(...native).toFixed(2)})`)}${cell(ratio.toFixed(2))}`);
}
