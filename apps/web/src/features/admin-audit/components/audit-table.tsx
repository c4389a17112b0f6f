import { useTranslation } from 'react-i18next';
import { CardTable, type Column } from '@/components/card-table';
import { useLocale } from '@/components/use-locale';
import type { AuditEvent } from '../api/list-audit';
import { actionLabel } from '../audit-actions';
import { formatAuditTime } from '../format-time';
import { AuditDetails } from './audit-details';

/** Newest first. On a phone each row becomes a card (CardTable): no sideways scroll. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const exists = (key: string) => i18n.exists(key);
  const columns: Column<AuditEvent>[] = [
    {
      key: 'when',
      header: t('adminAudit.columns.when'),
      cell: (event) => <time dateTime={event.occurredAt}>{formatAuditTime(event.occurredAt, locale)}</time>,
    },
    {
      key: 'action',
      header: t('adminAudit.columns.action'),
      cell: (event) => {
        const action = actionLabel(t, event.action, exists);
        return action.known ? action.text : <code translate="no">{action.text}</code>;
      },
    },
    {
      key: 'actor',
      header: t('adminAudit.columns.actor'),
      cell: (event) => {
        if (!event.actor) return <span className="muted">{t('adminAudit.nobody')}</span>;
        return <bdi>{event.actor.displayName}</bdi>;
      },
    },
    {
      key: 'target',
      header: t('adminAudit.columns.target'),
      cell: (event) =>
        event.target ? (
          <bdi>{event.target.displayName}</bdi>
        ) : (
          <span className="muted">{t('adminAudit.noTarget')}</span>
        ),
    },
    {
      key: 'details',
      header: t('adminAudit.columns.details'),
      cell: (event) => <AuditDetails details={event.details} />,
    },
  ];
  return (
    <CardTable
      caption={t('adminAudit.tableCaption')}
      className="audit-table"
      columns={columns}
      rows={events}
      rowKey={(event) => event.id}
    />
  );
}
