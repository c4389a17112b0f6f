import type { Role } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadErrorPage } from '@/components/alerts';
import { Loading } from '@/components/loading';
import { ROLE_HOME } from '@/lib/roles';
import { signInPath } from '@/lib/safe-next';
import { getSessionEnd, useMe } from '@/lib/session';
import { ForbiddenPage } from './forbidden-page';
import { paths } from '@/config/paths';

/** Signed-out people go to the sign-in page and come back here afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const client = useQueryClient();

  if (me.data) return <Outlet />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadErrorPage error={me.error} onRetry={() => void me.refetch()} />;
  const reason = getSessionEnd(client);
  // After signing out or erasing the account there is nothing to come back to.
  const next =
    reason === 'signed-out' || reason === 'erased'
      ? undefined
      : `${location.pathname}${location.search}${location.hash}`;
  return <Navigate replace to={signInPath({ next, reason })} />;
}

/** The API checks roles too; this only spares people a page they cannot use. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { data: me } = useMe();
  if (!me) return <Loading />;
  if (!roles.includes(me.role)) return <ForbiddenPage />;
  return <Outlet />;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.data) return <Navigate replace to={ROLE_HOME[me.data.role]} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadErrorPage error={me.error} onRetry={() => void me.refetch()} />;
  return <Navigate replace to={paths.signIn} />;
}
