import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RESET_CODE_ALPHABET, type Locale } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { LoginThrottleService, PasswordService, SessionsService, type NewSession } from '../auth/index.js';
import { CohortEntity, CohortsService } from '../cohorts/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { transactionWithRetry } from '../database/retry.js';
import { toMe, UsersService } from '../users/index.js';
import { JoinCodeEntity } from './join.entities.js';
import { revokeCode, useCode } from './join.queries.js';

/** Codes from the unambiguous alphabet (no 0/O, 1/I/L). */
export function randomCode(length: number): string {
  return Array.from({ length }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join('');
}

/**
 * Join codes: the managers' codes for a cohort, and joining with one — a new learner account (no
 * email, no phone) or a signed-in learner's consent to another programme. Accounts are made by
 * UsersService, memberships by CohortsService, in the same transaction.
 */
@Injectable()
export class JoinService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  // ---- a manager's codes ----

  async joinCodes(id: string, auth: AuthContext) {
    await this.cohorts.managed(id, auth);
    const rows = await this.db
      .getRepository(JoinCodeEntity)
      .find({ where: { cohortId: id }, order: { createdAt: 'DESC' } });
    return { items: rows.map((r) => this.codeView(r)) };
  }

  async createJoinCode(id: string, input: { expiresAt: string | null; maxUses: number | null }, auth: AuthContext) {
    await this.cohorts.managed(id, auth);
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
    await this.cohorts.managed(id, auth);
    if (!(await revokeCode(this.db, codeId, id))) throw AppException.notFound('join code');
    return this.codeView(await this.db.getRepository(JoinCodeEntity).findOneByOrFail({ id: codeId }));
  }

  // ---- joining ----

  /** Public: the cohort a code opens, or why it cannot be used. Throttled per address. */
  async previewJoin(code: string, ip: string): Promise<{ cohortName: string }> {
    await this.throttle.hit('join_ip', ip);
    const row = await this.db.getRepository(JoinCodeEntity).findOne({ where: { code }, relations: { cohort: true } });
    this.assertUsable(row);
    await this.throttle.forgive('join_ip', ip);
    // The relation is loaded above and a code always has its cohort.
    if (!row.cohort) throw AppException.notFound('cohort');
    return { cohortName: row.cohort.name };
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
      const user = await this.users.signUpLearner(m, {
        username: input.username,
        displayName: input.displayName,
        locale: input.locale,
        passwordHash,
        privacyVersion: input.privacyVersion,
      });
      await useCode(m, code.id);
      await this.cohorts.addJoiningLearner(m, code.cohortId, user.id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'user.joined',
          targetUserId: user.id,
          requestId: ctx.requestId,
          details: { cohortId: code.cohortId, privacyVersion: input.privacyVersion },
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
      const cohort = await m.findOneByOrFail(CohortEntity, { id: code.cohortId });
      // Already in: a retry after a lost answer succeeds, even once the code is used up.
      if (await this.cohorts.isMember(m, code.cohortId, auth.userId)) return cohort.name;
      this.assertUsable(code);
      if (!(await this.cohorts.addJoiningLearner(m, code.cohortId, auth.userId))) return cohort.name;
      await useCode(m, code.id);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'user.joined',
          targetUserId: auth.userId,
          requestId: ctx.requestId,
          details: { cohortId: code.cohortId, existingAccount: true },
        },
        m,
      );
      return cohort.name;
    });
    await this.throttle.forgive('join_ip', ctx.ip);
    return { cohortName };
  }

  private assertUsable(code: JoinCodeEntity | null): asserts code is JoinCodeEntity {
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
}
