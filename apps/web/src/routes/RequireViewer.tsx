import { useViewer } from '@convene/web-data-access';
import { PageError, PageLoader, signInPathFor, twoFactorSetupPathFor } from '@convene/web-ui';
import { Navigate, Outlet, useLocation } from 'react-router';

/**
 * Pages for signed-in people: anyone else is sent to sign in and brought back afterwards. Someone
 * whose role needs two-factor sign-in that is not on yet is sent to set it up first, except on
 * the setup page itself (`duringTwoFactorSetup`).
 */
export function RequireViewer({ duringTwoFactorSetup = false }: { duringTwoFactorSetup?: boolean }) {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!viewer && error) return <PageError error={error} onRetry={refetch} />;
  if (!viewer) return <Navigate to={signInPathFor(location)} replace />;
  if (viewer.twoFactorSetupRequired && !duringTwoFactorSetup)
    return <Navigate to={twoFactorSetupPathFor(location)} replace />;
  return <Outlet />;
}
