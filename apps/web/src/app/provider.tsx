import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AppErrorBoundary } from './app-error-boundary';
import { LocaleSync } from './locale-sync';

export function AppProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={client}>
        <LocaleSync />
        {children}
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}
