import { ROLES, type Role } from '@dari/contracts';
import { useTranslation } from 'react-i18next';

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/**
 * What the API put in an event's details, in words: roles, counts, a course version. Ids and keys
 * this page does not know are left out: the details hold no personal data, but raw ids help no one.
 */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (isRole(details['from']) && isRole(details['to'])) {
    lines.push(
      t('adminAudit.details.roleChange', { from: t(`roles.${details['from']}`), to: t(`roles.${details['to']}`) }),
    );
  } else if (isRole(details['role'])) {
    lines.push(t('adminAudit.details.role', { role: t(`roles.${details['role']}`) }));
  }
  if (details['sharedDevice'] === true) lines.push(t('adminAudit.details.sharedDevice'));
  if (details['bulk'] === true) lines.push(t('adminAudit.details.bulk'));
  if (details['demo'] === true) lines.push(t('adminAudit.details.demo'));
  if (typeof details['version'] === 'number')
    lines.push(t('adminAudit.details.version', { version: details['version'] }));
  if (typeof details['count'] === 'number') lines.push(t('adminAudit.details.count', { count: details['count'] }));
  if (Array.isArray(details['fields']) && details['fields'].includes('displayName'))
    lines.push(t('adminAudit.details.displayNameChanged'));
  if (typeof details['ended'] === 'number') lines.push(t('adminAudit.details.ended', { count: details['ended'] }));
  if (details['format'] === 'xlsx') lines.push(t('adminAudit.details.formatXlsx'));
  if (details['report'] === 'cohort') lines.push(t('adminAudit.details.reportCohort'));
  if (details['report'] === 'course') lines.push(t('adminAudit.details.reportCourse'));
  // An admin's reason for revoking a credential: their own words, kept for the record.
  if (typeof details['reason'] === 'string') lines.push(t('adminAudit.details.reason', { reason: details['reason'] }));
  if (lines.length === 0) return null;
  return (
    <ul className="audit-details">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
