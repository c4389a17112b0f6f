import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useMyAnnouncements, type MyAnnouncementsTarget } from '../api/my-announcements';
import { InboxEntry } from './inbox-entry';

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
          <InboxEntry
            key={item.id}
            id={item.id}
            read={item.read ?? false}
            createdAt={item.createdAt}
            html={item.html}
          />
        ))}
      </ul>
      <p>
        <Link to={paths.inbox}>{t('inbox.onPage.all')}</Link>
      </p>
    </section>
  );
}
