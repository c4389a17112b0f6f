import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { AuthContext } from '../common/http/request.js';
import { run } from '../database/sql.js';
import { endOtherSessions } from './my-sessions.queries.js';

/** The person's own devices, in bulk: "sign out everywhere else", keeping this device signed in. */
@Injectable()
export class MySessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Ends every other session of the caller in one statement, audited in the same transaction (with a count only). */
  async endOthers(auth: AuthContext, requestId: string): Promise<{ ended: number }> {
    return this.db.transaction(async (m) => {
      const rows = await run(m, endOtherSessions, [auth.userId, auth.sessionId]);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'logout.others',
          targetUserId: auth.userId,
          requestId,
          details: { ended: rows.length },
        },
        m,
      );
      return { ended: rows.length };
    });
  }
}
