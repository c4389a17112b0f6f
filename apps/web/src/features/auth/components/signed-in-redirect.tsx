import type { Me } from '@dari/contracts';
import { Navigate, useSearchParams } from 'react-router';
import { ROLE_HOME } from '../../../lib/roles';
import { safeNextPath } from '../../../lib/safe-next';

/** Once signed in, go back to where the person was going, or to their role's home. */
export function SignedInRedirect({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  return <Navigate replace to={next ?? ROLE_HOME[me.role]} />;
}
