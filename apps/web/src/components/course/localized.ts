import type { Locale } from '@dari/contracts';
import { HTML_LANG } from '../../lib/format';

type Text = { ko: string; en?: string; zh?: string };

/** The text in the reader's language when written, else Korean (always there); with its lang tag. */
export function pickText(text: Text | null | undefined, locale: Locale): { text: string; lang: string } {
  const chosen = text?.[locale];
  if (chosen && chosen.trim()) return { text: chosen, lang: HTML_LANG[locale] };
  return { text: text?.ko ?? '', lang: HTML_LANG.ko };
}
