import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserOverview } from '@dari/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import { userCohorts, userEnrolments, userRole } from './user-overview.queries.js';

/** For admins: an account's cohorts and course enrolments (status, percent). Reading a learner's is audited. */
@Injectable()
export class UserOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async overview(userId: string, actor: { userId: string; requestId: string }): Promise<UserOverview> {
    const user = (await userRole(this.db, userId)).at(0);
    if (!user) throw AppException.notFound('user');
    const [cohorts, enrolments] = await Promise.all([userCohorts(this.db, userId), userEnrolments(this.db, userId)]);
    if (user.role === 'learner') {
      await this.audit.record({
        actorId: actor.userId,
        action: 'learner.report_viewed',
        targetUserId: userId,
        requestId: actor.requestId,
        details: { view: 'admin_overview' },
      });
    }
    return {
      cohorts,
      enrolments: enrolments.map((e) => ({
        courseId: e.course_id,
        title: e.title,
        status: e.status,
        percent: e.percent,
        lastActivityAt: e.last_activity_at?.toISOString() ?? null,
      })),
    };
  }
}
