import type { Announcement } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { LessonHtml } from '@/components/markdown/lesson-html';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useMarkRead } from '../api/inbox';
import { useMyAnnouncements, type MyAnnouncementsTarget } from '../api/my-announcements';
import './inbox.css';

function Item({ item }: { item: Announcement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const markRead = useMarkRead();
  const html = pickText(item.html ?? null, locale);
  return (
    <li className={item.read ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
      <p className="inbox-item-head">
        <span className="inbox-state">{item.read ? t('inbox.read') : t('inbox.unread')}</span>{' '}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
      </p>
      <LessonHtml html={html.text} lang={html.lang} className="inbox-announcement" />
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

/**
 * The newest announcements (at most 3, the API's choice) sent to the learner in this course or cohort,
 * newest first, with a link to the inbox that has them all. Nothing at all while loading, when there are
 * none, or when they cannot load (offline): the page around it is what the learner came for.
 */
export function MyAnnouncements({
  target,
  headingLevel,
}: {
  target: MyAnnouncementsTarget;
  /** The section heading's level under the page's (h2 on the course page, h4 in a cohort card). */
  headingLevel: 2 | 4;
}) {
  const { t } = useTranslation();
  const list = useMyAnnouncements(target);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const id = `announcements-${target.kind}-${target.id}`;
  const unread = items.filter((i) => !i.read).length;
  return (
    <section className="my-announcements" aria-labelledby={id}>
      <Heading id={id}>
        {t('inbox.onPage.title')}
        {unread > 0 ? <span className="muted"> · {t('inbox.onPage.unread', { count: unread })}</span> : null}
      </Heading>
      <ul className="inbox-list">
        {items.map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ul>
      <p>
        <Link to={paths.inbox}>{t('inbox.onPage.all')}</Link>
      </p>
    </section>
  );
}
