import { randomUUID } from 'node:crypto';
import type { Role } from '@dari/contracts';
import { type Caller, type Course, type Fixtures, type Who, PNG, multipart } from './access-matrix.fixtures.js';
import { TEST_PASSWORD, type Res, uniqueName } from './test-app.js';

/**
 * The access-control matrix (QUALITY #1–#3, #6): for every route of the app, who gets what.
 * A route with an object in its path answers per ownership: `own` (the caller's, or "A"'s),
 * `other` (someone else's: "B"'s) and `missing` (an id that does not exist). A plain number is
 * the answer for every ownership (e.g. a role refused before anything is looked up).
 */
export type Side = 'own' | 'other' | 'missing';
export interface Outcome {
  own: number;
  /** Absent when the object belongs to nobody in particular (a glossary term, a code). */
  other?: number;
  missing: number;
}
export type Cell = number | Outcome;

export interface CaseCtx {
  f: Fixtures;
  caller: Caller;
  /** Whom the request is sent as (null: no cookie). */
  who: Who | null;
  /** A person the case is about: the caller, or a fresh one (freshActor); for anonymous callers a fresh learner. */
  subject: Who | null;
  side: Side | null;
  params: Record<string, string>;
  /** The course a course-scoped object belongs to, when it was made for this case. */
  course?: Course;
}

export interface RouteSpec {
  /** What the path's ids point at; absent for routes without an object. */
  object?: ObjectKind;
  expect: Record<Caller, Cell>;
  /** A body valid for the allowed caller (refused callers get the same one). */
  body?: (c: CaseCtx) => unknown;
  /** A multipart upload instead of JSON. */
  upload?: (c: CaseCtx) => { filename: string; bytes: Buffer; type: string };
  query?: (c: CaseCtx) => string;
  /** Allowed cases change or remove their object: each gets a new one. */
  fresh?: boolean;
  /** The route ends the caller's session or changes their account: each case calls as a new person of the role. */
  freshActor?: boolean;
}

export interface Target {
  params: Record<string, string>;
  course?: Course;
}

/** Finds (or, with fresh, makes) the object for one case. */
export type ObjectKind = (
  f: Fixtures,
  c: { caller: Caller; who: Who | null; side: Side; fresh: boolean },
) => Promise<Target>;

const missing = () => randomUUID();
const byId =
  (
    pick: (f: Fixtures, side: 'own' | 'other', caller: Caller) => string,
    make?: (f: Fixtures, side: 'own' | 'other', caller: Caller) => Promise<string>,
  ): ObjectKind =>
  async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const as = c.caller === 'anonymous' ? 'learner' : c.caller; // nobody signed in aims at learner A's
    return { params: { id: c.fresh && make ? await make(f, c.side, as) : pick(f, c.side, as) } };
  };
const courseFor = (f: Fixtures, side: 'own' | 'other') => (side === 'own' ? f.courseA : f.courseB);

