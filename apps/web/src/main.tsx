import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProvider } from './app/provider';
import { preloadRoute } from './app/preload-route';
import { AppRoutes } from './app/routes';
import { ready } from './i18n';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const queryClient = createQueryClient();
// What the page at this address needs (a lesson: its data and chunks) starts now, not render by render.
preloadRoute(window.location.pathname, queryClient);

const root = document.getElementById('root');
if (root) {
  // Wait for the chosen language's words so the first paint is already in that language.
  void ready.finally(() => {
    createRoot(root).render(
      <StrictMode>
        <AppProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AppProvider>
      </StrictMode>,
    );
  });
}
