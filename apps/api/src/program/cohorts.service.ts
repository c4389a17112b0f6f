import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  COHORT_ROLES,
  displayNameSchema,
  localeSchema,
  RESET_CODE_ALPHABET,
  usernameSchema,
  type Cohort,
  type CohortMember,
  type FieldError,
  type Locale,
  type MemberLookupResult,
  type Role,
} from '@dari/contracts';
import { AuditService } from '../audit/audit.service.js';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { PasswordService } from '../auth/password.service.js';
import { ResetCodesService } from '../auth/reset-codes.service.js';
import { managerCaresFor, managerCaresForMany, managerMayTakeOn, notHeldElsewhereSql } from './care.js';
import { SessionsService, type NewSession } from '../auth/sessions.service.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { recomputeEnrolment } from '../learning/completion.js';
import { UserEntity } from '../users/user.entity.js';
import { toMe } from '../users/user-view.js';
import { CohortEntity, JoinCodeEntity } from './program.entities.js';
import { pgCode, transactionWithRetry } from '../database/retry.js';

type CohortRole = 'manager' | 'instructor' | 'learner';
const ACCOUNT_ROLES: Record<CohortRole, string[]> = {
  manager: ['manager', 'admin'],
  instructor: ['instructor', 'admin'],
  learner: ['learner'],
};
const MAX_IMPORT_ROWS = 2000;
const LOOKUPS_PER_WINDOW = 60;
/**
 * Signs that a CSV's bytes were decoded in the wrong encoding: U+FFFD (what a UTF-8 decoder makes of
 * CP949 bytes), C1 control characters, and UTF-8 read as Latin-1/Windows-1252 ("í•˜ëŠ˜" for 하늘: a
 * lead byte's letter followed by a continuation byte's symbol). Real names never contain these.
 */
