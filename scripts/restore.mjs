// `npm run restore`: build when needed, then apps/api/dist/cli/restore.js (docs/operations.md "Backups").
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../apps/api/dist/cli/restore.js');
