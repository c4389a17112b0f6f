/** What other features may use of audit. */
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
export { AuditEventEntity } from './audit-event.entity.js';
