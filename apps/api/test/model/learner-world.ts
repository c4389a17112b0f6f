/**
 * The real side of the model test: a fresh world (three courses, two instructors, a manager with
 * two cohorts, learners with two devices each) made through the API, the commands that act on it,
 * and `verify`, which compares every read a person would see with the model.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '@dari/contracts';
import { TestApp, TEST_PASSWORD, uniqueName, type Res } from '../test-app.js';
import {
  applyEvent,
  enrol,
  expectedCoursePage,
  expectedCourseReport,
  expectedEnrolment,
  expectedGridCell,
  expectedMyLearning,
  inCohortWith,
  recompute,
  visible,
  type Due,
  type MCohort,
  type MCourse,
  type MLearner,
  type MLesson,
  type Model,
  type SentEvent,
} from './learner-model.js';

export interface Real {
  t: TestApp;
  instructors: { id: string; cookie: string }[];
  manager: { id: string; cookie: string };
  /** The client address of this run (every run its own, so per-address limits never mix runs). */
  ip: string;
  terms: string[];
  /** Logical clock: every event happens a little after the previous one, offline ones a day earlier. */
  clock: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (r: Real, cookie: string | undefined, method: Method, url: string, body?: unknown): Promise<Res> =>
  r.t.request(method, `/api/v1${url}`, { cookie, body, remoteAddress: r.ip });
