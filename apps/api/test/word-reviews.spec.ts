import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossaryService } from '../src/glossary/glossary.service.js';
import { TestApp } from './test-app.js';

type Who = { id: string; cookie: string };
const entry = (term: string) => ({
  term,
  northKorean: [],
  explanation: `${term}에 대한 쉬운 설명이에요.`,
  gloss: { en: `gloss of ${term}`, zh: `${term}的解释` },
  example: `${term}을 배워요.`,
  tags: ['civic'],
  related: [],
});
const DAY = 24 * 60 * 60 * 1000;

describe('flashcard review of saved words (Leitner boxes on the server)', () => {
  let t: TestApp;
  let learner: Who;
  let other: Who;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await TestApp.create();
    [learner, other] = await Promise.all([t.signedIn('learner'), t.signedIn('learner')]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dari-reviews-')), 'terms.json');
    writeFileSync(file, JSON.stringify([entry('선거'), entry('투표소')]));
    await t.app.get(GlossaryService).seed(file);
    ids = {};
    for (const term of ['선거', '투표소']) {
      const found = await api(learner, 'GET', `/glossary?q=${encodeURIComponent(term)}`);
      ids[term] = found.body.items.find((x: { term: string; id: string }) => x.term === term).id;
      expect((await api(learner, 'PUT', `/me/words/${ids[term]}`)).status).toBe(204);
    }
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const review = (who: Who, id: string, body: unknown) => api(who, 'POST', `/me/words/${id}/review`, body);
  const daysUntil = (iso: string, from: string) => Math.round((Date.parse(iso) - Date.parse(from)) / DAY);

  it('a saved word starts unreviewed (due now) and moves up 1, 2, 4, 8, 16 days; "again" sends it back to one day', async () => {
    const start = await api(learner, 'GET', '/me/word-reviews');
    expect(start.status).toBe(200);
    expect(start.body.items).toEqual(
      [ids['선거'], ids['투표소']].map((termId) => ({ termId, box: 0, nextReviewAt: null, reviewedAt: null })),
    );

    const seen: [number, number][] = [];
    for (let i = 0; i < 6; i++) {
      const r = await review(learner, ids['선거'], { known: true });
      expect(r.status).toBe(200);
      seen.push([r.body.box, daysUntil(r.body.nextReviewAt, r.body.reviewedAt)]);
    }
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 8],
      [5, 16],
      [5, 16],
    ]);
    const again = await review(learner, ids['선거'], { known: false });
    expect([again.body.box, daysUntil(again.body.nextReviewAt, again.body.reviewedAt)]).toEqual([1, 1]);

    // Another device reads the same state from the server.
    const list = (await api(learner, 'GET', '/me/word-reviews')).body.items;
    expect(list.find((x: { termId: string }) => x.termId === ids['선거'])).toMatchObject({ box: 1 });
    expect(list.find((x: { termId: string }) => x.termId === ids['투표소'])).toMatchObject({ box: 0 });
  });

  it('two reviews at once both count (each moves the box from the stored value)', async () => {
    const id = ids['투표소'];
    await Promise.all([review(learner, id, { known: true }), review(learner, id, { known: true })]);
    const list = (await api(learner, 'GET', '/me/word-reviews')).body.items;
    expect(list.find((x: { termId: string }) => x.termId === id)).toMatchObject({ box: 2 });
  });

  it('refuses bad input with a 400 naming the field, and a word not in the list (or someone else’s) with 404', async () => {
    const missing = await review(learner, ids['선거'], {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { path: string }) => f.path)).toContain('body.known');
    expect((await review(learner, ids['선거'], { known: 'yes' })).status).toBe(400);
    expect((await review(learner, ids['선거'], { known: true, box: 5 })).status).toBe(400);
    expect((await api(learner, 'POST', '/me/words/not-a-uuid/review', { known: true })).status).toBe(400);

    const notSaved = await review(other, ids['선거'], { known: true });
    const noSuchTerm = await review(other, randomUUID(), { known: true });
    expect([notSaved.status, noSuchTerm.status]).toEqual([404, 404]);
    expect({ ...notSaved.body, requestId: null }).toEqual({ ...noSuchTerm.body, requestId: null });
    // The other learner's attempt changed nothing of the first learner's.
    const mine = (await api(learner, 'GET', '/me/word-reviews')).body.items;
    expect(mine.find((x: { termId: string }) => x.termId === ids['선거'])).toMatchObject({ box: 1 });
    expect((await api(other, 'GET', '/me/word-reviews')).body.items).toEqual([]);
    expect((await api(null, 'GET', '/me/word-reviews')).status).toBe(401);
  });

  it('keeps the box in range in the database too', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    await expect(
      db.query(`UPDATE word_list SET review_box = 6 WHERE user_id = $1 AND term_id = $2`, [learner.id, ids['선거']]),
    ).rejects.toThrow(/chk_word_list_review_box/);
  });
});