export const kinds = {
  course: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const course = c.fresh ? await f.freshCourse(c.side) : courseFor(f, c.side);
    return { params: { id: course.id }, course };
  }) as ObjectKind,
  courseVersion: ((f, c) =>
    Promise.resolve({
      params: { id: c.side === 'missing' ? missing() : courseFor(f, c.side).id, version: '1' },
    })) as ObjectKind,
  publishedSlug: ((f, c) =>
    Promise.resolve({
      params: {
        slug: c.side === 'own' ? f.courseA.slug : c.side === 'other' ? f.cohortOnlyB.slug : 'am-no-such-course',
      },
    })) as ObjectKind,
  /** A lesson of a published course: "own" course A's reading, "other" one of a course only for cohort B, "missing" none. */
  publishedLesson: ((f, c) =>
    Promise.resolve({
      params:
        c.side === 'own'
          ? { slug: f.courseA.slug, lessonId: f.courseA.readingId }
          : c.side === 'other'
            ? { slug: f.cohortOnlyB.slug, lessonId: f.cohortOnlyB.readingId }
            : { slug: 'am-no-such-course', lessonId: missing() },
    })) as ObjectKind,
  module: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const course = c.fresh ? await f.freshCourse(c.side) : courseFor(f, c.side);
    return { params: { id: course.moduleId }, course };
  }) as ObjectKind,
  lesson: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const course = c.fresh ? await f.freshCourse(c.side) : courseFor(f, c.side);
    return { params: { id: course.readingId }, course };
  }) as ObjectKind,
  media: byId((f, side) => (side === 'own' ? f.mediaA : f.mediaDraftB)),
  term: byId(
    (f) => f.termId,
    async (f) => (await f.ok(f.actors.admin, 'POST', '/glossary', f.termBody())).body.id,
  ),
  /** A word on a list: "own" is on the caller's (saved for this case), "other" only on learner B's. */
  savedWord: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const id = (await f.ok(f.actors.admin, 'POST', '/glossary', f.termBody())).body.id as string;
    const owner = c.side === 'own' && c.who ? c.who : f.learnerB;
    await f.ok(owner, 'PUT', `/me/words/${id}`);
    return { params: { id } };
  }) as ObjectKind,
  wordRequest: byId(
    (f, side) => (side === 'own' ? f.wordRequestA : f.wordRequestB),
    (f, side) => f.freshWordRequest(side),
  ),
  /** A learner's question: "own" is learner A's on course A (instructor A's), "other" learner B's on course B. */
  question: byId(
    (f, side) => (side === 'own' ? f.questionA : f.questionB),
    (f, side) => f.freshQuestion(side),
  ),
  answeredQuestion: byId(
    (f, side) => (side === 'own' ? f.questionA : f.questionB),
    (f, side) => f.freshQuestion(side, true),
  ),
  /** A published Q&A: "own" on course A (instructor A's), "other" on course B (fresh for allowed cases). */
  publishedQa: byId(
    (f, side) => (side === 'own' ? f.qaA : f.qaB),
    (f, side) => f.freshQa(side),
  ),
  enrolment: byId(
    (f, side, caller) => (side === 'own' ? f.enrolments[caller as Role] : f.enrolmentB),
    async (f, side, caller) =>
      side === 'own'
        ? (await f.ok(f.actors[caller as Role], 'POST', `/courses/${f.openD.slug}/enrol`, {})).body.id
        : f.enrolmentB,
  ),
  certificate: byId((f, side, caller) => (side === 'own' ? f.certificates[caller as Role].id : f.certificateB)),
  certificateCode: ((f, c) =>
    Promise.resolve({
      params: { code: c.side === 'missing' ? 'AAAA-BBBB-CCCC' : f.certificates.learner.code },
    })) as ObjectKind,
  session: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    if (c.side === 'other') return { params: { id: await f.freshSession(f.learnerB) } };
    return { params: { id: c.who ? await f.freshSession(c.who) : missing() } };
  }) as ObjectKind,
  cohort: byId((f, side) => (side === 'own' ? f.cohortA : f.cohortB)),
  cohortMember: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing(), userId: missing() } };
    const cohort = c.side === 'own' ? f.cohortA : f.cohortB;
    const learner = c.fresh ? await f.freshLearner(c.side) : c.side === 'own' ? f.actors.learner : f.learnerB;
    return { params: { id: cohort, userId: learner.id } };
  }) as ObjectKind,
  cohortCourse: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing(), courseId: missing() } };
    const [manager, cohort] = c.side === 'own' ? [f.actors.manager, f.cohortA] : [f.managerB, f.cohortB];
    const course = c.fresh ? await f.course(f.instructorB) : f.openD;
    if (c.fresh) await f.ok(manager, 'PUT', `/cohorts/${cohort}/courses`, { courseId: course.id });
    return { params: { id: cohort, courseId: course.id } };
  }) as ObjectKind,
  joinCode: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing(), codeId: missing() } };
    const code = await f.freshJoinCode(c.side);
    return { params: { id: c.side === 'own' ? f.cohortA : f.cohortB, codeId: code.id } };
  }) as ObjectKind,
  /** A session of a cohort: "own" in cohort A (manager A's), "other" in cohort B (manager B's). */
  cohortSession: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing(), sessionId: missing() } };
    const [manager, cohort] = c.side === 'own' ? [f.actors.manager, f.cohortA] : [f.managerB, f.cohortB];
    const session = await f.ok(manager, 'POST', `/cohorts/${cohort}/sessions`, {
      title: '모임',
      startsAt: '2030-01-01T10:00:00+09:00',
    });
    return { params: { id: cohort, sessionId: session.body.id } };
  }) as ObjectKind,
  joinCodeText: (async (f, c) => ({
    params: { code: c.side === 'missing' ? 'ZZZZZ-ZZZZZ' : (await f.freshJoinCode('own')).code },
  })) as ObjectKind,
  /**
   * Someone to find or add in cohort A (Manager scope), named in the params (userId, username), not
   * in the path: "own" a learner in no cohort (anyone's to take on), "other" learner B (held by manager
   * B's cohort; a fresh one for cases that add), "missing" nobody.
   */
  candidateLearner: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: f.cohortA, userId: missing(), username: uniqueName('nobody') } };
    const who =
      c.side === 'own' ? await f.t.createUser('learner') : c.fresh ? await f.freshLearner('other') : f.learnerB;
    return { params: { id: f.cohortA, userId: who.id, username: who.username } };
  }) as ObjectKind,
  /** The same with a staff account as "other" (the admin: what the outside probe found). */
  candidateStaff: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: f.cohortA, userId: missing(), username: uniqueName('nobody') } };
    const who = c.side === 'own' ? await f.t.createUser('learner') : f.actors.admin;
    return { params: { id: f.cohortA, userId: who.id, username: who.username } };
  }) as ObjectKind,
  /** A learner account: "own" is in cohort A and course A (manager A's, instructor A's); "other" in cohort B and course B. */
  learner: byId(
    (f, side) => (side === 'own' ? f.actors.learner.id : f.learnerB.id),
    async (f, side) => (await f.freshLearner(side)).id,
  ),
  /** A notification: "own" one of the caller's (made for the case), "other" learner B's. */
  /** A status list: "own" list 1 (made by the first credential issued), "missing" one that does not exist. */
  statusList: ((_f, c) => Promise.resolve({ params: { list: c.side === 'missing' ? '999999' : '1' } })) as ObjectKind,
  notification: (async (f, c) => {
    if (c.side === 'missing') return { params: { id: missing() } };
    const owner = c.side === 'own' && c.who ? c.who : f.learnerB;
    const rows: { id: string }[] = await f.t.db.query(
      `INSERT INTO notifications (user_id, kind, ref_type, ref_id) VALUES ($1, 'overdue', 'course', $2) RETURNING id`,
      [owner.id, f.courseA.id],
    );
    return { params: { id: rows[0].id } };
  }) as ObjectKind,
};

