import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { PasswordService } from '../auth/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { managerCaresFor } from '../access/care.js';
import { CredentialsService } from '../credentials/index.js';
import { UserEntity } from '../users/index.js';
import * as q from './privacy.queries.js';

export { AUDIT_LOG_COUNT, AUDIT_LOG_PAGE } from './privacy.queries.js';

/** A learner's signed-in devices, their data export and erasure, and the admins' audit log. */
@Injectable()
export class PrivacyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly credentials: CredentialsService,
  ) {}

  // ---- sessions ----

  async sessions(auth: AuthContext) {
    const rows = await q.liveSessions(this.db, auth.userId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        userAgent: r.user_agent,
        sharedDevice: r.shared_device,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        current: r.id === auth.sessionId,
      })),
    };
  }

  async endSession(id: string, auth: AuthContext): Promise<void> {
    if (!(await q.endSession(this.db, id, auth.userId))) throw AppException.notFound('session');
  }

  // ---- export ----

  /** Everything Dari holds about the person, as one JSON document. */
  async export(userId: string, requestId: string): Promise<Record<string, unknown>> {
    const part = (name: Parameters<typeof q.exportPart>[1]) => q.exportPart(this.db, name, userId);
    const [account] = await part('account');
    const data = {
      format: 'dari-personal-data-export',
      exportedAt: new Date().toISOString(),
      account,
      sessions: await part('sessions'),
      cohorts: await part('cohorts'),
      enrolments: await part('enrolments'),
      lessonProgress: await part('lessonProgress'),
      quizAttempts: await part('quizAttempts'),
      learningEvents: await part('learningEvents'),
      journal: await part('journal'),
      wordList: await part('wordList'),
      wordRequests: await part('wordRequests'),
      certificates: await part('certificates'),
      credentials: await part('credentials'),
      questions: await part('questions'),
      notifications: await part('notifications'),
      announcementReads: await part('announcementReads'),
      auditEvents: await part('auditEvents'),
    };
    await this.audit.record({ actorId: userId, action: 'data.exported', targetUserId: userId, requestId });
    return data;
  }

  // ---- erasure ----

  /** The person erases their own account, confirming with their password. */
  async eraseMe(password: string, auth: AuthContext, requestId: string): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: auth.userId });
    if (!user || !(await this.passwords.verify(user.passwordHash, password))) {
      throw new AppException(400, 'wrong_password', 'The password is not right.', [
        { path: 'body.password', message: 'is not right' },
      ]);
    }
    if (user.role === 'admin') await this.assertNotLastAdmin(user.id);
    await this.erase(user.id, auth.userId, requestId);
  }

  /** An admin (any account) or a manager (a learner of a cohort they manage) erases an account on request. */
  async eraseByStaff(userId: string, auth: AuthContext, requestId: string): Promise<void> {
    const user = await q.account(this.db, userId);
    if (!user || user.erased_at) throw AppException.notFound('user');
    if (auth.role === 'manager') {
      if (!(await managerCaresFor(this.db, auth.userId, userId))) throw AppException.notFound('user');
    }
    if (user.id === auth.userId)
      throw new AppException(400, 'own_account', 'Erase your own account from your account page, with your password.');
    if (user.role === 'admin') await this.assertNotLastAdmin(user.id);
    await this.erase(user.id, auth.userId, requestId);
  }

  private async assertNotLastAdmin(userId: string): Promise<void> {
    if (!(await q.anotherActiveAdmin(this.db, userId)))
      throw new AppException(409, 'last_admin', 'Dari needs at least one active admin: make another admin first.');
  }

  /** Follows ERASURE_PLAN, in one transaction. */
  private async erase(userId: string, actorId: string, requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      // Before the certificates lose their owner: revoke the learner's credentials, empty Dari's copies.
      await this.credentials.erase(m, userId);
      await q.eraseAll(m, userId);
      await this.audit.record({ actorId, action: 'user.erased', targetUserId: userId, requestId }, m);
    });
  }

  // ---- audit log ----

  async auditLog(query: {
    actorId?: string;
    targetUserId?: string;
    action?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  }) {
    // An action is exact ('logout' is not 'logout_all'); a name ending in '.' is a family ('login.').
    const family = query.action?.endsWith('.') ? `${query.action.replace(/_/g, '\\_')}%` : null;
    const exact = query.action && !family ? query.action : null;
    const filters: Parameters<typeof q.auditLogCount>[1] = [
      query.actorId ?? null,
      query.targetUserId ?? null,
      exact,
      family,
      query.from ?? null,
      query.to ?? null,
    ];
    const total = await q.auditLogCount(this.db, filters);
    const rows = await q.auditLogPage(this.db, filters, query.pageSize, (query.page - 1) * query.pageSize);
    return {
      items: rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        target: r.target_user_id ? { id: r.target_user_id, displayName: r.target_name ?? '' } : null,
        requestId: r.request_id,
        details: r.details,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Deletes audit rows older than the retention period (the trigger allows it only here). */
  async purgeAudit(): Promise<number> {
    return this.db.transaction(async (m) => {
      return q.purgeAudit(m, this.config.auditRetentionDays);
    });
  }

  onApplicationBootstrap(): void {
    const run = () =>
      this.purgeAudit().catch((e: unknown) =>
        this.logger.warn(`audit purge failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    this.purgeTimer = setInterval(() => void run(), 86_400_000);
    this.purgeTimer.unref();
    void run();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }
}
