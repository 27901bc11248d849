#!/usr/bin/env node
// Builds the native core with its GoogleTest suite and runs it under ctest.
import { execFileSync } from 'node:child_process';
import { cmakeBuild } from './cmake.js';

const dir = cmakeBuild('native');
execFileSync('ctest', ['--output-on-failure'], { cwd: dir, stdio: 'inherit' });
