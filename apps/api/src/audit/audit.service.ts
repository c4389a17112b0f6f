import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'logout'
  | 'logout.everywhere'
  | 'logout.others'
  | 'password.changed'
  | 'password.reset'
  | 'reset_code.created'
  | 'user.created'
  | 'user.updated'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.viewed'
  | 'course.published'
  | 'course.imported'
  | 'user.joined'
  | 'learner.report_viewed'
  | 'report.exported'
  | 'data.exported'
  | 'user.erased'
  | 'reflections.viewed'
  | 'question.asked'
  | 'question.answered'
  | 'question.published'
  | 'question.unpublished'
  | 'announcement.sent'
  | 'credential.issued'
  | 'credential.withdrawn'
  | 'credential.revoked'
  | 'credential.issuer_updated'
  | 'credential.key_rotated';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  targetUserId?: string | null;
  requestId?: string | null;
  /** Never personal data: no usernames, names or passwords. Ids, roles and counts only. */
  details?: Record<string, unknown>;
}

/** Writes the append-only audit log; pass the transaction's manager so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(event: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorId: event.actorId,
      action: event.action,
      targetUserId: event.targetUserId ?? null,
      requestId: event.requestId ?? null,
      details: (event.details ?? {}) as AuditEventEntity['details'] & object,
    });
  }
}
