// `npm run backup`: build when needed, then apps/api/dist/cli/backup.js (docs/operations.md "Backups").
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../apps/api/dist/cli/backup.js');
