import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSeedService } from '../src/seed/demo-seed.service.js';
import { TestApp } from './test-app.js';

describe('demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('creates one account per role on an empty database, with a printed random password', async () => {
    const seed = t.app.get(DemoSeedService);
    const result = await seed.run(undefined);
    expect(result.created).toBe(true);
    expect(result.generatedPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    t.secrets.add(result.generatedPassword!);
    for (const role of ['learner', 'instructor', 'manager', 'admin']) {
      const res = await t.request('POST', '/api/v1/auth/login', {
        body: { username: `demo.${role}`, password: result.generatedPassword },
      });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe(role);
    }
  });

  it('creates nothing more on a second start, and DARI_DEMO_PASSWORD resets the demo passwords', async () => {
    const seed = t.app.get(DemoSeedService);
    t.secrets.add('the documented demo password');
    expect(await seed.run('the documented demo password')).toEqual({ created: false });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    expect(n).toBe(4);
    expect(
      (
        await t.request('POST', '/api/v1/auth/login', {
          body: { username: 'demo.admin', password: 'the documented demo password' },
        })
      ).status,
    ).toBe(200);
  });
});
