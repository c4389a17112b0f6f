import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../components/use-locale';
import type { AuditEvent } from '../api/list-audit';
import { actionLabel } from '../audit-actions';
import { formatAuditTime } from '../format-time';
import { AuditDetails } from './audit-details';

/** Newest first. On a phone each row becomes a card (see .table-cards in styles.css): no sideways scroll. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const exists = (key: string) => i18n.exists(key);
  const columns = {
    when: t('adminAudit.columns.when'),
    action: t('adminAudit.columns.action'),
    actor: t('adminAudit.columns.actor'),
    target: t('adminAudit.columns.target'),
    details: t('adminAudit.columns.details'),
  };
  return (
    <div className="table-wrap">
      <table className="table-cards audit-table">
        <caption className="visually-hidden">{t('adminAudit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.when}</th>
            <th scope="col">{columns.action}</th>
            <th scope="col">{columns.actor}</th>
            <th scope="col">{columns.target}</th>
            <th scope="col">{columns.details}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const action = actionLabel(t, event.action, exists);
            return (
              <tr key={event.id}>
                <th scope="row" data-label={columns.when}>
                  <time dateTime={event.occurredAt}>{formatAuditTime(event.occurredAt, locale)}</time>
                </th>
                <td data-label={columns.action}>
                  {action.known ? action.text : <code translate="no">{action.text}</code>}
                </td>
                <td data-label={columns.actor}>
                  {event.actor ? (
                    <bdi>{event.actor.displayName}</bdi>
                  ) : (
                    <span className="muted">{t('adminAudit.nobody')}</span>
                  )}
                </td>
                <td data-label={columns.target}>
                  {event.target ? (
                    <bdi>{event.target.displayName}</bdi>
                  ) : (
                    <span className="muted">{t('adminAudit.noTarget')}</span>
                  )}
                </td>
                <td data-label={columns.details}>
                  <AuditDetails details={event.details} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
