// Runs before the journeys (the `setup` project in playwright.config.ts): signs each demo account in
// once, through the API as the web app does, and saves the cookies for support/auth.ts's `asRole`.
import { expect, test as setup } from '@playwright/test';
import { DEMO, ROLES, TEST_PASSWORD } from './support/app';
import { authFile } from './support/auth';

for (const role of ROLES) {
  setup(`sign in as demo.${role}`, async ({ request }) => {
    const res = await request.post('/api/v1/auth/login', {
      headers: { 'x-dari-client': 'web' },
      data: { username: DEMO[role].username, password: TEST_PASSWORD },
    });
    expect(res.status(), `sign-in as ${DEMO[role].username}: ${await res.text()}`).toBeLessThan(300);
    const me = await request.get('/api/v1/me');
    expect(me.status(), await me.text()).toBe(200);
    await request.storageState({ path: authFile(role) });
  });
}
