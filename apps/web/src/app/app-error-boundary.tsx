import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface State {
  failed: boolean;
}

/** Last line of defence outside the router: a translated message and a way out, never a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <main id="main" className="page">
        <h1>{t('errorPage.title')}</h1>
        <p>{t('errorPage.body')}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('common.tryAgain')}
        </button>
      </main>
    );
  }
}
