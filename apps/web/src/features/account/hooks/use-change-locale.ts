import type { Locale, Me } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { rememberLocale, setLanguage } from '../../../i18n';
import { meQueryKey } from '../../../lib/session';
import { useUpdateMe } from '../api/update-me';

/** Switch the interface at once; when signed in, also save the choice to the account. */
export function useChangeLocale() {
  const client = useQueryClient();
  const update = useUpdateMe();

  const change = (locale: Locale) => {
    void setLanguage(locale);
    rememberLocale(locale);
    const me = client.getQueryData<Me | null>(meQueryKey);
    if (me && me.locale !== locale) {
      // Show the new language right away; the saved answer replaces this when it arrives.
      client.setQueryData<Me>(meQueryKey, { ...me, locale });
      update.mutate({ locale });
    }
  };
  return { change, error: update.error, saved: update.isSuccess };
}