export const MISDECODED =
  /[\uFFFD\u0080-\u009F]|[\u00C2-\u00F4][\u00A1-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u;
const MISDECODED_MESSAGE =
  'contains characters from a wrong text encoding (such as U+FFFD): save the file as "CSV UTF-8" and choose it again';

/**
 * A cohort's members, optionally of one role ($2) and with a display name like $3 (an ILIKE pattern);
 * either filter not given (NULL) means every member of the cohort, on purpose. The NULL tests fold
 * away when PostgreSQL plans the call with its values.
 */
export const COHORT_MEMBERS_COUNT = `
  SELECT count(*)::int AS total
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3)`;
/** The same members, a page in display-name order; $4 limit, $5 offset. */
export const COHORT_MEMBERS_PAGE = `
  SELECT m.user_id, u.display_name, m.role, m.added_at
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3)
   ORDER BY u.display_name, u.id LIMIT $4 OFFSET $5`;

/**
 * Cohorts and everything a program manager does with them. Managers act on the cohorts they manage;
 * admins on all. A cohort someone may not manage is "not found", like a missing one.
 */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly resetCodes: ResetCodesService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /** Throws 404 unless the caller manages this cohort (or is an admin). */
  async managed(cohortId: string, auth: AuthContext, m: EntityManager = this.db.manager): Promise<CohortEntity> {
    const cohort = await m.findOneBy(CohortEntity, { id: cohortId });
    if (!cohort) throw AppException.notFound('cohort');
    if (auth.role === 'admin') return cohort;
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2 AND role = 'manager'`,
      [cohortId, auth.userId],
    );
    if (auth.role !== 'manager' || !rows.length) throw AppException.notFound('cohort');
    return cohort;
  }

  async list(auth: AuthContext) {
    const rows: { id: string }[] =
      auth.role === 'admin'
        ? await this.db.query(`SELECT id FROM cohorts ORDER BY starts_on DESC NULLS LAST, created_at DESC`)
        : await this.db.query(
            `SELECT c.id FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id AND m.user_id = $1 AND m.role = 'manager' ORDER BY c.starts_on DESC NULLS LAST, c.created_at DESC`,
            [auth.userId],
          );
    return { items: await Promise.all(rows.map((r) => this.view(r.id))) };
  }

  async get(id: string, auth: AuthContext): Promise<Cohort> {
    await this.managed(id, auth);
    return this.view(id);
  }

  async create(
    input: { name: string; description: string; startsOn: string | null; endsOn: string | null },
    auth: AuthContext,
  ): Promise<Cohort> {
    const id = await this.db.transaction(async (m) => {
      const cohort = await m.save(m.create(CohortEntity, { ...input, createdBy: auth.userId }));
      // The manager who creates a cohort manages it.
      if (auth.role === 'manager')
        await m.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'manager')`, [
          cohort.id,
          auth.userId,
        ]);
      return cohort.id;
    });
    return this.view(id);
  }

  async update(
    id: string,
    patch: Partial<{ name: string; description: string; startsOn: string | null; endsOn: string | null }>,
    auth: AuthContext,
  ): Promise<Cohort> {
    await this.db.transaction(async (m) => {
      const cohort = await this.managed(id, auth, m);
      Object.assign(cohort, patch);
      if (cohort.startsOn && cohort.endsOn && cohort.startsOn > cohort.endsOn)
        throw AppException.validation([{ path: 'body.endsOn', message: 'must not be before the start date' }]);
      await m.save(cohort);
    });
    return this.view(id);
  }

  // ---- members ----

  async members(
    id: string,
    query: { role?: CohortRole; q?: string; page: number; pageSize: number },
    auth: AuthContext,
  ) {
    await this.managed(id, auth);
    const role = query.role ?? null;
    const name = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const [{ total }]: { total: number }[] = await this.db.query(COHORT_MEMBERS_COUNT, [id, role, name]);
    const rows: { user_id: string; display_name: string; role: CohortRole; added_at: Date }[] = await this.db.query(
      COHORT_MEMBERS_PAGE,
      [id, role, name, query.pageSize, (query.page - 1) * query.pageSize],
    );
    // Whether the reset-code button can work for each row: the rule learnerResetCode applies, for the whole page at once.
    const learners = rows.filter((r) => r.role === 'learner').map((r) => r.user_id);
    const resettable =
      auth.role === 'admin' ? new Set(learners) : await managerCaresForMany(this.db, auth.userId, learners);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        role: r.role,
        addedAt: r.added_at.toISOString(),
        canResetPassword: r.role === 'learner' && resettable.has(r.user_id),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Finds one existing account by its exact username, for a manager to confirm before adding it to
   * a cohort they manage. No partial matches and no listing; every lookup is audited (found or not,
   * never with the typed name) and a manager may make LOOKUPS_PER_WINDOW of them per 15 minutes.
   * An unknown, disabled or erased account is one and the same 404, and so, for a manager, is an
   * account they may not take on (care.ts): a staff account, or a learner another programme holds.
   */
  async lookupAccount(id: string, username: string, auth: AuthContext, requestId: string): Promise<MemberLookupResult> {
    await this.managed(id, auth);
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = 'user.viewed' AND occurred_at > now() - interval '15 minutes' AND details->>'reason' = 'cohort_lookup'`,
      [auth.userId],
    );
    if (auth.role !== 'admin' && n >= LOOKUPS_PER_WINDOW)
      throw new AppException(
        429,
        'too_many_attempts',
        'You have looked up many accounts in a short time. Wait a few minutes and try again.',
      );
    // One statement for found and in reach, so an account out of reach costs what a missing one does.
    const [user]: { id: string; display_name: string; role: Role; member: CohortRole | null; reachable: boolean }[] =
      await this.db.query(
        `SELECT u.id, u.display_name, u.role, m.role AS member,
              ($4::boolean OR (u.role = 'learner' AND ${notHeldElsewhereSql('$3')})) AS reachable
         FROM users u LEFT JOIN cohort_members m ON m.user_id = u.id AND m.cohort_id = $2
        WHERE u.username = $1 AND u.status = 'active' AND u.erased_at IS NULL`,
        [username, id, auth.userId, auth.role === 'admin'],
      );
    const found = Boolean(user?.reachable);
    // An account out of reach is audited with its id: a manager probing other programmes' usernames shows in the log.
    await this.audit.record({
      actorId: auth.userId,
      action: 'user.viewed',
      targetUserId: user?.id ?? null,
      requestId,
      details: { reason: 'cohort_lookup', cohortId: id, found, ...(user && !found ? { outOfReach: true } : {}) },
    });
    if (!user || !found) throw AppException.notFound('account');
    return {
      userId: user.id,
      displayName: user.display_name,
      accountRole: user.role,
      member: user.member,
      allowedRoles: COHORT_ROLES.filter((r) => ACCOUNT_ROLES[r].includes(user.role)),
    };
  }

  /** Adds people; a learner is enrolled in the cohort's courses at once. */
  async addMembers(
    id: string,
    members: { userId: string; role: CohortRole }[],
    auth: AuthContext,
    requestId?: string,
  ): Promise<Cohort> {
    // Enrolment and membership writes of several people: a deadlock with a learner's own change is run again.
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      const users: { id: string; role: string; status: string }[] = await m.query(
        `SELECT id, role, status FROM users WHERE id = ANY($1::uuid[])`,
        [members.map((x) => x.userId)],
      );
      // A manager adds learners only under the lookup's rule (care.ts): a learner another programme
      // holds is "no such account", exactly like a missing one, and nothing is added. Staff accounts
      // may still be added by id (it gives the manager no reach into anyone's learning). Admins add anyone.
      const learnerIds = users.filter((u) => u.role === 'learner').map((u) => u.id);
      const reachable =
        auth.role === 'admin' ? new Set(learnerIds) : await managerMayTakeOn(m, auth.userId, learnerIds);
      if (members.some((x) => !users.some((u) => u.id === x.userId && (u.role !== 'learner' || reachable.has(u.id)))))
        throw AppException.notFound('account');
      const errors: FieldError[] = [];
      members.forEach((x, i) => {
        const u = users.find((y) => y.id === x.userId)!;
        if (!ACCOUNT_ROLES[x.role].includes(u.role))
          errors.push({ path: `body.members.${i}.role`, message: `a ${u.role} account cannot be a cohort ${x.role}` });
      });
      if (errors.length) throw AppException.validation(errors);
      // In id order: the counter triggers lock each person's users row, and two requests adding the
      // same people in opposite orders would otherwise deadlock.
      for (const x of [...members].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))) {
        // Row locks go enrolments -> cohort_members -> users everywhere (AddAtRiskCourses): take the
        // person's enrolments first, or re-adding a member while they complete a lesson (which holds
        // an enrolment and then updates their memberships) could deadlock.
        await m.query(`SELECT 1 FROM enrolments WHERE user_id = $1 ORDER BY id FOR SHARE`, [x.userId]);
        await m.query(
          `INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (cohort_id, user_id) DO UPDATE SET role = $3`,
          [id, x.userId, x.role],
        );
        if (x.role === 'learner') await this.enrolInCohortCourses(m, id, [x.userId]);
        await this.audit.record(
          {
            actorId: auth.userId,
            action: 'user.updated',
            targetUserId: x.userId,
            requestId,
            details: { change: 'cohort_member_added', cohortId: id, cohortRole: x.role },
          },
          m,
        );
      }
    });
    return this.view(id);
  }

  async removeMember(id: string, userId: string, auth: AuthContext): Promise<Cohort> {
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      if (userId === auth.userId && auth.role === 'manager')
        throw new AppException(400, 'own_account', 'You cannot remove yourself from a cohort you manage.');
      const res: unknown[] = await m.query(
        `WITH d AS (DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2 RETURNING 1) SELECT * FROM d`,
        [id, userId],
      );
      if (!res.length) throw AppException.notFound('member');
    });
    return this.view(id);
  }

  // ---- courses ----

  async assignCourse(id: string, courseId: string, dueOn: string | null, auth: AuthContext): Promise<Cohort> {
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      const course: { id: string }[] = await m.query(
        `SELECT id FROM courses WHERE id = $1 AND latest_version IS NOT NULL AND status <> 'archived'`,
        [courseId],
      );
      if (!course.length)
        throw AppException.validation([{ path: 'body.courseId', message: 'is not a published course' }]);
      await m.query(
        `INSERT INTO cohort_courses (cohort_id, course_id, due_on) VALUES ($1, $2, $3) ON CONFLICT (cohort_id, course_id) DO UPDATE SET due_on = $3`,
        [id, courseId, dueOn],
      );
      const learners: { user_id: string }[] = await m.query(
        `SELECT user_id FROM cohort_members WHERE cohort_id = $1 AND role = 'learner'`,
        [id],
      );
      await this.enrolInCohortCourses(
        m,
        id,
        learners.map((l) => l.user_id),
        courseId,
      );
    });
    return this.view(id);
  }

  async unassignCourse(id: string, courseId: string, auth: AuthContext): Promise<Cohort> {
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      await m.query(`DELETE FROM cohort_courses WHERE cohort_id = $1 AND course_id = $2`, [id, courseId]);
    });
    return this.view(id);
  }

  /** Enrols learners in the cohort's courses (or one of them); existing enrolments are left as they are. */
  private async enrolInCohortCourses(
    m: EntityManager,
    cohortId: string,
    userIds: string[],
    onlyCourseId?: string,
  ): Promise<void> {
    if (!userIds.length) return;
    const inserted: { id: string }[] = await m.query(
      `WITH ins AS (
         INSERT INTO enrolments (user_id, course_id, source)
         SELECT u, cc.course_id, 'cohort' FROM unnest($2::uuid[]) AS u, cohort_courses cc
          WHERE cc.cohort_id = $1 AND ($3::uuid IS NULL OR cc.course_id = $3)
         ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id)
       SELECT id FROM ins`,
      [cohortId, userIds, onlyCourseId ?? null],
    );
    // Progress a learner already made in a course (e.g. before joining) counts at once.
    for (const e of inserted) await recomputeEnrolment(m, e.id);
  }

  // ---- join codes ----

  async joinCodes(id: string, auth: AuthContext) {
    await this.managed(id, auth);
    const rows = await this.db
      .getRepository(JoinCodeEntity)
      .find({ where: { cohortId: id }, order: { createdAt: 'DESC' } });
    return { items: rows.map((r) => this.codeView(r)) };
  }

  async createJoinCode(id: string, input: { expiresAt: string | null; maxUses: number | null }, auth: AuthContext) {
    await this.managed(id, auth);
    if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now())
      throw AppException.validation([{ path: 'body.expiresAt', message: 'must be in the future' }]);
    const row = await this.db.getRepository(JoinCodeEntity).save({
      cohortId: id,
      code: randomCode(10),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      maxUses: input.maxUses,
      createdBy: auth.userId,
    });
    return this.codeView(row);
  }

  async revokeJoinCode(id: string, codeId: string, auth: AuthContext) {
    await this.managed(id, auth);
    const rows: JoinCodeEntity[] = await this.db.query(
      `WITH r AS (UPDATE join_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND cohort_id = $2 RETURNING *) SELECT * FROM r`,
      [codeId, id],
    );
    if (!rows[0]) throw AppException.notFound('join code');
    return this.codeView(await this.db.getRepository(JoinCodeEntity).findOneByOrFail({ id: codeId }));
  }

  /** Public: the cohort a code opens, or why it cannot be used. Throttled per address. */
  async previewJoin(code: string, ip: string): Promise<{ cohortName: string }> {
    await this.throttle.hit('join_ip', ip);
    const row = await this.db.getRepository(JoinCodeEntity).findOne({ where: { code }, relations: { cohort: true } });
    this.assertUsable(row);
    await this.throttle.forgive('join_ip', ip);
    return { cohortName: row!.cohort!.name };
  }

  /** Public: makes a learner account with the code, in the cohort and its courses, and signs them in. */
  async join(
    input: {
      code: string;
      username: string;
      displayName: string;
      password: string;
      locale: Locale;
      privacyVersion: string;
    },
    ctx: { ip: string; userAgent?: string; requestId: string },
  ): Promise<{ me: ReturnType<typeof toMe>; session: NewSession }> {
    await this.throttle.hit('join_ip', ctx.ip);
    this.passwords.assertAcceptable(input.password, input.username, input.displayName);
    const passwordHash = await this.passwords.hash(input.password);
    const result = await this.db.transaction(async (m) => {
      const code = await m.findOne(JoinCodeEntity, {
        where: { code: input.code },
        lock: { mode: 'pessimistic_write' },
      });
      this.assertUsable(code);
      let user: UserEntity;
      try {
        user = await m.transaction((sm) =>
          sm.save(
            sm.create(UserEntity, {
              username: input.username,
              displayName: input.displayName,
              role: 'learner',
              locale: input.locale,
              passwordHash,
              passwordChangedAt: new Date(),
              privacyVersion: input.privacyVersion,
              privacyAcceptedAt: new Date(),
              lastLoginAt: new Date(),
            }),
          ),
        );
      } catch (e) {
        if (pgCode(e) === '23505') {
          throw new AppException(409, 'username_taken', 'This username is already taken. Choose another one.', [
            { path: 'body.username', message: 'is already taken' },
          ]);
        }
        throw e;
      }
      await m.query(`UPDATE join_codes SET uses = uses + 1 WHERE id = $1`, [code!.id]);
      await m.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner')`, [
        code!.cohortId,
        user.id,
      ]);
      await this.enrolInCohortCourses(m, code!.cohortId, [user.id]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'user.joined',
          targetUserId: user.id,
          requestId: ctx.requestId,
          details: { cohortId: code!.cohortId, privacyVersion: input.privacyVersion },
        },
        m,
      );
      const session = await this.sessions.create(user.id, false, ctx.userAgent, m);
      return { me: toMe(user, false), session };
    });
    await this.throttle.forgive('join_ip', ctx.ip);
    return result;
  }

  /**
   * A signed-in learner joins another cohort with its code: their own consent to that programme
   * seeing them (a manager cannot pull in a learner another programme holds). Joining a cohort one
   * is already in changes nothing and uses no use of the code. Throttled per address like joining.
   */
  async joinExisting(
    codeText: string,
    auth: AuthContext,
    ctx: { ip: string; requestId: string },
  ): Promise<{ cohortName: string }> {
    await this.throttle.hit('join_ip', ctx.ip);
    const cohortName = await transactionWithRetry(this.db, async (m) => {
      const code = await m.findOne(JoinCodeEntity, { where: { code: codeText }, lock: { mode: 'pessimistic_write' } });
      if (!code) this.assertUsable(code);
      const cohort = await m.findOneByOrFail(CohortEntity, { id: code!.cohortId });
      const member: unknown[] = await m.query(`SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`, [
        code!.cohortId,
        auth.userId,
      ]);
      // Already in: a retry after a lost answer succeeds, even once the code is used up.
      if (member.length) return cohort.name;
      this.assertUsable(code);
      // Row locks go enrolments -> cohort_members -> users (AddAtRiskCourses), as in addMembers.
      await m.query(`SELECT 1 FROM enrolments WHERE user_id = $1 ORDER BY id FOR SHARE`, [auth.userId]);
      // ON CONFLICT: a manager may be adding them to the same cohort at this moment.
      const added: unknown[] = await m.query(
        `WITH ins AS (INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner') ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING 1) SELECT * FROM ins`,
        [code!.cohortId, auth.userId],
      );
      if (!added.length) return cohort.name;
      await m.query(`UPDATE join_codes SET uses = uses + 1 WHERE id = $1`, [code!.id]);
      await this.enrolInCohortCourses(m, code!.cohortId, [auth.userId]);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'user.joined',
          targetUserId: auth.userId,
          requestId: ctx.requestId,
          details: { cohortId: code!.cohortId, existingAccount: true },
        },
        m,
      );
      return cohort.name;
    });
    await this.throttle.forgive('join_ip', ctx.ip);
    return { cohortName };
  }

  private assertUsable(code: JoinCodeEntity | null): void {
    if (!code)
      throw new AppException(
        404,
        'invalid_join_code',
        'This join code does not exist. Check it with your program manager.',
        [{ path: 'code', message: 'does not exist' }],
      );
    if (code.revokedAt)
      throw new AppException(
        410,
        'join_code_revoked',
        'This join code has been withdrawn. Ask your program manager for a new one.',
      );
    if (code.expiresAt && code.expiresAt.getTime() <= Date.now())
      throw new AppException(
        410,
        'join_code_expired',
        'This join code has expired. Ask your program manager for a new one.',
      );
    if (code.maxUses !== null && code.uses >= code.maxUses)
      throw new AppException(
        410,
        'join_code_used_up',
        'This join code has been used as many times as it allows. Ask your program manager for a new one.',
      );
  }

  // ---- bulk accounts ----

  /**
   * Creates learners from CSV (username, displayName, language). Every row is checked first; any
   * problem is reported by line and nothing is created. Each learner gets a one-time code.
   */
  async importLearners(id: string, csv: string, auth: AuthContext) {
    await this.managed(id, auth);
    let records: string[][];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      }) as string[][];
    } catch (e) {
      throw AppException.validation([
        { path: 'body.csv', message: `is not readable CSV: ${(e as Error).message.split('\n')[0].slice(0, 200)}` },
      ]);
    }
    const [header, ...rows] = records;
    const cols = (header ?? []).map((h) => h.toLowerCase().replace(/[\s_-]/g, ''));
    const ui = cols.indexOf('username');
    const di = cols.findIndex((c) => c === 'displayname' || c === 'name');
    const li = cols.findIndex((c) => c === 'language' || c === 'locale');
    if (ui < 0 || di < 0)
      throw AppException.validation([
        {
          path: 'body.csv',
          message: 'needs a header row with the columns username and displayName (and optionally language)',
        },
      ]);
    if (!rows.length) throw AppException.validation([{ path: 'body.csv', message: 'has no rows below the header' }]);
    if (rows.length > MAX_IMPORT_ROWS)
      throw AppException.validation([
        { path: 'body.csv', message: `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} at a time` },
      ]);
    const errors: FieldError[] = [];
    const parsed: { username: string; displayName: string; locale: Locale; line: number }[] = [];
    const seen = new Map<string, number>();
    // Text a program decoded in the wrong encoding (Korean Excel's CP949 read as UTF-8 turns 하늘 into
    // "�ϴ�"): refused by line and field, before anything else, so no account gets a name no one can read.
    const misread: FieldError[] = [];
    [header ?? [], ...rows].forEach((r, i) => {
      const field = (c: number) =>
        c === ui ? 'username' : c === di ? 'displayName' : c === li ? 'language' : `column${c + 1}`;
      r.forEach((cell, c) => {
        if (MISDECODED.test(cell))
          misread.push({ path: `csv.line.${i + 1}.${i === 0 ? 'header' : field(c)}`, message: MISDECODED_MESSAGE });
      });
    });
    if (misread.length) {
      throw new AppException(
        400,
        'validation_failed',
        `The CSV was read in the wrong text encoding (line ${misread[0].path.split('.')[2]}); nothing was created. Save it as "CSV UTF-8" and try again.`,
        misread,
      );
    }
    rows.forEach((r, i) => {
      const line = i + 2;
      const u = usernameSchema.safeParse(r[ui] ?? '');
      const d = displayNameSchema.safeParse(r[di] ?? '');
      const l = localeSchema.safeParse((li >= 0 && r[li]) || 'ko');
      if (!u.success) errors.push({ path: `csv.line.${line}.username`, message: u.error.issues[0].message });
      if (!d.success) errors.push({ path: `csv.line.${line}.displayName`, message: d.error.issues[0].message });
      if (!l.success) errors.push({ path: `csv.line.${line}.language`, message: 'must be ko, en or zh' });
      if (u.success) {
        if (seen.has(u.data))
          errors.push({ path: `csv.line.${line}.username`, message: `is the same as on line ${seen.get(u.data)}` });
        else seen.set(u.data, line);
      }
      if (u.success && d.success && l.success)
        parsed.push({ username: u.data, displayName: d.data, locale: l.data, line });
    });
    if (parsed.length) {
      const taken: { username: string }[] = await this.db.query(
        `SELECT username FROM users WHERE username = ANY($1::text[])`,
        [parsed.map((p) => p.username)],
      );
      for (const t of taken)
        errors.push({
          path: `csv.line.${parsed.find((p) => p.username === t.username)!.line}.username`,
          message: 'is already taken',
        });
    }
    if (errors.length) {
      errors.sort((a, b) => Number(a.path.split('.')[2]) - Number(b.path.split('.')[2]));
      throw new AppException(
        400,
        'validation_failed',
        `${errors.length} problem${errors.length > 1 ? 's' : ''} in the CSV; nothing was created. First: line ${errors[0].path.split('.')[2]}: ${errors[0].message}`,
        errors,
      );
    }
    const created = await this.db.transaction(async (m) => {
      const out = [];
      for (const p of parsed) {
        const user = await m.save(
          m.create(UserEntity, {
            username: p.username,
            displayName: p.displayName,
            role: 'learner',
            locale: p.locale,
            passwordHash: null,
          }),
        );
        await m.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner')`, [
          id,
          user.id,
        ]);
        await this.audit.record(
          {
            actorId: auth.userId,
            action: 'user.created',
            targetUserId: user.id,
            details: { role: 'learner', cohortId: id, bulk: true },
          },
          m,
        );
        const code = await this.resetCodes.create(user.id, auth.userId, null, m);
        out.push({
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          code: code.code,
          expiresAt: code.expiresAt,
        });
      }
      await this.enrolInCohortCourses(
        m,
        id,
        out.map((o) => o.userId),
      );
      return out;
    });
    return { created };
  }

  /**
   * Corrects a learner's display name (a typo, or a name an old import broke). Under the reset-code
   * rule (care.ts): a learner of this cohort who is in no cohort the manager does not run; anyone
   * else — staff, another programme's learner, a non-member — is the same 404 as a missing one.
   * Audited with ids only: neither the old nor the new name goes in the log.
   */
  async renameMember(
    id: string,
    userId: string,
    displayName: string,
    auth: AuthContext,
    requestId: string,
  ): Promise<CohortMember> {
    return this.db.transaction(async (m) => {
      await this.managed(id, auth, m);
      const [member]: { added_at: Date }[] = await m.query(
        `SELECT cm.added_at FROM cohort_members cm JOIN users u ON u.id = cm.user_id
          WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'learner' AND u.erased_at IS NULL`,
        [id, userId],
      );
      if (!member) throw AppException.notFound('learner');
      if (auth.role === 'manager' && !(await managerCaresFor(m, auth.userId, userId)))
        throw AppException.notFound('learner');
      await m.query(`UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1`, [userId, displayName]);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'user.updated',
          targetUserId: userId,
          requestId,
          details: { change: 'member_renamed', cohortId: id, fields: ['displayName'] },
        },
        m,
      );
      return {
        userId,
        displayName,
        role: 'learner' as const,
        addedAt: member.added_at.toISOString(),
        canResetPassword: true,
      };
    });
  }

  /** A one-time code for a learner of a cohort the caller manages. */
  async learnerResetCode(id: string, userId: string, auth: AuthContext, requestId: string) {
    await this.managed(id, auth);
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2 AND role = 'learner'`,
      [id, userId],
    );
    if (!rows.length) throw AppException.notFound('learner');
    // A learner who is also in another manager's cohort is not this manager's to sign in as.
    if (auth.role === 'manager' && !(await managerCaresFor(this.db, auth.userId, userId)))
      throw AppException.notFound('learner');
    return this.resetCodes.create(userId, auth.userId, requestId);
  }

  // ---- views ----

  private codeView(r: JoinCodeEntity) {
    const usable =
      !r.revokedAt &&
      (!r.expiresAt || r.expiresAt.getTime() > Date.now()) &&
      (r.maxUses === null || r.uses < r.maxUses);
    return {
      id: r.id,
      code: `${r.code.slice(0, 5)}-${r.code.slice(5)}`,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      maxUses: r.maxUses,
      uses: r.uses,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      usable,
    };
  }

  async view(id: string): Promise<Cohort> {
    const c = await this.db.getRepository(CohortEntity).findOneByOrFail({ id });
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE role = 'manager')::int AS managers, count(*) FILTER (WHERE role = 'instructor')::int AS instructors, count(*) FILTER (WHERE role = 'learner')::int AS learners
         FROM cohort_members WHERE cohort_id = $1`,
      [id],
    );
    const courses: {
      course_id: string;
      slug: string;
      title: Cohort['courses'][number]['title'];
      due_on: string | null;
    }[] = await this.db.query(
      `SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at`,
      [id],
    );
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      counts,
      courses: courses.map((x) => ({ courseId: x.course_id, slug: x.slug, title: x.title, dueOn: x.due_on })),
      createdAt: c.createdAt.toISOString(),
    };
  }
}

/** Codes from the unambiguous alphabet (no 0/O, 1/I/L). */
export function randomCode(length: number): string {
  return Array.from({ length }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join('');
}
