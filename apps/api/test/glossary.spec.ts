import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossaryService } from '../src/glossary/glossary.service.js';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };
const entry = (term: string, extra: Record<string, unknown> = {}) => ({
  term,
  northKorean: [],
  explanation: `${term}에 대한 쉬운 설명이에요.`,
  gloss: { en: `gloss of ${term}`, zh: `${term}的解释` },
  example: `${term}을 배워요.`,
  tags: ['civic'],
  related: [],
  ...extra,
});

describe('the glossary, word lists and word requests', () => {
  let t: TestApp;
  let learner: Who;
  let instructor: Who;
  let otherInstructor: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    [learner, instructor, otherInstructor] = await Promise.all([
      t.signedIn('learner'),
      t.signedIn('instructor'),
      t.signedIn('instructor'),
    ]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dari-gloss-')), 'terms.json');
    writeFileSync(
      file,
      JSON.stringify([
        entry('민주주의', { gloss: { en: 'democracy', zh: '民主主义' }, related: ['선거'] }),
        entry('선거', { gloss: { en: 'election', zh: '选举' } }),
        entry('아이스크림', {
          northKorean: ['에스키모'],
          gloss: { en: 'ice cream', zh: '冰淇淋' },
          tags: ['loanword', 'daily-life'],
        }),
        entry('투표소', { gloss: { en: 'polling station', zh: '投票站' } }),
      ]),
    );
    expect(await t.app.get(GlossaryService).seed(file)).toBe(4);
    expect(await t.app.get(GlossaryService).seed(file)).toBe(0);
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const terms = async (q: string) =>
    (await api(learner, 'GET', `/glossary?q=${encodeURIComponent(q)}`)).body.items.map((x: { term: string }) => x.term);

  it('finds a term by its South or North Korean form, its English or Chinese gloss, and by initial consonants', async () => {
    expect(await terms('민주')).toEqual(['민주주의']);
    expect(await terms('에스키모')).toEqual(['아이스크림']);
    expect(await terms('Polling')).toEqual(['투표소']);
    expect(await terms('选举')).toEqual(['선거']);
    expect(await terms('ㅁㅈㅈㅇ')).toEqual(['민주주의']);
    expect(await terms('ㅌㅍ')).toEqual(['투표소']);
    expect(await terms('%')).toEqual([]);
    expect(
      (await api(learner, 'GET', '/glossary?tag=loanword')).body.items.map((x: { term: string }) => x.term),
    ).toEqual(['아이스크림']);
    expect((await api(learner, 'GET', '/glossary?tag=nonsense')).status).toBe(400);
    const lookup = await api(learner, 'POST', '/glossary/lookup', { terms: ['선거', '없는 말', '투표소'] });
    expect(lookup.body.items.map((x: { term: string }) => x.term).sort()).toEqual(['선거', '투표소']);
  });

  it('combines a search with a tag, and pages through the terms in order with the same total', async () => {
    const list = async (query: string): Promise<{ items: { term: string }[]; total: number }> =>
      (await api(learner, 'GET', `/glossary?${query}`)).body;
    const names = (body: { items: { term: string }[] }) => body.items.map((x) => x.term);
    expect(names(await list(`q=${encodeURIComponent('아이스')}&tag=loanword`))).toEqual(['아이스크림']);
    expect(names(await list(`q=${encodeURIComponent('ㅇㅇㅅㅋㄹ')}&tag=daily-life`))).toEqual(['아이스크림']);
    expect(await list(`q=${encodeURIComponent('선거')}&tag=loanword`)).toMatchObject({ items: [], total: 0 });
    const all = await list('pageSize=100');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const paged: string[] = [];
    for (let page = 1; page <= all.total; page++) {
      const one = await list(`pageSize=1&page=${page}`);
      expect(one).toMatchObject({ total: all.total, page, pageSize: 1 });
      paged.push(...names(one));
    }
    expect(paged).toEqual(names(all));
    expect(await list(`pageSize=1&page=${all.total + 1}`)).toMatchObject({ items: [], total: all.total });
  });

  it('staff keep the glossary; learners read it; bad entries are clear 400s/409s', async () => {
    expect((await api(learner, 'POST', '/glossary', entry('헌법'))).status).toBe(403);
    const created = await api(instructor, 'POST', '/glossary', entry('헌법', { related: ['민주주의'] }));
    expect(created.status).toBe(201);
    expect(await terms('ㅎㅂ')).toEqual(['헌법']);
    expect((await api(instructor, 'POST', '/glossary', entry('헌법'))).status).toBe(409);
    const badRelated = await api(instructor, 'POST', '/glossary', entry('국회', { related: ['없는 말'] }));
    expect(badRelated.status).toBe(400);
    expect(badRelated.body.fields[0].path).toBe('body.related');
    expect((await api(instructor, 'POST', '/glossary', { ...entry('국회'), explanation: '' })).status).toBe(400);
    const patched = await api(instructor, 'PATCH', `/glossary/${created.body.id}`, {
      northKorean: [],
      explanation: '나라의 가장 높은 법이에요.',
    });
    expect(patched.body.explanation).toBe('나라의 가장 높은 법이에요.');
    expect((await api(instructor, 'DELETE', `/glossary/${created.body.id}`)).status).toBe(403);
    expect((await api(learner, 'PATCH', `/glossary/${created.body.id}`, { explanation: '바꿔 보기' })).status).toBe(
      403,
    );
    expect((await api(learner, 'GET', `/glossary/${randomUUID()}`)).status).toBe(404);
  });

  it('a learner keeps a word list', async () => {
    const [term] = (await api(learner, 'GET', '/glossary?q=선거')).body.items;
    expect(term.saved).toBe(false);
    expect((await api(learner, 'PUT', `/me/words/${term.id}`)).status).toBe(204);
    expect((await api(learner, 'PUT', `/me/words/${term.id}`)).status).toBe(204);
    expect(
      (await api(learner, 'GET', '/me/words')).body.items.map((x: { term: string; saved: boolean }) => [
        x.term,
        x.saved,
      ]),
    ).toEqual([['선거', true]]);
    expect((await api(learner, 'GET', `/glossary/${term.id}`)).body.saved).toBe(true);
    expect((await api(instructor, 'GET', `/glossary/${term.id}`)).body.saved).toBe(false);
    expect((await api(learner, 'PUT', `/me/words/${randomUUID()}`)).status).toBe(404);
    await api(learner, 'DELETE', `/me/words/${term.id}`);
    expect((await api(learner, 'GET', '/me/words')).body.items).toEqual([]);
  });

  it('a word request from a lesson reaches that course’s instructors; the answer lands in the learner’s word list', async () => {
    const slug = uniqueName('gl-').toLowerCase();
    let c = (await api(instructor, 'POST', '/authoring/courses', { slug, title: { ko: '용어' } })).body;
    c = (await api(instructor, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const lesson = (
      await api(instructor, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '읽기' },
      })
    ).body;
    await api(instructor, 'PATCH', `/authoring/lessons/${lesson.id}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '주민센터에 가요.' } },
    });
    await api(instructor, 'POST', `/authoring/courses/${c.id}/publish`);
    const notEnrolled = await api(learner, 'POST', '/word-requests', { text: '주민센터', lessonId: lesson.id });
    expect(notEnrolled.status).toBe(400);
    await api(learner, 'POST', `/courses/${slug}/enrol`, {});
    const asked = await api(learner, 'POST', '/word-requests', { text: ' 주민센터 ', lessonId: lesson.id });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ text: '주민센터', status: 'open', courseId: c.id, askedBy: null, term: null });
    // Asking again about the same word from the same lesson while it is open is not a second request,
    // also when the two asks arrive at once.
    const again = await Promise.all(
      [1, 2, 3].map(() => api(learner, 'POST', '/word-requests', { text: '주민센터', lessonId: lesson.id })),
    );
    expect(again.map((r) => [r.status, r.body.id])).toEqual([1, 2, 3].map(() => [200, asked.body.id]));
    // A different word, or the same word outside the lesson, is a request of its own.
    const outside = await api(learner, 'POST', '/word-requests', { text: '주민센터' });
    expect(outside.status).toBe(201);
    expect(outside.body.id).not.toBe(asked.body.id);
    expect(
      (await api(learner, 'GET', '/me/word-requests')).body.items.filter(
        (r: { text: string }) => r.text === '주민센터',
      ),
    ).toHaveLength(2);

    const mine = (await api(instructor, 'GET', '/word-requests?status=open')).body.items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    expect(mine.find((r: { id: string }) => r.id === asked.body.id).askedBy).toMatch(/^이름 /);
    expect(
      (await api(otherInstructor, 'GET', '/word-requests')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(asked.body.id);
    expect(
      (await api(otherInstructor, 'POST', `/word-requests/${asked.body.id}/answer`, { termId: randomUUID() })).status,
    ).toBe(404);
    expect((await api(learner, 'GET', '/word-requests')).status).toBe(403);

    const answered = await api(instructor, 'POST', `/word-requests/${asked.body.id}/answer`, {
      newTerm: entry('주민센터', { tags: ['civic', 'daily-life'] }),
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', term: { term: '주민센터' } });
    const myRequests = (await api(learner, 'GET', '/me/word-requests')).body.items;
    expect(myRequests.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({
      status: 'answered',
      term: { term: '주민센터', saved: true },
    });
    expect((await api(learner, 'GET', '/me/words')).body.items.map((x: { term: string }) => x.term)).toContain(
      '주민센터',
    );
    const both = await api(instructor, 'POST', `/word-requests/${asked.body.id}/answer`, {
      termId: randomUUID(),
      newTerm: entry('x'),
    });
    expect(both.status).toBe(400);
  });
});
