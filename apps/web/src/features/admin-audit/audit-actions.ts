import type { TFunction } from 'i18next';

/**
 * The actions the API records (apps/api/src/audit/audit.service.ts, AuditAction), grouped for the
 * filter. Each has a label under adminAudit.actions.<name with dots as underscores>.
 */
export const AUDIT_ACTION_GROUPS = {
  signIn: ['login.succeeded', 'login.failed', 'logout', 'logout.everywhere', 'logout.others'],
  accounts: ['user.created', 'user.joined', 'user.updated', 'user.role_changed', 'user.disabled', 'user.enabled'],
  passwords: ['password.changed', 'reset_code.created', 'password.reset'],
  records: ['user.viewed', 'learner.report_viewed', 'reflections.viewed'],
  data: ['report.exported', 'data.exported', 'user.erased'],
  courses: ['course.published', 'course.imported'],
  credentials: [
    'credential.issued',
    'credential.withdrawn',
    'credential.revoked',
    'credential.issuer_updated',
    'credential.key_rotated',
  ],
  together: ['announcement.sent', 'question.asked', 'question.answered', 'question.published', 'question.unpublished'],
} as const;

export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;
export const AUDIT_ACTIONS: readonly string[] = Object.values(AUDIT_ACTION_GROUPS).flat();

export const actionKey = (action: string) => `adminAudit.actions.${action.replace(/\./g, '_')}`;

/** A translated name; an action this page does not know yet shows as the API names it. */
export function actionLabel(
  t: TFunction,
  action: string,
  exists: (key: string) => boolean,
): { text: string; known: boolean } {
  const key = actionKey(action);
  return exists(key) ? { text: t(key), known: true } : { text: action, known: false };
}
