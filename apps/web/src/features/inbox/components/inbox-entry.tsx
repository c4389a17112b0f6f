import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { LessonHtml } from '@/components/markdown/lesson-html';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useMarkRead } from '../api/inbox';
import './inbox.css';

export interface InboxEntryProps {
  /** The notification's or announcement's id (what "mark read" sends). */
  id: string;
  read: boolean;
  createdAt: string;
  /** What it is, in a sentence, and where it leads (opening the link marks it read); none on a page's own list. */
  sentence?: { text: string; to: string | null };
  /** An announcement's text as the server rendered it (sanitised HTML per language); no Markdown engine here. */
  html?: { ko: string; en?: string; zh?: string } | null;
}

/**
 * One item of the inbox or of a page's announcements: read or unread in words (with a coloured edge), when,
 * what it is, the text, and a "mark read" button with a 44 px tap target. One component for both lists, so
 * the inbox and the course page cannot drift apart.
 */
export function InboxEntry({ id, read, createdAt, sentence, html }: InboxEntryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const markRead = useMarkRead();
  const text = html ? pickText(html, locale) : null;
  return (
    <li className={read ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
      <p className="inbox-item-head">
        <span className="inbox-state">{read ? t('inbox.read') : t('inbox.unread')}</span>{' '}
        <time dateTime={createdAt}>{formatDateTime(createdAt, locale)}</time>
      </p>
      {sentence ? (
        <p className="inbox-sentence">
          {sentence.to ? (
            <Link to={sentence.to} onClick={() => (read ? undefined : markRead.mutate(id))}>
              {sentence.text}
            </Link>
          ) : (
            sentence.text
          )}
        </p>
      ) : null}
      {text?.text ? <LessonHtml html={text.text} lang={text.lang} className="inbox-announcement" /> : null}
      {read ? null : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => markRead.mutate(id)}
          disabled={markRead.isPending}
        >
          {t('inbox.markRead')}
        </button>
      )}
      <ErrorAlert error={markRead.error} />
    </li>
  );
}
