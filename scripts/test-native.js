#!/usr/bin/env node
// Builds the native core with its GoogleTest suite and runs it under ctest,
// then once more built with AddressSanitizer and UBSan, where any memory error
// or undefined behaviour aborts the test that meets it.
import { execFileSync } from 'node:child_process';
import { cmakeBuild } from './cmake.js';

for (const [kind, options] of [['native', []], ['native-sanitize', ['-DNNFIT_SANITIZE=ON']]]) {
  const dir = cmakeBuild(kind, options);
  execFileSync('ctest', ['--output-on-failure'], { cwd: dir, stdio: 'inherit' });
}
