import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface BoundaryProps {
  children: ReactNode;
  /** What to show instead of the part that failed; nothing when absent. */
  fallback?: ReactNode;
}

/** Catches a part of the app that failed to render (its code could not be loaded, say). */
class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}

/**
 * Says why a page could not be shown instead of leaving the screen blank: offline, its code was
 * never loaded on this device; online, the hub was most likely updated since this tab opened (its
 * old files are gone), which a reload mends. Moving to another page tries again.
 */
function PageLoadFailed() {
  const { t } = useTranslation('app');
  const offline = !navigator.onLine;
  return (
    <Alert
      color={offline ? 'gray' : 'yellow'}
      variant="light"
      role="alert"
      title={t(offline ? 'pageLoad.offlineTitle' : 'pageLoad.title')}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t(offline ? 'pageLoad.offlineBody' : 'pageLoad.body')}</Text>
        <Button size="xs" variant="outline" onClick={() => window.location.reload()}>
          {t('pageLoad.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function PageLoadBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary key={pathname} fallback={<PageLoadFailed />}>
      {children}
    </Boundary>
  );
}

/** For parts beside the page (the header's search and bell): left out quietly when they fail. */
export function QuietBoundary({ children }: { children: ReactNode }) {
  return <Boundary>{children}</Boundary>;
}
