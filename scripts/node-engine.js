// The engine in Node: the wasm bytes are read from the build and handed over
// (Emscripten 3.1.6's web-only glue cannot fetch a file path in Node).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../web/src/engine.js';
import { root } from './cmake.js';

export const wasmPath = join(root, 'build', 'wasm', 'nnfit.wasm');

export function loadNodeEngine() {
  return loadEngine({ wasmBinary: readFileSync(wasmPath) });
}
