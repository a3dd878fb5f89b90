import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen';
import { MeetingScreen } from '../features/meeting/MeetingScreen';
import { DesktopEvents } from './DesktopEvents';
import { ErrorBoundary } from './ErrorBoundary';
import { queryClient } from './query-client';
import { listenToHistory, useRouteStore } from './route-store';

export function App() {
  const route = useRouteStore((state) => state.route);
  const { t } = useTranslation();

  useEffect(() => listenToHistory(), []);

  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <a className="skip-link" href="#content">
          {t('app.skipToContent')}
        </a>
        <DesktopEvents />
        {route.name === 'home' ? <HomeScreen /> : <MeetingScreen key={route.slug} slug={route.slug} />}
      </ErrorBoundary>
    </QueryClientProvider>
  );
}