const ok = (res: Res, what: string, status = [200, 201, 204]) => {
  expect(status, `${what}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body;
};

const QUIZ = {
  kind: 'quiz',
  passMark: 50,
  shuffle: false,
  questions: [
    {
      key: 'q1',
      type: 'single',
      prompt: { ko: '어느 것?' },
      explanation: { ko: '설명' },
      options: [
        { key: 'a', text: { ko: '맞음' }, correct: true },
        { key: 'b', text: { ko: '틀림' }, correct: false },
      ],
    },
    { key: 'q2', type: 'true_false', prompt: { ko: '맞나요?' }, explanation: { ko: '설명' }, answer: true },
  ],
};
/** Answers that score 0, 50 or 100. */
const ANSWERS = { 0: { q1: ['b'], q2: false }, 50: { q1: ['a'], q2: false }, 100: { q1: ['a'], q2: true } } as const;

interface LessonSpec {
  kind: MLesson['kind'];
  required?: boolean;
  contentNote?: boolean;
}
const CONTENT = (kind: MLesson['kind']) =>
  kind === 'quiz'
    ? QUIZ
    : kind === 'reflection'
      ? { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } }
      : { kind: 'reading', body: { ko: '본문이에요.' } };

async function addLesson(r: Real, owner: string, moduleId: string, spec: LessonSpec, n: number): Promise<MLesson> {
  const title = `${spec.kind}-${n}`;
  const l = ok(
    await call(r, owner, 'POST', `/authoring/modules/${moduleId}/lessons`, { kind: spec.kind, title: { ko: title } }),
    'add lesson',
  );
  const patch: Record<string, unknown> = { revision: 0, required: spec.required ?? true, content: CONTENT(spec.kind) };
  if (spec.contentNote) patch.contentNote = { ko: '힘들면 건너뛰어도 돼요.' };
  ok(await call(r, owner, 'PATCH', `/authoring/lessons/${l.id}`, patch), 'edit lesson');
  return { id: l.id, title, kind: spec.kind, required: spec.required ?? true, contentNote: spec.contentNote ?? false };
}

async function publish(r: Real, owner: string, courseId: string): Promise<number> {
  const v = ok(await call(r, owner, 'POST', `/authoring/courses/${courseId}/publish`), 'publish');
  return v.version as number;
}

async function makeCourse(
  r: Real,
  key: string,
  owner: number,
  policy: MCourse['policy'],
  sequential: boolean,
  lessons: LessonSpec[],
): Promise<MCourse & { moduleId: string }> {
  const cookie = r.instructors[owner].cookie;
  const slug = uniqueName(`model-${key.toLowerCase()}-`).toLowerCase();
  let c = ok(
    await call(r, cookie, 'POST', '/authoring/courses', { slug, title: { ko: `과정 ${key}` } }),
    'create course',
  );
  c = ok(await call(r, cookie, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } }), 'add module');
  const moduleId = c.modules[0].id as string;
  const made: MLesson[] = [];
  for (const [i, spec] of lessons.entries()) made.push(await addLesson(r, cookie, moduleId, spec, i + 1));
  c = ok(await call(r, cookie, 'GET', `/authoring/courses/${c.id}`), 'read course');
  const code = policy === 'code' ? `CODE-${slug.slice(-6).toUpperCase()}` : null;
  ok(
    await call(r, cookie, 'PATCH', `/authoring/courses/${c.id}`, {
      revision: c.revision,
      sequential,
      enrolmentPolicy: policy,
      ...(code ? { courseCode: code } : {}),
    }),
    'course settings',
  );
  const version = await publish(r, cookie, c.id);
  return { key, id: c.id, slug, policy, code, sequential, owner, version, lessons: made, moduleId };
}

export type World = { model: Model; real: Real };

let runNo = 0;
/** A new world on the shared app: nothing of another run is visible to it (new courses, people, cohorts). */
export async function newWorld(t: TestApp, terms: string[]): Promise<World> {
  runNo += 1;
  const r: Real = {
    t,
    instructors: [],
    manager: undefined as never,
    ip: `10.${(runNo >> 16) & 255}.${(runNo >> 8) & 255}.${runNo & 255}`,
    terms,
    clock: Date.now() - 2 * 86_400_000,
  };
  const signIn = async (role: 'instructor' | 'manager') => {
    const u = await t.createUser(role);
    return { id: u.id, cookie: await login(r, u.username) };
  };
  r.instructors.push(await signIn('instructor'), await signIn('instructor'));
  r.manager = await signIn('manager');
  const courses = [
    // A: open; a content-noted quiz (skippable, but a skip does not pass it); an optional reflection.
    await makeCourse(r, 'A', 0, 'open', false, [
      { kind: 'reading' },
      { kind: 'reading', contentNote: true },
      { kind: 'quiz', contentNote: true },
      { kind: 'reflection', required: false },
    ]),
    // B: needs the course code; sequential.
    await makeCourse(r, 'B', 0, 'code', true, [
      { kind: 'reading' },
      { kind: 'quiz' },
      { kind: 'reading', contentNote: true },
    ]),
    // C: only through a cohort; another instructor's.
    await makeCourse(r, 'C', 1, 'cohort', false, [
      { kind: 'reading' },
      { kind: 'reading', required: false },
      { kind: 'quiz' },
    ]),
  ];
  const cohorts: MCohort[] = [];
  for (const key of ['K1', 'K2']) {
    const name = `${key} ${uniqueName()}`;
    const k = ok(await call(r, r.manager.cookie, 'POST', '/cohorts', { name }), 'create cohort');
    const code = ok(await call(r, r.manager.cookie, 'POST', `/cohorts/${k.id}/join-codes`, {}), 'join code');
    cohorts.push({ key, id: k.id, name, joinCode: code.code, learners: new Set(), courses: new Map() });
  }
  const model: Model = { courses, cohorts, learners: [], seq: 0 };
  for (let i = 0; i < 3; i++) {
    const u = await t.createUser('learner', { displayName: `학습자 ${i + 1} ${uniqueName()}` });
    model.learners.push(
      newLearner(`L${i + 1}`, u.id, u.username, `학습자 ${i + 1}`, [
        await login(r, u.username),
        await login(r, u.username),
      ]),
    );
  }
  // createUser made the display name from the options; read it back for the grid.
  for (const l of model.learners)
    l.displayName = (await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [l.id]))[0].display_name;
  return { model, real: r };
}

const newLearner = (name: string, id: string, username: string, displayName: string, cookies: string[]): MLearner => ({
  name,
  id,
  username,
  displayName,
  cookies,
  erased: false,
  enrolments: new Map(),
  progress: new Map(),
  certificates: new Set(),
  recorded: new Set(),
  sent: [],
  words: new Set(),
});

async function login(r: Real, username: string): Promise<string> {
  const res = await call(r, undefined, 'POST', '/auth/login', { username, password: TEST_PASSWORD });
  ok(res, 'login', [200]);
  return res.cookie!;
}

// ---- verification: every read a person would see ----

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

function enrolmentView(e: Record<string, unknown> | null) {
  if (!e) return null;
  return {
    id: e.id,
    courseId: e.courseId,
    slug: e.slug,
    status: e.status,
    percent: e.percent,
    next: e.next,
    hasCertificate: e.certificateCode !== null,
  };
}

export async function verify(model: Model, r: Real): Promise<void> {
  for (const [i, learner] of model.learners.entries()) {
    const cookie = learner.cookies[0];
    if (learner.erased) {
      expect(
        (await call(r, cookie, 'GET', '/me/learning')).status,
        `${learner.name} was erased: the old session is gone`,
      ).toBe(401);
      continue;
    }
    // The course page of every course, joined or not.
    for (const c of model.courses) {
      const want = expectedCoursePage(model, i, c);
      const res = await call(r, cookie, 'GET', `/courses/${c.slug}/progress`);
      if (want === 'not_found') {
        expect(res.status, `${learner.name} opens course ${c.key}'s page`).toBe(404);
        continue;
      }
      expect(res.status, `${learner.name} opens course ${c.key}'s page: ${JSON.stringify(res.body)}`).toBe(200);
      expect(
        { version: res.body.version, enrolment: enrolmentView(res.body.enrolment), lessons: res.body.lessons },
        `${learner.name}: course ${c.key}'s page`,
      ).toEqual(want);
    }
    // My learning, with where Continue goes, most recently active first.
    const mine = ok(await call(r, cookie, 'GET', '/me/learning'), 'my learning').items as Record<string, unknown>[];
    expect(
      sortBy(mine.map(enrolmentView), (e) => String(e!.courseId)),
      `${learner.name}: My learning`,
    ).toEqual(sortBy(expectedMyLearning(model, learner), (e) => e.courseId));
    const order = (courseId: unknown) => {
      const c = model.courses.find((x) => x.id === courseId)!;
      const e = learner.enrolments.get(c.key)!;
      return [e.lastActivity ?? -Infinity, e.enrolledSeq] as const;
    };
    for (let k = 1; k < mine.length; k++) {
      const [a, b] = [order(mine[k - 1].courseId), order(mine[k].courseId)];
      if (a[0] !== b[0])
        expect(a[0] > b[0], `${learner.name}: My learning puts the most recently active course first`).toBe(true);
      else if (a[0] === -Infinity && a[1] !== b[1])
        expect(a[1] > b[1], `${learner.name}: My learning puts the most recently joined course first`).toBe(true);
    }
    // The catalogue: what the learner may see.
    const catalog = ok(await call(r, cookie, 'GET', '/courses'), 'catalog').items as {
      slug: string;
      version: number;
      lessonCount: number;
    }[];
    expect(
      sortBy(
        catalog.filter((x) => model.courses.some((c) => c.slug === x.slug)),
        (x) => x.slug,
      ),
      `${learner.name}: catalogue`,
    ).toEqual(
      sortBy(
        model.courses
          .filter((c) => visible(model, i, c))
          .map((c) => ({ slug: c.slug, version: c.version, lessonCount: c.lessons.length })),
        (x) => x.slug,
      ).map((x) => expect.objectContaining(x)),
    );
    // Certificates.
    const certs = ok(await call(r, cookie, 'GET', '/me/certificates'), 'certificates').items as {
      courseTitle: { ko: string };
      valid: boolean;
    }[];
    expect(certs.map((x) => x.courseTitle.ko).sort(), `${learner.name}: certificates`).toEqual(
      [...learner.certificates].map((k) => `과정 ${k}`).sort(),
    );
    // Word list.
    const words = ok(await call(r, cookie, 'GET', '/me/words'), 'words').items as { id: string }[];
    expect(words.map((w) => w.id).sort(), `${learner.name}: word list`).toEqual([...learner.words].sort());
  }

  // The manager's cohort grids.
  for (const k of model.cohorts) {
    const grid = ok(await call(r, r.manager.cookie, 'GET', `/reports/cohorts/${k.id}?pageSize=100`), 'cohort grid');
    const courses = model.courses.filter((c) => k.courses.has(c.key));
    expect(
      sortBy(
        grid.courses.map((c: { courseId: string }) => c.courseId),
        String,
      ),
      `${k.key}: the grid's courses`,
    ).toEqual(
      sortBy(
        courses.map((c) => c.id),
        String,
      ),
    );
    const rows = [...k.learners].map((i) => {
      const l = model.learners[i];
      return {
        userId: l.id,
        displayName: l.erased ? '(erased)' : l.displayName,
        atRisk: courses.some((c) => k.courses.get(c.key) === 'past' && l.enrolments.get(c.key)?.status === 'active'),
        cells: sortBy(
          courses.map((c) => expectedGridCell(model, k, i, c)),
          (x) => x.courseId,
        ),
      };
    });
    const got = (
      grid.learners as { userId: string; displayName: string; atRisk: boolean; cells: { courseId: string }[] }[]
    ).map((x) => ({
      userId: x.userId,
      displayName: x.displayName,
      atRisk: x.atRisk,
      cells: sortBy(x.cells, (c) => c.courseId),
    }));
    expect(
      sortBy(got, (x) => x.userId),
      `${k.key}: the cohort grid`,
    ).toEqual(sortBy(rows, (x) => x.userId));
    expect(grid.total, `${k.key}: the grid's total`).toBe(k.learners.size);
  }

  // Each course's report and funnel, as its instructor sees it.
  for (const c of model.courses) {
    const rep = ok(await call(r, r.instructors[c.owner].cookie, 'GET', `/reports/courses/${c.id}`), 'course report');
    expect(
      {
        enrolments: rep.enrolments,
        completions: rep.completions,
        lessons: rep.lessons.map((l: { lessonId: string; started: number; completed: number }) => ({
          lessonId: l.lessonId,
          started: l.started,
          completed: l.completed,
        })),
      },
      `course ${c.key}'s report`,
    ).toEqual(expectedCourseReport(model, c));
  }
}

