import { Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, Link, useLocation } from 'react-router';
import { Loading } from '@/components/loading';
import { OfflineBanner } from '@/components/offline-banner';
import { useMe } from '@/lib/session';
import { Header, PUBLIC_PATH } from './header';
import { RouteErrorBoundary } from './route-error';
import { paths } from '@/config/paths';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // Move focus without changing the address (the router would treat '#main' as a navigation).
  event.preventDefault();
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}

export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  // What a third party sees (an employer checking a certificate, anyone holding the phone on the sign-in
  // page) names Dari as a learning platform and nothing more: no hint at who learns here (PRODUCT.md,
  // "Safety first"). The promise about what is never asked is for the learner's own pages.
  const ownPage = Boolean(me) && !PUBLIC_PATH.test(pathname);
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToContent}>
        {t('nav.skipToContent')}
      </a>
      {/* At least a screen high (styles.css, .app-shell): the footer is never in the first screen, so it is
          not shown and then pushed down as the page's content arrives (a layout shift). */}
      <div className="app-shell">
        <Header />
        <OfflineBanner />
        <main id="main" tabIndex={-1}>
          <RouteErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </main>
      </div>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        {ownPage ? <p>{t('app.footerNoEmail')}</p> : null}
        <p>
          <Link to={paths.privacy}>{t('app.privacyLink')}</Link>
        </p>
      </footer>
    </>
  );
}
