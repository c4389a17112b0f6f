import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { PRIVACY_NOTICE_VERSION, type Role } from '@dari/contracts';
import { TEST_PASSWORD, type Res, type TestApp, uniqueName } from './test-app.js';

/** Who calls: nobody, or the "A" person of each role. */
export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = ['anonymous', 'learner', 'instructor', 'manager', 'admin'];
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Who {
  id: string;
  username: string;
  cookie: string;
}

// A 1×1 PNG: real image bytes for the upload's type sniffing.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export function multipart(filename: string, bytes: Buffer, type = 'application/octet-stream', field = 'file') {
  const boundary = `----dari${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Course {
  id: string;
  slug: string;
  moduleId: string;
  readingId: string;
  reflectionId: string;
}

/**
 * Real objects in PostgreSQL, made through the API as their owners would, for the access matrix
 * and the payload corpus: everything of "A" (the callers) and the same of "B" (someone else).
 */
export class Fixtures {
  readonly actors = {} as Record<Role, Who>;
  learnerB!: Who;
  instructorB!: Who;
  managerB!: Who;
  courseA!: Course; // owned by instructor A, published, open; every caller completed it
  courseB!: Course; // owned by instructor B, published, open; learner B completed it
  cohortOnlyB!: Course; // instructor B's cohort-only course, assigned to cohort B
  draftB!: Course; // instructor B's never-published draft, with an uploaded file
  openD!: Course; // an open course callers enrol in and withdraw from
  assignable!: Course; // instructor B's open course that cohorts get assigned
  mediaA!: string;
  mediaDraftB!: string;
  cohortA!: string; // managed by manager A; learner A is in it
  cohortB!: string; // managed by manager B; learner B is in it
  termId!: string;
  wordRequestA!: string; // learner A's, on course A
  wordRequestB!: string; // learner B's, on course B
  questionA!: string; // learner A's, on course A, answered
  qaA!: string; // a published Q&A on course A
  qaB!: string; // a published Q&A on course B
  questionB!: string; // learner B's, on course B, answered
  enrolments = {} as Record<Role, string>;
  enrolmentB!: string;
  certificates = {} as Record<Role, { id: string; code: string }>;
  certificateB!: string;
  bundleZip!: Buffer;

  constructor(readonly t: TestApp) {}

  api(who: Who | null | undefined, method: Method, url: string, body?: unknown): Promise<Res> {
    return this.t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  }

  async ok(who: Who, method: Method, url: string, body?: unknown): Promise<Res> {
    const res = await this.api(who, method, url, body);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res;
  }

  async build(): Promise<this> {
    const roles: Role[] = ['learner', 'instructor', 'manager', 'admin'];
    const people = await Promise.all(
      [...roles, 'learner', 'instructor', 'manager'].map((r) => this.t.signedIn(r as Role)),
    );
    roles.forEach((r, i) => (this.actors[r] = people[i]));
    [this.learnerB, this.instructorB, this.managerB] = people.slice(4);
    const a = this.actors;

    [this.courseA, this.courseB, this.cohortOnlyB, this.draftB, this.openD, this.assignable] = await Promise.all([
      this.course(a.instructor),
      this.course(this.instructorB),
      this.course(this.instructorB, { policy: 'cohort' }),
      this.course(this.instructorB, { publish: false }),
      this.course(a.instructor),
      this.course(this.instructorB),
    ]);
    this.mediaA = await this.upload(a.instructor, this.courseA.id);
    this.mediaDraftB = await this.upload(this.instructorB, this.draftB.id);

    this.cohortA = await this.cohort(a.manager);
    this.cohortB = await this.cohort(this.managerB);
    await this.ok(a.manager, 'POST', `/cohorts/${this.cohortA}/members`, {
      members: [{ userId: a.learner.id, role: 'learner' }],
    });
    await this.ok(this.managerB, 'POST', `/cohorts/${this.cohortB}/members`, {
      members: [{ userId: this.learnerB.id, role: 'learner' }],
    });
    await this.ok(this.managerB, 'PUT', `/cohorts/${this.cohortB}/courses`, { courseId: this.cohortOnlyB.id });

    // Every caller completes course A (a certificate each); learner B completes course B only.
    for (const r of roles) {
      const { enrolment, certificate } = await this.complete(a[r], this.courseA);
      this.enrolments[r] = enrolment;
      this.certificates[r] = certificate;
    }
    const b = await this.complete(this.learnerB, this.courseB);
    this.enrolmentB = b.enrolment;
    this.certificateB = b.certificate.id;

    this.termId = (await this.ok(a.admin, 'POST', '/glossary', this.termBody())).body.id;
    this.wordRequestA = await this.freshWordRequest('own');
    this.wordRequestB = await this.freshWordRequest('other');
    this.questionA = await this.freshQuestion('own', true);
    this.questionB = await this.freshQuestion('other', true);
    this.qaA = await this.freshQa('own');
    this.qaB = await this.freshQa('other');
    const bundle = await this.t.app.inject({
      method: 'GET',
      url: `/api/v1/authoring/courses/${this.courseA.id}/bundle`,
      headers: { cookie: `dari_session=${a.instructor.cookie}` },
    });
    expect(bundle.statusCode).toBe(200);
    this.bundleZip = bundle.rawPayload;
    return this;
  }

  /** A course with one module, a required reading and an optional reflection; published unless told otherwise. */
  async course(owner: Who, opts: { policy?: 'open' | 'cohort'; publish?: boolean } = {}): Promise<Course> {
    const slug = uniqueName('am-').toLowerCase();
    let c = (
      await this.ok(owner, 'POST', '/authoring/courses', {
        slug,
        title: { ko: `과정 ${slug}` },
        enrolmentPolicy: opts.policy ?? 'open',
      })
    ).body;
    c = (await this.ok(owner, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const moduleId = c.modules[0].id as string;
    const reading = (
      await this.ok(owner, 'POST', `/authoring/modules/${moduleId}/lessons`, { kind: 'reading', title: { ko: '읽기' } })
    ).body.id as string;
    await this.ok(owner, 'PATCH', `/authoring/lessons/${reading}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '본문' } },
    });
    const reflection = (
      await this.ok(owner, 'POST', `/authoring/modules/${moduleId}/lessons`, {
        kind: 'reflection',
        title: { ko: '생각' },
      })
    ).body.id as string;
    await this.ok(owner, 'PATCH', `/authoring/lessons/${reflection}`, {
      revision: 0,
      required: false,
      content: { kind: 'reflection', prompt: { ko: '어땠나요?' } },
    });
    if (opts.publish !== false) await this.ok(owner, 'POST', `/authoring/courses/${c.id}/publish`);
    return { id: c.id, slug, moduleId, readingId: reading, reflectionId: reflection };
  }

  async upload(owner: Who, courseId: string, filename = 'map.png'): Promise<string> {
    const { payload, contentType } = multipart(filename, PNG, 'image/png');
    const res = await this.t.app.inject({
      method: 'POST',
      url: `/api/v1/authoring/courses/${courseId}/media`,
      headers: { cookie: `dari_session=${owner.cookie}`, 'x-dari-client': 'web', 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return JSON.parse(res.body).id;
  }

  async cohort(manager: Who): Promise<string> {
    return (
      await this.ok(manager, 'POST', '/cohorts', {
        name: `반 ${uniqueName()}`,
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
      })
    ).body.id;
  }

  event(lessonId: string, type: string, extra: Record<string, unknown> = {}) {
    return { id: randomUUID(), lessonId, type, occurredAt: new Date().toISOString(), ...extra };
  }

  /** Enrols, completes the reading, writes a shared reflection: an enrolment, a certificate and a journal entry. */
  async complete(who: Who, c: Course): Promise<{ enrolment: string; certificate: { id: string; code: string } }> {
    const enrolment = (await this.ok(who, 'POST', `/courses/${c.slug}/enrol`, {})).body.id as string;
    await this.ok(who, 'POST', '/progress/events', {
      events: [
        this.event(c.readingId, 'completed'),
        this.event(c.reflectionId, 'reflection_saved', { text: '좋았어요', shared: true }),
      ],
    });
    const cert =
      (await this.ok(who, 'GET', '/me/certificates')).body.items.find(
        (x: { courseId?: string; code: string }) => x.courseId === c.id,
      ) ?? (await this.ok(who, 'GET', '/me/certificates')).body.items[0];
    expect(cert, 'a certificate after completing').toBeDefined();
    return { enrolment, certificate: { id: cert.id, code: cert.code } };
  }

  termBody(term = uniqueName('낱말')) {
    return {
      term,
      northKorean: [],
      explanation: '뜻을 쉽게 풀어 쓴 설명입니다.',
      gloss: { en: 'a word', zh: '词' },
      example: '예문을 씁니다.',
      tags: ['daily-life'],
      related: [],
    };
  }

  // ---- fresh objects for cases that change or end what they touch ----

  /** A new account of that role, signed in (for sign-out, password change, erasure of oneself). */
  freshActor(role: Role): Promise<Who> {
    return this.t.signedIn(role);
  }

  /** A learner in cohort A (or B), enrolled in course A (or B). */
  async freshLearner(side: 'own' | 'other'): Promise<Who> {
    const who = await this.t.signedIn('learner');
    const [manager, cohort, course] =
      side === 'own' ? [this.actors.manager, this.cohortA, this.courseA] : [this.managerB, this.cohortB, this.courseB];
    await this.ok(manager, 'POST', `/cohorts/${cohort}/members`, { members: [{ userId: who.id, role: 'learner' }] });
    await this.ok(who, 'POST', `/courses/${course.slug}/enrol`, {});
    return who;
  }

  /** A draft course of instructor A (own) or B (other), with a module and a reading. */
  async freshCourse(side: 'own' | 'other'): Promise<Course> {
    return this.course(side === 'own' ? this.actors.instructor : this.instructorB, { publish: false });
  }

  async freshWordRequest(side: 'own' | 'other'): Promise<string> {
    const [who, course] = side === 'own' ? [this.actors.learner, this.courseA] : [this.learnerB, this.courseB];
    return (await this.ok(who, 'POST', '/word-requests', { text: uniqueName('낱말'), lessonId: course.readingId })).body
      .id;
  }

  /** Learner A's question on course A (own) or learner B's on course B (other); answered by its instructor when asked. */
  async freshQuestion(side: 'own' | 'other', answered = false): Promise<string> {
    const [who, course, teacher] =
      side === 'own'
        ? [this.actors.learner, this.courseA, this.actors.instructor]
        : [this.learnerB, this.courseB, this.instructorB];
    // The matrix and the payload corpus ask hundreds of questions as the same two learners: their earlier ones
    // count as yesterday's, so the day's limit (tested on its own in questions.spec.ts) never answers here.
    await this.t.db.query(
      `UPDATE lesson_questions SET created_at = created_at - interval '2 days' WHERE user_id = $1`,
      [who.id],
    );
    const id = (await this.ok(who, 'POST', `/lessons/${course.readingId}/questions`, { text: uniqueName('질문') })).body
      .id as string;
    if (answered) await this.ok(teacher, 'POST', `/questions/${id}/answer`, { answer: '답이에요.' });
    return id;
  }

  /** A published question and answer on course A (own) or course B (other), published by its instructor. */
  async freshQa(side: 'own' | 'other'): Promise<string> {
    const id = await this.freshQuestion(side, true);
    const teacher = side === 'own' ? this.actors.instructor : this.instructorB;
    return (await this.ok(teacher, 'POST', `/questions/${id}/publish`, { question: '다듬은 질문?', answer: '답.' }))
      .body.id as string;
  }

  async freshJoinCode(side: 'own' | 'other'): Promise<{ id: string; code: string }> {
    const [manager, cohort] = side === 'own' ? [this.actors.manager, this.cohortA] : [this.managerB, this.cohortB];
    const body = (await this.ok(manager, 'POST', `/cohorts/${cohort}/join-codes`, { maxUses: 1000 })).body;
    return { id: body.id, code: body.code };
  }

  /** A second session of that person; its id. */
  async freshSession(who: Who, username = who.username): Promise<string> {
    await this.t.login(username);
    const items: { id: string; current: boolean; createdAt: string }[] = (await this.ok(who, 'GET', '/me/sessions'))
      .body.items;
    return items.filter((s) => !s.current).sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0].id;
  }

  async resetCode(userId: string): Promise<string> {
    return (await this.ok(this.actors.admin, 'POST', `/admin/users/${userId}/reset-code`)).body.code;
  }

  joinBody(code: string) {
    const username = uniqueName('joiner');
    this.t.secrets.add(username);
    return {
      code,
      username,
      displayName: '새 친구',
      password: TEST_PASSWORD,
      locale: 'ko',
      acceptPrivacy: true,
      privacyVersion: PRIVACY_NOTICE_VERSION,
    };
  }

  async revision(table: 'courses' | 'lessons', id: string): Promise<number> {
    const [row] = await this.t.db.query(`SELECT revision FROM ${table} WHERE id = $1`, [id]);
    return row ? Number(row.revision) : 0;
  }
}

/** Every table that holds what people made (not sessions, throttles or the audit trail, which reads change). */
const CONTENT_TABLES_SQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
  AND table_name NOT IN ('sessions', 'login_throttle', 'audit_events', 'migrations', 'typeorm_metadata')`;

let tables: string[] | undefined;
async function contentTables(t: TestApp): Promise<string[]> {
  tables ??= (await t.db.query(CONTENT_TABLES_SQL)).map((r: { table_name: string }) => r.table_name);
  return tables!;
}

/** A fingerprint of every content row: equal before and after means nothing changed. */
export async function fingerprint(t: TestApp): Promise<string> {
  const parts = (await contentTables(t)).map(
    (n) => `SELECT '${n}' AS t, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM "${n}" x`,
  );
  const rows: { t: string; h: string }[] = await t.db.query(parts.join(' UNION ALL '));
  return rows
    .map((r) => `${r.t}:${r.h}`)
    .sort()
    .join('\n');
}

/** Row counts per content table, and the number of admins. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const parts = (await contentTables(t)).map((n) => `SELECT '${n}' AS t, count(*)::int AS n FROM "${n}"`);
  parts.push(`SELECT 'admins' AS t, count(*)::int AS n FROM users WHERE role = 'admin'`);
  const rows: { t: string; n: number }[] = await t.db.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Whether a text occurs verbatim in any content row. */
export async function storedVerbatim(t: TestApp, text: string): Promise<boolean> {
  const parts = (await contentTables(t)).map((n) => `SELECT 1 FROM "${n}" x WHERE strpos(x::text, $1) > 0`);
  const rows: unknown[] = await t.db.query(`SELECT EXISTS (${parts.join(' UNION ALL ')}) AS found`, [text]);
  return (rows[0] as { found: boolean }).found;
}