/** The learner's own export: their enrolments, progress, certificates and words. */
export async function verifyExport(model: Model, r: Real, i: number): Promise<void> {
  const learner = model.learners[i];
  if (learner.erased) return;
  const data = ok(await call(r, learner.cookies[1], 'GET', '/me/export'), 'export');
  const enrolments = (data.enrolments as { courseId: string; status: string; percent: number }[]).map((e) => ({
    courseId: e.courseId,
    status: e.status,
    percent: e.percent,
  }));
  const want = model.courses.flatMap((c) => {
    const e = learner.enrolments.get(c.key);
    return e ? [{ courseId: c.id, status: e.status, percent: e.percent }] : [];
  });
  expect(
    sortBy(enrolments, (e) => e.courseId),
    `${learner.name}: export, enrolments`,
  ).toEqual(sortBy(want, (e) => e.courseId));
  const progress = (data.lessonProgress as { lessonId: string; status: string }[]).map((p) => ({
    lessonId: p.lessonId,
    status: p.status,
  }));
  expect(
    sortBy(progress, (p) => p.lessonId),
    `${learner.name}: export, lesson progress`,
  ).toEqual(
    sortBy(
      [...learner.progress].map(([lessonId, s]) => ({ lessonId, status: s.status })),
      (p) => p.lessonId,
    ),
  );
  expect((data.certificates as unknown[]).length, `${learner.name}: export, certificates`).toBe(
    learner.certificates.size,
  );
  expect((data.wordList as unknown[]).length, `${learner.name}: export, word list`).toBe(learner.words.size);
  expect((data.cohorts as { name: string }[]).map((x) => x.name).sort(), `${learner.name}: export, cohorts`).toEqual(
    model.cohorts
      .filter((k) => k.learners.has(i))
      .map((k) => k.name)
      .sort(),
  );
}

