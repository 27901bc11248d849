// The engine in a browser page or worker: Vite fingerprints and copies the
// .wasm, and the Emscripten glue is told where to find it.
import wasmUrl from '../../build/wasm/nnfit.wasm?url';
import { loadEngine } from './engine.js';

export function loadBrowserEngine() {
  return loadEngine({ locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path) });
}
