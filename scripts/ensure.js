#!/usr/bin/env node
// Fresh-machine setup, run first by `npm start`, `npm test` and `npm run bench`:
// installs the Debian packages nnfit builds and tests with (as root), and the
// node modules when they are missing. Uses node built-ins only.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// [Debian package, a file it installs]
const needed = [
  ['emscripten', '/usr/bin/em++'],
  ['libeigen3-dev', '/usr/include/eigen3/Eigen/Core'],
  ['node-acorn', '/usr/share/nodejs/acorn'], // emcc -O3 needs it; emscripten recommends but does not depend on it
  ['libgtest-dev', '/usr/include/gtest/gtest.h'],
  ['cmake', '/usr/bin/cmake'],
  ['g++', '/usr/bin/g++'],
  ['chromium', '/usr/bin/chromium'],
  ['firefox-esr', '/usr/bin/firefox-esr'], // the second engine of the end-to-end tests (driven by puppeteer-core, no download)
];

const missing = needed.filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`nnfit needs these Debian packages: ${missing.join(' ')}\n` +
      `Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing node modules (npm ci) ...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