// ---- commands ----

type Cmd = fc.AsyncCommand<Model, Real>;
/** Learner indexes are taken modulo the learners there are, so few generated steps are wasted. */
const who = (m: Readonly<Model>, l: number) => l % m.learners.length;
const alive = (m: Readonly<Model>, l: number) => !m.learners[who(m, l)].erased;
const course = (m: Model, c: number) => m.courses[c % m.courses.length];

/** Runs the command's own steps, then checks the whole world against the model. */
abstract class Step implements Cmd {
  abstract check(m: Readonly<Model>): boolean;
  abstract act(m: Model, r: Real): Promise<void>;
  /** The learner whose export is read after this step (besides everyone's reads). */
  exportOf(_m: Model): number | null {
    return null;
  }
  /** The learner this step acted for, as counterexamples print it (learner indexes wrap around). */
  protected L = 'L?';
  async run(m: Model, r: Real): Promise<void> {
    m.seq += 1;
    const l = (this as unknown as { l?: number }).l;
    if (l !== undefined) this.L = m.learners[who(m, l)].name;
    await this.act(m, r);
    await verify(m, r);
    const exported = this.exportOf(m);
    if (exported !== null) await verifyExport(m, r, exported);
  }
  abstract toString(): string;
}

class Enrol extends Step {
  constructor(
    readonly l: number,
    readonly c: number,
    readonly withCode: boolean,
    readonly device: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l);
  async act(m: Model, r: Real) {
    const learner = m.learners[who(m, this.l)];
    const c = course(m, this.c);
    const res = await call(
      r,
      learner.cookies[this.device],
      'POST',
      `/courses/${c.slug}/enrol`,
      this.withCode && c.code ? { code: c.code } : {},
    );
    if (!visible(m, who(m, this.l), c)) {
      expect(res.status, `${this.toString()}: a course the learner cannot see`).toBe(404);
      return;
    }
    if (c.policy === 'code' && !this.withCode && !inCohortWith(m, who(m, this.l), c)) {
      // Outside a cohort that has the course, the code is asked for every time.
      expect(res.status, `${this.toString()}: without the course code`).toBe(400);
      return;
    }
    ok(res, String(this), [200]);
    enrol(m, who(m, this.l), c, res.body.id, false);
    expect(res.body.id, `${this.toString()}: the enrolment's id`).toBe(learner.enrolments.get(c.key)!.id);
    expect(enrolmentView(res.body), `${this.toString()}: the answer`).toEqual(expectedEnrolment(m, learner, c));
  }
  override exportOf = (m: Model) => who(m, this.l);
  toString = () => `enrol(${this.L}, ${'ABC'[this.c]}${this.withCode ? ', with code' : ''}, device ${this.device + 1})`;
}

