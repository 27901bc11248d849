import { defineConfig } from 'vite';

// The page lives in web/; `vite build` writes a static site to dist/ that
// works from any server and under a strict Content-Security-Policy.
export default defineConfig({
  root: 'web',
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
