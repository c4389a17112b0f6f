// `npm run create-admin -- --username NAME [--display-name NAME]`
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../apps/api/dist/cli/create-admin.js');