class Withdraw extends Step {
  picked = '?';
  constructor(
    readonly l: number,
    readonly c: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l) && m.learners[who(m, this.l)].enrolments.size > 0;
  async act(m: Model, r: Real) {
    const learner = m.learners[who(m, this.l)];
    // One of the learner's own enrolments (the c-th, modulo how many there are).
    const mine = m.courses.filter((x) => learner.enrolments.has(x.key));
    const c = mine[this.c % mine.length];
    this.picked = c.key;
    const e = learner.enrolments.get(c.key)!;
    const res = await call(r, learner.cookies[0], 'POST', `/enrolments/${e.id}/withdraw`);
    ok(res, String(this), [200, 201]);
    if (e.status === 'active') e.status = 'withdrawn';
    expect(enrolmentView(res.body), `${this.toString()}: the answer`).toEqual(expectedEnrolment(m, learner, c));
  }
  toString = () => `withdraw(${this.L}, from ${this.picked})`;
}

type EventSpec = { lesson: number; type: SentEvent['type']; late: boolean; repeat: boolean };
class Events extends Step {
  private said: string[] = [];
  constructor(
    readonly l: number,
    readonly c: number,
    readonly events: EventSpec[],
    readonly device: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l);
  async act(m: Model, r: Real) {
    const c = course(m, this.c);
    const batch: SentEvent[] = [];
    this.said = [];
    for (const spec of this.events) {
      if (spec.repeat && batch.length) {
        batch.push(batch[batch.length - 1]); // the same event twice in one batch
        this.said.push('the same again');
        continue;
      }
      r.clock += 1000;
      const lesson = c.lessons[spec.lesson % c.lessons.length];
      this.said.push(`${spec.type} ${c.key}/${lesson.title}${spec.late ? ' (offline, a day ago)' : ''}`);
      const ev: SentEvent = {
        id: randomUUID(),
        lessonId: lesson.id,
        type: spec.type,
        occurredAt: spec.late ? r.clock - 86_400_000 : r.clock,
      };
      if (spec.type === 'position') ev.position = 10 * spec.lesson + 7;
      if (spec.type === 'time_spent') ev.seconds = 30;
      if (spec.type === 'quiz_submitted') ev.score = ([0, 50, 100] as const)[spec.lesson % 3];
      batch.push(ev);
    }
    await sendBatch(m, r, who(m, this.l), batch, this.device, String(this));
  }
  override exportOf = (m: Model) => who(m, this.l);
  toString = () =>
    `events(${this.L}, device ${this.device + 1}: ${this.said.join(', ') || `${this.events.length} in ${'ABC'[this.c]}`})`;
}

