import type { UserList } from '@dari/contracts';
import { apiRequest } from '../../../lib/api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit API filters by account id; people know usernames. An id is taken as is; a username is
 * looked up in the admins' user list (exact match, compared as the API stores it: lower case, NFC).
 * Returns null when no account has that username.
 */
export async function findPersonId(input: string, signal?: AbortSignal): Promise<string | null> {
  const value = input.trim();
  if (UUID.test(value)) return value.toLowerCase();
  const username = value.normalize('NFC').toLowerCase();
  const list = await apiRequest<UserList>('/admin/users', { query: { q: username, page: 1, pageSize: 100 }, signal });
  return list.items.find((u) => u.username.normalize('NFC').toLowerCase() === username)?.id ?? null;
}
