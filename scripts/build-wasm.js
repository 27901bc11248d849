#!/usr/bin/env node
// Builds build/wasm/nnfit.js + nnfit.wasm (incrementally).
import { cmakeBuild } from './cmake.js';

cmakeBuild('wasm');