/** Sends events as the phone does and checks each answer against the model. */
async function sendBatch(m: Model, r: Real, l: number, batch: SentEvent[], device: number, what: string) {
  const learner = m.learners[l];
  const body = {
    events: batch.map((ev) => ({
      id: ev.id,
      lessonId: ev.lessonId,
      type: ev.type,
      occurredAt: new Date(ev.occurredAt).toISOString(),
      ...(ev.type === 'position' ? { position: ev.position } : {}),
      ...(ev.type === 'time_spent' ? { seconds: ev.seconds } : {}),
      ...(ev.type === 'quiz_submitted' ? { answers: ANSWERS[ev.score!] } : {}),
      ...(ev.type === 'reflection_saved' ? { text: '생각했어요', shared: false } : {}),
    })),
  };
  const res = await call(r, learner.cookies[device], 'POST', '/progress/events', body);
  ok(res, what, [200]);
  const want = batch.map((ev) => applyEvent(m, l, ev));
  learner.sent.push(...batch);
  expect(
    res.body.results.map((x: { status: string; reason?: string }) =>
      x.status === 'rejected' ? { status: x.status, reason: x.reason } : { status: x.status },
    ),
    `${what}: each event's answer`,
  ).toEqual(want);
}

class Replay extends Step {
  constructor(
    readonly l: number,
    readonly k: number,
    readonly n: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l) && m.learners[who(m, this.l)].sent.length > 0;
  async act(m: Model, r: Real) {
    const sent = m.learners[who(m, this.l)].sent;
    const from = this.k % sent.length;
    await sendBatch(m, r, who(m, this.l), sent.slice(from, from + this.n), 1, String(this));
  }
  toString = () => `replay(${this.L}: ${this.n} sent events from #${this.k}, again, as a phone back online)`;
}

class Cohort extends Step {
  constructor(
    readonly l: number,
    readonly k: number,
    readonly add: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l);
  async act(m: Model, r: Real) {
    const k = m.cohorts[this.k];
    const learner = m.learners[who(m, this.l)];
    if (this.add) {
      ok(
        await call(r, r.manager.cookie, 'POST', `/cohorts/${k.id}/members`, {
          members: [{ userId: learner.id, role: 'learner' }],
        }),
        String(this),
      );
      k.learners.add(who(m, this.l));
      await enrolThroughCohort(m, r, k, [who(m, this.l)]);
    } else {
      const res = await call(r, r.manager.cookie, 'DELETE', `/cohorts/${k.id}/members/${learner.id}`);
      if (!k.learners.has(who(m, this.l))) {
        expect(res.status, `${this.toString()}: not a member`).toBe(404);
        return;
      }
      ok(res, String(this));
      k.learners.delete(who(m, this.l));
    }
  }
  override exportOf = (m: Model) => who(m, this.l);
  toString = () => `${this.add ? 'add' : 'remove'}(${this.L}, cohort K${this.k + 1})`;
}

