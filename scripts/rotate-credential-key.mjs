// `npm run credentials:rotate-key`: a new signing key for credentials (docs/credentials.md).
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../apps/api/dist/cli/rotate-credential-key.js');
