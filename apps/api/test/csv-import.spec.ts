import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/**
 * The import's second line of defence against a CSV decoded in the wrong encoding: the web
 * app decodes CP949 itself, but text that was already mangled — pasted from a program that read the
 * file as UTF-8, or sent by another client — is refused by line and field, and nothing is created.
 */
describe('learner import: text from a wrong encoding', () => {
  let t: TestApp;
  let manager: Who;
  let cohort: string;
  beforeAll(async () => {
    t = await TestApp.create();
    manager = await t.signedIn('manager');
    cohort = (
      await t.request('POST', '/api/v1/cohorts', { cookie: manager.cookie, body: { name: uniqueName('기수 ') } })
    ).body.id;
  });
  afterAll(() => t.close());

  const importCsv = (csv: string) =>
    t.request('POST', `/api/v1/cohorts/${cohort}/learners/import`, { cookie: manager.cookie, body: { csv } });
  const count = async (tag: string) =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM users WHERE username LIKE $1`, [`${tag}%`]))[0]
      .n;

  it('refuses U+FFFD (CP949 read as UTF-8) with a 400 naming the line and field, and creates nobody', async () => {
    const tag = uniqueName('enc').toLowerCase();
    // What a browser's file.text() makes of CP949 "하늘" (C7 CF B4 C3).
    const mangled = new TextDecoder('utf-8').decode(Uint8Array.from([0xc7, 0xcf, 0xb4, 0xc3]));
    expect(mangled).toContain('\uFFFD');
    const auditsBefore = (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events`))[0].n;
    const res = await importCsv(`username,displayName\n${tag}a,바다\n${tag}b,${mangled}\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.message).toMatch(/wrong text encoding \(line 3\); nothing was created/);
    expect(res.body.fields).toEqual([
      { path: 'csv.line.3.displayName', message: expect.stringMatching(/wrong text encoding.*CSV UTF-8/) },
    ]);
    expect(await count(tag)).toBe(0);
    expect((await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events`))[0].n).toBe(auditsBefore);
  });

  it('refuses UTF-8 read as Windows-1252 ("í•˜ëŠ˜") and C1 control characters too', async () => {
    const tag = uniqueName('enc').toLowerCase();
    // 하늘 is ED 95 98 EB 8A 98 in UTF-8; Windows-1252 shows those bytes as í • ˜ ë Š ˜.
    const latin = 'í•˜ëŠ˜';
    const res = await importCsv(`username,displayName\n${tag}a,${latin}\n${tag}b,x\u0085y\n`);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { path: string }) => f.path)).toEqual([
      'csv.line.2.displayName',
      'csv.line.3.displayName',
    ]);
    expect(await count(tag)).toBe(0);
  });

  it('accepts correctly decoded Korean, and accented Latin names that only look unusual', async () => {
    const tag = uniqueName('enc').toLowerCase();
    const res = await importCsv(`\uFEFFusername,displayName\n${tag}a,하늘\n${tag}b,José Núñez\n${tag}c,Zoë–Renée\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created.map((c: { displayName: string }) => c.displayName)).toEqual([
      '하늘',
      'José Núñez',
      'Zoë–Renée',
    ]);
  });
});
