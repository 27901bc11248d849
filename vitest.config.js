import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

// Two projects: unit (the wasm module and the JS modules in Node) and e2e
// (the built dist/ in headless Chromium; `npm test` builds it first).
export default mergeConfig(viteConfig, defineConfig({
  root: '.',
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.js'] } },
      {
        extends: true,
        test: {
          name: 'e2e', include: ['tests/e2e/**/*.test.js'],
          testTimeout: 120000, hookTimeout: 120000, fileParallelism: false,
        },
      },
    ],
  },
}));