// ---- how answers are written ----

const ROLES: Role[] = ['learner', 'instructor', 'manager', 'admin'];
/** Everyone, signed in or not, gets the same. */
const everyone = (c: Cell): Record<Caller, Cell> => ({ anonymous: c, learner: c, instructor: c, manager: c, admin: c });
/** Any signed-in person gets `c`; nobody signed in gets 401. */
const signedIn = (c: Cell): Record<Caller, Cell> => ({
  anonymous: 401,
  learner: c,
  instructor: c,
  manager: c,
  admin: c,
});
/** Only the listed roles are let in (with their answers); other roles 403, nobody signed in 401. */
const only = (allowed: Partial<Record<Role, Cell>>): Record<Caller, Cell> =>
  ({ anonymous: 401, ...Object.fromEntries(ROLES.map((r) => [r, allowed[r] ?? 403])) }) as Record<Caller, Cell>;
/** Own object → `own`; someone else's and a missing one → 404 (the same answer: no id oracle). */
const mine = (own: number, other = 404): Outcome => ({ own, other, missing: 404 });
/** Objects that belong to nobody: existing → `own`, missing → 404. */
const exists = (own: number): Outcome => ({ own, missing: 404 });

const courseStaffRead = only({ instructor: mine(200), manager: mine(200, 200), admin: mine(200, 200) });
const courseEdit = (s: number) => only({ instructor: mine(s), admin: mine(s, s) });
const cohortStaff = (s: number) => only({ manager: mine(s), admin: mine(s, s) });
const newPassword = 'a brand new passphrase 42';

