import { rmSync } from 'node:fs';
import { E2E_DATA_DIR_ENV } from './constants';

// Playwright runs global teardown before it stops the web server, and the embedded PostgreSQL
// still has its files open then: remove the run's data folder when the runner process exits.
export default function globalTeardown(): void {
  const dir = process.env[E2E_DATA_DIR_ENV];
  if (!dir) return;
  process.once('exit', () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a leftover folder under the OS temp folder is harmless
    }
  });
}
