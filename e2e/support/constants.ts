/** A port nothing else uses, so a developer's own `npm start` on 3000 is left alone
 *  (DARI_E2E_PORT picks another, e.g. for two runs side by side). */
export const PORT = Number(process.env.DARI_E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The demo accounts' password in the e2e server (DARI_DEMO_PASSWORD). */
export const TEST_PASSWORD = 'e2e river crossing lantern 58';
/** Matches DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT given to the e2e server. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const E2E_DATA_DIR_ENV = 'DARI_E2E_DATA_DIR';
