// Where the system Chromium is. Playwright never downloads a browser here: CI and developers use
// the distribution's package (`apt-get install -y chromium` on Debian) or point CHROMIUM_PATH at one.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to run, or undefined when none is installed. CHROMIUM_PATH wins when it is set. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return CHROMIUM_CANDIDATES.find(isExecutable);
}

export const CHROMIUM_HELP =
  'Chromium was not found. Install it (Debian/Ubuntu: `apt-get install -y chromium`) ' +
  `or set CHROMIUM_PATH to a Chromium or Chrome executable. Looked in: ${CHROMIUM_CANDIDATES.join(', ')}.`;
