import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { AppProvider } from '../app/provider';
import { AppRoutes } from '../app/routes';
import { createQueryClient } from '../lib/query-client';

function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {`${location.pathname}${location.search}`}
    </output>
  );
}

/** The whole app as a browser would run it, at `path`; only fetch is replaced (see mock-api). */
export function renderApp(path = '/') {
  const client = createQueryClient({ retry: false });
  const utils = render(
    <AppProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProvider>,
  );
  const location = () => utils.getByTestId('location').textContent;
  return { ...utils, client, location };
}
