import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';
import { navigateOutsideReact } from './browser-router';
import { policyAcceptancePath, policyAcceptancePathFor, secondFactorSetupPath } from './paths';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() =>
    createQueryClient({
      onSecondFactorRequired: () => {
        if (window.location.pathname !== '/account/security') navigateOutsideReact(secondFactorSetupPath);
      },
      onPolicyAcceptanceRequired: () => {
        if (window.location.pathname !== policyAcceptancePath) navigateOutsideReact(policyAcceptancePathFor(window.location.pathname + window.location.search));
      },
    }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
