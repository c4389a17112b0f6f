import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  COHORT_ROLES,
  type Cohort,
  type CohortMember,
  type FieldError,
  type MemberLookupResult,
} from '@dari/contracts';
import { managerCaresFor, managerCaresForMany, managerMayTakeOn } from '../access/care.js';
import { AuditService } from '../audit/index.js';
import { ResetCodesService } from '../auth/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { transactionWithRetry } from '../database/retry.js';
import { recomputeEnrolment } from '../access/completion.js';
import { NotificationsService } from '../notifications/index.js';
import { UsersService } from '../users/index.js';
import { readLearnerCsv } from './cohort-import.js';
import { CohortEntity } from './cohorts.entities.js';
import * as q from './cohorts.queries.js';
import * as due from './due.queries.js';
import type { CohortRole } from './cohorts.queries.js';

const ACCOUNT_ROLES: Record<CohortRole, string[]> = {
  manager: ['manager', 'admin'],
  instructor: ['instructor', 'admin'],
  learner: ['learner'],
};
const LOOKUPS_PER_WINDOW = 60;

/**
 * Cohorts and everything a program manager does with them. Managers act on the cohorts they manage;
 * admins on all. A cohort someone may not manage is "not found", like a missing one.
 */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly resetCodes: ResetCodesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Throws 404 unless the caller manages this cohort (or is an admin). */
  async managed(cohortId: string, auth: AuthContext, m: EntityManager = this.db.manager): Promise<CohortEntity> {
    const cohort = await m.findOneBy(CohortEntity, { id: cohortId });
    if (!cohort) throw AppException.notFound('cohort');
    if (auth.role === 'admin') return cohort;
    const manages = await q.isCohortManager(m, cohortId, auth.userId);
    if (auth.role !== 'manager' || !manages) throw AppException.notFound('cohort');
    return cohort;
  }

  async list(auth: AuthContext) {
    const ids = auth.role === 'admin' ? await q.allCohortIds(this.db) : await q.managedCohortIds(this.db, auth.userId);
    return { items: await Promise.all(ids.map((id) => this.view(id))) };
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
      if (auth.role === 'manager') await q.addMember(m, cohort.id, auth.userId, 'manager');
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
    const total = await q.countMembers(this.db, id, role, name);
    const rows = await q.membersPage(this.db, [id, role, name], query.pageSize, (query.page - 1) * query.pageSize);
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
   * account they may not take on (access/care.ts): a staff account, or a learner another programme holds.
   */
  async lookupAccount(id: string, username: string, auth: AuthContext, requestId: string): Promise<MemberLookupResult> {
    await this.managed(id, auth);
    const n = await q.lookupsInWindow(this.db, auth.userId);
    if (auth.role !== 'admin' && n >= LOOKUPS_PER_WINDOW)
      throw new AppException(
        429,
        'too_many_attempts',
        'You have looked up many accounts in a short time. Wait a few minutes and try again.',
      );
    const user = await q.lookupAccount(this.db, username, id, auth.userId, auth.role === 'admin');
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
      const users = await q.accounts(
        m,
        members.map((x) => x.userId),
      );
      // A manager adds learners only under the lookup's rule (access/care.ts): a learner another programme
      // holds is "no such account", exactly like a missing one, and nothing is added. Staff accounts
      // may still be added by id (it gives the manager no reach into anyone's learning). Admins add anyone.
      const learnerIds = users.filter((u) => u.role === 'learner').map((u) => u.id);
      const reachable =
        auth.role === 'admin' ? new Set(learnerIds) : await managerMayTakeOn(m, auth.userId, learnerIds);
      if (members.some((x) => !users.some((u) => u.id === x.userId && (u.role !== 'learner' || reachable.has(u.id)))))
        throw AppException.notFound('account');
      const errors: FieldError[] = [];
      members.forEach((x, i) => {
        const u = users.find((y) => y.id === x.userId); // every member's account was found just above
        if (u && !ACCOUNT_ROLES[x.role].includes(u.role))
          errors.push({ path: `body.members.${i}.role`, message: `a ${u.role} account cannot be a cohort ${x.role}` });
      });
      if (errors.length) throw AppException.validation(errors);
      // In id order: the counter triggers lock each person's users row, and two requests adding the
      // same people in opposite orders would otherwise deadlock.
      for (const x of [...members].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))) {
        // Row locks go enrolments -> cohort_members -> users everywhere (AddAtRiskCourses): take the
        // person's enrolments first, or re-adding a member while they complete a lesson (which holds
        // an enrolment and then updates their memberships) could deadlock.
        await q.lockEnrolments(m, x.userId);
        await q.upsertMember(m, id, x.userId, x.role);
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
      if (!(await q.deleteMember(m, id, userId))) throw AppException.notFound('member');
    });
    return this.view(id);
  }

  /**
   * A person joins the cohort as a learner with its code (join/): added unless they are a member
   * already, then enrolled in its courses. Whether they were added. In the caller's transaction.
   */
  async addJoiningLearner(m: EntityManager, cohortId: string, userId: string): Promise<boolean> {
    // Row locks go enrolments -> cohort_members -> users (AddAtRiskCourses), as in addMembers.
    await q.lockEnrolments(m, userId);
    // ON CONFLICT: a manager may be adding them to the same cohort at this moment.
    if (!(await q.addMemberIfAbsent(m, cohortId, userId, 'learner'))) return false;
    await this.enrolInCohortCourses(m, cohortId, [userId]);
    return true;
  }

  /** Whether `userId` is a member of the cohort in any role. */
  isMember(m: EntityManager, cohortId: string, userId: string): Promise<boolean> {
    return q.isMember(m, cohortId, userId);
  }

  // ---- courses ----

  async assignCourse(id: string, courseId: string, dueOn: string | null, auth: AuthContext): Promise<Cohort> {
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      if (!(await q.isPublishedCourse(m, courseId)))
        throw AppException.validation([{ path: 'body.courseId', message: 'is not a published course' }]);
      const before = await due.assignedDue(m, id, courseId);
      await q.assignCourse(m, id, courseId, dueOn);
      const learners = await q.learnerIds(m, id);
      await this.enrolInCohortCourses(m, id, learners, courseId);
      // The learners are told in this transaction: a change that rolls back tells nobody.
      const ref = { type: 'course' as const, id: courseId };
      const data = dueOn ? { dueOn } : undefined;
      if (!before) await this.notifications.notify(m, learners, { kind: 'course_assigned', ref, data });
      else if (before.due_on !== dueOn)
        // Only those still working through it: a new date on a finished course is nothing to act on.
        await this.notifications.notify(m, await due.activeLearners(m, id, courseId), {
          kind: 'due_date_changed',
          ref,
          data,
        });
    });
    return this.view(id);
  }

  async unassignCourse(id: string, courseId: string, auth: AuthContext): Promise<Cohort> {
    await transactionWithRetry(this.db, async (m) => {
      await this.managed(id, auth, m);
      await q.unassignCourse(m, id, courseId);
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
    const inserted = await q.enrolInCohortCourses(m, cohortId, userIds, onlyCourseId ?? null);
    // Progress a learner already made in a course (e.g. before joining) counts at once.
    for (const enrolmentId of inserted) await recomputeEnrolment(m, enrolmentId);
  }

  // ---- bulk accounts ----

  /**
   * Creates learners from CSV (username, displayName, language). Every row is checked first; any
   * problem is reported by line and nothing is created. Each learner gets a one-time code.
   */
  async importLearners(id: string, csv: string, auth: AuthContext) {
    await this.managed(id, auth);
    const parsed = await readLearnerCsv(csv, (usernames) => this.users.takenUsernames(usernames));
    const created = await this.db.transaction(async (m) => {
      const out = [];
      for (const p of parsed) {
        const user = await this.users.createLearner(m, p);
        await q.addMember(m, id, user.id, 'learner');
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
   * rule (access/care.ts): a learner of this cohort who is in no cohort the manager does not run; anyone
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
      const member = await q.learnerMembership(m, id, userId);
      if (!member) throw AppException.notFound('learner');
      if (auth.role === 'manager' && !(await managerCaresFor(m, auth.userId, userId)))
        throw AppException.notFound('learner');
      await this.users.rename(m, userId, displayName);
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
    if (!(await q.isLearner(this.db, id, userId))) throw AppException.notFound('learner');
    // A learner who is also in another manager's cohort is not this manager's to sign in as.
    if (auth.role === 'manager' && !(await managerCaresFor(this.db, auth.userId, userId)))
      throw AppException.notFound('learner');
    return this.resetCodes.create(userId, auth.userId, requestId);
  }

  // ---- views ----

  async view(id: string): Promise<Cohort> {
    const c = await this.db.getRepository(CohortEntity).findOneByOrFail({ id });
    const counts = await q.memberCounts(this.db, id);
    const courses = await q.cohortCourses(this.db, id);
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