/** A cohort's learners get its courses; enrolments they already have are left as they are. */
async function enrolThroughCohort(m: Model, r: Real, k: MCohort, learners: number[], only?: MCourse) {
  for (const i of learners) {
    for (const c of m.courses) {
      if (!k.courses.has(c.key) || (only && only !== c)) continue;
      const learner = m.learners[i];
      if (learner.enrolments.has(c.key)) continue;
      const [row] = await r.t.db.query(`SELECT id FROM enrolments WHERE user_id = $1 AND course_id = $2`, [
        learner.id,
        c.id,
      ]);
      expect(row, `${learner.name} enrolled in ${c.key} through ${k.key}`).toBeDefined();
      enrol(m, i, c, row.id, true);
    }
  }
}

class Assign extends Step {
  constructor(
    readonly k: number,
    readonly c: number,
    readonly due: Due | null,
  ) {
    super();
  }
  check = () => true;
  async act(m: Model, r: Real) {
    const k = m.cohorts[this.k];
    const c = course(m, this.c);
    if (this.due === null) {
      const res = await call(r, r.manager.cookie, 'DELETE', `/cohorts/${k.id}/courses/${c.id}`);
      ok(res, String(this));
      k.courses.delete(c.key);
      return;
    }
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const dueOn = { none: null, past: day(-3), future: day(10) }[this.due];
    ok(await call(r, r.manager.cookie, 'PUT', `/cohorts/${k.id}/courses`, { courseId: c.id, dueOn }), String(this));
    k.courses.set(c.key, this.due);
    await enrolThroughCohort(m, r, k, [...k.learners], c);
  }
  toString = () =>
    this.due === null
      ? `unassign(${'ABC'[this.c]} from K${this.k + 1})`
      : `assign(${'ABC'[this.c]} to K${this.k + 1}, due ${this.due})`;
}

