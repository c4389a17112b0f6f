import type { InboxItem } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadError } from '@/components/alerts';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { ShowMore } from '@/components/pager';
import { paths } from '@/config/paths';
import { useInbox, useMarkAllRead } from '../api/inbox';
import { InboxEntry } from '../components/inbox-entry';

/** Where a notification leads: the course, lesson or certificate it is about (none for a cohort's announcement). */
function linkOf(item: InboxItem): string | null {
  if (item.ref.type === 'certificate') return paths.learn.certificate(item.ref.id);
  if (!item.courseSlug) return null;
  if (item.ref.type === 'lesson') return paths.learn.lesson(item.courseSlug, item.ref.id);
  const lessonId = item.data.lessonId;
  if (typeof lessonId === 'string') return paths.learn.lesson(item.courseSlug, lessonId);
  return paths.learn.course(item.courseSlug);
}

/** What a notification is, in a sentence from the catalogue (it holds no text anyone wrote). */
function useSentence() {
  const { t } = useTranslation();
  return (item: InboxItem) =>
    item.kind === 'announcement'
      ? t(item.courseSlug ? 'inbox.kind.announcementCourse' : 'inbox.kind.announcementCohort')
      : t(`inbox.kind.${item.kind}`);
}

/** The person's inbox: what Dari has to tell them, newest first; read and unread said in words. */
export function InboxPage() {
  const { t } = useTranslation();
  const sentence = useSentence();
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((i) => !i.read);
  return (
    <Page title={t('inbox.title')}>
      {anyUnread ? (
        <p>
          <button type="button" className="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
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
            <InboxEntry
              key={item.id}
              id={item.id}
              read={item.read}
              createdAt={item.createdAt}
              sentence={{ text: sentence(item), to: linkOf(item) }}
              html={item.html}
            />
          ))}
        </ul>
      ) : null}
      <ShowMore list={inbox} label={t('inbox.more')} />
    </Page>
  );
}
