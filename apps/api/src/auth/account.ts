import type { Locale, Me, Role } from '@dari/contracts';

/** What signing in reads of an account (users owns the table; auth reads these columns only). */
export interface SignInAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: 'active' | 'disabled';
  locale: Locale;
  passwordHash: string | null;
  createdAt: Date;
}

/** The signed-in person as the API shows them to themselves. */
export function toMe(
  user: Pick<SignInAccount, 'id' | 'username' | 'displayName' | 'role' | 'locale' | 'createdAt'>,
  sharedDevice: boolean,
): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    sharedDevice,
    createdAt: user.createdAt.toISOString(),
  };
}