export const ACCESS_MATRIX: Record<string, RouteSpec> = {
  'GET /api/v1/health': { expect: everyone(200) },
  'GET /api/v1/health/ready': { expect: everyone(200) },

  // ---- sign-in and the account ----
  'POST /api/v1/auth/login': {
    expect: everyone(200),
    freshActor: true,
    body: (c) => ({ username: c.subject!.username, password: TEST_PASSWORD }),
  },
  'POST /api/v1/auth/logout': { expect: signedIn(204), freshActor: true },
  'POST /api/v1/auth/logout-all': { expect: signedIn(204), freshActor: true },
  'POST /api/v1/auth/redeem-reset-code': {
    expect: everyone(204),
    freshActor: true,
    body: async (c) => ({ username: c.subject!.username, code: await c.f.resetCode(c.subject!.id), newPassword }),
  },
  'GET /api/v1/me': { expect: signedIn(200) },
  'PATCH /api/v1/me': { expect: signedIn(200), body: () => ({ displayName: '새 이름' }) },
  'POST /api/v1/me/password': {
    expect: signedIn(204),
    freshActor: true,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword }),
  },

  // ---- accounts (admins) ----
  'GET /api/v1/admin/users': { expect: only({ admin: 200 }) },
  'POST /api/v1/admin/users': {
    expect: only({ admin: 201 }),
    body: (c) => ({ username: track(c, uniqueName('made')), displayName: '만든 사람', role: 'learner' }),
  },
  'GET /api/v1/admin/users/:id': { object: kinds.learner, expect: only({ admin: mine(200, 200) }) },
  'PATCH /api/v1/admin/users/:id': {
    object: kinds.learner,
    expect: only({ admin: mine(200, 200) }),
    body: () => ({ displayName: '바뀐 이름' }),
  },
  'GET /api/v1/admin/users/:id/overview': { object: kinds.learner, expect: only({ admin: mine(200, 200) }) },
  'POST /api/v1/admin/users/:id/reset-code': {
    object: kinds.learner,
    fresh: true,
    expect: only({ admin: mine(201, 201) }),
  },

  // ---- privacy ----
  'GET /api/v1/me/sessions': { expect: signedIn(200) },
  'DELETE /api/v1/me/sessions/:id': { object: kinds.session, expect: signedIn(mine(204)) },
  'POST /api/v1/me/sessions/end-others': { expect: signedIn(200), freshActor: true },
  'GET /api/v1/me/export': { expect: signedIn(200) },
  'POST /api/v1/me/erase': { expect: signedIn(204), freshActor: true, body: () => ({ password: TEST_PASSWORD }) },
  'POST /api/v1/users/:id/erase': {
    object: kinds.learner,
    fresh: true,
    expect: only({ manager: mine(204), admin: mine(204, 204) }),
  },
  'GET /api/v1/admin/audit': { expect: only({ admin: 200 }) },

  // ---- catalogue and learning ----
  'GET /api/v1/courses': { expect: signedIn(200) },
  'GET /api/v1/courses/:slug': { object: kinds.publishedSlug, expect: signedIn(mine(200)) },
  'GET /api/v1/courses/:slug/outline': { object: kinds.publishedSlug, expect: signedIn(mine(200)) },
  'GET /api/v1/courses/:slug/lessons/:lessonId': { object: kinds.publishedLesson, expect: signedIn(mine(200)) },
  'POST /api/v1/courses/:slug/enrol': { object: kinds.publishedSlug, expect: signedIn(mine(200)), body: () => ({}) },
  'GET /api/v1/courses/:slug/progress': { object: kinds.publishedSlug, expect: signedIn(mine(200)) },
  'POST /api/v1/enrolments/:id/withdraw': { object: kinds.enrolment, fresh: true, expect: signedIn(mine(200)) },
  'GET /api/v1/me/learning': { expect: signedIn(200) },
  'POST /api/v1/progress/events': {
    expect: signedIn(200),
    body: (c) => ({
      events: [
        c.f.event(c.f.courseA.readingId, 'time_spent', { seconds: 5 }),
        c.f.event(c.f.courseA.readingId, 'position', { position: 12.5 }),
        c.f.event(c.f.courseA.reflectionId, 'reflection_saved', { text: '생각', shared: false }),
      ],
    }),
  },
  'GET /api/v1/me/journal': { expect: signedIn(200) },
  'GET /api/v1/me/quiz-attempts': { expect: signedIn(200), query: () => `lessonId=${randomUUID()}` },
  'GET /api/v1/me/results': { expect: signedIn(200) },
  'GET /api/v1/me/certificates': { expect: signedIn(200) },
  'PATCH /api/v1/me/certificates/:id': {
    object: kinds.certificate,
    expect: signedIn(mine(200)),
    body: () => ({ name: '바다' }),
  },
  'GET /api/v1/certificates/verify/:code': { object: kinds.certificateCode, expect: everyone(exists(200)) },
  // Credentials (issue 19), in this order: issued by the GET, the badges, withdrawn, asked for again.
  'GET /api/v1/certificates/:id/credential': { object: kinds.certificate, expect: signedIn(mine(200)) },
  'GET /api/v1/certificates/:id/badge.svg': { object: kinds.certificate, expect: signedIn(mine(200)) },
  'GET /api/v1/certificates/:id/badge.png': { object: kinds.certificate, expect: signedIn(mine(200)) },
  'DELETE /api/v1/certificates/:id/credential': { object: kinds.certificate, expect: signedIn(mine(200)) },
  'POST /api/v1/certificates/:id/credential': { object: kinds.certificate, expect: signedIn(mine(200)) },
  'GET /api/v1/credentials/status/:list': { object: kinds.statusList, expect: everyone(exists(200)) },
  'POST /api/v1/credentials/verify': { expect: everyone(200), body: () => ({ hello: 'world' }) },
  // No public https address in this app: the DID document is the current key's did:key.
  'GET /api/v1/credentials/did.json': { expect: everyone(200) },
  'GET /api/v1/admin/issuer': { expect: only({ admin: 200 }) },
  'PUT /api/v1/admin/issuer': {
    expect: only({ admin: 200 }),
    body: () => ({ name: 'Dari', url: 'https://dari.example' }),
  },
  'POST /api/v1/admin/credentials/revoke': {
    expect: only({ admin: 200 }),
    // Learner B's certificate: revoking it changes nothing another case of the matrix reads.
    body: async (c) => ({
      code: (
        await c.f.t.db.query<{ code: string }[]>(`SELECT code FROM certificates WHERE id = $1`, [c.f.certificateB])
      )[0].code,
      reason: 'access matrix',
    }),
  },
  'GET /api/v1/media/:id': {
    object: kinds.media,
    expect: {
      anonymous: 401,
      learner: mine(200),
      instructor: mine(200),
      manager: mine(200, 200),
      admin: mine(200, 200),
    },
  },

  // ---- glossary and word requests ----
  'GET /api/v1/glossary': { expect: signedIn(200) },
  'POST /api/v1/glossary/lookup': { expect: signedIn(200), body: () => ({ terms: ['낱말'] }) },
  'GET /api/v1/glossary/:id': { object: kinds.term, expect: signedIn(exists(200)) },
  'POST /api/v1/glossary': { expect: only({ instructor: 201, manager: 201, admin: 201 }), body: (c) => c.f.termBody() },
  'PATCH /api/v1/glossary/:id': {
    object: kinds.term,
    expect: only({ instructor: exists(200), manager: exists(200), admin: exists(200) }),
    body: () => ({ example: '새 예문을 씁니다.' }),
  },
  'DELETE /api/v1/glossary/:id': {
    object: kinds.term,
    fresh: true,
    expect: only({ manager: exists(204), admin: exists(204) }),
  },
  'GET /api/v1/me/words': { expect: signedIn(200) },
  'PUT /api/v1/me/words/:id': { object: kinds.term, expect: signedIn(exists(204)) },
  // Idempotent: taking a word off my list that is not on it (or does not exist) is done already. Terms are public: no oracle.
  'DELETE /api/v1/me/words/:id': { object: kinds.term, expect: signedIn(204) },
  // Flashcard review: only a word on my own list; someone else's and a missing one are both 404.
  'GET /api/v1/me/word-reviews': { expect: signedIn(200) },
  'POST /api/v1/me/words/:id/review': {
    object: kinds.savedWord,
    expect: signedIn(mine(200)),
    body: () => ({ known: true }),
  },
  'POST /api/v1/word-requests': {
    expect: signedIn(201),
    body: (c) => ({ text: uniqueName('낱말'), lessonId: c.f.courseA.readingId }),
  },
  'GET /api/v1/me/word-requests': { expect: signedIn(200) },
  'GET /api/v1/word-requests': { expect: only({ instructor: 200, manager: 200, admin: 200 }) },
  'POST /api/v1/word-requests/:id/answer': {
    object: kinds.wordRequest,
    fresh: true,
    expect: only({ instructor: mine(200), manager: mine(200, 200), admin: mine(200, 200) }),
    body: (c) => ({ termId: c.f.termId }),
  },
  'POST /api/v1/word-requests/:id/dismiss': {
    object: kinds.wordRequest,
    fresh: true,
    expect: only({ instructor: mine(200), manager: mine(200, 200), admin: mine(200, 200) }),
  },

  // ---- questions to the instructor: only the course's own instructors read and answer ----
  'POST /api/v1/lessons/:id/questions': {
    object: kinds.lesson,
    expect: signedIn(mine(201)),
    body: () => ({ text: uniqueName('질문') }),
  },
  'GET /api/v1/lessons/:id/qa': { object: kinds.lesson, expect: signedIn(mine(200)) },
  'GET /api/v1/me/questions': { expect: signedIn(200) },
  'GET /api/v1/questions': { expect: only({ instructor: 200 }) },
  'POST /api/v1/questions/:id/answer': {
    object: kinds.question,
    fresh: true,
    expect: only({ instructor: mine(200) }),
    body: () => ({ answer: '답이에요.' }),
  },
  'POST /api/v1/questions/:id/publish': {
    object: kinds.answeredQuestion,
    fresh: true,
    expect: only({ instructor: mine(201) }),
    body: () => ({ question: '다듬은 질문이에요?', answer: '답이에요.' }),
  },
  // Taking a published Q&A down: the course's instructors, managers of a cohort it is assigned to (manager A's
  // cohort has no course A: 404), admins.
  'POST /api/v1/qa/:id/unpublish': {
    object: kinds.publishedQa,
    fresh: true,
    expect: only({ instructor: mine(204), manager: mine(404), admin: mine(204, 204) }),
  },

  // ---- dated facts ----
  'GET /api/v1/facts': { expect: signedIn(200) },
  'GET /api/v1/facts/review': { expect: only({ instructor: 200, admin: 200 }) },

  // ---- authoring ----
  'GET /api/v1/authoring/courses': { expect: only({ instructor: 200, manager: 200, admin: 200 }) },
  'POST /api/v1/authoring/courses': {
    expect: only({ instructor: 201, admin: 201 }),
    body: () => ({ slug: uniqueName('am-new-').toLowerCase(), title: { ko: '새 과정' } }),
  },
  'POST /api/v1/authoring/courses/import': {
    expect: only({ instructor: 201, admin: 201 }),
    upload: (c) => ({ filename: 'bundle.zip', bytes: c.f.bundleZip, type: 'application/zip' }),
    query: () => `slug=${uniqueName('am-imp-').toLowerCase()}`,
  },
  'GET /api/v1/authoring/instructors': { expect: only({ instructor: 200, manager: 200, admin: 200 }) },
  'GET /api/v1/authoring/courses/:id': { object: kinds.course, expect: courseStaffRead },
  'PATCH /api/v1/authoring/courses/:id': {
    object: kinds.course,
    expect: courseEdit(200),
    body: async (c) => ({
      revision: await c.f.revision('courses', c.params.id),
      sequential: false,
      summary: { ko: '요약', en: 'summary' },
      title: { ko: '과정' },
    }),
  },
  'POST /api/v1/authoring/courses/:id/duplicate': {
    object: kinds.course,
    expect: courseEdit(201),
    body: () => ({ slug: uniqueName('am-dup-').toLowerCase() }),
  },
  'POST /api/v1/authoring/courses/:id/archive': { object: kinds.course, fresh: true, expect: courseEdit(200) },
  'POST /api/v1/authoring/courses/:id/unarchive': { object: kinds.course, fresh: true, expect: courseEdit(200) },
  'PUT /api/v1/authoring/courses/:id/co-instructors': {
    object: kinds.course,
    expect: courseEdit(200),
    body: () => ({ userIds: [] }),
  },
  'POST /api/v1/authoring/courses/:id/modules': {
    object: kinds.course,
    fresh: true,
    expect: courseEdit(201),
    body: () => ({ title: { ko: '둘' } }),
  },
  'PUT /api/v1/authoring/courses/:id/outline': {
    object: kinds.course,
    fresh: true,
    expect: courseEdit(200),
    body: async (c) => ({
      revision: c.course ? await c.f.revision('courses', c.course.id) : 0,
      modules: [
        {
          id: c.course?.moduleId ?? randomUUID(),
          lessonIds: c.course ? [c.course.reflectionId, c.course.readingId] : [randomUUID()],
        },
      ],
    }),
  },
  'POST /api/v1/authoring/courses/:id/publish': { object: kinds.course, expect: courseEdit(201) },
  'GET /api/v1/authoring/courses/:id/versions': { object: kinds.course, expect: courseStaffRead },
  'GET /api/v1/authoring/courses/:id/changes': { object: kinds.course, expect: courseStaffRead },
  'GET /api/v1/authoring/courses/:id/versions/:version': { object: kinds.courseVersion, expect: courseStaffRead },
  'GET /api/v1/authoring/courses/:id/preview': { object: kinds.course, expect: courseStaffRead },
  'GET /api/v1/authoring/courses/:id/media': { object: kinds.course, expect: courseStaffRead },
  'POST /api/v1/authoring/courses/:id/media': {
    object: kinds.course,
    expect: courseEdit(201),
    upload: () => ({ filename: 'photo.png', bytes: PNG, type: 'image/png' }),
  },
  'GET /api/v1/authoring/courses/:id/bundle': { object: kinds.course, expect: courseStaffRead },
  'PATCH /api/v1/authoring/modules/:id': {
    object: kinds.module,
    expect: courseEdit(200),
    body: () => ({ title: { ko: '하나' } }),
  },
  'DELETE /api/v1/authoring/modules/:id': { object: kinds.module, fresh: true, expect: courseEdit(200) },
  'POST /api/v1/authoring/modules/:id/lessons': {
    object: kinds.module,
    fresh: true,
    expect: courseEdit(201),
    body: () => ({ kind: 'reading', title: { ko: '셋' } }),
  },
  'GET /api/v1/authoring/lessons/:id': { object: kinds.lesson, expect: courseStaffRead },
  'PATCH /api/v1/authoring/lessons/:id': {
    object: kinds.lesson,
    expect: courseEdit(200),
    body: async (c) => ({
      revision: await c.f.revision('lessons', c.params.id),
      estimatedMinutes: 5,
      title: { ko: '읽기' },
      contentNote: { ko: '주의' },
      content: { kind: 'reading', body: { ko: '본문' } },
    }),
  },
  'DELETE /api/v1/authoring/lessons/:id': { object: kinds.lesson, fresh: true, expect: courseEdit(204) },

  // ---- programme: cohorts, joining, reports ----
  'GET /api/v1/cohorts': { expect: only({ manager: 200, admin: 200 }) },
  'POST /api/v1/cohorts': {
    expect: only({ manager: 201, admin: 201 }),
    body: () => ({ name: `반 ${uniqueName()}`, description: '설명', startsOn: '2027-03-01', endsOn: '2027-06-30' }),
  },
  'GET /api/v1/cohorts/:id': { object: kinds.cohort, expect: cohortStaff(200) },
  'PATCH /api/v1/cohorts/:id': {
    object: kinds.cohort,
    expect: cohortStaff(200),
    body: () => ({ description: '설명', name: '이름', startsOn: '2027-03-01', endsOn: null }),
  },
  'GET /api/v1/cohorts/:id/members': { object: kinds.cohort, expect: cohortStaff(200) },
  'POST /api/v1/cohorts/:id/members': {
    object: kinds.cohort,
    expect: cohortStaff(200),
    body: async (c) => ({ members: [{ userId: (await c.f.t.createUser('learner')).id, role: 'learner' }] }),
  },
  'POST /api/v1/cohorts/:id/members/lookup': {
    object: kinds.cohort,
    expect: cohortStaff(200),
    body: (c) => ({ username: c.f.actors.learner.username }),
  },
  'DELETE /api/v1/cohorts/:id/members/:userId': { object: kinds.cohortMember, fresh: true, expect: cohortStaff(200) },
  'POST /api/v1/cohorts/:id/members/:userId/reset-code': {
    object: kinds.cohortMember,
    fresh: true,
    expect: cohortStaff(201),
  },
  'PATCH /api/v1/cohorts/:id/members/:userId': {
    object: kinds.cohortMember,
    fresh: true,
    expect: cohortStaff(200),
    body: () => ({ displayName: '고친 이름' }),
  },
  'POST /api/v1/cohorts/:id/learners/import': {
    object: kinds.cohort,
    expect: cohortStaff(201),
    body: (c) => ({ csv: `username,displayName\n${track(c, uniqueName('csv'))},가져온 사람\n` }),
  },
  'PUT /api/v1/cohorts/:id/courses': {
    object: kinds.cohort,
    expect: cohortStaff(200),
    body: (c) => ({ courseId: c.f.assignable.id }),
  },
  'DELETE /api/v1/cohorts/:id/courses/:courseId': { object: kinds.cohortCourse, fresh: true, expect: cohortStaff(200) },
  'GET /api/v1/cohorts/:id/join-codes': { object: kinds.cohort, expect: cohortStaff(200) },
  'POST /api/v1/cohorts/:id/join-codes': {
    object: kinds.cohort,
    expect: cohortStaff(201),
    body: () => ({ maxUses: 5, expiresAt: '2030-01-01T00:00:00.000Z' }),
  },
  'POST /api/v1/cohorts/:id/join-codes/:codeId/revoke': {
    object: kinds.joinCode,
    fresh: true,
    expect: cohortStaff(200),
  },
  // what's due (issue 17): a cohort's sessions and counts for its managers, the to-do list for the learner
  'GET /api/v1/cohorts/:id/sessions': { object: kinds.cohort, expect: cohortStaff(200) },
  'POST /api/v1/cohorts/:id/sessions': {
    object: kinds.cohort,
    expect: cohortStaff(201),
    body: () => ({ title: '첫 모임', startsAt: '2030-03-05T19:00:00+09:00', place: '강의실' }),
  },
  'PATCH /api/v1/cohorts/:id/sessions/:sessionId': {
    object: kinds.cohortSession,
    expect: cohortStaff(200),
    body: () => ({ title: '바뀐 모임' }),
  },
  'DELETE /api/v1/cohorts/:id/sessions/:sessionId': {
    object: kinds.cohortSession,
    fresh: true,
    expect: cohortStaff(204),
  },
  'GET /api/v1/cohorts/:id/due': { object: kinds.cohort, expect: cohortStaff(200) },
  'GET /api/v1/me/todo': { expect: only({ learner: 200 }) },
  'GET /api/v1/join/:code': { object: kinds.joinCodeText, expect: everyone(exists(200)) },
  'POST /api/v1/join': {
    expect: everyone(201),
    body: async (c) => c.f.joinBody((await c.f.freshJoinCode('own')).code),
  },
  // A learner who has an account joins another cohort with its code (a fresh learner each case, into cohort A).
  'POST /api/v1/me/cohorts': {
    expect: only({ learner: 200 }),
    freshActor: true,
    body: async (c) => ({ code: (await c.f.freshJoinCode('own')).code }),
  },
  'GET /api/v1/reports/program': { expect: only({ manager: 200, admin: 200 }) },
  'GET /api/v1/reports/program/export': { expect: only({ manager: 200, admin: 200 }) },
  'GET /api/v1/reports/cohorts/:id': { object: kinds.cohort, expect: cohortStaff(200) },
  'GET /api/v1/reports/cohorts/:id/charts': { object: kinds.cohort, expect: cohortStaff(200) },
  'GET /api/v1/reports/cohorts/:id/export': { object: kinds.cohort, expect: cohortStaff(200) },
  'GET /api/v1/reports/courses/:id': { object: kinds.course, expect: courseStaffRead },
  'GET /api/v1/reports/courses/:id/export': { object: kinds.course, expect: courseStaffRead },
  'GET /api/v1/reports/courses/:id/reflections': {
    object: kinds.course,
    expect: only({ instructor: mine(200), admin: mine(200, 200) }),
  },
  'GET /api/v1/reports/learners/:id': {
    object: kinds.learner,
    expect: only({ instructor: mine(200), manager: mine(200), admin: mine(200, 200) }),
  },
  // ---- the inbox (the caller's own) and announcements (issue 17) ----
  'GET /api/v1/me/notifications': { expect: signedIn(200) },
  'GET /api/v1/me/notifications/unread-count': { expect: signedIn(200) },
  'POST /api/v1/me/notifications/read-all': { expect: signedIn(204) },
  'POST /api/v1/me/notifications/:id/read': { object: kinds.notification, expect: signedIn(mine(204)) },
  'GET /api/v1/cohorts/:id/announcements': { object: kinds.cohort, expect: cohortStaff(200) },
  'POST /api/v1/cohorts/:id/announcements': {
    object: kinds.cohort,
    expect: cohortStaff(201),
    body: () => ({ text: { ko: '다음 주 모임은 화요일이에요.' } }),
  },
  'GET /api/v1/authoring/courses/:id/announcements': {
    object: kinds.course,
    expect: only({ instructor: mine(200), admin: mine(200, 200) }),
  },
  'POST /api/v1/authoring/courses/:id/announcements': {
    object: kinds.course,
    expect: only({ instructor: mine(201), admin: mine(201, 201) }),
    body: () => ({ text: { ko: '새 수업을 올렸어요.' } }),
  },
  'GET /api/v1/me/courses/:id/announcements': { object: kinds.course, expect: only({ learner: mine(200) }) },
  'GET /api/v1/me/cohorts/:id/announcements': { object: kinds.cohort, expect: only({ learner: mine(200) }) },
};

