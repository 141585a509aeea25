import { useViewer } from '@convene/web-data-access';
import { PageError, PageLoader, signInPathFor } from '@convene/web-ui';
import { Navigate, Outlet, useLocation } from 'react-router';

/** Pages for signed-in people: anyone else is sent to sign in and brought back afterwards. */
export function RequireViewer() {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!viewer && error) return <PageError error={error} onRetry={refetch} />;
  if (!viewer) return <Navigate to={signInPathFor(location)} replace />;
  return <Outlet />;
}
