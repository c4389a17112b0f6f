import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface PageProps {
  /** Shown as the page's h1 and in the browser tab. */
  title: string;
  children?: ReactNode;
  className?: string;
}

/** Every page has one h1; after moving between pages, focus goes to it so screen readers announce the new page. */
export function Page({ title, children, className }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    // 'default' is the first page the browser loaded: leave focus where the browser put it.
    if (location.key !== 'default') headingRef.current?.focus();
  }, [location.key]);

  return (
    <div className={className ? `page ${className}` : 'page'}>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
