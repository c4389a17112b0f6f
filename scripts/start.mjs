// `npm start`: build when needed, then run the server in this same process, so that SIGTERM and
// Ctrl-C reach it directly.
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../apps/api/dist/cli/start.js');
