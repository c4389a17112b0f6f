import type { InboxItem, Locale } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useInbox, useMarkAllRead, useMarkRead } from '../api/inbox';
import '../components/inbox.css';

/** Where a notification leads: the course, lesson or certificate it is about (none for a cohort's announcement). */
function linkOf(item: InboxItem): string | null {
  if (item.ref.type === 'certificate') return paths.learn.certificate(item.ref.id);
  if (!item.courseSlug) return null;
  if (item.ref.type === 'lesson') return paths.learn.lesson(item.courseSlug, item.ref.id);
  const lessonId = item.data.lessonId;
  if (typeof lessonId === 'string') return paths.learn.lesson(item.courseSlug, lessonId);
  return paths.learn.course(item.courseSlug);
}

function Item({ item, locale }: { item: InboxItem; locale: Locale }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const to = linkOf(item);
  const sentence =
    item.kind === 'announcement'
      ? t(item.courseSlug ? 'inbox.kind.announcementCourse' : 'inbox.kind.announcementCohort')
      : t(`inbox.kind.${item.kind}`);
  const text = item.text ? pickText(item.text, locale) : null;
  return (
    <li className={item.read ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
      <p className="inbox-item-head">
        <span className="inbox-state">{item.read ? t('inbox.read') : t('inbox.unread')}</span>{' '}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
      </p>
      <p className="inbox-sentence">
        {to ? (
          <Link to={to} onClick={() => (item.read ? undefined : markRead.mutate(item.id))}>
            {sentence}
          </Link>
        ) : (
          sentence
        )}
      </p>
      {text ? (
        <div className="inbox-announcement" lang={text.lang}>
          <LazyMarkdown source={text.text} headingLevel={3} />
        </div>
      ) : null}
      {item.read ? null : (
        <button
          type="button"
          className="button-secondary"
          onClick={() => markRead.mutate(item.id)}
          disabled={markRead.isPending}
        >
          {t('inbox.markRead')}
        </button>
      )}
      <ErrorAlert error={markRead.error} />
    </li>
  );
}

/** The person's inbox: what Dari has to tell them, newest first; read and unread said in words. */
export function InboxPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((i) => !i.read);
  return (
    <Page title={t('inbox.title')}>
      {anyUnread ? (
        <p>
          <button type="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t('inbox.markAllRead')}
          </button>
        </p>
      ) : null}
      <ErrorAlert error={markAll.error} />
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {items.length ? (
        <ul className="inbox-list">
          {items.map((item) => (
            <Item key={item.id} item={item} locale={locale} />
          ))}
        </ul>
      ) : null}
      {inbox.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void inbox.fetchNextPage()}
            disabled={inbox.isFetchingNextPage}
          >
            {t('inbox.more')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}
