import { SW_MESSAGES } from '@convene/web-data-access/offline';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** Moves to the page a tapped notification is about, when the worker says which. */
export function useServiceWorkerNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; url?: string } | null;
      if (data?.type === SW_MESSAGES.navigate && typeof data.url === 'string' && data.url.startsWith('/')) {
        void navigate(data.url);
      }
    };
    container.addEventListener('message', onMessage);
    return () => container.removeEventListener('message', onMessage);
  }, [navigate]);
}
