// Serves the built page (dist/) with Vite's preview server on 127.0.0.1 (see vite.config.js).
// Used by `npm start` (scripts/serve.js) and the end-to-end tests.
import { join } from 'node:path';
import { preview } from 'vite';
import { root } from './cmake.js';

// port 0 picks a free port; headers (optional) are sent with every response,
// e.g. a Content-Security-Policy. Resolves to { server, url }.
export async function startPreview(port, { headers } = {}) {
  const server = await preview({
    configFile: join(root, 'vite.config.js'),
    root: join(root, 'web'),
    logLevel: 'warn',
    preview: { port, strictPort: port !== 0, open: false, ...(headers ? { headers } : {}) }, // host: vite.config.js
  });
  return { server, url: server.resolvedUrls.local[0] };
}
