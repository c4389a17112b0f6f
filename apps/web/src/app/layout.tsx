import { Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, Link } from 'react-router';
import { Loading } from '../components/loading';
import { OfflineBanner } from '../components/offline-banner';
import { Header } from './header';
import { RouteErrorBoundary } from './route-error';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // Move focus without changing the address (the router would treat '#main' as a navigation).
  event.preventDefault();
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToContent}>
        {t('nav.skipToContent')}
      </a>
      <Header />
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/privacy">{t('app.privacyLink')}</Link>
        </p>
      </footer>
    </>
  );
}
