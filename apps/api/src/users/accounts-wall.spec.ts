import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Accounts are made only by UsersService (users/): a cohort's CSV import, joining with a code and the
 * admins' form all call it, inside their own transaction. A file elsewhere that writes a users row
 * itself fails here. The demo seed (seed/) makes its fixed demo accounts directly and is the one
 * exception, named here so a new one has to be argued for.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAKES_AN_ACCOUNT = /\bINSERT\s+INTO\s+users\b|\b(?:create|save|insert)\(\s*UserEntity\b/i;
const EXCEPTIONS = new Set(['seed/demo-seed.service.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('accounts are made only through UsersService', () => {
  it('no file outside users/ writes a users row of its own', () => {
    const offenders = files(src)
      .map((f) => path.relative(src, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('users/') && !f.endsWith('.spec.ts') && !f.startsWith('database/migrations/'))
      .filter((f) => !EXCEPTIONS.has(f))
      .filter((f) => MAKES_AN_ACCOUNT.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the pattern finds the ways an account is written', () => {
    for (const text of [
      'm.create(UserEntity, { username })',
      'await m.save(UserEntity, row)',
      "INSERT INTO users (username) VALUES ('a')",
      'insert into  users (id) values ($1)',
    ])
      expect(text).toMatch(MAKES_AN_ACCOUNT);
    expect('SELECT u.id FROM users u').not.toMatch(MAKES_AN_ACCOUNT);
  });
});