/**
 * More cases for routes already in the table, where what the route acts on is in the body rather than
 * the path (`<method> <path> (<what>)`, run like the table's). Manager scope: in their own cohort, a
 * manager finds and adds a learner in no cohort, but another programme's learner or a staff account
 * answers exactly like nobody; an admin reaches everyone.
 */
export const ACCESS_MATRIX_VARIANTS: Record<string, RouteSpec> = {
  'POST /api/v1/cohorts/:id/members/lookup (another programme’s learner)': {
    object: kinds.candidateLearner,
    expect: only({ manager: mine(200), admin: mine(200, 200) }),
    body: (c) => ({ username: c.params.username }),
  },
  'POST /api/v1/cohorts/:id/members/lookup (a staff account)': {
    object: kinds.candidateStaff,
    expect: only({ manager: mine(200), admin: mine(200, 200) }),
    body: (c) => ({ username: c.params.username }),
  },
  'POST /api/v1/cohorts/:id/members (another programme’s learner)': {
    object: kinds.candidateLearner,
    fresh: true,
    expect: only({ manager: mine(200), admin: mine(200, 200) }),
    body: (c) => ({ members: [{ userId: c.params.userId, role: 'learner' }] }),
  },
};

/** Usernames a case makes are secrets for the log check. */
function track(c: CaseCtx, name: string): string {
  c.f.t.secrets.add(name);
  return name;
}

