// Configure (once) and build one of the two CMake builds of the core.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

// kind: 'wasm' (under emcmake), or a native build's name ('native', 'native-sanitize');
// extraArgs go to the configure step.
export function cmakeBuild(kind, extraArgs = []) {
  const dir = join('build', kind);
  if (!existsSync(join(root, dir, 'CMakeCache.txt'))) {
    const configure = ['-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release', ...extraArgs];
    if (kind === 'wasm') run('emcmake', ['cmake', ...configure]);
    else run('cmake', configure);
  }
  run('cmake', ['--build', dir, '--parallel', '2']);
  return join(root, dir);
}
