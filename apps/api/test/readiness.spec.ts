import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KNOWN_MIGRATIONS } from '../src/database/schema-state.js';
import { TestApp } from './test-app.js';

/**
 * `/health` is liveness (the process and its database answer); `/health/ready` is readiness: only a
 * database whose schema is exactly the one this build expects takes traffic (issue 20).
 */
describe('health and readiness', () => {
  let t: TestApp;
  let client: pg.Client;
  beforeAll(async () => {
    t = await TestApp.create();
    client = new pg.Client({ connectionString: t.dbUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  const ready = () => t.request('GET', '/api/v1/health/ready');
  const live = () => t.request('GET', '/api/v1/health');

  it('a migrated database: live and ready', async () => {
    expect((await live()).status).toBe(200);
    const r = await ready();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ready', database: 'ok', schema: 'current', version: expect.any(String) });
  });

  it('a migration not run yet: alive but not ready, without naming it', async () => {
    const last = KNOWN_MIGRATIONS.at(-1)!;
    const [row] = (await client.query('DELETE FROM migrations WHERE name = $1 RETURNING "timestamp", name', [last]))
      .rows as { timestamp: string; name: string }[];
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBeDefined();
      expect(r.body).toMatchObject({ status: 'not_ready', database: 'ok', schema: 'behind' });
      expect(JSON.stringify(r.body)).not.toContain(last);
      expect((await live()).status).toBe(200);
    } finally {
      await client.query('INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)', [row.timestamp, row.name]);
    }
    expect((await ready()).status).toBe(200);
  });

  it('a migration from a newer Dari: not ready', async () => {
    await client.query(`INSERT INTO migrations ("timestamp", name) VALUES (9999999999999, 'Later9999999999999')`);
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'not_ready', schema: 'ahead' });
    } finally {
      await client.query(`DELETE FROM migrations WHERE name = 'Later9999999999999'`);
    }
  });

  it('the database gone: neither live nor ready', async () => {
    const name = new URL(t.dbUrl).pathname.slice(1);
    await client.end();
    const admin = new pg.Client({ connectionString: inject('adminUrl') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    client = new pg.Client({ connectionString: inject('adminUrl') }); // for afterAll
    await client.connect();
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 'not_ready', database: 'down', schema: 'unknown' });
    expect((await live()).status).toBe(503);
  });
});
