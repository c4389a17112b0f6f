import { api } from '../../../lib/api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 100; // the most the user list gives at once
const MAX_PAGES = 20;

/**
 * The audit API filters by account id; people know usernames. An id is taken as is; a username is
 * looked up in the admins' user list (which matches parts of names, so the exact username is picked
 * out, compared as the API stores it: lower case, NFC). Returns null when no account has that username.
 */
export async function findPersonId(input: string, signal?: AbortSignal): Promise<string | null> {
  const value = input.trim();
  if (UUID.test(value)) return value.toLowerCase();
  const username = value.normalize('NFC').toLowerCase();
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const list = await api('adminUsers.list', { query: { q: username, page, pageSize: PAGE_SIZE }, signal });
    const found = list.items.find((u) => u.username.normalize('NFC').toLowerCase() === username);
    if (found) return found.id;
    if (page * PAGE_SIZE >= list.total) break;
  }
  return null;
}
