import { starterCourseDirs } from '@dari/curriculum';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundlesService } from '../src/bundles/bundles.service.js';
import { CurriculumSeedService } from '../src/bundles/curriculum-seed.service.js';
import { TestApp, uniqueName } from './test-app.js';

// A 1×1 PNG and a tiny GIF: real image bytes for the type sniffing.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(field: string, filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = `----dari${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('media and bundles', () => {
  let t: TestApp;
  let owner: { id: string; cookie: string };
  let learner: { id: string; cookie: string };
  beforeAll(async () => {
    t = await TestApp.create();
    owner = await t.signedIn('instructor');
    learner = await t.signedIn('learner');
  });
  afterAll(() => t.close());

  const upload = (cookie: string, url: string, filename: string, bytes: Buffer, type?: string) => {
    const { payload, contentType } = multipart('file', filename, bytes, type);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: `dari_session=${cookie}`, 'x-dari-client': 'web', 'content-type': contentType },
      payload,
    });
  };
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, cookie = owner.cookie) =>
    t.request(method, `/api/v1${url}`, { cookie, body });

  async function course() {
    const c = (
      await api('POST', '/authoring/courses', { slug: uniqueName('media-').toLowerCase(), title: { ko: '미디어' } })
    ).body;
    return c.id as string;
  }

  it('accepts an image by its bytes, serves it with its type, and refuses other files clearly', async () => {
    const id = await course();
    const ok = await upload(owner.cookie, `/api/v1/authoring/courses/${id}/media`, '우리 교실 사진.PNG', PNG);
    expect(ok.statusCode, ok.body).toBe(201);
    const media = JSON.parse(ok.body);
    expect(media).toMatchObject({ contentType: 'image/png', size: PNG.length, filename: 'file.png' });
    const served = await t.app.inject({
      method: 'GET',
      url: media.url,
      headers: { cookie: `dari_session=${owner.cookie}` },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.rawPayload, PNG)).toBe(0);
    const range = await t.app.inject({
      method: 'GET',
      url: media.url,
      headers: { cookie: `dari_session=${owner.cookie}`, range: 'bytes=0-3' },
    });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.length).toBe(4);

    const svg = await upload(
      owner.cookie,
      `/api/v1/authoring/courses/${id}/media`,
      'x.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'image/svg+xml',
    );
    expect(svg.statusCode).toBe(400);
    expect(JSON.parse(svg.body).code).toBe('invalid_file');
    const lying = await upload(
      owner.cookie,
      `/api/v1/authoring/courses/${id}/media`,
      'photo.png',
      Buffer.from('MZ this is an exe'),
      'image/png',
    );
    expect(lying.statusCode).toBe(400);
    const big = await upload(
      owner.cookie,
      `/api/v1/authoring/courses/${id}/media`,
      'big.png',
      Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(JSON.parse(big.body).code).toBe('file_too_large');
    const none = await t.request('POST', `/api/v1/authoring/courses/${id}/media`, { cookie: owner.cookie, body: {} });
    expect(none.status).toBe(400);
    expect((await api('GET', `/authoring/courses/${id}/media`)).body.items).toHaveLength(1);
    // A learner cannot fetch a draft course's file, and gets the same answer as for a missing one.
    const hidden = await t.app.inject({
      method: 'GET',
      url: media.url,
      headers: { cookie: `dari_session=${learner.cookie}` },
    });
    expect(hidden.statusCode).toBe(404);
    expect((await upload(learner.cookie, `/api/v1/authoring/courses/${id}/media`, 'a.png', PNG)).statusCode).toBe(403);
  });

  it('exports a course with media as a bundle; export → import → export gives the same bytes', async () => {
    const id = await course();
    const media = JSON.parse(
      (await upload(owner.cookie, `/api/v1/authoring/courses/${id}/media`, 'map.png', PNG)).body,
    );
    let c = (await api('POST', `/authoring/courses/${id}/modules`, { title: { ko: '하나', en: 'One' } })).body;
    const reading = (
      await api('POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind: 'reading', title: { ko: '읽기' } })
    ).body;
    await api('PATCH', `/authoring/lessons/${reading.id}`, {
      revision: 0,
      content: {
        kind: 'reading',
        body: { ko: `지도예요.\n\n![지도](${media.url})\n\n> [!TIP]\n> [[투표소|투표하는 곳]]`, zh: '地图' },
      },
    });
    const mediaLesson = (
      await api('POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind: 'media', title: { ko: '영상' } })
    ).body;
    await api('PATCH', `/authoring/lessons/${mediaLesson.id}`, {
      revision: 0,
      content: {
        kind: 'media',
        mediaType: 'video',
        mediaId: null,
        url: 'https://video.example.org/a.mp4',
        transcript: { ko: '대본' },
      },
    });
    c = (await api('GET', `/authoring/courses/${id}`)).body;
    await api('PATCH', `/authoring/courses/${id}`, { revision: c.revision, coverMediaId: media.id });

    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authoring/courses/${id}/bundle`,
      headers: { cookie: `dari_session=${owner.cookie}` },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/zip');
    const files = unzipSync(first.rawPayload);
    const slug = c.slug;
    expect(Object.keys(files).sort()).toEqual(
      [
        `${slug}/course.json`,
        `${slug}/lessons/${reading.key}.ko.md`,
        `${slug}/lessons/${reading.key}.zh.md`,
        `${slug}/lessons/${mediaLesson.key}.ko.md`,
        `${slug}/lessons/${mediaLesson.key}.media.json`,
        `${slug}/media/map.png`,
      ].sort(),
    );
    expect(new TextDecoder().decode(files[`${slug}/lessons/${reading.key}.ko.md`])).toContain('![지도](media/map.png)');
    expect(JSON.parse(new TextDecoder().decode(files[`${slug}/course.json`])).cover).toBe('media/map.png');

    const newSlug = uniqueName('imported-').toLowerCase();
    const { payload, contentType } = multipart('file', 'bundle.zip', first.rawPayload, 'application/zip');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authoring/courses/import?slug=${newSlug}`,
      headers: { cookie: `dari_session=${owner.cookie}`, 'x-dari-client': 'web', 'content-type': contentType },
      payload,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const copy = JSON.parse(imported.body);
    expect(copy.modules[0].lessons.map((l: { key: string }) => l.key)).toEqual([reading.key, mediaLesson.key]);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authoring/courses/${copy.id}/bundle`,
      headers: { cookie: `dari_session=${owner.cookie}` },
    });
    // Same bytes, apart from the slug we chose for the copy.
    const renamed = Object.fromEntries(
      Object.entries(files).map(([p, b]) => [
        p.replace(slug, newSlug),
        p.endsWith('course.json')
          ? strToU8(new TextDecoder().decode(b).replace(`"slug": "${slug}"`, `"slug": "${newSlug}"`))
          : b,
      ]),
    );
    const secondFiles = unzipSync(second.rawPayload);
    expect(Object.keys(secondFiles).sort()).toEqual(Object.keys(renamed).sort());
    for (const p of Object.keys(renamed))
      expect(Buffer.compare(Buffer.from(secondFiles[p]), Buffer.from(renamed[p])), p).toBe(0);
  });

  it('imports a bundle back onto the server it came from under a new address name it offers', async () => {
    const id = await course();
    const withModule = (await api('POST', `/authoring/courses/${id}/modules`, { title: { ko: '모듈' } })).body;
    await api('POST', `/authoring/modules/${withModule.modules[0].id}/lessons`, {
      kind: 'reading',
      title: { ko: '읽기' },
    });
    const slug = withModule.slug as string;
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authoring/courses/${id}/bundle`,
      headers: { cookie: `dari_session=${owner.cookie}` },
    });
    expect(exported.statusCode).toBe(200);
    const send = (query = '') => {
      const { payload, contentType } = multipart('file', 'bundle.zip', exported.rawPayload, 'application/zip');
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/authoring/courses/import${query}`,
        headers: { cookie: `dari_session=${owner.cookie}`, 'x-dari-client': 'web', 'content-type': contentType },
        payload,
      });
    };
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM courses`))[0].n;
    const taken = await send();
    expect(taken.statusCode, taken.body).toBe(409);
    const body = JSON.parse(taken.body);
    expect(body).toMatchObject({
      code: 'slug_taken',
      suggestedSlug: `${slug}-2`,
      fields: [{ path: 'query.slug', message: 'is already taken' }],
    });
    expect(body.message).toContain(`${slug}-2`);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM courses`))[0].n).toBe(before);
    // Under the offered name it goes in; the next offer skips the name now in use.
    const imported = await send(`?slug=${body.suggestedSlug}`);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(JSON.parse(imported.body).slug).toBe(`${slug}-2`);
    expect(JSON.parse((await send()).body).suggestedSlug).toBe(`${slug}-3`);
    expect(JSON.parse((await send(`?slug=${slug}-2`)).body).suggestedSlug).toBe(`${slug}-3`);
    // Creating a course under a taken name gets the same offer.
    const dup = await api('POST', '/authoring/courses', { slug, title: { ko: '같은 주소' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'slug_taken', suggestedSlug: `${slug}-3` });
  });

  it('refuses broken bundles with a 400 that names the file, and creates nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM courses`))[0].n;
    const send = (zip: Uint8Array) => {
      const { payload, contentType } = multipart('file', 'bundle.zip', Buffer.from(zip), 'application/zip');
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/authoring/courses/import',
        headers: { cookie: `dari_session=${owner.cookie}`, 'x-dari-client': 'web', 'content-type': contentType },
        payload,
      });
    };
    const notZip = await send(strToU8('hello'));
    expect(notZip.statusCode).toBe(400);
    expect(JSON.parse(notZip.body).code).toBe('invalid_bundle');
    const noManifest = await send(zipSync({ 'x/readme.md': strToU8('hi') }));
    expect(JSON.parse(noManifest.body).message).toMatch(/course\.json/);
    const manifest = {
      format: 'dari-course-bundle',
      formatVersion: 1,
      slug: uniqueName('broken-').toLowerCase(),
      language: 'ko',
      title: { ko: '깨진 과정' },
      summary: { ko: '요약' },
      tags: [],
      estimatedMinutes: 5,
      enrolmentPolicy: 'open',
      sequential: false,
      cover: null,
      modules: [
        {
          key: 'm1',
          title: { ko: '모듈' },
          lessons: [
            { key: 'l1', kind: 'quiz', title: { ko: '퀴즈' }, required: true, estimatedMinutes: 5, contentNote: null },
          ],
        },
      ],
    };
    const missingQuiz = await send(zipSync({ 'b/course.json': strToU8(JSON.stringify(manifest)) }));
    expect(missingQuiz.statusCode).toBe(400);
    expect(JSON.parse(missingQuiz.body).fields[0].path).toBe('lessons/l1.quiz.json');
    const badQuiz = await send(
      zipSync({
        'b/course.json': strToU8(JSON.stringify(manifest)),
        'b/lessons/l1.quiz.json': strToU8('{"passMark": 500, "shuffle": false, "questions": []}'),
      }),
    );
    expect(JSON.parse(badQuiz.body).fields[0].path).toMatch(/^lessons\/l1\.quiz\.json\./);
    const badVersion = await send(
      zipSync({ 'b/course.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 99 })) }),
    );
    expect(JSON.parse(badVersion.body).fields[0].path).toBe('course.json.formatVersion');
    const traversal = await send(
      zipSync({ 'b/course.json': strToU8(JSON.stringify(manifest)), 'b/../../etc/x': strToU8('x') }),
    );
    expect(traversal.statusCode).toBe(400);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM courses`))[0].n).toBe(before);
  });
});

describe('the starter curriculum', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('loads and publishes every starter course into an empty database, once', async () => {
    const instructor = await t.createUser('instructor', { username: 'demo.instructor' });
    const loaded = await t.app.get(CurriculumSeedService).run();
    expect(loaded.sort()).toEqual([
      'democracy-and-citizenship',
      'human-rights-basics',
      'my-rights-and-support',
      'rights-in-everyday-life',
    ]);
    expect(await t.app.get(CurriculumSeedService).run()).toEqual([]);
    const learner = await t.signedIn('learner');
    const catalog = (await t.request('GET', '/api/v1/courses', { cookie: learner.cookie })).body.items;
    expect(catalog).toHaveLength(4);
    for (const c of catalog) expect(c.lessonCount).toBeGreaterThanOrEqual(13);
    const owners = await t.db.query(`SELECT DISTINCT owner_id FROM courses`);
    expect(owners).toEqual([{ owner_id: instructor.id }]);
  });

  it('each starter course round-trips: its bundle folder → import → export gives the same files', async () => {
    const bundles = t.app.get(BundlesService);
    for (const dir of starterCourseDirs()) {
      const original = await bundles.readFolder(dir);
      const slug = JSON.parse(new TextDecoder().decode(original.get('course.json'))).slug as string;
      const rows = await t.db.query(`SELECT id FROM courses WHERE slug = $1`, [slug]);
      const admin = await t.signedIn('admin');
      const exported = await t.app.inject({
        method: 'GET',
        url: `/api/v1/authoring/courses/${rows[0].id}/bundle`,
        headers: { cookie: `dari_session=${admin.cookie}` },
      });
      const files = unzipSync(exported.rawPayload);
      const paths = Object.keys(files)
        .map((p) => p.slice(slug.length + 1))
        .sort();
      expect(paths, slug).toEqual([...original.keys()].sort());
      for (const p of paths)
        expect(new TextDecoder().decode(files[`${slug}/${p}`]), `${slug}/${p}`).toBe(
          new TextDecoder().decode(original.get(p)),
        );
    }
  });
});
