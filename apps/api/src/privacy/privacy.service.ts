import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PasswordService } from '../auth/password.service.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { managerCaresFor } from '../access/care.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * The admins' audit log, filtered by who, to whom, what and when. Every filter is optional and written
 * out: a filter not given ($n NULL) matches every row. PostgreSQL plans each call with the values
 * bound, so a NULL test folds away and a given filter uses its index as if written alone.
 * $1 actor, $2 target, $3 exact action, $4 action family (a LIKE prefix), $5 from, $6 to.
 */
export const AUDIT_LOG_COUNT = `
  SELECT count(*)::int AS total
    FROM audit_events a
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6)`;
/** The same filters, a page of rows newest first; $7 limit, $8 offset. */
export const AUDIT_LOG_PAGE = `
  SELECT a.id, a.occurred_at, a.action, a.actor_id, ua.display_name AS actor_name, a.target_user_id, ut.display_name AS target_name, a.request_id, a.details
    FROM audit_events a LEFT JOIN users ua ON ua.id = a.actor_id LEFT JOIN users ut ON ut.id = a.target_user_id
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6)
   ORDER BY a.occurred_at DESC, a.id LIMIT $7 OFFSET $8`;

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
  ) {}

  // ---- sessions ----

  async sessions(auth: AuthContext) {
    const rows: {
      id: string;
      user_agent: string | null;
      shared_device: boolean;
      created_at: Date;
      last_seen_at: Date;
    }[] = await this.db.query(
      `SELECT id, user_agent, shared_device, created_at, last_seen_at FROM sessions WHERE user_id = $1 AND expires_at > now() AND idle_expires_at > now() ORDER BY last_seen_at DESC`,
      [auth.userId],
    );
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
    const rows: unknown[] = await this.db.query(
      `WITH d AS (DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING 1) SELECT * FROM d`,
      [id, auth.userId],
    );
    if (!rows.length) throw AppException.notFound('session');
  }

  // ---- export ----

  /** Everything Dari holds about the person, as one JSON document. */
  async export(userId: string, requestId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => this.db.query(sql, [userId]);
    const [account] = await q(
      `SELECT id, username, display_name AS "displayName", role, status, locale, privacy_version AS "privacyVersion", privacy_accepted_at AS "privacyAcceptedAt",
              last_login_at AS "lastLoginAt", password_changed_at AS "passwordChangedAt", created_at AS "createdAt" FROM users WHERE id = $1`,
    );
    const data = {
      format: 'dari-personal-data-export',
      exportedAt: new Date().toISOString(),
      account,
      sessions: await q(
        `SELECT id, user_agent AS "userAgent", shared_device AS "sharedDevice", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt" FROM sessions WHERE user_id = $1`,
      ),
      cohorts: await q(
        `SELECT c.name, m.role, m.added_at AS "addedAt" FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1`,
      ),
      enrolments: await q(
        `SELECT e.course_id AS "courseId", c.slug, e.status, e.source, e.percent, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", e.withdrawn_at AS "withdrawnAt", e.last_activity_at AS "lastActivityAt" FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1`,
      ),
      lessonProgress: await q(
        `SELECT lesson_id AS "lessonId", course_id AS "courseId", status, time_spent_seconds AS "timeSpentSeconds", best_score AS "bestScore", passed, attempts, position, completed_at AS "completedAt" FROM lesson_progress WHERE user_id = $1`,
      ),
      quizAttempts: await q(
        `SELECT lesson_id AS "lessonId", course_id AS "courseId", answers, correct, score, passed, submitted_at AS "submittedAt" FROM quiz_attempts WHERE user_id = $1`,
      ),
      learningEvents: await q(
        `SELECT id, type, lesson_id AS "lessonId", course_id AS "courseId", course_version AS "courseVersion", payload, occurred_at AS "occurredAt", received_at AS "receivedAt" FROM learning_events WHERE user_id = $1 ORDER BY occurred_at`,
      ),
      journal: await q(
        `SELECT lesson_id AS "lessonId", course_id AS "courseId", text, shared, updated_at AS "updatedAt" FROM journal_entries WHERE user_id = $1`,
      ),
      wordList: await q(
        `SELECT t.term, w.added_at AS "addedAt" FROM word_list w JOIN glossary_terms t ON t.id = w.term_id WHERE w.user_id = $1`,
      ),
      wordRequests: await q(
        `SELECT text, status, lesson_id AS "lessonId", created_at AS "createdAt", answered_at AS "answeredAt" FROM word_requests WHERE user_id = $1`,
      ),
      certificates: await q(
        `SELECT code, name, course_title AS "courseTitle", issued_at AS "issuedAt", revoked_at AS "revokedAt" FROM certificates WHERE user_id = $1`,
      ),
      auditEvents: await q(
        `SELECT occurred_at AS "occurredAt", action, (actor_id = $1) AS "byYou", details FROM audit_events WHERE actor_id = $1 OR target_user_id = $1 ORDER BY occurred_at`,
      ),
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
    const [user]: { id: string; role: string; erased_at: Date | null }[] = await this.db.query(
      `SELECT id, role, erased_at FROM users WHERE id = $1`,
      [userId],
    );
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
    const others: unknown[] = await this.db.query(
      `SELECT 1 FROM users WHERE role = 'admin' AND status = 'active' AND id <> $1 LIMIT 1`,
      [userId],
    );
    if (!others.length)
      throw new AppException(409, 'last_admin', 'Dari needs at least one active admin: make another admin first.');
  }

  /** Follows ERASURE_PLAN, in one transaction. */
  private async erase(userId: string, actorId: string, requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const q = (sql: string) => m.query(sql, [userId]);
      await q(
        `UPDATE users SET username = 'erased-' || replace(id::text, '-', ''), display_name = '(erased)', password_hash = NULL, status = 'disabled',
                privacy_version = NULL, privacy_accepted_at = NULL, last_login_at = NULL, password_changed_at = NULL, erased_at = now(), updated_at = now()
          WHERE id = $1`,
      );
      await q(`DELETE FROM sessions WHERE user_id = $1`);
      await q(`DELETE FROM reset_codes WHERE user_id = $1`);
      await q(`DELETE FROM course_instructors WHERE user_id = $1`);
      await q(`DELETE FROM journal_entries WHERE user_id = $1`);
      await q(`DELETE FROM word_list WHERE user_id = $1`);
      await q(`DELETE FROM word_requests WHERE user_id = $1`);
      await q(`UPDATE reset_codes SET created_by_id = NULL WHERE created_by_id = $1`);
      await q(`UPDATE media SET uploaded_by = NULL WHERE uploaded_by = $1`);
      await q(`UPDATE certificates SET user_id = NULL, name = '' WHERE user_id = $1`);
      await q(`UPDATE word_requests SET answered_by = NULL WHERE answered_by = $1`);
      await q(`UPDATE glossary_terms SET updated_by = NULL WHERE updated_by = $1`);
      await q(`UPDATE cohorts SET created_by = NULL WHERE created_by = $1`);
      await q(`UPDATE join_codes SET created_by = NULL WHERE created_by = $1`);
      // Free text the person wrote in quiz answers goes; scores stay for the programme's numbers.
      await q(`UPDATE quiz_attempts SET answers = '{}' WHERE user_id = $1`);
      await q(
        `UPDATE learning_events SET payload = '{}' WHERE user_id = $1 AND type IN ('quiz_submitted', 'reflection_saved')`,
      );
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
    const filters = [
      query.actorId ?? null,
      query.targetUserId ?? null,
      exact,
      family,
      query.from ?? null,
      query.to ?? null,
    ];
    const [{ total }]: { total: number }[] = await this.db.query(AUDIT_LOG_COUNT, filters);
    const rows: {
      id: string;
      occurred_at: Date;
      action: string;
      actor_id: string | null;
      actor_name: string | null;
      target_user_id: string | null;
      target_name: string | null;
      request_id: string | null;
      details: Record<string, unknown>;
    }[] = await this.db.query(AUDIT_LOG_PAGE, [...filters, query.pageSize, (query.page - 1) * query.pageSize]);
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
      await m.query(`SET LOCAL dari.audit_purge = 'on'`);
      const rows: unknown[] = await m.query(
        `WITH d AS (DELETE FROM audit_events WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1) SELECT * FROM d`,
        [this.config.auditRetentionDays],
      );
      return rows.length;
    });
  }

  onApplicationBootstrap(): void {
    const run = () => this.purgeAudit().catch((e: Error) => this.logger.warn(`audit purge failed: ${e.message}`));
    this.purgeTimer = setInterval(run, 86_400_000);
    this.purgeTimer.unref();
    void run();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }
}