/** The answer one case expects. */
export function expected(cell: Cell, side: Side | null): number | undefined {
  if (typeof cell === 'number') return cell;
  if (side === null) throw new Error('an ownership outcome on a route without an object');
  return cell[side];
}

export function isAllowed(status: number | undefined): boolean {
  return status !== undefined && status < 300;
}

/** Prepares one case of the matrix (the caller, the object of the given ownership, a valid body); `send` sends it. */
export async function prepareCase(
  f: Fixtures,
  key: string,
  spec: RouteSpec,
  caller: Caller,
  side: Side | null,
  opts: { fresh: boolean },
) {
  const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
  let who: Who | null = caller === 'anonymous' ? null : f.actors[caller];
  let subject: Who | null = who;
  if (spec.freshActor) {
    subject = await f.freshActor(caller === 'anonymous' ? 'learner' : caller);
    if (caller !== 'anonymous') who = subject;
  }
  const target =
    spec.object && side
      ? await spec.object(f, { caller, who, side, fresh: opts.fresh })
      : { params: {} as Record<string, string> };
  const ctx: CaseCtx = { f, caller, who, subject, side, params: target.params, course: target.course };
  const bare = path.replace(/:(\w+)/g, (_, name: string) => {
    const params: Partial<Record<string, string>> = target.params;
    const v = params[name];
    if (v === undefined) throw new Error(`${key}: no value for :${name}`);
    return encodeURIComponent(v);
  });
  const url = bare + (spec.query ? `?${spec.query(ctx)}` : '');
  const body = spec.upload ? undefined : spec.body ? await spec.body(ctx) : undefined;
  const send = async (): Promise<Res> => {
    if (!spec.upload) return f.t.request(method, url, { cookie: who?.cookie, body });
    const u = spec.upload(ctx);
    const { payload, contentType } = multipart(u.filename, u.bytes, u.type);
    const raw = await f.t.app.inject({
      method,
      url,
      headers: {
        'x-dari-client': 'web',
        'content-type': contentType,
        ...(who ? { cookie: `dari_session=${who.cookie}` } : {}),
      },
      payload,
    });
    const json = String(raw.headers['content-type'] ?? '').includes('application/json') && raw.body;
    return { status: raw.statusCode, body: json ? JSON.parse(raw.body) : raw.body, headers: raw.headers };
  };
  return { send, ctx, method, url, body };
}
