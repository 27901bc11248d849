#!/usr/bin/env node
// `npm start`: serves the page that `vite build` wrote to dist/.
// Port 5173, or the PORT environment variable.
import { startPreview } from './preview.js';

const port = Number(process.env.PORT ?? 5173);
try {
  const { url } = await startPreview(port);
  console.log(`\n  nnfit is running at ${url}\n  Open it in a browser; press Ctrl+C to stop.\n`);
} catch (error) {
  console.error(`Could not serve nnfit on 127.0.0.1:${port}: ${error.message}\n` +
    'Set another port with PORT=8080 npm start');
  process.exit(1);
}
