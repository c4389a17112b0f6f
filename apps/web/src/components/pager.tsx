import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  /** The navigation's accessible name, e.g. "Pages of users". */
  label: string;
  page: number;
  pages: number;
  /** Where we are, e.g. "Page 2 of 5", already translated. */
  status: ReactNode;
  onPage: (page: number) => void;
  /** While the next page loads, both buttons wait. */
  busy?: boolean;
  /** Buttons before "Previous" (e.g. a cursor-paged list's "First page"). */
  before?: ReactNode;
}

/**
 * Previous / where we are / next. Shown only when there is more than one page. Focus stays on the button
 * pressed (the page around it re-renders, the buttons keep their place); a page that wants focus to move to
 * its results does so itself once they arrive (see the audit page).
 */
export function Pager({ label, page, pages, status, onPage, busy = false, before }: PagerProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {before}
      <button
        type="button"
        className="button button-secondary"
        disabled={page <= 1 || busy}
        onClick={() => onPage(page - 1)}
      >
        {t('common.previous')}
      </button>
      <span>{status}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={page >= pages || busy}
        onClick={() => onPage(page + 1)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}

/** How many pages a `{ total, pageSize }` answer has (at least one). */
export const pageCount = (data: { total: number; pageSize: number } | undefined) =>
  data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

interface ShowMoreProps {
  /** A list loaded a page at a time (TanStack Query's infinite query). */
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };
  /** The button's words, already translated (e.g. "More questions"). */
  label: string;
}

/** "Show more" under a list that grows a page at a time; nothing once the last page is in. */
export function ShowMore({ list, label }: ShowMoreProps) {
  if (!list.hasNextPage) return null;
  return (
    <p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
      >
        {label}
      </button>
    </p>
  );
}
