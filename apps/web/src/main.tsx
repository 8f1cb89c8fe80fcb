import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './lib/i18n';
import { AppProviders } from './app/providers';
import { BrowserRouter } from './app/browser-router';
import { AppRoutes } from './app/router';
import './styles.css';

// English readers get their bundle before the first render (no flash of Dutch).
void initI18n().then(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('Missing #root element');

  createRoot(container).render(
    <StrictMode>
      <AppProviders>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
});
