import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db.js';

// The built CLI (`npm test -w apps/api` compiles first): Nest's injection needs the decorator
// metadata that tsc emits, and this is what `npm run create-admin` runs.
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'create-admin.js');
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', input: '' });

// Each test starts the CLI (a new Node process that connects and hashes) up to three times: on a loaded
// 2-core CI machine that passed 30 s once, so these have a longer limit (a limit, not a timing assertion).
describe('npm run create-admin', { timeout: 120_000 }, () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates an admin with the password from DARI_ADMIN_PASSWORD', async () => {
    const r = run(['--username', 'Head.Admin', '--display-name', '관리자'], {
      DATABASE_URL: db.url,
      DARI_ADMIN_PASSWORD: 'a long admin passphrase',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('admin "head.admin" created');
    expect(r.stdout).not.toContain('a long admin passphrase');
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query(`SELECT role, display_name, password_hash FROM users WHERE username = 'head.admin'`);
    await c.end();
    expect(rows[0]).toMatchObject({ role: 'admin', display_name: '관리자' });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('without a password prints a one-time code; a taken name or a bad name fails clearly', () => {
    const r = run(['--username', 'second.admin'], { DATABASE_URL: db.url, DARI_ADMIN_PASSWORD: '' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/one-time code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const taken = run(['--username', 'second.admin'], { DATABASE_URL: db.url, DARI_ADMIN_PASSWORD: '' });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/already taken/);
    const bad = run(['--username', 'no spaces please'], { DATABASE_URL: db.url });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/username may contain only/);
    const common = run(['--username', 'third.admin'], { DATABASE_URL: db.url, DARI_ADMIN_PASSWORD: 'password1' });
    expect(common.status).toBe(1);
    expect(common.stderr).toMatch(/too common/);
  });
});