class Join extends Step {
  constructor(readonly k: number) {
    super();
  }
  check = (m: Readonly<Model>) => m.learners.length < 5;
  async act(m: Model, r: Real) {
    const k = m.cohorts[this.k];
    const username = uniqueName('joiner');
    const displayName = `새 학습자 ${username.slice(-4)}`;
    r.t.secrets.add(username);
    const res = await call(r, undefined, 'POST', '/join', {
      code: k.joinCode,
      username,
      displayName,
      password: TEST_PASSWORD,
      locale: 'zh',
      acceptPrivacy: true,
      privacyVersion: PRIVACY_NOTICE_VERSION,
    });
    ok(res, String(this), [200, 201]);
    const index = m.learners.length;
    const id = (await r.t.db.query(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;
    m.learners.push(newLearner(`L${index + 1}`, id, username, displayName, [res.cookie!, await login(r, username)]));
    k.learners.add(index);
    await enrolThroughCohort(m, r, k, [index]);
  }
  toString = () => `join(a new learner, with K${this.k + 1}'s join code)`;
}

class Republish extends Step {
  constructor(
    readonly c: number,
    readonly remove: number,
    readonly addKind: MLesson['kind'],
  ) {
    super();
  }
  check = (m: Readonly<Model>) => course(m, this.c).lessons.length < 7;
  async act(m: Model, r: Real) {
    const c = course(m, this.c) as MCourse & { moduleId?: string };
    const cookie = r.instructors[c.owner].cookie;
    const draft = ok(await call(r, cookie, 'GET', `/authoring/courses/${c.id}`), 'draft');
    const moduleId = draft.modules[0].id as string;
    const added = await addLesson(r, cookie, moduleId, { kind: this.addKind, required: true }, c.lessons.length + 100);
    const gone = c.lessons.length > 2 ? c.lessons[this.remove % c.lessons.length] : null;
    if (gone) ok(await call(r, cookie, 'DELETE', `/authoring/lessons/${gone.id}`), 'remove lesson');
    c.version = await publish(r, cookie, c.id);
    c.lessons = [...c.lessons.filter((l) => l !== gone), added];
    // Enrolments still active are measured against the new version (completed ones stay completed).
    for (const learner of m.learners) recompute(m, learner, c);
  }
  toString = () => `republish(${'ABC'[this.c]}: a ${this.addKind} added, lesson #${this.remove} removed)`;
}

class Erase extends Step {
  constructor(readonly l: number) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l);
  async act(m: Model, r: Real) {
    const learner = m.learners[who(m, this.l)];
    ok(await call(r, learner.cookies[1], 'POST', '/me/erase', { password: TEST_PASSWORD }), String(this));
    learner.erased = true;
    learner.words.clear();
    // Certificates stay verifiable but are no longer the person's (ERASURE_PLAN).
    learner.certificates.clear();
  }
  toString = () => `erase(${this.L})`;
}

class Word extends Step {
  constructor(
    readonly l: number,
    readonly w: number,
    readonly add: boolean,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => alive(m, this.l);
  async act(m: Model, r: Real) {
    const learner = m.learners[who(m, this.l)];
    const term = r.terms[this.w % r.terms.length];
    ok(await call(r, learner.cookies[this.w % 2], this.add ? 'PUT' : 'DELETE', `/me/words/${term}`), String(this));
    if (this.add) learner.words.add(term);
    else learner.words.delete(term);
  }
  toString = () => `${this.add ? 'save' : 'unsave'} word(${this.L}, term ${this.w % 2})`;
}

// ---- generators ----

const learnerIx = fc.integer({ min: 0, max: 59 });
const courseIx = fc.integer({ min: 0, max: 2 });
const cohortIx = fc.integer({ min: 0, max: 1 });
const eventSpec = fc.record({
  lesson: fc.integer({ min: 0, max: 6 }),
  type: fc.constantFrom<SentEvent['type']>(
    'viewed',
    'completed',
    'completed',
    'skipped',
    'position',
    'time_spent',
    'quiz_submitted',
    'quiz_submitted',
    'reflection_saved',
  ),
  late: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  repeat: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** What people do, weighted towards the everyday (enrolling and learning). */
export const command: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(learnerIx, courseIx, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 }))
      .map(([l, c, code, d]) => new Enrol(l, c, code > 0, d)),
  },
  { weight: 2, arbitrary: fc.tuple(learnerIx, courseIx).map(([l, c]) => new Withdraw(l, c)) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(learnerIx, courseIx, fc.array(eventSpec, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1 }))
      .map(([l, c, evs, d]) => new Events(l, c, evs, d)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(learnerIx, fc.nat(), fc.integer({ min: 1, max: 4 })).map(([l, k, n]) => new Replay(l, k, n)),
  },
  { weight: 2, arbitrary: fc.tuple(learnerIx, cohortIx, fc.boolean()).map(([l, k, add]) => new Cohort(l, k, add)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(cohortIx, courseIx, fc.constantFrom<Due | null>('none', 'past', 'future', null))
      .map(([k, c, due]) => new Assign(k, c, due)),
  },
  { weight: 1, arbitrary: cohortIx.map((k) => new Join(k)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(courseIx, fc.nat({ max: 6 }), fc.constantFrom<MLesson['kind']>('reading', 'quiz'))
      .map(([c, rm, kind]) => new Republish(c, rm, kind)),
  },
  { weight: 1, arbitrary: learnerIx.map((l) => new Erase(l)) },
  {
    weight: 1,
    arbitrary: fc.tuple(learnerIx, fc.nat({ max: 3 }), fc.boolean()).map(([l, w, add]) => new Word(l, w, add)),
  },
);
