import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import './i18n.ts';
import './styles.css';
import { SessionProvider } from './session/SessionProvider.tsx';
import { AuthGate } from './features/auth/AuthGate.tsx';
import { AppRoutes } from './routes/AppRoutes.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <AuthGate>
          <AppRoutes />
        </AuthGate>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
